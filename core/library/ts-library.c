/* ts-library.c - every tracklist the user opened, one JSON file each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The contract (file format, revisions, tombstones, sync's slot) is at
 * the top of ts-library.h. The library holds no documents in memory: the
 * files are the truth, shared with timestamps-cli and with sync, and each
 * write checks the revision on disk so that none of them overwrites what
 * another saved in between.
 */
#define G_LOG_DOMAIN "ts-library"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

#include "ts-library.h"
#include "ts-project.h"

#define DOCUMENT_SUFFIX ".json"
#define BROKEN_SUFFIX   ".broken"

/* More damaged copies of one document than this and something else is
 * wrong; the file then stays where it is. */
#define MAX_BROKEN_COPIES 1000

#define HASH_CHUNK_SIZE (64 * 1024)

G_DEFINE_QUARK (ts-library-error-quark, ts_library_error)

struct _TsLibrary
{
  GObject       parent_instance;

  char         *directory;
  char         *sync_directory;
  GFileMonitor *monitor;
};

G_DEFINE_FINAL_TYPE (TsLibrary, ts_library, G_TYPE_OBJECT)

enum {
  DOCUMENT_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
ts_library_finalize (GObject *object)
{
  TsLibrary *self = (TsLibrary *)object;

  if (self->monitor != NULL)
    g_file_monitor_cancel (self->monitor);
  g_clear_object (&self->monitor);
  g_free (self->directory);
  g_free (self->sync_directory);

  G_OBJECT_CLASS (ts_library_parent_class)->finalize (object);
}

static void
ts_library_class_init (TsLibraryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ts_library_finalize;

  /**
   * TsLibrary::document-changed:
   * @id: the document that was written
   *
   * A document was saved, stored or deleted, through this object or,
   * after ts_library_watch(), by another program. It may come more than
   * once for one write.
   */
  signals[DOCUMENT_CHANGED] =
    g_signal_new ("document-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ts_library_init (TsLibrary *self)
{
}

/**
 * ts_library_new:
 * @directory: (nullable): where the documents are, or %NULL for
 *   g_get_user_data_dir()/timestamps/library
 *
 * Nothing is read or created until it is needed.
 */
TsLibrary *
ts_library_new (const char *directory)
{
  TsLibrary *self = g_object_new (TS_TYPE_LIBRARY, NULL);
  g_autofree char *parent = NULL;

  if (directory != NULL)
    self->directory = g_strdup (directory);
  else
    self->directory = g_build_filename (g_get_user_data_dir (), "timestamps", "library", NULL);

  parent = g_path_get_dirname (self->directory);
  self->sync_directory = g_build_filename (parent, "sync", NULL);

  return self;
}

const char *
ts_library_get_directory (TsLibrary *self)
{
  g_return_val_if_fail (TS_IS_LIBRARY (self), NULL);

  return self->directory;
}

/* Beside the library: .../timestamps/sync. Sync keeps what it needs there. */
const char *
ts_library_get_sync_directory (TsLibrary *self)
{
  g_return_val_if_fail (TS_IS_LIBRARY (self), NULL);

  return self->sync_directory;
}

/* Returns: (transfer full) (nullable): the id of a document file name */
static char *
id_from_file_name (const char *name)
{
  g_autofree char *id = NULL;
  g_autofree char *lower = NULL;

  if (!g_str_has_suffix (name, DOCUMENT_SUFFIX))
    return NULL;

  /* The library writes lower-case ids only; anything else is not ours. */
  id = g_strndup (name, strlen (name) - strlen (DOCUMENT_SUFFIX));
  lower = g_ascii_strdown (id, -1);
  if (!g_uuid_string_is_valid (id) || strcmp (id, lower) != 0)
    return NULL;
  return g_steal_pointer (&id);
}

static void
on_directory_changed (TsLibrary         *self,
                      GFile             *file,
                      GFile             *other_file,
                      GFileMonitorEvent  event,
                      GFileMonitor      *monitor)
{
  g_autofree char *name = NULL;
  g_autofree char *id = NULL;

  switch (event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      break;

    /* A rename into place, the atomic write's last step. */
    case G_FILE_MONITOR_EVENT_RENAMED:
      file = other_file != NULL ? other_file : file;
      break;

    case G_FILE_MONITOR_EVENT_CHANGED:
    case G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED:
    case G_FILE_MONITOR_EVENT_PRE_UNMOUNT:
    case G_FILE_MONITOR_EVENT_UNMOUNTED:
    case G_FILE_MONITOR_EVENT_MOVED:
      return;
    }

  name = g_file_get_basename (file);
  id = id_from_file_name (name);
  if (id != NULL)
    g_signal_emit (self, signals[DOCUMENT_CHANGED], 0, id);
}

/**
 * ts_library_watch:
 *
 * From now on, ::document-changed also tells of documents other programs
 * (timestamps-cli, another window) write.
 */
void
ts_library_watch (TsLibrary *self)
{
  g_autoptr(GFile) directory = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TS_IS_LIBRARY (self));

  if (self->monitor != NULL)
    return;

  /* A monitor of a folder that does not exist yet never fires. */
  if (g_mkdir_with_parents (self->directory, 0700) != 0)
    g_debug ("Cannot create %s: %s", self->directory, g_strerror (errno));

  directory = g_file_new_for_path (self->directory);
  self->monitor = g_file_monitor_directory (directory, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_directory_changed), self,
                             G_CONNECT_SWAPPED);
  else
    g_debug ("Not following %s: %s", self->directory, error->message);
}

static gboolean
check_id (const char  *id,
          GError     **error)
{
  if (id != NULL && g_uuid_string_is_valid (id))
    return TRUE;

  g_set_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_BAD_ID,
               _("“%s” is not the id of a library document; "
                 "“timestamps-cli library list” shows the ids"), id != NULL ? id : "");
  return FALSE;
}

