/* ts-window-batch.h - the window's Export All and Export Folder, for Pro
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-window.h"

G_BEGIN_DECLS

/* The actions: gated on Pro, then each asks for its folders and format. */
void  ts_window_batch_export_all      (TsWindow        *self);
void  ts_window_batch_export_folder   (TsWindow        *self);

/* What the actions do once the folders are chosen; the tests call them. */
void  ts_window_batch_run_documents   (TsWindow        *self,
                                       GFile           *output_dir,
                                       TsExportFormat   format);
void  ts_window_batch_run_folder      (TsWindow        *self,
                                       GFile           *projects_dir,
                                       GFile           *output_dir,
                                       TsExportFormat   format);

G_END_DECLS
