/* ts-webdav-etag.c - ETags as servers send them, made comparable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Apache marks an ETag weak (W/) while its file is less than a second
 * old, and mod_deflate appends "-gzip" to the ETag of a compressed
 * answer, yet matches If-Match only against the plain strong one. Sync
 * keeps and sends the plain strong form, whatever the answer carried.
 */

#include "config.h"

#include <string.h>

#include "ts-webdav-etag.h"

static const char *const encoding_suffixes[] = { "-gzip", "-br", "-deflate" };

/* RFC 7232's etagc: no quote and no control character, which would end
 * the quoted string or split the If-Match header the ETag is sent in. */
static gboolean
is_entity_tag (const char *opaque)
{
  for (const char *c = opaque; *c != '\0'; c++)
    if (*c == '"' || g_ascii_iscntrl (*c))
      return FALSE;
  return TRUE;
}

char *
ts_webdav_etag_normalise (const char *etag)
{
  g_autofree char *opaque = NULL;
  gsize length;

  if (etag == NULL)
    return NULL;
  while (g_ascii_isspace (*etag))
    etag++;
  if (g_str_has_prefix (etag, "W/"))
    etag += 2;
  length = strlen (etag);
  while (length > 0 && g_ascii_isspace (etag[length - 1]))
    length--;
  /* Some servers leave the quotes out; If-Match needs them. */
  if (length >= 2 && etag[0] == '"' && etag[length - 1] == '"')
    opaque = g_strndup (etag + 1, length - 2);
  else
    opaque = g_strndup (etag, length);

  for (guint i = 0; i < G_N_ELEMENTS (encoding_suffixes); i++)
    {
      gsize opaque_length = strlen (opaque);
      gsize suffix_length = strlen (encoding_suffixes[i]);

      if (opaque_length > suffix_length && g_str_has_suffix (opaque, encoding_suffixes[i]))
        {
          opaque[opaque_length - suffix_length] = '\0';
          break;
        }
    }
  if (*opaque == '\0' || !is_entity_tag (opaque))
    return NULL;
  return g_strdup_printf ("\"%s\"", opaque);
}
