/* ts-settings.c - the app's settings, even where its schema is missing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ts-settings"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "ts-settings.h"

#define COMPILED_SCHEMA_RESOURCE "/me/timestamps/Timestamps/gschemas.compiled"

/* The schema the build compiled into the program. GLib reads schemas only
 * from a folder, so it goes through a temporary one, removed at once:
 * the source has read it by then. */
static GSettingsSchema *
load_built_in_schema (void)
{
  g_autoptr(GSettingsSchemaSource) source = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  gsize length = 0;
  const char *data;

  bytes = g_resources_lookup_data (COMPILED_SCHEMA_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes != NULL && (dir = g_dir_make_tmp ("timestamps-schema-XXXXXX", &error)) != NULL)
    {
      path = g_build_filename (dir, "gschemas.compiled", NULL);
      data = g_bytes_get_data (bytes, &length);
      if (g_file_set_contents (path, data, length, &error))
        source = g_settings_schema_source_new_from_directory (dir, NULL, FALSE, &error);
      g_remove (path);
      g_rmdir (dir);
    }

  /* The build put it there: without it the program itself is broken. */
  if (source == NULL)
    g_error ("The built-in settings schema could not be read: %s", error->message);

  return g_settings_schema_source_lookup (source, APP_ID, FALSE);
}

/**
 * ts_settings_new:
 *
 * The app's settings. Run straight from a build tree, where its schema is
 * not installed, GLib would abort the app: it says so on stderr instead
 * and runs on the defaults, kept in memory until it quits.
 *
 * Returns: (transfer full): the settings
 */
GSettings *
ts_settings_new (void)
{
  GSettingsSchemaSource *installed = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsBackend) backend = NULL;

  if (installed != NULL)
    schema = g_settings_schema_source_lookup (installed, APP_ID, TRUE);
  if (schema != NULL)
    return g_settings_new_full (schema, NULL, NULL);

  g_printerr (_("Timestamps: the settings schema “%s” is not installed, so preferences "
                "will not be saved. Install Timestamps, or run it from its build folder "
                "with “meson devenv”.\n"), APP_ID);

  schema = load_built_in_schema ();
  backend = g_memory_settings_backend_new ();

  return g_settings_new_full (schema, backend, NULL);
}
