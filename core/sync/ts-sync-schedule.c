/* ts-sync-schedule.c - when the app syncs next
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ts-sync-schedule.h"

const TsSyncScheduleTimes ts_sync_schedule_default_times = {
  .debounce = 3 * G_USEC_PER_SEC,
  .longest_delay = 30 * G_USEC_PER_SEC,
  .period = 5 * 60 * (gint64) G_USEC_PER_SEC,
  .first_retry = 30 * G_USEC_PER_SEC,
};

void
ts_sync_schedule_init (TsSyncSchedule            *self,
                       const TsSyncScheduleTimes *times,
                       gint64                     now)
{
  *self = (TsSyncSchedule) { .times = *times, .next = now };
}

void
ts_sync_schedule_changed (TsSyncSchedule *self,
                          gint64          now)
{
  if (self->needs_user)
    return;
  if (self->running)
    {
      self->again = TRUE;
      return;
    }
  if (self->change_due == 0)
    self->burst_start = now;
  self->change_due = MIN (now + self->times.debounce, self->burst_start + self->times.longest_delay);
}

void
ts_sync_schedule_request (TsSyncSchedule *self,
                          gint64          now)
{
  self->needs_user = FALSE;
  if (self->running)
    {
      self->again = TRUE;
      return;
    }
  self->change_due = 0;
  self->next = now;
}

void
ts_sync_schedule_started (TsSyncSchedule *self)
{
  self->running = TRUE;
  self->again = FALSE;
  self->change_due = 0;
}

static gint64
retry_delay (const TsSyncSchedule *self)
{
  gint64 delay = self->times.first_retry;

  for (guint i = 1; i < self->failures && delay < self->times.period; i++)
    delay *= 2;
  return MIN (delay, self->times.period);
}

void
ts_sync_schedule_finished (TsSyncSchedule *self,
                           TsSyncOutcome   outcome,
                           gint64          now)
{
  self->running = FALSE;
  switch (outcome)
    {
    case TS_SYNC_OUTCOME_DONE:
      self->failures = 0;
      self->next = now + self->times.period;
      break;
    case TS_SYNC_OUTCOME_RETRY:
      self->failures++;
      self->next = now + retry_delay (self);
      break;
    case TS_SYNC_OUTCOME_NEEDS_USER:
      self->failures = 0;
      self->needs_user = TRUE;
      self->next = TS_SYNC_SCHEDULE_NEVER;
      break;
    }
  if (self->again)
    {
      self->again = FALSE;
      ts_sync_schedule_changed (self, now);
    }
}

gint64
ts_sync_schedule_get_due (const TsSyncSchedule *self)
{
  if (self->running || self->needs_user)
    return TS_SYNC_SCHEDULE_NEVER;
  if (self->change_due == 0)
    return self->next;
  if (self->failures > 0)
    return MAX (self->change_due, self->next);
  return MIN (self->change_due, self->next);
}
