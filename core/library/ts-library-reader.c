/* ts-library-reader.c - a library document from the JSON it is stored as
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The documents come from disk and from a sync server, so nothing in them
 * is trusted: the size is capped before parsing, the nesting before
 * json-glib recurses into it, and every member is checked for its type
 * and range before it is used (an arrangement index out of range would
 * otherwise be read past the end of the names).
 */
#define G_LOG_DOMAIN "ts-library"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "ts-format-info.h"
#include "ts-json-shape.h"
#include "ts-library.h"

/* The schema nests four levels deep; anything much deeper is hostile. A
 * document is one object: json-glib must never see a second value after
 * it (see ts-json-shape.c). */
#define MAX_NESTING 16

typedef struct {
  const char  *name;
  GError     **error;
} Reader;

static gboolean
fail (Reader     *reader,
      const char *member)
{
  if (*reader->error == NULL)
    g_set_error (reader->error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_DAMAGED,
                 /* Translators: the document's file name, then a member
                  * of the JSON document, e.g. "markers". */
                 _("%s is a damaged library document: “%s” is missing or wrong"),
                 reader->name, member);
  return FALSE;
}

static JsonObject *
get_object (Reader     *reader,
            JsonObject *object,
            const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (reader, member);
      return NULL;
    }
  return json_node_get_object (node);
}

/* Returns: (nullable): the array, %NULL for a JSON null when @nullable */
static JsonArray *
get_array (Reader     *reader,
           JsonObject *object,
           const char *member,
           gboolean    nullable,
           gboolean   *ok)
{
  JsonNode *node = json_object_get_member (object, member);

  *ok = TRUE;
  if (node != NULL && nullable && JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      *ok = fail (reader, member);
      return NULL;
    }
  return json_node_get_array (node);
}

static gboolean
node_is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
get_string (Reader      *reader,
            JsonObject  *object,
            const char  *member,
            gboolean     nullable,
            const char **value)
{
  JsonNode *node = json_object_get_member (object, member);

  *value = NULL;
  if (node != NULL && nullable && JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!node_is_string (node))
    return fail (reader, member);
  *value = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_boolean (Reader     *reader,
             JsonObject *object,
             const char *member,
             gboolean   *value)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (reader, member);
  *value = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
get_integer (Reader     *reader,
             JsonObject *object,
             const char *member,
             gint64      min,
             gint64      max,
             gint64     *value)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64)
    return fail (reader, member);
  *value = json_node_get_int (node);
  if (*value < min || *value > max)
    return fail (reader, member);
  return TRUE;
}

