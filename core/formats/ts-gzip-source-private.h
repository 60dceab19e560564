/* ts-gzip-source-private.h - choosing the inflater, for the tests that
 * hold ISA-L against zlib
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

gboolean  ts_gzip_inflater_available  (TsGzipInflater  inflater);
void      ts_gzip_source_init_with    (TsGzipSource   *self,
                                       const guint8   *data,
                                       gsize           length,
                                       const char     *display_name,
                                       TsGzipInflater  inflater);

G_END_DECLS
