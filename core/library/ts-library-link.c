/* ts-library-link.c - keeps an open project's library document up to date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every read of the project records it in the library; the first one
 * finds the project's document, if it has one, and gives the open
 * project the edits and choices stored there, so that a project opened
 * again looks as the user left it. From then on every edit and choice is
 * saved as it is made.
 *
 * The project file is hashed in a worker (a set can be a gigabyte); the
 * library's small files are read and written on the main thread, where
 * its ::document-changed is emitted.
 */
#define G_LOG_DOMAIN "ts-library"

#include "config.h"

#include "ts-library-link.h"

struct _TsLibraryLink
{
  GObject            parent_instance;

  TsLibrary         *library;
  TsDocument        *document;
  GCancellable      *cancellable;
  TsLibraryDocument *stored;      /* NULL until the first read is recorded */
  GError            *error;
  /* The library's document was deleted while the project was open: the
   * deletion stands, nothing more is saved. */
  gboolean           deleted;
  /* Giving the project its stored state: what it says meanwhile is only
   * half of it, not worth a save. */
  gboolean           restoring;
};

G_DEFINE_FINAL_TYPE (TsLibraryLink, ts_library_link, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  GFile     *file;
  TsLibrary *library;
  gboolean   find;
} HashJob;

typedef struct {
  char              *hash;
  TsLibraryDocument *found;
} HashResult;

static void
hash_job_free (gpointer data)
{
  HashJob *job = data;

  g_clear_object (&job->file);
  g_clear_object (&job->library);
  g_free (job);
}

static void
hash_result_free (gpointer data)
{
  HashResult *result = data;

  g_free (result->hash);
  g_clear_pointer (&result->found, ts_library_document_free);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HashResult, hash_result_free)

