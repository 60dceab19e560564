/* test-cli.c - timestamps-cli's options, output and exit codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line is a contract scripts rely on; these tests pin it.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "ts-ableton-set.h"
#include "ts-als-writer.h"
#include "ts-export.h"
#include "ts-flp-writer.h"
#include "ts-format-info.h"
#include "ts-project.h"
#include "ts-template.h"
#include "ts-test-cli.h"
#include "ts-time-format.h"
#include "ts-tracklist.h"

typedef struct {
  char *dir;
  char *steady;   /* 120 BPM, three locators, one past an hour */
  char *ramp;     /* a ramp from 120 to 60 BPM */
  char *junk;
  char *fl;       /* two arrangements, the second current at save time */
} Fixture;

/* FL 20 at 120 BPM, 96 PPQ: "Warmup" has markers at beats 0 and 8 and a
 * loop marker, "Main Set" one at beat 4 and is current at save time. */
static void
write_fl_fixture (const char *path)
{
  g_autoptr(TsFlpWriter) writer = ts_flp_writer_new (96, TS_FLP_TEXT_UTF16);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  ts_flp_writer_version (writer, "20.8.4.2576");
  ts_flp_writer_tempo (writer, 120000);
  ts_flp_writer_arrangement (writer, 0, "Warmup");
  ts_flp_writer_marker (writer, 0, 0, "Intro");
  ts_flp_writer_marker (writer, 0, 8 * 96, "Second");
  ts_flp_writer_marker (writer, 4, 2 * 96, "Loop here");
  ts_flp_writer_arrangement (writer, 1, "Main Set");
  ts_flp_writer_marker (writer, 0, 4 * 96, "Drop");
  ts_flp_writer_current_arrangement (writer, 1);
  bytes = ts_flp_writer_finish (writer);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsAlsWriter) steady = ts_als_writer_new (10, 120.0);
  g_autoptr(TsAlsWriter) ramp = ts_als_writer_new (12, 120.0);

  fixture->dir = g_dir_make_tmp ("ts-cli-XXXXXX", &error);
  g_assert_no_error (error);

  /* Stored out of order, as Live does. */
  ts_als_writer_add_locator (steady, 130.0, "Artist - Track \"One\"");
  ts_als_writer_add_locator (steady, 0.0, "Intro");
  ts_als_writer_add_locator (steady, 7300.0, "Late");
  fixture->steady = g_build_filename (fixture->dir, "steady.als", NULL);
  g_assert_true (ts_als_writer_write_file (steady, fixture->steady, TRUE, &error));
  g_assert_no_error (error);

  ts_als_writer_add_tempo_event (ramp, TS_ABLETON_SENTINEL_BEAT, 120.0);
  ts_als_writer_add_tempo_event (ramp, 8.0, 120.0);
  ts_als_writer_add_tempo_event (ramp, 24.0, 60.0);
  ts_als_writer_add_locator (ramp, 16.0, "Middle");
  ts_als_writer_add_locator (ramp, 32.0, "End");
  fixture->ramp = g_build_filename (fixture->dir, "ramp.als", NULL);
  g_assert_true (ts_als_writer_write_file (ramp, fixture->ramp, TRUE, &error));
  g_assert_no_error (error);

  fixture->junk = g_build_filename (fixture->dir, "junk.als", NULL);
  g_assert_true (g_file_set_contents (fixture->junk, "JUNK\n", -1, &error));

  fixture->fl = g_build_filename (fixture->dir, "two-arrangements.flp", NULL);
  write_fl_fixture (fixture->fl);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_unlink (fixture->steady);
  g_unlink (fixture->ramp);
  g_unlink (fixture->junk);
  g_unlink (fixture->fl);
  g_rmdir (fixture->dir);
  g_free (fixture->fl);
  g_free (fixture->steady);
  g_free (fixture->ramp);
  g_free (fixture->junk);
  g_free (fixture->dir);
}

/* Runs timestamps-cli with @args, @input on its standard input. */
static int
run_cli_with_input (const char * const  *args,
                    GBytes              *input,
                    char               **out,
                    char               **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GBytes) out_bytes = NULL;
  g_autoptr(GBytes) err_bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *) TS_CLI_PATH);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate (process, input, NULL, &out_bytes, &err_bytes, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  /* Empty bytes have no data pointer; the strings are "" then. */
  *out = g_strndup (g_bytes_get_size (out_bytes) > 0 ? g_bytes_get_data (out_bytes, NULL) : "",
                    g_bytes_get_size (out_bytes));
  *err = g_strndup (g_bytes_get_size (err_bytes) > 0 ? g_bytes_get_data (err_bytes, NULL) : "",
                    g_bytes_get_size (err_bytes));
  return g_subprocess_get_exit_status (process);
}

