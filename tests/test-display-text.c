/* test-display-text.c - what untrusted text and file names become before
 * they are shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "ts-display-text.h"
#include "ts-quoted-name.h"

static void
assert_display (const char *text,
                const char *expected)
{
  g_autofree char *shown = ts_display_text_dup (text);

  g_assert_cmpstr (shown, ==, expected);
}

static void
test_plain (void)
{
  assert_display ("Artist - Title (Extended Mix)", "Artist - Title (Extended Mix)");
  assert_display ("Beyoncé – “Halo” 日本 \xF0\x9F\x8E\xB5", "Beyoncé – “Halo” 日本 \xF0\x9F\x8E\xB5");
  assert_display ("", "");
  assert_display ("=1+1 ; # \\ \" '", "=1+1 ; # \\ \" '");
  /* A reader's own replacement for bytes it could not decode stays. */
  assert_display ("a\xEF\xBF\xBD" "b", "a\xEF\xBF\xBD" "b");
  g_assert_null (ts_display_text_dup (NULL));
}

static void
test_line_breaks (void)
{
  assert_display ("a\tb\nc\rd", "a b c d");
  assert_display ("a\x0B" "b\x0C" "c", "a b c");
  assert_display ("a\xC2\x85" "b", "a b");                 /* NEL */
  assert_display ("a\xE2\x80\xA8" "b\xE2\x80\xA9" "c", "a b c"); /* U+2028, U+2029 */
}

static void
test_c0_controls (void)
{
  assert_display ("\x1B[31mred\x1B]0;pwned\x07", "\xEF\xBF\xBD[31mred\xEF\xBF\xBD]0;pwned\xEF\xBF\xBD");
  assert_display ("a\x01" "b\x08" "c\x1F" "d", "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d");
  assert_display ("a\x7F" "b", "a\xEF\xBF\xBD" "b");
}

static void
test_c1_controls (void)
{
  /* U+009B is CSI, U+009D OSC: single-character escapes for terminals
   * that take C1 controls. */
  assert_display ("a\xC2\x80" "b\xC2\x9B" "31mc\xC2\x9D" "d\xC2\x9F",
                  "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "31mc\xEF\xBF\xBD" "d\xEF\xBF\xBD");
  /* The first character after the C1 block stays. */
  assert_display ("\xC2\xA0", "\xC2\xA0");
}

static void
test_bidi_controls (void)
{
  /* U+202A..U+202E: LRE, RLE, PDF, LRO, RLO. */
  assert_display ("a\xE2\x80\xAA" "b\xE2\x80\xAB" "c\xE2\x80\xAC" "d\xE2\x80\xAD" "e\xE2\x80\xAE" "f",
                  "abcdef");
  /* U+2066..U+2069: LRI, RLI, FSI, PDI. */
  assert_display ("a\xE2\x81\xA6" "b\xE2\x81\xA7" "c\xE2\x81\xA8" "d\xE2\x81\xA9" "e", "abcde");
  /* Hebrew and Arabic letters, and the marks U+200E/U+200F, stay. */
  assert_display ("שלום \xE2\x80\x8F" "مرحبا", "שלום \xE2\x80\x8F" "مرحبا");
  assert_display ("\xE2\x80\xA9", " ");
  assert_display ("\xE2\x81\xAA", "\xE2\x81\xAA");
}

static void
assert_quoted (const char *name,
               const char *expected)
{
  g_autofree char *shown = ts_quoted_name_dup (name);

  g_assert_cmpstr (shown, ==, expected);
}

/* Names people give their files print as they are; the others quoted
 * and escaped, on one line and without a byte a terminal acts on. */
static void
test_quoted_names (void)
{
  assert_quoted ("/music/Night Mix \"live\" (1).als", "/music/Night Mix \"live\" (1).als");
  assert_quoted ("C:\\Sets\\Beyoncé – 日本.flp", "C:\\Sets\\Beyoncé – 日本.flp");
  assert_quoted ("-", "-");
  assert_quoted ("bad\nname.als", "\"bad\\nname.als\"");
  assert_quoted ("tab\there\r.cue", "\"tab\\there\\r.cue\"");
  assert_quoted ("\x1B]0;pwned\x07.als", "\"\\033]0;pwned\\007.als\"");
  assert_quoted ("del\x7F", "\"del\\177\"");
  /* C1 and bidi controls, and names that are not UTF-8: every byte that
   * is not ASCII is escaped then, quotes and backslashes too. */
  assert_quoted ("a\xC2\x9B" "b", "\"a\\302\\233b\"");
  assert_quoted ("\xE2\x80\xAE" "vla.\"x\\", "\"\\342\\200\\256vla.\\\"x\\\\\"");
  assert_quoted ("caf\xE9.als", "\"caf\\351.als\"");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/display-text/plain", test_plain);
  g_test_add_func ("/display-text/line-breaks", test_line_breaks);
  g_test_add_func ("/display-text/c0-controls", test_c0_controls);
  g_test_add_func ("/display-text/c1-controls", test_c1_controls);
  g_test_add_func ("/display-text/bidi-controls", test_bidi_controls);
  g_test_add_func ("/display-text/quoted-names", test_quoted_names);

  return g_test_run ();
}
