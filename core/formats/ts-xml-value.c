/* ts-xml-value.c - an attribute value as an XML parser reads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scanner hands out attribute values as the bytes between the quotes.
 * A set reader needs a few of them as text: the creator, the locators'
 * names, and numbers that Live writes plainly but XML lets anyone write
 * with references. This is XML 1.0's reading of an attribute value
 * without a DTD (sections 2.2, 2.11, 3.3.3 and 4.6): line ends become one
 * space each, as tabs and newlines do; character references and the five
 * predefined entities stand for their character; every character must be
 * one XML allows, in UTF-8. tests/test-xml-value.c holds it against
 * libxml2 on thousands of values.
 */
#define G_LOG_DOMAIN "ts-xml-value"

#include "config.h"

#include <string.h>

#include "ts-xml-value.h"

/* XML 1.0's Char production. */
static gboolean
is_xml_char (gunichar c)
{
  return c == 0x9 || c == 0xA || c == 0xD ||
         (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

/* The character of "&#…;" or "&#x…;" from @p (after the "#") to the ";"
 * at @semicolon, or (gunichar) -1. */
static gunichar
parse_char_ref (const char *p,
                const char *semicolon)
{
  gboolean hex = *p == 'x';
  guint64 value = 0;

  if (hex)
    p++;
  if (p == semicolon)
    return (gunichar) -1;
  for (; p < semicolon; p++)
    {
      int digit = hex ? g_ascii_xdigit_value (*p) : g_ascii_digit_value (*p);

      if (digit < 0)
        return (gunichar) -1;
      value = value * (hex ? 16 : 10) + (guint64) digit;
      /* Past any character: stop before the number can overflow. */
      if (value > 0x10FFFF)
        return (gunichar) -1;
    }
  return (gunichar) value;
}

/* The character an entity reference "&@name;" stands for, or 0. */
static char
predefined_entity (const char *name,
                   gsize       length)
{
  static const struct { const char *name; char c; } entities[] = {
    { "lt", '<' }, { "gt", '>' }, { "amp", '&' }, { "apos", '\'' }, { "quot", '"' },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    if (strlen (entities[i].name) == length && memcmp (entities[i].name, name, length) == 0)
      return entities[i].c;
  return 0;
}

/**
 * ts_xml_value_decode:
 * @raw: the bytes between an attribute's quotes (no "<" and no quote of
 *   the kind that closed it: the scanner stops at those)
 * @fault: (out): set when %NULL is returned
 *
 * Returns: (transfer full) (nullable): the value as UTF-8, or %NULL when
 *   XML does not allow it
 */
char *
ts_xml_value_decode (const char      *raw,
                     gsize            length,
                     TsXmlValueFault *fault)
{
  g_autoptr(GString) value = g_string_sized_new (length);
  const char *p = raw;
  const char *end = raw + length;

  while (p < end)
    {
      guchar byte = (guchar) *p;

      if (byte == '&')
        {
          const char *semicolon = memchr (p + 1, ';', (gsize) (end - p - 1));
          gunichar c;
          char entity;

          if (semicolon == NULL)
            {
              *fault = TS_XML_VALUE_BAD_REFERENCE;
              return NULL;
            }
          if (p[1] == '#')
            {
              c = parse_char_ref (p + 2, semicolon);
              if (c == (gunichar) -1 || !is_xml_char (c))
                {
                  *fault = TS_XML_VALUE_BAD_CHARACTER;
                  return NULL;
                }
              g_string_append_unichar (value, c);
            }
          else if ((entity = predefined_entity (p + 1, (gsize) (semicolon - p - 1))) != 0)
            g_string_append_c (value, entity);
          else
            {
              *fault = TS_XML_VALUE_BAD_REFERENCE;
              return NULL;
            }
          p = semicolon + 1;
        }
      else if (byte == '\r' || byte == '\n' || byte == '\t')
        {
          /* A line end, "\r\n" or a lone "\r", is one "\n" before the
           * value is read; then every blank of these is a space. */
          if (byte == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          g_string_append_c (value, ' ');
          p++;
        }
      else if (byte < 0x20)
        {
          *fault = TS_XML_VALUE_BAD_CHARACTER;
          return NULL;
        }
      else if (byte < 0x80)
        {
          g_string_append_c (value, (char) byte);
          p++;
        }
      else
        {
          gunichar c = g_utf8_get_char_validated (p, end - p);
          const char *next;

          if (c == (gunichar) -1 || c == (gunichar) -2 || !is_xml_char (c))
            {
              *fault = TS_XML_VALUE_BAD_CHARACTER;
              return NULL;
            }
          next = g_utf8_next_char (p);
          g_string_append_len (value, p, next - p);
          p = next;
        }
    }

  return g_string_free (g_steal_pointer (&value), FALSE);
}
