/* ts-json-shape.c - whether untrusted text may be handed to json-glib
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib recurses into what it parses, and 1.6 leaks the nodes it
 * built when a second value follows the first (`{} []`, found by
 * fuzz-license-key). Licences and library documents are each one flat
 * object, so anything else is refused here, by counting brackets outside
 * strings, before json-glib sees it.
 */
#include "ts-json-shape.h"

/**
 * ts_json_is_one_object:
 * @text: the text, not necessarily nul-terminated
 * @length: its length in bytes
 * @max_depth: how deep objects and arrays may nest, the outermost object
 *   counting as 1
 *
 * Returns: whether @text is one object with nothing after it but blanks,
 *   nested no deeper than @max_depth. Text cut off inside the object
 *   passes: json-glib then reports where it ends.
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
          if (c == '\\')
            i++;
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
