/* ts-sync-engine.c - one sync of the library with a WebDAV folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each document is a file <id>.json in the folder, tombstones included.
 * Per document, three versions decide: local (the library), base (the
 * last version both had, kept by the library for sync) and remote (the
 * server's, fetched only when its ETag is not the base's).
 *
 *   remote is base, local is base          nothing to do
 *   remote is base, local changed          PUT If-Match: base's ETag
 *   remote changed, local is base          store remote here
 *   both changed                           merge, store, PUT If-Match
 *   not on the server                      PUT If-None-Match: *
 *
 * The journal of what is pending is the library itself: a document whose
 * hash is not its base's has changes not yet on the server, and that
 * survives any restart. Every write is conditional, so a request retried
 * after it landed (the answer lost) meets a 412, fetches the server's
 * copy, finds it equal and records it: nothing twice, nothing lost. After
 * each PUT the document is read back and its hash compared, which catches
 * a server that ignored the precondition. A document missing from a
 * listing is uploaded again, never deleted here: a listing only ever adds
 * or updates, so an empty or broken server cannot empty a library.
 *
 * Tombstones go once every computer had time to learn of the deletion:
 * a tombstone synced TS_SYNC_TOMBSTONE_LIFETIME ago whose server copy is
 * still the one synced is DELETEd (If-Match) there, then removed here;
 * a synced tombstone missing from the listing was removed so by another
 * computer, and is removed here rather than uploaded again. Only ever a
 * tombstone equal to its base: a deletion not yet synced, or one edited
 * elsewhere, goes the usual way.
 */

#define G_LOG_DOMAIN "ts-sync"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ts-sync-engine.h"
#include "ts-sync-merge.h"
#include "ts-sync-state.h"

/* Tries per request and per document; the waits double from 100 ms, so
 * the last try comes about 3 s after the first: past Apache's one second
 * of weak ETags after a write, and past a short network hiccup. */
#define MAX_ATTEMPTS     6
#define FIRST_BACKOFF_MS 100
/* Conflicted copies made in one pass are uploaded in the next. */
#define MAX_PASSES       3

#define DOCUMENT_SUFFIX ".json"
#define ID_LENGTH       36

typedef struct {
  TsLibrary      *library;
  TsWebdavClient *client;
  TsSyncState    *state;
  TsSyncReport   *report;
  GCancellable   *cancellable;
  gint64          now;  /* Unix seconds, when the sync started */
  gboolean        copies_made;
} Run;

static void
action_free (TsSyncAction *action)
{
  g_free (action->id);
  g_free (action->other_id);
  g_free (action);
}

TsSyncReport *
ts_sync_report_new (void)
{
  TsSyncReport *self = g_new0 (TsSyncReport, 1);

  self->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) action_free);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) g_error_free);
  return self;
}

void
ts_sync_report_free (TsSyncReport *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->actions);
  g_ptr_array_unref (self->problems);
  g_free (self);
}

guint
ts_sync_report_count (const TsSyncReport *self,
                      TsSyncActionKind    kind)
{
  guint count = 0;

  for (guint i = 0; i < self->actions->len; i++)
    count += ((TsSyncAction *) g_ptr_array_index (self->actions, i))->kind == kind;
  return count;
}

const char *
ts_sync_action_kind_to_string (TsSyncActionKind kind)
{
  switch (kind)
    {
    case TS_SYNC_ACTION_UPLOADED:
      return "uploaded";
    case TS_SYNC_ACTION_DOWNLOADED:
      return "downloaded";
    case TS_SYNC_ACTION_MERGED:
      return "merged";
    case TS_SYNC_ACTION_CONFLICTED_COPY:
      return "conflicted-copy";
    case TS_SYNC_ACTION_PURGED:
      return "purged";
    }
  g_return_val_if_reached (NULL);
}

