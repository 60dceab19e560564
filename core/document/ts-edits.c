/* ts-edits.c - what the user changed in a project's marker list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ts-edits"

#include "config.h"

#include "ts-edits.h"

TsEdits *
ts_edits_new (void)
{
  TsEdits *self = g_new0 (TsEdits, 1);

  self->titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->hidden = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  return self;
}

TsEdits *
ts_edits_copy (const TsEdits *self)
{
  TsEdits *copy = ts_edits_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (self != NULL, copy);

  g_hash_table_iter_init (&iter, self->titles);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->titles, g_strdup (key), g_strdup (value));

  g_hash_table_iter_init (&iter, self->hidden);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_add (copy->hidden, g_strdup (key));

  return copy;
}

void
ts_edits_free (TsEdits *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->titles);
  g_hash_table_unref (self->hidden);
  g_free (self);
}

/**
 * ts_edits_get_title:
 *
 * Returns: (nullable): the title the user typed for the marker @key, or
 *   %NULL when the marker keeps its own
 */
const char *
ts_edits_get_title (const TsEdits *self,
                    const char    *key)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  return g_hash_table_lookup (self->titles, key);
}

/**
 * ts_edits_set_title:
 * @title: (nullable): the new title, or %NULL to give the marker its own back
 *
 * Returns: whether anything changed
 */
gboolean
ts_edits_set_title (TsEdits    *self,
                    const char *key,
                    const char *title)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (g_strcmp0 (g_hash_table_lookup (self->titles, key), title) == 0)
    return FALSE;

  if (title == NULL)
    g_hash_table_remove (self->titles, key);
  else
    g_hash_table_insert (self->titles, g_strdup (key), g_strdup (title));

  return TRUE;
}

gboolean
ts_edits_get_hidden (const TsEdits *self,
                     const char    *key)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return g_hash_table_contains (self->hidden, key);
}

/* Returns: whether anything changed */
gboolean
ts_edits_set_hidden (TsEdits    *self,
                     const char *key,
                     gboolean    hidden)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (hidden)
    return g_hash_table_add (self->hidden, g_strdup (key));

  return g_hash_table_remove (self->hidden, key);
}

static void
keep_only (GHashTable *table,
           GHashTable *present)
{
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (present, key))
      g_hash_table_iter_remove (&iter);
}

/**
 * ts_edits_keep_only:
 * @keys: (element-type utf8): the keys of the markers the project has now
 *
 * Forgets the edits of markers that are gone, so that a marker added
 * later under the same name starts clean.
 */
void
ts_edits_keep_only (TsEdits   *self,
                    GPtrArray *keys)
{
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_if_fail (self != NULL);
  g_return_if_fail (keys != NULL);

  for (guint i = 0; i < keys->len; i++)
    g_hash_table_add (present, g_ptr_array_index (keys, i));

  keep_only (self->titles, present);
  keep_only (self->hidden, present);
}

/**
 * ts_edits_make_keys:
 *
 * Returns: (transfer full) (element-type utf8): one key per track of
 *   @tracklist, in its order: "n\x1ftitle" for the n-th (from 0) marker
 *   named title
 */
GPtrArray *
ts_edits_make_keys (const TsTracklist *tracklist)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_tracks = ts_tracklist_get_n_tracks (tracklist);
  GPtrArray *keys = g_ptr_array_new_full (n_tracks, g_free);

  for (guint i = 0; i < n_tracks; i++)
    {
      const char *title = ts_tracklist_get_track (tracklist, i)->title;
      guint n;

      title = title != NULL ? title : "";
      n = GPOINTER_TO_UINT (g_hash_table_lookup (seen, title));
      g_hash_table_insert (seen, (gpointer)title, GUINT_TO_POINTER (n + 1));
      g_ptr_array_add (keys, g_strdup_printf ("%u\x1f%s", n, title));
    }

  return keys;
}

/**
 * ts_edits_apply:
 * @tracklist: the project's tracklist, as core computed it
 * @keys: ts_edits_make_keys() of @tracklist
 *
 * Returns: (transfer full): @tracklist as the user sees it: hidden markers
 *   left out, edited titles in, numbered again
 */
TsTracklist *
ts_edits_apply (const TsEdits     *self,
                const TsTracklist *tracklist,
                GPtrArray         *keys)
{
  TsTracklist *edited;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (tracklist != NULL, NULL);
  g_return_val_if_fail (keys != NULL && keys->len == ts_tracklist_get_n_tracks (tracklist), NULL);

  edited = ts_tracklist_new_like (tracklist);

  for (guint i = 0; i < keys->len; i++)
    {
      const TsTrack *track = ts_tracklist_get_track (tracklist, i);
      const char *key = g_ptr_array_index (keys, i);
      const char *title = ts_edits_get_title (self, key);

      /* ts_tracklist_add() numbers the tracks as they come. */
      if (!ts_edits_get_hidden (self, key))
        ts_tracklist_add (edited, track->seconds, track->beat, title != NULL ? title : track->title);
    }

  return edited;
}
