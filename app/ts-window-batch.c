/* ts-window-batch.c - the window's Export All and Export Folder, for Pro
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both end in core's ts_batch_run() on a worker thread, as
 * `timestamps-cli batch` does: Export All with the texts of the open tabs
 * (their edits included), Export Folder with every project of a folder
 * read afresh with the preferences' choices. The window shows the
 * progress and a toast at the end; what failed is listed in a dialog.
 * Outputs that exist are kept, never replaced.
 */
#define G_LOG_DOMAIN "ts-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-batch.h"
#include "ts-pro-dialog.h"
#include "ts-template.h"
#include "ts-window-batch.h"
#include "ts-window-private.h"

typedef struct {
  TsWindow       *window;
  GPtrArray      *items;
  TsBatchOptions  options;
  char           *template_;
  char           *output_name;
  guint           n_failed;
} BatchJob;

static void
batch_job_free (BatchJob *job)
{
  g_object_unref (job->window);
  g_ptr_array_unref (job->items);
  g_free (job->template_);
  g_free (job->output_name);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BatchJob, batch_job_free)

typedef struct {
  TsWindow *window;
  double    fraction;
} Progress;

static gboolean
show_progress (gpointer data)
{
  Progress *progress = data;

  ts_window_set_batch_progress (progress->window, progress->fraction);
  g_object_unref (progress->window);
  g_free (progress);
  return G_SOURCE_REMOVE;
}

/* On the worker thread: the window is only touched from the main one. */
static void
on_item_done (const TsBatchItem *item,
              guint              n_done,
              guint              n_items,
              gpointer           user_data)
{
  BatchJob *job = user_data;
  Progress *progress = g_new0 (Progress, 1);

  progress->window = g_object_ref (job->window);
  progress->fraction = (double) n_done / n_items;
  g_main_context_invoke (NULL, show_progress, progress);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  BatchJob *job = task_data;

  job->n_failed = ts_batch_run (job->items, &job->options, on_item_done, job);
  g_task_return_boolean (task, TRUE);
}

