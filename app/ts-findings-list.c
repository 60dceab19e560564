/* ts-findings-list.c - what the user should know about a project's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two groups of rows: warnings about the project as read (no markers,
 * unnamed ones, curved automation, several arrangements), and whether
 * the list as the user will copy it makes YouTube chapters. The button
 * that copies a fixed list activates page.copy-youtube-fix, which the
 * project view around it provides.
 */
#define G_LOG_DOMAIN "ts-findings-list"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-findings-list.h"
#include "ts-mnemonic-labels.h"
#include "ts-youtube.h"

struct _TsFindingsList
{
  GtkBox               parent_instance;

  AdwPreferencesGroup *warnings_group;
  AdwPreferencesGroup *youtube_group;
  GtkWidget           *youtube_fix_button;

  TsDocument          *document;
  GPtrArray           *warnings;
  GPtrArray           *youtube_rows;
  guint                youtube_source;
};

G_DEFINE_FINAL_TYPE (TsFindingsList, ts_findings_list, GTK_TYPE_BOX)

/* The rows are replaced wholesale on each update. */
static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));

  g_ptr_array_set_size (rows, 0);
}

/* Titles and subtitles carry names from the project (arrangements, YouTube
 * lines) and a row reads both as markup. use-markup cannot help: in
 * libadwaita 1.2 it does not reach the subtitle. Escaping renders the same
 * text on every version. */
static void
add_row (AdwPreferencesGroup *group,
         GPtrArray           *rows,
         const char          *icon_name,
         const char          *style,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);
  g_autofree char *title_markup = g_markup_escape_text (title, -1);

  gtk_widget_add_css_class (icon, style);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
  if (subtitle != NULL)
    {
      g_autofree char *subtitle_markup = g_markup_escape_text (subtitle, -1);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_markup);
    }
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (rows, row);
}

/* Hidden groups still take the parent box's spacing through this box. */
static void
update_visible (TsFindingsList *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self),
                          gtk_widget_get_visible (GTK_WIDGET (self->warnings_group)) ||
                          gtk_widget_get_visible (GTK_WIDGET (self->youtube_group)));
}

static void
add_warning (TsFindingsList *self,
             const char     *title,
             const char     *subtitle)
{
  add_row (self->warnings_group, self->warnings, "dialog-warning-symbolic", "warning", title, subtitle);
}

static void
update_warnings (TsFindingsList *self)
{
  const TsTracklist *tracklist = ts_document_get_tracklist (self->document);
  guint n_arrangements = ts_document_get_n_arrangements (self->document);
  guint n_tracks = ts_tracklist_get_n_tracks (tracklist);
  guint n_unnamed = 0;

  clear_rows (self->warnings_group, self->warnings);

  for (guint i = 0; i < n_tracks; i++)
    {
      const TsTrack *track = ts_tracklist_get_track (tracklist, i);

      if (track->title == NULL || track->title[0] == '\0')
        n_unnamed++;
    }

  if (n_tracks == 0)
    add_warning (self,
                 _("No markers"),
                 _("Add a locator or marker where each track starts, save, and the list fills in."));

  if (n_unnamed > 0)
    {
      g_autofree char *title = g_strdup_printf (ngettext ("%u marker has no name",
                                                          "%u markers have no name",
                                                          n_unnamed),
                                                n_unnamed);

      add_warning (self, title, _("Name them in the project, or type a title in the list."));
    }

  /* The reader's own words: they name the part left out. */
  for (guint i = 0; tracklist->warnings != NULL && tracklist->warnings[i] != NULL; i++)
    add_warning (self, _("Part of the file is missing"), tracklist->warnings[i]);

  if (tracklist->curved_automation)
    add_warning (self,
                 _("Curved tempo automation"),
                 _("Curved tempo ramps are timed as straight ones, so times after them may be slightly off."));

  if (n_arrangements > 1)
    {
      const char *name = ts_document_get_arrangement_name (self->document,
                                                           ts_document_get_arrangement (self->document));
      g_autofree char *subtitle =
        g_strdup_printf (_("The markers come from “%s”; choose another arrangement above."), name ? name : "");

      add_warning (self, _("Several arrangements"), subtitle);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->warnings_group), self->warnings->len > 0);
  update_visible (self);
}

