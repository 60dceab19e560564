/* ts-screenshot.c - renders the main window with projects open to a PNG,
 * for the README and the AppStream metainfo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: ts-screenshot OUTPUT.png WIDTH HEIGHT PROJECT…
 */
#define G_LOG_DOMAIN "ts-screenshot"

#include "config.h"

#include "ts-gui-test-utils.h"

static gboolean
never (gpointer data)
{
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  TsWindow *window;

  ts_gui_test_init (&argc, &argv);

  if (argc < 5)
    {
      g_printerr ("usage: %s OUTPUT.png WIDTH HEIGHT PROJECT…\n", argv[0]);
      return 2;
    }

  for (int i = 4; i < argc; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (argv[i]));

  window = ts_gui_new_window ();
  gtk_window_set_default_size (GTK_WINDOW (window), atoi (argv[2]), atoi (argv[3]));
  gtk_window_present (GTK_WINDOW (window));
  ts_window_open_files (window, (GFile **)files->pdata, files->len);
  ts_gui_wait_loaded (ts_window_get_current_view (window));

  /* Let the list, the graph and the window settle at their final size. */
  ts_gui_wait_for (never, NULL, 1500);

  if (!ts_gui_save_png (GTK_WIDGET (window), argv[1], &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  gtk_window_destroy (GTK_WINDOW (window));

  return 0;
}
