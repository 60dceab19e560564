/* ts-cli-io.c - timestamps-cli's input from standard input, output to files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Errors here say what the user can do something about, in words: never
 * the name of a temporary file or of a GLib function.
 */

#define G_LOG_DOMAIN "timestamps-cli"

#include "config.h"

#include <stdio.h>

#ifdef G_OS_WIN32
#include <fcntl.h>
#include <io.h>
#endif

#include <glib/gi18n.h>

#include "ts-cli-io.h"
#include "ts-project.h"
#include "ts-quoted-name.h"
#include "ts-write-error.h"

/**
 * ts_cli_read_stdin:
 *
 * Reads standard input to its end, as bytes: a project piped in
 * (`gzip -dc set.als | timestamps-cli -`) is read like a file, its
 * content deciding the format. Capped like a file at
 * %TS_PROJECT_MAX_FILE_SIZE.
 */
GBytes *
ts_cli_read_stdin (GError **error)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  guint8 buffer[65536];
  size_t n;

#ifdef G_OS_WIN32
  /* Text mode would turn CR LF into LF inside a binary .flp. */
  _setmode (_fileno (stdin), _O_BINARY);
#endif

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    {
      if (data->len + n > TS_PROJECT_MAX_FILE_SIZE)
        {
          g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_TOO_LARGE,
                       /* Translators: %s stands for standard input ("-"). */
                       _("%s: the input is larger than any project Timestamps can read"),
                       TS_CLI_STDIN_NAME);
          return NULL;
        }
      g_byte_array_append (data, buffer, (guint) n);
    }
  if (ferror (stdin))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO,
                   /* Translators: %s stands for standard input ("-"). */
                   _("%s: standard input cannot be read"), TS_CLI_STDIN_NAME);
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

/**
 * ts_cli_write_output:
 * @output: (nullable): the file to write, or %NULL for standard output
 *
 * Writes @text whole. A file is written to a temporary file renamed over
 * @output: a reader of the file never sees half of it, and a failure
 * leaves the old one.
 */
gboolean
ts_cli_write_output (const char  *output,
                     GString     *text,
                     GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (output == NULL)
    {
      fwrite (text->str, 1, text->len, stdout);
      if (fflush (stdout) != 0)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO, _("timestamps-cli: cannot write the output"));
          return FALSE;
        }
      return TRUE;
    }

  if (!g_file_set_contents (output, text->str, text->len, &local_error))
    {
      g_autofree char *shown = ts_quoted_name_dup (output);

      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: the output file, then why, e.g. "the
                    * folder does not exist". */
                   _("timestamps-cli: cannot write %s: %s"), shown,
                   ts_write_error_describe (local_error));
      return FALSE;
    }
  return TRUE;
}
