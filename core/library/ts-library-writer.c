/* ts-library-writer.c - a library document as the JSON it is stored as
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The output is canonical (fixed member order, sorted edits, exact
 * doubles), because the document hash is taken over it: two computers
 * writing the same document write the same bytes.
 */
#define G_LOG_DOMAIN "ts-library"

#include "config.h"

#include <string.h>

#include "ts-format-info.h"
#include "ts-json-writer.h"
#include "ts-library-document.h"

static void
append_time (GString *out,
             gint64   unix_time)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_time);
  g_autofree char *text = NULL;

  /* Years beyond 9999 do not exist for GDateTime; a damaged clock says 1970. */
  if (time == NULL)
    time = g_date_time_new_from_unix_utc (0);
  text = g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
  ts_json_append_string (out, text);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

static GPtrArray *
sorted_keys (GHashTable *table)
{
  GPtrArray *keys = g_ptr_array_sized_new (g_hash_table_size (table));
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (keys, key);
  g_ptr_array_sort (keys, compare_strings);
  return keys;
}

static void
append_edits (GString       *out,
              const TsEdits *edits)
{
  g_autoptr(GPtrArray) titles = sorted_keys (edits->titles);
  g_autoptr(GPtrArray) hidden = sorted_keys (edits->hidden);

  g_string_append (out, "\"edits\": {\"titles\": {");
  for (guint i = 0; i < titles->len; i++)
    {
      const char *key = g_ptr_array_index (titles, i);

      if (i > 0)
        g_string_append (out, ", ");
      ts_json_append_string (out, key);
      g_string_append (out, ": ");
      ts_json_append_string (out, g_hash_table_lookup (edits->titles, key));
    }
  g_string_append (out, "}, \"hidden\": [");
  for (guint i = 0; i < hidden->len; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      ts_json_append_string (out, g_ptr_array_index (hidden, i));
    }
  g_string_append (out, "]}");
}

static void
append_project (GString           *out,
                const TsTracklist *tracklist)
{
  g_string_append (out, "\"project\": {\"format\": ");
  ts_json_append_string (out, ts_format_info_get (tracklist->format)->id);
  g_string_append (out, ", \"daw_version\": ");
  ts_json_append_string (out, tracklist->daw_version);
  g_string_append (out, ", \"bpm\": ");
  ts_json_append_double (out, tracklist->bpm);
  g_string_append (out, ", \"tempo_automation\": ");
  ts_json_append_boolean (out, tracklist->tempo_automation);
  g_string_append (out, ", \"curved_automation\": ");
  ts_json_append_boolean (out, tracklist->curved_automation);
  g_string_append (out, ", \"end\": ");
  ts_json_append_double (out, tracklist->end_seconds);
  g_string_append_printf (out, ", \"arrangement\": %d, \"arrangements\": ", tracklist->arrangement);
  ts_json_append_strv (out, (const char * const *) tracklist->arrangements);
  g_string_append (out, "},\n \"markers\": [");
  for (guint i = 0; i < ts_tracklist_get_n_tracks (tracklist); i++)
    {
      const TsTrack *track = ts_tracklist_get_track (tracklist, i);

      g_string_append (out, i > 0 ? ",\n  " : "\n  ");
      g_string_append (out, "{\"seconds\": ");
      ts_json_append_double (out, track->seconds);
      g_string_append (out, ", \"beat\": ");
      ts_json_append_double (out, track->beat);
      g_string_append (out, ", \"title\": ");
      ts_json_append_string (out, track->title);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]");
}

static void
append_settings (GString                 *out,
                 const TsLibraryDocument *self)
{
  g_string_append (out, "\"settings\": {\"mode\": ");
  ts_json_append_string (out, ts_tempo_mode_to_string (self->tracklist->mode));
  g_string_append (out, ", \"template\": ");
  ts_json_append_string (out, self->template_);
  g_string_append (out, ", \"hours\": ");
  ts_json_append_string (out, ts_hours_style_to_string (self->time_format.hours));
  g_string_append (out, ", \"milliseconds\": ");
  ts_json_append_boolean (out, self->time_format.milliseconds);
  g_string_append (out, ", \"rounding\": ");
  ts_json_append_string (out, ts_rounding_to_string (self->time_format.rounding));
  g_string_append (out, "}");
}

/* The hash member goes in only when @hash is given. */
static char *
serialise (const TsLibraryDocument *self,
           const char              *hash)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "{\"schema\": %d,\n \"id\": ", TS_LIBRARY_SCHEMA_VERSION);
  ts_json_append_string (out, self->id);
  g_string_append_printf (out, ",\n \"revision\": %" G_GUINT64_FORMAT, self->revision);
  if (hash != NULL)
    {
      g_string_append (out, ",\n \"hash\": ");
      ts_json_append_string (out, hash);
    }
  g_string_append (out, ",\n \"created\": ");
  append_time (out, self->created);
  g_string_append (out, ",\n \"modified\": ");
  append_time (out, self->modified);
  g_string_append (out, ",\n \"deleted\": ");
  ts_json_append_boolean (out, self->deleted);
  g_string_append (out, ",\n \"source\": {\"name\": ");
  ts_json_append_string (out, self->tracklist->file);
  g_string_append (out, ", \"path\": ");
  ts_json_append_string (out, self->source_path);
  g_string_append (out, ", \"hash\": ");
  ts_json_append_string (out, self->source_hash);
  g_string_append (out, "},\n ");
  append_project (out, self->tracklist);
  g_string_append (out, ",\n ");
  append_settings (out, self);
  g_string_append (out, ",\n ");
  append_edits (out, self->edits);
  g_string_append (out, "}\n");

  return g_string_free (out, FALSE);
}

/**
 * ts_library_document_compute_hash:
 *
 * Returns: (transfer full): the document hash: lower-case hex SHA-256 of
 *   the document as stored, without its "hash" member
 */
char *
ts_library_document_compute_hash (const TsLibraryDocument *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  text = serialise (self, NULL);
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

/**
 * ts_library_document_to_json:
 *
 * Returns: (transfer full): the document as it is stored and synced,
 *   with the hash of its content (not @self->hash, which may be stale)
 */
char *
ts_library_document_to_json (const TsLibraryDocument *self)
{
  g_autofree char *hash = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  hash = ts_library_document_compute_hash (self);
  return serialise (self, hash);
}
