/* ts-file-list.c - files as drops and file managers hand them over
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ts-file-list"

#include "config.h"

#include <string.h>

#include "ts-file-list.h"

/* macOS Finder (through some bridges) has delivered the scheme itself
 * percent-encoded: "file%3A///Users/dj/set.als". */
static gboolean
has_escaped_file_scheme (const char *uri)
{
  return g_ascii_strncasecmp (uri, "file%3A/", strlen ("file%3A/")) == 0 ||
         g_ascii_strncasecmp (uri, "file%3A%2F", strlen ("file%3A%2F")) == 0;
}

static GFile *
file_for_escaped_uri (const char *uri)
{
  g_autofree char *unescaped = g_uri_unescape_string (uri, NULL);

  if (unescaped == NULL)
    return NULL;

  return g_file_new_for_uri (unescaped);
}

/**
 * ts_file_normalize:
 * @file: a file from a drop, the command line or the file manager
 *
 * Returns: (transfer full): @file, or the file it was meant to be when its
 *   URI came through mangled
 */
GFile *
ts_file_normalize (GFile *file)
{
  g_autofree char *uri = NULL;
  g_autofree char *basename = NULL;
  GFile *fixed;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  uri = g_file_get_uri (file);
  if (has_escaped_file_scheme (uri) && (fixed = file_for_escaped_uri (uri)))
    return fixed;

  /* A mangled URI given as a command-line argument becomes a relative
   * path whose last element is what is left of it. */
  basename = g_file_get_basename (file);
  if (basename != NULL && has_escaped_file_scheme (basename) &&
      (fixed = file_for_escaped_uri (basename)))
    return fixed;

  return g_object_ref (file);
}

static GFile *
file_for_line (const char *line)
{
  g_autofree char *scheme = NULL;

  if (has_escaped_file_scheme (line))
    return file_for_escaped_uri (line);

  if ((scheme = g_uri_parse_scheme (line)))
    return g_file_new_for_uri (line);

  if (g_path_is_absolute (line))
    return g_file_new_for_path (line);

  return NULL;
}

/**
 * ts_file_list_from_text:
 * @text: a text/uri-list or plain text with one URI or absolute path a line
 *
 * Returns: (transfer full) (element-type GFile): the files named in @text,
 *   possibly none
 */
GPtrArray *
ts_file_list_from_text (const char *text)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  lines = g_strsplit_set (text, "\r\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      GFile *file;

      /* RFC 2483: lines starting with '#' are comments */
      if (line[0] == '\0' || line[0] == '#')
        continue;

      if ((file = file_for_line (line)))
        g_ptr_array_add (files, file);
    }

  return g_steal_pointer (&files);
}
