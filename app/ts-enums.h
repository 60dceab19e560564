/* ts-enums.h - GTypes for core's enums, for properties and actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define TS_TYPE_TEMPO_MODE (ts_tempo_mode_get_type ())

GType ts_tempo_mode_get_type  (void);

G_END_DECLS
