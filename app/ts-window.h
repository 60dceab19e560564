/* ts-window.h - the main window: a drop zone and a tab per project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-project-view.h"
#include "ts-sync-scheduler.h"

G_BEGIN_DECLS

#define TS_TYPE_WINDOW (ts_window_get_type ())

G_DECLARE_FINAL_TYPE (TsWindow, ts_window, TS, WINDOW, AdwApplicationWindow)

/* library and sync_scheduler (of that library) may be NULL: the user's
 * library, and a scheduler of the window's own. */
TsWindow       *ts_window_new                   (GtkApplication  *application,
                                                 GSettings       *settings,
                                                 TsLibrary       *library,
                                                 TsSyncScheduler *sync_scheduler);
void            ts_window_open_files            (TsWindow       *self,
                                                 GFile         **files,
                                                 guint           n_files);
TsProjectView  *ts_window_get_current_view      (TsWindow       *self);
GtkDropTarget  *ts_window_get_drop_target       (TsWindow       *self);
TsProjectView  *ts_window_get_nth_view          (TsWindow       *self,
                                                 guint           n);
GSettings      *ts_window_get_settings          (TsWindow       *self);
void            ts_window_set_library_shown     (TsWindow       *self,
                                                 gboolean        shown);
void            ts_window_add_toast             (TsWindow       *self,
                                                 AdwToast       *toast);

/* The progress of Export All and Export Folder (ts-window-batch.c). */
gboolean        ts_window_get_batch_running     (TsWindow       *self);
void            ts_window_begin_batch           (TsWindow       *self);
void            ts_window_set_batch_progress    (TsWindow       *self,
                                                 double          fraction);
void            ts_window_end_batch             (TsWindow       *self);

/* What the export menus call each format. */
const char     *ts_export_format_label          (TsExportFormat  format);

G_END_DECLS
