/* ts-sync-settings.c - where to sync, and the password for it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The keyring is asked only when a session bus is there to ask: without
 * one (a server, a test, a minimal desktop) libsecret would try to start
 * one, so the file is used at once instead.
 */

#define G_LOG_DOMAIN "ts-sync"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#if HAVE_LIBSECRET
#include <libsecret/secret.h>
#endif

#include "ts-sync-settings.h"

#define GROUP "sync"

G_DEFINE_QUARK (ts-sync-settings-error-quark, ts_sync_settings_error)

static char *
config_path (const char *name)
{
  return g_build_filename (g_get_user_config_dir (), "timestamps", name, NULL);
}

static void
wipe_string (char **string)
{
  if (*string != NULL)
    memset (*string, 0, strlen (*string));
  g_clear_pointer (string, g_free);
}

#if HAVE_LIBSECRET
static const SecretSchema *
password_schema (void)
{
  static const SecretSchema schema = {
    APP_ID ".Sync", SECRET_SCHEMA_NONE,
    {
      { "url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "user", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
  };

  return &schema;
}
#endif

static gboolean
keyring_available (void)
{
#if HAVE_LIBSECRET
  return g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL;
#else
  return FALSE;
#endif
}

static gboolean
write_private_file (const char  *path,
                    const char  *contents,
                    GError     **error)
{
  g_autofree char *directory = g_path_get_dirname (path);
  g_autoptr(GError) local_error = NULL;

  if (g_mkdir_with_parents (directory, 0700) != 0
      || !g_file_set_contents_full (path, contents, -1,
                                    G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                    0600, &local_error))
    {
      g_set_error (error, TS_SYNC_SETTINGS_ERROR, TS_SYNC_SETTINGS_ERROR_WRITE,
                   /* Translators: the file, then the system's reason. */
                   _("cannot save the sync settings in %s (%s)"), path,
                   local_error != NULL ? local_error->message : g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

static gboolean
store_password (const char  *url,
                const char  *user,
                const char  *password,
                GError     **error)
{
  g_autofree char *path = config_path ("sync-password");

#if HAVE_LIBSECRET
  if (keyring_available ())
    {
      g_autoptr(GError) keyring_error = NULL;

      if (secret_password_store_sync (password_schema (), SECRET_COLLECTION_DEFAULT,
                                      _("Timestamps sync"), password, NULL, &keyring_error,
                                      "url", url, "user", user, NULL))
        {
          /* A password in the keyring leaves none behind in a file. */
          g_unlink (path);
          return TRUE;
        }
      g_debug ("no keyring, the password goes to %s: %s", path, keyring_error->message);
    }
#endif
  return write_private_file (path, password, error);
}

static char *
lookup_password (const char *url,
                 const char *user)
{
  g_autofree char *path = config_path ("sync-password");
  char *password = NULL;

#if HAVE_LIBSECRET
  if (keyring_available ())
    {
      password = secret_password_lookup_sync (password_schema (), NULL, NULL,
                                              "url", url, "user", user, NULL);
      if (password != NULL)
        {
          char *copy = g_strdup (password);

          secret_password_free (password);
          return copy;
        }
    }
#endif
  if (!g_file_get_contents (path, &password, NULL, NULL))
    return NULL;
  return password;
}

gboolean
ts_sync_settings_save (const char  *url,
                       const char  *user,
                       const char  *password,
                       GError     **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *path = config_path ("sync.ini");
  g_autofree char *contents = NULL;

  g_key_file_set_string (key_file, GROUP, "url", url);
  g_key_file_set_string (key_file, GROUP, "user", user);
  contents = g_key_file_to_data (key_file, NULL, NULL);
  return store_password (url, user, password, error) && write_private_file (path, contents, error);
}

gboolean
ts_sync_settings_load (char   **url,
                       char   **user,
                       GError **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *path = config_path ("sync.ini");
  g_autofree char *loaded_url = NULL;
  g_autofree char *loaded_user = NULL;

  if (g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL))
    {
      loaded_url = g_key_file_get_string (key_file, GROUP, "url", NULL);
      loaded_user = g_key_file_get_string (key_file, GROUP, "user", NULL);
    }
  if (loaded_url == NULL || loaded_user == NULL)
    {
      g_set_error_literal (error, TS_SYNC_SETTINGS_ERROR, TS_SYNC_SETTINGS_ERROR_NOT_CONFIGURED,
                           _("sync is not set up yet: give the WebDAV folder, user name and "
                             "password in the sync settings (or timestamps-cli sync configure)"));
      return FALSE;
    }
  *url = g_steal_pointer (&loaded_url);
  *user = g_steal_pointer (&loaded_user);
  return TRUE;
}

TsWebdavClient *
ts_sync_settings_new_client (GError **error)
{
  g_autofree char *url = NULL;
  g_autofree char *user = NULL;
  g_autofree char *password = NULL;
  TsWebdavClient *client;

  if (!ts_sync_settings_load (&url, &user, error))
    return NULL;
  password = lookup_password (url, user);
  if (password == NULL)
    {
      g_set_error_literal (error, TS_SYNC_SETTINGS_ERROR, TS_SYNC_SETTINGS_ERROR_NOT_CONFIGURED,
                           _("the sync password is missing: give it again in the sync settings "
                             "(or timestamps-cli sync configure)"));
      return NULL;
    }
  client = ts_webdav_client_new (url, user, password, error);
  wipe_string (&password);
  return client;
}
