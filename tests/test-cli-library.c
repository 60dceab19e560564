/* test-cli-library.c - `timestamps-cli library …` as a script runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test has its own XDG_DATA_HOME and XDG_CONFIG_HOME, so the
 * library starts empty, and two of them act as two computers.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ts-ableton-set.h"
#include "ts-als-writer.h"
#include "ts-test-cli.h"
#include "ts-test-files.h"

#define CUE_SHEET \
  "FILE \"mix.wav\" WAVE\n" \
  "  TRACK 01 AUDIO\n    TITLE \"One\"\n    INDEX 01 00:00:00\n" \
  "  TRACK 02 AUDIO\n    TITLE \"Two\"\n    INDEX 01 01:30:00\n"

typedef struct {
  char *root;
  char *data;      /* XDG_DATA_HOME */
  char *config;    /* XDG_CONFIG_HOME */
  char *set;
  char *cue;
} Fixture;

static void
write_set (const char *path,
           gboolean    with_last)
{
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (10, 120.0);
  g_autoptr(GError) error = NULL;

  ts_als_writer_add_tempo_event (writer, TS_ABLETON_SENTINEL_BEAT, 120.0);
  ts_als_writer_add_locator (writer, 0.0, "Intro");
  ts_als_writer_add_locator (writer, 32.0, "Artist A - First");
  ts_als_writer_add_locator (writer, 128.0, "Artist B - Second");
  if (with_last)
    ts_als_writer_add_locator (writer, 240.0, "Artist C - Last");
  g_assert_true (ts_als_writer_write_file (writer, path, TRUE, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->root = g_dir_make_tmp ("ts-cli-library-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->data = g_build_filename (fixture->root, "data", NULL);
  fixture->config = g_build_filename (fixture->root, "config", NULL);
  fixture->set = g_build_filename (fixture->root, "Sunset Mix.als", NULL);
  fixture->cue = g_build_filename (fixture->root, "mix.cue", NULL);
  write_set (fixture->set, TRUE);
  g_assert_true (g_file_set_contents (fixture->cue, CUE_SHEET, -1, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ts_test_remove_tree (fixture->root);
  g_free (fixture->root);
  g_free (fixture->data);
  g_free (fixture->config);
  g_free (fixture->set);
  g_free (fixture->cue);
}

/* Runs timestamps-cli in the fixture's folder with @data as XDG_DATA_HOME. */
static int
run_cli_in (Fixture             *fixture,
            const char          *data,
            const char * const  *args,
            char               **out,
            char               **err)
{
  g_autoptr(GSubprocessLauncher) launcher = ts_test_cli_launcher_new ();

  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", fixture->config, TRUE);
  g_subprocess_launcher_set_cwd (launcher, fixture->root);
  return ts_test_cli_run (launcher, args, NULL, out, err);
}

static int
run_cli (Fixture             *fixture,
         const char * const  *args,
         char               **out,
         char               **err)
{
  return run_cli_in (fixture, fixture->data, args, out, err);
}

/* Adds the set and returns its id. */
static char *
add_set (Fixture *fixture)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "library", "add", "Sunset Mix.als", NULL };

  g_assert_cmpint (run_cli (fixture, args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_str_has_suffix (out, "\n"));
  out[strlen (out) - 1] = '\0';
  g_assert_true (g_uuid_string_is_valid (out));
  return g_steal_pointer (&out);
}

static JsonObject *
parse_object (const char *line)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, line, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_add_list_show (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *plain = NULL;
  g_auto(GStrv) ids = NULL;
  g_auto(GStrv) lines = NULL;
  const char *add[] = { "library", "add", "Sunset Mix.als", "missing.als", "mix.cue", NULL };
  const char *list[] = { "library", "list", NULL };
  const char *json[] = { "Sunset Mix.als", "--format", "json", NULL };
  g_autofree char *missing = g_build_filename (fixture->root, "missing.als", NULL);
  gboolean seen_set = FALSE, seen_cue = FALSE;

  /* The file that cannot be read is named; the others are added. */
  g_assert_cmpint (run_cli (fixture, add, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "missing.als"));
  ids = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (ids), ==, 3);
  g_assert_true (g_uuid_string_is_valid (ids[0]));
  g_assert_true (g_uuid_string_is_valid (ids[1]));
  g_assert_cmpstr (ids[2], ==, "");

  g_assert_cmpint (run_cli (fixture, list, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(JsonObject) line = parse_object (lines[i]);
      const char *id = json_object_get_string_member (line, "id");
      g_autoptr(GDateTime) modified = g_date_time_new_from_iso8601 (json_object_get_string_member (line, "modified"), NULL);
      g_autofree char *source = g_build_filename (fixture->root, json_object_get_string_member (line, "title"), NULL);

      g_assert_cmpuint (json_object_get_size (line), ==, 5);
      g_assert_nonnull (modified);
      g_assert_cmpstr (json_object_get_string_member (line, "source"), ==, source);
      if (g_strcmp0 (id, ids[0]) == 0)
        {
          g_assert_cmpstr (json_object_get_string_member (line, "title"), ==, "Sunset Mix.als");
          g_assert_cmpint (json_object_get_int_member (line, "markers"), ==, 4);
          seen_set = TRUE;
        }
      else
        {
          g_assert_cmpstr (id, ==, ids[1]);
          g_assert_cmpstr (json_object_get_string_member (line, "title"), ==, "mix.cue");
          g_assert_cmpint (json_object_get_int_member (line, "markers"), ==, 2);
          seen_cue = TRUE;
        }
    }
  g_assert_true (seen_set && seen_cue);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  /* Without edits, show is what the tool prints for the project. */
  g_assert_cmpint (run_cli (fixture, json, &plain, &err), ==, 0);
  {
    const char *show[] = { "library", "show", ids[0], NULL };

    g_assert_cmpint (run_cli (fixture, show, &out, &err), ==, 0);
    g_assert_cmpstr (err, ==, "");
    g_assert_cmpstr (out, ==, plain);
  }
}

static void
test_rename_hide_export (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *id = add_set (fixture);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *again = NULL;
  const char *rename[] = { "library", "rename", id, "2", "Artist A - Renamed", NULL };
  const char *hide[] = { "library", "hide", id, "1", NULL };
  const char *rename_back[] = { "library", "rename", id, "2", "", NULL };
  const char *text[] = { "library", "export", id, NULL };
  const char *cue[] = { "library", "export", id, "--format=cue", NULL };
  const char *show[] = { "library", "show", id, NULL };

  g_assert_cmpint (run_cli (fixture, rename, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (run_cli (fixture, hide, &out, &err), ==, 0);

  g_assert_cmpint (run_cli (fixture, text, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "0:16 Artist A - Renamed\n1:04 Artist B - Second\n2:00 Artist C - Last\n");
  g_assert_cmpint (run_cli (fixture, cue, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "TITLE \"Renamed\""));
  g_assert_null (strstr (out, "Intro"));

  /* The project saved again without its last marker: the same document,
   * the edits of the markers still there kept. */
  write_set (fixture->set, FALSE);
  again = add_set (fixture);
  g_assert_cmpstr (again, ==, id);
  g_assert_cmpint (run_cli (fixture, show, &out, &err), ==, 0);
  {
    g_autoptr(JsonObject) tracklist = parse_object (out);
    JsonArray *markers = json_object_get_array_member (tracklist, "markers");

    g_assert_cmpuint (json_array_get_length (markers), ==, 2);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (markers, 0), "title"),
                     ==, "Artist A - Renamed");
    g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (markers, 0), "time"),
                       ==, 16.0);
  }

  g_assert_cmpint (run_cli (fixture, rename_back, &out, &err), ==, 0);
  g_assert_cmpint (run_cli (fixture, text, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "0:16 Artist A - First\n1:04 Artist B - Second\n");
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *id = add_set (fixture);
  g_autofree char *again = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  const char *delete[] = { "library", "delete", id, NULL };
  const char *show[] = { "library", "show", id, NULL };
  const char *list[] = { "library", "list", NULL };

  g_assert_cmpint (run_cli (fixture, delete, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (run_cli (fixture, list, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "");

  expected = g_strdup_printf ("timestamps-cli: the tracklist %s was deleted\n", id);
  g_assert_cmpint (run_cli (fixture, show, &out, &err), ==, 2);
  g_assert_cmpstr (err, ==, expected);
  g_assert_cmpint (run_cli (fixture, delete, &out, &err), ==, 2);
  g_assert_cmpstr (err, ==, expected);

  /* Opened again after the deletion: a new tracklist. */
  again = add_set (fixture);
  g_assert_cmpstr (again, !=, id);
}

static void
test_bad_arguments (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *id = add_set (fixture);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *unknown = "0b6f3c1e-2d4a-4b5c-8d9e-0f1a2b3c4d5e";
  const char *no_command[] = { "library", NULL };
  const char *no_files[] = { "library", "add", NULL };
  const char *bad_id[] = { "library", "show", "../../config/x", NULL };
  const char *missing_id[] = { "library", "show", unknown, NULL };
  const char *index_zero[] = { "library", "hide", id, "0", NULL };
  const char *index_past[] = { "library", "rename", id, "5", "x", NULL };
  const char *index_word[] = { "library", "hide", id, "two", NULL };
  const char *bad_format[] = { "library", "export", id, "--format", "mp3", NULL };

  g_assert_cmpint (run_cli (fixture, no_command, &out, &err), ==, 2);
  g_assert_true (g_str_has_prefix (err, "timestamps-cli: library needs one of: add FILE…"));
  g_assert_cmpint (run_cli (fixture, no_files, &out, &err), ==, 2);
  g_assert_cmpint (run_cli (fixture, bad_id, &out, &err), ==, 2);
  g_assert_cmpstr (err, ==, "timestamps-cli: “../../config/x” is not the id of a library document; "
                            "“timestamps-cli library list” shows the ids\n");
  g_assert_cmpint (run_cli (fixture, missing_id, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "There is no tracklist 0b6f3c1e-2d4a-4b5c-8d9e-0f1a2b3c4d5e in the library"));
  g_assert_cmpint (run_cli (fixture, index_zero, &out, &err), ==, 2);
  g_assert_cmpstr (err, ==, "timestamps-cli: INDEX must be a marker number from 1 to 4, not “0”\n");
  g_assert_cmpint (run_cli (fixture, index_past, &out, &err), ==, 2);
  g_assert_cmpint (run_cli (fixture, index_word, &out, &err), ==, 2);
  g_assert_cmpint (run_cli (fixture, bad_format, &out, &err), ==, 2);
  g_assert_true (g_str_has_prefix (err, "timestamps-cli: --format must be one of text, youtube"));
  g_assert_cmpstr (out, ==, "");
}

/* XDG_DATA_HOME decides: two folders are two computers. */
static void
test_two_folders (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *id = add_set (fixture);
  g_autofree char *other = g_build_filename (fixture->root, "other", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *document = g_strdup_printf ("%s/timestamps/library/%s.json", fixture->data, id);
  const char *list[] = { "library", "list", NULL };
  const char *show[] = { "library", "show", id, NULL };

  g_assert_true (g_file_test (document, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (run_cli_in (fixture, other, list, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpint (run_cli_in (fixture, other, show, &out, &err), ==, 2);
}

/* A damaged document is named and kept aside; the list goes on. */
static void
test_damaged_document (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *id = add_set (fixture);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *kept = NULL;
  const char *damaged_id = "4a0b6c2e-8d1f-4e3a-9b5c-7d6e5f4a3b2c";
  g_autofree char *damaged = g_strdup_printf ("%s/timestamps/library/%s.json", fixture->data, damaged_id);
  g_autofree char *broken = g_strconcat (damaged, ".broken", NULL);
  const char *list[] = { "library", "list", NULL };
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (damaged, "{\"schema\": 1", -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (run_cli (fixture, list, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, id));
  g_assert_nonnull (strstr (err, damaged));
  g_assert_nonnull (strstr (err, broken));
  g_assert_true (g_file_get_contents (broken, &kept, NULL, &error));
  g_assert_cmpstr (kept, ==, "{\"schema\": 1");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli-library/add-list-show", test_add_list_show);
  ADD ("/cli-library/rename-hide-export", test_rename_hide_export);
  ADD ("/cli-library/delete", test_delete);
  ADD ("/cli-library/bad-arguments", test_bad_arguments);
  ADD ("/cli-library/two-folders", test_two_folders);
  ADD ("/cli-library/damaged-document", test_damaged_document);
#undef ADD

  return g_test_run ();
}
