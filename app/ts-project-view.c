/* ts-project-view.c - one open project: its facts, tempo and markers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ts-project-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ts-enums.h"
#include "ts-project-view-private.h"
#include "ts-template.h"
#include "ts-tempo-graph.h"
#include "ts-track-row.h"
#include "ts-youtube.h"

/* Editors save in bursts (truncate, write, rename); read once it settles. */
#define RELOAD_DELAY_MS 300

/* Shared between the page and the threads that compute from it. */
typedef struct
{
  TsProject *project;
} ProjectRef;

static void
project_ref_clear (gpointer data)
{
  ProjectRef *ref = data;

  g_clear_pointer (&ref->project, ts_project_free);
}

static ProjectRef *
project_ref_new (TsProject *project)
{
  ProjectRef *ref = g_atomic_rc_box_new0 (ProjectRef);

  ref->project = project;

  return ref;
}

static void
project_ref_unref (ProjectRef *ref)
{
  g_atomic_rc_box_release_full (ref, project_ref_clear);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ProjectRef, project_ref_unref)

typedef struct
{
  GFile       *file;
  char        *display_name;
  ProjectRef  *project;       /* NULL: read the file first */
  TsTempoMode  mode;
  guint        arrangement;
  gboolean     default_arrangement;
  TsTimeFormat time_format;
} Job;

typedef struct
{
  ProjectRef  *project;
  TsTempoMap  *tempo_map;
  TsTracklist *tracklist;
  GPtrArray   *rows;
  guint        arrangement;
  guint        n_arrangements;
} Result;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_clear_object (&job->file);
  g_clear_pointer (&job->display_name, g_free);
  g_clear_pointer (&job->project, project_ref_unref);
  g_free (job);
}

static void
result_free (gpointer data)
{
  Result *result = data;

  g_clear_pointer (&result->project, project_ref_unref);
  g_clear_pointer (&result->tempo_map, ts_tempo_map_unref);
  g_clear_pointer (&result->tracklist, ts_tracklist_free);
  g_clear_pointer (&result->rows, g_ptr_array_unref);
  g_free (result);
}

struct _TsProjectView
{
  AdwBin               parent_instance;

  GtkStack            *stack;
  GtkSpinner          *spinner;
  GtkLabel            *loading_label;
  AdwStatusPage       *error_page;
  GtkLabel            *daw_label;
  GtkLabel            *tempo_label;
  GtkLabel            *automation_label;
  GtkLabel            *length_label;
  AdwActionRow        *tempo_row;
  AdwActionRow        *length_row;
  AdwActionRow        *mode_row;
  AdwComboRow         *arrangement_row;
  AdwComboRow         *hours_row;
  GtkSwitch           *ms_switch;
  AdwEntryRow         *template_row;
  AdwPreferencesGroup *warnings_group;
  AdwPreferencesGroup *youtube_group;
  TsTempoGraph        *tempo_graph;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *shown_column;
  GtkColumnViewColumn *index_column;
  GtkColumnViewColumn *time_column;
  GtkColumnViewColumn *title_column;

  GFile               *file;
  char                *title;
  GCancellable        *cancellable;
  GFileMonitor        *monitor;
  guint                reload_source;
  guint                generation;

  ProjectRef          *project;
  TsTempoMap          *tempo_map;
  TsTracklist         *tracklist;
  GListStore          *rows;
  GPtrArray           *warnings;
  GError              *error;
  GPtrArray           *pending_rows;
  guint                pending_pos;
  guint                populate_source;
  GPtrArray           *youtube_rows;
  GtkWidget           *youtube_fix_button;
  guint                youtube_source;

  TsTempoMode          mode;
  TsTimeFormat         time_format;
  char                *template_;
  guint                arrangement;
  guint                n_arrangements;

  guint                loading : 1;
  guint                updating_arrangements : 1;
};

G_DEFINE_FINAL_TYPE (TsProjectView, ts_project_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_FILE,
  PROP_TITLE,
  PROP_LOADING,
  PROP_HAS_RESULT,
  PROP_MODE,
  PROP_TEMPLATE,
  PROP_MILLISECONDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void start_job (TsProjectView *self,
                       gboolean       read_file);

/* Markers have no ids in any format; the title and which of the equally
 * named ones it is identify a marker well enough to keep the user's edits
 * when the project is saved again with markers moved. */
static char *
make_row_key (GHashTable *seen,
              const char *title)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (seen, title));

  g_hash_table_insert (seen, (gpointer)title, GUINT_TO_POINTER (n + 1));

  return g_strdup_printf ("%u\x1f%s", n, title);
}

