/* ts-project-view-template.c - the line template, checked as it is typed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under the template entry the page shows the first lines the template
 * makes of this project, or, while the template has a mistake, what the
 * mistake is: a typo shows before it reaches a whole tracklist.
 */
#define G_LOG_DOMAIN "ts-project-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-export.h"
#include "ts-project-view-private.h"
#include "ts-template.h"
#include "ts-track-row.h"

/* Enough lines to see the pattern, few enough to read at a glance. */
#define PREVIEW_LINES 3

static char *
build_preview (TsProjectView *self,
               const char    *template_)
{
  GListModel *rows = G_LIST_MODEL (self->rows);
  guint n_rows = g_list_model_get_n_items (rows);
  GString *text = g_string_new (NULL);
  TsTimeFormat format;
  guint n_lines = 0;

  ts_document_get_time_format (self->document, &format);

  for (guint i = 0; i < n_rows && n_lines < PREVIEW_LINES; i++)
    {
      g_autoptr(TsTrackRow) row = g_list_model_get_item (rows, i);
      g_autofree char *line = NULL;
      TsTrack track;

      if (!ts_track_row_get_shown (row))
        continue;

      track.index = ts_track_row_get_index (row);
      track.seconds = ts_track_row_get_seconds (row);
      track.beat = ts_track_row_get_beat (row);
      track.title = (char *)ts_track_row_get_title (row);
      line = ts_template_expand (template_, &track, &format);

      if (n_lines++ > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, line);
    }

  return g_string_free (text, FALSE);
}

/* The popover lists core's presets, so the app offers no template
 * core does not: each by its name, with its syntax below. */
void
_ts_project_view_init_presets (TsProjectView *self)
{
  for (guint i = 0; ts_template_presets[i].template_ != NULL; i++)
    {
      const TsTemplatePreset *preset = &ts_template_presets[i];
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(preset->name));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), preset->template_);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "page.template");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", preset->template_);
      gtk_list_box_append (self->preset_list, row);
    }
}

/* Called whenever the template, the time format or a row changes. */
void
_ts_project_view_update_template (TsProjectView *self)
{
  const char *template_ = ts_document_get_template (self->document);
  g_autoptr(GError) error = NULL;
  g_autofree char *preview = NULL;

  if (!ts_template_validate (template_, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->template_row), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->template_preview), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->template_preview), "dim-label");
      gtk_label_set_label (self->template_preview, error->message);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->template_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->template_preview), "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->template_preview), "dim-label");

  preview = build_preview (self, template_);
  gtk_label_set_label (self->template_preview, preview);
  gtk_widget_set_visible (GTK_WIDGET (self->template_preview), preview[0] != '\0');
}

/* A preset picked in the popover is applied by its row's page.template
 * action; the popover has then done its job. */
void
_ts_project_view_on_preset_activated (TsProjectView *self,
                                      GtkListBoxRow *row,
                                      GtkListBox    *list)
{
  gtk_popover_popdown (self->template_popover);
}
