/* ts-project.h - a DAW project of any supported format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ts-ableton-set.h"
#include "ts-cue-sheet.h"
#include "ts-fl-project.h"
#include "ts-format-info.h"
#include "ts-marker.h"
#include "ts-project-error.h"
#include "ts-project-facts.h"
#include "ts-tempo-map.h"

G_BEGIN_DECLS

/**
 * TsProject:
 *
 * A tagged union, std::variant style: @format says which member of the
 * union is alive. Per-format data stays per-format; the shared facts
 * (#TsProjectFacts) are derived from it by one function per format,
 * which ts_project_derive() calls. @warnings are the loader's, about the
 * file as a whole (a Live backup), %NULL-terminated, or %NULL; deriving
 * adds them to the format's own.
 */
typedef struct {
  TsFormat format;
  union {
    TsAbletonSet ableton;
    TsFlProject  fl;
    TsCueSheet   cue;
  };
  GStrv    warnings;
} TsProject;

/* Refuse inputs larger than any real project before reading them whole. */
#define TS_PROJECT_MAX_FILE_SIZE (G_GUINT64_CONSTANT (1) << 30)

TsProject   *ts_project_load_path                (const char     *path,
                                                  const char     *display_name,
                                                  GError        **error);
TsProject   *ts_project_load_file                (GFile          *file,
                                                  GCancellable   *cancellable,
                                                  GError        **error);
TsProject   *ts_project_load_file_named          (GFile          *file,
                                                  const char     *display_name,
                                                  GCancellable   *cancellable,
                                                  GError        **error);
TsProject   *ts_project_load_bytes               (GBytes         *bytes,
                                                  const char     *display_name,
                                                  GError        **error);
void         ts_project_free                     (TsProject      *self);

const char  *ts_project_get_daw_version          (const TsProject *self);
double       ts_project_get_bpm                  (const TsProject *self);
guint        ts_project_get_n_arrangements       (const TsProject *self);
const char  *ts_project_get_arrangement_name     (const TsProject *self,
                                                  guint            arrangement);
gboolean     ts_project_has_arrangements         (const TsProject *self);
guint        ts_project_get_default_arrangement  (const TsProject *self);
gboolean     ts_project_default_skips_saved_arrangement (const TsProject *self,
                                                  guint           *saved);
gboolean     ts_project_arrangement_has_markers  (const TsProject *self,
                                                  guint            arrangement);

void         ts_project_derive                   (const TsProject *self,
                                                  guint            arrangement,
                                                  TsProjectFacts  *facts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsProject, ts_project_free)

G_END_DECLS
