/* ts-project-view-actions.c - what the user does with a project's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Copy, export and the YouTube fix: each asks the document for the text,
 * so the list is the edited one and the options are the document's.
 */
#define G_LOG_DOMAIN "ts-project-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ts-file-name.h"
#include "ts-project-view-private.h"
#include "ts-youtube.h"

void
_ts_project_view_add_toast (TsProjectView *self,
                            AdwToast      *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/**
 * ts_project_view_copy:
 *
 * Puts the tracklist on the clipboard and says so in a toast.
 *
 * Returns: how many timestamps were copied
 */
guint
ts_project_view_copy (TsProjectView *self)
{
  g_autofree char *text = NULL;
  AdwToast *toast;
  guint n = 0;

  g_return_val_if_fail (TS_IS_PROJECT_VIEW (self), 0);

  if (!(text = ts_document_export (self->document, TS_EXPORT_TEXT, &n)))
    return 0;

  if (n == 0)
    {
      _ts_project_view_add_toast (self, adw_toast_new (_("There are no timestamps to copy")));
      return 0;
    }

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);

  toast = adw_toast_new_format (ngettext ("Copied %u timestamp", "Copied %u timestamps", n), n);
  adw_toast_set_timeout (toast, 3);
  _ts_project_view_add_toast (self, toast);

  return n;
}

static void
export_write_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(TsProjectView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (G_FILE (object));
  AdwToast *toast;

  if (g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    toast = adw_toast_new_format (_("Exported “%s”"), name);
  else
    toast = adw_toast_new_format (_("Could not write “%s”: %s"), name, error->message);

  _ts_project_view_add_toast (self, toast);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  TsProjectView *self = TS_PROJECT_VIEW (user_data);
  TsExportFormat format = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "ts-format"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *text = ts_document_export (self->document, format, NULL);

      if (file != NULL && text != NULL)
        {
          gsize length = strlen (text);
          g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&text), length);

          g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE,
                                               G_FILE_CREATE_REPLACE_DESTINATION,
                                               NULL, export_write_cb, g_object_ref (self));
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

void
ts_project_view_export (TsProjectView  *self,
                        TsExportFormat  format)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  const char *extension = ts_export_format_get_extension (format);
  g_autofree char *pattern = g_strdup_printf ("*.%s", extension);
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = NULL;
  GtkRoot *root;

  g_return_if_fail (TS_IS_PROJECT_VIEW (self));

  if (ts_document_get_tracklist (self->document) == NULL)
    return;

  folder = g_file_get_parent (ts_document_get_file (self->document));
  stem = ts_file_name_dup_stem (ts_document_get_title (self->document));
  name = g_strdup_printf ("%s.%s", stem != NULL ? stem : "", extension);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = gtk_file_chooser_native_new (_("Export Tracklist"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_add_pattern (filter, pattern);
  gtk_file_filter_set_name (filter, pattern);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);

  g_object_set_data (G_OBJECT (dialog), "ts-format", GUINT_TO_POINTER (format));
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The fixer cannot merge crowded chapters or invent missing ones, so
 * the toast only calls the copy fixed when YouTube would take it, and
 * otherwise says what is left to do in the DAW. */
static AdwToast *
new_youtube_fix_toast (guint   n_chapters,
                       GArray *remaining)
{
  const TsYoutubeProblem *first;

  if (remaining->len == 0)
    return adw_toast_new_format (ngettext ("Copied %u fixed YouTube chapter",
                                           "Copied %u fixed YouTube chapters",
                                           n_chapters),
                                 n_chapters);

  first = &g_array_index (remaining, TsYoutubeProblem, 0);
  if (remaining->len == 1)
    return adw_toast_new_format (_("Copied, but not ready for YouTube: %s"), first->message);

  return adw_toast_new_format (ngettext ("Copied, but not ready for YouTube: %s (and %u more problem)",
                                         "Copied, but not ready for YouTube: %s (and %u more problems)",
                                         remaining->len - 1),
                               first->message, remaining->len - 1);
}

static void
youtube_fix_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TsProjectView *self = TS_PROJECT_VIEW (widget);
  g_autoptr(GArray) remaining = NULL;
  g_autofree char *text = NULL;
  guint n = 0;

  if (!(text = ts_document_export_youtube_fix (self->document, &n, &remaining)))
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  _ts_project_view_add_toast (self, new_youtube_fix_toast (n, remaining));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ts_document_reload (TS_PROJECT_VIEW (widget)->document);
}

void
_ts_project_view_class_actions_init (TsProjectViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_property_action (widget_class, "page.mode", "mode");
  gtk_widget_class_install_property_action (widget_class, "page.template", "template");
  gtk_widget_class_install_action (widget_class, "page.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "page.copy-youtube-fix", NULL, youtube_fix_action);
}
