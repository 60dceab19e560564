/* ts-document.c - one open project: its file, what it says, the user's edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document reads its file in a worker thread, reads it again when it
 * changes on disk, and computes the tracklist for the chosen mode and
 * arrangement. Views bind to its properties and listen to ::changed; the
 * user's edits are data here, not widget state, so they outlive the rows
 * that show them and can be stored with the project.
 */
#define G_LOG_DOMAIN "ts-document"

#include "config.h"

#include "ts-document.h"
#include "ts-enums.h"
#include "ts-stage-probe.h"
#include "ts-template.h"
#include "ts-youtube.h"

/* Editors save in bursts (truncate, write, rename); read once it settles. */
#define RELOAD_DELAY_MS 300

/* Shared between the document and the threads that compute from it. */
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

/* What a document held of a project. Freeing a set with 100 000 markers
 * and tempo points takes long enough to hold up closing the window or
 * quitting, so a worker does it; nothing else refers to these any more. */
typedef struct
{
  ProjectRef  *project;
  TsTempoMap  *tempo_map;
  TsTracklist *tracklist;
  GPtrArray   *keys;
} Leftovers;

static void
free_leftovers_worker (GTask        *task,
                       gpointer      source_object,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  Leftovers *leftovers = task_data;

  ts_stage_reached (TS_STAGE_FREE);

  g_clear_pointer (&leftovers->project, project_ref_unref);
  g_clear_pointer (&leftovers->tempo_map, ts_tempo_map_unref);
  g_clear_pointer (&leftovers->tracklist, ts_tracklist_free);
  g_clear_pointer (&leftovers->keys, g_ptr_array_unref);
}

/* Takes what it is given; any of it may be %NULL. */
static void
free_in_worker (ProjectRef  *project,
                TsTempoMap  *tempo_map,
                TsTracklist *tracklist,
                GPtrArray   *keys)
{
  g_autoptr(GTask) task = NULL;
  Leftovers *leftovers;

  if (project == NULL && tempo_map == NULL && tracklist == NULL && keys == NULL)
    return;

  leftovers = g_new (Leftovers, 1);
  *leftovers = (Leftovers) { project, tempo_map, tracklist, keys };

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, free_in_worker);
  g_task_set_task_data (task, leftovers, g_free);
  g_task_run_in_thread (task, free_leftovers_worker);
}

/* What a worker gets: copies, nothing it shares with the main thread but
 * the immutable project. */
typedef struct
{
  GFile       *file;
  char        *display_name;
  ProjectRef  *project;       /* NULL: read the file first */
  TsTempoMode  mode;
  guint        arrangement;
  gboolean     default_arrangement;
} Job;

typedef struct
{
  ProjectRef  *project;
  TsTempoMap  *tempo_map;
  TsTracklist *tracklist;
  GPtrArray   *keys;
  guint        arrangement;
  guint        n_arrangements;
} Result;

/* The worker holds no reference on the document, so that the last unref
 * disposes it and cancels the read; the result then finds no one. */
typedef struct
{
  GWeakRef document;
  guint    generation;
} Delivery;

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
  g_clear_pointer (&result->keys, g_ptr_array_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Result, result_free)

static void
delivery_free (Delivery *delivery)
{
  g_weak_ref_clear (&delivery->document);
  g_free (delivery);
}

struct _TsDocument
{
  GObject       parent_instance;

  GFile        *file;
  char         *title;
  GCancellable *cancellable;
  GFileMonitor *monitor;
  guint         reload_source;
  guint         generation;

  ProjectRef   *project;
  TsTempoMap   *tempo_map;
  TsTracklist  *tracklist;
  GPtrArray    *keys;
  TsEdits      *edits;
  GError       *error;

  TsTempoMode   mode;
  TsTimeFormat  time_format;
  char         *template_;
  guint         arrangement;
  guint         n_arrangements;

  guint         loading : 1;
  guint         reading : 1;
};

G_DEFINE_FINAL_TYPE (TsDocument, ts_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_TITLE,
  PROP_LOADING,
  PROP_ERROR,
  PROP_TRACKLIST,
  PROP_MODE,
  PROP_ARRANGEMENT,
  PROP_N_ARRANGEMENTS,
  PROP_HOURS,
  PROP_MILLISECONDS,
  PROP_ROUNDING,
  PROP_TEMPLATE,
  N_PROPS
};

