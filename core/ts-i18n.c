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

#ifdef G_OS_WIN32
/* The installer puts the app anywhere (bin/timestamps.exe, with the
 * catalogues in share/locale beside bin/), so the compile-time LOCALEDIR
 * means nothing there. libintl's bindtextdomain() takes the system
 * codepage, not UTF-8: like GLib for its own catalogues, convert, which
 * falls back to the folder's short name where the codepage cannot spell
 * it. NULL if even that fails. */
static char *
installed_localedir (void)
{
  g_autofree char *root = g_win32_get_package_installation_directory_of_module (NULL);
  g_autofree char *utf8 = NULL;

  if (root == NULL)
    return NULL;
  utf8 = g_build_filename (root, "share", "locale", NULL);
  return g_win32_locale_filename_from_utf8 (utf8);
}
#endif

/**
 * ts_i18n_init:
 *
 * Binds the message catalogue. Setting the locale is the caller's: GTK
 * does it for the app, the tool calls setlocale(). TIMESTAMPS_LOCALEDIR
 * comes first: it points at the build tree, so the app and the tool run
 * translated before they are installed, and macOS's launcher points it
 * into the bundle. On Windows the catalogues are then looked for relative
 * to the installation, elsewhere in LOCALEDIR.
 */
void
ts_i18n_init (void)
{
  const char *localedir = g_getenv ("TIMESTAMPS_LOCALEDIR");

  if (localedir && localedir[0])
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  else
    {
#ifdef G_OS_WIN32
      g_autofree char *installed = installed_localedir ();

      bindtextdomain (GETTEXT_PACKAGE, installed ? installed : LOCALEDIR);
#else
      bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
#endif
    }
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
