/* ts-display-text.c - untrusted text made safe to show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Marker titles, arrangement names and cue-sheet texts come from files
 * people download and share, and end up in terminals, on the clipboard
 * and in other programs' files. No title needs a control character, and
 * the few that do harm there (an escape sequence recolouring a terminal
 * or renaming its window, a right-to-left override reversing the rest of
 * a pasted line) are taken out here, once, by every reader.
 */
#define G_LOG_DOMAIN "ts-display-text"

#include "ts-display-text.h"

#include <string.h>

typedef enum {
  CHAR_KEEP,
  CHAR_SPACE,
  CHAR_REPLACE,
  CHAR_DROP,
} CharRule;

static CharRule
rule_for (gunichar c)
{
  /* Line breaks and tabs are whitespace a title was typed with: a title
   * is one line, so they become spaces. */
  if (c == '\t' || c == '\n' || c == 0x0B || c == 0x0C || c == '\r'
      || c == 0x85 || c == 0x2028 || c == 0x2029)
    return CHAR_SPACE;
  /* The other C0 and C1 controls and DEL: ESC and CSI start terminal
   * escapes. U+FFFD shows that something was there. */
  if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
    return CHAR_REPLACE;
  /* Bidi embeddings, overrides and isolates only change the direction
   * the rest is drawn in, which is how a spoofed title hides what it
   * says; the letters stay, so dropping them loses no text. */
  if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069))
    return CHAR_DROP;
  return CHAR_KEEP;
}

/**
 * ts_display_text_keeps:
 *
 * Returns: whether display text keeps @c as it is: %FALSE for the
 *   control and bidi characters ts_display_text_dup() replaces or drops
 */
gboolean
ts_display_text_keeps (gunichar c)
{
  return rule_for (c) == CHAR_KEEP;
}

/**
 * ts_display_text_dup:
 * @text: (nullable): valid UTF-8, as a reader decoded it
 *
 * The text as Timestamps shows and exports it: tabs and line breaks
 * (TAB, LF, VT, FF, CR, NEL, U+2028, U+2029) become spaces, the other C0
 * and C1 control characters and DEL become U+FFFD, and the bidi controls
 * U+202A to U+202E and U+2066 to U+2069 are removed. Everything else,
 * U+FFFD from a reader's own decoding included, stays as it is.
 *
 * Returns: (transfer full) (nullable): the display text, %NULL for %NULL
 */
char *
ts_display_text_dup (const char *text)
{
  GString *out;

  if (text == NULL)
    return NULL;
  g_return_val_if_fail (g_utf8_validate (text, -1, NULL), NULL);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      switch (rule_for (c))
        {
        case CHAR_KEEP:
          g_string_append_len (out, p, g_utf8_next_char (p) - p);
          break;
        case CHAR_SPACE:
          g_string_append_c (out, ' ');
          break;
        case CHAR_REPLACE:
          g_string_append_unichar (out, 0xFFFD);
          break;
        case CHAR_DROP:
          break;
        }
    }
  return g_string_free (out, FALSE);
}
