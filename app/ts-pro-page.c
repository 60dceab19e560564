/* ts-pro-page.c - the Pro page of Preferences: the licence, and where a
 * key or licence file is entered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page shows and changes the licence stored in the user's config
 * folder through core/licence only: it reads the licence when it is made
 * and again whenever the stored file changes (a refresh), and saves it
 * after each change, as `timestamps-cli license` does.
 */
#define G_LOG_DOMAIN "ts-pro-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-license-read.h"
#include "ts-mnemonic-labels.h"
#include "ts-pro-dialog.h"
#include "ts-pro-page.h"

struct _TsProPage
{
  AdwPreferencesPage  parent_instance;

  AdwActionRow       *state_row;
  AdwActionRow       *plan_row;
  AdwActionRow       *licensee_row;
  AdwActionRow       *expiry_row;
  AdwActionRow       *checked_row;
  AdwEntryRow        *key_row;
  GtkButton          *deactivate_button;
  GtkButton          *buy_button;

  GtkDropTarget      *drop_target;
  GFileMonitor       *monitor;
  TsLicense          *license;
  char               *path;
};

G_DEFINE_FINAL_TYPE (TsProPage, ts_pro_page, ADW_TYPE_PREFERENCES_PAGE)

static const char *
describe_state (TsLicenseState state)
{
  switch (state)
    {
    case TS_LICENSE_STATE_FREE:
      return _("No licence");
    case TS_LICENSE_STATE_ACTIVE:
      return _("Active");
    case TS_LICENSE_STATE_EXPIRED:
      return _("Expired");
    case TS_LICENSE_STATE_NEEDS_REFRESH:
      return _("Licence file out of date");
    case TS_LICENSE_STATE_INVALID:
      return _("Damaged, activate it again");
    case TS_LICENSE_STATE_REVOKED:
      return _("Suspended or revoked");
    }
  g_return_val_if_reached (NULL);
}

/* In the user's time zone and words; an unknown time is said so. */
static char *
describe_time (GDateTime  *time,
               const char *format)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup (_("Unknown"));
  local = g_date_time_to_local (time);
  return g_date_time_format (local, format);
}

static void
set_value (AdwActionRow *row,
           const char   *value)
{
  adw_action_row_set_subtitle (row, value != NULL ? value : _("Unknown"));
}

static void
update (TsProPage *self)
{
  TsLicenseState state = ts_license_get_state (self->license);
  gboolean has_licence = state != TS_LICENSE_STATE_FREE;
  /* Translators: a date, as g_date_time_format() writes it. */
  g_autofree char *expiry = describe_time (ts_license_get_expiry (self->license), _("%e %B %Y"));
  /* Translators: a date and time, as g_date_time_format() writes it. */
  g_autofree char *checked = describe_time (ts_license_get_checked (self->license), _("%e %B %Y, %H:%M"));

  set_value (self->state_row, describe_state (state));
  set_value (self->plan_row, ts_license_get_plan (self->license));
  set_value (self->licensee_row, ts_license_get_licensee (self->license));
  set_value (self->expiry_row, expiry);
  set_value (self->checked_row, checked);

  /* The rows of a licence that is not there would only say "Unknown". */
  gtk_widget_set_visible (GTK_WIDGET (self->plan_row), has_licence);
  gtk_widget_set_visible (GTK_WIDGET (self->licensee_row), has_licence);
  gtk_widget_set_visible (GTK_WIDGET (self->expiry_row), has_licence);
  gtk_widget_set_visible (GTK_WIDGET (self->checked_row), has_licence);
  gtk_widget_set_visible (GTK_WIDGET (self->deactivate_button), has_licence);
  gtk_widget_set_visible (GTK_WIDGET (self->buy_button), state != TS_LICENSE_STATE_ACTIVE);
}

static void
show_message (TsProPage  *self,
              const char *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
}

/* After a change: stored, shown, and said. */
static void
save (TsProPage  *self,
      const char *done)
{
  g_autoptr(GError) error = NULL;

  if (!ts_license_save (self->license, self->path, &error))
    show_message (self, error->message);
  else
    show_message (self, done);
  update (self);
}

static void
on_activate (TsProPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->key_row))));

  if (key[0] == '\0')
    return;
  if (!ts_license_activate (self->license, key, NULL, now, &error))
    {
      show_message (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->key_row), "");
  save (self, _("Timestamps Pro is active"));
}

