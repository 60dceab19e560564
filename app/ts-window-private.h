/* ts-window-private.h - what tests ask the main window, and what its own
 * files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-window.h"

G_BEGIN_DECLS

guint ts_window_get_n_views (TsWindow *self);

/* The Library view. */
GtkWidget *_ts_window_get_library_page (TsWindow *self);

/* ts-window-dnd.c */
GtkDropTarget *_ts_window_add_drop_target (TsWindow  *self,
                                           GtkWidget *highlight);

G_END_DECLS