static void
add_action (Run              *run,
            TsSyncActionKind  kind,
            const char       *id,
            const char       *other_id)
{
  TsSyncAction *action = g_new0 (TsSyncAction, 1);

  action->kind = kind;
  action->id = g_strdup (id);
  action->other_id = g_strdup (other_id);
  g_ptr_array_add (run->report->actions, action);
}

/* Also kept in the state until the document syncs, so that the Library
 * can say which tracklist it was. id is NULL for a file that is no
 * document. */
static void
add_problem (Run        *run,
             const char *id,
             GError     *error)
{
  if (id != NULL)
    ts_sync_state_set_problem (run->state, id, error->message);
  g_ptr_array_add (run->report->problems, error);
}

/* Waits before the next try of something that failed with error; FALSE
 * when it should not be tried again (cancelled, not retryable, or tried
 * enough), error left set. */
static gboolean
back_off (Run     *run,
          guint    attempt,
          GError  *error)
{
  if (attempt + 1 >= MAX_ATTEMPTS || g_cancellable_is_cancelled (run->cancellable))
    return FALSE;
  if (error != NULL && !ts_webdav_error_is_retryable (error))
    return FALSE;
  g_usleep ((gulong) FIRST_BACKOFF_MS * 1000 << attempt);
  run->report->retries++;
  return TRUE;
}

static char *
name_of (const char *id)
{
  return g_strconcat (id, DOCUMENT_SUFFIX, NULL);
}

/* The document id of a folder member, or NULL for anything else. */
static char *
id_of (const TsWebdavEntry *entry)
{
  gsize length = strlen (entry->name);

  if (entry->is_collection || length != ID_LENGTH + strlen (DOCUMENT_SUFFIX)
      || !g_str_has_suffix (entry->name, DOCUMENT_SUFFIX))
    return NULL;
  return g_strndup (entry->name, ID_LENGTH);
}

static GPtrArray *
list_with_retries (Run     *run,
                   GError **error)
{
  for (guint attempt = 0;; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      GPtrArray *entries = ts_webdav_client_list (run->client, run->cancellable, &local_error);

      if (entries != NULL)
        return entries;
      if (!back_off (run, attempt, local_error))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
}

/* The server's copy: NULL with *missing when there is none, NULL with
 * error when it cannot be had or read. */
static TsLibraryDocument *
fetch (Run         *run,
       const char  *id,
       char       **etag,
       gboolean    *missing,
       GError     **error)
{
  g_autofree char *name = name_of (id);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(TsLibraryDocument) remote = NULL;
  gsize size;
  const char *data;

  *missing = FALSE;
  body = ts_webdav_client_get (run->client, name, etag, run->cancellable, error);
  if (body == NULL)
    {
      if (error != NULL && g_error_matches (*error, TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_NOT_FOUND))
        {
          g_clear_error (error);
          *missing = TRUE;
        }
      return NULL;
    }
  data = g_bytes_get_data (body, &size);
  remote = ts_library_document_from_json (data != NULL ? data : "", size, name, error);
  if (remote == NULL)
    return NULL;
  if (g_strcmp0 (remote->id, id) != 0)
    {
      g_set_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_DAMAGED,
                   /* Translators: a file name on the sync server. */
                   _("%s on the sync server is another tracklist under a wrong name; it is left alone"),
                   name);
      return NULL;
    }
  return g_steal_pointer (&remote);
}

static gboolean
same_hash (const TsLibraryDocument *a,
           const TsLibraryDocument *b)
{
  g_autofree char *hash_a = NULL;
  g_autofree char *hash_b = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  hash_a = ts_library_document_compute_hash (a);
  hash_b = ts_library_document_compute_hash (b);
  return g_strcmp0 (hash_a, hash_b) == 0;
}

