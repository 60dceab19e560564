/* ts-window.h - the main window: a drop zone and a tab per project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-project-view.h"

G_BEGIN_DECLS

#define TS_TYPE_WINDOW (ts_window_get_type ())

G_DECLARE_FINAL_TYPE (TsWindow, ts_window, TS, WINDOW, AdwApplicationWindow)

TsWindow       *ts_window_new                   (GtkApplication *application,
                                                 GSettings      *settings);
void            ts_window_open_files            (TsWindow       *self,
                                                 GFile         **files,
                                                 guint           n_files);
TsProjectView  *ts_window_get_current_view      (TsWindow       *self);
GtkDropTarget  *ts_window_get_drop_target       (TsWindow       *self);

G_END_DECLS