static void
compute_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(ProjectRef) project = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GError) error = NULL;
  Result *result;

  if (job->project != NULL)
    {
      project = g_atomic_rc_box_acquire (job->project);
    }
  else
    {
      TsProject *loaded = ts_project_load_file (job->file, cancellable, &error);

      if (loaded == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      project = project_ref_new (loaded);
    }

  result = g_new0 (Result, 1);
  result->n_arrangements = ts_project_get_n_arrangements (project->project);
  result->arrangement = job->arrangement;
  if (job->default_arrangement || job->arrangement >= result->n_arrangements)
    result->arrangement = ts_project_get_default_arrangement (project->project);

  result->tempo_map = ts_project_build_tempo_map (project->project, result->arrangement);
  result->tracklist = ts_tracklist_new_for_project (project->project, job->display_name,
                                                    result->arrangement, job->mode);
  result->rows = g_ptr_array_new_with_free_func (g_object_unref);

  seen = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < ts_tracklist_get_n_tracks (result->tracklist); i++)
    {
      const TsTrack *track = ts_tracklist_get_track (result->tracklist, i);
      g_autofree char *key = make_row_key (seen, track->title ? track->title : "");
      TsTrackRow *row = ts_track_row_new (track, key);

      ts_track_row_update_time (row, &job->time_format);
      g_ptr_array_add (result->rows, row);
    }

  result->project = g_steal_pointer (&project);

  g_task_return_pointer (task, result, result_free);
}