/* Records remote as what both sides now have. */
static gboolean
record_synced (Run                     *run,
               const TsLibraryDocument *synced,
               const char              *etag,
               GError                 **error)
{
  if (!ts_library_save_base (run->library, synced, error))
    return FALSE;
  ts_sync_state_set_etag (run->state, synced->id, etag);
  if (!synced->deleted)
    ts_sync_state_set_tombstone_since (run->state, synced->id, 0);
  else if (ts_sync_state_get_tombstone_since (run->state, synced->id) == 0)
    ts_sync_state_set_tombstone_since (run->state, synced->id, run->now);
  return ts_sync_state_save (run->state, error);
}

/* PUT, then read back. TRUE with *landed when the server now has exactly
 * document; TRUE without when it has something else (a conflict, or a
 * server that ignored the precondition): the caller looks again. */
static gboolean
upload (Run                     *run,
        const TsLibraryDocument *document,
        const char              *if_match,
        gboolean                *landed,
        GError                 **error)
{
  g_autofree char *name = name_of (document->id);
  g_autofree char *json = ts_library_document_to_json (document);
  g_autoptr(GBytes) body = g_bytes_new_take (g_steal_pointer (&json), strlen (json));
  g_autoptr(TsLibraryDocument) back = NULL;
  g_autofree char *etag = NULL;
  gboolean missing;

  *landed = FALSE;
  if (!ts_webdav_client_put (run->client, name, body, if_match, run->cancellable, error))
    return FALSE;
  back = fetch (run, document->id, &etag, &missing, error);
  if (back == NULL && !missing)
    return FALSE;
  if (!same_hash (back, document))
    {
      g_debug ("%s: read back another version than written", name);
      return TRUE;
    }
  *landed = TRUE;
  return record_synced (run, document, etag, error);
}

static TsLibraryDocument *
load_or_null (TsLibraryDocument *(*load) (TsLibrary *, const char *, GError **),
              Run         *run,
              const char  *id,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  TsLibraryDocument *document = load (run->library, id, &local_error);

  if (document == NULL && !g_error_matches (local_error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_NOT_FOUND))
    g_propagate_error (error, g_steal_pointer (&local_error));
  return document;
}

/* Keeps local as a document of its own beside the merge. */
static gboolean
keep_conflicted_copy (Run                     *run,
                      const TsLibraryDocument *local,
                      GError                 **error)
{
  g_autoptr(TsLibraryDocument) copy = ts_library_document_copy (local);
  g_autofree char *file = g_strdup (copy->tracklist->file != NULL ? copy->tracklist->file : "");

  g_free (copy->id);
  copy->id = g_uuid_string_random ();
  copy->revision = 0;
  g_clear_pointer (&copy->hash, g_free);
  g_free (copy->tracklist->file);
  /* Translators: the project's file name; what the Library shows for the
   * version of this computer kept beside another computer's. */
  copy->tracklist->file = g_strdup_printf (_("%s (conflicted copy)"), file);
  if (!ts_library_save (run->library, copy, error))
    return FALSE;
  add_action (run, TS_SYNC_ACTION_CONFLICTED_COPY, copy->id, local->id);
  ts_sync_state_set_copy_of (run->state, copy->id, local->id);
  run->copies_made = TRUE;
  return TRUE;
}

/* What one look at a document led to. */
typedef enum {
  STEP_DONE,    /* synced, or left alone with a problem reported */
  STEP_AGAIN,   /* the server's copy changed meanwhile: look again */
  STEP_FAILED,  /* error set */
} Step;

/* What sync knows of the server's copy of a document. */
typedef struct {
  gboolean  listed;
  char     *etag;  /* NULL: unknown, fetch it */
} Remote;

/* Uploads document; AGAIN when the server now holds another version. */
static Step
upload_step (Run                     *run,
             const TsLibraryDocument *document,
             const char              *if_match,
             TsSyncActionKind         kind,
             Remote                  *known,
             GError                 **error)
{
  gboolean landed;

  if (!upload (run, document, if_match, &landed, error))
    return STEP_FAILED;
  if (!landed)
    {
      known->listed = TRUE;
      g_clear_pointer (&known->etag, g_free);
      return STEP_AGAIN;
    }
  add_action (run, kind, document->id, NULL);
  return STEP_DONE;
}