enum {
  CHANGED,
  EDITED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
compute_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(ProjectRef) project = NULL;
  g_autoptr(Result) result = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(TsProjectFacts) facts = TS_PROJECT_FACTS_INIT;

  if (job->project != NULL)
    {
      project = g_atomic_rc_box_acquire (job->project);
    }
  else
    {
      /* The messages name the file as the window title does. */
      TsProject *loaded = ts_project_load_file_named (job->file, job->display_name, cancellable,
                                                      &error);

      if (loaded == NULL)
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      project = project_ref_new (loaded);
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  result = g_new0 (Result, 1);
  result->n_arrangements = ts_project_get_n_arrangements (project->project);
  result->arrangement = job->arrangement;
  if (job->default_arrangement || job->arrangement >= result->n_arrangements)
    result->arrangement = ts_project_get_default_arrangement (project->project);

  /* Derived once for both: the markers' times fill the map's cache for
   * the mode, which the tempo graph then finds on the main thread. */
  ts_project_derive (project->project, result->arrangement, &facts);
  result->tracklist = ts_tracklist_new_for_facts (project->project, &facts, job->display_name,
                                                  result->arrangement, job->mode);
  result->tempo_map = g_steal_pointer (&facts.tempo_map);
  result->keys = ts_edits_make_keys (result->tracklist);
  result->project = g_steal_pointer (&project);

  g_task_return_pointer (task, g_steal_pointer (&result), result_free);
}

static void
set_loading (TsDocument *self,
             gboolean    loading)
{
  loading = !!loading;

  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
apply_result (TsDocument *self,
              Result     *result)
{
  gboolean arrangement_changed = self->arrangement != result->arrangement;
  gboolean n_arrangements_changed = self->n_arrangements != result->n_arrangements;

  g_object_freeze_notify (G_OBJECT (self));

  free_in_worker (self->project != result->project ? g_steal_pointer (&self->project) : NULL,
                  g_steal_pointer (&self->tempo_map),
                  g_steal_pointer (&self->tracklist),
                  g_steal_pointer (&self->keys));
  if (self->project == NULL)
    self->project = g_atomic_rc_box_acquire (result->project);
  self->tempo_map = g_steal_pointer (&result->tempo_map);
  self->tracklist = g_steal_pointer (&result->tracklist);
  self->keys = g_steal_pointer (&result->keys);
  self->arrangement = result->arrangement;
  self->n_arrangements = result->n_arrangements;

  /* A marker that is gone takes its edits with it. */
  ts_edits_keep_only (self->edits, self->keys);

  if (self->error != NULL)
    {
      g_clear_error (&self->error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
    }
  if (arrangement_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARRANGEMENT]);
  if (n_arrangements_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ARRANGEMENTS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRACKLIST]);

  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
compute_cb (GObject      *object,
            GAsyncResult *res,
            gpointer      user_data)
{
  Delivery *delivery = user_data;
  g_autoptr(TsDocument) self = g_weak_ref_get (&delivery->document);
  g_autoptr(Result) result = NULL;
  g_autoptr(GError) error = NULL;

  result = g_task_propagate_pointer (G_TASK (res), &error);

  if (self == NULL ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      delivery->generation != self->generation)
    return;

  self->reading = FALSE;

  if (result == NULL)
    {
      /* A project already read stays: a save caught half-written is
       * followed by another change notification once it is complete. */
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
    }
  else
    {
      apply_result (self, result);
    }

  set_loading (self, FALSE);
}

static void
start_job (TsDocument *self,
           gboolean    read_file)
{
  g_autoptr(GTask) task = NULL;
  Delivery *delivery;
  Job *job;

  /* A read still running was for a newer file than the project held. */
  read_file = read_file || self->reading || self->project == NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;
  self->reading = read_file;

  job = g_new0 (Job, 1);
  job->file = g_object_ref (self->file);
  job->display_name = g_strdup (self->title);
  job->mode = self->mode;
  job->arrangement = self->arrangement;
  job->default_arrangement = self->project == NULL;
  if (!read_file)
    job->project = g_atomic_rc_box_acquire (self->project);

  delivery = g_new0 (Delivery, 1);
  g_weak_ref_init (&delivery->document, self);
  delivery->generation = self->generation;

  set_loading (self, TRUE);

  task = g_task_new (NULL, self->cancellable, compute_cb, delivery);
  g_task_set_source_tag (task, start_job);
  g_task_set_task_data (task, job, job_free);
  /* Freed with the task, after compute_cb. */
  g_object_set_data_full (G_OBJECT (task), "ts-delivery", delivery, (GDestroyNotify)delivery_free);
  g_task_run_in_thread (task, compute_worker);
}

static gboolean
reload_timeout (gpointer data)
{
  TsDocument *self = data;

  self->reload_source = 0;
  start_job (self, TRUE);

  return G_SOURCE_REMOVE;
}

static void
on_file_changed (TsDocument        *self,
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

/* Following the file starts with the first read, so that nothing is read
 * before the document is asked to. */
static void
start_monitor (TsDocument *self)
{
  g_autoptr(GError) error = NULL;

  if (self->monitor != NULL)
    return;

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_file_changed), self, G_CONNECT_SWAPPED);
  else
    g_debug ("No live reload for %s: %s", self->title, error->message);
}

static void
ts_document_constructed (GObject *object)
{
  TsDocument *self = (TsDocument *)object;
  g_autoptr(GFileInfo) info = NULL;

  G_OBJECT_CLASS (ts_document_parent_class)->constructed (object);

  g_assert (self->file != NULL);

  info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL)
    self->title = g_strdup (g_file_info_get_display_name (info));
  else
    self->title = g_file_get_basename (self->file);
}

