/* ts-batch.c - many projects exported at once, one output file each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by `timestamps-cli batch` and the app's Export All and Export
 * Folder: the walk that finds the projects, the name of each output, and
 * the thread pool that reads and writes them. Each project is read and
 * exported on its own; one that fails never stops the others.
 */
#define G_LOG_DOMAIN "ts-batch"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ts-batch.h"
#include "ts-format-info.h"
#include "ts-project.h"
#include "ts-quoted-name.h"
#include "ts-write-error.h"

G_DEFINE_QUARK (ts-batch-error-quark, ts_batch_error)

TsBatchItem *
ts_batch_item_new (const char *project,
                   const char *output,
                   char       *text)
{
  TsBatchItem *self = g_new0 (TsBatchItem, 1);

  self->project = g_strdup (project);
  self->output = g_strdup (output);
  self->text = text;
  return self;
}

void
ts_batch_item_free (TsBatchItem *self)
{
  if (self == NULL)
    return;
  g_free (self->project);
  g_free (self->output);
  g_free (self->text);
  g_clear_error (&self->error);
  g_free (self);
}

gboolean
ts_batch_is_project_name (const char *name)
{
  g_autofree char *folded = g_utf8_strdown (name, -1);

  for (guint i = 0; i < TS_N_FORMATS; i++)
    {
      const TsFormatInfo *info = ts_format_info_get (i);

      for (guint j = 0; info->extensions[j] != NULL; j++)
        if (g_str_has_suffix (folded, info->extensions[j]))
          return TRUE;
    }
  return FALSE;
}

char *
ts_batch_output_path (const char     *project,
                      const char     *output_dir,
                      TsExportFormat  format)
{
  g_autofree char *base = g_path_get_basename (project);
  g_autofree char *name = NULL;
  char *dot = strrchr (base, '.');

  /* "mix.als" → "mix.txt"; a name like ".als" keeps its whole self. */
  if (dot != NULL && dot != base)
    *dot = '\0';
  name = g_strconcat (base, ".", ts_export_format_get_extension (format), NULL);
  return g_build_filename (output_dir, name, NULL);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Sorted, so that the same folder always gives the same batch and the
 * same project wins when two share an output name. */
/* Why @folder cannot be listed, in the system's words. GLib's own
 * message names the folder again, unquoted; its errno is not kept. */
static int
folder_errno (const char *folder)
{
  GStatBuf st;

  if (g_stat (folder, &st) != 0)
    return errno;
  if (!S_ISDIR (st.st_mode))
    return ENOTDIR;
  if (g_access (folder, R_OK) != 0)
    return errno;
  return EIO;
}

static void
walk_folder (const char *folder,
             GPtrArray  *found,
             GPtrArray  *failed)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    {
      TsBatchItem *item = ts_batch_item_new (folder, NULL, NULL);
      g_autofree char *shown = ts_quoted_name_dup (folder);

      g_set_error (&item->error, TS_BATCH_ERROR, TS_BATCH_ERROR_NOT_FOUND,
                   /* Translators: the folder, then the system's reason. */
                   _("%s: cannot read the folder (%s)"), shown, g_strerror (folder_errno (folder)));
      g_ptr_array_add (failed, item);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *entry = g_ptr_array_index (names, i);
      g_autofree char *path = g_build_filename (folder, entry, NULL);

      /* Hidden files include macOS's "._mix.als" resource forks, which
       * are not projects however they are named. */
      if (entry[0] == '.')
        continue;
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          /* A link to a folder may lead back up the tree. */
          if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK))
            walk_folder (path, found, failed);
        }
      else if (ts_batch_is_project_name (entry))
        g_ptr_array_add (found, g_steal_pointer (&path));
    }
}

void
ts_batch_mark_same_outputs (GPtrArray *items)
{
  g_autoptr(GHashTable) outputs = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < items->len; i++)
    {
      TsBatchItem *item = g_ptr_array_index (items, i);
      const char *first;

      if (item->error != NULL || item->output == NULL)
        continue;
      if ((first = g_hash_table_lookup (outputs, item->output)) != NULL)
        {
          g_autofree char *project = ts_quoted_name_dup (item->project);
          g_autofree char *output = ts_quoted_name_dup (item->output);
          g_autofree char *other = ts_quoted_name_dup (first);

          g_set_error (&item->error, TS_BATCH_ERROR, TS_BATCH_ERROR_SAME_OUTPUT,
                       /* Translators: the project, the output file, then
                        * the other project exported there. */
                       _("%s: %s is already the export of %s"), project, output, other);
        }
      else
        g_hash_table_insert (outputs, item->output, item->project);
    }
}

