/* ts-sync-page.c - the Sync page of Preferences: the WebDAV folder, the
 * user name and password, and a test of the connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A view of the sync settings (core/sync/ts-sync-settings.c): the test
 * lists the folder and saves in a worker thread, so neither a slow server
 * nor the keyring blocks the window, and only settings that worked are
 * saved. Without Pro the rows
 * are there to read but cannot be used.
 */
#define G_LOG_DOMAIN "ts-sync-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ts-license-features.h"
#include "ts-sync-page.h"
#include "ts-sync-settings.h"

struct _TsSyncPage
{
  AdwPreferencesPage    parent_instance;

  AdwPreferencesGroup  *server_group;
  AdwEntryRow          *url_row;
  AdwEntryRow          *user_row;
  AdwPasswordEntryRow  *password_row;
  AdwActionRow         *status_row;
  GtkButton            *test_button;

  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (TsSyncPage, ts_sync_page, ADW_TYPE_PREFERENCES_PAGE)

typedef struct {
  TsWebdavClient *client;
  char           *user;
  char           *password;
} Test;

static void
test_free (Test *test)
{
  g_object_unref (test->client);
  g_free (test->user);
  if (test->password != NULL)
    memset (test->password, 0, strlen (test->password));
  g_free (test->password);
  g_free (test);
}

static void
set_status (TsSyncPage *self,
            const char *status)
{
  adw_action_row_set_subtitle (self->status_row, status);
}

/* In a worker: the listing, and saving, which may wait on the keyring. */
static void
run_test (GTask        *task,
          gpointer      source_object,
          gpointer      task_data,
          GCancellable *cancellable)
{
  Test *test = task_data;
  g_autoptr(GPtrArray) entries = NULL;
  GError *error = NULL;

  entries = ts_webdav_client_list (test->client, cancellable, &error);
  if (entries == NULL
      || !ts_sync_settings_save (ts_webdav_client_get_url (test->client), test->user, test->password, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_tested (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  TsSyncPage *self = TS_SYNC_PAGE (source);
  Test *test = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;

  /* A page closed meanwhile has nothing to show it on. */
  if (!g_task_propagate_boolean (G_TASK (result), &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), TRUE);
  if (error != NULL)
    {
      set_status (self, error->message);
      return;
    }
  /* Translators: the WebDAV folder's address. */
  status = g_strdup_printf (_("Connected and saved: %s"), ts_webdav_client_get_url (test->client));
  set_status (self, status);
}

void
ts_sync_page_test_connection (TsSyncPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  const char *user = gtk_editable_get_text (GTK_EDITABLE (self->user_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  TsWebdavClient *client;
  Test *test;

  g_return_if_fail (TS_IS_SYNC_PAGE (self));

  client = ts_webdav_client_new (gtk_editable_get_text (GTK_EDITABLE (self->url_row)), user, password, &error);
  if (client == NULL)
    {
      set_status (self, error->message);
      return;
    }
  test = g_new0 (Test, 1);
  test->client = client;
  test->user = g_strdup (user);
  test->password = g_strdup (password);
  gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), FALSE);
  set_status (self, _("Testing…"));
  task = g_task_new (self, self->cancellable, on_tested, NULL);
  g_task_set_task_data (task, test, (GDestroyNotify) test_free);
  g_task_run_in_thread (task, run_test);
}

const char *
ts_sync_page_get_status (TsSyncPage *self)
{
  g_return_val_if_fail (TS_IS_SYNC_PAGE (self), NULL);

  return adw_action_row_get_subtitle (self->status_row);
}

static void
load_settings (TsSyncPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *path = ts_license_get_default_path ();
  g_autoptr(TsLicense) license = ts_license_load (path, NULL, now, NULL);
  g_autofree char *url = NULL;
  g_autofree char *user = NULL;

  if (ts_sync_settings_load (&url, &user, NULL))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
      gtk_editable_set_text (GTK_EDITABLE (self->user_row), user);
    }
  if (license == NULL || !ts_license_allows (license, TS_FEATURE_SYNC))
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->test_button), FALSE);
      set_status (self, _("Sync is part of Timestamps Pro: activate a licence on the Pro page"));
    }
}

static void
ts_sync_page_dispose (GObject *object)
{
  TsSyncPage *self = TS_SYNC_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_SYNC_PAGE);

  G_OBJECT_CLASS (ts_sync_page_parent_class)->dispose (object);
}

static void
ts_sync_page_class_init (TsSyncPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ts_sync_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/me/timestamps/Timestamps/ui/ts-sync-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TsSyncPage, server_group);
  gtk_widget_class_bind_template_child (widget_class, TsSyncPage, url_row);
  gtk_widget_class_bind_template_child (widget_class, TsSyncPage, user_row);
  gtk_widget_class_bind_template_child (widget_class, TsSyncPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, TsSyncPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, TsSyncPage, test_button);
  gtk_widget_class_bind_template_callback (widget_class, ts_sync_page_test_connection);
}

static void
ts_sync_page_init (TsSyncPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  load_settings (self);
}
