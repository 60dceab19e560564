/* ts-cli-license.c - `timestamps-cli license …`: the Pro licence on the
 * command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   license activate KEY   checks a signed key and stores it
 *   license import FILE    checks a licence file and stores it
 *   license status         prints the licence as one JSON line
 *   license deactivate     forgets the stored licence
 *   license refresh        asks the licence server about the stored
 *                          licence and stores what it says
 *
 * Exit status 0, or 2 for a bad key, file or command line, when there is
 * no licence to refresh, or when the licence cannot be stored; 4 when
 * the licence server cannot be reached, fails, sends an answer that does
 * not verify, or refuses the licence (which is then stored locked, and
 * printed). The key never appears in a message.
 *
 * TIMESTAMPS_LICENSE_SERVER overrides the licence server's base URL, for
 * tests and staging: its answers must still be signed by the build's key.
 */

#define G_LOG_DOMAIN "timestamps-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "ts-cli-license.h"
#include "ts-license-refresh.h"

enum {
  EXIT_OK = 0,
  EXIT_BAD_INPUT = 2,
  EXIT_SERVER = 4,
};

static int
usage (void)
{
  g_printerr ("%s\n", _("timestamps-cli: license needs one of: activate KEY, import FILE, status, deactivate, refresh"));
  return EXIT_BAD_INPUT;
}

static TsLicense *
load (const char *path,
      GDateTime  *now)
{
  g_autoptr(GError) error = NULL;
  TsLicense *license = ts_license_load (path, NULL, now, &error);

  if (license == NULL)
    g_printerr ("%s\n", error->message);
  return license;
}

static int
save_and_print (TsLicense  *license,
                const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  if (!ts_license_save (license, path, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_BAD_INPUT;
    }
  json = ts_license_status_to_json (license);
  printf ("%s\n", json);
  return EXIT_OK;
}

/* At most one byte more than a licence file may have, so that a huge
 * file is refused without being read whole. */
static char *
read_licence_file (const char  *path,
                   gsize       *length,
                   GError     **error)
{
  g_autofree char *text = g_malloc (TS_LICENSE_MAX_FILE_SIZE + 2);
  FILE *file = fopen (path, "rb");
  int saved_errno = errno;

  if (file == NULL)
    {
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   /* Translators: the file, then the system's reason. */
                   _("%s: cannot read the licence file (%s)"), path, g_strerror (saved_errno));
      return NULL;
    }
  *length = fread (text, 1, TS_LICENSE_MAX_FILE_SIZE + 1, file);
  if (ferror (file))
    {
      fclose (file);
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO,
                   _("%s: cannot read the licence file"), path);
      return NULL;
    }
  fclose (file);
  text[*length] = '\0';
  return g_steal_pointer (&text);
}

static void
refreshed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  GError *error = NULL;
  TsLicenseRefresh *refresh = ts_license_client_refresh_finish (TS_LICENSE_CLIENT (source), result, &error);

  if (refresh == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, refresh, (GDestroyNotify) ts_license_refresh_free);
}

/* The refresh is asynchronous, for the app; the command line waits for
 * it on a main context of its own. */
static TsLicenseRefresh *
refresh_and_wait (TsLicense  *license,
                  GError    **error)
{
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(TsLicenseClient) client = NULL;
  g_autoptr(GTask) task = NULL;
  TsLicenseRefresh *refresh;

  g_main_context_push_thread_default (context);
  client = ts_license_client_new (g_getenv ("TIMESTAMPS_LICENSE_SERVER"));
  task = g_task_new (NULL, NULL, NULL, NULL);
  ts_license_client_refresh_async (client, license, NULL, refreshed, task);
  while (!g_task_get_completed (task))
    g_main_context_iteration (context, TRUE);
  refresh = g_task_propagate_pointer (task, error);
  g_clear_object (&client);
  g_main_context_pop_thread_default (context);
  return refresh;
}

static int
refresh_licence (TsLicense  *license,
                 const char *path,
                 GDateTime  *now)
{
  g_autoptr(TsLicenseRefresh) refresh = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  refresh = refresh_and_wait (license, &error);
  if (refresh == NULL)
    {
      g_printerr ("timestamps-cli: %s\n", error->message);
      return g_error_matches (error, TS_LICENSE_REFRESH_ERROR, TS_LICENSE_REFRESH_ERROR_NO_LICENCE)
        ? EXIT_BAD_INPUT : EXIT_SERVER;
    }
  if (ts_license_apply_refresh (license, refresh, now, &error))
    return save_and_print (license, path);

  /* Refused: stored locked, so Pro stops in the app too. */
  status = save_and_print (license, path);
  g_printerr ("timestamps-cli: %s\n", error->message);
  return status == EXIT_OK ? EXIT_SERVER : status;
}

int
ts_cli_license_main (int    argc,
                     char **argv)
{
  g_autofree char *path = ts_license_get_default_path ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(TsLicense) license = NULL;
  g_autoptr(GError) error = NULL;
  const char *command = argc >= 2 ? argv[1] : NULL;
  const char *what = "timestamps-cli";

  if (argc == 3 && g_strcmp0 (command, "activate") == 0)
    {
      if ((license = load (path, now)) == NULL)
        return EXIT_BAD_INPUT;
      if (ts_license_activate (license, argv[2], NULL, now, &error))
        return save_and_print (license, path);
    }
  else if (argc == 3 && g_strcmp0 (command, "import") == 0)
    {
      g_autofree char *text = NULL;
      gsize length = 0;

      what = argv[2];
      if ((license = load (path, now)) == NULL)
        return EXIT_BAD_INPUT;
      text = read_licence_file (argv[2], &length, &error);
      if (text == NULL)
        {
          g_printerr ("%s\n", error->message);
          return EXIT_BAD_INPUT;
        }
      if (ts_license_import (license, text, length, NULL, now, &error))
        return save_and_print (license, path);
    }
  else if (argc == 2 && g_strcmp0 (command, "status") == 0)
    {
      g_autofree char *json = NULL;

      if ((license = load (path, now)) == NULL)
        return EXIT_BAD_INPUT;
      json = ts_license_status_to_json (license);
      printf ("%s\n", json);
      return EXIT_OK;
    }
  else if (argc == 2 && g_strcmp0 (command, "refresh") == 0)
    {
      if ((license = load (path, now)) == NULL)
        return EXIT_BAD_INPUT;
      return refresh_licence (license, path, now);
    }
  else if (argc == 2 && g_strcmp0 (command, "deactivate") == 0)
    {
      if ((license = load (path, now)) == NULL)
        return EXIT_BAD_INPUT;
      ts_license_deactivate (license);
      return save_and_print (license, path);
    }
  else
    return usage ();

  /* Prefixed by the program or the file, as the other errors are. */
  g_printerr ("%s: %s\n", what, error->message);
  return EXIT_BAD_INPUT;
}

int
ts_cli_license_require (TsFeature features)
{
  g_autofree char *path = ts_license_get_default_path ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(TsLicense) license = load (path, now);
  g_autoptr(GError) error = NULL;

  if (license == NULL)
    return TS_CLI_EXIT_NEEDS_PRO;
  if (!ts_license_require (license, features, &error))
    {
      g_printerr ("timestamps-cli: %s\n", error->message);
      return TS_CLI_EXIT_NEEDS_PRO;
    }
  return EXIT_OK;
}
