/* ts-gzip-pipe.c - a compressed set inflated ahead, in a second thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * While the reader scans one block of XML, a helper thread inflates the
 * next ones into a few fixed blocks, so the two halves of reading a large
 * set run on two cores; memory stays bounded by the blocks, and a gzip
 * bomb stops where the reader stops.
 *
 * Whoever holds the lock of the stream inflates. The helper takes it for
 * each block it fills and counts the block filled before letting go, so
 * the ring holds everything inflated that the reader has not taken yet.
 * When no block is filled, the reader takes the lock and, finding none
 * filled still, inflates the next piece itself: on a busy machine, where
 * the helper may get a core only milliseconds later, reading goes on as
 * fast as without it. Errors travel in the stream's order, as the block
 * after the last good one.
 */
#define G_LOG_DOMAIN "ts-gzip-source"

#include "ts-gzip-pipe.h"
#include "ts-gzip-source-private.h"

#include <string.h>

#define PIPE_BLOCK (64 * 1024)
#define PIPE_BLOCKS 8

typedef struct {
  gsize   len;
  gsize   pos;         /* the reader's */
  gboolean last;       /* the end of the stream: error set, or nothing more */
  GError  *error;
  guint8   data[PIPE_BLOCK];
} Block;

/* The blocks are a ring, filled and read in turn: block i of the stream
 * is blocks[i % PIPE_BLOCKS]. */
struct _TsGzipPipe {
  GMutex        stream_lock;
  TsGzipSource  stream;         /* under stream_lock */
  gboolean      stream_done;    /* under stream_lock: ended or failed */

  GMutex        ring_lock;
  GCond         ring_space;
  guint64       filled;         /* under ring_lock: blocks filled so far */
  guint64       taken;          /* under ring_lock: blocks the reader is done with */
  gboolean      helper_waiting; /* under ring_lock */
  gboolean      stopping;       /* under ring_lock */

  Block        *blocks;
  Block        *current;        /* the reader's */
  GThread      *helper;
};

/* Waits for room in the ring. A full ring waits until the reader has
 * emptied half of it: waking a thread costs this VM more than
 * inflating a block, so the helper is woken once every few blocks. */
static Block *
wait_for_room (TsGzipPipe *self)
{
  Block *block = NULL;

  g_mutex_lock (&self->ring_lock);
  if (self->filled - self->taken == PIPE_BLOCKS)
    {
      self->helper_waiting = TRUE;
      while (!self->stopping && self->filled - self->taken > PIPE_BLOCKS / 2)
        g_cond_wait (&self->ring_space, &self->ring_lock);
      self->helper_waiting = FALSE;
    }
  if (!self->stopping)
    block = &self->blocks[self->filled % PIPE_BLOCKS];
  g_mutex_unlock (&self->ring_lock);

  return block;
}

static gpointer
pipe_fill (gpointer data)
{
  TsGzipPipe *self = data;

  for (;;)
    {
      Block *block = wait_for_room (self);
      gboolean last;
      gssize n;

      if (block == NULL)
        return NULL;

      g_mutex_lock (&self->stream_lock);
      if (self->stream_done)
        {
          g_mutex_unlock (&self->stream_lock);
          return NULL;
        }
      block->pos = 0;
      block->error = NULL;
      n = ts_gzip_source_read_here (&self->stream, block->data, PIPE_BLOCK, &block->error);
      block->len = n > 0 ? (gsize) n : 0;
      last = block->last = n <= 0;
      self->stream_done = last;
      /* Counted before the stream is let go, so that a reader that gets
       * the stream finds every block inflated before. */
      g_mutex_lock (&self->ring_lock);
      self->filled++;
      g_mutex_unlock (&self->ring_lock);
      g_mutex_unlock (&self->stream_lock);

      if (last)
        return NULL;
    }
}

/**
 * ts_gzip_pipe_new:
 * @like: a source that has not been read from, whose input, file name and
 *   inflater the pipe takes
 *
 * Returns: (nullable): the pipe, or %NULL when no thread could be started
 */