GPtrArray *
ts_batch_plan (const char * const *inputs,
               const char         *output_dir,
               TsExportFormat      format)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) ts_batch_item_free);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (inputs != NULL, items);
  g_return_val_if_fail (output_dir != NULL, items);

  for (guint i = 0; inputs[i] != NULL; i++)
    {
      if (g_file_test (inputs[i], G_FILE_TEST_IS_DIR))
        walk_folder (inputs[i], found, items);
      else if (g_file_test (inputs[i], G_FILE_TEST_EXISTS))
        /* A file named on purpose is read whatever its name: the
         * content decides the format. */
        g_ptr_array_add (found, g_strdup (inputs[i]));
      else
        {
          TsBatchItem *item = ts_batch_item_new (inputs[i], NULL, NULL);
          g_autofree char *shown = ts_quoted_name_dup (inputs[i]);

          g_set_error (&item->error, TS_BATCH_ERROR, TS_BATCH_ERROR_NOT_FOUND,
                       _("%s: no such file or folder"), shown);
          g_ptr_array_add (items, item);
        }
    }

  for (guint i = 0; i < found->len; i++)
    {
      const char *project = g_ptr_array_index (found, i);
      g_autofree char *output = ts_batch_output_path (project, output_dir, format);

      g_ptr_array_add (items, ts_batch_item_new (project, output, NULL));
    }
  ts_batch_mark_same_outputs (items);

  return items;
}

static char *
export_project (const TsBatchItem     *item,
                const TsBatchOptions  *options,
                GError               **error)
{
  g_autofree char *shown = ts_quoted_name_dup (item->project);
  g_autoptr(TsProject) project = ts_project_load_path (item->project, shown, error);
  g_autoptr(TsTracklist) tracklist = NULL;

  if (project == NULL)
    return NULL;
  tracklist = ts_tracklist_new_for_project (project, item->project,
                                            ts_project_get_default_arrangement (project),
                                            options->mode);
  return ts_export (tracklist, options->format, &options->export_options);
}

/* Without --force an existing output is never touched: checked first, so
 * that a project is not even read for nothing. The check and the write
 * are not one step; a file created in between is replaced, which only a
 * second batch writing to the same folder at the same moment can cause. */
static gboolean
export_item (TsBatchItem          *item,
             const TsBatchOptions *options,
             GError              **error)
{
  g_autofree char *text = NULL;
  g_autofree char *project = ts_quoted_name_dup (item->project);
  g_autofree char *output = ts_quoted_name_dup (item->output);
  g_autoptr(GError) local_error = NULL;

  if (!options->force && g_file_test (item->output, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, TS_BATCH_ERROR, TS_BATCH_ERROR_EXISTS,
                   /* Translators: the project, then its output file. */
                   _("%s: %s exists already; it is kept"), project, output);
      return FALSE;
    }

  text = item->text != NULL ? g_strdup (item->text) : export_project (item, options, error);
  if (text == NULL)
    return FALSE;

  /* Written to a temporary file renamed over the output, as -o does. */
  if (!g_file_set_contents (item->output, text, -1, &local_error))
    {
      g_set_error (error, TS_BATCH_ERROR, TS_BATCH_ERROR_WRITE,
                   /* Translators: the project, the output file, then the
                    * system's reason. */
                   _("%s: cannot write %s (%s)"), project, output,
                   ts_write_error_describe (local_error));
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  const TsBatchOptions *options;
  GAsyncQueue          *done;
} RunData;

static void
run_item (gpointer data,
          gpointer user_data)
{
  TsBatchItem *item = data;
  RunData *run = user_data;

  export_item (item, run->options, &item->error);
  g_async_queue_push (run->done, item);
}

guint
ts_batch_run (GPtrArray            *items,
              const TsBatchOptions *options,
              TsBatchProgressFunc   progress,
              gpointer              user_data)
{
  g_autoptr(GAsyncQueue) done = g_async_queue_new ();
  RunData run = { options, done };
  GThreadPool *pool;
  guint n_done = 0;
  guint n_failed = 0;
  guint n_queued = 0;

  g_return_val_if_fail (items != NULL, 0);
  g_return_val_if_fail (options != NULL, 0);

  /* Not exclusive: the pool's threads end with the batch. */
  pool = g_thread_pool_new (run_item, &run, (int) g_get_num_processors (), FALSE, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      TsBatchItem *item = g_ptr_array_index (items, i);

      if (item->error != NULL)
        {
          n_failed++;
          if (progress != NULL)
            progress (item, ++n_done, items->len, user_data);
          continue;
        }
      g_thread_pool_push (pool, item, NULL);
      n_queued++;
    }

  /* Progress is reported from here, so that the caller never needs a
   * lock for what its callback touches. */
  for (guint i = 0; i < n_queued; i++)
    {
      TsBatchItem *item = g_async_queue_pop (done);

      n_failed += item->error != NULL;
      if (progress != NULL)
        progress (item, ++n_done, items->len, user_data);
    }

  g_thread_pool_free (pool, FALSE, TRUE);
  return n_failed;
}