/* Runs timestamps-cli with @argv in the test's own environment. */
static int
run_cli (const char * const  *args,
         char               **out,
         char               **err)
{
  g_autoptr(GSubprocessLauncher) launcher = ts_test_cli_launcher_new ();

  return ts_test_cli_run (launcher, args, NULL, out, err);
}

static void
test_text_default (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { fixture->steady, NULL };

  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "0:00 Intro\n1:05 Artist - Track \"One\"\n1:00:50 Late\n");
  g_assert_cmpstr (err, ==, "");
}

static void
test_time_options (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *always[] = { "--hours", "always", "--ms", fixture->steady, NULL };
  const char *never[] = { "--hours=never", fixture->steady, NULL };

  g_assert_cmpint (run_cli (always, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "0:00:00.000 Intro\n0:01:05.000 Artist - Track \"One\"\n1:00:50.000 Late\n");

  g_assert_cmpint (run_cli (never, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "0:00 Intro\n1:05 Artist - Track \"One\"\n60:50 Late\n");
}

static void
test_template (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "--template", "{index}. {artist}|{track} [{time}] @{beat}", fixture->steady, NULL };

  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==,
                   "1. |Intro [0:00] @0\n"
                   "2. Artist|Track \"One\" [1:05] @130\n"
                   "3. |Late [1:00:50] @7300\n");
}

/* A template that would write its typo into every line is refused
 * before any file is read, as a wrong command line. */
static void
test_invalid_template (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "--template", "{time} {titel}", fixture->steady, NULL };

  g_assert_cmpint (run_cli (args, &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==,
                   "timestamps-cli: --template: “{titel}” is not a field; the fields are "
                   "{time} {title} {artist} {track} {index} {beat} {bar}\n");
}

static char *
expected_text (const TsTracklist *tracklist)
{
  TsTimeFormat format = { TS_HOURS_AUTO, TRUE, TS_ROUND_DOWN };
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < ts_tracklist_get_n_tracks (tracklist); i++)
    {
      const TsTrack *track = ts_tracklist_get_track (tracklist, i);
      g_autofree char *time = ts_format_time (track->seconds, &format);

      g_string_append_printf (text, "%s %s\n", time, track->title);
    }
  return g_string_free (text, FALSE);
}

static void
test_modes (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *daw[] = { "--ms", fixture->ramp, NULL };
  const char *exact[] = { "--ms", "--mode", "exact", fixture->ramp, NULL };
  g_autoptr(GFile) file = g_file_new_for_path (fixture->ramp);
  g_autoptr(TsProject) project = ts_project_load_file (file, NULL, NULL);
  g_autoptr(TsTracklist) daw_list = ts_tracklist_new_for_project (project, NULL, 0, TS_TEMPO_MODE_DAW);
  g_autoptr(TsTracklist) exact_list = ts_tracklist_new_for_project (project, NULL, 0, TS_TEMPO_MODE_EXACT);
  g_autofree char *daw_expected = NULL;
  g_autofree char *exact_expected = NULL;

  /* The text equals what the core computes, and the modes differ. */
  daw_expected = expected_text (daw_list);
  exact_expected = expected_text (exact_list);
  g_assert_cmpstr (daw_expected, !=, exact_expected);

  g_assert_cmpint (run_cli (daw, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, daw_expected);
  g_assert_cmpint (run_cli (exact, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, exact_expected);
}

static void
test_json (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "--format", "json", "--mode", "exact", fixture->steady, fixture->ramp, NULL };
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *markers;
  JsonObject *marker;

  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[2], ==, "");

  /* Floats stay floats, and keys come in the documented order. */
  g_assert_true (g_str_has_prefix (lines[0], "{\"file\": \""));
  g_assert_nonnull (strstr (lines[0], "\"format\": \"ableton\", \"daw_version\": \"Ableton Live 10."));
  g_assert_nonnull (strstr (lines[0], "\"mode\": \"exact\", \"bpm\": 120.0, \"tempo_automation\": false, "
                                      "\"curved_automation\": false, \"markers\": [{\"time\": 0.0, \"beat\": 0.0, "
                                      "\"title\": \"Intro\"}, {\"time\": 65.0, \"beat\": 130.0, "
                                      "\"title\": \"Artist - Track \\\"One\\\"\"}"));

  json_parser_load_from_data (parser, lines[1], -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "file"), ==, fixture->ramp);
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, "ableton");
  g_assert_true (json_object_get_boolean_member (root, "tempo_automation"));
  /* Read whole: no "warnings" key, the output as it always was. */
  g_assert_false (json_object_has_member (root, "warnings"));
  markers = json_object_get_array_member (root, "markers");
  g_assert_cmpuint (json_array_get_length (markers), ==, 2);
  marker = json_array_get_object_element (markers, 0);
  g_assert_cmpfloat (json_object_get_double_member (marker, "beat"), ==, 16.0);
  /* 8 beats at 120, then 8 beats of the ramp 120 -> 90: 4 + 60*8/(90-120)*ln(90/120) s,
   * printed with 17 significant digits so it reads back to the same double. */
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (marker, "time"),
                                  4.0 + 60.0 * 8.0 / -30.0 * log (90.0 / 120.0), 1e-12);
}

