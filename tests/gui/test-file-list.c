/* test-file-list.c - files as drops and file managers hand them over
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-file-list"

#include "config.h"

#include "ts-file-list.h"

static void
test_escaped_scheme (void)
{
  g_autoptr(GFile) mangled = g_file_new_for_uri ("file%3A///Users/dj/My%20Mix.als");
  g_autoptr(GFile) fixed = ts_file_normalize (mangled);
  g_autofree char *path = g_file_get_path (fixed);

  g_assert_cmpstr (path, ==, "/Users/dj/My Mix.als");
}

static void
test_escaped_scheme_as_argument (void)
{
  g_autoptr(GFile) mangled = g_file_new_for_commandline_arg ("file%3A%2F%2F%2Ftmp%2Fset.als");
  g_autoptr(GFile) fixed = ts_file_normalize (mangled);
  g_autofree char *path = g_file_get_path (fixed);

  g_assert_cmpstr (path, ==, "/tmp/set.als");
}

static void
test_plain_file_untouched (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/srv/mixes/file%3A.als");
  g_autoptr(GFile) same = ts_file_normalize (file);

  g_assert_true (g_file_equal (file, same));
}

static void
test_uri_list (void)
{
  g_autoptr(GPtrArray) files =
    ts_file_list_from_text ("# dragged from a file manager\r\n"
                            "file:///home/dj/a%20b.als\r\n"
                            "\r\n"
                            "file%3A///home/dj/c.flp\n"
                            "/home/dj/d.cue\n"
                            "relative/e.als\n");
  g_autofree char *a = NULL;
  g_autofree char *c = NULL;
  g_autofree char *d = NULL;

  g_assert_cmpuint (files->len, ==, 3);
  a = g_file_get_path (g_ptr_array_index (files, 0));
  c = g_file_get_path (g_ptr_array_index (files, 1));
  d = g_file_get_path (g_ptr_array_index (files, 2));
  g_assert_cmpstr (a, ==, "/home/dj/a b.als");
  g_assert_cmpstr (c, ==, "/home/dj/c.flp");
  g_assert_cmpstr (d, ==, "/home/dj/d.cue");
}

static void
test_empty_text (void)
{
  g_autoptr(GPtrArray) files = ts_file_list_from_text ("\n\n# nothing\n");

  g_assert_cmpuint (files->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/file-list/escaped-scheme", test_escaped_scheme);
  g_test_add_func ("/file-list/escaped-scheme-as-argument", test_escaped_scheme_as_argument);
  g_test_add_func ("/file-list/plain-file-untouched", test_plain_file_untouched);
  g_test_add_func ("/file-list/uri-list", test_uri_list);
  g_test_add_func ("/file-list/empty-text", test_empty_text);

  return g_test_run ();
}
