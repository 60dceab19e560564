/* ts-gzip-source.c - a file's bytes, inflated in pieces when gzipped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A Live set is gzip-compressed XML (sometimes plain XML) of up to a few
 * hundred MB once inflated; its readers take it in pieces so that it is
 * never held whole. Plain input is handed out in the same pieces, so a
 * reader never asks which of the two it has.
 *
 * Intel ISA-L inflates in about half of zlib's time, which is most of the
 * time a big set takes to read: it does the work where the build has it,
 * and zlib where not. Both stream the same way, check the same things
 * (the gzip header, the CRC and length in each member's trailer) and fail
 * with the same messages; tests/test-gzip-source.c holds one against the
 * other.
 */
#define G_LOG_DOMAIN "ts-gzip-source"

#include "config.h"

#include "ts-gzip-source-private.h"
#include "ts-gzip-pipe.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#if HAVE_ISAL
# include <isa-l/igzip_lib.h>
#endif
#if HAVE_ISAL && defined(__x86_64__) && defined(__GNUC__)
# include <cpuid.h>
# include <immintrin.h>
#endif

G_DEFINE_QUARK (ts-gzip-error-quark, ts_gzip_error)

/**
 * ts_gzip_looks_like:
 *
 * Returns: whether @data starts with the gzip magic number. The loader
 *   sniffs with it and the source inflates by it, so both agree on what a
 *   compressed file is.
 */
gboolean
ts_gzip_looks_like (const guint8 *data,
                    gsize         length)
{
  return length >= 2 && data[0] == 0x1f && data[1] == 0x8b;
}

gboolean
ts_gzip_inflater_available (TsGzipInflater inflater)
{
  switch (inflater)
    {
    case TS_GZIP_INFLATER_ZLIB:
      return TRUE;
    case TS_GZIP_INFLATER_ISAL:
      return HAVE_ISAL;
    }

  g_return_val_if_reached (FALSE);
}

/**
 * ts_gzip_source_init_with:
 * @inflater: which library inflates; one that is not available falls
 *   back to zlib
 */
void
ts_gzip_source_init_with (TsGzipSource   *self,
                          const guint8   *data,
                          gsize           length,
                          const char     *display_name,
                          TsGzipInflater  inflater)
{
  memset (self, 0, sizeof *self);
  self->data = data;
  self->length = length;
  self->display_name = display_name;
  self->gzip = ts_gzip_looks_like (data, length);
  self->use_isal = inflater == TS_GZIP_INFLATER_ISAL && ts_gzip_inflater_available (inflater);
}

/**
 * ts_gzip_source_init:
 * @data: the whole file, which must outlive @self
 * @display_name: how error messages name the file
 */
void
ts_gzip_source_init (TsGzipSource *self,
                     const guint8 *data,
                     gsize         length,
                     const char   *display_name)
{
  ts_gzip_source_init_with (self, data, length, display_name, TS_GZIP_INFLATER_ISAL);
}

/**
 * ts_gzip_source_set_threading:
 *
 * Before the first read: whether a second thread inflates ahead.
 */
void
ts_gzip_source_set_threading (TsGzipSource    *self,
                              TsGzipThreading  threading)
{
  self->threading = threading;
}

void
ts_gzip_source_clear (TsGzipSource *self)
{
  g_clear_pointer (&self->pipe, ts_gzip_pipe_free);
  if (self->stream_ready && !self->use_isal)
    inflateEnd (&self->zs);
  g_clear_pointer (&self->isal, g_free);
  self->stream_ready = FALSE;
}

static gboolean
fail (TsGzipSource  *self,
      TsGzipError    code,
      const char    *what,
      GError       **error)
{
  g_set_error (error, TS_GZIP_ERROR, code,
               /* Translators: the first %s is the file name, the second
                * what is wrong with it, e.g. "cut short (it ends in the
                * middle)". */
               _("%s: the compressed file is %s"), self->display_name, what);
  return FALSE;
}

/* The three ways inflating fails, in the same words for both libraries. */
static gboolean
fail_cut_short (TsGzipSource  *self,
                GError       **error)
{
  /* Translators: completes "the compressed file is %s". */
  return fail (self, TS_GZIP_ERROR_TRUNCATED, _("cut short (it ends in the middle)"), error);
}

static gboolean
fail_damaged (TsGzipSource  *self,
              GError       **error)
{
  /* Translators: completes "the compressed file is %s". */
  return fail (self, TS_GZIP_ERROR_CORRUPT, _("damaged (its compressed data is corrupt)"), error);
}

static gboolean
fail_no_memory (TsGzipSource  *self,
                GError       **error)
{
  /* Translators: completes "the compressed file is %s". */
  return fail (self, TS_GZIP_ERROR_NO_MEMORY, _("too much for the available memory"), error);
}

/* gzip allows several members one after the other; anything else after a
 * member (padding, junk) is not part of the file. */