/* Finding reads files only; nothing is emitted from this thread. */
static void
hash_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  HashJob *job = task_data;
  g_autoptr(HashResult) result = g_new0 (HashResult, 1);
  g_autofree char *path = g_file_get_path (job->file);
  GError *error = NULL;

  result->hash = ts_library_hash_file (job->file, cancellable, &error);
  if (result->hash == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (job->find)
    {
      result->found = ts_library_find_source (job->library, result->hash, path, &error);
      if (error != NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }
  g_task_return_pointer (task, g_steal_pointer (&result), hash_result_free);
}

static void
set_error (TsLibraryLink *self,
           GError        *error)
{
  if (error == NULL && self->error == NULL)
    return;
  g_clear_error (&self->error);
  self->error = error;
  if (error != NULL)
    g_debug ("Not in the library: %s", error->message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

/* What the open project says now goes into @stored. */
static void
copy_state (TsLibraryLink     *self,
            TsLibraryDocument *stored)
{
  g_clear_pointer (&stored->edits, ts_edits_free);
  stored->edits = ts_edits_copy (ts_document_get_edits (self->document));
  g_free (stored->template_);
  stored->template_ = g_strdup (ts_document_get_template (self->document));
  ts_document_get_time_format (self->document, &stored->time_format);
  stored->tracklist->mode = ts_document_get_mode (self->document);
}

/* The stored choices go to the open project, once, when it is found. */
static void
restore_state (TsLibraryLink           *self,
               const TsLibraryDocument *stored)
{
  g_autoptr(TsEdits) edits = ts_edits_copy (stored->edits);

  self->restoring = TRUE;
  ts_document_set_template (self->document, stored->template_);
  ts_document_set_time_format (self->document, &stored->time_format);
  ts_document_set_edits (self->document, edits);
  /* Computes the tracklist again, which is recorded in its turn. */
  ts_document_set_mode (self->document, stored->tracklist->mode);
  self->restoring = FALSE;
}

/* Another program (timestamps-cli, the Library view) may have saved in
 * between: read its revision and save over it, once. */
static void
save (TsLibraryLink *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  if (self->stored == NULL || self->deleted || self->restoring)
    return;

  before = g_strdup (self->stored->hash);
  copy_state (self, self->stored);
  after = ts_library_document_compute_hash (self->stored);
  if (self->stored->revision > 0 && g_strcmp0 (before, after) == 0)
    return;

  if (!ts_library_save (self->library, self->stored, &error) &&
      g_error_matches (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_CHANGED))
    {
      g_autoptr(TsLibraryDocument) current = NULL;

      g_clear_error (&error);
      current = ts_library_load (self->library, self->stored->id, &error);
      if (current != NULL && current->deleted)
        {
          self->deleted = TRUE;
          return;
        }
      if (current != NULL)
        {
          ts_library_document_set_source (current, self->stored->tracklist,
                                          self->stored->source_path, self->stored->source_hash);
          copy_state (self, current);
          g_clear_pointer (&self->stored, ts_library_document_free);
          self->stored = g_steal_pointer (&current);
          ts_library_save (self->library, self->stored, &error);
        }
    }
  set_error (self, g_steal_pointer (&error));
}

static void
hash_cb (GObject      *object,
         GAsyncResult *res,
         gpointer      user_data)
{
  g_autoptr(TsLibraryLink) self = user_data;
  g_autoptr(HashResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const TsTracklist *tracklist;
  gboolean first;

  result = g_task_propagate_pointer (G_TASK (res), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (result == NULL)
    {
      set_error (self, g_steal_pointer (&error));
      return;
    }

  tracklist = ts_document_get_tracklist (self->document);
  if (tracklist == NULL)
    return;

  first = self->stored == NULL;
  if (first && result->found != NULL)
    {
      self->stored = g_steal_pointer (&result->found);
      restore_state (self, self->stored);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
      /* In another mode the tracklist is computed again and recorded
       * once it is there. */
      if (ts_document_get_loading (self->document))
        return;
      tracklist = ts_document_get_tracklist (self->document);
    }
  else if (first)
    {
      self->stored = ts_library_document_new (tracklist);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }

  path = g_file_get_path (ts_document_get_file (self->document));
  ts_library_document_set_source (self->stored, tracklist, path, result->hash);
  save (self);
}

static void
on_changed (TsLibraryLink *self)
{
  g_autoptr(GTask) task = NULL;
  HashJob *job;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  job = g_new0 (HashJob, 1);
  job->file = g_object_ref (ts_document_get_file (self->document));
  job->library = g_object_ref (self->library);
  job->find = self->stored == NULL;

  task = g_task_new (NULL, self->cancellable, hash_cb, g_object_ref (self));
  g_task_set_source_tag (task, on_changed);
  g_task_set_task_data (task, job, hash_job_free);
  g_task_run_in_thread (task, hash_worker);
}

static void
ts_library_link_dispose (GObject *object)
{
  TsLibraryLink *self = (TsLibraryLink *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (ts_library_link_parent_class)->dispose (object);
}

static void
ts_library_link_finalize (GObject *object)
{
  TsLibraryLink *self = (TsLibraryLink *)object;

  g_clear_object (&self->cancellable);
  g_clear_object (&self->library);
  g_clear_pointer (&self->stored, ts_library_document_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (ts_library_link_parent_class)->finalize (object);
}

static void
ts_library_link_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TsLibraryLink *self = TS_LIBRARY_LINK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, ts_library_link_get_id (self));
      break;

    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_library_link_class_init (TsLibraryLinkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ts_library_link_dispose;
  object_class->finalize = ts_library_link_finalize;
  object_class->get_property = ts_library_link_get_property;

  /* The library document's id, once the first read was recorded. */
  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Why the last save failed; the project stays open regardless. */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL,
                        G_TYPE_ERROR,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ts_library_link_init (TsLibraryLink *self)
{
}

/**
 * ts_library_link_new:
 *
 * Records @document in @library from its next read on (a read already
 * done is recorded at once), and saves its edits and choices as they
 * change.
 */
TsLibraryLink *
ts_library_link_new (TsLibrary  *library,
                     TsDocument *document)
{
  TsLibraryLink *self;

  g_return_val_if_fail (TS_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (TS_IS_DOCUMENT (document), NULL);

  self = g_object_new (TS_TYPE_LIBRARY_LINK, NULL);
  self->library = g_object_ref (library);
  self->document = g_object_ref (document);

  g_signal_connect_swapped (document, "changed", G_CALLBACK (on_changed), self);
  g_signal_connect_swapped (document, "edited", G_CALLBACK (save), self);
  g_signal_connect_swapped (document, "notify::template", G_CALLBACK (save), self);
  g_signal_connect_swapped (document, "notify::hours", G_CALLBACK (save), self);
  g_signal_connect_swapped (document, "notify::milliseconds", G_CALLBACK (save), self);
  g_signal_connect_swapped (document, "notify::rounding", G_CALLBACK (save), self);

  if (ts_document_get_tracklist (document) != NULL)
    on_changed (self);

  return self;
}

/* Returns: (nullable): the library document's id, %NULL before the
 * first read was recorded */
const char *
ts_library_link_get_id (TsLibraryLink *self)
{
  g_return_val_if_fail (TS_IS_LIBRARY_LINK (self), NULL);

  return self->stored != NULL ? self->stored->id : NULL;
}

const GError *
ts_library_link_get_error (TsLibraryLink *self)
{
  g_return_val_if_fail (TS_IS_LIBRARY_LINK (self), NULL);

  return self->error;
}
