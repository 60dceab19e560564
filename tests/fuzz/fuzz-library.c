/* fuzz-library.c - the library document loader over any input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A fuzzer cannot forge a SHA-256, and a document whose hash does not
 * match is refused before most of it matters. So the first byte chooses,
 * as in fuzz-license.c: bit 0 clear, the rest is the document as it is;
 * set, the rest is a document without its "hash" member, which goes in
 * as the SHA-256 of those bytes: the right hash exactly when they are
 * canonical, as the writer's are, so that a mutated value still gets
 * read. Bit 1 set reads the document from disk (ts_library_load(), which
 * checks the size and the id against the file name and moves a damaged
 * file aside) instead of from memory.
 *
 * A document that loads must write back to JSON that loads again to the
 * same hash: the hash is how sync tells documents apart, so a document
 * that changes when it is merely saved again is a bug.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "ts-fuzz.h"
#include "ts-library.h"

/* The id the seeds have, so that the disk path finds the file it expects. */
#define FILE_ID "3f2b8c1e-7a4d-4e6b-9c0f-1d2e3f4a5b6c"

static char *library_dir;

static void
remove_library_dir (void)
{
  g_rmdir (library_dir);
}

static TsLibrary *
get_library (void)
{
  static TsLibrary *library;

  if (library == NULL)
    {
      g_autoptr(GError) error = NULL;

      library_dir = g_dir_make_tmp ("fuzz-library-XXXXXX", &error);
      if (library_dir == NULL)
        ts_fuzz_fail ("cannot create a library folder: %s", error->message);
      atexit (remove_library_dir);
      library = ts_library_new (library_dir);
    }
  return library;
}

static TsLibraryDocument *
load_from_disk (const char  *data,
                gsize        length,
                GError     **error)
{
  TsLibrary *library = get_library ();
  g_autofree char *path = g_build_filename (library_dir, FILE_ID ".json", NULL);
  g_autofree char *broken = g_strconcat (path, ".broken", NULL);
  g_autoptr(GError) write_error = NULL;
  TsLibraryDocument *document;

  if (!g_file_set_contents (path, data, length, &write_error))
    ts_fuzz_fail ("cannot write %s: %s", path, write_error->message);
  document = ts_library_load (library, FILE_ID, error);
  g_remove (path);
  g_remove (broken);
  return document;
}

/* @data, a document without its hash member, with the SHA-256 of those
 * bytes put in as the first member. */
static char *
with_hash (const char *data,
           gsize       length,
           gsize      *out_length)
{
  g_autofree char *hash = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
  GString *out = g_string_new ("{\"hash\": \"");

  g_string_append (out, hash);
  g_string_append (out, "\", ");
  if (length > 0 && data[0] == '{')
    g_string_append_len (out, data + 1, length - 1);
  else
    g_string_append_len (out, data, length);
  *out_length = out->len;
  return g_string_free (out, FALSE);
}

static void
check_round_trip (const TsLibraryDocument *document)
{
  g_autofree char *json = ts_library_document_to_json (document);
  g_autoptr(TsLibraryDocument) again = NULL;
  g_autoptr(GError) error = NULL;

  again = ts_library_document_from_json (json, strlen (json), "saved again", &error);
  if (again == NULL)
    ts_fuzz_fail ("a document that loaded does not load once saved: %s", error->message);
  if (g_strcmp0 (again->hash, document->hash) != 0)
    ts_fuzz_fail ("a document saved again has another hash:\n%s", json);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(TsLibraryDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gsize length;

  ts_fuzz_init ();

  if (size == 0)
    return 0;

  if (data[0] & 1)
    {
      text = with_hash ((const char *) data + 1, size - 1, &length);
    }
  else
    {
      text = g_memdup2 (data + 1, size - 1);
      length = size - 1;
    }

  if (data[0] & 2)
    document = load_from_disk (text, length, &error);
  else
    document = ts_library_document_from_json (text, length, "fuzzed.json", &error);

  if (document == NULL && (error == NULL || error->message == NULL || error->message[0] == '\0'))
    ts_fuzz_fail ("a refused document has no error message");
  if (document != NULL)
    {
      g_autoptr(TsTracklist) shown = ts_library_document_build_tracklist (document);
      g_autoptr(GPtrArray) keys = ts_library_document_get_keys (document);
      guint n_markers = ts_tracklist_get_n_tracks (document->tracklist);

      /* Edits hide and rename markers, never add any. */
      if (keys->len != n_markers || ts_tracklist_get_n_tracks (shown) > n_markers)
        ts_fuzz_fail ("%u markers have %u keys and show as %u", n_markers, keys->len,
                      ts_tracklist_get_n_tracks (shown));
      check_round_trip (document);
    }
  return 0;
}
