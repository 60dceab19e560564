/* test-sync-scheduler.c - when the app syncs by itself: the rule over
 * given times, then the scheduler against Apache httpd
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * XDG_CONFIG_HOME is a folder of the test's own, set before anything
 * reads it; without a session bus the password goes to a file there.
 */

#include "config.h"

#include <string.h>

#include "ts-library.h"
#include "ts-sync-scheduler.h"
#include "ts-test-files.h"
#include "ts-test-library.h"
#include "ts-test-service.h"

#define SECOND ((gint64) G_USEC_PER_SEC)
#define MINUTE (60 * SECOND)

/* A guard against a hang, never a limit on how fast anything is. */
#define HANG_GUARD_SECONDS 120

static char *config_dir;

/* --- the rule --- */

static void
test_rule_changes (void)
{
  TsSyncSchedule schedule;
  gint64 now = 1000 * SECOND;

  ts_sync_schedule_init (&schedule, &ts_sync_schedule_default_times, now);
  g_assert_cmpint (ts_sync_schedule_get_due (&schedule), ==, now);
  ts_sync_schedule_started (&schedule);
  g_assert_cmpint (ts_sync_schedule_get_due (&schedule), ==, TS_SYNC_SCHEDULE_NEVER);
  ts_sync_schedule_finished (&schedule, TS_SYNC_OUTCOME_DONE, now + SECOND);
  g_assert_cmpint (ts_sync_schedule_get_due (&schedule), ==, now + SECOND + 5 * MINUTE);

  /* An edit: 3 s after it, each further edit moving it on... */
  now += MINUTE;
  ts_sync_schedule_changed (&schedule, now);
  g_assert_cmpint (ts_sync_schedule_get_due (&schedule), ==, now + 3 * SECOND);
  ts_sync_schedule_changed (&schedule, now + 2 * SECOND);
  g_assert_cmpint (ts_sync_schedule_get_due (&schedule), ==, now + 5 * SECOND);
  /* ...but never more than 30 s after the first of the burst. */
  for (gint64 t = now; t < now + 40 * SECOND; t += SECOND)
    ts_sync_schedule_changed (&schedule, t);
  g_assert_cmpint (ts_sync_schedule_get_due (&schedule), ==, now + 30 * SECOND);

  /* An edit while a sync runs: another sync, 3 s after it finished. */
  ts_sync_schedule_started (&schedule);
  ts_sync_schedule_changed (&schedule, now + 31 * SECOND);
  g_assert_cmpint (ts_sync_schedule_get_due (&schedule), ==, TS_SYNC_SCHEDULE_NEVER);
  ts_sync_schedule_finished (&schedule, TS_SYNC_OUTCOME_DONE, now + 32 * SECOND);
  g_assert_cmpint (ts_sync_schedule_get_due (&schedule), ==, now + 35 * SECOND);

  /* Asked for: at once. */
  ts_sync_schedule_request (&schedule, now + 33 * SECOND);
  g_assert_cmpint (ts_sync_schedule_get_due (&schedule), ==, now + 33 * SECOND);
}

