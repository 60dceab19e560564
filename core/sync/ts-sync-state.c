/* ts-sync-state.c - what sync remembers of the server between runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   {"url": "https://…/", "last_sync": 1764752000,
 *    "etags": {"<document id>": "\"etag\"", …}}
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
  GHashTable *etags;
};

static void
read_state (TsSyncState *self)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;
  JsonObject *etags;
  JsonObjectIter iter;
  const char *id;
  JsonNode *node;

  if (!g_file_get_contents (self->path, &contents, &length, NULL) || length > MAX_STATE_SIZE)
    return;
  root = json_from_string (contents, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return;
  object = json_node_get_object (root);
  if (g_strcmp0 (json_object_get_string_member_with_default (object, "url", NULL), self->url) != 0)
    return;
  self->last_sync = json_object_get_int_member_with_default (object, "last_sync", 0);
  node = json_object_get_member (object, "etags");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  etags = json_node_get_object (node);
  json_object_iter_init (&iter, etags);
  while (json_object_iter_next (&iter, &id, &node))
    if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
      g_hash_table_insert (self->etags, g_strdup (id), g_strdup (json_node_get_string (node)));
}

TsSyncState *
ts_sync_state_load (const char *sync_directory,
                    const char *url)
{
  TsSyncState *self = g_new0 (TsSyncState, 1);

  self->path = g_build_filename (sync_directory, "state.json", NULL);
  self->url = g_strdup (url);
  self->etags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
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
  g_free (self);
}

const char *
ts_sync_state_get_etag (TsSyncState *self,
                        const char  *id)
{
  return g_hash_table_lookup (self->etags, id);
}

void
ts_sync_state_set_etag (TsSyncState *self,
                        const char  *id,
                        const char  *etag)
{
  if (etag == NULL)
    g_hash_table_remove (self->etags, id);
  else
    g_hash_table_insert (self->etags, g_strdup (id), g_strdup (etag));
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

gboolean
ts_sync_state_save (TsSyncState  *self,
                    GError      **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *directory = g_path_get_dirname (self->path);
  g_autofree char *text = NULL;
  g_autoptr(GList) ids = g_list_sort (g_hash_table_get_keys (self->etags), (GCompareFunc) g_strcmp0);
  g_autoptr(GError) local_error = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, self->url);
  json_builder_set_member_name (builder, "last_sync");
  json_builder_add_int_value (builder, self->last_sync);
  json_builder_set_member_name (builder, "etags");
  json_builder_begin_object (builder);
  for (GList *l = ids; l != NULL; l = l->next)
    {
      json_builder_set_member_name (builder, l->data);
      json_builder_add_string_value (builder, g_hash_table_lookup (self->etags, l->data));
    }
  json_builder_end_object (builder);
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
