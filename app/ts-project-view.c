/* ts-project-view.c - one open project: its facts, tempo and markers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A view of one TsDocument: it shows what the document computed and
 * tells it what the user chose and edited. Loading, the file and its
 * monitor are the document's. The cells are in
 * ts-project-view-columns.c, copy and export in ts-project-view-actions.c.
 */
#define G_LOG_DOMAIN "ts-project-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ts-enums.h"
#include "ts-format-info.h"
#include "ts-mnemonic-labels.h"
#include "ts-project-view-private.h"
#include "ts-template.h"
#include "ts-track-row.h"

G_DEFINE_FINAL_TYPE (TsProjectView, ts_project_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_LOADING,
  PROP_MODE,
  PROP_TEMPLATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Loading lasts from the view's start, before the window has the
 * document read anything, until every row of a first result is in the
 * list, or the read failed. */
static void
update_loading (TsProjectView *self)
{
  gboolean has_result = ts_document_get_tracklist (self->document) != NULL;
  gboolean loading = ts_document_get_loading (self->document) || self->pending_rows != NULL ||
                     (!has_result && ts_document_get_error (self->document) == NULL);

  if (loading && !has_result)
    {
      g_autofree char *label = g_strdup_printf (_("Reading “%s”…"), ts_document_get_title (self->document));

      gtk_label_set_label (self->loading_label, label);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }

  if (self->loading == loading)
    return;

  self->loading = loading;

  if (loading)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Cue sheets list times, not beats: they have no tempo to show or to
 * choose a timing for. */
static gboolean
format_has_tempo (TsFormat format)
{
  switch (format)
    {
    case TS_FORMAT_ABLETON:
    case TS_FORMAT_FL_STUDIO:
      return TRUE;
    case TS_FORMAT_CUE:
      return FALSE;
    }

  g_return_val_if_reached (FALSE);
}

/* Says where in the DAW markers are made, for a project that has none. */
static const char *
no_markers_hint (TsFormat format)
{
  switch (format)
    {
    case TS_FORMAT_ABLETON:
      return _("Add a locator in Live’s arrangement where each track starts "
               "(Create → Add Locator), name it “Artist - Title” and save the set.");
    case TS_FORMAT_FL_STUDIO:
      return _("Add a time marker in the playlist where each track starts "
               "(Playlist menu → Time markers → Add one), name it “Artist - Title” "
               "and save the project.");
    case TS_FORMAT_CUE:
      return _("The cue sheet lists no tracks.");
    }

  g_return_val_if_reached (NULL);
}

static void
update_tempo_parts (TsProjectView *self)
{
  const TsTracklist *tracklist = ts_document_get_tracklist (self->document);
  gboolean has_tempo = format_has_tempo (tracklist->format);
  gboolean has_markers = ts_tracklist_get_n_tracks (tracklist) > 0;

  gtk_widget_set_visible (GTK_WIDGET (self->tempo_graph), has_tempo);
  gtk_widget_set_visible (self->graph_separator, has_tempo);
  gtk_widget_set_visible (GTK_WIDGET (self->mode_row), has_tempo);
  gtk_widget_set_visible (GTK_WIDGET (self->automation_row), has_tempo);

  adw_status_page_set_description (self->no_markers_page, no_markers_hint (tracklist->format));
  gtk_stack_set_visible_child_name (self->list_stack, has_markers ? "tracks" : "no-markers");
}

static void
update_facts (TsProjectView *self)
{
  const TsTracklist *tracklist = ts_document_get_tracklist (self->document);
  TsTempoMap *tempo_map = ts_document_get_tempo_map (self->document);
  const char *daw = tracklist->daw_version ? tracklist->daw_version
                                           : _(ts_format_info_get (tracklist->format)->label);
  TsTimeFormat length_format = TS_TIME_FORMAT_INIT;

  gtk_label_set_label (self->daw_label, daw);

  gtk_widget_set_visible (GTK_WIDGET (self->tempo_row), isfinite (tracklist->bpm));
  if (isfinite (tracklist->bpm))
    {
      g_autofree char *tempo = g_strdup_printf (_("%.2f BPM"), tracklist->bpm);

      gtk_label_set_label (self->tempo_label, tempo);
    }

  if (tracklist->tempo_automation && tempo_map != NULL)
    {
      guint n_points = ts_tempo_map_get_n_points (tempo_map);
      g_autofree char *text = g_strdup_printf (ngettext ("Yes, %u point", "Yes, %u points", n_points),
                                               n_points);

      gtk_label_set_label (self->automation_label, text);
    }
  else
    {
      gtk_label_set_label (self->automation_label, _("No"));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->length_row), isfinite (tracklist->end_seconds));
  if (isfinite (tracklist->end_seconds))
    {
      g_autofree char *length = ts_format_time (tracklist->end_seconds, &length_format);

      gtk_label_set_label (self->length_label, length);
    }
}

/* FL calls an arrangement it has no name for after its number. */
static char *
dup_arrangement_name (TsProjectView *self,
                      guint          arrangement)
{
  const char *name = ts_document_get_arrangement_name (self->document, arrangement);

  if (name == NULL || name[0] == '\0')
    return g_strdup_printf (_("Arrangement %u"), arrangement + 1);

  return g_strdup (name);
}

static void
update_arrangements (TsProjectView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n_arrangements = ts_document_get_n_arrangements (self->document);
  guint shown = ts_document_get_arrangement (self->document);
  g_autofree char *note = NULL;
  guint saved;

  for (guint i = 0; i < n_arrangements; i++)
    gtk_string_list_take (names, dup_arrangement_name (self, i));

  self->updating_arrangements = TRUE;
  adw_combo_row_set_model (self->arrangement_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->arrangement_row, shown);
  self->updating_arrangements = FALSE;

  /* The DAW reopens on the arrangement it saved; without this the user
   * would wonder why the page shows another. */
  if (ts_document_get_passed_over_arrangement (self->document, &saved))
    {
      g_autofree char *shown_name = dup_arrangement_name (self, shown);
      g_autofree char *saved_name = dup_arrangement_name (self, saved);

      note = g_strdup_printf (_("Markers from arrangement “%s”; “%s” has none"), shown_name, saved_name);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->arrangement_row), note != NULL ? note : "");

  gtk_widget_set_visible (GTK_WIDGET (self->arrangement_row), n_arrangements > 1);
}

