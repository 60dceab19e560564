/* test-translation.c - the app speaks German with LANGUAGE=de
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-translation"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-gui-test-utils.h"

static void
test_empty_window_in_german (void)
{
  TsWindow *window;
  GtkWidget *status;

  if (g_strcmp0 (g_getenv ("LANGUAGE"), "de") != 0)
    {
      g_test_skip ("run with LANGUAGE=de");
      return;
    }

  window = ts_window_new (NULL);
  gtk_window_present (GTK_WINDOW (window));

  status = ts_gui_find_label (GTK_WIDGET (window), "Projekt hierher ziehen");
  g_assert_nonnull (status);
  g_assert_nonnull (ts_gui_find_label (GTK_WIDGET (window),
                                       "Ziehen Sie ein Ableton-Live-Set, ein FL-Studio-Projekt oder ein Cue-Sheet hierher"));
  g_assert_cmpstr (ngettext ("Copied %u timestamp", "Copied %u timestamps", 14),
                   ==, "%u Zeitmarken kopiert");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ts_gui_test_init (&argc, &argv);

  g_test_add_func ("/translation/empty-window-in-german", test_empty_window_in_german);

  return g_test_run ();
}
