/* ts-i18n.c - binding the message catalogue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app and timestamps-cli show the same messages from the same
 * catalogue, so they bind it the same way.
 */
#define G_LOG_DOMAIN "ts-i18n"

#include "config.h"

#include "ts-i18n.h"

#include <glib/gi18n-lib.h>

/**
 * ts_i18n_init:
 *
 * Binds the message catalogue. Setting the locale is the caller's: GTK
 * does it for the app, the tool calls setlocale(). TIMESTAMPS_LOCALEDIR points at the build tree, so the app and the tool
 * run translated before they are installed.
 */
void
ts_i18n_init (void)
{
  const char *localedir = g_getenv ("TIMESTAMPS_LOCALEDIR");

  bindtextdomain (GETTEXT_PACKAGE, localedir && localedir[0] ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