/* The server's copy, or base when the server's ETag says it is base. */
static TsLibraryDocument *
remote_version (Run                      *run,
                const char               *id,
                const TsLibraryDocument  *base,
                const Remote             *known,
                char                    **remote_etag,
                gboolean                 *missing,
                GError                  **error)
{
  const char *stored_etag = ts_sync_state_get_etag (run->state, id);

  *missing = FALSE;
  if (base != NULL && known->etag != NULL && g_strcmp0 (known->etag, stored_etag) == 0)
    {
      *remote_etag = g_strdup (stored_etag);
      return ts_library_document_copy (base);
    }
  return fetch (run, id, remote_etag, missing, error);
}

/* A tombstone that has nothing more to tell anyone: its file, its base
 * and what the state knew of it go. */
static gboolean
forget_tombstone (Run                     *run,
                  const TsLibraryDocument *tombstone,
                  GError                 **error)
{
  if (!ts_library_remove_tombstone (run->library, tombstone->id, tombstone->revision, error)
      || !ts_library_delete_base (run->library, tombstone->id, error))
    return FALSE;
  ts_sync_state_forget (run->state, tombstone->id);
  add_action (run, TS_SYNC_ACTION_PURGED, tombstone->id, NULL);
  return ts_sync_state_save (run->state, error);
}

/* Whether local is a tombstone the server has exactly as synced, and has
 * had long enough. A tombstone synced by an older Timestamps has no time
 * yet: its age counts from now. */
static gboolean
is_expired_tombstone (Run                     *run,
                      const TsLibraryDocument *local,
                      const TsLibraryDocument *base,
                      const Remote            *known)
{
  gint64 since;

  if (local == NULL || !local->deleted || !same_hash (local, base))
    return FALSE;
  since = ts_sync_state_get_tombstone_since (run->state, local->id);
  if (since == 0)
    {
      ts_sync_state_set_tombstone_since (run->state, local->id, run->now);
      return FALSE;
    }
  return known->listed && known->etag != NULL
         && g_strcmp0 (known->etag, ts_sync_state_get_etag (run->state, local->id)) == 0
         && run->now - since >= TS_SYNC_TOMBSTONE_LIFETIME;
}

/* DELETE If-Match the synced ETag, then forget it here; a 412 (someone
 * wrote it meanwhile) fails with TS_WEBDAV_ERROR_CONFLICT, and the
 * caller looks again. */
