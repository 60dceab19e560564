/* ts-cli-sync.c - `timestamps-cli sync …`: the library synced over
 * WebDAV, a Pro feature
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   sync configure URL USER     the password is read from standard input
 *   sync [--format text|json]   one sync; prints what it did
 *
 * Exit status 0 when the sync finished (documents it could not sync are
 * reported on stderr and left as they were); 2 when the command line or
 * the settings are wrong, or the library cannot be written; 3 without
 * Pro; 4 when the server cannot be reached, refuses the credentials or
 * fails the sync.
 */

#define G_LOG_DOMAIN "timestamps-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "ts-cli-license.h"
#include "ts-cli-sync.h"
#include "ts-library.h"
#include "ts-sync-engine.h"
#include "ts-sync-settings.h"

enum {
  EXIT_OK = 0,
  EXIT_BAD_INPUT = 2,
  EXIT_SERVER = 4,
};

/* A password or app token is one line; far more is not one. */
#define MAX_PASSWORD_LENGTH 4096

static int
usage (void)
{
  g_printerr ("%s\n", _("timestamps-cli: sync needs nothing (one sync), --format json, or configure URL USER"));
  return EXIT_BAD_INPUT;
}

static char *
read_password (void)
{
  char buffer[MAX_PASSWORD_LENGTH + 2];
  gsize length;

  if (fgets (buffer, sizeof buffer, stdin) == NULL)
    return NULL;
  length = strlen (buffer);
  if (length > MAX_PASSWORD_LENGTH)
    return NULL;
  while (length > 0 && (buffer[length - 1] == '\n' || buffer[length - 1] == '\r'))
    buffer[--length] = '\0';
  return length > 0 ? g_strndup (buffer, length) : NULL;
}

static int
configure (const char *url,
           const char *user)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsWebdavClient) client = NULL;
  g_autofree char *password = read_password ();

  if (password == NULL)
    {
      g_printerr ("%s\n", _("timestamps-cli: sync configure reads the password from standard input, one line"));
      return EXIT_BAD_INPUT;
    }
  client = ts_webdav_client_new (url, user, password, &error);
  if (client == NULL || !ts_sync_settings_save (ts_webdav_client_get_url (client), user, password, &error))
    {
      memset (password, 0, strlen (password));
      g_printerr ("timestamps-cli: %s\n", error->message);
      return EXIT_BAD_INPUT;
    }
  memset (password, 0, strlen (password));
  /* Translators: the WebDAV folder, then the user name. */
  printf (_("sync set up with %s as %s\n"), ts_webdav_client_get_url (client), user);
  return EXIT_OK;
}

static void
print_text (const TsSyncReport *report)
{
  for (guint i = 0; i < report->actions->len; i++)
    {
      TsSyncAction *action = g_ptr_array_index (report->actions, i);

      if (action->other_id != NULL)
        printf ("%s %s %s\n", ts_sync_action_kind_to_string (action->kind), action->id, action->other_id);
      else
        printf ("%s %s\n", ts_sync_action_kind_to_string (action->kind), action->id);
    }
  /* Translators: counts of tracklists, e.g. "2 uploaded, 1 downloaded, …". */
  printf (_("%u uploaded, %u downloaded, %u merged, %u conflicted copies, %u unchanged\n"),
          ts_sync_report_count (report, TS_SYNC_ACTION_UPLOADED),
          ts_sync_report_count (report, TS_SYNC_ACTION_DOWNLOADED),
          ts_sync_report_count (report, TS_SYNC_ACTION_MERGED),
          ts_sync_report_count (report, TS_SYNC_ACTION_CONFLICTED_COPY),
          report->unchanged);
}

/* {"actions": [{"action": "uploaded", "id": …, "of": … (copies)}, …],
 *  "unchanged": n, "conflicts": n, "retries": n, "problems": ["…", …]} */
static void
print_json (const TsSyncReport *report)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "actions");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->actions->len; i++)
    {
      TsSyncAction *action = g_ptr_array_index (report->actions, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "action");
      json_builder_add_string_value (builder, ts_sync_action_kind_to_string (action->kind));
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, action->id);
      if (action->other_id != NULL)
        {
          json_builder_set_member_name (builder, "of");
          json_builder_add_string_value (builder, action->other_id);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "unchanged");
  json_builder_add_int_value (builder, report->unchanged);
  json_builder_set_member_name (builder, "conflicts");
  json_builder_add_int_value (builder, report->conflicts);
  json_builder_set_member_name (builder, "retries");
  json_builder_add_int_value (builder, report->retries);
  json_builder_set_member_name (builder, "problems");
  json_builder_begin_array (builder);
  for (guint i = 0; i < report->problems->len; i++)
    json_builder_add_string_value (builder, ((GError *) g_ptr_array_index (report->problems, i))->message);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);
  printf ("%s\n", json);
}

static int
sync_once (gboolean as_json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsWebdavClient) client = ts_sync_settings_new_client (&error);
  g_autoptr(TsLibrary) library = NULL;
  g_autoptr(TsSyncReport) report = ts_sync_report_new ();

  if (client == NULL)
    {
      g_printerr ("timestamps-cli: %s\n", error->message);
      return EXIT_BAD_INPUT;
    }
  library = ts_library_new (NULL);
  if (!ts_sync_run (library, client, report, NULL, &error))
    {
      g_printerr ("timestamps-cli: %s\n", error->message);
      return error->domain == TS_WEBDAV_ERROR ? EXIT_SERVER : EXIT_BAD_INPUT;
    }
  for (guint i = 0; i < report->problems->len; i++)
    g_printerr ("timestamps-cli: %s\n", ((GError *) g_ptr_array_index (report->problems, i))->message);
  if (as_json)
    print_json (report);
  else
    print_text (report);
  return EXIT_OK;
}

int
ts_cli_sync_main (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("[configure URL USER] — sync the library over WebDAV");
  g_autoptr(GError) error = NULL;
  g_autofree char *format = NULL;
  g_auto(GStrv) arguments = NULL;
  int status;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, "What sync prints: text (default) or json", "text|json" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &arguments, NULL, "[configure URL USER]" },
    { NULL }
  };

  g_option_context_set_summary (context,
    "Syncs the tracklist library with a WebDAV folder (Nextcloud, ownCloud,\n"
    "Apache…). `sync configure URL USER` saves the folder and user and reads\n"
    "the password from standard input. Timestamps Pro.");
  g_option_context_set_description (context,
    "Exit status: 0 when the sync finished; 2 when the command line or the\n"
    "settings are wrong; 3 without Pro; 4 when the server cannot be reached\n"
    "or refuses the user name or password.");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("timestamps-cli: %s\n", error->message);
      return EXIT_BAD_INPUT;
    }
  if (format != NULL && strcmp (format, "json") != 0 && strcmp (format, "text") != 0)
    return usage ();
  if (arguments != NULL && !(g_strv_length (arguments) == 3 && strcmp (arguments[0], "configure") == 0))
    return usage ();

  if ((status = ts_cli_license_require (TS_FEATURE_SYNC)) != EXIT_OK)
    return status;

  if (arguments != NULL)
    return configure (arguments[1], arguments[2]);
  return sync_once (g_strcmp0 (format, "json") == 0);
}
