/* ts-sync-merge.c - two edited versions of a document made one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The source content (what the project file said) is compared as its
 * JSON, since that is what the document is; the user's edits are
 * compared key by key, so that a rename on one computer and a hidden
 * marker on the other both survive.
 */

#define G_LOG_DOMAIN "ts-sync"

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "ts-sync-merge.h"

/* The document's source, project, markers and mode as one string. */
static char *
content_of (const TsLibraryDocument *document)
{
  g_autofree char *json = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GString) content = g_string_new (NULL);
  static const char *const members[] = { "source", "project", "markers" };
  JsonObject *object;
  JsonObject *settings;

  if (document == NULL)
    return NULL;
  json = ts_library_document_to_json (document);
  root = json_from_string (json, NULL);
  g_return_val_if_fail (root != NULL && JSON_NODE_HOLDS_OBJECT (root), NULL);
  object = json_node_get_object (root);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      JsonNode *node = json_object_get_member (object, members[i]);
      g_autofree char *text = node != NULL ? json_to_string (node, FALSE) : g_strdup ("null");

      g_string_append (content, text);
      g_string_append_c (content, '\n');
    }
  settings = json_object_get_object_member (object, "settings");
  if (settings != NULL && json_object_has_member (settings, "mode"))
    g_string_append (content, json_object_get_string_member (settings, "mode"));
  return g_string_free (g_steal_pointer (&content), FALSE);
}

static gboolean
same_time_format (const TsTimeFormat *a,
                  const TsTimeFormat *b)
{
  return a->hours == b->hours && a->milliseconds == b->milliseconds && a->rounding == b->rounding;
}

/* Which side's value a field takes. */
typedef enum {
  PICK_LOCAL,
  PICK_REMOTE,
  PICK_CONFLICT,
} Pick;

/* b, l, r say whether base equals local, base equals remote, local
 * equals remote; has_base is FALSE without a base. */
static Pick
pick (gboolean has_base,
      gboolean base_is_local,
      gboolean base_is_remote,
      gboolean local_is_remote)
{
  if (local_is_remote)
    return PICK_LOCAL;
  if (has_base && base_is_local)
    return PICK_REMOTE;
  if (has_base && base_is_remote)
    return PICK_LOCAL;
  return PICK_CONFLICT;
}

static Pick
pick_strings (gboolean    has_base,
              const char *base,
              const char *local,
              const char *remote)
{
  return pick (has_base, g_strcmp0 (base, local) == 0, g_strcmp0 (base, remote) == 0,
               g_strcmp0 (local, remote) == 0);
}

static void
add_keys (GHashTable    *keys,
          GHashTable    *table)
{
  GHashTableIter iter;
  gpointer key;

  if (table == NULL)
    return;
  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (keys, key);
}

/* Merges the titles and hidden marks into merged (a copy of one side). */
static gboolean
merge_edits (const TsEdits *base,
             const TsEdits *local,
             const TsEdits *remote,
             TsEdits       *merged)
{
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;
  gboolean conflicted = FALSE;

  add_keys (keys, base != NULL ? base->titles : NULL);
  add_keys (keys, local->titles);
  add_keys (keys, remote->titles);
  add_keys (keys, base != NULL ? base->hidden : NULL);
  add_keys (keys, local->hidden);
  add_keys (keys, remote->hidden);

  g_hash_table_iter_init (&iter, keys);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      const char *base_title = base != NULL ? ts_edits_get_title (base, key) : NULL;
      const char *local_title = ts_edits_get_title (local, key);
      const char *remote_title = ts_edits_get_title (remote, key);
      gboolean base_hidden = base != NULL && ts_edits_get_hidden (base, key);
      gboolean local_hidden = ts_edits_get_hidden (local, key);
      gboolean remote_hidden = ts_edits_get_hidden (remote, key);

      switch (pick_strings (base != NULL, base_title, local_title, remote_title))
        {
        case PICK_LOCAL:
          ts_edits_set_title (merged, key, local_title);
          break;
        case PICK_CONFLICT:
          conflicted = TRUE;
          G_GNUC_FALLTHROUGH;
        case PICK_REMOTE:
          ts_edits_set_title (merged, key, remote_title);
          break;
        }
      switch (pick (base != NULL, base_hidden == local_hidden, base_hidden == remote_hidden,
                    local_hidden == remote_hidden))
        {
        case PICK_LOCAL:
          ts_edits_set_hidden (merged, key, local_hidden);
          break;
        case PICK_CONFLICT:
          conflicted = TRUE;
          G_GNUC_FALLTHROUGH;
        case PICK_REMOTE:
          ts_edits_set_hidden (merged, key, remote_hidden);
          break;
        }
    }
  return conflicted;
}