/* A number, or NAN for null when @nullable; never an infinity. */
static gboolean
get_double (Reader     *reader,
            JsonObject *object,
            const char *member,
            gboolean    nullable,
            double     *value)
{
  JsonNode *node = json_object_get_member (object, member);
  GType type;

  *value = NAN;
  if (node != NULL && nullable && JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fail (reader, member);
  type = json_node_get_value_type (node);
  if (type != G_TYPE_DOUBLE && type != G_TYPE_INT64)
    return fail (reader, member);
  *value = json_node_get_double (node);
  return isfinite (*value) ? TRUE : fail (reader, member);
}

static gboolean
get_time (Reader     *reader,
          JsonObject *object,
          const char *member,
          gint64     *value)
{
  g_autoptr(GDateTime) time = NULL;
  const char *text;

  if (!get_string (reader, object, member, FALSE, &text))
    return FALSE;
  time = g_date_time_new_from_iso8601 (text, NULL);
  if (time == NULL)
    return fail (reader, member);
  *value = g_date_time_to_unix (time);
  return TRUE;
}

static gboolean
read_format (Reader     *reader,
             JsonObject *project,
             TsFormat   *format)
{
  const char *id;

  if (!get_string (reader, project, "format", FALSE, &id))
    return FALSE;
  for (guint i = 0; i < TS_N_FORMATS; i++)
    {
      if (g_strcmp0 (ts_format_info_get (i)->id, id) == 0)
        {
          *format = i;
          return TRUE;
        }
    }
  return fail (reader, "format");
}

/* Fills in what the project says; the tracks follow in read_markers(). */
static TsTracklist *
read_project (Reader     *reader,
              JsonObject *root)
{
  g_autoptr(TsTracklist) tracklist = NULL;
  JsonObject *source, *project;
  JsonArray *arrangements;
  const char *name, *daw_version;
  TsFormat format;
  gint64 arrangement;
  guint n_arrangements;
  gboolean ok;

  if (!(source = get_object (reader, root, "source")) ||
      !get_string (reader, source, "name", TRUE, &name) ||
      !(project = get_object (reader, root, "project")) ||
      !read_format (reader, project, &format))
    return NULL;

  tracklist = ts_tracklist_new (format);
  tracklist->file = g_strdup (name);
  if (!get_string (reader, project, "daw_version", TRUE, &daw_version) ||
      !get_double (reader, project, "bpm", TRUE, &tracklist->bpm) ||
      !get_boolean (reader, project, "tempo_automation", &tracklist->tempo_automation) ||
      !get_boolean (reader, project, "curved_automation", &tracklist->curved_automation) ||
      !get_double (reader, project, "end", TRUE, &tracklist->end_seconds))
    return NULL;
  tracklist->daw_version = g_strdup (daw_version);

  arrangements = get_array (reader, project, "arrangements", TRUE, &ok);
  if (!ok)
    return NULL;
  n_arrangements = arrangements != NULL ? json_array_get_length (arrangements) : 0;
  if (arrangements != NULL && n_arrangements == 0)
    {
      fail (reader, "arrangements");
      return NULL;
    }
  if (arrangements != NULL)
    {
      tracklist->arrangements = g_new0 (char *, n_arrangements + 1);
      for (guint i = 0; i < n_arrangements; i++)
        {
          JsonNode *node = json_array_get_element (arrangements, i);

          if (!node_is_string (node))
            {
              fail (reader, "arrangements");
              return NULL;
            }
          tracklist->arrangements[i] = g_strdup (json_node_get_string (node));
        }
    }

  /* -1 exactly when there are no arrangements: exporters index the names. */
  if (!get_integer (reader, project, "arrangement", arrangements != NULL ? 0 : -1,
                    arrangements != NULL ? (gint64) n_arrangements - 1 : -1, &arrangement))
    return NULL;
  tracklist->arrangement = (int) arrangement;

  return g_steal_pointer (&tracklist);
}

static gboolean
read_markers (Reader      *reader,
              JsonObject  *root,
              TsTracklist *tracklist)
{
  JsonArray *markers;
  gboolean ok;

  markers = get_array (reader, root, "markers", FALSE, &ok);
  if (!ok)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (markers); i++)
    {
      JsonNode *node = json_array_get_element (markers, i);
      JsonObject *marker;
      const char *title;
      double seconds, beat;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return fail (reader, "markers");
      marker = json_node_get_object (node);
      if (!get_double (reader, marker, "seconds", FALSE, &seconds) ||
          !get_double (reader, marker, "beat", TRUE, &beat) ||
          !get_string (reader, marker, "title", FALSE, &title))
        return FALSE;
      ts_tracklist_add (tracklist, seconds, beat, title);
    }
  return TRUE;
}

static gboolean
read_settings (Reader            *reader,
               JsonObject        *root,
               TsLibraryDocument *document)
{
  JsonObject *settings;
  const char *mode, *template_, *hours, *rounding;

  if (!(settings = get_object (reader, root, "settings")))
    return FALSE;
  if (!get_string (reader, settings, "mode", FALSE, &mode) ||
      !ts_tempo_mode_from_string (mode, &document->tracklist->mode))
    return fail (reader, "mode");
  if (!get_string (reader, settings, "template", FALSE, &template_))
    return FALSE;
  document->template_ = g_strdup (template_);
  if (!get_string (reader, settings, "hours", FALSE, &hours) ||
      !ts_hours_style_from_string (hours, &document->time_format.hours))
    return fail (reader, "hours");
  if (!get_string (reader, settings, "rounding", FALSE, &rounding) ||
      !ts_rounding_from_string (rounding, &document->time_format.rounding))
    return fail (reader, "rounding");
  return get_boolean (reader, settings, "milliseconds", &document->time_format.milliseconds);
}

static gboolean
read_edits (Reader            *reader,
            JsonObject        *root,
            TsLibraryDocument *document)
{
  JsonObject *edits, *titles;
  JsonArray *hidden;
  JsonObjectIter iter;
  const char *key;
  JsonNode *node;
  gboolean ok;

  if (!(edits = get_object (reader, root, "edits")) ||
      !(titles = get_object (reader, edits, "titles")))
    return FALSE;
  hidden = get_array (reader, edits, "hidden", FALSE, &ok);
  if (!ok)
    return FALSE;

  json_object_iter_init (&iter, titles);
  while (json_object_iter_next (&iter, &key, &node))
    {
      if (!node_is_string (node))
        return fail (reader, "titles");
      ts_edits_set_title (document->edits, key, json_node_get_string (node));
    }
  for (guint i = 0; i < json_array_get_length (hidden); i++)
    {
      node = json_array_get_element (hidden, i);
      if (!node_is_string (node))
        return fail (reader, "hidden");
      ts_edits_set_hidden (document->edits, json_node_get_string (node), TRUE);
    }
  return TRUE;
}

