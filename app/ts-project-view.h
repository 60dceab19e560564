/* ts-project-view.h - one open project: its facts, tempo and markers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-document.h"

G_BEGIN_DECLS

#define TS_TYPE_PROJECT_VIEW (ts_project_view_get_type ())

G_DECLARE_FINAL_TYPE (TsProjectView, ts_project_view, TS, PROJECT_VIEW, AdwBin)

TsProjectView     *ts_project_view_new                  (TsDocument         *document);
TsDocument        *ts_project_view_get_document         (TsProjectView      *self);
gboolean           ts_project_view_get_loading          (TsProjectView      *self);
GListModel        *ts_project_view_get_rows             (TsProjectView      *self);
AdwFlap           *ts_project_view_get_settings_flap    (TsProjectView      *self);

guint              ts_project_view_copy                 (TsProjectView      *self);
void               ts_project_view_export               (TsProjectView      *self,
                                                         TsExportFormat      format);

G_END_DECLS
