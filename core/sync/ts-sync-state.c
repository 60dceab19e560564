/* ts-sync-state.c - what sync remembers of the server between runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   {"url": "https://…/", "last_sync": 1764752000,
 *    "etags": {"<document id>": "\"etag\"", …},
 *    "problems": {"<document id>": "what went wrong", …},
 *    "copies": {"<conflicted copy id>": "<id of the document>", …},
 *    "tombstones": {"<document id>": 1764752000, …}}
 *
 * Members added after the first version are optional, so an older state
 * file reads as one without problems, copies or tombstone times.
 */

#define G_LOG_DOMAIN "ts-sync"

#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ts-sync-state.h"

/* Far above any library; a larger file is not ours. */
#define MAX_STATE_SIZE (16 * 1024 * 1024)

struct _TsSyncState {
  char       *path;
  char       *url;
  gint64      last_sync;
  /* document id → string */
  GHashTable *etags;
  GHashTable *problems;
  GHashTable *copies;
  /* document id → gint64 *, Unix seconds */
  GHashTable *tombstones;
};

/* The members of the object named name: strings, or with times the
 * integers of Unix times; other values are not ours and are skipped. */
static void
read_members (JsonObject *object,
              const char *name,
              GHashTable *table,
              gboolean    times)
{
  JsonNode *node = json_object_get_member (object, name);
  JsonObjectIter iter;
  const char *id;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &id, &node))
    {
      if (!JSON_NODE_HOLDS_VALUE (node))
        continue;
      GType value_type = json_node_get_value_type (node);

      if (!times && value_type == G_TYPE_STRING)
        g_hash_table_insert (table, g_strdup (id), g_strdup (json_node_get_string (node)));
      else if (times && value_type == G_TYPE_INT64)
        {
          gint64 when = json_node_get_int (node);

          g_hash_table_insert (table, g_strdup (id), g_memdup2 (&when, sizeof when));
        }
    }
}

static void
read_state (TsSyncState *self)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  if (!g_file_get_contents (self->path, &contents, &length, NULL) || length > MAX_STATE_SIZE)
    return;
  root = json_from_string (contents, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  object = json_node_get_object (root);
  if (g_strcmp0 (json_object_get_string_member_with_default (object, "url", NULL), self->url) != 0)
    return;
  self->last_sync = json_object_get_int_member_with_default (object, "last_sync", 0);
  read_members (object, "etags", self->etags, FALSE);
  read_members (object, "problems", self->problems, FALSE);
  read_members (object, "copies", self->copies, FALSE);
  read_members (object, "tombstones", self->tombstones, TRUE);
}

TsSyncState *
ts_sync_state_load (const char *sync_directory,
                    const char *url)
{
  TsSyncState *self = g_new0 (TsSyncState, 1);

  self->path = g_build_filename (sync_directory, "state.json", NULL);
  self->url = g_strdup (url);
  self->etags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->problems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->copies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->tombstones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  read_state (self);
  return self;
}

void
ts_sync_state_free (TsSyncState *self)
{
  if (self == NULL)
    return;
  g_free (self->path);
  g_free (self->url);
  g_hash_table_unref (self->etags);
  g_hash_table_unref (self->problems);
  g_hash_table_unref (self->copies);
  g_hash_table_unref (self->tombstones);
  g_free (self);
}

const char *
ts_sync_state_get_etag (TsSyncState *self,
                        const char  *id)
{
  return g_hash_table_lookup (self->etags, id);
}

static void
set_string (GHashTable *table,
            const char *id,
            const char *value)
{
  if (value == NULL)
    g_hash_table_remove (table, id);
  else
    g_hash_table_insert (table, g_strdup (id), g_strdup (value));
}

void
ts_sync_state_set_etag (TsSyncState *self,
                        const char  *id,
                        const char  *etag)
{
  set_string (self->etags, id, etag);
}

const char *
ts_sync_state_get_problem (TsSyncState *self,
                           const char  *id)
{
  return g_hash_table_lookup (self->problems, id);
}

void
ts_sync_state_set_problem (TsSyncState *self,
                           const char  *id,
                           const char  *problem)
{
  set_string (self->problems, id, problem);
}

const char *
ts_sync_state_get_copy_of (TsSyncState *self,
                           const char  *id)
{
  return g_hash_table_lookup (self->copies, id);
}

void
ts_sync_state_set_copy_of (TsSyncState *self,
                           const char  *id,
                           const char  *of_id)
{
  set_string (self->copies, id, of_id);
}

gint64
ts_sync_state_get_tombstone_since (TsSyncState *self,
                                   const char  *id)
{
  gint64 *since = g_hash_table_lookup (self->tombstones, id);

  return since != NULL ? *since : 0;
}

void
ts_sync_state_set_tombstone_since (TsSyncState *self,
                                   const char  *id,
                                   gint64       when)
{
  if (when == 0)
    g_hash_table_remove (self->tombstones, id);
  else
    g_hash_table_insert (self->tombstones, g_strdup (id), g_memdup2 (&when, sizeof when));
}

void
ts_sync_state_forget (TsSyncState *self,
                      const char  *id)
{
  g_hash_table_remove (self->etags, id);
  g_hash_table_remove (self->problems, id);
  g_hash_table_remove (self->copies, id);
  g_hash_table_remove (self->tombstones, id);
}

gint64
ts_sync_state_get_last_sync (TsSyncState *self)
{
  return self->last_sync;
}

void
ts_sync_state_set_last_sync (TsSyncState *self,
                             gint64       when)
{
  self->last_sync = when;
}

/* name: {id: value, …}, sorted by id so that the file only changes
 * where the state does. */
static void
write_members (JsonBuilder *builder,
               const char  *name,
               GHashTable  *table,
               gboolean     times)
{
  g_autoptr(GList) ids = g_list_sort (g_hash_table_get_keys (table), (GCompareFunc) g_strcmp0);

  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  for (GList *l = ids; l != NULL; l = l->next)
    {
      gpointer value = g_hash_table_lookup (table, l->data);

      json_builder_set_member_name (builder, l->data);
      if (times)
        json_builder_add_int_value (builder, *(gint64 *) value);
      else
        json_builder_add_string_value (builder, value);
    }
  json_builder_end_object (builder);
}

gboolean
ts_sync_state_save (TsSyncState  *self,
                    GError      **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *directory = g_path_get_dirname (self->path);
  g_autofree char *text = NULL;
  g_autoptr(GError) local_error = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, self->url);
  json_builder_set_member_name (builder, "last_sync");
  json_builder_add_int_value (builder, self->last_sync);
  write_members (builder, "etags", self->etags, FALSE);
  write_members (builder, "problems", self->problems, FALSE);
  write_members (builder, "copies", self->copies, FALSE);
  write_members (builder, "tombstones", self->tombstones, TRUE);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);

  if (g_mkdir_with_parents (directory, 0700) != 0
      || !g_file_set_contents_full (self->path, text, -1,
                                    G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                    0600, &local_error))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                   /* Translators: the file, then the system's reason. */
                   _("cannot save the sync state in %s (%s); check that the disk is not full"),
                   self->path, local_error != NULL ? local_error->message : g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}
