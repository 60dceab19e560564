/* ts-enums.h - GTypes for core's enums, for properties and settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TS_TYPE_TEMPO_MODE  (ts_tempo_mode_get_type ())
#define TS_TYPE_HOURS_STYLE (ts_hours_style_get_type ())
#define TS_TYPE_ROUNDING    (ts_rounding_get_type ())

GType ts_tempo_mode_get_type  (void);
GType ts_hours_style_get_type (void);
GType ts_rounding_get_type    (void);

G_END_DECLS
