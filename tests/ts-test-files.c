/* ts-test-files.c - what the tests do with the folders they make
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-test-files.h"

#include <glib/gstdio.h>

/**
 * ts_test_remove_tree:
 * @path: a file or a folder a test made
 *
 * Removes @path and, for a folder, everything in it. A symbolic link is
 * removed, never followed: a test that links to a folder outside its own
 * must not empty it.
 */
void
ts_test_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          ts_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}
