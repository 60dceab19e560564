/* test-settings.c - the app's settings, with and without its schema
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schema GLib finds is fixed for the life of a process, so meson runs
 * this program twice: with the build's schema folder, and with a folder
 * that holds none, as when the app runs straight from a build tree;
 * TS_EXPECT_SCHEMA says which (installed or missing).
 */
#define G_LOG_DOMAIN "test-settings"

#include "config.h"

#include "ts-settings.h"
#include "ts-template.h"

static gboolean expect_installed;

/* The defaults are the schema's, whichever copy of it was found; a change
 * is kept for as long as the settings live. */
static void
assert_settings_work (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *template_ = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *changed = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  g_assert_cmpstr (g_settings_schema_get_id (schema), ==, APP_ID);

  template_ = g_settings_get_string (settings, "template");
  g_assert_cmpstr (template_, ==, TS_TEMPLATE_DEFAULT);
  mode = g_settings_get_string (settings, "tempo-mode");
  g_assert_cmpstr (mode, ==, "daw");

  g_settings_set_string (settings, "template", "{index}. {title}");
  changed = g_settings_get_string (settings, "template");
  g_assert_cmpstr (changed, ==, "{index}. {title}");
}

static void
test_settings (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GSettings) settings = ts_settings_new ();

      assert_settings_work (settings);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  if (expect_installed)
    g_test_trap_assert_stderr ("");
  else
    g_test_trap_assert_stderr ("*" APP_ID "* is not installed*meson devenv*");
}

int
main (int   argc,
      char *argv[])
{
  const char *expected = g_getenv ("TS_EXPECT_SCHEMA");

  g_test_init (&argc, &argv, NULL);

  if (g_strcmp0 (expected, "installed") != 0 && g_strcmp0 (expected, "missing") != 0)
    {
      g_printerr ("%s: set TS_EXPECT_SCHEMA to installed or missing\n", argv[0]);
      return 2;
    }
  expect_installed = g_strcmp0 (expected, "installed") == 0;

  g_test_add_func (expect_installed ? "/settings/installed-schema" : "/settings/missing-schema",
                   test_settings);

  return g_test_run ();
}