static void
test_bad_file_among_good (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.als", NULL);
  g_autofree char *junk_prefix = g_strconcat (fixture->junk, ": ", NULL);
  g_autofree char *missing_prefix = g_strconcat ("\n", missing, ": ", NULL);
  const char *args[] = { fixture->junk, fixture->steady, missing, NULL };

  g_assert_cmpint (run_cli (args, &out, &err), ==, 2);
  /* The good file is still printed, under its header. */
  g_assert_nonnull (strstr (out, "0:00 Intro\n1:05 Artist - Track \"One\"\n1:00:50 Late\n"));
  g_assert_true (g_str_has_prefix (err, junk_prefix));
  g_assert_nonnull (strstr (err, missing_prefix));
}

static void
test_arrangements (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *by_default[] = { fixture->fl, NULL };
  const char *by_index[] = { "--arrangement", "0", fixture->fl, NULL };
  const char *by_name[] = { "--arrangement=Warmup", fixture->fl, NULL };
  const char *missing[] = { "--arrangement", "Afterparty", fixture->fl, NULL };
  const char *json[] = { "--format", "json", "--arrangement", "Main Set", fixture->fl, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *missing_message = g_strconcat (fixture->fl, ": no arrangement “Afterparty”; "
                                                 "arrangements: 0 “Warmup”, 1 “Main Set”\n", NULL);

  /* The arrangement current at save time; the loop marker is no track. */
  g_assert_cmpint (run_cli (by_default, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "0:02 Drop\n");

  g_assert_cmpint (run_cli (by_index, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "0:00 Intro\n0:04 Second\n");

  g_assert_cmpint (run_cli (by_name, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "0:00 Intro\n0:04 Second\n");

  g_assert_cmpint (run_cli (missing, &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, missing_message);

  g_assert_cmpint (run_cli (json, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "\"format\": \"flstudio\", \"daw_version\": \"FL Studio 20.8.4.2576\""));
  g_assert_nonnull (strstr (out, "\"arrangement\": {\"index\": 1, \"name\": \"Main Set\"}, "
                                 "\"arrangements\": [\"Warmup\", \"Main Set\"], \"markers\": "
                                 "[{\"time\": 2.0, \"beat\": 4.0, \"title\": \"Drop\"}]}\n"));
}

/* Every --format prints what the core's exporter gives for the file. */
static void
test_export_formats (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TsProject) project = ts_project_load_path (fixture->steady, NULL, NULL);
  g_autoptr(TsTracklist) tracklist = ts_tracklist_new_for_project (project, fixture->steady, 0, TS_TEMPO_MODE_DAW);
  TsExportOptions options = { TS_TEMPLATE_DEFAULT, TS_TIME_FORMAT_INIT };

  for (int format = 0; format < TS_EXPORT_N_FORMATS; format++)
    {
      const char *name = ts_export_format_to_string (format);
      const char *args[] = { "--format", name, fixture->steady, NULL };
      g_autofree char *expected = ts_export (tracklist, format, &options);
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
      g_assert_cmpstr (out, ==, expected);
      g_assert_cmpstr (err, ==, "");
    }
}

static void
test_output_file (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *target = g_build_filename (fixture->dir, "chapters.vtt", NULL);
  const char *to_file[] = { "--format", "webvtt", "--output", target, fixture->steady, NULL };
  const char *to_stdout[] = { "--format", "webvtt", fixture->steady, NULL };
  g_autofree char *bad_target = g_build_filename (fixture->dir, "no-such-dir", "x.vtt", NULL);
  const char *to_nowhere[] = { "-o", bad_target, fixture->steady, NULL };
  const char *to_folder[] = { "-o", fixture->dir, fixture->steady, NULL };
  g_autofree char *nowhere_message = g_strdup_printf ("timestamps-cli: cannot write %s: the folder does not exist\n",
                                                      bad_target);
  g_autofree char *folder_message = g_strdup_printf ("timestamps-cli: cannot write %s: it is a folder\n",
                                                     fixture->dir);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GDir) dir = NULL;
  guint n_entries = 0;

  g_assert_cmpint (run_cli (to_stdout, &expected, &err), ==, 0);
  g_clear_pointer (&err, g_free);
  g_assert_true (g_str_has_prefix (expected, "WEBVTT"));

  g_assert_true (g_file_set_contents (target, "old contents", -1, NULL));
  g_assert_cmpint (run_cli (to_file, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_true (g_file_get_contents (target, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, expected);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* No temporary file is left behind beside it. */
  dir = g_dir_open (fixture->dir, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    n_entries++;
  g_assert_cmpuint (n_entries, ==, 5);
  g_unlink (target);

  /* The error says what is wrong with the path given, not with the
   * temporary file beside it. */
  g_assert_cmpint (run_cli (to_nowhere, &out, &err), ==, 2);
  g_assert_cmpstr (err, ==, nowhere_message);
  g_assert_cmpint (run_cli (to_folder, &out, &err), ==, 2);
  g_assert_cmpstr (err, ==, folder_message);
}

static void
test_check_youtube (Fixture       *fixture,
                    gconstpointer  data)
{
  const char *good[] = { "--check-youtube", "--format", "youtube", fixture->steady, NULL };
  const char *bad[] = { "--check-youtube", fixture->ramp, NULL };
  const char *worst[] = { "--check-youtube", fixture->ramp, fixture->junk, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *ramp_prefix = g_strconcat (fixture->ramp, ": ", NULL);
  g_auto(GStrv) findings = NULL;

  /* 0:00, 1:05 and 1:00:50: three chapters, each long enough. */
  g_assert_cmpint (run_cli (good, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "0:00 Intro\n1:05 Artist - Track \"One\"\n1:00:50 Late\n");
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Two chapters, the first not at 0:00: the list still prints, the
   * findings go to stderr, exit 1. */
  g_assert_cmpint (run_cli (bad, &out, &err), ==, 1);
  g_assert_nonnull (strstr (out, "Middle\n"));
  g_assert_true (g_str_has_prefix (err, ramp_prefix));
  g_assert_nonnull (strstr (err, "0:00"));
  findings = g_strsplit (err, "\n", -1);
  g_assert_cmpuint (g_strv_length (findings), >=, 3);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* An unreadable file outranks a broken rule. */
  g_assert_cmpint (run_cli (worst, &out, &err), ==, 2);
}

static void
test_cue_sheet_input (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "mix.cue", NULL);
  const char *args[] = { "--ms", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_true (g_file_set_contents (path,
                                      "PERFORMER \"DJ Test\"\r\n"
                                      "FILE \"mix.wav\" WAVE\r\n"
                                      "  TRACK 01 AUDIO\r\n"
                                      "    TITLE \"Opening\"\r\n"
                                      "    INDEX 01 00:00:00\r\n"
                                      "  TRACK 02 AUDIO\r\n"
                                      "    PERFORMER \"Someone\"\r\n"
                                      "    TITLE \"Second TRACK\"\r\n"
                                      "    INDEX 00 04:58:00\r\n"
                                      "    INDEX 01 05:01:30\r\n", -1, NULL));
  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  /* 30 frames are 0.4 s. */
  g_assert_cmpstr (out, ==, "0:00.000 Opening\n5:01.400 Someone - Second TRACK\n");
  g_unlink (path);
}

/* A sheet cut off inside its last track: the complete tracks, exit 0, and
 * a warning naming the cut one, on standard error in text and in
 * "warnings" in JSON, where standard error stays quiet. */
static void
test_cut_off_cue_sheet (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "cut.cue", NULL);
  g_autofree char *warning = g_strdup_printf ("%s, line 6: the file ends inside track 2 “Second”, "
                                              "before its INDEX 01; that track is left out, "
                                              "the ones before it are complete", path);
  g_autofree char *expected_err = g_strconcat (warning, "\n", NULL);
  const char *text_args[] = { path, NULL };
  const char *json_args[] = { "--format", "json", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *json_out = NULL;
  g_autofree char *json_err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *warnings;

  g_assert_true (g_file_set_contents (path,
                                      "FILE \"mix.wav\" WAVE\n"
                                      "  TRACK 01 AUDIO\n"
                                      "    TITLE \"Opening\"\n"
                                      "    INDEX 01 00:00:00\n"
                                      "\n"
                                      "  TRACK 02 AUDIO\n"
                                      "    TITLE \"Second\"\n"
                                      "    INDEX 01 00:1", -1, NULL));

  g_assert_cmpint (run_cli (text_args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "0:00 Opening\n");
  g_assert_cmpstr (err, ==, expected_err);

  g_assert_cmpint (run_cli (json_args, &json_out, &json_err), ==, 0);
  g_assert_cmpstr (json_err, ==, "");
  json_parser_load_from_data (parser, json_out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "markers")), ==, 1);
  warnings = json_object_get_array_member (root, "warnings");
  g_assert_cmpuint (json_array_get_length (warnings), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (warnings, 0), ==, warning);
  g_unlink (path);
}

/* A gzip set whose last bytes are missing (its trailer, here): the
 * locators, tempo and clips were read whole, so the tracklist is the
 * whole file's, with a warning on standard error and in "warnings". */
static void
test_cut_off_set (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "cut.als", NULL);
  g_autofree char *warning = g_strdup_printf ("%s: the file ends early, after its locators; the locators, "
                                              "the tempo and the length of the arrangement were read whole, "
                                              "only what follows them is missing", path);
  g_autofree char *expected_err = g_strconcat (warning, "\n", NULL);
  const char *whole_args[] = { fixture->steady, NULL };
  const char *text_args[] = { path, NULL };
  const char *json_args[] = { "--format", "json", path, NULL };
  g_autofree char *contents = NULL;
  g_autofree char *whole_out = NULL;
  g_autofree char *whole_err = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *json_out = NULL;
  g_autofree char *json_err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *warnings;
  gsize length = 0;

  g_assert_true (g_file_get_contents (fixture->steady, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, contents, (gssize) length - 4, &error));
  g_assert_no_error (error);

  g_assert_cmpint (run_cli (whole_args, &whole_out, &whole_err), ==, 0);
  g_assert_cmpint (run_cli (text_args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, whole_out);
  g_assert_cmpstr (err, ==, expected_err);

  g_assert_cmpint (run_cli (json_args, &json_out, &json_err), ==, 0);
  g_assert_cmpstr (json_err, ==, "");
  json_parser_load_from_data (parser, json_out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "markers")), ==, 3);
  warnings = json_object_get_array_member (root, "warnings");
  g_assert_cmpuint (json_array_get_length (warnings), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (warnings, 0), ==, warning);
  g_unlink (path);
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *bad_mode[] = { "--mode", "fast", fixture->steady, NULL };
  const char *bad_hours[] = { "--hours", "sometimes", fixture->steady, NULL };
  const char *bad_format[] = { "--format", "xml", fixture->steady, NULL };
  const char *bad_round[] = { "--round", "up", fixture->steady, NULL };
  const char *unknown[] = { "--frobnicate", fixture->steady, NULL };
  const char *ms_value[] = { "--ms=yes", fixture->steady, NULL };
  const char *check_value[] = { "--check-youtube=no", fixture->steady, NULL };
  const char *nothing[] = { NULL };
  const char * const *cases[] = { bad_mode, bad_hours, bad_format, bad_round, unknown,
                                  ms_value, check_value, nothing };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_cli (cases[i], &out, &err), ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_true (g_str_has_prefix (err, "timestamps-cli: "));
    }
}

static void
test_version_and_help (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *help = NULL;
  g_autofree char *help_err = NULL;
  const char *version[] = { "--version", NULL };
  const char *help_args[] = { "--help", NULL };

  g_assert_cmpint (run_cli (version, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "timestamps-cli "));
  g_assert_cmpint (run_cli (help_args, &help, &help_err), ==, 0);
  g_assert_nonnull (strstr (help, "--mode"));
  g_assert_nonnull (strstr (help, "--template"));
}

/* The help names every format of the table with its extension. */
static void
test_help_lists_formats (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *help = NULL;
  g_autofree char *err = NULL;
  const char *help_args[] = { "--help", NULL };

  g_assert_cmpint (run_cli (help_args, &help, &err), ==, 0);
  for (guint i = 0; i < TS_N_FORMATS; i++)
    {
      const TsFormatInfo *info = ts_format_info_get (i);
      g_autofree char *line = g_strdup_printf ("\n  %s (%s)\n", info->plural_label, info->extensions[0]);

      g_assert_nonnull (strstr (help, line));
    }
}

/* Errors follow the user's language; standard output is data and does
 * not. The catalogue is the one the build compiles (TIMESTAMPS_LOCALEDIR,
 * set by tests/meson.build). */
static void
test_errors_in_german (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *locale_dir = g_getenv ("TIMESTAMPS_LOCALEDIR");
  g_autofree char *catalogue = NULL;
  g_autofree char *expected_err = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *english_out = NULL;
  g_autofree char *english_err = NULL;
  g_autoptr(GSubprocessLauncher) german = NULL;
  g_autoptr(GSubprocessLauncher) english = NULL;
  const char *files[] = { fixture->junk, fixture->steady, NULL };
  const char *bad_mode[] = { "--mode", "fast", fixture->steady, NULL };
  g_autofree char *nowhere = g_build_filename (fixture->dir, "no-such-dir", "x.txt", NULL);
  const char *to_nowhere[] = { "-o", nowhere, fixture->steady, NULL };
  g_autofree char *nowhere_err = g_strdup_printf ("timestamps-cli: %s kann nicht geschrieben werden: "
                                                  "der Ordner existiert nicht\n", nowhere);
  g_autoptr(TsAlsWriter) damaged = ts_als_writer_new (11, 120.0);
  g_autofree char *damaged_path = g_build_filename (fixture->dir, "damaged.als", NULL);
  const char *damaged_args[] = { damaged_path, NULL };
  g_autofree char *damaged_xml = NULL;
  g_autofree char *damaged_err = NULL;
  guint damaged_line = 1;

  g_assert_nonnull (locale_dir);
  catalogue = g_build_filename (locale_dir, "de", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  g_assert_true (g_file_test (catalogue, G_FILE_TEST_IS_REGULAR));

  german = ts_test_cli_launcher_new ();
  g_subprocess_launcher_setenv (german, "LANGUAGE", "de", TRUE);
  g_subprocess_launcher_setenv (german, "LANG", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (german, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (german, "TIMESTAMPS_LOCALEDIR", locale_dir, TRUE);
  english = ts_test_cli_launcher_new ();
  g_subprocess_launcher_unsetenv (english, "LANGUAGE");
  g_subprocess_launcher_setenv (english, "LC_ALL", "C", TRUE);

  g_assert_cmpint (ts_test_cli_run (german, files, NULL, &out, &err), ==, 2);
  expected_err = g_strconcat (fixture->junk, ": Das ist kein Ableton-Live-Set (der Inhalt ist kein XML)\n", NULL);
  g_assert_cmpstr (err, ==, expected_err);

  g_assert_cmpint (ts_test_cli_run (english, files, NULL, &english_out, &english_err), ==, 2);
  g_assert_cmpstr (out, ==, english_out);
  g_assert_nonnull (strstr (out, "0:00 Intro\n1:05 Artist - Track \"One\"\n1:00:50 Late\n"));

  g_assert_cmpint (ts_test_cli_run (german, bad_mode, NULL, &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "timestamps-cli: --mode muss daw oder exact sein, nicht „fast“\n");

  g_assert_cmpint (ts_test_cli_run (german, to_nowhere, NULL, &out, &err), ==, 2);
  g_assert_cmpstr (err, ==, nowhere_err);

  /* What libxml2 found, in our words and in German. */
  ts_als_writer_add_locator_raw (damaged, 0, "Bad&#27;name");
  g_assert_true (ts_als_writer_write_file (damaged, damaged_path, TRUE, NULL));
  damaged_xml = ts_als_writer_to_xml (damaged);
  for (const char *p = damaged_xml; p < strstr (damaged_xml, "Bad&#27;name"); p++)
    damaged_line += *p == '\n';
  damaged_err = g_strdup_printf ("%s: Das Live-Set ist beschädigt: Es enthält ein Zeichen, das XML "
                                 "nicht erlaubt, in Zeile %u (im Abschnitt „Locators“)\n",
                                 damaged_path, damaged_line);
  g_assert_cmpint (ts_test_cli_run (german, damaged_args, NULL, &out, &err), ==, 2);
  g_assert_cmpstr (err, ==, damaged_err);
  g_unlink (damaged_path);
}

/* --round is the app's Rounding preference, down by default. */
static void
test_round (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (10, 120.0);
  g_autofree char *path = g_build_filename (fixture->dir, "fractions.als", NULL);
  g_autoptr(GError) error = NULL;
  const char *by_default[] = { path, NULL };
  const char *down[] = { "--round", "down", path, NULL };
  const char *nearest[] = { "--round=nearest", path, NULL };
  const char *nearest_ms[] = { "--round", "nearest", "--ms", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* Beats 0 and 131.5 at 120 BPM: 0 s and 65.75 s. */
  ts_als_writer_add_locator (writer, 0.0, "Intro");
  ts_als_writer_add_locator (writer, 131.5, "Next");
  g_assert_true (ts_als_writer_write_file (writer, path, TRUE, &error));
  g_assert_no_error (error);

  g_assert_cmpint (run_cli (by_default, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "0:00 Intro\n1:05 Next\n");
  g_assert_cmpint (run_cli (down, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "0:00 Intro\n1:05 Next\n");
  g_assert_cmpint (run_cli (nearest, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "0:00 Intro\n1:06 Next\n");
  g_assert_cmpint (run_cli (nearest_ms, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "0:00.000 Intro\n1:05.750 Next\n");
  g_unlink (path);
}

/* --format youtube prints the list YouTube accepts, not a copy of text,
 * and says on stderr what still breaks a rule. */
static void
test_youtube_format (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (10, 120.0);
  g_autofree char *untitled = g_build_filename (fixture->dir, "untitled.als", NULL);
  g_autoptr(GError) error = NULL;
  const char *ramp[] = { "--format", "youtube", fixture->ramp, NULL };
  const char *ramp_text[] = { fixture->ramp, NULL };
  const char *named[] = { "--format", "youtube", untitled, NULL };
  const char *checked[] = { "--check-youtube", untitled, NULL };
  g_autofree char *ramp_err = g_strconcat (fixture->ramp, ": YouTube needs at least 3 chapters; this list has 2\n", NULL);
  g_autofree char *untitled_err = g_strconcat (untitled, ": line 2 “1:00”: has no title; "
                                               "YouTube needs a title for each chapter\n", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  /* "Middle" at 8.6 s moves to 0:00; two chapters are still too few. */
  g_assert_cmpint (run_cli (ramp, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "0:00 Middle\n0:23 End\n");
  g_assert_cmpstr (err, ==, ramp_err);
  g_assert_cmpint (run_cli (ramp_text, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "0:08 Middle\n0:23 End\n");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* An unnamed locator is left out: the chapter before runs on. */
  ts_als_writer_add_locator (writer, 0.0, "Intro");
  ts_als_writer_add_locator (writer, 120.0, "");
  ts_als_writer_add_locator (writer, 240.0, "Second");
  ts_als_writer_add_locator (writer, 360.0, "Third");
  g_assert_true (ts_als_writer_write_file (writer, untitled, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (run_cli (named, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "0:00 Intro\n2:00 Second\n3:00 Third\n");
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Checked as it stands, the text list names the untitled line. */
  g_assert_cmpint (run_cli (checked, &out, &err), ==, 1);
  g_assert_cmpstr (out, ==, "0:00 Intro\n1:00 \n2:00 Second\n3:00 Third\n");
  g_assert_cmpstr (err, ==, untitled_err);
  g_unlink (untitled);
}

/* FL 20 at 120 BPM: "Just tracks" has no timestamp and was current at
 * save time, "Just timemarkers" has one. */
static void
write_empty_current_fixture (const char *path)
{
  g_autoptr(TsFlpWriter) writer = ts_flp_writer_new (96, TS_FLP_TEXT_UTF16);
  g_autoptr(GBytes) bytes = NULL;

  ts_flp_writer_version (writer, "20.8.4.2576");
  ts_flp_writer_tempo (writer, 120000);
  ts_flp_writer_arrangement (writer, 0, "Just tracks");
  ts_flp_writer_marker (writer, 8, 0, "4/4");
  ts_flp_writer_arrangement (writer, 1, "Just timemarkers");
  ts_flp_writer_marker (writer, 0, 4 * 96, "Drop");
  ts_flp_writer_current_arrangement (writer, 0);
  bytes = ts_flp_writer_finish (writer);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
}

static void
test_arrangement_without_markers (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "empty-current.flp", NULL);
  const char *by_default[] = { path, NULL };
  const char *empty[] = { "--arrangement", "Just tracks", path, NULL };
  const char *on_als[] = { "--arrangement", "1", fixture->steady, NULL };
  g_autofree char *empty_err = g_strconcat (path, ": arrangement 0 “Just tracks” has no markers; "
                                            "arrangements with markers: 1 “Just timemarkers”\n", NULL);
  g_autofree char *als_err = g_strconcat (fixture->steady, ": --arrangement is ignored: "
                                          "an Ableton Live set has only one arrangement\n", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  write_empty_current_fixture (path);

  /* The default passes over the empty arrangement current at save time. */
  g_assert_cmpint (run_cli (by_default, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "0:02 Drop\n");
  g_assert_cmpstr (err, ==, "");

  g_assert_cmpint (run_cli (empty, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, empty_err);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* A format with one timeline has nothing to choose: a note, the list. */
  g_assert_cmpint (run_cli (on_als, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "0:00 Intro\n1:05 Artist - Track \"One\"\n1:00:50 Late\n");
  g_assert_cmpstr (err, ==, als_err);
  g_unlink (path);
}

/* "-" reads the project from standard input, by its content, and is
 * named "-" in messages and in the JSON. */
static void
test_stdin (Fixture       *fixture,
            gconstpointer  data)
{
  const char *text[] = { "-", NULL };
  const char *json[] = { "--format", "json", "-", NULL };
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GBytes) set = NULL;
  g_autoptr(GBytes) junk = g_bytes_new_static ("JUNK\n", 5);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_true (g_file_get_contents (fixture->steady, &contents, &length, NULL));
  set = g_bytes_new (contents, length);

  g_assert_cmpint (run_cli_with_input (text, set, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==, "0:00 Intro\n1:05 Artist - Track \"One\"\n1:00:50 Late\n");
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli_with_input (json, set, &out, &err), ==, 0);
  g_assert_true (g_str_has_prefix (out, "{\"file\": \"-\", \"format\": \"ableton\", "));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli_with_input (text, junk, &out, &err), ==, 2);
  g_assert_cmpstr (out, ==, "");
  g_assert_cmpstr (err, ==, "-: this is not an Ableton Live set (.als), an FL Studio project (.flp) "
                            "or a cue sheet (.cue)\n");
}

/* --format json has a line for every input, the unreadable ones too. */
static void
test_json_errors (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.als", NULL);
  const char *args[] = { "--format", "json", fixture->steady, missing, fixture->junk, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *junk_line = NULL;

  g_assert_cmpint (run_cli (args, &out, &err), ==, 2);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_true (g_str_has_prefix (lines[0], "{\"file\": \""));
  g_assert_nonnull (strstr (lines[0], "\"markers\": ["));

  for (guint i = 1; i < 3; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonObject *root;

      json_parser_load_from_data (parser, lines[i], -1, &error);
      g_assert_no_error (error);
      root = json_node_get_object (json_parser_get_root (parser));
      g_assert_cmpuint (json_object_get_size (root), ==, 2);
      g_assert_cmpstr (json_object_get_string_member (root, "file"), ==, i == 1 ? missing : fixture->junk);
      g_assert_nonnull (json_object_get_string_member (root, "error"));
    }
  junk_line = g_strdup_printf ("{\"file\": \"%s\", \"error\": \"this is not an Ableton Live set "
                               "(the content is not XML)\"}", fixture->junk);
  g_assert_cmpstr (lines[2], ==, junk_line);
  g_assert_cmpstr (lines[3], ==, "");
}

/* A file name may hold a newline or an escape sequence: stderr names it
 * quoted and escaped, so that every message stays one "FILE: message"
 * line and the terminal gets no escape; stdout's header does the same.
 * JSON keeps the name exactly. */
static void
test_hostile_file_name (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char not_a_project[] = "this is not an Ableton Live set (.als), an FL Studio "
                                      "project (.flp) or a cue sheet (.cue)";
  g_autofree char *hostile = g_build_filename (fixture->dir, "bad\nname\x1B]0;pwned\x07.als", NULL);
  g_autofree char *escaped = g_strescape (hostile, NULL);
  g_autofree char *expected_err = g_strdup_printf ("\"%s\": %s\n", escaped, not_a_project);
  g_autofree char *expected_header = g_strdup_printf ("\n==> \"%s\" <==\n", escaped);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  JsonObject *root;
  const char *text_args[] = { fixture->steady, hostile, NULL };
  const char *json_args[] = { "--format", "json", hostile, NULL };

  g_assert_true (g_file_set_contents (hostile, "JUNK\n", -1, &error));
  g_assert_no_error (error);

  g_assert_cmpint (run_cli (text_args, &out, &err), ==, 2);
  g_assert_cmpstr (err, ==, expected_err);
  g_assert_null (strchr (err, '\x1B'));
  g_assert_true (g_str_has_suffix (out, expected_header));

  g_assert_cmpint (run_cli (json_args, &out, &err), ==, 2);
  g_assert_cmpstr (err, ==, expected_err);
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  json_parser_load_from_data (parser, lines[0], -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "file"), ==, hostile);
  g_assert_cmpstr (json_object_get_string_member (root, "error"), ==, not_a_project);

  g_unlink (hostile);
}

/* Titles reach the terminal as display text: no escape sequence or bidi
 * override of a cue sheet's survives into what the CLI prints. */
static void
test_hostile_titles (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "hostile.cue", NULL);
  const char *args[] = { path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_assert_true (g_file_set_contents (path,
                                      "FILE \"mix.wav\" WAVE\n"
                                      "  TRACK 01 AUDIO\n"
                                      "    TITLE \"\x1B[31mred \x1B]0;pwned\x07\"\n"
                                      "    INDEX 01 00:00:00\n"
                                      "  TRACK 02 AUDIO\n"
                                      "    TITLE \"\xE2\x80\xAE" "desrever\"\n"
                                      "    INDEX 01 01:00:00\n", -1, NULL));
  g_assert_cmpint (run_cli (args, &out, &err), ==, 0);
  g_assert_cmpstr (out, ==,
                   "0:00 \xEF\xBF\xBD[31mred \xEF\xBF\xBD]0;pwned\xEF\xBF\xBD\n"
                   "1:00 desrever\n");
  g_assert_cmpstr (err, ==, "");
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli/text-default", test_text_default);
  ADD ("/cli/time-options", test_time_options);
  ADD ("/cli/template", test_template);
  ADD ("/cli/invalid-template", test_invalid_template);
  ADD ("/cli/modes", test_modes);
  ADD ("/cli/json", test_json);
  ADD ("/cli/bad-file-among-good", test_bad_file_among_good);
  ADD ("/cli/arrangements", test_arrangements);
  ADD ("/cli/export-formats", test_export_formats);
  ADD ("/cli/output-file", test_output_file);
  ADD ("/cli/check-youtube", test_check_youtube);
  ADD ("/cli/cue-sheet-input", test_cue_sheet_input);
  ADD ("/cli/cut-off-cue-sheet", test_cut_off_cue_sheet);
  ADD ("/cli/cut-off-set", test_cut_off_set);
  ADD ("/cli/usage-errors", test_usage_errors);
  ADD ("/cli/version-and-help", test_version_and_help);
  ADD ("/cli/help-lists-formats", test_help_lists_formats);
  ADD ("/cli/errors-in-german", test_errors_in_german);
  ADD ("/cli/round", test_round);
  ADD ("/cli/youtube-format", test_youtube_format);
  ADD ("/cli/arrangement-without-markers", test_arrangement_without_markers);
  ADD ("/cli/stdin", test_stdin);
  ADD ("/cli/json-errors", test_json_errors);
  ADD ("/cli/hostile-file-name", test_hostile_file_name);
  ADD ("/cli/hostile-titles", test_hostile_titles);
#undef ADD

  return g_test_run ();
}
