/* ts-shared-range.c - a loop over a range, shared with a second thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The calling thread and one helper take chunks of the range in turn
 * from a shared counter. The caller never waits for a helper that has not
 * started: on a busy machine, where the helper may get a core only
 * milliseconds later, the caller takes every chunk itself and returns; a
 * helper that starts after that finds nothing left and ends. The caller
 * only waits for a chunk the helper is in the middle of.
 */
#define G_LOG_DOMAIN "ts-shared-range"

#include "ts-shared-range.h"

/* On the heap and counted: a helper that starts late still reads the
 * counter after the caller has returned. */
typedef struct {
  guint        start;
  guint        end;
  guint        chunk;
  TsRangeFunc  func;
  gpointer     user_data;
  guint        n_chunks;
  gint         next_chunk;     /* atomic */
  guint        chunks_done;    /* under mutex */
  GMutex       mutex;
  GCond        all_done;
} SharedRange;

static gint helper_allowed = TRUE;  /* atomic */

void
ts_shared_range_set_helper_allowed (gboolean allowed)
{
  g_atomic_int_set (&helper_allowed, allowed);
}

static void
shared_range_clear (SharedRange *range)
{
  g_mutex_clear (&range->mutex);
  g_cond_clear (&range->all_done);
}

static void
shared_range_release (SharedRange *range)
{
  g_atomic_rc_box_release_full (range, (GDestroyNotify) shared_range_clear);
}

/* Takes chunks until none is left. Only a claimed chunk touches the
 * caller's data, and the caller returns only once every claimed chunk
 * is done, so a late helper never sees freed data. */
static void
shared_range_work (SharedRange *range)
{
  for (;;)
    {
      guint index = (guint) g_atomic_int_add (&range->next_chunk, 1);
      guint start;

      if (index >= range->n_chunks)
        return;
      start = range->start + index * range->chunk;
      range->func (start, MIN (start + range->chunk, range->end), range->user_data);

      g_mutex_lock (&range->mutex);
      if (++range->chunks_done == range->n_chunks)
        g_cond_signal (&range->all_done);
      g_mutex_unlock (&range->mutex);
    }
}

static gpointer
shared_range_helper (gpointer data)
{
  SharedRange *range = data;

  shared_range_work (range);
  shared_range_release (range);
  return NULL;
}

/**
 * ts_shared_range_run:
 * @chunk: indices a thread takes at a time; a range of fewer than two
 *   chunks runs on the calling thread alone, since starting a thread
 *   (about 50 us) would cost more than it saves
 *
 * Calls @func over [@start, @end) in chunks, on this thread and, where
 * one can be started, a second. Returns when every index is done.
 */
void
ts_shared_range_run (guint       start,
                     guint       end,
                     guint       chunk,
                     TsRangeFunc func,
                     gpointer    user_data)
{
  SharedRange *range;
  GThread *helper;

  g_return_if_fail (chunk > 0);

  if (end <= start)
    return;
  if (end - start < 2 * (guint64) chunk || !g_atomic_int_get (&helper_allowed))
    {
      func (start, end, user_data);
      return;
    }

  range = g_atomic_rc_box_new0 (SharedRange);
  range->start = start;
  range->end = end;
  range->chunk = chunk;
  range->func = func;
  range->user_data = user_data;
  range->n_chunks = (guint) (((guint64) end - start + chunk - 1) / chunk);
  g_mutex_init (&range->mutex);
  g_cond_init (&range->all_done);

  helper = g_thread_try_new ("ts-shared-range", shared_range_helper,
                             g_atomic_rc_box_acquire (range), NULL);
  if (helper != NULL)
    g_thread_unref (helper);
  else
    shared_range_release (range);

  shared_range_work (range);

  g_mutex_lock (&range->mutex);
  while (range->chunks_done < range->n_chunks)
    g_cond_wait (&range->all_done, &range->mutex);
  g_mutex_unlock (&range->mutex);

  shared_range_release (range);
}
