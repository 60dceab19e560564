/* ts-gzip-pipe.h - a compressed set inflated ahead, in a second thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-gzip-source.h"

G_BEGIN_DECLS

typedef struct _TsGzipPipe TsGzipPipe;

TsGzipPipe *ts_gzip_pipe_new  (const TsGzipSource  *like);
gssize      ts_gzip_pipe_read (TsGzipPipe          *self,
                               guint8              *buf,
                               gsize                len,
                               GError             **error);
void        ts_gzip_pipe_free (TsGzipPipe          *self);

G_END_DECLS
