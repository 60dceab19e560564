/* ts-ableton-sniff.c - recognising an Ableton Live set by its first bytes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Apart from the reader: the loader asks every format whether a file is
 * theirs, and this question needs neither zlib nor the XML scanner.
 */
#define G_LOG_DOMAIN "ts-ableton-set"

#include "config.h"

#include <string.h>

#include "ts-ableton-set.h"
#include "ts-gzip-source.h"

/* Where the first element of an XML document starts: past a byte order
 * mark, white space, the XML declaration, comments and a doctype. */
static const guint8 *
skip_xml_prolog (const guint8 *data,
                 gsize         length)
{
  const guint8 *p = data;
  const guint8 *end = data + length;

  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  while (p < end)
    {
      if (g_ascii_isspace (*p))
        p++;
      else if (end - p >= 2 && p[0] == '<' && (p[1] == '?' || p[1] == '!'))
        {
          const guint8 *close = memchr (p, '>', end - p);

          if (close == NULL)
            return end;
          p = close + 1;
        }
      else
        break;
    }
  return p;
}

/* Live writes gzip; a set unpacked to plain XML has the <Ableton> root. */
gboolean
ts_ableton_set_looks_like (const guint8 *data,
                           gsize         length)
{
  const guint8 *root;

  if (ts_gzip_looks_like (data, length))
    return TRUE;

  root = skip_xml_prolog (data, MIN (length, 4096));
  return (gsize) (data + length - root) >= strlen ("<Ableton") &&
         memcmp (root, "<Ableton", strlen ("<Ableton")) == 0;
}
