/* ts-pro-dialog.c - what Timestamps Pro adds, shown where a Pro feature
 * is asked for without it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every button leads somewhere: "Buy Pro" to the store, "Enter Key" to
 * the Pro page of Preferences, where a key or licence file is taken.
 */
#define G_LOG_DOMAIN "ts-pro-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-mnemonic-labels.h"
#include "ts-preferences-window.h"
#include "ts-pro-dialog.h"

static void
on_response (AdwMessageDialog *dialog,
             const char       *response,
             GSettings        *settings)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (g_strcmp0 (response, "buy") == 0)
    gtk_show_uri (parent, TS_PRO_STORE_URL, GDK_CURRENT_TIME);
  else if (g_strcmp0 (response, "key") == 0)
    {
      GtkWidget *preferences = ts_preferences_window_new (parent, settings);

      ts_preferences_window_show_pro (TS_PREFERENCES_WINDOW (preferences));
      gtk_window_present (GTK_WINDOW (preferences));
    }
}

static void
unref_settings (gpointer  settings,
                GClosure *closure)
{
  g_object_unref (settings);
}

gboolean
ts_pro_dialog_require (GtkWindow *parent,
                       GSettings *settings,
                       TsFeature  features)
{
  g_autofree char *path = ts_license_get_default_path ();
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(TsLicense) license = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);

  /* A licence that cannot be read is no licence: the dialog then says
   * why, where the reason of the gate would be. */
  license = ts_license_load (path, NULL, now, &error);
  if (license != NULL && ts_license_require (license, features, &error))
    return TRUE;

  dialog = adw_message_dialog_new (parent, _("Timestamps Pro"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog), "%s\n\n%s",
                                  _("Pro exports every open tab, or a whole folder of projects, "
                                    "in one go: one file per project, in any format."),
                                  error->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Not Now"),
                                    "key", _("_Enter Key"),
                                    "buy", _("_Buy Pro"),
                                    NULL);
  ts_mnemonic_labels_fix (dialog);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "buy", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "buy");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response),
                         g_object_ref (settings), unref_settings, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}