TsGzipPipe *
ts_gzip_pipe_new (const TsGzipSource *like)
{
  TsGzipPipe *self = g_new0 (TsGzipPipe, 1);

  ts_gzip_source_init_with (&self->stream, like->data, like->length, like->display_name,
                            like->use_isal ? TS_GZIP_INFLATER_ISAL : TS_GZIP_INFLATER_ZLIB);
  ts_gzip_source_set_threading (&self->stream, TS_GZIP_THREADING_NEVER);
  g_mutex_init (&self->stream_lock);
  g_mutex_init (&self->ring_lock);
  g_cond_init (&self->ring_space);
  self->blocks = g_new (Block, PIPE_BLOCKS);

  self->helper = g_thread_try_new ("ts-gzip-pipe", pipe_fill, self, NULL);
  if (self->helper == NULL)
    {
      ts_gzip_pipe_free (self);
      return NULL;
    }
  return self;
}

/* The oldest block the reader has not taken, if one is filled. */
static Block *
next_filled (TsGzipPipe *self)
{
  Block *block = NULL;

  g_mutex_lock (&self->ring_lock);
  if (self->filled > self->taken)
    block = &self->blocks[self->taken % PIPE_BLOCKS];
  g_mutex_unlock (&self->ring_lock);

  return block;
}

static void
take_block (TsGzipPipe *self)
{
  g_mutex_lock (&self->ring_lock);
  self->taken++;
  if (self->helper_waiting && self->filled - self->taken <= PIPE_BLOCKS / 2)
    g_cond_signal (&self->ring_space);
  g_mutex_unlock (&self->ring_lock);
  self->current = NULL;
}

/* Reads from the stream in this thread: no block is waiting, so the
 * stream stands where the reader does. */
static gssize
read_here_locked (TsGzipPipe  *self,
                  guint8      *buf,
                  gsize        len,
                  GError     **error)
{
  gssize n = 0;

  if (!self->stream_done)
    {
      n = ts_gzip_source_read_here (&self->stream, buf, len, error);
      self->stream_done = n <= 0;
    }
  return n;
}

/* Returns: as ts_gzip_source_read() */
gssize
ts_gzip_pipe_read (TsGzipPipe  *self,
                   guint8      *buf,
                   gsize        len,
                   GError     **error)
{
  Block *block;
  gsize n;

  if (self->current == NULL)
    self->current = next_filled (self);
  if (self->current == NULL)
    {
      gssize here;

      /* The helper may be filling a block: then this waits for it. */
      g_mutex_lock (&self->stream_lock);
      self->current = next_filled (self);
      if (self->current != NULL)
        {
          g_mutex_unlock (&self->stream_lock);
        }
      else
        {
          here = read_here_locked (self, buf, len, error);
          g_mutex_unlock (&self->stream_lock);
          return here;
        }
    }

  block = self->current;
  if (block->last)
    {
      /* Kept as the current block, so that later reads return 0. */
      if (block->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&block->error));
          return -1;
        }
      return 0;
    }

  n = MIN (len, block->len - block->pos);
  memcpy (buf, block->data + block->pos, n);
  block->pos += n;
  if (block->pos == block->len)
    take_block (self);
  return (gssize) n;
}

void
ts_gzip_pipe_free (TsGzipPipe *self)
{
  if (self->helper != NULL)
    {
      g_mutex_lock (&self->ring_lock);
      self->stopping = TRUE;
      g_cond_signal (&self->ring_space);
      g_mutex_unlock (&self->ring_lock);
      g_thread_join (self->helper);
    }

  /* Only the last block filled can hold an error. */
  if (self->filled > 0)
    g_clear_error (&self->blocks[(self->filled - 1) % PIPE_BLOCKS].error);

  ts_gzip_source_clear (&self->stream);
  g_mutex_clear (&self->stream_lock);
  g_mutex_clear (&self->ring_lock);
  g_cond_clear (&self->ring_space);
  g_free (self->blocks);
  g_free (self);
}
