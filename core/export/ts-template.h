/* ts-template.h - "{time} {title}" style lines for one track
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-time-format.h"
#include "ts-tracklist.h"

G_BEGIN_DECLS

#define TS_TEMPLATE_DEFAULT "{time} {title}"

#define TS_TEMPLATE_ERROR (ts_template_error_quark ())

typedef enum {
  TS_TEMPLATE_ERROR_UNKNOWN_FIELD,
  TS_TEMPLATE_ERROR_UNCLOSED_BRACE,
  TS_TEMPLATE_ERROR_STRAY_BRACE,
} TsTemplateError;

GQuark   ts_template_error_quark (void);

/* Fields: {time} {title} {artist} {track} {index} {beat} {bar}.
 * {artist} and {track} split the title on its first " - "; a title without
 * one is all track and no artist. {beat} is the beat position as stored,
 * {bar} the 1-based bar counted in 4/4; both are empty for formats without
 * beats. An unknown field is written as it stands, so a typo shows. */
char    *ts_template_expand    (const char         *template_,
                                const TsTrack      *track,
                                const TsTimeFormat *time_format);
gboolean ts_template_validate  (const char         *template_,
                                GError            **error);
void     ts_track_split_title  (const char         *title,
                                char              **artist,
                                char              **track);

G_END_DECLS