static void
show_failures (BatchJob *job)
{
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  for (guint i = 0; i < job->items->len; i++)
    {
      const TsBatchItem *item = g_ptr_array_index (job->items, i);

      if (item->error != NULL)
        g_string_append_printf (body, "%s%s", body->len > 0 ? "\n" : "", item->error->message);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (job->window),
                                   ngettext ("A Project Was Not Exported",
                                             "Projects Were Not Exported", job->n_failed),
                                   body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_batch_done (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  BatchJob *job = g_task_get_task_data (G_TASK (result));
  guint n_exported = job->items->len - job->n_failed;
  g_autoptr(AdwToast) toast = NULL;

  ts_window_end_batch (job->window);

  /* Translators: how many projects, then the output folder's name. */
  toast = adw_toast_new_format (ngettext ("Exported %u project to “%s”",
                                          "Exported %u projects to “%s”", n_exported),
                                n_exported, job->output_name);
  ts_window_add_toast (job->window, g_steal_pointer (&toast));
  if (job->n_failed > 0)
    show_failures (job);
}

static void
start (BatchJob *job)
{
  g_autoptr(GTask) task = g_task_new (job->window, NULL, on_batch_done, NULL);

  ts_window_begin_batch (job->window);
  g_task_set_task_data (task, job, (GDestroyNotify) batch_job_free);
  g_task_run_in_thread (task, run_in_thread);
}

/* The preferences' choices, as each new tab gets them. */
static BatchJob *
batch_job_new (TsWindow       *self,
               GFile          *output_dir,
               TsExportFormat  format)
{
  GSettings *settings = ts_window_get_settings (self);
  BatchJob *job = g_new0 (BatchJob, 1);

  job->window = g_object_ref (self);
  job->items = g_ptr_array_new_with_free_func ((GDestroyNotify) ts_batch_item_free);
  job->template_ = g_settings_get_string (settings, "template");
  job->output_name = g_file_get_basename (output_dir);
  job->options.format = format;
  job->options.mode = g_settings_get_enum (settings, "tempo-mode");
  job->options.export_options.template_ = job->template_;
  job->options.export_options.time_format.hours = g_settings_get_enum (settings, "hours-style");
  job->options.export_options.time_format.milliseconds = g_settings_get_boolean (settings, "milliseconds");
  job->options.export_options.time_format.rounding = g_settings_get_enum (settings, "rounding");
  return job;
}

void
ts_window_batch_run_documents (TsWindow       *self,
                               GFile          *output_dir,
                               TsExportFormat  format)
{
  g_autoptr(BatchJob) job = NULL;
  const char *folder = g_file_peek_path (output_dir);

  g_return_if_fail (TS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (output_dir));

  if (ts_window_get_batch_running (self))
    return;

  job = batch_job_new (self, output_dir, format);
  for (guint i = 0; i < ts_window_get_n_views (self); i++)
    {
      TsDocument *document = ts_project_view_get_document (ts_window_get_nth_view (self, i));
      const char *project = g_file_peek_path (ts_document_get_file (document));
      g_autofree char *output = ts_batch_output_path (project, folder, format);
      char *text = ts_document_export (document, format, NULL);
      TsBatchItem *item = ts_batch_item_new (project, output, text);

      if (text == NULL && ts_document_get_error (document) != NULL)
        item->error = g_error_copy (ts_document_get_error (document));
      else if (text == NULL)
        g_set_error (&item->error, TS_BATCH_ERROR, TS_BATCH_ERROR_NOT_FOUND,
                     _("%s: still being read"), project);
      g_ptr_array_add (job->items, item);
    }
  ts_batch_mark_same_outputs (job->items);
  start (g_steal_pointer (&job));
}

void
ts_window_batch_run_folder (TsWindow       *self,
                            GFile          *projects_dir,
                            GFile          *output_dir,
                            TsExportFormat  format)
{
  const char *inputs[] = { g_file_peek_path (projects_dir), NULL };
  BatchJob *job;

  g_return_if_fail (TS_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (projects_dir));
  g_return_if_fail (G_IS_FILE (output_dir));

  if (ts_window_get_batch_running (self))
    return;

  job = batch_job_new (self, output_dir, format);
  g_ptr_array_unref (job->items);
  job->items = ts_batch_plan (inputs, g_file_peek_path (output_dir), format);
  start (job);
}

typedef void (*OutputChosen) (TsWindow       *self,
                              GFile          *projects_dir,
                              GFile          *output_dir,
                              TsExportFormat  format);

typedef struct {
  TsWindow     *window;
  GFile        *projects_dir;
  OutputChosen  chosen;
} Choice;

static void
choice_free (Choice *choice)
{
  g_object_unref (choice->window);
  g_clear_object (&choice->projects_dir);
  g_free (choice);
}

static void
run_documents (TsWindow       *self,
               GFile          *projects_dir,
               GFile          *output_dir,
               TsExportFormat  format)
{
  ts_window_batch_run_documents (self, output_dir, format);
}

static void
output_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  Choice *choice = user_data;
  TsExportFormat format;

  if (response == GTK_RESPONSE_ACCEPT &&
      ts_export_format_from_string (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "format"), &format))
    {
      g_autoptr(GFile) output_dir = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      choice->chosen (choice->window, choice->projects_dir, output_dir, format);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  choice_free (choice);
}

/* The output folder, with the format as the chooser's choice. */
static void
choose_output (Choice *choice)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkFileChooserNative *dialog;

  for (guint i = 0; i < TS_EXPORT_N_FORMATS; i++)
    {
      g_ptr_array_add (ids, (char *) ts_export_format_to_string (i));
      g_ptr_array_add (labels, (char *) ts_export_format_label (i));
    }
  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (labels, NULL);

  dialog = gtk_file_chooser_native_new (_("Export To"),
                                        GTK_WINDOW (choice->window),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Export"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "format", _("Format"),
                               (const char **) ids->pdata, (const char **) labels->pdata);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "format", ts_export_format_to_string (TS_EXPORT_TEXT));
  g_signal_connect (dialog, "response", G_CALLBACK (output_response_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
projects_response_cb (GtkNativeDialog *dialog,
                      int              response,
                      gpointer         user_data)
{
  Choice *choice = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      choice->projects_dir = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      choose_output (choice);
    }
  else
    choice_free (choice);
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static Choice *
choice_new (TsWindow     *self,
            OutputChosen  chosen)
{
  Choice *choice = g_new0 (Choice, 1);

  choice->window = g_object_ref (self);
  choice->chosen = chosen;
  return choice;
}

void
ts_window_batch_export_all (TsWindow *self)
{
  g_return_if_fail (TS_IS_WINDOW (self));

  if (ts_pro_dialog_require (GTK_WINDOW (self), ts_window_get_settings (self), TS_FEATURE_BATCH))
    choose_output (choice_new (self, run_documents));
}

void
ts_window_batch_export_folder (TsWindow *self)
{
  GtkFileChooserNative *dialog;

  g_return_if_fail (TS_IS_WINDOW (self));

  if (!ts_pro_dialog_require (GTK_WINDOW (self), ts_window_get_settings (self), TS_FEATURE_BATCH))
    return;

  dialog = gtk_file_chooser_native_new (_("Choose a Folder of Projects"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Choose"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (projects_response_cb),
                    choice_new (self, ts_window_batch_run_folder));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}
