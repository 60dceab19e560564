/* ts-export-private.h - what the exporters share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-export.h"

G_BEGIN_DECLS

const TsExportOptions *ts_export_options_or_default (const TsExportOptions *options);

gint64    ts_export_milliseconds       (double             seconds);
gboolean  ts_export_get_track_end      (const TsTracklist *tracklist,
                                        guint              index,
                                        double            *end);
void      ts_export_append_one_line    (GString           *out,
                                        const char        *text);

G_END_DECLS
