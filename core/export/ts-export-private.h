/* ts-export-private.h - what the exporters share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-export.h"

G_BEGIN_DECLS

/* Tempo arithmetic lands a hair below round values (4.999999999 s for a
 * marker at 5 s); rounding down must not lose a millisecond or a frame to
 * it. Far below anything a listener or a display can tell. */
#define TS_EXPORT_ROUND_DOWN_TOLERANCE 1e-6

const TsExportOptions *ts_export_options_or_default (const TsExportOptions *options);

gint64    ts_export_milliseconds       (double             seconds);
gboolean  ts_export_get_track_end      (const TsTracklist *tracklist,
                                        guint              index,
                                        double            *end);
void      ts_export_append_one_line    (GString           *out,
                                        const char        *text);

G_END_DECLS
