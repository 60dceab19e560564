/* ts-file-name.c - what a file's name says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ts-file-name"

#include "ts-file-name.h"

#include <string.h>

/**
 * ts_file_name_dup_stem:
 * @path: (nullable): a file name, with or without folders
 *
 * "/music/mix 12.als" → "mix 12". Both / and \ end a folder: cue sheets
 * name their audio the way the Windows tool that wrote them does, and a
 * name that starts with a dot (".mix") keeps it.
 *
 * Returns: (transfer full) (nullable): the name without its folders and
 *   extension, or %NULL when @path has no name (%NULL, empty, or ending
 *   in a folder separator)
 */
char *
ts_file_name_dup_stem (const char *path)
{
  const char *base = path;
  const char *dot;

  if (path == NULL)
    return NULL;

  for (const char *p = path; *p != '\0'; p++)
    if (*p == '/' || *p == '\\')
      base = p + 1;
  if (*base == '\0')
    return NULL;

  dot = strrchr (base, '.');
  if (dot == NULL || dot == base)
    return g_strdup (base);
  return g_strndup (base, dot - base);
}
