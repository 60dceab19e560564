/* ts-json-shape.c - whether untrusted text may be handed to json-glib
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib recurses into what it parses, and 1.6 leaks the nodes it
 * built when a second value follows the first (`{} []`, found by
 * fuzz-license-key). Licences and library documents are each one flat
 * object, so anything else is refused here, by counting brackets outside
 * strings, before json-glib sees it. So is an escape JSON does not
 * define (`\x`, `\u` with fewer than four hex digits), and one of half a
 * UTF-16 surrogate pair without its other half: no text is written that
 * way, and json-glib 1.6 leaks the string it was reading on both (found
 * by fuzz-library).
 */
#include "ts-json-shape.h"

#include <string.h>

/* The code unit of the \uXXXX escape at @text (the backslash), or -1 when
 * there is none there. */
static int
unicode_escape_at (const char *text,
                   gsize       left)
{
  int unit = 0;

  if (left < 6 || text[0] != '\\' || text[1] != 'u')
    return -1;
  for (guint i = 2; i < 6; i++)
    {
      int digit = g_ascii_xdigit_value (text[i]);

      if (digit < 0)
        return -1;
      unit = unit * 16 + digit;
    }
  return unit;
}

/* Whether the escape at @text (the backslash, inside a string) is one
 * json-glib can be given: one JSON defines, and of a surrogate only a
 * high one followed by a low one. *@skip receives the number of bytes it
 * spans after the backslash. */
static gboolean
escape_is_whole (const char *text,
                 gsize       left,
                 gsize      *skip)
{
  int unit;
  int next;

  *skip = 1;
  if (left < 2)
    return TRUE;
  if (text[1] != 'u')
    return strchr ("\"\\/bfnrt", text[1]) != NULL && text[1] != '\0';

  unit = unicode_escape_at (text, left);
  if (unit < 0)
    return FALSE;
  if (unit < 0xd800 || unit > 0xdfff)
    return TRUE;
  next = unit <= 0xdbff ? unicode_escape_at (text + 6, left - 6) : -1;
  if (next < 0xdc00 || next > 0xdfff)
    return FALSE;
  *skip = 11;
  return TRUE;
}

/**
 * ts_json_is_one_object:
 * @text: the text, not necessarily nul-terminated
 * @length: its length in bytes
 * @max_depth: how deep objects and arrays may nest, the outermost object
 *   counting as 1
 *
 * Returns: whether @text is one object with nothing after it but blanks,
 *   nested no deeper than @max_depth, whose strings hold only the escapes
 *   JSON defines and no half of a surrogate pair alone. Text cut off
 *   inside the object passes: json-glib then reports where it ends.
 */
gboolean
ts_json_is_one_object (const char *text,
                       gsize       length,
                       guint       max_depth)
{
  gboolean in_string = FALSE;
  guint depth = 0;
  gsize i = 0;

  while (i < length && g_ascii_isspace (text[i]))
    i++;
  if (i == length || text[i] != '{')
    return FALSE;

  for (; i < length; i++)
    {
      char c = text[i];

      if (in_string)
        {
          gsize skip;

          if (c == '\\')
            {
              if (!escape_is_whole (text + i, length - i, &skip))
                return FALSE;
              i += skip;
            }
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '{' || c == '[')
        {
          if (++depth > max_depth)
            return FALSE;
        }
      else if ((c == '}' || c == ']') && depth > 0)
        {
          if (--depth == 0)
            break;
        }
    }

  for (i++; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}