/* With compare_values, a map of strings; without, a set. */
static gboolean
same_table (GHashTable *a,
            GHashTable *b,
            gboolean    compare_values)
{
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gpointer other;

      if (!g_hash_table_lookup_extended (b, key, NULL, &other))
        return FALSE;
      if (compare_values && g_strcmp0 (value, other) != 0)
        return FALSE;
    }
  return TRUE;
}

static gboolean
same_edits (const TsEdits *a,
            const TsEdits *b)
{
  return same_table (a->titles, b->titles, TRUE) && same_table (a->hidden, b->hidden, FALSE);
}

static gboolean
changed_besides_deletion (const TsLibraryDocument *base,
                          const TsLibraryDocument *side)
{
  g_autofree char *base_content = content_of (base);
  g_autofree char *side_content = content_of (side);

  return g_strcmp0 (base_content, side_content) != 0 || g_strcmp0 (base->template_, side->template_) != 0
         || !same_time_format (&base->time_format, &side->time_format) || !same_edits (base->edits, side->edits);
}

TsLibraryDocument *
ts_sync_merge (const TsLibraryDocument *base,
               const TsLibraryDocument *local,
               const TsLibraryDocument *remote,
               gboolean                *conflicted)
{
  g_autofree char *base_content = content_of (base);
  g_autofree char *local_content = content_of (local);
  g_autofree char *remote_content = content_of (remote);
  g_autoptr(TsLibraryDocument) merged = NULL;
  gboolean has_base = base != NULL;

  g_return_val_if_fail (local != NULL && remote != NULL && conflicted != NULL, NULL);

  *conflicted = FALSE;
  /* The content decides which side to copy: the tracklist has no copy of
   * its own, and the edits are keyed by its markers. */
  switch (pick_strings (has_base, base_content, local_content, remote_content))
    {
    case PICK_LOCAL:
      merged = ts_library_document_copy (local);
      break;
    case PICK_CONFLICT:
      *conflicted = TRUE;
      G_GNUC_FALLTHROUGH;
    case PICK_REMOTE:
      merged = ts_library_document_copy (remote);
      break;
    }
  g_free (merged->id);
  merged->id = g_strdup (local->id);
  g_clear_pointer (&merged->hash, g_free);

  switch (pick_strings (has_base, has_base ? base->template_ : NULL, local->template_, remote->template_))
    {
    case PICK_LOCAL:
      g_free (merged->template_);
      merged->template_ = g_strdup (local->template_);
      break;
    case PICK_CONFLICT:
      *conflicted = TRUE;
      G_GNUC_FALLTHROUGH;
    case PICK_REMOTE:
      g_free (merged->template_);
      merged->template_ = g_strdup (remote->template_);
      break;
    }

  switch (pick (has_base, has_base && same_time_format (&base->time_format, &local->time_format),
                has_base && same_time_format (&base->time_format, &remote->time_format),
                same_time_format (&local->time_format, &remote->time_format)))
    {
    case PICK_LOCAL:
      merged->time_format = local->time_format;
      break;
    case PICK_CONFLICT:
      *conflicted = TRUE;
      G_GNUC_FALLTHROUGH;
    case PICK_REMOTE:
      merged->time_format = remote->time_format;
      break;
    }

  g_clear_pointer (&merged->edits, ts_edits_free);
  merged->edits = ts_edits_copy (local->edits);
  if (merge_edits (has_base ? base->edits : NULL, local->edits, remote->edits, merged->edits))
    *conflicted = TRUE;

  /* A deletion never wins over an edit: keeping a tracklist too many is
   * undone with a click, an edit lost is not. So the side that kept the
   * document decides: it is deleted only when that side changed nothing
   * since the base, and the base was not deleted yet. */
  if (local->deleted == remote->deleted)
    merged->deleted = local->deleted;
  else
    {
      const TsLibraryDocument *kept = local->deleted ? remote : local;

      merged->deleted = has_base && !base->deleted && !changed_besides_deletion (base, kept);
    }
  return g_steal_pointer (&merged);
}
