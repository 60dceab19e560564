/* ts-enums.c - GTypes for core's enums, for properties and settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ts-enums"

#include "config.h"

#include "ts-enums.h"
#include "ts-tempo-map.h"
#include "ts-time-format.h"

/* The nicks are the GSettings and timestamps-cli spellings. */
G_DEFINE_ENUM_TYPE (TsTempoMode, ts_tempo_mode,
                    G_DEFINE_ENUM_VALUE (TS_TEMPO_MODE_DAW, "daw"),
                    G_DEFINE_ENUM_VALUE (TS_TEMPO_MODE_EXACT, "exact"))

G_DEFINE_ENUM_TYPE (TsHoursStyle, ts_hours_style,
                    G_DEFINE_ENUM_VALUE (TS_HOURS_AUTO, "auto"),
                    G_DEFINE_ENUM_VALUE (TS_HOURS_ALWAYS, "always"),
                    G_DEFINE_ENUM_VALUE (TS_HOURS_NEVER, "never"))

G_DEFINE_ENUM_TYPE (TsRounding, ts_rounding,
                    G_DEFINE_ENUM_VALUE (TS_ROUND_DOWN, "down"),
                    G_DEFINE_ENUM_VALUE (TS_ROUND_NEAREST, "nearest"))
