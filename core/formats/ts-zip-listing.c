/* ts-zip-listing.c - the projects a ZIP archive holds, by name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * FL Studio's "Export project data files" and archives of Live's "Collect
 * All and Save" are ZIP files with the project inside. Timestamps does not
 * unzip (that would need a new library for a file the user can unzip with
 * any tool), but it reads the archive's central directory, which is
 * uncompressed, to name the project the user should open. Every offset
 * and length comes from the file and is checked before it is used.
 */
#define G_LOG_DOMAIN "ts-project"

#include "config.h"

#include <string.h>

#include "ts-zip-listing.h"

#define EOCD_SIZE 22
/* The archive comment that may follow the end record is at most this. */
#define MAX_COMMENT 0xFFFF
#define ENTRY_SIZE 46

static guint16
read_u16 (const guint8 *p)
{
  return (guint16) (p[0] | (p[1] << 8));
}

static guint32
read_u32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

static gboolean
is_project_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  const char *base = strrchr (lower, '/');

  base = base != NULL ? base + 1 : lower;
  /* macOS puts each file's Finder data beside it under __MACOSX/._NAME. */
  if (g_str_has_prefix (lower, "__macosx/") || g_str_has_prefix (base, "._"))
    return FALSE;
  return g_str_has_suffix (base, ".flp") || g_str_has_suffix (base, ".als") ||
         g_str_has_suffix (base, ".cue");
}

/**
 * ts_zip_list_projects:
 * @data: the whole archive
 *
 * Returns: (transfer full) (nullable): the names of the projects in the
 *   archive (paths inside it, as UTF-8), in directory order; empty when it
 *   holds none; %NULL when its directory cannot be read (a ZIP cut short)
 */
GPtrArray *
ts_zip_list_projects (const guint8 *data,
                      gsize         length)
{
  g_autoptr(GPtrArray) names = NULL;
  gsize lowest;
  gsize eocd;
  gsize offset;
  gsize end;
  guint n_entries;

  if (length < EOCD_SIZE)
    return NULL;

  /* The end record is the last "PK\5\6" with only its comment after it. */
  lowest = length > EOCD_SIZE + MAX_COMMENT ? length - EOCD_SIZE - MAX_COMMENT : 0;
  for (eocd = length - EOCD_SIZE; ; eocd--)
    {
      if (memcmp (data + eocd, "PK\x05\x06", 4) == 0 &&
          eocd + EOCD_SIZE + read_u16 (data + eocd + 20) == length)
        break;
      if (eocd == lowest)
        return NULL;
    }

  n_entries = read_u16 (data + eocd + 10);
  offset = read_u32 (data + eocd + 16);
  end = offset + (gsize) read_u32 (data + eocd + 12);
  if (offset > eocd || end > eocd || end < offset)
    return NULL;

  names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n_entries; i++)
    {
      gsize name_length;
      gsize entry_length;
      char *name;

      if (end - offset < ENTRY_SIZE || memcmp (data + offset, "PK\x01\x02", 4) != 0)
        return NULL;
      name_length = read_u16 (data + offset + 28);
      entry_length = ENTRY_SIZE + name_length + read_u16 (data + offset + 30) + read_u16 (data + offset + 32);
      if (entry_length > end - offset)
        return NULL;

      /* Names are UTF-8 or the DOS code page; only UTF-8 is shown. */
      name = g_strndup ((const char *) data + offset + ENTRY_SIZE, name_length);
      if (strlen (name) == name_length && g_utf8_validate (name, -1, NULL) && is_project_name (name))
        g_ptr_array_add (names, name);
      else
        g_free (name);
      offset += entry_length;
    }

  return g_steal_pointer (&names);
}