static void
ts_document_dispose (GObject *object)
{
  TsDocument *self = (TsDocument *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);

  G_OBJECT_CLASS (ts_document_parent_class)->dispose (object);
}

static void
ts_document_finalize (GObject *object)
{
  TsDocument *self = (TsDocument *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->file);
  g_clear_pointer (&self->title, g_free);
  free_in_worker (g_steal_pointer (&self->project),
                  g_steal_pointer (&self->tempo_map),
                  g_steal_pointer (&self->tracklist),
                  g_steal_pointer (&self->keys));
  g_clear_pointer (&self->edits, ts_edits_free);
  g_clear_pointer (&self->template_, g_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (ts_document_parent_class)->finalize (object);
}

static void
ts_document_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TsDocument *self = TS_DOCUMENT (object);

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

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    case PROP_TRACKLIST:
      g_value_set_pointer (value, self->tracklist);
      break;

    case PROP_MODE:
      g_value_set_enum (value, self->mode);
      break;

    case PROP_ARRANGEMENT:
      g_value_set_uint (value, self->arrangement);
      break;

    case PROP_N_ARRANGEMENTS:
      g_value_set_uint (value, self->n_arrangements);
      break;

    case PROP_HOURS:
      g_value_set_enum (value, self->time_format.hours);
      break;

    case PROP_MILLISECONDS:
      g_value_set_boolean (value, self->time_format.milliseconds);
      break;

    case PROP_ROUNDING:
      g_value_set_enum (value, self->time_format.rounding);
      break;

    case PROP_TEMPLATE:
      g_value_set_string (value, self->template_);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_document_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TsDocument *self = TS_DOCUMENT (object);
  TsTimeFormat format = self->time_format;

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    case PROP_MODE:
      ts_document_set_mode (self, g_value_get_enum (value));
      break;

    case PROP_ARRANGEMENT:
      ts_document_set_arrangement (self, g_value_get_uint (value));
      break;

    case PROP_HOURS:
      format.hours = g_value_get_enum (value);
      ts_document_set_time_format (self, &format);
      break;

    case PROP_MILLISECONDS:
      format.milliseconds = g_value_get_boolean (value);
      ts_document_set_time_format (self, &format);
      break;

    case PROP_ROUNDING:
      format.rounding = g_value_get_enum (value);
      ts_document_set_time_format (self, &format);
      break;

    case PROP_TEMPLATE:
      ts_document_set_template (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_document_class_init (TsDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = ts_document_constructed;
  object_class->dispose = ts_document_dispose;
  object_class->finalize = ts_document_finalize;
  object_class->get_property = ts_document_get_property;
  object_class->set_property = ts_document_set_property;

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
  /* Why the last read failed; the tracklist before it, if any, stays. */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL,
                        G_TYPE_ERROR,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* The const TsTracklist * core computed, without the user's edits. */
  properties[PROP_TRACKLIST] =
    g_param_spec_pointer ("tracklist", NULL, NULL,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MODE] =
    g_param_spec_enum ("mode", NULL, NULL,
                       TS_TYPE_TEMPO_MODE, TS_TEMPO_MODE_DAW,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ARRANGEMENT] =
    g_param_spec_uint ("arrangement", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_ARRANGEMENTS] =
    g_param_spec_uint ("n-arrangements", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_HOURS] =
    g_param_spec_enum ("hours", NULL, NULL,
                       TS_TYPE_HOURS_STYLE, TS_HOURS_AUTO,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_MILLISECONDS] =
    g_param_spec_boolean ("milliseconds", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ROUNDING] =
    g_param_spec_enum ("rounding", NULL, NULL,
                       TS_TYPE_ROUNDING, TS_ROUND_DOWN,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TEMPLATE] =
    g_param_spec_string ("template", NULL, NULL,
                         TS_TEMPLATE_DEFAULT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TsDocument::changed:
   *
   * A (re)load or a new mode or arrangement gave a new tracklist, with
   * new marker keys; the edits of markers that are gone are dropped.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * TsDocument::edited:
   *
   * The user renamed, hid or showed a marker.
   */
  signals[EDITED] =
    g_signal_new ("edited",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
ts_document_init (TsDocument *self)
{
  TsTimeFormat format = TS_TIME_FORMAT_INIT;

  self->mode = TS_TEMPO_MODE_DAW;
  self->time_format = format;
  self->template_ = g_strdup (TS_TEMPLATE_DEFAULT);
  self->edits = ts_edits_new ();
}

/**
 * ts_document_new:
 *
 * Nothing is read until ts_document_reload() is called.
 */
TsDocument *
ts_document_new (GFile *file)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (TS_TYPE_DOCUMENT,
                       "file", file,
                       NULL);
}

GFile *
ts_document_get_file (TsDocument *self)
{
  g_return_val_if_fail (TS_IS_DOCUMENT (self), NULL);

  return self->file;
}

/* The file's display name, for tabs and messages. */
const char *
ts_document_get_title (TsDocument *self)
{
  g_return_val_if_fail (TS_IS_DOCUMENT (self), NULL);

  return self->title;
}

/**
 * ts_document_reload:
 *
 * Reads the file (again) in a worker thread, and from then on whenever
 * it changes on disk. A read still running is cancelled.
 */
void
ts_document_reload (TsDocument *self)
{
  g_return_if_fail (TS_IS_DOCUMENT (self));

  start_monitor (self);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  start_job (self, TRUE);
}

gboolean
ts_document_get_loading (TsDocument *self)
{
  g_return_val_if_fail (TS_IS_DOCUMENT (self), FALSE);

  return self->loading;
}

/**
 * ts_document_get_error:
 *
 * Returns: (nullable): why the last read failed, or %NULL when it worked
 */
const GError *
ts_document_get_error (TsDocument *self)
{
  g_return_val_if_fail (TS_IS_DOCUMENT (self), NULL);

  return self->error;
}

/**
 * ts_document_get_tracklist:
 *
 * Returns: (nullable): core's tracklist for the current mode and
 *   arrangement, without the user's edits; %NULL until a read worked
 */
const TsTracklist *
ts_document_get_tracklist (TsDocument *self)
{
  g_return_val_if_fail (TS_IS_DOCUMENT (self), NULL);

  return self->tracklist;
}

/**
 * ts_document_get_tempo_map:
 *
 * Returns: (transfer none) (nullable): the tempo map of the arrangement
 */
TsTempoMap *
ts_document_get_tempo_map (TsDocument *self)
{
  g_return_val_if_fail (TS_IS_DOCUMENT (self), NULL);

  return self->tempo_map;
}

/**
 * ts_document_get_marker_key:
 * @index: a track of ts_document_get_tracklist(), from 0
 *
 * Returns: the key the edits of that marker are stored under
 */
const char *
ts_document_get_marker_key (TsDocument *self,
                            guint       index)
{
  g_return_val_if_fail (TS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (self->keys != NULL && index < self->keys->len, NULL);

  return g_ptr_array_index (self->keys, index);
}

guint
ts_document_get_n_arrangements (TsDocument *self)
{
  g_return_val_if_fail (TS_IS_DOCUMENT (self), 0);

  return self->n_arrangements;
}

/**
 * ts_document_get_arrangement_name:
 *
 * Returns: (nullable): the name the project gives @arrangement
 */
const char *
ts_document_get_arrangement_name (TsDocument *self,
                                  guint       arrangement)
{
  g_return_val_if_fail (TS_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (arrangement < self->n_arrangements, NULL);

  return ts_project_get_arrangement_name (self->project->project, arrangement);
}

/**
 * ts_document_get_passed_over_arrangement:
 * @saved: (out) (optional): the arrangement current at save time, when
 *   %TRUE is returned
 *
 * Returns: whether the arrangement shown is the one opened for its
 *   markers instead of the one current at save time, which has none:
 *   the view says so, since the DAW would have shown the other
 */
gboolean
ts_document_get_passed_over_arrangement (TsDocument *self,
                                         guint      *saved)
{
  const TsProject *project;

  g_return_val_if_fail (TS_IS_DOCUMENT (self), FALSE);

  if (self->project == NULL)
    return FALSE;

  project = self->project->project;
  return self->arrangement == ts_project_get_default_arrangement (project) &&
         ts_project_default_skips_saved_arrangement (project, saved);
}

TsTempoMode
ts_document_get_mode (TsDocument *self)
{
  g_return_val_if_fail (TS_IS_DOCUMENT (self), TS_TEMPO_MODE_DAW);

  return self->mode;
}

/* Computes the tracklist again in the new mode, without reading the file. */
void
ts_document_set_mode (TsDocument  *self,
                      TsTempoMode  mode)
{
  g_return_if_fail (TS_IS_DOCUMENT (self));

  if (self->mode == mode)
    return;

  self->mode = mode;
  if (self->project != NULL || self->loading)
    start_job (self, FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

guint
ts_document_get_arrangement (TsDocument *self)
{
  g_return_val_if_fail (TS_IS_DOCUMENT (self), 0);

  return self->arrangement;
}

/* The tracklist follows once it is computed; until then the arrangement
 * is the one asked for. */
void
ts_document_set_arrangement (TsDocument *self,
                             guint       arrangement)
{
  g_return_if_fail (TS_IS_DOCUMENT (self));

  if (arrangement >= self->n_arrangements || arrangement == self->arrangement)
    return;

  self->arrangement = arrangement;
  start_job (self, FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARRANGEMENT]);
}

void
ts_document_get_time_format (TsDocument   *self,
                             TsTimeFormat *format)
{
  g_return_if_fail (TS_IS_DOCUMENT (self));
  g_return_if_fail (format != NULL);

  *format = self->time_format;
}

/* Times are formatted where they are shown: nothing is computed again. */
void
ts_document_set_time_format (TsDocument         *self,
                             const TsTimeFormat *format)
{
  TsTimeFormat old;

  g_return_if_fail (TS_IS_DOCUMENT (self));
  g_return_if_fail (format != NULL);

  old = self->time_format;
  self->time_format = *format;

  g_object_freeze_notify (G_OBJECT (self));
  if (old.hours != format->hours)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOURS]);
  if (old.milliseconds != format->milliseconds)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MILLISECONDS]);
  if (old.rounding != format->rounding)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROUNDING]);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
ts_document_get_template (TsDocument *self)
{
  g_return_val_if_fail (TS_IS_DOCUMENT (self), NULL);

  return self->template_;
}

/* An empty template means the default one, as in timestamps-cli. */
void
ts_document_set_template (TsDocument *self,
                          const char *template_)
{
  g_return_if_fail (TS_IS_DOCUMENT (self));

  if (template_ == NULL || template_[0] == '\0')
    template_ = TS_TEMPLATE_DEFAULT;

  if (g_strcmp0 (self->template_, template_) == 0)
    return;

  g_free (self->template_);
  self->template_ = g_strdup (template_);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEMPLATE]);
}

