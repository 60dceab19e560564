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
 * each block it fills and queues the block before letting go, so the
 * queue holds everything inflated that the reader has not taken yet. When
 * the queue is empty, the reader takes the lock and, finding the queue
 * still empty, inflates the next piece itself: on a busy machine, where
 * the helper may get a core only milliseconds later, reading goes on as
 * fast as without it. Errors travel in the stream's order, as the block
 * after the last good one.
 */
#define G_LOG_DOMAIN "ts-gzip-source"

#include "ts-gzip-pipe.h"
#include "ts-gzip-source-private.h"

#include <string.h>

#define PIPE_BLOCK (64 * 1024)
#define PIPE_BLOCKS 4

typedef struct {
  gsize   len;
  gsize   pos;         /* the reader's */
  gboolean last;       /* the end of the stream: error set, or nothing more */
  GError  *error;
  guint8   data[PIPE_BLOCK];
} Block;

struct _TsGzipPipe {
  GMutex        stream_lock;
  TsGzipSource  stream;       /* under stream_lock */
  gboolean      stream_done;  /* under stream_lock: ended or failed */
  GAsyncQueue  *filled;       /* in the stream's order */
  GAsyncQueue  *empty;
  gint          stopping;     /* atomic */
  Block        *blocks;
  Block        *current;      /* the reader's */
  GThread      *helper;
};

static gpointer
pipe_fill (gpointer data)
{
  TsGzipPipe *self = data;

  for (;;)
    {
      gpointer item = g_async_queue_pop (self->empty);
      Block *block = item;
      gssize n;

      /* ts_gzip_pipe_free() queues the pipe itself to wake this. */
      if (item == self || g_atomic_int_get (&self->stopping))
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
      block->last = n <= 0;
      self->stream_done = block->last;
      g_async_queue_push (self->filled, block);
      g_mutex_unlock (&self->stream_lock);

      if (block->last)
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
  self->filled = g_async_queue_new ();
  self->empty = g_async_queue_new ();
  self->blocks = g_new (Block, PIPE_BLOCKS);
  for (guint i = 0; i < PIPE_BLOCKS; i++)
    g_async_queue_push (self->empty, &self->blocks[i]);

  self->helper = g_thread_try_new ("ts-gzip-pipe", pipe_fill, self, NULL);
  if (self->helper == NULL)
    {
      ts_gzip_pipe_free (self);
      return NULL;
    }
  return self;
}

/* Reads from the stream in this thread: the queue is empty, so nothing
 * inflated is waiting and the stream stands where the reader does. */
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
    self->current = g_async_queue_try_pop (self->filled);
  if (self->current == NULL)
    {
      gssize here;

      /* The helper may be filling a block: then this waits for it. */
      g_mutex_lock (&self->stream_lock);
      self->current = g_async_queue_try_pop (self->filled);
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
    {
      self->current = NULL;
      g_async_queue_push (self->empty, block);
    }
  return (gssize) n;
}

void
ts_gzip_pipe_free (TsGzipPipe *self)
{
  gpointer item;

  if (self->helper != NULL)
    {
      g_atomic_int_set (&self->stopping, TRUE);
      g_async_queue_push (self->empty, self);
      g_thread_join (self->helper);
    }

  while ((item = g_async_queue_try_pop (self->filled)) != NULL)
    g_clear_error (&((Block *) item)->error);
  if (self->current != NULL)
    g_clear_error (&self->current->error);

  ts_gzip_source_clear (&self->stream);
  g_mutex_clear (&self->stream_lock);
  g_async_queue_unref (self->filled);
  g_async_queue_unref (self->empty);
  g_free (self->blocks);
  g_free (self);
}
