/* ts-time-format.h - seconds as a DJ writes them: 1:02:03
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  TS_HOURS_AUTO,    /* m:ss below an hour, h:mm:ss from an hour on */
  TS_HOURS_ALWAYS,  /* h:mm:ss, also 0:01:05 */
  TS_HOURS_NEVER,   /* minutes only, also past an hour: 65:04 */
} TsHoursStyle;

typedef enum {
  TS_ROUND_DOWN,    /* a chapter may start a fraction early, never late */
  TS_ROUND_NEAREST,
} TsRounding;

typedef struct {
  TsHoursStyle hours;
  gboolean     milliseconds;
  TsRounding   rounding;
} TsTimeFormat;

#define TS_TIME_FORMAT_INIT { TS_HOURS_AUTO, FALSE, TS_ROUND_DOWN }

char        *ts_format_time                (double              seconds,
                                            const TsTimeFormat *format);
double       ts_round_down                 (double              units);

const char  *ts_hours_style_to_string      (TsHoursStyle        style);
gboolean     ts_hours_style_from_string    (const char         *string,
                                            TsHoursStyle       *style);

/* "down" and "nearest", as timestamps-cli --round and the app's settings
 * spell them */
const char  *ts_rounding_to_string         (TsRounding          rounding);
gboolean     ts_rounding_from_string       (const char         *string,
                                            TsRounding         *rounding);

G_END_DECLS
