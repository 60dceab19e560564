/* ts-fuzz-replay.c - a fuzz target's inputs, replayed without libFuzzer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: fuzz-NAME-replay DIR|FILE...: every file (folders are read
 * recursively) goes through LLVMFuzzerTestOneInput() once, as libFuzzer
 * would pass it. A crash, a leak or a sanitizer report fails the run; a
 * folder that does not exist is skipped (../shared/corpus is optional).
 */
#include "config.h"

#include <stdio.h>

#include "ts-fuzz.h"

static void
replay (const char *path,
        guint      *n_inputs)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      if (dir == NULL)
        g_error ("%s: %s", path, error->message);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_build_filename (path, name, NULL));
      /* In the same order on every machine. */
      g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
      for (guint i = 0; i < names->len; i++)
        replay (g_ptr_array_index (names, i), n_inputs);
      return;
    }

  if (!g_file_get_contents (path, &contents, &length, &error))
    g_error ("%s: %s", path, error->message);
  /* A copy of exactly the input's size, so that ASan sees a read past it. */
  {
    g_autofree guint8 *input = g_memdup2 (contents, length);

    LLVMFuzzerTestOneInput (input, length);
  }
  (*n_inputs)++;
}

int
main (int   argc,
      char *argv[])
{
  guint n_inputs = 0;

  for (int i = 1; i < argc; i++)
    if (g_file_test (argv[i], G_FILE_TEST_EXISTS))
      replay (argv[i], &n_inputs);

  printf ("%s: %u inputs replayed\n", argv[0], n_inputs);
  return 0;
}