static void
update_mode_subtitle (TsProjectView *self)
{
  const char *subtitle = NULL;

  switch (ts_document_get_mode (self->document))
    {
    case TS_TEMPO_MODE_DAW:
      subtitle = _("Where the DAW plays each marker");
      break;
    case TS_TEMPO_MODE_EXACT:
      subtitle = _("From the exact tempo curve");
      break;
    }

  adw_action_row_set_subtitle (self->mode_row, subtitle);
}

/* The rows are how the list shows the document's edits; an edit made in
 * a row goes to the document, where it outlives the row. */
static void
on_row_title (TsProjectView *self,
              GParamSpec    *pspec,
              TsTrackRow    *row)
{
  const char *title = ts_track_row_get_title (row);

  if (g_strcmp0 (title, ts_track_row_get_original_title (row)) == 0)
    title = NULL;

  ts_document_set_marker_title (self->document, ts_track_row_get_key (row), title);
  _ts_project_view_update_template (self);
}

static void
on_row_shown (TsProjectView *self,
              GParamSpec    *pspec,
              TsTrackRow    *row)
{
  ts_document_set_marker_hidden (self->document, ts_track_row_get_key (row), !ts_track_row_get_shown (row));
  _ts_project_view_update_template (self);
  ts_tempo_graph_markers_edited (self->tempo_graph);
}

static void
stop_populating (TsProjectView *self)
{
  g_clear_handle_id (&self->populate_source, g_source_remove);
  g_clear_pointer (&self->pending_rows, g_ptr_array_unref);
  self->pending_pos = 0;
}

static gboolean
populate_step (gpointer data)
{
  TsProjectView *self = data;
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  guint n_left = self->pending_rows->len - self->pending_pos;
  guint n = n_left;

  if (n_shown < TS_PROJECT_VIEW_ROWS_STEPPED)
    n = MIN (TS_PROJECT_VIEW_ROWS_PER_STEP, n_left);

  g_list_store_splice (self->rows, n_shown, 0,
                       self->pending_rows->pdata + self->pending_pos, n);
  self->pending_pos += n;

  if (self->pending_pos < self->pending_rows->len)
    return G_SOURCE_CONTINUE;

  self->populate_source = 0;
  g_clear_pointer (&self->pending_rows, g_ptr_array_unref);
  self->pending_pos = 0;
  update_loading (self);

  return G_SOURCE_REMOVE;
}

static GPtrArray *
build_rows (TsProjectView *self)
{
  const TsTracklist *tracklist = ts_document_get_tracklist (self->document);
  const TsEdits *edits = ts_document_get_edits (self->document);
  guint n_tracks = ts_tracklist_get_n_tracks (tracklist);
  GPtrArray *rows = g_ptr_array_new_full (n_tracks, g_object_unref);
  TsTimeFormat format;

  ts_document_get_time_format (self->document, &format);

  for (guint i = 0; i < n_tracks; i++)
    {
      const char *key = ts_document_get_marker_key (self->document, i);
      TsTrackRow *row = ts_track_row_new (ts_tracklist_get_track (tracklist, i), key);
      const char *title = ts_edits_get_title (edits, key);

      if (title != NULL)
        ts_track_row_set_title (row, title);
      ts_track_row_set_shown (row, !ts_edits_get_hidden (edits, key));
      ts_track_row_update_time (row, &format);

      g_signal_connect_object (row, "notify::title", G_CALLBACK (on_row_title), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "notify::shown", G_CALLBACK (on_row_shown), self, G_CONNECT_SWAPPED);
      g_ptr_array_add (rows, row);
    }

  return rows;
}

