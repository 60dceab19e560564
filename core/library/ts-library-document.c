/* ts-library-document.c - one tracklist of the library, as plain data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ts-library"

#include "config.h"

#include "ts-library-document.h"
#include "ts-template.h"

static TsTracklist *
copy_tracklist (const TsTracklist *tracklist)
{
  TsTracklist *copy = ts_tracklist_new_like (tracklist);

  for (guint i = 0; i < ts_tracklist_get_n_tracks (tracklist); i++)
    {
      const TsTrack *track = ts_tracklist_get_track (tracklist, i);

      ts_tracklist_add (copy, track->seconds, track->beat, track->title);
    }

  return copy;
}

/**
 * ts_library_document_new:
 * @tracklist: the project's tracklist, unedited
 *
 * Returns: (transfer full): a document never saved: a new id, revision 0,
 *   no edits, the default template and time format
 */
TsLibraryDocument *
ts_library_document_new (const TsTracklist *tracklist)
{
  TsLibraryDocument *self;
  TsTimeFormat time_format = TS_TIME_FORMAT_INIT;

  g_return_val_if_fail (tracklist != NULL, NULL);

  self = g_new0 (TsLibraryDocument, 1);
  self->id = g_uuid_string_random ();
  self->created = g_get_real_time () / G_USEC_PER_SEC;
  self->modified = self->created;
  self->tracklist = copy_tracklist (tracklist);
  self->edits = ts_edits_new ();
  self->template_ = g_strdup (TS_TEMPLATE_DEFAULT);
  self->time_format = time_format;

  return self;
}

TsLibraryDocument *
ts_library_document_copy (const TsLibraryDocument *self)
{
  TsLibraryDocument *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (TsLibraryDocument, 1);
  *copy = *self;
  copy->id = g_strdup (self->id);
  copy->hash = g_strdup (self->hash);
  copy->source_path = g_strdup (self->source_path);
  copy->source_hash = g_strdup (self->source_hash);
  copy->tracklist = copy_tracklist (self->tracklist);
  copy->edits = ts_edits_copy (self->edits);
  copy->template_ = g_strdup (self->template_);

  return copy;
}

void
ts_library_document_free (TsLibraryDocument *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_free (self->hash);
  g_free (self->source_path);
  g_free (self->source_hash);
  g_clear_pointer (&self->tracklist, ts_tracklist_free);
  g_clear_pointer (&self->edits, ts_edits_free);
  g_free (self->template_);
  g_free (self);
}

/**
 * ts_library_document_set_source:
 * @tracklist: the project's tracklist as read now, unedited
 * @path: (nullable): the project file's absolute path
 * @hash: (nullable): SHA-256 of its bytes (ts_library_hash_file())
 *
 * Takes a new read of the project. Edits of markers it still has stay;
 * those of markers that are gone go, as in an open TsDocument.
 */
void
ts_library_document_set_source (TsLibraryDocument *self,
                                const TsTracklist *tracklist,
                                const char        *path,
                                const char        *hash)
{
  g_autoptr(GPtrArray) keys = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (tracklist != NULL);

  g_clear_pointer (&self->tracklist, ts_tracklist_free);
  self->tracklist = copy_tracklist (tracklist);
  g_free (self->source_path);
  self->source_path = g_strdup (path);
  g_free (self->source_hash);
  self->source_hash = g_strdup (hash);

  keys = ts_edits_make_keys (self->tracklist);
  ts_edits_keep_only (self->edits, keys);
}

/**
 * ts_library_document_get_keys:
 *
 * Returns: (transfer full) (element-type utf8): the marker keys of the
 *   document's markers, in their order
 */
GPtrArray *
ts_library_document_get_keys (const TsLibraryDocument *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return ts_edits_make_keys (self->tracklist);
}

/**
 * ts_library_document_build_tracklist:
 *
 * Returns: (transfer full): the tracklist as the user sees it: hidden
 *   markers left out, edited titles in, numbered again
 */
TsTracklist *
ts_library_document_build_tracklist (const TsLibraryDocument *self)
{
  g_autoptr(GPtrArray) keys = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  keys = ts_edits_make_keys (self->tracklist);
  return ts_edits_apply (self->edits, self->tracklist, keys);
}