static void
set_loading (TsProjectView *self,
             gboolean       loading)
{
  loading = !!loading;

  if (self->loading == loading)
    return;

  self->loading = loading;

  if (loading)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
add_toast (TsProjectView *self,
           AdwToast      *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* The warnings and the YouTube findings are rows of the same kind: an
 * icon, a title and maybe a subtitle, replaced wholesale on each update. */
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

static void
add_warning (TsProjectView *self,
             const char    *title,
             const char    *subtitle)
{
  add_row (self->warnings_group, self->warnings, "dialog-warning-symbolic", "warning", title, subtitle);
}

static void
update_warnings (TsProjectView *self)
{
  guint n_tracks = ts_tracklist_get_n_tracks (self->tracklist);
  guint n_unnamed = 0;

  clear_rows (self->warnings_group, self->warnings);

  for (guint i = 0; i < n_tracks; i++)
    {
      const TsTrack *track = ts_tracklist_get_track (self->tracklist, i);

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

  if (self->tracklist->curved_automation)
    add_warning (self,
                 _("Curved tempo automation"),
                 _("Curved tempo ramps are timed as straight ones, so times after them may be slightly off."));

  if (self->n_arrangements > 1)
    {
      const char *name = ts_project_get_arrangement_name (self->project->project, self->arrangement);
      g_autofree char *subtitle =
        g_strdup_printf (_("The markers come from “%s”; choose another arrangement above."), name ? name : "");

      add_warning (self, _("Several arrangements"), subtitle);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->warnings_group), self->warnings->len > 0);
}

static void
update_facts (TsProjectView *self)
{
  const TsTracklist *tracklist = self->tracklist;
  const char *daw = tracklist->daw_version ? tracklist->daw_version : tracklist->format;
  TsTimeFormat length_format = TS_TIME_FORMAT_INIT;

  gtk_label_set_label (self->daw_label, daw ? daw : _("Unknown"));

  gtk_widget_set_visible (GTK_WIDGET (self->tempo_row), isfinite (tracklist->bpm));
  if (isfinite (tracklist->bpm))
    {
      g_autofree char *tempo = g_strdup_printf (_("%.2f BPM"), tracklist->bpm);

      gtk_label_set_label (self->tempo_label, tempo);
    }

  if (tracklist->tempo_automation && self->tempo_map != NULL)
    {
      guint n_points = ts_tempo_map_get_n_points (self->tempo_map);
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

static void
update_arrangements (TsProjectView *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (guint i = 0; i < self->n_arrangements; i++)
    {
      const char *name = ts_project_get_arrangement_name (self->project->project, i);
      g_autofree char *fallback = NULL;

      if (name == NULL || name[0] == '\0')
        name = fallback = g_strdup_printf (_("Arrangement %u"), i + 1);

      gtk_string_list_append (names, name);
    }

  self->updating_arrangements = TRUE;
  adw_combo_row_set_model (self->arrangement_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->arrangement_row, self->arrangement);
  self->updating_arrangements = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self->arrangement_row), self->n_arrangements > 1);
}

/* YouTube turns a description into chapters only when every rule holds;
 * the check runs on the list as the user will copy it. */
static void
update_youtube (TsProjectView *self)
{
  g_autoptr(TsTracklist) tracklist = ts_project_view_build_tracklist (self);
  g_autoptr(GArray) problems = NULL;
  gboolean fixable = FALSE;

  clear_rows (self->youtube_group, self->youtube_rows);

  if (tracklist == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->youtube_group), FALSE);
      return;
    }

  problems = ts_youtube_check (tracklist);

  if (problems->len == 0)
    add_row (self->youtube_group, self->youtube_rows, "emblem-ok-symbolic", "success",
             _("Ready for YouTube chapters"),
             _("Export them with Export → YouTube Chapters."));

  for (guint i = 0; i < problems->len; i++)
    {
      const TsYoutubeProblem *problem = &g_array_index (problems, TsYoutubeProblem, i);

      add_row (self->youtube_group, self->youtube_rows, "dialog-warning-symbolic", "warning",
               problem->message, NULL);

      switch (problem->rule)
        {
        case TS_YOUTUBE_RULE_FIRST_AT_ZERO:
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
}

static gboolean
update_youtube_idle (gpointer data)
{
  TsProjectView *self = data;

  self->youtube_source = 0;
  update_youtube (self);

  return G_SOURCE_REMOVE;
}

static void
queue_update_youtube (TsProjectView *self)
{
  if (self->youtube_source == 0)
    self->youtube_source = g_idle_add (update_youtube_idle, self);
}

static void
youtube_fix_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TsProjectView *self = TS_PROJECT_VIEW (widget);
  g_autoptr(TsTracklist) tracklist = ts_project_view_build_tracklist (self);
  g_autoptr(TsTracklist) fixed = NULL;
  g_autofree char *text = NULL;
  TsExportOptions options = { self->template_, self->time_format };

  if (tracklist == NULL)
    return;

  fixed = ts_youtube_fix (tracklist);
  text = ts_export (fixed, TS_EXPORT_YOUTUBE, &options);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  add_toast (self, adw_toast_new_format (ngettext ("Copied %u fixed YouTube chapter",
                                                   "Copied %u fixed YouTube chapters",
                                                   ts_tracklist_get_n_tracks (fixed)),
                                         ts_tracklist_get_n_tracks (fixed)));
}

static void
collect_edit (TsTrackRow *row,
              GHashTable *titles,
              GHashTable *hidden)
{
  const char *key = ts_track_row_get_key (row);

  if (g_strcmp0 (ts_track_row_get_title (row), ts_track_row_get_original_title (row)) != 0)
    g_hash_table_insert (titles, g_strdup (key), g_strdup (ts_track_row_get_title (row)));
  if (!ts_track_row_get_shown (row))
    g_hash_table_add (hidden, g_strdup (key));
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

  for (guint i = self->pending_pos; i < self->pending_pos + n; i++)
    {
      TsTrackRow *row = g_ptr_array_index (self->pending_rows, i);

      g_signal_connect_object (row, "notify::title", G_CALLBACK (queue_update_youtube), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (row, "notify::shown", G_CALLBACK (queue_update_youtube), self, G_CONNECT_SWAPPED);
    }

  g_list_store_splice (self->rows, n_shown, 0,
                       self->pending_rows->pdata + self->pending_pos, n);
  self->pending_pos += n;

  if (self->pending_pos < self->pending_rows->len)
    return G_SOURCE_CONTINUE;

  self->populate_source = 0;
  g_clear_pointer (&self->pending_rows, g_ptr_array_unref);
  self->pending_pos = 0;
  set_loading (self, FALSE);
  queue_update_youtube (self);

  return G_SOURCE_REMOVE;
}

static void
apply_result (TsProjectView *self,
              Result        *result)
{
  g_autoptr(GHashTable) titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  gboolean new_project = self->project != result->project;

  for (guint i = 0; i < n_old; i++)
    {
      g_autoptr(TsTrackRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      collect_edit (row, titles, hidden);
    }
  for (guint i = self->pending_pos; self->pending_rows && i < self->pending_rows->len; i++)
    collect_edit (g_ptr_array_index (self->pending_rows, i), titles, hidden);
  stop_populating (self);

  for (guint i = 0; i < result->rows->len; i++)
    {
      TsTrackRow *row = g_ptr_array_index (result->rows, i);
      const char *key = ts_track_row_get_key (row);
      const char *title = g_hash_table_lookup (titles, key);

      if (title != NULL)
        ts_track_row_set_title (row, title);
      if (g_hash_table_contains (hidden, key))
        ts_track_row_set_shown (row, FALSE);
    }

  if (new_project)
    {
      g_clear_pointer (&self->project, project_ref_unref);
      self->project = g_atomic_rc_box_acquire (result->project);
    }

  g_clear_pointer (&self->tempo_map, ts_tempo_map_unref);
  self->tempo_map = ts_tempo_map_ref (result->tempo_map);
  g_clear_pointer (&self->tracklist, ts_tracklist_free);
  self->tracklist = g_steal_pointer (&result->tracklist);
  self->arrangement = result->arrangement;
  self->n_arrangements = result->n_arrangements;

  g_list_store_remove_all (self->rows);
  self->pending_rows = g_ptr_array_ref (result->rows);
  self->pending_pos = 0;
  if (populate_step (self))
    self->populate_source = g_idle_add (populate_step, self);

  ts_tempo_graph_set_tempo_map (self->tempo_graph, self->tempo_map, self->mode,
                                self->tracklist->end_seconds);
  update_facts (self);
  update_warnings (self);
  if (new_project)
    update_arrangements (self);

  g_clear_error (&self->error);
  gtk_stack_set_visible_child_name (self->stack, "result");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_RESULT]);
}

static void
show_error (TsProjectView *self,
            const GError  *error)
{
  g_autofree char *title = g_strdup_printf (_("Could not open “%s”"), self->title);

  g_clear_error (&self->error);
  self->error = g_error_copy (error);

  /* A project already shown stays: a save caught half-written is followed
   * by another change notification once it is complete. */
  if (self->tracklist != NULL)
    {
      AdwToast *toast = adw_toast_new (error->message);

      adw_toast_set_timeout (toast, 5);
      add_toast (self, toast);
      return;
    }

  adw_status_page_set_title (self->error_page, title);
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static void
compute_cb (GObject      *object,
            GAsyncResult *res,
            gpointer      user_data)
{
  TsProjectView *self = TS_PROJECT_VIEW (object);
  GTask *task = G_TASK (res);
  guint generation = GPOINTER_TO_UINT (user_data);
  g_autoptr(GError) error = NULL;
  Result *result;

  result = g_task_propagate_pointer (task, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || generation != self->generation)
    {
      g_clear_pointer (&result, result_free);
      return;
    }

  if (result == NULL)
    {
      set_loading (self, FALSE);
      show_error (self, error);
    }
  else
    {
      /* Still loading until every row is in the list. */
      apply_result (self, result);
    }

  g_clear_pointer (&result, result_free);
}

/* Until a first result, the page says what it is waiting for. */
static void
show_reading (TsProjectView *self)
{
  if (self->tracklist == NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Reading “%s”…"), self->title);

      gtk_label_set_label (self->loading_label, label);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }

  set_loading (self, TRUE);
}

static void
start_job (TsProjectView *self,
           gboolean       read_file)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;

  job = g_new0 (Job, 1);
  job->file = g_object_ref (self->file);
  job->display_name = g_strdup (self->title);
  job->mode = self->mode;
  job->arrangement = self->arrangement;
  job->default_arrangement = read_file && self->project == NULL;
  job->time_format = self->time_format;
  if (!read_file && self->project != NULL)
    job->project = g_atomic_rc_box_acquire (self->project);

  show_reading (self);

  task = g_task_new (self, self->cancellable, compute_cb, GUINT_TO_POINTER (self->generation));
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, compute_worker);
}

