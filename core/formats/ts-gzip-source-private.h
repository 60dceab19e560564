/* ts-gzip-source-private.h - choosing the inflater and the thread, for
 * the tests that hold ISA-L against zlib and the two ways of reading
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-gzip-source.h"

G_BEGIN_DECLS

typedef enum {
  TS_GZIP_INFLATER_ZLIB,
  TS_GZIP_INFLATER_ISAL,
} TsGzipInflater;

/* Whether a second thread inflates ahead of the reader: by default for
 * inputs large enough to repay starting it. */
typedef enum {
  TS_GZIP_THREADING_AUTO,
  TS_GZIP_THREADING_NEVER,
  TS_GZIP_THREADING_ALWAYS,
} TsGzipThreading;

gboolean  ts_gzip_inflater_available  (TsGzipInflater  inflater);
void      ts_gzip_source_init_with    (TsGzipSource   *self,
                                       const guint8   *data,
                                       gsize           length,
                                       const char     *display_name,
                                       TsGzipInflater  inflater);
void      ts_gzip_source_set_threading (TsGzipSource   *self,
                                        TsGzipThreading threading);
gssize    ts_gzip_source_read_here    (TsGzipSource   *self,
                                       guint8         *buf,
                                       gsize           len,
                                       GError        **error);

G_END_DECLS