static void
on_document_changed (TsProjectView *self)
{
  const TsTracklist *tracklist = ts_document_get_tracklist (self->document);

  stop_populating (self);
  g_list_store_remove_all (self->rows);
  self->pending_rows = build_rows (self);
  self->pending_pos = 0;
  if (populate_step (self))
    self->populate_source = g_idle_add (populate_step, self);

  ts_tempo_graph_set_tempo_map (self->tempo_graph, ts_document_get_tempo_map (self->document),
                                ts_document_get_mode (self->document), tracklist->end_seconds);
  update_facts (self);
  update_tempo_parts (self);
  update_arrangements (self);
  _ts_project_view_update_template (self);

  gtk_stack_set_visible_child_name (self->stack, "result");
  update_loading (self);
}

static void
on_document_error (TsProjectView *self)
{
  const GError *error = ts_document_get_error (self->document);

  if (error == NULL)
    return;

  /* A project already shown stays; the document reads it again on the
   * next change. */
  if (ts_document_get_tracklist (self->document) != NULL)
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 5);
      _ts_project_view_add_toast (self, toast);
      return;
    }

  /* The window's title names the file already. */
  adw_status_page_set_title (self->error_page, _("Could Not Open the Project"));
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
refresh_times (TsProjectView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  TsTimeFormat format;

  ts_document_get_time_format (self->document, &format);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsTrackRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      ts_track_row_update_time (row, &format);
    }
  for (guint i = self->pending_pos; self->pending_rows != NULL && i < self->pending_rows->len; i++)
    ts_track_row_update_time (g_ptr_array_index (self->pending_rows, i), &format);

  _ts_project_view_update_template (self);
}

static void
on_document_hours (TsProjectView *self)
{
  TsTimeFormat format;

  ts_document_get_time_format (self->document, &format);
  if (adw_combo_row_get_selected (self->hours_row) != (guint)format.hours)
    adw_combo_row_set_selected (self->hours_row, format.hours);
}

