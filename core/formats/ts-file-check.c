/* ts-file-check.c - what the loader checks before reading a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Local paths (through GLib alone) and GIO files are loaded apart, so
 * that the command-line tool never starts GIO; both refuse the same files
 * with the same words through this one check.
 */
#define G_LOG_DOMAIN "ts-project"

#include "config.h"

#include "ts-file-check.h"

#include <glib/gi18n-lib.h>

#include "ts-project.h"

/**
 * ts_file_check_size:
 * @size: the file's size in bytes, as the file system says
 *
 * Refuses a file larger than TS_PROJECT_MAX_FILE_SIZE before it is read
 * into memory.
 */
gboolean
ts_file_check_size (guint64      size,
                    const char  *display_name,
                    GError     **error)
{
  g_autofree char *text = NULL;

  if (size <= TS_PROJECT_MAX_FILE_SIZE)
    return TRUE;

  text = g_format_size (size);
  g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_TOO_LARGE,
               /* Translators: the second %s is a size, e.g. "2.1 GB". */
               _("%s: the file is %s, larger than any project Timestamps can read"),
               display_name, text);
  return FALSE;
}