static void
test_rule_failures (void)
{
  TsSyncSchedule schedule;
  gint64 now = 1000 * SECOND;
  const gint64 waits[] = { 30 * SECOND, MINUTE, 2 * MINUTE, 4 * MINUTE, 5 * MINUTE, 5 * MINUTE };

  ts_sync_schedule_init (&schedule, &ts_sync_schedule_default_times, now);

  /* The server down: later and later, up to the period. */
  for (guint i = 0; i < G_N_ELEMENTS (waits); i++)
    {
      ts_sync_schedule_started (&schedule);
      ts_sync_schedule_finished (&schedule, TS_SYNC_OUTCOME_RETRY, now);
      g_assert_cmpint (ts_sync_schedule_get_due (&schedule), ==, now + waits[i]);
      now += waits[i];
    }
  /* An edit does not ask a server that is down any sooner. */
  ts_sync_schedule_started (&schedule);
  ts_sync_schedule_finished (&schedule, TS_SYNC_OUTCOME_RETRY, now);
  ts_sync_schedule_changed (&schedule, now + SECOND);
  g_assert_cmpint (ts_sync_schedule_get_due (&schedule), ==, now + 5 * MINUTE);
  /* It went through: back to the period, the count of failures reset. */
  ts_sync_schedule_started (&schedule);
  ts_sync_schedule_finished (&schedule, TS_SYNC_OUTCOME_DONE, now);
  ts_sync_schedule_started (&schedule);
  ts_sync_schedule_finished (&schedule, TS_SYNC_OUTCOME_RETRY, now);
  g_assert_cmpint (ts_sync_schedule_get_due (&schedule), ==, now + 30 * SECOND);

  /* A wrong password is not tried again, however many edits, until the
   * user asks (or the settings change). */
  ts_sync_schedule_started (&schedule);
  ts_sync_schedule_finished (&schedule, TS_SYNC_OUTCOME_NEEDS_USER, now);
  g_assert_cmpint (ts_sync_schedule_get_due (&schedule), ==, TS_SYNC_SCHEDULE_NEVER);
  ts_sync_schedule_changed (&schedule, now + SECOND);
  g_assert_cmpint (ts_sync_schedule_get_due (&schedule), ==, TS_SYNC_SCHEDULE_NEVER);
  ts_sync_schedule_request (&schedule, now + 2 * SECOND);
  g_assert_cmpint (ts_sync_schedule_get_due (&schedule), ==, now + 2 * SECOND);
}

/* --- the scheduler --- */

typedef struct {
  TsLibrary       *library;
  TsSyncScheduler *scheduler;
  guint            finished;
  guint            uploaded;
  guint            downloaded;
  GError          *error;
} Watch;

static void
on_finished (TsSyncScheduler *scheduler,
             TsSyncReport    *report,
             const GError    *error,
             Watch           *watch)
{
  watch->finished++;
  g_clear_error (&watch->error);
  if (error != NULL)
    watch->error = g_error_copy (error);
  if (report != NULL)
    {
      watch->uploaded += ts_sync_report_count (report, TS_SYNC_ACTION_UPLOADED);
      watch->downloaded += ts_sync_report_count (report, TS_SYNC_ACTION_DOWNLOADED);
    }
}

