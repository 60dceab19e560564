/* fuzz-webdav.c - the WebDAV PROPFIND answer parser over any input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input's first line is the collection's path, as the client knows it
 * from the address the user typed (a "/" is appended when it has none,
 * as the client does); the rest is the 207 Multi-Status body the server
 * sent. Besides not crashing, what the parser returns must be what sync
 * relies on: every member a plain name inside the collection, and every
 * ETag one that can go into an If-Match header as it is.
 */
#include "config.h"

#include <string.h>

#include "ts-fuzz.h"
#include "ts-webdav-multistatus.h"

/* RFC 7232's entity-tag: a quoted string of visible characters (and
 * bytes above 0x7F) without quotes; nothing a header could be split at. */
static gboolean
is_header_safe_etag (const char *etag)
{
  gsize length = strlen (etag);

  if (length < 3 || etag[0] != '"' || etag[length - 1] != '"')
    return FALSE;
  for (gsize i = 1; i + 1 < length; i++)
    {
      guchar c = (guchar) etag[i];

      if (c == '"' || c < 0x20 || c == 0x7F)
        return FALSE;
    }
  return TRUE;
}

static void
check_entry (const TsWebdavEntry *entry)
{
  if (entry->name == NULL || entry->name[0] == '\0' || strchr (entry->name, '/') != NULL)
    ts_fuzz_fail ("a listed member without a plain name: \"%s\"", entry->name);
  if (entry->etag != NULL && !is_header_safe_etag (entry->etag))
    ts_fuzz_fail ("an ETag that cannot be sent back in If-Match: %s", entry->etag);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  const guint8 *newline = memchr (data, '\n', size);
  gsize path_length = newline != NULL ? (gsize) (newline - data) : size;
  g_autofree char *path = g_strndup ((const char *) data, path_length);
  g_autofree char *collection_path = NULL;
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  ts_fuzz_init ();

  collection_path = g_str_has_suffix (path, "/") ? g_strdup (path) : g_strconcat (path, "/", NULL);
  body = newline != NULL ? g_bytes_new (newline + 1, size - path_length - 1) : g_bytes_new (NULL, 0);

  entries = ts_webdav_multistatus_parse (body, collection_path, &error);
  if (entries == NULL && (error == NULL || error->message == NULL || error->message[0] == '\0'))
    ts_fuzz_fail ("a refused listing has no error message");
  if (entries != NULL)
    for (guint i = 0; i < entries->len; i++)
      check_entry (g_ptr_array_index (entries, i));
  return 0;
}
