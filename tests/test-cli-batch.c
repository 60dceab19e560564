/* test-cli-batch.c - `timestamps-cli batch …`: a folder of projects
 * exported at once, one output each, as a user runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test has a folder of its own: the licence store (XDG_CONFIG_HOME),
 * a tree of projects of every format with one broken file, and the
 * output folder. Each output must equal what `timestamps-cli FILE
 * --format F` prints for the project alone.
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ts-ableton-set.h"
#include "ts-als-writer.h"
#include "ts-flp-writer.h"
#include "ts-license-issuer.h"
#include "ts-test-cli.h"
#include "ts-test-files.h"

#define CUE_SHEET \
  "PERFORMER \"DJ\"\n" \
  "TITLE \"Mix\"\n" \
  "FILE \"mix.wav\" WAVE\n" \
  "  TRACK 01 AUDIO\n" \
  "    PERFORMER \"Artist\"\n" \
  "    TITLE \"One\"\n" \
  "    INDEX 01 00:00:00\n" \
  "  TRACK 02 AUDIO\n" \
  "    PERFORMER \"Artist\"\n" \
  "    TITLE \"Two\"\n" \
  "    INDEX 01 04:05:00\n"

typedef struct {
  char *root;
  char *config;
  char *projects;
  char *output;
  char *als;      /* projects/set.als */
  char *flp;      /* projects/fl/song.flp */
  char *cue;      /* projects/fl/deeper/mix.cue */
  char *broken;   /* projects/broken.als, not a set */
} Fixture;

static void
write_als (const char *path)
{
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (10, 120.0);
  g_autoptr(GError) error = NULL;

  ts_als_writer_add_tempo_event (writer, TS_ABLETON_SENTINEL_BEAT, 120.0);
  ts_als_writer_add_locator (writer, 0.0, "Intro");
  ts_als_writer_add_locator (writer, 130.0, "Artist - Track");
  g_assert_true (ts_als_writer_write_file (writer, path, TRUE, &error));
  g_assert_no_error (error);
}

static void
write_flp (const char *path)
{
  g_autoptr(TsFlpWriter) writer = ts_flp_writer_new (96, TS_FLP_TEXT_UTF16);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  ts_flp_writer_version (writer, "20.8.4.2576");
  ts_flp_writer_tempo (writer, 128000);
  ts_flp_writer_arrangement (writer, 0, "Arrangement");
  ts_flp_writer_marker (writer, 0, 0, "Start");
  ts_flp_writer_marker (writer, 0, 64 * 96, "Drop");
  bytes = ts_flp_writer_finish (writer);
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
}

