/* ts-sync-scheduler.c - the app's syncs, started by themselves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rule is ts-sync-schedule.c; this object gives it the clock, one
 * timer on its main context, the library's changes and each sync's
 * outcome. The settings file is watched, so that sync set up (or a
 * password corrected) in Preferences syncs at once.
 */

#define G_LOG_DOMAIN "ts-sync"

#include "config.h"

#include "ts-sync-scheduler.h"
#include "ts-sync-settings.h"
#include "ts-sync-state.h"

struct _TsSyncScheduler
{
  GObject          parent_instance;

  TsLibrary       *library;
  GMainContext    *context;
  TsSyncSchedule   schedule;
  gboolean         enabled;
  char            *url;        /* the saved folder, NULL when not set up */
  GFileMonitor    *settings_monitor;
  GSource         *timer;
  GCancellable    *cancellable;
  TsSyncState     *state;      /* as the last sync left it */
  gint64           last_sync;
  GError          *last_error;
};

G_DEFINE_FINAL_TYPE (TsSyncScheduler, ts_sync_scheduler, G_TYPE_OBJECT)

enum {
  CHANGED,
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_sync (TsSyncScheduler *self);

static gboolean
on_timer (gpointer data)
{
  TsSyncScheduler *self = data;

  g_clear_pointer (&self->timer, g_source_unref);
  start_sync (self);
  return G_SOURCE_REMOVE;
}

/* One timer, for when the schedule says. */
static void
rearm (TsSyncScheduler *self)
{
  gint64 due = ts_sync_schedule_get_due (&self->schedule);
  gint64 wait;

  if (self->timer != NULL)
    {
      g_source_destroy (self->timer);
      g_clear_pointer (&self->timer, g_source_unref);
    }
  if (!ts_sync_scheduler_is_active (self) || due == TS_SYNC_SCHEDULE_NEVER)
    return;
  wait = MAX (due - g_get_monotonic_time (), 0);
  self->timer = g_timeout_source_new ((guint) MIN ((wait + 999) / 1000, G_MAXUINT));
  g_source_set_callback (self->timer, on_timer, self, NULL);
  g_source_set_static_name (self->timer, "[timestamps] sync schedule");
  g_source_attach (self->timer, self->context);
}

static void
load_state (TsSyncScheduler *self)
{
  g_clear_pointer (&self->state, ts_sync_state_free);
  if (self->url == NULL)
    return;
  self->state = ts_sync_state_load (ts_library_get_sync_directory (self->library), self->url);
  self->last_sync = ts_sync_state_get_last_sync (self->state);
}

/* Whether the settings name another folder than before. */
static gboolean
read_settings (TsSyncScheduler *self)
{
  g_autofree char *url = NULL;
  g_autofree char *user = NULL;
  gboolean changed;

  if (!ts_sync_settings_load (&url, &user, NULL))
    g_clear_pointer (&url, g_free);
  changed = g_strcmp0 (url, self->url) != 0;
  g_free (self->url);
  self->url = g_steal_pointer (&url);
  if (changed)
    load_state (self);
  return changed;
}

typedef struct {
  TsSyncReport *report;
  GError       *error;
} Outcome;

static void
outcome_free (Outcome *outcome)
{
  g_clear_pointer (&outcome->report, ts_sync_report_free);
  g_clear_error (&outcome->error);
  g_free (outcome);
}

/* In the worker: the password may wait on the keyring, and the sync on
 * the network. */
static void
run_sync (GTask        *task,
          gpointer      source_object,
          gpointer      task_data,
          GCancellable *cancellable)
{
  const char *directory = task_data;
  g_autoptr(TsLibrary) library = ts_library_new (directory);
  g_autoptr(TsWebdavClient) client = NULL;
  Outcome *outcome = g_new0 (Outcome, 1);

  client = ts_sync_settings_new_client (&outcome->error);
  if (client != NULL)
    {
      outcome->report = ts_sync_report_new ();
      if (!ts_sync_run (library, client, outcome->report, cancellable, &outcome->error))
        g_clear_pointer (&outcome->report, ts_sync_report_free);
    }
  g_task_return_pointer (task, outcome, (GDestroyNotify) outcome_free);
}

static TsSyncOutcome
outcome_of (const GError *error)
{
  if (error == NULL)
    return TS_SYNC_OUTCOME_DONE;
  /* The server's other refusals, the settings: the same again would
   * fail the same way. The library or the disk may come right. */
  if ((error->domain == TS_WEBDAV_ERROR && !ts_webdav_error_is_retryable (error))
      || error->domain == TS_SYNC_SETTINGS_ERROR)
    return TS_SYNC_OUTCOME_NEEDS_USER;
  return TS_SYNC_OUTCOME_RETRY;
}

static void
on_sync_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  TsSyncScheduler *self = TS_SYNC_SCHEDULER (source);
  Outcome *outcome = g_task_propagate_pointer (G_TASK (result), NULL);

