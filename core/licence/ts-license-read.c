/* ts-license-read.c - a licence file read from disk, bounded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app imports licence files it is given by a file chooser or a drop,
 * which may be anything: the read stops one byte past the largest
 * licence.
 */
#define G_LOG_DOMAIN "ts-license"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-license-read.h"

char *
ts_license_read_file (GFile   *file,
                      gsize   *length,
                      GError **error)
{
  g_autofree char *text = g_malloc (TS_LICENSE_MAX_FILE_SIZE + 2);
  g_autofree char *name = g_file_get_parse_name (file);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;

  if ((stream = g_file_read (file, NULL, &local_error)) == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), text, TS_LICENSE_MAX_FILE_SIZE + 1,
                                length, NULL, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: the file, then the system's reason. */
                   _("%s: cannot read the licence file (%s)"), name, local_error->message);
      return NULL;
    }
  text[*length] = '\0';
  return g_steal_pointer (&text);
}

gboolean
ts_license_import_file (TsLicense  *self,
                        GFile      *file,
                        GDateTime  *now,
                        GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *text = NULL;
  gsize length = 0;

  if ((text = ts_license_read_file (file, &length, error)) == NULL)
    return FALSE;
  if (!ts_license_import (self, text, length, NULL, now, &local_error))
    {
      /* Prefixed by the file, as timestamps-cli license import says it. */
      g_set_error (error, local_error->domain, local_error->code,
                   "%s: %s", name, local_error->message);
      return FALSE;
    }
  return TRUE;
}
