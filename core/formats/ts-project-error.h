/* ts-project-error.h - what can be wrong with a project file, in the
 * codes the app acts on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TS_PROJECT_ERROR (ts_project_error_quark ())

/* Every reader reports these cases with these codes, whatever the format:
 * a UI tells a DJ the same thing about a cut-off .als and a cut-off .flp.
 * Only what one format alone can say keeps a code in that format's own
 * domain. */
typedef enum {
  TS_PROJECT_ERROR_UNKNOWN_FORMAT,  /* not a project of a supported format */
  TS_PROJECT_ERROR_EMPTY,           /* nothing in the file */
  TS_PROJECT_ERROR_TOO_LARGE,       /* beyond what any real project holds */
  TS_PROJECT_ERROR_NO_ARRANGEMENT,  /* the arrangement asked for is not there */
  TS_PROJECT_ERROR_TRUNCATED,       /* the file ends before its content does */
  TS_PROJECT_ERROR_DAMAGED,         /* the content contradicts its format */
} TsProjectError;

GQuark       ts_project_error_quark        (void);

const char  *ts_project_error_file_name    (const char  *display_name);
gboolean     ts_project_error_empty        (const char  *display_name,
                                            GError     **error);

G_END_DECLS
