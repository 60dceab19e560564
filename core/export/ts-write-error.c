/* ts-write-error.c - why a file could not be written, for the user
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ts-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ts-write-error.h"

/**
 * ts_write_error_describe:
 * @error: what g_file_set_contents() or a GIO write failed with
 *
 * Returns: why a file could not be written, in words that complete "cannot
 *   write FILE: %s"; GLib's own message names the temporary file, which
 *   the user never asked for, and the file unquoted
 */
const char *
ts_write_error_describe (const GError *error)
{
  if (error->domain != G_FILE_ERROR)
    return _("the system refused to write it");

  switch ((GFileError) error->code)
    {
    case G_FILE_ERROR_NOENT:
      return _("the folder does not exist");
    case G_FILE_ERROR_NOTDIR:
      return _("a part of the path is not a folder");
    case G_FILE_ERROR_ISDIR:
      return _("it is a folder");
    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_PERM:
      return _("you may not write there");
    case G_FILE_ERROR_ROFS:
      return _("the disk is read-only");
    case G_FILE_ERROR_NOSPC:
      return _("the disk is full");
    case G_FILE_ERROR_NAMETOOLONG:
      return _("the name is too long");
    case G_FILE_ERROR_EXIST:
    case G_FILE_ERROR_NXIO:
    case G_FILE_ERROR_NODEV:
    case G_FILE_ERROR_TXTBSY:
    case G_FILE_ERROR_FAULT:
    case G_FILE_ERROR_LOOP:
    case G_FILE_ERROR_NOMEM:
    case G_FILE_ERROR_MFILE:
    case G_FILE_ERROR_NFILE:
    case G_FILE_ERROR_BADF:
    case G_FILE_ERROR_INVAL:
    case G_FILE_ERROR_PIPE:
    case G_FILE_ERROR_AGAIN:
    case G_FILE_ERROR_INTR:
    case G_FILE_ERROR_IO:
    case G_FILE_ERROR_NOSYS:
    case G_FILE_ERROR_FAILED:
      return _("the system refused to write it");
    }
  g_return_val_if_reached (_("the system refused to write it"));
}