static void
write_text (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *deeper = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *hidden = NULL;

  fixture->root = g_dir_make_tmp ("ts-cli-batch-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->config = g_build_filename (fixture->root, "config", NULL);
  fixture->projects = g_build_filename (fixture->root, "projects", NULL);
  fixture->output = g_build_filename (fixture->root, "out", NULL);
  fixture->als = g_build_filename (fixture->projects, "set.als", NULL);
  fixture->flp = g_build_filename (fixture->projects, "fl", "song.flp", NULL);
  fixture->cue = g_build_filename (fixture->projects, "fl", "deeper", "mix.cue", NULL);
  fixture->broken = g_build_filename (fixture->projects, "broken.als", NULL);
  deeper = g_path_get_dirname (fixture->cue);
  notes = g_build_filename (fixture->projects, "notes.txt", NULL);
  hidden = g_build_filename (fixture->projects, "._set.als", NULL);

  g_assert_cmpint (g_mkdir_with_parents (deeper, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (fixture->config, 0700), ==, 0);
  write_als (fixture->als);
  write_flp (fixture->flp);
  write_text (fixture->cue, CUE_SHEET);
  write_text (fixture->broken, "this is not an Ableton Live set\n");
  /* Neither is a project: one by its name, one hidden (a macOS fork). */
  write_text (notes, "not a project\n");
  write_text (hidden, "AppleDouble\n");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ts_test_remove_tree (fixture->root);
  g_free (fixture->root);
  g_free (fixture->config);
  g_free (fixture->projects);
  g_free (fixture->output);
  g_free (fixture->als);
  g_free (fixture->flp);
  g_free (fixture->cue);
  g_free (fixture->broken);
}

static int
run_cli (Fixture             *fixture,
         const char * const  *args,
         char               **out,
         char               **err)
{
  g_autoptr(GSubprocessLauncher) launcher = ts_test_cli_launcher_new ();

  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", fixture->config, TRUE);
  return ts_test_cli_run (launcher, args, NULL, out, err);
}

static gboolean
skip_unless_test_key (void)
{
  if (TS_LICENSE_KEY_IS_TEST)
    return FALSE;
  g_test_skip ("built with -Dlicense_key=production, which test licences do not verify against");
  return TRUE;
}

static void
activate_pro (Fixture *fixture)
{
  g_autoptr(TsLicenseIssuer) issuer = ts_license_issuer_new_test ();
  g_autofree char *key = ts_license_issuer_key_for (issuer, "lic-1", "pro", "\"2099-01-01T00:00:00Z\"");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *activate[] = { "license", "activate", key, NULL };

  g_assert_cmpint (run_cli (fixture, activate, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
}

/* What the tool prints for @project alone. */
static char *
single_export (Fixture    *fixture,
               const char *project,
               const char *format)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { project, "--format", format, NULL };

  g_assert_cmpint (run_cli (fixture, args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  return g_steal_pointer (&out);
}

static char *
read_output (Fixture    *fixture,
             const char *name)
{
  g_autofree char *path = g_build_filename (fixture->output, name, NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static guint
count_outputs (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->output, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static int
run_batch (Fixture     *fixture,
           const char  *format,
           gboolean     force,
           char       **err)
{
  g_autofree char *out = NULL;
  const char *args[] = { "batch", fixture->projects, "--format", format,
                         "--output-dir", fixture->output, force ? "--force" : NULL, NULL };
  int status = run_cli (fixture, args, &out, err);

  /* The outputs are files; standard output stays free for the user. */
  g_assert_cmpstr (out, ==, "");
  return status;
}

static void
test_exports_each (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *format = data;
  g_autofree char *err = NULL;
  g_autofree char *broken_line = NULL;
  struct { const char *project; const char *stem; } cases[] = {
    { fixture->als, "set" },
    { fixture->flp, "song" },
    { fixture->cue, "mix" },
  };

  if (skip_unless_test_key ())
    return;
  activate_pro (fixture);

  g_assert_cmpint (run_batch (fixture, format, FALSE, &err), ==, 2);

  /* The broken set is the one failure, reported as a single read would. */
  broken_line = g_strdup_printf ("%s: ", fixture->broken);
  g_assert_true (g_str_has_prefix (err, broken_line));
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);

  g_assert_cmpuint (count_outputs (fixture), ==, G_N_ELEMENTS (cases));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strconcat (cases[i].stem, ".",
                                           g_str_equal (format, "json") ? "json" : "txt", NULL);
      g_autofree char *expected = single_export (fixture, cases[i].project, format);
      g_autofree char *written = read_output (fixture, name);

      g_assert_cmpstr (written, ==, expected);
    }
}

/* A project found in a folder may have any name: its failure is still
 * one line, the name quoted and escaped, with no escape sequence. */
static void
test_hostile_file_name (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *hostile = g_build_filename (fixture->projects, "bad\nname\x1B[31m.als", NULL);
  g_autofree char *escaped = g_strescape (hostile, NULL);
  g_autofree char *expected_line = g_strdup_printf ("\"%s\": this is not an Ableton Live set", escaped);
  g_autofree char *broken_line = g_strdup_printf ("%s: ", fixture->broken);
  g_autofree char *err = NULL;
  g_auto(GStrv) lines = NULL;

  if (skip_unless_test_key ())
    return;
  activate_pro (fixture);
  write_text (hostile, "JUNK\n");

  g_assert_cmpint (run_batch (fixture, "text", FALSE, &err), ==, 2);
  g_assert_null (strchr (err, '\x1B'));
  lines = g_strsplit (err, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[2], ==, "");
  for (guint i = 0; i < 2; i++)
    g_assert_true (g_str_has_prefix (lines[i], expected_line)
                   || g_str_has_prefix (lines[i], broken_line));
  g_assert_false (g_str_has_prefix (lines[0], expected_line) == g_str_has_prefix (lines[1], expected_line));
  g_unlink (hostile);
}

static void
test_keeps_outputs (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *err = NULL;
  g_autofree char *kept = g_build_filename (fixture->output, "set.txt", NULL);
  g_autofree char *expected_line = NULL;
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  if (skip_unless_test_key ())
    return;
  activate_pro (fixture);

  g_assert_cmpint (run_batch (fixture, "text", FALSE, &err), ==, 2);
  g_assert_true (g_file_set_contents (kept, "mine\n", -1, &error));
  g_assert_no_error (error);

  g_assert_cmpint (run_batch (fixture, "text", FALSE, &err), ==, 2);
  expected_line = g_strdup_printf ("%s: %s exists already; it is kept\n", fixture->als, kept);
  g_assert_nonnull (strstr (err, expected_line));
  written = read_output (fixture, "set.txt");
  g_assert_cmpstr (written, ==, "mine\n");

  g_assert_cmpint (run_batch (fixture, "text", TRUE, &err), ==, 2);
  g_assert_null (strstr (err, "exists already"));
  g_clear_pointer (&written, g_free);
  written = read_output (fixture, "set.txt");
  expected = single_export (fixture, fixture->als, "text");
  g_assert_cmpstr (written, ==, expected);
}

static void
test_all_exported (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *args[] = { "batch", fixture->als, fixture->flp, "--format", "cue",
                         "--output-dir", fixture->output, "--mode", "exact", NULL };
  const char *single[] = { fixture->flp, "--format", "cue", "--mode", "exact", NULL };
  g_autofree char *written = NULL;

  if (skip_unless_test_key ())
    return;
  activate_pro (fixture);

  /* Files named on the command line; the output folder is made. */
  g_assert_cmpint (run_cli (fixture, args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpuint (count_outputs (fixture), ==, 2);
  written = read_output (fixture, "song.cue");
  g_assert_cmpint (run_cli (fixture, single, &out, &err), ==, 0);
  g_assert_cmpstr (written, ==, out);
}

static void
test_needs_pro (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *err = NULL;

  g_assert_cmpint (run_batch (fixture, "text", FALSE, &err), ==, 3);
  g_assert_nonnull (strstr (err, "Pro"));
  g_assert_false (g_file_test (fixture->output, G_FILE_TEST_EXISTS));
}

static void
test_single_needs_no_licence (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *output = g_build_filename (fixture->root, "set.txt", NULL);
  const char *args[] = { fixture->als, "-o", output, NULL };

  g_assert_cmpint (run_cli (fixture, args, &out, &err), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_assert_true (g_file_test (output, G_FILE_TEST_IS_REGULAR));
}

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  struct { const char *args[8]; const char *err; } cases[] = {
    { { "batch", fixture->projects, "--output-dir", fixture->output, NULL },
      "timestamps-cli: batch needs --format, as timestamps-cli --format takes it\n" },
    { { "batch", fixture->projects, "--format", "mp3", "--output-dir", fixture->output, NULL },
      "timestamps-cli: batch needs --format, as timestamps-cli --format takes it\n" },
    { { "batch", fixture->projects, "--format", "text", NULL },
      "timestamps-cli: batch needs --output-dir\n" },
    { { "batch", "--format", "text", "--output-dir", fixture->output, NULL },
      "timestamps-cli: batch needs a folder or file to export\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;

      g_assert_cmpint (run_cli (fixture, cases[i].args, &out, &err), ==, 2);
      g_assert_cmpstr (out, ==, "");
      g_assert_cmpstr (err, ==, cases[i].err);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, data, func) g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)
  ADD ("/cli-batch/exports-each/text", "text", test_exports_each);
  ADD ("/cli-batch/exports-each/json", "json", test_exports_each);
  ADD ("/cli-batch/keeps-outputs", NULL, test_keeps_outputs);
  ADD ("/cli-batch/hostile-file-name", NULL, test_hostile_file_name);
  ADD ("/cli-batch/all-exported", NULL, test_all_exported);
  ADD ("/cli-batch/needs-pro", NULL, test_needs_pro);
  ADD ("/cli-batch/single-needs-no-licence", NULL, test_single_needs_no_licence);
  ADD ("/cli-batch/usage", NULL, test_usage);
#undef ADD

  return g_test_run ();
}