static gboolean
another_member_follows (TsGzipSource *self,
                        const guint8 *next_in)
{
  return ts_gzip_looks_like (next_in, self->data + self->length - next_in);
}

/* Feeds zlib the rest of the input, in pieces it can count (uInt). */
static void
feed (TsGzipSource *self)
{
  gsize consumed = self->zs.next_in - (const Bytef *) self->data;

  self->zs.avail_in = (uInt) MIN (self->length - consumed, G_MAXUINT32 / 2);
}

static gboolean
inflate_into (TsGzipSource  *self,
              guint8        *buf,
              gsize          len,
              gsize         *n_out,
              GError       **error)
{
  self->zs.next_out = buf;
  self->zs.avail_out = (uInt) MIN (len, G_MAXUINT32 / 2);

  while (self->zs.avail_out > 0)
    {
      const Bytef *end = (const Bytef *) self->data + self->length;
      int ret;

      if (self->zs.avail_in == 0)
        feed (self);

      ret = inflate (&self->zs, Z_NO_FLUSH);
      switch (ret)
        {
        case Z_OK:
          continue;

        case Z_STREAM_END:
          if (another_member_follows (self, self->zs.next_in))
            {
              inflateReset (&self->zs);
              continue;
            }
          self->eof = TRUE;
          break;

        case Z_BUF_ERROR:
          if (self->zs.next_in != end)
            continue;
          if (self->zs.next_out == buf)
            return fail_cut_short (self, error);
          self->cut_short = TRUE;
          break;

        case Z_MEM_ERROR:
          return fail_no_memory (self, error);

        default:
          /* zlib's words ("invalid block type") are for the debug log;
           * the user reads ours. */
          g_debug ("zlib: %s", self->zs.msg != NULL ? self->zs.msg : "(no message)");
          return fail_damaged (self, error);
        }
      break;
    }

  *n_out = (gsize) (self->zs.next_out - buf);
  return TRUE;
}

#if HAVE_ISAL
#if defined(__x86_64__) && defined(__GNUC__)
/* ISA-L's AVX-512 inflate returns with the upper halves of the vector
 * registers in use (it has no vzeroupper). Until something clears them,
 * every SSE instruction after it, which is all of this program's
 * floating point, waits on them: on an Intel Xeon that made log1p() 30
 * times slower and the tempo map of a 100 000-point set cost more than
 * reading it. */
__attribute__ ((target ("avx")))
static void
clear_upper_vector_state (void)
{
  _mm256_zeroupper ();
}

/* Whether the CPU and the system run AVX code. Asked with cpuid here, on
 * the first inflate, rather than with __builtin_cpu_supports(): that
 * links in a constructor that runs a dozen cpuids at every start, and
 * each one is a trip to the hypervisor in a VM. */
__attribute__ ((target ("xsave")))
static gboolean
avx_usable (void)
{
  unsigned int eax, ebx, ecx, edx;

  if (!__get_cpuid (1, &eax, &ebx, &ecx, &edx))
    return FALSE;
  if (!(ecx & bit_OSXSAVE) || !(ecx & bit_AVX))
    return FALSE;
  /* The system saves the SSE and AVX registers. */
  return (_xgetbv (0) & 0x6) == 0x6;
}

static void
isal_leave_vector_state (void)
{
  static gsize avx = 0;

  /* Without AVX, ISA-L ran SSE code and left nothing to clear. 1 is
   * "no", 2 "yes": g_once_init_enter() needs a value other than 0. */
  if (g_once_init_enter (&avx))
    g_once_init_leave (&avx, avx_usable () ? 2 : 1);
  if (avx == 2)
    clear_upper_vector_state ();
}
#else
static void
isal_leave_vector_state (void)
{
}
#endif

static void
isal_start_member (TsGzipSource *self)
{
  isal_inflate_init (self->isal);
  /* The header parsed, the trailer's CRC and length checked. */
  self->isal->crc_flag = ISAL_GZIP;
}

static gboolean
isal_inflate_into (TsGzipSource  *self,
                   guint8        *buf,
                   gsize          len,
                   gsize         *n_out,
                   GError       **error)
{
  struct inflate_state *state = self->isal;
  const guint8 *end = self->data + self->length;

  state->next_out = buf;
  state->avail_out = (uint32_t) MIN (len, G_MAXUINT32 / 2);

  while (state->avail_out > 0)
    {
      int ret;

      if (state->avail_in == 0)
        state->avail_in = (uint32_t) MIN ((gsize) (end - state->next_in), G_MAXUINT32 / 2);

      /* Anything else (a dictionary asked for, a header field it had no
       * room for) is no Live set's gzip member. */
      ret = isal_inflate (state);
      isal_leave_vector_state ();
      if (ret != ISAL_DECOMP_OK && ret != ISAL_END_INPUT)
        return fail_damaged (self, error);

      if (state->block_state == ISAL_BLOCK_FINISH)
        {
          uint8_t *next_in = state->next_in;
          uint32_t avail_in = state->avail_in;
          uint8_t *next_out = state->next_out;
          uint32_t avail_out = state->avail_out;

          if (!another_member_follows (self, next_in))
            {
              self->eof = TRUE;
              break;
            }
          /* A new member: a fresh state, the same buffers. */
          isal_start_member (self);
          state->next_in = next_in;
          state->avail_in = avail_in;
          state->next_out = next_out;
          state->avail_out = avail_out;
          continue;
        }

      /* It stops with room left only when the input has run out. */
      if (state->avail_out > 0 && state->avail_in == 0 && state->next_in == end)
        {
          if (state->next_out == buf)
            return fail_cut_short (self, error);
          self->cut_short = TRUE;
          break;
        }
    }

  *n_out = (gsize) (state->next_out - buf);
  return TRUE;
}
#endif

