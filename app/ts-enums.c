/* ts-enums.c - GTypes for core's enums, for properties and actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ts-enums"

#include "config.h"

#include "ts-enums.h"
#include "ts-tempo-map.h"

/* The nicks are the GSettings and timestamps-cli spellings. */
G_DEFINE_ENUM_TYPE (TsTempoMode, ts_tempo_mode,
                    G_DEFINE_ENUM_VALUE (TS_TEMPO_MODE_DAW, "daw"),
                    G_DEFINE_ENUM_VALUE (TS_TEMPO_MODE_EXACT, "exact"))
