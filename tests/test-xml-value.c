/* test-xml-value.c - attribute values read as libxml2 reads them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fast Live set reader decodes the attribute values it needs itself,
 * so that reading a set never loads libxml2. Every value here is read
 * both ways, in a one-element document for libxml2: both must refuse it,
 * or both give the same text.
 */
#include "config.h"

#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "ts-xml-value.h"

/* The pieces values are made of: plain text, every kind of reference,
 * good and bad, blanks and line ends, UTF-8 and bytes that are not. No
 * '"' or '<': the scanner ends or refuses a value at those. */
static const char *const pieces[] = {
  "a", "Intro", " ", "'", ">", "]]>", ";", "#", "x", "1",
  "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&amp", "&", "&;", "&#;", "&#x;",
  "&nbsp;", "&AMP;", "& amp;", "&#65;", "&#x41;", "&#X41;", "&#0065;", "&#x1F3A7;",
  "&#0;", "&#27;", "&#x1;", "&#9;", "&#10;", "&#13;", "&#32;", "&#xD7FF;", "&#xD800;",
  "&#xFFFE;", "&#xFFFD;", "&#x10FFFF;", "&#x110000;", "&#99999999999999999999;",
  "\t", "\n", "\r", "\r\n", "\n\r", "\x01", "\x1F", "\x7F",
  "é", "坂本", "🎧", "\xC2\xA0", "\xEF\xBF\xBE", "\xEF\xBF\xBF", "\xEF\xBF\xBD",
  "\xFF", "\xFE", "\xC0\x80", "\xC3", "\xE2\x82", "\xED\xA0\x80", "\xF4\x90\x80\x80",
  "\xF0\x9F\x8E",
};

/* What libxml2 reads as the value of v in <e v="@raw"/>, or NULL. */
static char *
libxml2_value (const char *raw)
{
  g_autofree char *document = g_strdup_printf ("<e v=\"%s\"/>", raw);
  xmlDocPtr doc = xmlReadMemory (document, (int) strlen (document), NULL, "UTF-8",
                                 XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  char *value = NULL;

  if (doc == NULL)
    return NULL;
  if (xmlDocGetRootElement (doc) != NULL)
    {
      xmlChar *got = xmlGetProp (xmlDocGetRootElement (doc), BAD_CAST "v");

      value = g_strdup ((const char *) got);
      xmlFree (got);
    }
  xmlFreeDoc (doc);
  return value;
}

static void
assert_reads_like_libxml2 (const char *raw)
{
  g_autofree char *expected = libxml2_value (raw);
  TsXmlValueFault fault;
  g_autofree char *got = ts_xml_value_decode (raw, strlen (raw), &fault);
  g_autofree char *shown = g_strescape (raw, NULL);

  if (g_strcmp0 (got, expected) != 0)
    g_error ("“%s”: libxml2 reads %s%s%s, ts_xml_value_decode() %s%s%s", shown,
             expected != NULL ? "“" : "", expected != NULL ? expected : "an error",
             expected != NULL ? "”" : "", got != NULL ? "“" : "",
             got != NULL ? got : "an error", got != NULL ? "”" : "");
}

/* Each piece alone, and between text. */
static void
test_pieces (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (pieces); i++)
    {
      g_autofree char *between = g_strconcat ("x", pieces[i], "y", NULL);

      assert_reads_like_libxml2 (pieces[i]);
      assert_reads_like_libxml2 (between);
    }
  assert_reads_like_libxml2 ("");
}

/* Random strings of up to eight pieces. */
static void
test_random (void)
{
  GRand *rand = g_rand_new_with_seed (3122026);

  for (guint n = 0; n < 20000; n++)
    {
      g_autoptr(GString) raw = g_string_new (NULL);
      guint count = (guint) g_rand_int_range (rand, 1, 9);

      for (guint i = 0; i < count; i++)
        g_string_append (raw, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      assert_reads_like_libxml2 (raw->str);
    }

  g_rand_free (rand);
}

/* What a refused value is refused for, in the two words the reader has. */
static void
test_faults (void)
{
  static const struct { const char *raw; TsXmlValueFault fault; } cases[] = {
    { "Bad&#27;name", TS_XML_VALUE_BAD_CHARACTER },
    { "Bad&#x1;name", TS_XML_VALUE_BAD_CHARACTER },
    { "Bad\x01name", TS_XML_VALUE_BAD_CHARACTER },
    { "Bad\xFF\xFEname", TS_XML_VALUE_BAD_CHARACTER },
    { "&#x110000;", TS_XML_VALUE_BAD_CHARACTER },
    { "Tom &amp Jerry", TS_XML_VALUE_BAD_REFERENCE },
    { "&nbsp;", TS_XML_VALUE_BAD_REFERENCE },
    { "a & b", TS_XML_VALUE_BAD_REFERENCE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TsXmlValueFault fault = !cases[i].fault;
      g_autofree char *got = ts_xml_value_decode (cases[i].raw, strlen (cases[i].raw), &fault);

      g_assert_null (got);
      g_assert_cmpint (fault, ==, cases[i].fault);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  xmlInitParser ();

  g_test_add_func ("/xml-value/pieces", test_pieces);
  g_test_add_func ("/xml-value/random", test_random);
  g_test_add_func ("/xml-value/faults", test_faults);

  return g_test_run ();
}