/* YouTube turns a description into chapters only when every rule holds;
 * the check runs on the list as the user will copy it. */
static void
update_youtube (TsFindingsList *self)
{
  g_autoptr(TsTracklist) tracklist = ts_document_build_tracklist (self->document);
  g_autoptr(GArray) problems = NULL;
  gboolean fixable = FALSE;

  clear_rows (self->youtube_group, self->youtube_rows);

  if (tracklist == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->youtube_group), FALSE);
      update_visible (self);
      return;
    }

  problems = ts_youtube_check (tracklist);

  if (problems->len == 0)
    add_row (self->youtube_group, self->youtube_rows, "emblem-ok-symbolic", "success",
             _("Ready for YouTube chapters"),
             _("Export them with YouTube Chapters, in the menu beside Copy."));

  for (guint i = 0; i < problems->len; i++)
    {
      const TsYoutubeProblem *problem = &g_array_index (problems, TsYoutubeProblem, i);

      add_row (self->youtube_group, self->youtube_rows, "dialog-warning-symbolic", "warning",
               problem->message, NULL);

      switch (problem->rule)
        {
        case TS_YOUTUBE_RULE_FIRST_AT_ZERO:
        case TS_YOUTUBE_RULE_TITLE:
          fixable = TRUE;
          break;
        /* Only the user knows what to merge or add. */
        case TS_YOUTUBE_RULE_MIN_CHAPTERS:
        case TS_YOUTUBE_RULE_MIN_LENGTH:
        case TS_YOUTUBE_RULE_ASCENDING:
          break;
        }
    }

  gtk_widget_set_visible (self->youtube_fix_button, fixable);
  gtk_widget_set_visible (GTK_WIDGET (self->youtube_group), TRUE);
  update_visible (self);
}

static gboolean
update_youtube_idle (gpointer data)
{
  TsFindingsList *self = data;

  self->youtube_source = 0;
  update_youtube (self);

  return G_SOURCE_REMOVE;
}

/* Typing a title edits the list once per key: check once it pauses. */
static void
queue_update_youtube (TsFindingsList *self)
{
  if (self->youtube_source == 0)
    self->youtube_source = g_idle_add (update_youtube_idle, self);
}

static void
on_document_changed (TsFindingsList *self)
{
  update_warnings (self);
  queue_update_youtube (self);
}

static void
ts_findings_list_dispose (GObject *object)
{
  TsFindingsList *self = (TsFindingsList *)object;

  g_clear_handle_id (&self->youtube_source, g_source_remove);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_FINDINGS_LIST);

  G_OBJECT_CLASS (ts_findings_list_parent_class)->dispose (object);
}

static void
ts_findings_list_finalize (GObject *object)
{
  TsFindingsList *self = (TsFindingsList *)object;

  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->youtube_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ts_findings_list_parent_class)->finalize (object);
}

static void
ts_findings_list_class_init (TsFindingsListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ts_findings_list_dispose;
  object_class->finalize = ts_findings_list_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/me/timestamps/Timestamps/ui/ts-findings-list.ui");
  gtk_widget_class_bind_template_child (widget_class, TsFindingsList, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, TsFindingsList, youtube_group);
  gtk_widget_class_bind_template_child (widget_class, TsFindingsList, youtube_fix_button);
}

static void
ts_findings_list_init (TsFindingsList *self)
{
  self->warnings = g_ptr_array_new ();
  self->youtube_rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  ts_mnemonic_labels_fix (GTK_WIDGET (self));
}

/**
 * ts_findings_list_set_document:
 *
 * Shows the findings of @document from its next ::changed on, and checks
 * YouTube's rules again after each edit.
 */
void
ts_findings_list_set_document (TsFindingsList *self,
                               TsDocument     *document)
{
  g_return_if_fail (TS_IS_FINDINGS_LIST (self));
  g_return_if_fail (TS_IS_DOCUMENT (document));
  g_return_if_fail (self->document == NULL);

  self->document = g_object_ref (document);
  g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "edited", G_CALLBACK (queue_update_youtube), self, G_CONNECT_SWAPPED);
}
