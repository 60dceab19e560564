/* ts-sync-scheduler.h - the app's syncs, started by themselves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-library.h"
#include "ts-sync-engine.h"
#include "ts-sync-schedule.h"
#include "ts-sync-status.h"

G_BEGIN_DECLS

#define TS_TYPE_SYNC_SCHEDULER (ts_sync_scheduler_get_type ())
G_DECLARE_FINAL_TYPE (TsSyncScheduler, ts_sync_scheduler, TS, SYNC_SCHEDULER, GObject)

/* Syncs @library with the saved sync settings (ts-sync-settings.h) on
 * the thread-default main context of the caller: once enabled, at once,
 * a few seconds after a change the server lacks, every few minutes, and
 * after a failure later and later (ts-sync-schedule.h). A wrong password
 * is not tried again until the settings change or ts_sync_scheduler_sync_now().
 * Each sync runs in a worker thread on a TsLibrary of its own over the
 * same folder, so @library's signals stay on this thread.
 * times NULL: ts_sync_schedule_default_times. */
TsSyncScheduler *ts_sync_scheduler_new             (TsLibrary                 *library,
                                                    const TsSyncScheduleTimes *times);

/* Off at first: the app turns it on for Pro. Turning it off cancels a
 * sync under way. */
void             ts_sync_scheduler_set_enabled     (TsSyncScheduler *self,
                                                    gboolean         enabled);
/* Enabled, and sync is set up. */
gboolean         ts_sync_scheduler_is_active       (TsSyncScheduler *self);
void             ts_sync_scheduler_sync_now        (TsSyncScheduler *self);

gboolean         ts_sync_scheduler_is_running      (TsSyncScheduler *self);
/* The last sync that went through, Unix seconds; 0 for never. */
gint64           ts_sync_scheduler_get_last_sync   (TsSyncScheduler *self);
/* Why the last sync failed, in words; NULL when it went through. */
const GError    *ts_sync_scheduler_get_last_error  (TsSyncScheduler *self);
/* g_get_monotonic_time() of the next sync, TS_SYNC_SCHEDULE_NEVER for none. */
gint64           ts_sync_scheduler_get_next_sync   (TsSyncScheduler *self);
/* How document stands (ts_sync_status_of()), from what the last sync
 * left; detail as there, valid until the next sync finishes. */
TsSyncStatus     ts_sync_scheduler_get_status      (TsSyncScheduler          *self,
                                                    const TsLibraryDocument  *document,
                                                    const char              **detail);

/* Signals: ::changed (nothing) whenever any of the above may have
 * changed; ::finished (TsSyncReport *report or NULL, GError *error or
 * NULL) after each sync. */

G_END_DECLS
