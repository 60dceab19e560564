/* ts-gzip-source.c - a file's bytes, inflated in pieces when gzipped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A Live set is gzip-compressed XML (sometimes plain XML) of up to a few
 * hundred MB once inflated; its readers take it in pieces so that it is
 * never held whole. Plain input is handed out in the same pieces, so a
 * reader never asks which of the two it has.
 */
#define G_LOG_DOMAIN "ts-gzip-source"

#include "config.h"

#include "ts-gzip-source.h"

#include <string.h>

#include <glib/gi18n-lib.h>

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
  memset (self, 0, sizeof *self);
  self->data = data;
  self->length = length;
  self->display_name = display_name;
  self->gzip = ts_gzip_looks_like (data, length);
}

void
ts_gzip_source_clear (TsGzipSource *self)
{
  if (self->stream_ready)
    inflateEnd (&self->zs);
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
          /* gzip allows several members one after the other; anything else
           * after the first (padding, junk) is not part of the file. */
          if (ts_gzip_looks_like (self->zs.next_in, end - self->zs.next_in))
            {
              inflateReset (&self->zs);
              continue;
            }
          self->eof = TRUE;
          break;

        case Z_BUF_ERROR:
          if (self->zs.next_in == end)
            /* Translators: completes "the compressed file is %s". */
            return fail (self, TS_GZIP_ERROR_CORRUPT, _("cut short (it ends in the middle)"), error);
          continue;

        case Z_MEM_ERROR:
          /* Translators: completes "the compressed file is %s". */
          return fail (self, TS_GZIP_ERROR_NO_MEMORY, _("too much for the available memory"), error);

        default:
          /* Translators: completes "the compressed file is %s". */
          return fail (self, TS_GZIP_ERROR_CORRUPT, _("damaged (its compressed data is corrupt)"), error);
        }
      break;
    }

  *n_out = (gsize) (self->zs.next_out - buf);
  return TRUE;
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
  gsize n = 0;

  if (self->eof || len == 0)
    return 0;

  if (self->gzip)
    {
      if (!self->stream_ready)
        {
          /* 16 + MAX_WBITS: gzip wrapper only, with its CRC checked. */
          if (inflateInit2 (&self->zs, 16 + MAX_WBITS) != Z_OK)
            {
              fail (self, TS_GZIP_ERROR_NO_MEMORY, _("too much for the available memory"), error);
              return -1;
            }
          self->stream_ready = TRUE;
          self->zs.next_in = (Bytef *) self->data;
          self->zs.avail_in = 0;
        }
      if (!inflate_into (self, buf, len, &n, error))
        return -1;
    }
  else
    {
      n = MIN (len, self->length - self->offset);
      memcpy (buf, self->data + self->offset, n);
      self->offset += n;
      if (self->offset == self->length)
        self->eof = TRUE;
    }

  self->produced += n;
  return (gssize) n;
}

/* How many bytes of content the reads have handed out so far. */
guint64
ts_gzip_source_get_produced (const TsGzipSource *self)
{
  return self->produced;
}
