/* ts-application.c - one instance, windows, app-wide actions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ts-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-application.h"
#include "ts-license-watch.h"
#include "ts-preferences-window.h"
#include "ts-settings.h"
#include "ts-sync-scheduler.h"
#include "ts-window.h"

struct _TsApplication
{
  AdwApplication  parent_instance;

  /* One for the whole app, given to each window and dialog. */
  GSettings      *settings;
  TsLicenseWatch *license_watch;
  /* The user's library, and its syncs: one for all windows, so that two
   * windows never sync the same folder twice over. */
  TsLibrary       *library;
  TsSyncScheduler *sync_scheduler;
};

G_DEFINE_FINAL_TYPE (TsApplication, ts_application, ADW_TYPE_APPLICATION)

static TsWindow *
get_or_create_window (TsApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (TS_IS_WINDOW (window))
    return TS_WINDOW (window);

  return ts_window_new (GTK_APPLICATION (self), self->settings, self->library, self->sync_scheduler);
}

static void
ts_application_activate (GApplication *app)
{
  gtk_window_present (GTK_WINDOW (get_or_create_window (TS_APPLICATION (app))));
}

static void
ts_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  TsWindow *window = get_or_create_window (TS_APPLICATION (app));

  ts_window_open_files (window, files, n_files);
  gtk_window_present (GTK_WINDOW (window));
}

static void
new_window_action (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  TsApplication *self = TS_APPLICATION (user_data);

  gtk_window_present (GTK_WINDOW (ts_window_new (GTK_APPLICATION (self), self->settings,
                                                 self->library, self->sync_scheduler)));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  TsApplication *self = TS_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  gtk_window_present (GTK_WINDOW (ts_preferences_window_new (parent, self->settings)));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  static const char *developers[] = { "The Timestamps developers", NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  adw_show_about_window (parent,
                         "application-name", _("Timestamps"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Timestamps developers"),
                         "developers", developers,
                         "comments", _("Tracklists with exact times from your DJ mix projects"),
                         "website", "https://timestamps.me/",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2025 The Timestamps developers",
                         /* Translators: your name and e-mail, one translator a line */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

/* The core's messages start in lower case, to follow a program's name
 * on the command line; a notification's body is a sentence. */
static char *
as_sentence (const char *message)
{
  gunichar first = g_utf8_get_char (message);
  char head[6];
  int length = g_unichar_to_utf8 (g_unichar_totitle (first), head);

  return g_strdup_printf ("%.*s%s", length, head, g_utf8_next_char (message));
}

static void
on_license_locked (TsLicenseWatch *watch,
                   const char     *message,
                   GApplication   *app)
{
  g_autoptr(GNotification) notification = g_notification_new (_("Timestamps Pro is locked"));
  g_autofree char *body = as_sentence (message);

  g_notification_set_body (notification, body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  g_notification_set_default_action (notification, "app.preferences");
  g_application_send_notification (app, "licence-locked", notification);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { .name = "new-window", .activate = new_window_action },
  { .name = "preferences", .activate = preferences_action },
  { .name = "about", .activate = about_action },
  { .name = "quit", .activate = quit_action },
};

static void
ts_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_window_accels[] = { "<Control>n", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  g_autoptr(TsLicenseClient) license_client = NULL;
  g_autofree char *license_path = NULL;

  G_APPLICATION_CLASS (ts_application_parent_class)->startup (app);

  /* Only the primary instance starts up, and only it needs settings. */
  TS_APPLICATION (app)->settings = ts_settings_new ();
  TS_APPLICATION (app)->library = ts_library_new (NULL);
  TS_APPLICATION (app)->sync_scheduler = ts_sync_scheduler_new (TS_APPLICATION (app)->library, NULL);
  /* Also only once: it refreshes the one stored licence, from the same
   * server as `timestamps-cli license refresh`. */
  license_path = ts_license_get_default_path ();
  license_client = ts_license_client_new (g_getenv ("TIMESTAMPS_LICENSE_SERVER"));
  TS_APPLICATION (app)->license_watch = ts_license_watch_new (license_path, license_client);
  g_signal_connect_object (TS_APPLICATION (app)->license_watch, "locked",
                           G_CALLBACK (on_license_locked), app, 0);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new-window", new_window_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences", preferences_accels);
}

/* A sync under way is cancelled; it ends in its worker. */
static void
ts_application_shutdown (GApplication *app)
{
  TsApplication *self = TS_APPLICATION (app);

  if (self->sync_scheduler != NULL)
    ts_sync_scheduler_set_enabled (self->sync_scheduler, FALSE);

  G_APPLICATION_CLASS (ts_application_parent_class)->shutdown (app);
}

static void
ts_application_finalize (GObject *object)
{
  TsApplication *self = (TsApplication *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->license_watch);
  g_clear_object (&self->sync_scheduler);
  g_clear_object (&self->library);

  G_OBJECT_CLASS (ts_application_parent_class)->finalize (object);
}

static void
ts_application_class_init (TsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = ts_application_finalize;

  app_class->activate = ts_application_activate;
  app_class->open = ts_application_open;
  app_class->startup = ts_application_startup;
  app_class->shutdown = ts_application_shutdown;
}

static void
ts_application_init (TsApplication *self)
{
}

TsApplication *
ts_application_new (void)
{
  return g_object_new (TS_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/me/timestamps/Timestamps",
                       NULL);
}
