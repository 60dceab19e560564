/* ts-preferences-window.h - the choices each new project starts with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TS_TYPE_PREFERENCES_WINDOW (ts_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (TsPreferencesWindow, ts_preferences_window, TS, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *ts_preferences_window_new (GtkWindow *parent,
                                      GSettings *settings);
void       ts_preferences_window_show_pro (TsPreferencesWindow *self);

G_END_DECLS