static gboolean
on_hang (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main context until watch has seen n syncs finish. */
static void
wait_finished (Watch *watch,
               guint  n)
{
  gboolean hung = FALSE;
  guint guard = g_timeout_add_seconds (HANG_GUARD_SECONDS, on_hang, &hung);

  while (watch->finished < n && !hung)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (hung);
  g_source_remove (guard);
}

static gboolean
is_idle (Watch *watch)
{
  gint64 next = ts_sync_scheduler_get_next_sync (watch->scheduler);

  return !ts_sync_scheduler_is_running (watch->scheduler)
         && (next == TS_SYNC_SCHEDULE_NEVER || next > g_get_monotonic_time () + 30 * MINUTE);
}

/* Settings saved may be seen as more than one change of the file, each
 * asking for a sync: waits until those are done, and only the period is
 * ahead (or nothing). */
static void
wait_idle (Watch *watch)
{
  gboolean hung = FALSE;
  guint guard = g_timeout_add_seconds (HANG_GUARD_SECONDS, on_hang, &hung);

  while (!is_idle (watch) && !hung)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (hung);
  g_source_remove (guard);
}

static TsSyncStatus
status_of (Watch      *watch,
           const char *id)
{
  g_autoptr(TsLibraryDocument) document = ts_library_load (watch->library, id, NULL);
  const char *detail;

  g_assert_nonnull (document);
  return ts_sync_scheduler_get_status (watch->scheduler, document, &detail);
}

/* At start, after an edit, when asked; the state of each document and
 * the last sync as the Library reads them. */
static void
test_scheduler_syncs (void)
{
  g_autoptr(TsTestService) server = ts_test_apache_new (FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *root = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *one = NULL;
  /* Only a change or a request syncs: the period is far away. */
  TsSyncScheduleTimes times = { SECOND / 10, SECOND, 60 * MINUTE, 60 * MINUTE };
  Watch watch = { 0 };
  gint64 before;

  if (server == NULL)
    return;
  root = g_dir_make_tmp ("ts-sync-scheduler-XXXXXX", &error);
  g_assert_no_error (error);
  folder = g_build_filename (root, "timestamps", "library", NULL);
  watch.library = ts_library_new (folder);
  one = ts_test_library_add_cue (watch.library, "one.als");
  ts_test_sync_settings_save (server, TS_TEST_WEBDAV_PASSWORD);
  watch.scheduler = ts_sync_scheduler_new (watch.library, &times);
  g_signal_connect (watch.scheduler, "finished", G_CALLBACK (on_finished), &watch);
  g_assert_false (ts_sync_scheduler_is_active (watch.scheduler));

  /* Enabled: a sync at once. */
  ts_sync_scheduler_set_enabled (watch.scheduler, TRUE);
  g_assert_true (ts_sync_scheduler_is_active (watch.scheduler));
  g_assert_cmpint (ts_sync_scheduler_get_last_sync (watch.scheduler), ==, 0);
  wait_finished (&watch, 1);
  g_assert_no_error (watch.error);
  g_assert_cmpuint (watch.uploaded, ==, 1);
  g_assert_cmpint (ts_sync_scheduler_get_last_sync (watch.scheduler), >, 0);
  g_assert_null (ts_sync_scheduler_get_last_error (watch.scheduler));
  g_assert_cmpint (status_of (&watch, one), ==, TS_SYNC_STATUS_SYNCED);

  /* An edit: pending, then synced by itself. */
  ts_test_library_rename_first (watch.library, one, "First edit");
  g_assert_cmpint (status_of (&watch, one), ==, TS_SYNC_STATUS_PENDING);
  wait_finished (&watch, 2);
  g_assert_no_error (watch.error);
  g_assert_cmpuint (watch.uploaded, ==, 2);
  g_assert_cmpint (status_of (&watch, one), ==, TS_SYNC_STATUS_SYNCED);
  /* Then the next one is the periodic one. */
  before = g_get_monotonic_time ();
  g_assert_cmpint (ts_sync_scheduler_get_next_sync (watch.scheduler), >, before);
  g_assert_cmpint (ts_sync_scheduler_get_next_sync (watch.scheduler), <=, before + times.period);

  /* A wrong password saved: tried, said in words, not again. */
  ts_test_sync_settings_save (server, "not the password");
  wait_finished (&watch, 3);
  wait_idle (&watch);
  g_assert_error (watch.error, TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_CREDENTIALS);
  g_assert_nonnull (strstr (ts_sync_scheduler_get_last_error (watch.scheduler)->message, "password"));
  g_assert_cmpint (ts_sync_scheduler_get_next_sync (watch.scheduler), ==, TS_SYNC_SCHEDULE_NEVER);
  ts_test_library_rename_first (watch.library, one, "Edit while the password is wrong");
  g_assert_cmpint (ts_sync_scheduler_get_next_sync (watch.scheduler), ==, TS_SYNC_SCHEDULE_NEVER);

  /* The right one again: synced at once, the edit with it. */
  ts_test_sync_settings_save (server, TS_TEST_WEBDAV_PASSWORD);
  wait_finished (&watch, watch.finished + 1);
  wait_idle (&watch);
  g_assert_no_error (watch.error);
  g_assert_null (ts_sync_scheduler_get_last_error (watch.scheduler));
  g_assert_cmpuint (watch.uploaded, ==, 3);

  /* The server down: the error, and a retry later. */
  ts_test_service_command_ok (server, "stop");
  ts_sync_scheduler_sync_now (watch.scheduler);
  wait_finished (&watch, watch.finished + 1);
  g_assert_error (watch.error, TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_UNREACHABLE);
  g_assert_cmpint (ts_sync_scheduler_get_next_sync (watch.scheduler), !=, TS_SYNC_SCHEDULE_NEVER);
  g_assert_cmpint (ts_sync_scheduler_get_next_sync (watch.scheduler), >, g_get_monotonic_time ());
  ts_test_service_command_ok (server, "start");
  ts_sync_scheduler_sync_now (watch.scheduler);
  wait_finished (&watch, watch.finished + 1);
  g_assert_no_error (watch.error);

  /* Off: nothing scheduled. */
  ts_sync_scheduler_set_enabled (watch.scheduler, FALSE);
  g_assert_false (ts_sync_scheduler_is_active (watch.scheduler));
  g_assert_cmpint (ts_sync_scheduler_get_next_sync (watch.scheduler), ==, TS_SYNC_SCHEDULE_NEVER);

  g_clear_object (&watch.scheduler);
  g_clear_object (&watch.library);
  g_clear_error (&watch.error);
  ts_test_remove_tree (root);
}

/* Nothing changes here: the period alone keeps syncing, and brings what
 * another computer uploaded. */
static void
test_scheduler_period (void)
{
  g_autoptr(TsTestService) server = ts_test_apache_new (FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(TsLibrary) other = NULL;
  g_autoptr(TsWebdavClient) client = NULL;
  g_autoptr(TsSyncReport) report = ts_sync_report_new ();
  g_autofree char *root = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *other_folder = NULL;
  TsSyncScheduleTimes times = { SECOND / 10, SECOND, SECOND / 5, SECOND / 5 };
  Watch watch = { 0 };

  if (server == NULL)
    return;
  root = g_dir_make_tmp ("ts-sync-scheduler-XXXXXX", &error);
  g_assert_no_error (error);
  folder = g_build_filename (root, "a", "timestamps", "library", NULL);
  other_folder = g_build_filename (root, "b", "timestamps", "library", NULL);
  watch.library = ts_library_new (folder);
  other = ts_library_new (other_folder);
  ts_test_sync_settings_save (server, TS_TEST_WEBDAV_PASSWORD);
  watch.scheduler = ts_sync_scheduler_new (watch.library, &times);
  g_signal_connect (watch.scheduler, "finished", G_CALLBACK (on_finished), &watch);
  ts_sync_scheduler_set_enabled (watch.scheduler, TRUE);
  wait_finished (&watch, 1);

  g_free (ts_test_library_add_cue (other, "from the other computer.als"));
  client = ts_webdav_client_new (ts_test_service_get_url (server), TS_TEST_WEBDAV_USER,
                                 TS_TEST_WEBDAV_PASSWORD, &error);
  g_assert_no_error (error);
  g_assert_true (ts_sync_run (other, client, report, NULL, &error));
  g_assert_no_error (error);
  while (watch.downloaded == 0)
    wait_finished (&watch, watch.finished + 1);
  g_assert_no_error (watch.error);
  g_assert_cmpuint (watch.uploaded, ==, 0);

  g_clear_object (&watch.scheduler);
  g_clear_object (&watch.library);
  g_clear_error (&watch.error);
  ts_test_remove_tree (root);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  int status;

  config_dir = g_dir_make_tmp ("ts-sync-scheduler-config-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CONFIG_HOME", config_dir, TRUE);
  g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync-schedule/changes", test_rule_changes);
  g_test_add_func ("/sync-schedule/failures", test_rule_failures);
  g_test_add_func ("/sync-scheduler/syncs", test_scheduler_syncs);
  g_test_add_func ("/sync-scheduler/period", test_scheduler_period);

  status = g_test_run ();
  ts_test_remove_tree (config_dir);
  g_free (config_dir);
  return status;
}