/**
 * ts_document_get_edits:
 *
 * Returns: (transfer none): the user's edits, to be stored
 */
const TsEdits *
ts_document_get_edits (TsDocument *self)
{
  g_return_val_if_fail (TS_IS_DOCUMENT (self), NULL);

  return self->edits;
}

/**
 * ts_document_set_edits:
 *
 * Replaces the user's edits, for example with stored ones. Once the
 * project is read, the edits of markers it does not have are dropped.
 */
void
ts_document_set_edits (TsDocument    *self,
                       const TsEdits *edits)
{
  g_return_if_fail (TS_IS_DOCUMENT (self));
  g_return_if_fail (edits != NULL);

  g_clear_pointer (&self->edits, ts_edits_free);
  self->edits = ts_edits_copy (edits);
  if (self->keys != NULL)
    ts_edits_keep_only (self->edits, self->keys);

  g_signal_emit (self, signals[EDITED], 0);
}

/**
 * ts_document_set_marker_title:
 * @key: ts_document_get_marker_key()
 * @title: (nullable): what the user typed, or %NULL for the marker's own
 */
void
ts_document_set_marker_title (TsDocument *self,
                              const char *key,
                              const char *title)
{
  g_return_if_fail (TS_IS_DOCUMENT (self));
  g_return_if_fail (key != NULL);

  if (ts_edits_set_title (self->edits, key, title))
    g_signal_emit (self, signals[EDITED], 0);
}

