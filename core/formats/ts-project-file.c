/* ts-project-file.c - loading projects through GIO
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Apart from ts-project.c so that programs reading local paths only (the
 * command-line tool) link without GIO and start faster.
 */

#define G_LOG_DOMAIN "ts-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ts-file-check.h"
#include "ts-project.h"
#include "ts-stage-probe.h"

TsProject *
ts_project_load_file_named (GFile         *file,
                            const char    *display_name,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *basename = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  ts_stage_reached (TS_STAGE_READ);

  if (display_name == NULL)
    display_name = basename = g_file_get_basename (file);

  /* Local files take the same path as the command-line tool. */
  if (g_file_peek_path (file) != NULL)
    return ts_project_load_path (g_file_peek_path (file), display_name, error);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: the second %s is the system's reason. */
                   _("%s: the file cannot be read (%s)"), display_name, local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      /* The same error as ts_project_load_path() gives for a folder. */
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                   _("%s: this is a folder, not a project file"), display_name);
      return NULL;
    }
  if (!ts_file_check_size ((guint64) g_file_info_get_size (info), display_name, error))
    return NULL;

  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: the second %s is the system's reason. */
                   _("%s: the file cannot be read (%s)"), display_name, local_error->message);
      return NULL;
    }

  return ts_project_load_bytes (bytes, display_name, error);
}

TsProject *
ts_project_load_file (GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  return ts_project_load_file_named (file, NULL, cancellable, error);
}