  g_clear_object (&self->cancellable);
  if (g_error_matches (outcome->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Turned off meanwhile: nothing to say; a sync asked for since,
       * when it was turned on again, starts now. */
      self->schedule.running = FALSE;
      outcome_free (outcome);
      rearm (self);
      g_signal_emit (self, signals[CHANGED], 0);
      return;
    }
  g_clear_error (&self->last_error);
  ts_sync_schedule_finished (&self->schedule, outcome_of (outcome->error), g_get_monotonic_time ());
  if (outcome->error != NULL)
    {
      g_debug ("sync failed: %s", outcome->error->message);
      self->last_error = g_error_copy (outcome->error);
    }
  load_state (self);
  rearm (self);
  g_signal_emit (self, signals[FINISHED], 0, outcome->report, outcome->error);
  g_signal_emit (self, signals[CHANGED], 0);
  outcome_free (outcome);
}

static void
start_sync (TsSyncScheduler *self)
{
  g_autoptr(GTask) task = NULL;

  if (self->schedule.running || !ts_sync_scheduler_is_active (self))
    return;
  ts_sync_schedule_started (&self->schedule);
  self->cancellable = g_cancellable_new ();
  task = g_task_new (self, self->cancellable, on_sync_done, NULL);
  g_task_set_source_tag (task, start_sync);
  g_task_set_task_data (task, g_strdup (ts_library_get_directory (self->library)), g_free);
  g_task_run_in_thread (task, run_sync);
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Only a change the server lacks counts: sync's own downloads come back
 * through the folder's monitor too, and leave nothing pending. */
static void
on_document_changed (TsLibrary       *library,
                     const char      *id,
                     TsSyncScheduler *self)
{
  g_autoptr(TsLibraryDocument) document = NULL;

  if (!ts_sync_scheduler_is_active (self))
    return;
  document = ts_library_load (library, id, NULL);
  if (document == NULL || !ts_sync_is_pending (library, document))
    return;
  ts_sync_schedule_changed (&self->schedule, g_get_monotonic_time ());
  rearm (self);
}

static void
on_settings_changed (TsSyncScheduler   *self,
                     GFile             *file,
                     GFile             *other_file,
                     GFileMonitorEvent  event)
{
  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT && event != G_FILE_MONITOR_EVENT_DELETED
      && event != G_FILE_MONITOR_EVENT_CREATED && event != G_FILE_MONITOR_EVENT_RENAMED
      && event != G_FILE_MONITOR_EVENT_MOVED_IN)
    return;
  /* A new password leaves the address as it was: sync again all the same. */
  read_settings (self);
  if (self->url != NULL)
    ts_sync_schedule_request (&self->schedule, g_get_monotonic_time ());
  rearm (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
ts_sync_scheduler_dispose (GObject *object)
{
  TsSyncScheduler *self = TS_SYNC_SCHEDULER (object);

  if (self->timer != NULL)
    g_source_destroy (self->timer);
  g_clear_pointer (&self->timer, g_source_unref);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_clear_object (&self->library);
  g_clear_object (&self->settings_monitor);

  G_OBJECT_CLASS (ts_sync_scheduler_parent_class)->dispose (object);
}

static void
ts_sync_scheduler_finalize (GObject *object)
{
  TsSyncScheduler *self = TS_SYNC_SCHEDULER (object);

  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->state, ts_sync_state_free);
  g_clear_error (&self->last_error);
  g_free (self->url);

  G_OBJECT_CLASS (ts_sync_scheduler_parent_class)->finalize (object);
}

static void
ts_sync_scheduler_class_init (TsSyncSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ts_sync_scheduler_dispose;
  object_class->finalize = ts_sync_scheduler_finalize;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_POINTER);
}

static void
ts_sync_scheduler_init (TsSyncScheduler *self)
{
}

TsSyncScheduler *
ts_sync_scheduler_new (TsLibrary                 *library,
                       const TsSyncScheduleTimes *times)
{
  TsSyncScheduler *self;
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "timestamps", "sync.ini", NULL);
  g_autoptr(GFile) settings = g_file_new_for_path (path);

