/* ts-gui-test-utils.h - running the app's widgets in tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-project-view.h"
#include "ts-window.h"

G_BEGIN_DECLS

/* How long a test waits for what should happen at once before it fails:
 * a guard against a hang, far above what a slow, busy machine needs, and
 * never a limit on how fast the app is. */
#define TS_GUI_HANG_GUARD_MS 30000

typedef gboolean (*TsGuiCondition) (gpointer data);

void        ts_gui_test_init            (int            *argc,
                                         char         ***argv);
gboolean    ts_gui_wait_for             (TsGuiCondition  condition,
                                         gpointer        data,
                                         guint           timeout_ms);
TsWindow   *ts_gui_new_window           (void);
void        ts_gui_wait_loaded          (TsProjectView  *view);
void        ts_gui_wait_frame           (GtkWidget      *widget);
void        ts_gui_drop_files           (TsWindow       *window,
                                         GFile         **files,
                                         guint           n_files);
char       *ts_gui_read_clipboard       (GtkWidget      *widget);
gboolean    ts_gui_save_png             (GtkWidget      *widget,
                                         const char     *path,
                                         GError        **error);
GtkWidget  *ts_gui_find_label           (GtkWidget      *root,
                                         const char     *text);
void        ts_gui_assert_rows_match    (TsProjectView     *view,
                                         const TsTracklist *expected);
TsTracklist *ts_gui_core_tracklist      (const char        *path,
                                         guint              arrangement,
                                         TsTempoMode        mode);

G_END_DECLS
