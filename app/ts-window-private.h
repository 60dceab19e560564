/* ts-window-private.h - what tests ask the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-window.h"

G_BEGIN_DECLS

guint ts_window_get_n_views (TsWindow *self);

G_END_DECLS
