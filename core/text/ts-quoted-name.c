/* ts-quoted-name.c - a file name that keeps a message on one line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Messages start with the file they are about ("FILE: what is wrong"),
 * one per line, and scripts read them line by line. A file name may hold
 * any byte but / and NUL: a newline in it would split the line, an escape
 * sequence would reach the terminal.
 */
#define G_LOG_DOMAIN "ts-quoted-name"

#include "ts-quoted-name.h"

#include "ts-display-text.h"

/* The characters display text would not keep (control characters, bidi
 * controls) make a name break a line or read as something else. */
static gboolean
needs_quoting (const char *name)
{
  if (!g_utf8_validate (name, -1, NULL))
    return TRUE;
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    if (!ts_display_text_keeps (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/**
 * ts_quoted_name_dup:
 * @name: a file name as the system gives it, in any encoding
 *
 * @name as messages show it: as it is when it holds only printable
 * characters, which is every name people give their files; otherwise in
 * double quotes, escaped as g_strescape() does (\n, \t, \", \\ and octal
 * \NNN for every other byte that is a control or not ASCII), so that the
 * message stays one line and the terminal shows it as text.
 *
 * Returns: (transfer full): the name to print
 */
char *
ts_quoted_name_dup (const char *name)
{
  g_autofree char *escaped = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  if (!needs_quoting (name))
    return g_strdup (name);
  escaped = g_strescape (name, NULL);
  return g_strconcat ("\"", escaped, "\"", NULL);
}