static void
on_document_mode (TsProjectView *self)
{
  update_mode_subtitle (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

static void
on_document_template (TsProjectView *self)
{
  _ts_project_view_update_template (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE]);
}

/* The combo lists the styles in the enum's order. */
static void
on_hours_selected (TsProjectView *self)
{
  guint selected = adw_combo_row_get_selected (self->hours_row);
  TsTimeFormat format;

  ts_document_get_time_format (self->document, &format);

  switch (selected)
    {
    case 0:
      format.hours = TS_HOURS_AUTO;
      break;
    case 1:
      format.hours = TS_HOURS_ALWAYS;
      break;
    case 2:
      format.hours = TS_HOURS_NEVER;
      break;
    default:
      return;
    }

  ts_document_set_time_format (self->document, &format);
}

static void
on_arrangement_selected (TsProjectView *self)
{
  guint selected = adw_combo_row_get_selected (self->arrangement_row);

  if (self->updating_arrangements || selected == GTK_INVALID_LIST_POSITION)
    return;

  ts_document_set_arrangement (self->document, selected);
}

static void
ts_project_view_constructed (GObject *object)
{
  TsProjectView *self = (TsProjectView *)object;
  TsDocument *document = self->document;

  G_OBJECT_CLASS (ts_project_view_parent_class)->constructed (object);

  g_assert (TS_IS_DOCUMENT (document));

  g_signal_connect_object (document, "changed", G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::loading", G_CALLBACK (update_loading), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::error", G_CALLBACK (on_document_error), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::mode", G_CALLBACK (on_document_mode), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::template", G_CALLBACK (on_document_template), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::hours", G_CALLBACK (on_document_hours), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::hours", G_CALLBACK (refresh_times), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::milliseconds", G_CALLBACK (refresh_times), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (document, "notify::rounding", G_CALLBACK (refresh_times), self, G_CONNECT_SWAPPED);

  g_object_bind_property (document, "milliseconds", self->ms_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (document, "template", self->template_row, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  ts_findings_list_set_document (self->findings_list, document);

  on_document_hours (self);
  update_mode_subtitle (self);
  g_signal_connect_object (self->hours_row, "notify::selected",
                           G_CALLBACK (on_hours_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->arrangement_row, "notify::selected",
                           G_CALLBACK (on_arrangement_selected), self, G_CONNECT_SWAPPED);

  if (ts_document_get_tracklist (document) != NULL)
    on_document_changed (self);
  else
    update_loading (self);
}

static void
ts_project_view_dispose (GObject *object)
{
  TsProjectView *self = (TsProjectView *)object;

  stop_populating (self);

  /* The stack is AdwBin's child: let AdwBin unparent it, or both would. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_PROJECT_VIEW);

  G_OBJECT_CLASS (ts_project_view_parent_class)->dispose (object);
}

static void
ts_project_view_finalize (GObject *object)
{
  TsProjectView *self = (TsProjectView *)object;

  g_clear_object (&self->document);
  g_clear_object (&self->rows);

  G_OBJECT_CLASS (ts_project_view_parent_class)->finalize (object);
}

static void
ts_project_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TsProjectView *self = TS_PROJECT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_MODE:
      g_value_set_enum (value, ts_document_get_mode (self->document));
      break;

    case PROP_TEMPLATE:
      g_value_set_string (value, ts_document_get_template (self->document));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_project_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TsProjectView *self = TS_PROJECT_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      self->document = g_value_dup_object (value);
      break;

    case PROP_MODE:
      ts_document_set_mode (self->document, g_value_get_enum (value));
      break;

    case PROP_TEMPLATE:
      ts_document_set_template (self->document, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_project_view_class_init (TsProjectViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ts_project_view_constructed;
  object_class->dispose = ts_project_view_dispose;
  object_class->finalize = ts_project_view_finalize;
  object_class->get_property = ts_project_view_get_property;
  object_class->set_property = ts_project_view_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL,
                         TS_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The document's, here for the page.mode and page.template actions. */
  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL,
                       TS_TYPE_TEMPO_MODE, TS_TEMPO_MODE_DAW,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TEMPLATE] =
    g_param_spec_string ("template", NULL, NULL,
                         TS_TEMPLATE_DEFAULT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/me/timestamps/Timestamps/ui/ts-project-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, stack);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, flap);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, spinner);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, loading_label);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, error_page);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, daw_label);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, tempo_label);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, automation_label);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, length_label);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, tempo_row);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, automation_row);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, length_row);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, mode_row);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, arrangement_row);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, hours_row);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, ms_switch);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, template_row);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, template_preview);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, template_popover);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, preset_list);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_preset_activated",
                                                G_CALLBACK (_ts_project_view_on_preset_activated));
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, findings_list);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, tempo_graph);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, graph_separator);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, no_markers_page);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, column_view);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, shown_column);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, index_column);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, time_column);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, title_column);

  _ts_project_view_class_actions_init (klass);

  g_type_ensure (TS_TYPE_FINDINGS_LIST);
  g_type_ensure (TS_TYPE_TEMPO_GRAPH);
}

static void
ts_project_view_init (TsProjectView *self)
{
  self->rows = g_list_store_new (TS_TYPE_TRACK_ROW);

  gtk_widget_init_template (GTK_WIDGET (self));
  ts_mnemonic_labels_fix (GTK_WIDGET (self));

  _ts_project_view_init_columns (self);
  _ts_project_view_init_presets (self);
  ts_tempo_graph_set_markers (self->tempo_graph, G_LIST_MODEL (self->rows));
}

/**
 * ts_project_view_new:
 *
 * The view shows @document as it reads; reading is the document's to
 * start (ts_document_reload()).
 */
TsProjectView *
ts_project_view_new (TsDocument *document)
{
  g_return_val_if_fail (TS_IS_DOCUMENT (document), NULL);

  return g_object_new (TS_TYPE_PROJECT_VIEW,
                       "document", document,
                       NULL);
}

/**
 * ts_project_view_get_document:
 *
 * Returns: (transfer none): the project this view shows
 */
TsDocument *
ts_project_view_get_document (TsProjectView *self)
{
  g_return_val_if_fail (TS_IS_PROJECT_VIEW (self), NULL);

  return self->document;
}

/* The document is reading, or its rows are not all in the list yet. */
gboolean
ts_project_view_get_loading (TsProjectView *self)
{
  g_return_val_if_fail (TS_IS_PROJECT_VIEW (self), FALSE);

  return self->loading;
}

/**
 * ts_project_view_get_rows:
 *
 * Returns: (transfer none): the #TsTrackRow list the marker list shows
 */
GListModel *
ts_project_view_get_rows (TsProjectView *self)
{
  g_return_val_if_fail (TS_IS_PROJECT_VIEW (self), NULL);

  return G_LIST_MODEL (self->rows);
}

/**
 * ts_project_view_get_settings_flap:
 *
 * Returns: (transfer none): the flap that holds the settings column, folded
 *   away when the window is too narrow for it beside the tracklist
 */
AdwFlap *
ts_project_view_get_settings_flap (TsProjectView *self)
{
  g_return_val_if_fail (TS_IS_PROJECT_VIEW (self), NULL);

  return self->flap;
}