static gboolean
start_inflating (TsGzipSource  *self,
                 GError       **error)
{
#if HAVE_ISAL
  if (self->use_isal)
    {
      self->isal = g_try_new0 (struct inflate_state, 1);
      if (self->isal == NULL)
        return fail_no_memory (self, error);
      isal_start_member (self);
      self->isal->next_in = (uint8_t *) self->data;
      self->isal->avail_in = 0;
      self->stream_ready = TRUE;
      return TRUE;
    }
#endif

  /* 16 + MAX_WBITS: gzip wrapper only, with its CRC checked. */
  if (inflateInit2 (&self->zs, 16 + MAX_WBITS) != Z_OK)
    return fail_no_memory (self, error);
  self->stream_ready = TRUE;
  self->zs.next_in = (Bytef *) self->data;
  self->zs.avail_in = 0;

  return TRUE;
}

static gboolean
inflate_some (TsGzipSource  *self,
              guint8        *buf,
              gsize          len,
              gsize         *n_out,
              GError       **error)
{
#if HAVE_ISAL
  if (self->use_isal)
    return isal_inflate_into (self, buf, len, n_out, error);
#endif

  return inflate_into (self, buf, len, n_out, error);
}

/**
 * ts_gzip_source_read_here:
 *
 * ts_gzip_source_read() in the calling thread, whatever the source's
 * threading: what the pipe's threads read with.
 */
gssize
ts_gzip_source_read_here (TsGzipSource  *self,
                          guint8        *buf,
                          gsize          len,
                          GError       **error)
{
  gsize n = 0;

  if (self->eof || len == 0)
    return 0;

  if (self->gzip)
    {
      /* What came before the cut was handed out first: a reader may
       * have all it needs from it (ts_ableton_read_with()). */
      if (self->cut_short)
        {
          fail_cut_short (self, error);
          return -1;
        }
      if (!self->stream_ready && !start_inflating (self, error))
        return -1;
      if (!inflate_some (self, buf, len, &n, error))
        return -1;
    }
  else
    {
      /* An empty file may have no data pointer at all. */
      n = MIN (len, self->length - self->offset);
      if (n > 0)
        memcpy (buf, self->data + self->offset, n);
      self->offset += n;
      if (self->offset == self->length)
        self->eof = TRUE;
    }

  self->produced += n;
  return (gssize) n;
}

/* Compressed input from which a second thread inflates ahead: about 0.7 MB
 * of XML, which ISA-L inflates in about 0.4 ms, zlib in twice that, where
 * starting the thread costs about 0.05 ms. */
#define THREADED_MIN_INPUT (64 * 1024)

static gboolean
wants_pipe (const TsGzipSource *self)
{
  switch ((TsGzipThreading) self->threading)
    {
    case TS_GZIP_THREADING_AUTO:
      return self->length >= THREADED_MIN_INPUT;
    case TS_GZIP_THREADING_NEVER:
      return FALSE;
    case TS_GZIP_THREADING_ALWAYS:
      return TRUE;
    }
  g_return_val_if_reached (FALSE);
}

/**
 * ts_gzip_source_read:
 *
 * Reads the next piece of the (inflated) content into @buf.
 *
 * Returns: how many bytes it wrote, 0 at the end, -1 with @error set
 */
gssize
ts_gzip_source_read (TsGzipSource  *self,
                     guint8        *buf,
                     gsize          len,
                     GError       **error)
{
  gssize n;

  if (!self->gzip || self->eof || len == 0)
    return ts_gzip_source_read_here (self, buf, len, error);

  if (self->pipe == NULL && self->produced == 0 && wants_pipe (self))
    self->pipe = ts_gzip_pipe_new (self);
  if (self->pipe == NULL)
    return ts_gzip_source_read_here (self, buf, len, error);

  n = ts_gzip_pipe_read (self->pipe, buf, len, error);
  if (n > 0)
    self->produced += (guint64) n;
  else if (n == 0)
    self->eof = TRUE;
  return n;
}

/* How many bytes of content the reads have handed out so far. */
guint64
ts_gzip_source_get_produced (const TsGzipSource *self)
{
  return self->produced;
}