void
ts_document_set_marker_hidden (TsDocument *self,
                               const char *key,
                               gboolean    hidden)
{
  g_return_if_fail (TS_IS_DOCUMENT (self));
  g_return_if_fail (key != NULL);

  if (ts_edits_set_hidden (self->edits, key, hidden))
    g_signal_emit (self, signals[EDITED], 0);
}

/**
 * ts_document_build_tracklist:
 *
 * Returns: (transfer full) (nullable): the tracklist as the user sees it:
 *   hidden markers left out, edited titles in, numbered again
 */
TsTracklist *
ts_document_build_tracklist (TsDocument *self)
{
  g_return_val_if_fail (TS_IS_DOCUMENT (self), NULL);

  if (self->tracklist == NULL)
    return NULL;

  return ts_edits_apply (self->edits, self->tracklist, self->keys);
}

/* The one place the user's choices become export options. */
static void
get_export_options (TsDocument      *self,
                    TsExportOptions *options)
{
  options->template_ = self->template_;
  options->time_format = self->time_format;
}

/**
 * ts_document_export:
 * @n_tracks: (out) (optional): how many tracks the text lists
 *
 * Returns: (transfer full) (nullable): the edited tracklist in @format,
 *   with the document's template and time format; %NULL before a read
 *   worked
 */