static gboolean
reload_timeout (gpointer data)
{
  TsProjectView *self = data;

  self->reload_source = 0;
  start_job (self, TRUE);

  return G_SOURCE_REMOVE;
}

static void
on_file_changed (TsProjectView     *self,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 GFileMonitor      *monitor)
{
  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED:
      g_clear_handle_id (&self->reload_source, g_source_remove);
      self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_timeout, self);
      break;

    /* A save by rename deletes first; the new file follows as CREATED. */
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
      break;
    }
}

static void
update_mode_subtitle (TsProjectView *self)
{
  const char *subtitle = NULL;

  switch (self->mode)
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

static void
refresh_times (TsProjectView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsTrackRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      ts_track_row_update_time (row, &self->time_format);
    }
}

static void
on_hours_selected (TsProjectView *self)
{
  guint selected = adw_combo_row_get_selected (self->hours_row);
  TsTimeFormat format = self->time_format;

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

  ts_project_view_set_time_format (self, &format);
}

static void
on_arrangement_selected (TsProjectView *self)
{
  guint selected = adw_combo_row_get_selected (self->arrangement_row);

  if (self->updating_arrangements || selected == GTK_INVALID_LIST_POSITION)
    return;

  ts_project_view_set_arrangement (self, selected);
}

/* Column factories */

static gboolean
shown_to_opacity (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_double (to, g_value_get_boolean (from) ? 1.0 : 0.45);
  return TRUE;
}