void
ts_pro_page_import_file (TsProPage *self,
                         GFile     *file)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TS_IS_PRO_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!ts_license_import_file (self->license, file, now, &error))
    {
      show_message (self, error->message);
      return;
    }
  save (self, _("Timestamps Pro is active"));
}

static void
import_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(TsProPage) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      ts_pro_page_import_file (self, file);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
on_import (TsProPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Import Licence File"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (import_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_deactivate (TsProPage *self)
{
  ts_license_deactivate (self->license);
  save (self, _("The licence was removed from this computer"));
}

static void
on_buy (TsProPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, TS_PRO_STORE_URL, GDK_CURRENT_TIME);
}

/* A licence file is one file; the first of a drop is taken. */
static gboolean
on_drop (TsProPage     *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = gdk_file_list_get_files (g_value_get_boxed (value));
  if (files != NULL)
    ts_pro_page_import_file (self, files->data);
  g_slist_free (files);
  return files != NULL;
}

static void
ts_pro_page_dispose (GObject *object)
{
  TsProPage *self = (TsProPage *)object;

  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_PRO_PAGE);

  G_OBJECT_CLASS (ts_pro_page_parent_class)->dispose (object);
}

static void
ts_pro_page_finalize (GObject *object)
{
  TsProPage *self = (TsProPage *)object;

  g_clear_pointer (&self->license, ts_license_free);
  g_free (self->path);

  G_OBJECT_CLASS (ts_pro_page_parent_class)->finalize (object);
}

static void
ts_pro_page_class_init (TsProPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ts_pro_page_dispose;
  object_class->finalize = ts_pro_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/me/timestamps/Timestamps/ui/ts-pro-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TsProPage, state_row);
  gtk_widget_class_bind_template_child (widget_class, TsProPage, plan_row);
  gtk_widget_class_bind_template_child (widget_class, TsProPage, licensee_row);
  gtk_widget_class_bind_template_child (widget_class, TsProPage, expiry_row);
  gtk_widget_class_bind_template_child (widget_class, TsProPage, checked_row);
  gtk_widget_class_bind_template_child (widget_class, TsProPage, key_row);
  gtk_widget_class_bind_template_child (widget_class, TsProPage, deactivate_button);
  gtk_widget_class_bind_template_child (widget_class, TsProPage, buy_button);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_import);
  gtk_widget_class_bind_template_callback (widget_class, on_deactivate);
  gtk_widget_class_bind_template_callback (widget_class, on_buy);
}

static void
load (TsProPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->license, ts_license_free);
  /* Only an unreadable file fails; the page then starts free, and
   * activating a key replaces what could not be read. */
  self->license = ts_license_load (self->path, NULL, now, &error);
  if (self->license == NULL)
    {
      g_debug ("%s", error->message);
      self->license = ts_license_new ();
    }
}

/* The app's refresh (ts-license-watch.c) and `timestamps-cli license`
 * store the licence behind the page's back: it shows what is stored. */
static void
on_stored_changed (TsProPage         *self,
                   GFile             *file,
                   GFile             *other_file,
                   GFileMonitorEvent  event,
                   GFileMonitor      *monitor)
{
  if (event != G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT
      && event != G_FILE_MONITOR_EVENT_CREATED
      && event != G_FILE_MONITOR_EVENT_DELETED)
    return;
  load (self);
  update (self);
}

static void
ts_pro_page_init (TsProPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  ts_mnemonic_labels_fix (GTK_WIDGET (self));

  self->path = ts_license_get_default_path ();
  load (self);

  file = g_file_new_for_path (self->path);
  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_NONE, NULL, &error);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_stored_changed), self, G_CONNECT_SWAPPED);
  else
    g_debug ("%s", error->message);

  self->drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (self->drop_target, "drop", G_CALLBACK (on_drop), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (self->drop_target));

  update (self);
}

/**
 * ts_pro_page_get_drop_target:
 *
 * Returns: (transfer none): the target that takes licence files dropped
 *   on the page
 */
GtkDropTarget *
ts_pro_page_get_drop_target (TsProPage *self)
{
  g_return_val_if_fail (TS_IS_PRO_PAGE (self), NULL);

  return self->drop_target;
}
