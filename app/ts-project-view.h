/* ts-project-view.h - one open project: its facts, tempo and markers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-export.h"
#include "ts-tracklist.h"

G_BEGIN_DECLS

#define TS_TYPE_PROJECT_VIEW (ts_project_view_get_type ())

G_DECLARE_FINAL_TYPE (TsProjectView, ts_project_view, TS, PROJECT_VIEW, AdwBin)

TsProjectView     *ts_project_view_new                  (GFile              *file);
GFile             *ts_project_view_get_file             (TsProjectView      *self);
const char        *ts_project_view_get_title            (TsProjectView      *self);
gboolean           ts_project_view_get_loading          (TsProjectView      *self);
gboolean           ts_project_view_get_has_result       (TsProjectView      *self);
const GError      *ts_project_view_get_error            (TsProjectView      *self);
void               ts_project_view_reload               (TsProjectView      *self);

GListModel        *ts_project_view_get_rows             (TsProjectView      *self);
const TsTracklist *ts_project_view_get_core_tracklist   (TsProjectView      *self);
TsTracklist       *ts_project_view_build_tracklist      (TsProjectView      *self);
char              *ts_project_view_build_text           (TsProjectView      *self);
guint              ts_project_view_copy                 (TsProjectView      *self);
void               ts_project_view_export               (TsProjectView      *self,
                                                         TsExportFormat      format);

TsTempoMode        ts_project_view_get_mode             (TsProjectView      *self);
void               ts_project_view_set_mode             (TsProjectView      *self,
                                                         TsTempoMode         mode);
const char        *ts_project_view_get_template         (TsProjectView      *self);
void               ts_project_view_set_template         (TsProjectView      *self,
                                                         const char         *template_);
void               ts_project_view_get_time_format      (TsProjectView      *self,
                                                         TsTimeFormat       *format);
void               ts_project_view_set_time_format      (TsProjectView      *self,
                                                         const TsTimeFormat *format);
guint              ts_project_view_get_n_arrangements   (TsProjectView      *self);
guint              ts_project_view_get_arrangement      (TsProjectView      *self);
void               ts_project_view_set_arrangement      (TsProjectView      *self,
                                                         guint               arrangement);

G_END_DECLS