static void
remember_bindings (GtkListItem *item,
                   GBinding    *first,
                   GBinding    *second)
{
  GPtrArray *bindings = g_ptr_array_new ();

  g_ptr_array_add (bindings, first);
  if (second != NULL)
    g_ptr_array_add (bindings, second);

  g_object_set_data_full (G_OBJECT (item), "ts-bindings", bindings, (GDestroyNotify)g_ptr_array_unref);
}

static void
unbind_item (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GPtrArray *bindings = g_object_get_data (G_OBJECT (item), "ts-bindings");

  if (bindings != NULL)
    for (guint i = 0; i < bindings->len; i++)
      g_binding_unbind (g_ptr_array_index (bindings, i));

  g_object_set_data (G_OBJECT (item), "ts-bindings", NULL);
}

static void
setup_shown (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Include this marker in the tracklist"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Include in the tracklist"),
                                  -1);
  gtk_list_item_set_child (item, check);
}

static void
bind_shown (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  TsTrackRow *row = gtk_list_item_get_item (item);
  GtkWidget *check = gtk_list_item_get_child (item);

  remember_bindings (item,
                     g_object_bind_property (row, "shown", check, "active",
                                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE),
                     NULL);
}

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (user_data) ? 1.0 : 0.0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_index (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  TsTrackRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = g_strdup_printf ("%u", ts_track_row_get_index (row));

  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_add_css_class (label, "dim-label");
}

static void
bind_time (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  TsTrackRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  remember_bindings (item,
                     g_object_bind_property (row, "time", label, "label", G_BINDING_SYNC_CREATE),
                     g_object_bind_property_full (row, "shown", label, "opacity", G_BINDING_SYNC_CREATE,
                                                  shown_to_opacity, NULL, NULL, NULL));
}

static void
setup_title (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_editable_label_new ("");

  gtk_widget_set_tooltip_text (label, _("Click to edit the title"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Marker title"),
                                  -1);
  gtk_list_item_set_child (item, label);
}

static void
bind_title (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  TsTrackRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  remember_bindings (item,
                     g_object_bind_property (row, "title", label, "text",
                                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE),
                     g_object_bind_property_full (row, "shown", label, "opacity", G_BINDING_SYNC_CREATE,
                                                  shown_to_opacity, NULL, NULL, NULL));
}

static void
set_column_factory (GtkColumnViewColumn *column,
                    GCallback            setup,
                    GCallback            bind,
                    gpointer             user_data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, user_data);
  g_signal_connect (factory, "bind", bind, user_data);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_item), NULL);
  gtk_column_view_column_set_factory (column, factory);
  g_object_unref (factory);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ts_project_view_reload (TS_PROJECT_VIEW (widget));
}

static void
ts_project_view_constructed (GObject *object)
{
  TsProjectView *self = (TsProjectView *)object;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFileInfo) info = NULL;

  G_OBJECT_CLASS (ts_project_view_parent_class)->constructed (object);

  g_assert (self->file != NULL);

  info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL)
    self->title = g_strdup (g_file_info_get_display_name (info));
  else
    self->title = g_file_get_basename (self->file);

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_file_changed), self, G_CONNECT_SWAPPED);
  else
    g_debug ("No live reload for %s: %s", self->title, error->message);

  /* The window starts the read with ts_project_view_reload() once it has
   * drawn, so that not even opening a file delays its first frame. */
  show_reading (self);
}