static Step
purge_step (Run                     *run,
            const TsLibraryDocument *tombstone,
            const char              *etag,
            GError                 **error)
{
  g_autofree char *name = name_of (tombstone->id);
  g_autoptr(GError) local_error = NULL;

  if (!ts_webdav_client_delete (run->client, name, etag, run->cancellable, &local_error)
      && !g_error_matches (local_error, TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return STEP_FAILED;
    }
  return forget_tombstone (run, tombstone, error) ? STEP_DONE : STEP_FAILED;
}

static Step
sync_once (Run         *run,
           const char  *id,
           Remote      *known,
           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(TsLibraryDocument) local = load_or_null (ts_library_load, run, id, &local_error);
  g_autoptr(TsLibraryDocument) base = NULL;
  g_autoptr(TsLibraryDocument) remote = NULL;
  g_autoptr(TsLibraryDocument) merged = NULL;
  g_autofree char *remote_etag = NULL;
  gboolean missing;
  gboolean conflicted;

  if (local_error != NULL)
    {
      /* Damaged (moved aside) or from a newer Timestamps: not ours to touch. */
      add_problem (run, id, g_steal_pointer (&local_error));
      return STEP_DONE;
    }
  base = load_or_null (ts_library_load_base, run, id, NULL);

  if (is_expired_tombstone (run, local, base, known))
    return purge_step (run, local, known->etag, error);

  if (!known->listed)
    {
      /* Purged there by another computer: a tombstone synced as it is,
       * which nobody needs any more. */
      if (local != NULL && local->deleted && same_hash (local, base))
        return forget_tombstone (run, local, error) ? STEP_DONE : STEP_FAILED;
      /* New here, or gone from the server: never deleted here for that. */
      if (local == NULL)
        {
          /* Nothing here nor there: what sync kept of it (left by a
           * purge interrupted after the document went) goes too. */
          if (base != NULL && !ts_library_delete_base (run->library, id, error))
            return STEP_FAILED;
          if (base != NULL)
            ts_sync_state_forget (run->state, id);
          return STEP_DONE;
        }
      return upload_step (run, local, NULL, TS_SYNC_ACTION_UPLOADED, known, error);
    }

  remote = remote_version (run, id, base, known, &remote_etag, &missing, &local_error);
  if (missing)
    {
      known->listed = FALSE;
      return STEP_AGAIN;
    }
  if (remote == NULL)
    {
      if (local_error->domain == TS_LIBRARY_ERROR)
        {
          add_problem (run, id, g_steal_pointer (&local_error));
          return STEP_DONE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return STEP_FAILED;
    }

  if (local != NULL && same_hash (local, remote))
    {
      /* Already the same: at most what sync knows is new. */
      if ((base == NULL || !same_hash (base, remote)
           || g_strcmp0 (remote_etag, ts_sync_state_get_etag (run->state, id)) != 0)
          && !record_synced (run, remote, remote_etag, error))
        return STEP_FAILED;
      run->report->unchanged++;
      return STEP_DONE;
    }
  if (local == NULL || (base != NULL && same_hash (local, base)))
    {
      /* Nothing here the server lacks: take the server's. */
      if (!ts_library_store (run->library, remote, local != NULL ? local->revision : 0, error)
          || !record_synced (run, remote, remote_etag, error))
        return STEP_FAILED;
      add_action (run, TS_SYNC_ACTION_DOWNLOADED, id, NULL);
      return STEP_DONE;
    }
  if (base != NULL && same_hash (remote, base))
    return upload_step (run, local, remote_etag, TS_SYNC_ACTION_UPLOADED, known, error);

  merged = ts_sync_merge (base, local, remote, &conflicted);
  merged->revision = MAX (local->revision, remote->revision) + 1;
  merged->modified = g_get_real_time () / G_USEC_PER_SEC;
  if (conflicted && !keep_conflicted_copy (run, local, error))
    return STEP_FAILED;
  if (!ts_library_store (run->library, merged, local->revision, error))
    return STEP_FAILED;
  if (conflicted)
    run->report->conflicts++;
  return upload_step (run, merged, remote_etag, TS_SYNC_ACTION_MERGED, known, error);
}

/* One document, until it is synced or its tries are used up. FALSE with
 * error only for what ends the whole sync. */
static gboolean
sync_document (Run         *run,
               const char  *id,
               gboolean     listed,
               const char  *listed_etag,
               GError     **error)
{
  Remote known = { listed, g_strdup (listed_etag) };
  gboolean result = TRUE;

  /* A problem of an earlier sync lasts only until this one says again. */
  ts_sync_state_set_problem (run->state, id, NULL);
  for (guint attempt = 0;; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      Step step = sync_once (run, id, &known, &local_error);

      if (step == STEP_DONE)
        break;
      if (step == STEP_FAILED
          && (g_error_matches (local_error, TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_CONFLICT)
              || g_error_matches (local_error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_CHANGED)))
        {
          /* Someone wrote first, there or here: look again. */
          known.listed = TRUE;
          g_clear_error (&local_error);
          step = STEP_AGAIN;
        }
      if (step == STEP_FAILED && local_error->domain == TS_LIBRARY_ERROR)
        {
          add_problem (run, id, g_steal_pointer (&local_error));
          break;
        }
      g_clear_pointer (&known.etag, g_free);
      if (!back_off (run, attempt, local_error))
        {
          if (step == STEP_AGAIN)
            add_problem (run, id,
                         g_error_new (TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_CONFLICT,
                                      /* Translators: a document id. */
                                      _("tracklist %s kept changing on the sync server; "
                                        "it is synced next time"), id));
          else
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              result = FALSE;
            }
          break;
        }
    }
  g_free (known.etag);
  return result;
}

static gboolean
run_pass (Run     *run,
          GError **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GList) sorted = NULL;
  GHashTableIter iter;
  gpointer id;

  /* The listing first: if it fails, nothing here has changed. */
  entries = list_with_retries (run, error);
  if (entries == NULL)
    return FALSE;
  for (guint i = 0; i < entries->len; i++)
    {
      TsWebdavEntry *entry = g_ptr_array_index (entries, i);
      char *id = id_of (entry);

      if (id != NULL)
        g_hash_table_insert (listed, id, g_strdup (entry->etag));
    }
  documents = ts_library_list (run->library, &problems, error);
  if (documents == NULL)
    return FALSE;
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    add_problem (run, NULL, g_error_copy (g_ptr_array_index (problems, i)));

  g_hash_table_iter_init (&iter, listed);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_hash_table_add (ids, id);
  for (guint i = 0; i < documents->len; i++)
    g_hash_table_add (ids, ((TsLibraryDocument *) g_ptr_array_index (documents, i))->id);
  sorted = g_list_sort (g_hash_table_get_keys (ids), (GCompareFunc) g_strcmp0);

  run->copies_made = FALSE;
  for (GList *l = sorted; l != NULL; l = l->next)
    {
      gpointer etag = NULL;
      gboolean is_listed = g_hash_table_lookup_extended (listed, l->data, NULL, &etag);

      if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
        return FALSE;
      if (!sync_document (run, l->data, is_listed, etag, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
ts_sync_run (TsLibrary       *library,
             TsWebdavClient  *client,
             TsSyncReport    *report,
             GCancellable    *cancellable,
             GError         **error)
{
  g_autoptr(TsSyncState) state = NULL;
  Run run = { library, client, NULL, report, cancellable, g_get_real_time () / G_USEC_PER_SEC, FALSE };

  g_return_val_if_fail (TS_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (TS_IS_WEBDAV_CLIENT (client), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  state = ts_sync_state_load (ts_library_get_sync_directory (library), ts_webdav_client_get_url (client));
  run.state = state;
  for (guint pass = 0; pass < MAX_PASSES; pass++)
    {
      if (!run_pass (&run, error))
        return FALSE;
      if (!run.copies_made)
        break;
    }
  ts_sync_state_set_last_sync (state, g_get_real_time () / G_USEC_PER_SEC);
  return ts_sync_state_save (state, error);
}

typedef struct {
  TsLibrary      *library;
  TsWebdavClient *client;
} RunData;

static void
run_data_free (RunData *data)
{
  g_object_unref (data->library);
  g_object_unref (data->client);
  g_free (data);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RunData *data = task_data;
  g_autoptr(TsSyncReport) report = ts_sync_report_new ();
  GError *error = NULL;

  if (ts_sync_run (data->library, data->client, report, cancellable, &error))
    g_task_return_pointer (task, g_steal_pointer (&report), (GDestroyNotify) ts_sync_report_free);
  else
    g_task_return_error (task, error);
}

void
ts_sync_run_async (TsLibrary           *library,
                   TsWebdavClient      *client,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  RunData *data = g_new0 (RunData, 1);

  data->library = g_object_ref (library);
  data->client = g_object_ref (client);
  g_task_set_source_tag (task, ts_sync_run_async);
  g_task_set_task_data (task, data, (GDestroyNotify) run_data_free);
  g_task_run_in_thread (task, run_in_thread);
}

TsSyncReport *
ts_sync_run_finish (GAsyncResult  *result,
                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
