/* test-preferences.c - every preference is a timestamps-cli option with
 * the same default, and Preferences says nothing of the CLI
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-preferences"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ts-als-writer.h"
#include "ts-gui-test-utils.h"
#include "ts-preferences-window.h"
#include "ts-settings.h"

/* Each preference and the timestamps-cli option that makes the same
 * choice. A key added to the schema must be listed here or in
 * window_state, so that none reaches Preferences without its option. */
static const struct {
  const char *key;
  const char *option;
} parity[] = {
  { "tempo-mode", "--mode" },
  { "hours-style", "--hours" },
  { "milliseconds", "--ms" },
  { "rounding", "--round" },
  { "template", "--template" },
};

/* Kept by the window itself, never shown in Preferences. */
static const char *const window_state[] = {
  "window-width",
  "window-height",
  "window-maximized",
};

/* A set with a tempo ramp, past an hour, with times between seconds, so
 * that the options have something to change. */
static char *
write_set (const char *dir)
{
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (10, 120.0);
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "mix.als", NULL);

  ts_als_writer_add_tempo_event (writer, TS_ABLETON_SENTINEL_BEAT, 120.0);
  ts_als_writer_add_tempo_event (writer, 16.0, 120.0);
  ts_als_writer_add_tempo_event (writer, 48.0, 136.0);
  ts_als_writer_add_locator (writer, 0.0, "Intro");
  ts_als_writer_add_locator (writer, 31.5, "Artist A - First");
  ts_als_writer_add_locator (writer, 9000.0, "Artist B - Late");
  g_assert_true (ts_als_writer_write_file (writer, path, TRUE, &error));
  g_assert_no_error (error);

  return path;
}

/* What timestamps-cli prints for @path, with @option (or none). */
static char *
run_cli (const char *path,
         const char *option)
{
  const char *argv[] = { TS_CLI_PATH, path, option, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("timestamps-cli %s %s failed: %s", path, option ? option : "", err);

  return out;
}

static gboolean
is_window_state (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (window_state); i++)
    if (g_str_equal (key, window_state[i]))
      return TRUE;

  return FALSE;
}

static const char *
option_for (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (parity); i++)
    if (g_str_equal (key, parity[i].key))
      return parity[i].option;

  return NULL;
}

/* The option set to the key's default prints what no option does, and
 * every other value the key takes is one the option takes too (run_cli()
 * fails on a value it refuses). */
static void
assert_same_default (GSettingsSchemaKey *schema_key,
                     const char         *option,
                     const char         *path,
                     const char         *plain)
{
  g_autoptr(GVariant) fallback = g_settings_schema_key_get_default_value (schema_key);
  g_autoptr(GVariant) range = g_settings_schema_key_get_range (schema_key);
  const char *kind = NULL;
  g_autoptr(GVariant) values = NULL;

  g_variant_get (range, "(&sv)", &kind, &values);

  if (g_variant_is_of_type (fallback, G_VARIANT_TYPE_BOOLEAN))
    {
      g_autofree char *switched = run_cli (path, option);

      /* A switch is off unless given. */
      g_assert_false (g_variant_get_boolean (fallback));
      g_assert_cmpstr (switched, !=, plain);
      return;
    }

  {
    g_autofree char *given = g_strdup_printf ("%s=%s", option, g_variant_get_string (fallback, NULL));
    g_autofree char *text = run_cli (path, given);

    g_assert_cmpstr (text, ==, plain);
  }

  if (g_str_equal (kind, "enum"))
    {
      GVariantIter iter;
      const char *nick;

      g_variant_iter_init (&iter, values);
      while (g_variant_iter_next (&iter, "&s", &nick))
        {
          g_autofree char *given = g_strdup_printf ("%s=%s", option, nick);
          g_autofree char *text = run_cli (path, given);

          g_assert_nonnull (text);
        }
    }
}

static void
test_every_preference_has_its_option (void)
{
  g_autoptr(GSettings) settings = ts_settings_new ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("ts-preferences-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autofree char *plain = NULL;
  g_auto(GStrv) keys = NULL;
  guint n_compared = 0;

  g_assert_no_error (error);
  path = write_set (dir);
  plain = run_cli (path, NULL);

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr(GSettingsSchemaKey) schema_key = g_settings_schema_get_key (schema, keys[i]);
      const char *option = option_for (keys[i]);

      if (is_window_state (keys[i]))
        continue;
      if (option == NULL)
        g_error ("the preference “%s” has no timestamps-cli option", keys[i]);

      g_test_message ("%s ↔ %s", keys[i], option);
      assert_same_default (schema_key, option, path, plain);
      n_compared++;
    }
  g_assert_cmpuint (n_compared, ==, G_N_ELEMENTS (parity));

  g_unlink (path);
  g_rmdir (dir);
}

static gboolean
mentions_cli (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget) && strstr (gtk_label_get_label (GTK_LABEL (widget)), "timestamps-cli") != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (mentions_cli (child))
      return TRUE;

  return FALSE;
}

/* Preferences are the app's; the command line is for another audience. */
static void
test_preferences_do_not_mention_cli (void)
{
  g_autoptr(GSettings) settings = ts_settings_new ();
  GtkWidget *window = ts_preferences_window_new (NULL, settings);

  gtk_window_present (GTK_WINDOW (window));
  ts_gui_wait_frame (window);
  g_assert_false (mentions_cli (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  ts_gui_test_init (&argc, &argv);

  g_test_add_func ("/preferences/every-preference-has-its-option", test_every_preference_has_its_option);
  g_test_add_func ("/preferences/do-not-mention-cli", test_preferences_do_not_mention_cli);

  return g_test_run ();
}
