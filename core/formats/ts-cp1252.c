/* ts-cp1252.c - text in the Windows code page, as UTF-8
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Old FL Studio versions and old Windows cue tools write 8-bit text in
 * Windows-1252. Decoding it by hand, not through iconv, never fails and
 * does not depend on which converters the system has.
 */
#define G_LOG_DOMAIN "ts-cp1252"

#include "ts-cp1252.h"

/* Windows-1252 where it differs from Latin-1 (0x80-0x9F); the five
 * unassigned bytes become U+FFFD so they show as what they are. */
static const gunichar2 cp1252_high[32] = {
  0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
  0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
};

/**
 * ts_cp1252_to_utf8:
 *
 * Returns: (transfer full): the @length bytes at @data as UTF-8; a NUL
 *   byte stays a NUL, so callers that stop at one cut @length there
 */
char *
ts_cp1252_to_utf8 (const guint8 *data,
                   gsize         length)
{
  GString *out = g_string_sized_new (length + length / 4);

  for (gsize i = 0; i < length; i++)
    {
      guint8 byte = data[i];

      if (byte < 0x80)
        g_string_append_c (out, (char) byte);
      else if (byte < 0xA0)
        g_string_append_unichar (out, cp1252_high[byte - 0x80]);
      else
        g_string_append_unichar (out, byte);
    }

  return g_string_free (out, FALSE);
}