static char *
document_path (const char *directory,
               const char *id)
{
  g_autofree char *lower = g_ascii_strdown (id, -1);
  g_autofree char *name = g_strconcat (lower, DOCUMENT_SUFFIX, NULL);

  return g_build_filename (directory, name, NULL);
}

static char *
base_directory (TsLibrary *self)
{
  return g_build_filename (self->sync_directory, "base", NULL);
}

/* Reads a whole file, but never one larger than a document may be. */
static gboolean
read_bounded (const char  *path,
              const char  *id,
              char       **contents,
              gsize       *length,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL,
                            &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_NOT_FOUND,
                     _("There is no tracklist %s in the library"), id);
      else
        g_set_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_DAMAGED,
                     /* Translators: the file, then why it cannot be read. */
                     _("%s cannot be read: %s"), path, local_error->message);
      return FALSE;
    }

  if ((guint64) g_file_info_get_size (info) > TS_LIBRARY_MAX_DOCUMENT_SIZE)
    {
      g_autofree char *limit = g_format_size (TS_LIBRARY_MAX_DOCUMENT_SIZE);

      g_set_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_TOO_LARGE,
                   _("%s is too large for a library document (more than %s)"), path, limit);
      return FALSE;
    }

  if (!g_file_get_contents (path, contents, length, &local_error))
    {
      g_set_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_DAMAGED,
                   _("%s cannot be read: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* Renames a damaged document to <id>.json.broken (or .broken.N when that
 * is taken), so that it is kept for the user and never written over, and
 * says so in @error's message. */
static void
move_aside (const char  *path,
            GError     **error)
{
  g_autofree char *broken = g_strconcat (path, BROKEN_SUFFIX, NULL);
  g_autofree char *message = NULL;

  for (guint n = 1; g_file_test (broken, G_FILE_TEST_EXISTS); n++)
    {
      g_free (broken);
      if (n > MAX_BROKEN_COPIES)
        return;
      broken = g_strdup_printf ("%s%s.%u", path, BROKEN_SUFFIX, n);
    }

  if (g_rename (path, broken) != 0)
    {
      g_message ("Cannot move %s aside: %s", path, g_strerror (errno));
      return;
    }

  message = g_strdup_printf (/* Translators: the error, then the file the
                              * document was renamed to. */
                             _("%s. It was kept as %s."), (*error)->message, broken);
  g_free ((*error)->message);
  (*error)->message = g_steal_pointer (&message);
}

/* Reads the document @id from @directory; damaged files are moved aside
 * when @move_damaged, future ones always stay. */
static TsLibraryDocument *
load_from (const char  *directory,
           const char  *id,
           gboolean     move_damaged,
           GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(TsLibraryDocument) document = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  if (!check_id (id, error))
    return NULL;

  path = document_path (directory, id);
  if (read_bounded (path, id, &contents, &length, &local_error))
    {
      document = ts_library_document_from_json (contents, length, path, &local_error);
      if (document != NULL && g_ascii_strcasecmp (document->id, id) != 0)
        {
          g_set_error (&local_error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_DAMAGED,
                       _("%s is a damaged library document: “%s” is missing or wrong"), path, "id");
          g_clear_pointer (&document, ts_library_document_free);
        }
    }

  if (document != NULL)
    return g_steal_pointer (&document);

  if (move_damaged &&
      (g_error_matches (local_error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_DAMAGED) ||
       g_error_matches (local_error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_TOO_LARGE)))
    move_aside (path, &local_error);

  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/**
 * ts_library_load:
 *
 * Returns: (transfer full) (nullable): the document @id, tombstones too;
 *   %NULL with %TS_LIBRARY_ERROR_NOT_FOUND, %TS_LIBRARY_ERROR_BAD_ID,
 *   %TS_LIBRARY_ERROR_DAMAGED or %TS_LIBRARY_ERROR_TOO_LARGE (the file
 *   was moved aside) or %TS_LIBRARY_ERROR_FUTURE_VERSION (it stays)
 */
TsLibraryDocument *
ts_library_load (TsLibrary   *self,
                 const char  *id,
                 GError     **error)
{
  g_return_val_if_fail (TS_IS_LIBRARY (self), NULL);

  return load_from (self->directory, id, TRUE, error);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const TsLibraryDocument *da = *(TsLibraryDocument * const *) a;
  const TsLibraryDocument *db = *(TsLibraryDocument * const *) b;

  if (da->modified != db->modified)
    return da->modified > db->modified ? -1 : 1;
  return g_strcmp0 (da->id, db->id);
}

/**
 * ts_library_list:
 * @problems: (out) (optional) (transfer full) (element-type GError): the
 *   documents that could not be read, as errors to show the user
 *
 * Returns: (transfer full) (element-type TsLibraryDocument) (nullable):
 *   every document, tombstones included, the last modified first; empty
 *   when the library does not exist yet. %NULL only when the folder
 *   cannot be read.
 */
GPtrArray *
ts_library_list (TsLibrary  *self,
                 GPtrArray **problems,
                 GError    **error)
{
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func ((GDestroyNotify)ts_library_document_free);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify)g_error_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  g_return_val_if_fail (TS_IS_LIBRARY (self), NULL);

  dir = g_dir_open (self->directory, 0, &local_error);
  if (dir == NULL && g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    {
      if (problems != NULL)
        *problems = g_steal_pointer (&found);
      return g_steal_pointer (&documents);
    }
  if (dir == NULL)
    {
      g_set_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_DAMAGED,
                   _("The library %s cannot be read: %s"), self->directory, local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *id = id_from_file_name (name);
      TsLibraryDocument *document;
      GError *document_error = NULL;

      if (id == NULL)
        continue;
      document = load_from (self->directory, id, TRUE, &document_error);
      if (document != NULL)
        g_ptr_array_add (documents, document);
      else
        g_ptr_array_add (found, document_error);
    }

  g_ptr_array_sort (documents, compare_newest_first);
  if (problems != NULL)
    *problems = g_steal_pointer (&found);
  return g_steal_pointer (&documents);
}

/* The revision of @id on disk, 0 when there is none. A damaged file is
 * moved aside and counts as none; a future one stops every write. */
static gboolean
get_disk_revision (TsLibrary   *self,
                   const char  *id,
                   guint64     *revision,
                   GError     **error)
{
  g_autoptr(TsLibraryDocument) on_disk = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = document_path (self->directory, id);

  *revision = 0;
  on_disk = load_from (self->directory, id, TRUE, &local_error);
  if (on_disk != NULL)
    {
      *revision = on_disk->revision;
      return TRUE;
    }

  if (g_error_matches (local_error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_NOT_FOUND))
    return TRUE;
  /* Moved aside, it is safe from this write; one that could not be moved
   * must not be written over. */
  if ((g_error_matches (local_error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_DAMAGED) ||
       g_error_matches (local_error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_TOO_LARGE)) &&
      !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_message ("%s", local_error->message);
      return TRUE;
    }

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* Temporary file, fsync, rename: a crash leaves the old or the new file. */
static gboolean
write_atomically (const char               *directory,
                  const TsLibraryDocument  *document,
                  char                    **hash,
                  GError                  **error)
{
  g_autofree char *path = document_path (directory, document->id);
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;

  if (g_mkdir_with_parents (directory, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_WRITE,
                   /* Translators: the folder, then why it cannot be made. */
                   _("The library folder %s cannot be created: %s"), directory,
                   g_strerror (saved_errno));
      return FALSE;
    }

  text = ts_library_document_to_json (document);
  if (!g_file_set_contents_full (path, text, -1,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &local_error))
    {
      g_set_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_WRITE,
                   /* Translators: the file, then why it cannot be written. */
                   _("The tracklist cannot be saved to %s: %s"), path, local_error->message);
      return FALSE;
    }

  if (hash != NULL)
    *hash = ts_library_document_compute_hash (document);
  return TRUE;
}

static gboolean
check_revision (TsLibrary   *self,
                const char  *id,
                guint64      expected,
                GError     **error)
{
  guint64 on_disk;

  if (!get_disk_revision (self, id, &on_disk, error))
    return FALSE;
  if (on_disk == expected)
    return TRUE;

  g_debug ("%s: revision %" G_GUINT64_FORMAT " on disk, %" G_GUINT64_FORMAT " expected",
           id, on_disk, expected);
  g_set_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_CHANGED,
               _("The tracklist %s was changed elsewhere meanwhile; nothing was written. "
                 "Read it again and repeat the change."), id);
  return FALSE;
}

/**
 * ts_library_store:
 * @document: written as it is: revision and times kept, hash recomputed
 *   (and set in @document)
 * @expected_revision: the revision the file on disk must have, 0 for none
 *
 * For sync, which writes documents from the server or merged ones.
 *
 * Returns: whether it was written; %TS_LIBRARY_ERROR_CHANGED when the
 *   file's revision is not @expected_revision
 */
gboolean
ts_library_store (TsLibrary          *self,
                  TsLibraryDocument  *document,
                  guint64             expected_revision,
                  GError            **error)
{
  char *hash = NULL;

  g_return_val_if_fail (TS_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (document != NULL, FALSE);

  if (!check_id (document->id, error) ||
      !check_revision (self, document->id, expected_revision, error) ||
      !write_atomically (self->directory, document, &hash, error))
    return FALSE;

  g_free (document->hash);
  document->hash = hash;
  g_signal_emit (self, signals[DOCUMENT_CHANGED], 0, document->id);
  return TRUE;
}

/**
 * ts_library_save:
 * @document: a document as loaded (or new), with the user's change
 *
 * Writes @document as its next revision, modified now. On success
 * @document has the new revision, time and hash; on failure it is
 * unchanged.
 *
 * Returns: whether it was written; %TS_LIBRARY_ERROR_CHANGED when the
 *   file on disk is no longer the revision @document was read as
 */
gboolean
ts_library_save (TsLibrary          *self,
                 TsLibraryDocument  *document,
                 GError            **error)
{
  guint64 revision;
  gint64 modified;

  g_return_val_if_fail (TS_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (document != NULL, FALSE);

  revision = document->revision;
  modified = document->modified;
  document->revision++;
  document->modified = g_get_real_time () / G_USEC_PER_SEC;

  if (!ts_library_store (self, document, revision, error))
    {
      document->revision = revision;
      document->modified = modified;
      return FALSE;
    }
  return TRUE;
}

/**
 * ts_library_delete:
 *
 * Makes @document a tombstone and saves it; setting @document->deleted
 * back and saving again undoes it.
 */
gboolean
ts_library_delete (TsLibrary          *self,
                   TsLibraryDocument  *document,
                   GError            **error)
{
  gboolean deleted;

  g_return_val_if_fail (TS_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (document != NULL, FALSE);

  deleted = document->deleted;
  document->deleted = TRUE;
  if (!ts_library_save (self, document, error))
    {
      document->deleted = deleted;
      return FALSE;
    }
  return TRUE;
}

/**
 * ts_library_remove_tombstone:
 * @revision: the tombstone's revision, as sync last saw it
 *
 * For sync, once every computer has had a tombstone long enough: removes
 * the file. Anything but that very tombstone on disk (undeleted, edited,
 * or changed by sync meanwhile) is left alone.
 *
 * Returns: whether it is gone; %TS_LIBRARY_ERROR_CHANGED when the file is
 *   no longer that tombstone
 */
gboolean
ts_library_remove_tombstone (TsLibrary   *self,
                             const char  *id,
                             guint64      revision,
                             GError     **error)
{
  g_autoptr(TsLibraryDocument) document = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (TS_IS_LIBRARY (self), FALSE);

  document = ts_library_load (self, id, error);
  if (document == NULL)
    return FALSE;
  if (!document->deleted || document->revision != revision)
    {
      g_set_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_CHANGED,
                   _("The tracklist %s was changed elsewhere meanwhile; nothing was written. "
                     "Read it again and repeat the change."), id);
      return FALSE;
    }
  path = document_path (self->directory, id);
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_WRITE,
                   _("%s cannot be removed: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  g_signal_emit (self, signals[DOCUMENT_CHANGED], 0, id);
  return TRUE;
}

/**
 * ts_library_find_source:
 * @source_hash: (nullable): ts_library_hash_file() of the project
 * @source_path: (nullable): its absolute path
 *
 * The same project is the same bytes, or, once saved again, the same
 * file. Tombstones do not count: a deleted tracklist opened again starts
 * anew.
 *
 * Returns: (transfer full) (nullable): the document of that project, or
 *   %NULL without an error when there is none
 */
TsLibraryDocument *
ts_library_find_source (TsLibrary   *self,
                        const char  *source_hash,
                        const char  *source_path,
                        GError     **error)
{
  g_autoptr(GPtrArray) documents = NULL;
  TsLibraryDocument *by_path = NULL;

  g_return_val_if_fail (TS_IS_LIBRARY (self), NULL);

  documents = ts_library_list (self, NULL, error);
  if (documents == NULL)
    return NULL;

  for (guint i = 0; i < documents->len; i++)
    {
      TsLibraryDocument *document = g_ptr_array_index (documents, i);

      if (document->deleted)
        continue;
      if (source_hash != NULL && g_strcmp0 (document->source_hash, source_hash) == 0)
        return g_ptr_array_steal_index (documents, i);
      if (by_path == NULL && source_path != NULL &&
          g_strcmp0 (document->source_path, source_path) == 0)
        by_path = document;
    }

  return by_path != NULL ? ts_library_document_copy (by_path) : NULL;
}

/**
 * ts_library_hash_file:
 *
 * Returns: (transfer full) (nullable): lower-case hex SHA-256 of the
 *   file's bytes, read in pieces
 */
char *
ts_library_hash_file (GFile         *file,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = g_malloc (HASH_CHUNK_SIZE);
  gssize n_read;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  while ((n_read = g_input_stream_read (G_INPUT_STREAM (stream), buffer, HASH_CHUNK_SIZE,
                                        cancellable, error)) > 0)
    g_checksum_update (checksum, buffer, n_read);
  if (n_read < 0)
    return NULL;

  return g_strdup (g_checksum_get_string (checksum));
}

static char *
get_display_name (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info != NULL)
    return g_strdup (g_file_info_get_display_name (info));
  return g_file_get_basename (file);
}

/**
 * ts_library_add_file:
 *
 * Reads the project @file and records it: in the document of the same
 * project if there is one (its edits kept where the markers still are,
 * its mode and arrangement used), else in a new one. A document whose
 * project did not change is not written again.
 *
 * Returns: (transfer full) (nullable): the document as saved
 */
TsLibraryDocument *
ts_library_add_file (TsLibrary     *self,
                     GFile         *file,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(TsLibraryDocument) document = NULL;
  g_autoptr(TsProject) project = NULL;
  g_autoptr(TsTracklist) tracklist = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) local_error = NULL;
  TsTempoMode mode = TS_TEMPO_MODE_DAW;
  guint arrangement;

  g_return_val_if_fail (TS_IS_LIBRARY (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = get_display_name (file);
  project = ts_project_load_file_named (file, name, cancellable, error);
  if (project == NULL)
    return NULL;
  hash = ts_library_hash_file (file, cancellable, error);
  if (hash == NULL)
    return NULL;
  path = g_file_get_path (file);

  document = ts_library_find_source (self, hash, path, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  arrangement = ts_project_get_default_arrangement (project);
  if (document != NULL)
    {
      mode = document->tracklist->mode;
      if (document->tracklist->arrangement >= 0 &&
          (guint) document->tracklist->arrangement < ts_project_get_n_arrangements (project))
        arrangement = document->tracklist->arrangement;
    }
  tracklist = ts_tracklist_new_for_project (project, name, arrangement, mode);

  if (document == NULL)
    document = ts_library_document_new (tracklist);
  else
    before = ts_library_document_compute_hash (document);

  ts_library_document_set_source (document, tracklist, path, hash);
  after = ts_library_document_compute_hash (document);
  if (g_strcmp0 (before, after) != 0 && !ts_library_save (self, document, error))
    return NULL;

  return g_steal_pointer (&document);
}

/**
 * ts_library_load_base:
 *
 * Returns: (transfer full) (nullable): the last synced version of @id,
 *   or %NULL with %TS_LIBRARY_ERROR_NOT_FOUND when it was never synced
 */
TsLibraryDocument *
ts_library_load_base (TsLibrary   *self,
                      const char  *id,
                      GError     **error)
{
  g_autofree char *directory = NULL;

  g_return_val_if_fail (TS_IS_LIBRARY (self), NULL);

  directory = base_directory (self);
  return load_from (directory, id, FALSE, error);
}

/* Written as it is, revision and times kept. */
gboolean
ts_library_save_base (TsLibrary               *self,
                      const TsLibraryDocument *document,
                      GError                 **error)
{
  g_autofree char *directory = NULL;

  g_return_val_if_fail (TS_IS_LIBRARY (self), FALSE);
  g_return_val_if_fail (document != NULL, FALSE);

  directory = base_directory (self);
  return check_id (document->id, error) &&
         write_atomically (directory, document, NULL, error);
}

/* Forgetting a base that is not there is no error. */
gboolean
ts_library_delete_base (TsLibrary   *self,
                        const char  *id,
                        GError     **error)
{
  g_autofree char *directory = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (TS_IS_LIBRARY (self), FALSE);

  if (!check_id (id, error))
    return FALSE;

  directory = base_directory (self);
  path = document_path (directory, id);
  if (g_unlink (path) != 0 && errno != ENOENT)
    {
      int saved_errno = errno;

      g_set_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_WRITE,
                   _("%s cannot be removed: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}