static TsLibraryDocument *
read_document (Reader     *reader,
               JsonObject *root)
{
  g_autoptr(TsLibraryDocument) document = g_new0 (TsLibraryDocument, 1);
  g_autofree char *hash = NULL;
  const char *id, *stored_hash, *source_path, *source_hash;
  JsonObject *source;
  gint64 revision;

  if (!get_string (reader, root, "id", FALSE, &id) || !g_uuid_string_is_valid (id))
    {
      fail (reader, "id");
      return NULL;
    }
  document->id = g_ascii_strdown (id, -1);
  document->edits = ts_edits_new ();

  if (!get_integer (reader, root, "revision", 0, G_MAXINT64, &revision) ||
      !get_string (reader, root, "hash", FALSE, &stored_hash) ||
      !get_time (reader, root, "created", &document->created) ||
      !get_time (reader, root, "modified", &document->modified) ||
      !get_boolean (reader, root, "deleted", &document->deleted) ||
      !(document->tracklist = read_project (reader, root)) ||
      !read_markers (reader, root, document->tracklist) ||
      !read_settings (reader, root, document) ||
      !read_edits (reader, root, document))
    return NULL;
  document->revision = (guint64) revision;

  source = get_object (reader, root, "source");
  if (!get_string (reader, source, "path", TRUE, &source_path) ||
      !get_string (reader, source, "hash", TRUE, &source_hash))
    return NULL;
  document->source_path = g_strdup (source_path);
  document->source_hash = g_strdup (source_hash);

  /* Taken over the document as read back, so that a change of bytes the
   * parser does not keep (spaces) is no damage, and any other change is. */
  hash = ts_library_document_compute_hash (document);
  if (g_strcmp0 (hash, stored_hash) != 0)
    {
      fail (reader, "hash");
      return NULL;
    }
  document->hash = g_steal_pointer (&hash);

  return g_steal_pointer (&document);
}

/**
 * ts_library_document_from_json:
 * @data: the document's bytes, not necessarily nul-terminated
 * @name: what messages call it: the file name, or where sync got it
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with
 *   %TS_LIBRARY_ERROR_TOO_LARGE, %TS_LIBRARY_ERROR_DAMAGED or
 *   %TS_LIBRARY_ERROR_FUTURE_VERSION
 */
TsLibraryDocument *
ts_library_document_from_json (const char  *data,
                               gsize        length,
                               const char  *name,
                               GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  Reader reader = { name, error };
  JsonNode *root;
  gint64 schema;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (length > TS_LIBRARY_MAX_DOCUMENT_SIZE)
    {
      g_autofree char *limit = g_format_size (TS_LIBRARY_MAX_DOCUMENT_SIZE);

      g_set_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_TOO_LARGE,
                   /* Translators: the file name, then a size like "64 MB". */
                   _("%s is too large for a library document (more than %s)"),
                   name, limit);
      return NULL;
    }
  if (!ts_json_is_one_object (data, length, MAX_NESTING))
    {
      g_set_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_DAMAGED,
                   _("%s is a damaged library document: it is not one well-formed JSON "
                     "object, or it nests deeper than any document does"),
                   name);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &parse_error))
    {
      g_set_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_DAMAGED,
                   /* Translators: the file name, then what the JSON parser said. */
                   _("%s is a damaged library document: %s"), name, parse_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !get_integer (&reader, json_node_get_object (root), "schema", 1, G_MAXINT64, &schema))
    {
      fail (&reader, "schema");
      return NULL;
    }
  if (schema > TS_LIBRARY_SCHEMA_VERSION)
    {
      g_set_error (error, TS_LIBRARY_ERROR, TS_LIBRARY_ERROR_FUTURE_VERSION,
                   _("%s was written by a newer version of Timestamps; it is kept as it is. "
                     "Update Timestamps to open it."), name);
      return NULL;
    }

  return read_document (&reader, json_node_get_object (root));
}