  g_return_val_if_fail (TS_IS_LIBRARY (library), NULL);

  self = g_object_new (TS_TYPE_SYNC_SCHEDULER, NULL);
  self->library = g_object_ref (library);
  self->context = g_main_context_ref_thread_default ();
  ts_sync_schedule_init (&self->schedule, times != NULL ? times : &ts_sync_schedule_default_times,
                         g_get_monotonic_time ());
  read_settings (self);
  g_signal_connect (library, "document-changed", G_CALLBACK (on_document_changed), self);
  /* Without a monitor, new settings count from the next sync on. */
  self->settings_monitor = g_file_monitor_file (settings, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->settings_monitor != NULL)
    g_signal_connect_swapped (self->settings_monitor, "changed", G_CALLBACK (on_settings_changed), self);
  return self;
}

void
ts_sync_scheduler_set_enabled (TsSyncScheduler *self,
                               gboolean         enabled)
{
  g_return_if_fail (TS_IS_SYNC_SCHEDULER (self));

  if (self->enabled == !!enabled)
    return;
  self->enabled = !!enabled;
  if (enabled)
    ts_sync_schedule_request (&self->schedule, g_get_monotonic_time ());
  else if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  rearm (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
ts_sync_scheduler_is_active (TsSyncScheduler *self)
{
  g_return_val_if_fail (TS_IS_SYNC_SCHEDULER (self), FALSE);

  return self->enabled && self->url != NULL;
}

void
ts_sync_scheduler_sync_now (TsSyncScheduler *self)
{
  g_return_if_fail (TS_IS_SYNC_SCHEDULER (self));

  ts_sync_schedule_request (&self->schedule, g_get_monotonic_time ());
  rearm (self);
}

gboolean
ts_sync_scheduler_is_running (TsSyncScheduler *self)
{
  g_return_val_if_fail (TS_IS_SYNC_SCHEDULER (self), FALSE);

  return self->schedule.running;
}

gint64
ts_sync_scheduler_get_last_sync (TsSyncScheduler *self)
{
  g_return_val_if_fail (TS_IS_SYNC_SCHEDULER (self), 0);

  return self->last_sync;
}

const GError *
ts_sync_scheduler_get_last_error (TsSyncScheduler *self)
{
  g_return_val_if_fail (TS_IS_SYNC_SCHEDULER (self), NULL);

  return self->last_error;
}

gint64
ts_sync_scheduler_get_next_sync (TsSyncScheduler *self)
{
  g_return_val_if_fail (TS_IS_SYNC_SCHEDULER (self), TS_SYNC_SCHEDULE_NEVER);

  return ts_sync_scheduler_is_active (self) ? ts_sync_schedule_get_due (&self->schedule)
                                            : TS_SYNC_SCHEDULE_NEVER;
}

TsSyncStatus
ts_sync_scheduler_get_status (TsSyncScheduler          *self,
                              const TsLibraryDocument  *document,
                              const char              **detail)
{
  g_return_val_if_fail (TS_IS_SYNC_SCHEDULER (self), TS_SYNC_STATUS_SYNCED);
  g_return_val_if_fail (self->state != NULL, TS_SYNC_STATUS_SYNCED);

  return ts_sync_status_of (self->library, self->state, document, detail);
}
