/* ts-project-error.c - what can be wrong with a project file, in the
 * codes the app acts on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The wording every reader shares lives here once, so that a DJ reads the
 * same words for the same problem in every format.
 */
#define G_LOG_DOMAIN "ts-project"

#include "config.h"

#include "ts-project-error.h"

#include <glib/gi18n-lib.h>

G_DEFINE_QUARK (ts-project-error-quark, ts_project_error)

/**
 * ts_project_error_file_name:
 * @display_name: (nullable): how the caller names the file
 *
 * Returns: @display_name, or the one name error messages use when the
 *   caller gives none
 */
const char *
ts_project_error_file_name (const char *display_name)
{
  if (display_name != NULL)
    return display_name;
  /* Translators: stands for the file name at the start of an error
   * message, as in "%s: the file is empty", when the file has no name. */
  return _("the project");
}

gboolean
ts_project_error_empty (const char  *display_name,
                        GError     **error)
{
  g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_EMPTY,
               _("%s: the file is empty"), ts_project_error_file_name (display_name));
  return FALSE;
}
