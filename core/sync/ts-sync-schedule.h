/* ts-sync-schedule.h - when the app syncs next: the rule alone, over
 * times it is given, so that it is tested without a clock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* All in microseconds of one monotonic clock. */
typedef struct {
  gint64 debounce;       /* after the last change: a burst of edits is one sync */
  gint64 longest_delay;  /* after the first change of a burst, however long it lasts */
  gint64 period;         /* between syncs, for what the other computers change */
  gint64 first_retry;    /* after a failed sync; doubles with each failure, up to period */
} TsSyncScheduleTimes;

/* 3 s, 30 s, 5 min, 30 s. */
extern const TsSyncScheduleTimes ts_sync_schedule_default_times;

#define TS_SYNC_SCHEDULE_NEVER G_MAXINT64

typedef enum {
  TS_SYNC_OUTCOME_DONE,
  TS_SYNC_OUTCOME_RETRY,       /* the server unreachable, full, locked, failing */
  TS_SYNC_OUTCOME_NEEDS_USER,  /* wrong password, no folder, not set up: only the user can help */
} TsSyncOutcome;

typedef struct {
  TsSyncScheduleTimes times;
  gint64   next;          /* the periodic sync, or the retry after a failure */
  gint64   change_due;    /* 0: no change waiting */
  gint64   burst_start;
  guint    failures;      /* in a row */
  gboolean running;
  gboolean again;         /* changed, or asked for, while running */
  gboolean needs_user;
} TsSyncSchedule;

/* The first sync is due at once. */
void   ts_sync_schedule_init     (TsSyncSchedule            *self,
                                  const TsSyncScheduleTimes *times,
                                  gint64                     now);
/* Something changed that the server lacks. Ignored while the last sync
 * waits for the user: it would fail the same way. */
void   ts_sync_schedule_changed  (TsSyncSchedule            *self,
                                  gint64                     now);
/* Sync now: the user asked, or the settings changed. */
void   ts_sync_schedule_request  (TsSyncSchedule            *self,
                                  gint64                     now);
void   ts_sync_schedule_started  (TsSyncSchedule            *self);
void   ts_sync_schedule_finished (TsSyncSchedule            *self,
                                  TsSyncOutcome              outcome,
                                  gint64                     now);
/* When the next sync should start; TS_SYNC_SCHEDULE_NEVER while one runs
 * or the last one waits for the user. A change never brings a retry
 * forward: a server that is down is not asked more often for it. */
gint64 ts_sync_schedule_get_due  (const TsSyncSchedule      *self);

G_END_DECLS