static void
ts_project_view_dispose (GObject *object)
{
  TsProjectView *self = (TsProjectView *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  stop_populating (self);
  g_clear_handle_id (&self->youtube_source, g_source_remove);
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);

  /* The stack is AdwBin's child: let AdwBin unparent it, or both would. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_PROJECT_VIEW);

  G_OBJECT_CLASS (ts_project_view_parent_class)->dispose (object);
}

static void
ts_project_view_finalize (GObject *object)
{
  TsProjectView *self = (TsProjectView *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->project, project_ref_unref);
  g_clear_pointer (&self->tempo_map, ts_tempo_map_unref);
  g_clear_pointer (&self->tracklist, ts_tracklist_free);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->youtube_rows, g_ptr_array_unref);
  g_clear_pointer (&self->template_, g_free);
  g_clear_error (&self->error);

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
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_HAS_RESULT:
      g_value_set_boolean (value, ts_project_view_get_has_result (self));
      break;

    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;

    case PROP_TEMPLATE:
      g_value_set_string (value, self->template_);
      break;

    case PROP_MILLISECONDS:
      g_value_set_boolean (value, self->time_format.milliseconds);
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
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    case PROP_MODE:
      ts_project_view_set_mode (self, g_value_get_enum (value));
      break;

    case PROP_TEMPLATE:
      ts_project_view_set_template (self, g_value_get_string (value));
      break;

    case PROP_MILLISECONDS:
      {
        TsTimeFormat format = self->time_format;

        format.milliseconds = g_value_get_boolean (value);
        ts_project_view_set_time_format (self, &format);
      }
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

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_HAS_RESULT] =
    g_param_spec_boolean ("has-result", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL,
                       TS_TYPE_TEMPO_MODE, TS_TEMPO_MODE_DAW,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TEMPLATE] =
    g_param_spec_string ("template", NULL, NULL,
                         TS_TEMPLATE_DEFAULT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MILLISECONDS] =
    g_param_spec_boolean ("milliseconds", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/me/timestamps/Timestamps/ui/ts-project-view.ui");
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, stack);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, spinner);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, loading_label);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, error_page);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, daw_label);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, tempo_label);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, automation_label);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, length_label);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, tempo_row);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, length_row);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, mode_row);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, arrangement_row);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, hours_row);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, ms_switch);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, template_row);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, youtube_group);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, tempo_graph);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, column_view);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, shown_column);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, index_column);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, time_column);
  gtk_widget_class_bind_template_child (widget_class, TsProjectView, title_column);

  gtk_widget_class_install_property_action (widget_class, "page.mode", "mode");
  gtk_widget_class_install_property_action (widget_class, "page.template", "template");
  gtk_widget_class_install_action (widget_class, "page.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "page.copy-youtube-fix", NULL, youtube_fix_action);

  g_type_ensure (TS_TYPE_TEMPO_GRAPH);
}

static void
ts_project_view_init (TsProjectView *self)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  self->rows = g_list_store_new (TS_TYPE_TRACK_ROW);
  self->warnings = g_ptr_array_new ();
  self->youtube_rows = g_ptr_array_new ();
  self->mode = g_settings_get_enum (settings, "tempo-mode");
  self->time_format.hours = g_settings_get_enum (settings, "hours-style");
  self->time_format.milliseconds = g_settings_get_boolean (settings, "milliseconds");
  self->time_format.rounding = g_settings_get_enum (settings, "rounding");
  self->template_ = g_settings_get_string (settings, "template");

  gtk_widget_init_template (GTK_WIDGET (self));

  adw_combo_row_set_selected (self->hours_row, self->time_format.hours);
  update_mode_subtitle (self);
  g_signal_connect_object (self->hours_row, "notify::selected",
                           G_CALLBACK (on_hours_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->arrangement_row, "notify::selected",
                           G_CALLBACK (on_arrangement_selected), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self, "milliseconds", self->ms_switch, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "template", self->template_row, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);

  set_column_factory (self->shown_column, G_CALLBACK (setup_shown), G_CALLBACK (bind_shown), NULL);
  set_column_factory (self->index_column, G_CALLBACK (setup_label), G_CALLBACK (bind_index), GINT_TO_POINTER (TRUE));
  set_column_factory (self->time_column, G_CALLBACK (setup_label), G_CALLBACK (bind_time), GINT_TO_POINTER (TRUE));
  set_column_factory (self->title_column, G_CALLBACK (setup_title), G_CALLBACK (bind_title), NULL);

  {
    g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));

    gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  }

  ts_tempo_graph_set_markers (self->tempo_graph, G_LIST_MODEL (self->rows));

  self->youtube_fix_button = gtk_button_new_with_mnemonic (_("Copy _Fixed"));
  gtk_widget_set_valign (self->youtube_fix_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->youtube_fix_button,
                               _("Copy the chapters with the first one at 0:00"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->youtube_fix_button), "page.copy-youtube-fix");
  gtk_widget_add_css_class (self->youtube_fix_button, "flat");
  adw_preferences_group_set_header_suffix (self->youtube_group, self->youtube_fix_button);
}

/**
 * ts_project_view_new:
 * @file: the project to show
 *
 * The view shows that it is reading @file until ts_project_view_reload()
 * starts the read.
 */
TsProjectView *
ts_project_view_new (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (TS_TYPE_PROJECT_VIEW,
                       "file", file,
                       NULL);
}

GFile *
ts_project_view_get_file (TsProjectView *self)
{
  g_return_val_if_fail (TS_IS_PROJECT_VIEW (self), NULL);

  return self->file;
}

const char *
ts_project_view_get_title (TsProjectView *self)
{
  g_return_val_if_fail (TS_IS_PROJECT_VIEW (self), NULL);

  return self->title;
}

gboolean
ts_project_view_get_loading (TsProjectView *self)
{
  g_return_val_if_fail (TS_IS_PROJECT_VIEW (self), FALSE);

  return self->loading;
}

gboolean
ts_project_view_get_has_result (TsProjectView *self)
{
  g_return_val_if_fail (TS_IS_PROJECT_VIEW (self), FALSE);

  return self->tracklist != NULL;
}

/**
 * ts_project_view_get_error:
 *
 * Returns: (nullable): why the last read failed, or %NULL when it worked
 */
const GError *
ts_project_view_get_error (TsProjectView *self)
{
  g_return_val_if_fail (TS_IS_PROJECT_VIEW (self), NULL);

  return self->error;
}

void
ts_project_view_reload (TsProjectView *self)
{
  g_return_if_fail (TS_IS_PROJECT_VIEW (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  start_job (self, TRUE);
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
 * ts_project_view_get_core_tracklist:
 *
 * Returns: (nullable): core's tracklist for the current mode and
 *   arrangement, without the user's edits
 */
const TsTracklist *
ts_project_view_get_core_tracklist (TsProjectView *self)
{
  g_return_val_if_fail (TS_IS_PROJECT_VIEW (self), NULL);

  return self->tracklist;
}

static void
add_shown_row (TsTracklist *tracklist,
               TsTrackRow  *row)
{
  if (ts_track_row_get_shown (row))
    ts_tracklist_add (tracklist,
                      ts_track_row_get_seconds (row),
                      ts_track_row_get_beat (row),
                      ts_track_row_get_title (row));
}

/**
 * ts_project_view_build_tracklist:
 *
 * Returns: (transfer full) (nullable): the tracklist as the user sees it:
 *   hidden markers left out, edited titles in, numbered again
 */
TsTracklist *
ts_project_view_build_tracklist (TsProjectView *self)
{
  const TsTracklist *core;
  TsTracklist *tracklist;
  guint n;

  g_return_val_if_fail (TS_IS_PROJECT_VIEW (self), NULL);

  if ((core = self->tracklist) == NULL)
    return NULL;

  tracklist = ts_tracklist_new ();
  tracklist->mode = core->mode;
  tracklist->end_seconds = core->end_seconds;
  tracklist->file = g_strdup (core->file);
  tracklist->format = g_strdup (core->format);
  tracklist->daw_version = g_strdup (core->daw_version);
  tracklist->bpm = core->bpm;
  tracklist->tempo_automation = core->tempo_automation;
  tracklist->curved_automation = core->curved_automation;
  tracklist->arrangement = core->arrangement;
  tracklist->arrangements = g_strdupv (core->arrangements);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TsTrackRow) row = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      add_shown_row (tracklist, row);
    }
  for (guint i = self->pending_pos; self->pending_rows && i < self->pending_rows->len; i++)
    add_shown_row (tracklist, g_ptr_array_index (self->pending_rows, i));

  for (guint i = 0; i < tracklist->tracks->len; i++)
    g_array_index (tracklist->tracks, TsTrack, i).index = i + 1;

  return tracklist;
}

/**
 * ts_project_view_build_text:
 *
 * Returns: (transfer full) (nullable): what Copy puts on the clipboard
 */
char *
ts_project_view_build_text (TsProjectView *self)
{
  g_autoptr(TsTracklist) tracklist = NULL;
  TsExportOptions options = { 0 };

  g_return_val_if_fail (TS_IS_PROJECT_VIEW (self), NULL);

  if (!(tracklist = ts_project_view_build_tracklist (self)))
    return NULL;

  options.template_ = self->template_;
  options.time_format = self->time_format;

  return ts_export (tracklist, TS_EXPORT_TEXT, &options);
}

/**
 * ts_project_view_copy:
 *
 * Puts the tracklist on the clipboard and says so in a toast.
 *
 * Returns: how many timestamps were copied
 */
guint
ts_project_view_copy (TsProjectView *self)
{
  g_autoptr(TsTracklist) tracklist = NULL;
  g_autofree char *text = NULL;
  TsExportOptions options = { 0 };
  AdwToast *toast;
  guint n;

  g_return_val_if_fail (TS_IS_PROJECT_VIEW (self), 0);

  if (!(tracklist = ts_project_view_build_tracklist (self)))
    return 0;

  n = ts_tracklist_get_n_tracks (tracklist);
  if (n == 0)
    {
      add_toast (self, adw_toast_new (_("There are no timestamps to copy")));
      return 0;
    }

  options.template_ = self->template_;
  options.time_format = self->time_format;
  text = ts_export (tracklist, TS_EXPORT_TEXT, &options);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);

  toast = adw_toast_new_format (ngettext ("Copied %u timestamp", "Copied %u timestamps", n), n);
  adw_toast_set_timeout (toast, 3);
  add_toast (self, toast);

  return n;
}

static void
export_write_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(TsProjectView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (object));
  AdwToast *toast;

  if (g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    toast = adw_toast_new_format (_("Exported “%s”"), name);
  else
    toast = adw_toast_new_format (_("Could not write “%s”: %s"), name, error->message);

  add_toast (self, toast);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  TsProjectView *self = TS_PROJECT_VIEW (user_data);
  TsExportFormat format = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "ts-format"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr(TsTracklist) tracklist = ts_project_view_build_tracklist (self);
      TsExportOptions options = { self->template_, self->time_format };
      g_autoptr(GBytes) bytes = NULL;
      char *text;

      if (file != NULL && tracklist != NULL)
        {
          text = ts_export (tracklist, format, &options);
          bytes = g_bytes_new_take (text, strlen (text));
          g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE,
                                               G_FILE_CREATE_REPLACE_DESTINATION,
                                               NULL, export_write_cb, g_object_ref (self));
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

void
ts_project_view_export (TsProjectView  *self,
                        TsExportFormat  format)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  const char *extension = ts_export_format_get_extension (format);
  g_autofree char *pattern = g_strdup_printf ("*.%s", extension);
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = g_file_get_parent (self->file);
  GtkRoot *root;
  const char *dot;

  g_return_if_fail (TS_IS_PROJECT_VIEW (self));

  if (self->tracklist == NULL)
    return;

  dot = strrchr (self->title, '.');
  stem = dot && dot != self->title ? g_strndup (self->title, dot - self->title) : g_strdup (self->title);
  name = g_strdup_printf ("%s.%s", stem, extension);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = gtk_file_chooser_native_new (_("Export Tracklist"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_set_name (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);

  g_object_set_data (G_OBJECT (dialog), "ts-format", GUINT_TO_POINTER (format));
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

TsTempoMode
ts_project_view_get_mode (TsProjectView *self)
{
  g_return_val_if_fail (TS_IS_PROJECT_VIEW (self), TS_TEMPO_MODE_DAW);

  return self->mode;
}

void
ts_project_view_set_mode (TsProjectView *self,
                          TsTempoMode    mode)
{
  g_return_if_fail (TS_IS_PROJECT_VIEW (self));

  if (self->mode == mode)
    return;

  self->mode = mode;
  update_mode_subtitle (self);
  if (self->project != NULL)
    start_job (self, FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

const char *
ts_project_view_get_template (TsProjectView *self)
{
  g_return_val_if_fail (TS_IS_PROJECT_VIEW (self), NULL);

  return self->template_;
}

void
ts_project_view_set_template (TsProjectView *self,
                              const char    *template_)
{
  g_return_if_fail (TS_IS_PROJECT_VIEW (self));

  if (template_ == NULL || template_[0] == '\0')
    template_ = TS_TEMPLATE_DEFAULT;

  if (g_strcmp0 (self->template_, template_) == 0)
    return;

  g_free (self->template_);
  self->template_ = g_strdup (template_);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE]);
}

void
ts_project_view_get_time_format (TsProjectView *self,
                                 TsTimeFormat  *format)
{
  g_return_if_fail (TS_IS_PROJECT_VIEW (self));
  g_return_if_fail (format != NULL);

  *format = self->time_format;
}

void
ts_project_view_set_time_format (TsProjectView      *self,
                                 const TsTimeFormat *format)
{
  gboolean ms_changed;

  g_return_if_fail (TS_IS_PROJECT_VIEW (self));
  g_return_if_fail (format != NULL);

  if (format->hours == self->time_format.hours &&
      format->milliseconds == self->time_format.milliseconds &&
      format->rounding == self->time_format.rounding)
    return;

  ms_changed = format->milliseconds != self->time_format.milliseconds;
  self->time_format = *format;

  if (adw_combo_row_get_selected (self->hours_row) != (guint)format->hours)
    adw_combo_row_set_selected (self->hours_row, format->hours);

  refresh_times (self);

  if (ms_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MILLISECONDS]);
}

guint
ts_project_view_get_n_arrangements (TsProjectView *self)
{
  g_return_val_if_fail (TS_IS_PROJECT_VIEW (self), 0);

  return self->n_arrangements;
}

guint
ts_project_view_get_arrangement (TsProjectView *self)
{
  g_return_val_if_fail (TS_IS_PROJECT_VIEW (self), 0);

  return self->arrangement;
}

void
ts_project_view_set_arrangement (TsProjectView *self,
                                 guint          arrangement)
{
  g_return_if_fail (TS_IS_PROJECT_VIEW (self));

  if (arrangement >= self->n_arrangements || arrangement == self->arrangement)
    return;

  self->arrangement = arrangement;

  self->updating_arrangements = TRUE;
  adw_combo_row_set_selected (self->arrangement_row, arrangement);
  self->updating_arrangements = FALSE;

  start_job (self, FALSE);
}
