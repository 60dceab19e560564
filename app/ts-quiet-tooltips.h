/* ts-quiet-tooltips.h - no tooltip before the pointer moves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The name of the motion controller ts_quiet_tooltips_until_motion()
 * adds to the window. */
#define TS_QUIET_TOOLTIPS_CONTROLLER "ts-quiet-tooltips"

void ts_quiet_tooltips_until_motion (GtkWidget *window);

G_END_DECLS