char *
ts_document_export (TsDocument     *self,
                    TsExportFormat  format,
                    guint          *n_tracks)
{
  g_autoptr(TsTracklist) tracklist = NULL;
  TsExportOptions options;

  g_return_val_if_fail (TS_IS_DOCUMENT (self), NULL);

  if (!(tracklist = ts_document_build_tracklist (self)))
    return NULL;

  if (n_tracks != NULL)
    *n_tracks = ts_tracklist_get_n_tracks (tracklist);

  get_export_options (self, &options);

  return ts_export (tracklist, format, &options);
}

/**
 * ts_document_export_youtube_fix:
 * @n_chapters: (out) (optional): how many chapters the text lists
 * @remaining: (out) (optional) (transfer full): the #TsYoutubeProblem s
 *   the fixed list still has, empty when YouTube accepts it; set only
 *   when text is returned
 *
 * Returns: (transfer full) (nullable): the edited tracklist as YouTube
 *   chapters, with the first one moved to 0:00 (ts_youtube_fix())
 */
char *
ts_document_export_youtube_fix (TsDocument  *self,
                                guint       *n_chapters,
                                GArray     **remaining)
{
  g_autoptr(TsTracklist) tracklist = NULL;
  g_autoptr(TsTracklist) fixed = NULL;
  TsExportOptions options;

  g_return_val_if_fail (TS_IS_DOCUMENT (self), NULL);

  if (!(tracklist = ts_document_build_tracklist (self)))
    return NULL;

  fixed = ts_youtube_fix (tracklist);
  if (n_chapters != NULL)
    *n_chapters = ts_tracklist_get_n_tracks (fixed);
  if (remaining != NULL)
    *remaining = ts_youtube_check_fixed (tracklist);

  get_export_options (self, &options);

  return ts_export (fixed, TS_EXPORT_YOUTUBE, &options);
}
