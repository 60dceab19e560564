/* ts-gzip-source.h - a file's bytes, inflated in pieces when gzipped
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <zlib.h>

G_BEGIN_DECLS

#define TS_GZIP_ERROR (ts_gzip_error_quark ())

typedef enum {
  TS_GZIP_ERROR_TRUNCATED,  /* the input ends before the stream does */
  TS_GZIP_ERROR_CORRUPT,    /* the compressed data is damaged */
  TS_GZIP_ERROR_NO_MEMORY,  /* zlib could not get the memory it needs */
} TsGzipError;

/* On the stack of whoever reads: the fields are private. */
typedef struct {
  const guint8          *data;
  gsize                  length;
  const char            *display_name;
  gboolean               gzip;
  gboolean               use_isal;      /* ISA-L inflates, else zlib */
  gboolean               stream_ready;
  gboolean               eof;
  gboolean               cut_short;     /* the input ran out: said after what came before */
  gsize                  offset;        /* plain input: bytes handed out so far */
  guint64                produced;
  int                    threading;     /* TsGzipThreading */
  struct _TsGzipPipe    *pipe;          /* inflating ahead, in a thread */
  z_stream               zs;
  struct inflate_state  *isal;          /* about 100 kB: on the heap */
} TsGzipSource;

GQuark    ts_gzip_error_quark          (void);

gboolean  ts_gzip_looks_like           (const guint8       *data,
                                        gsize               length);

void      ts_gzip_source_init          (TsGzipSource       *self,
                                        const guint8       *data,
                                        gsize               length,
                                        const char         *display_name);
gssize    ts_gzip_source_read          (TsGzipSource       *self,
                                        guint8             *buf,
                                        gsize               len,
                                        GError            **error);
guint64   ts_gzip_source_get_produced  (const TsGzipSource *self);
void      ts_gzip_source_clear         (TsGzipSource       *self);

G_END_DECLS
