/* test-conformance.c - every corpus file against the reference's times
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads ../shared/corpus and ../shared/wild (TS_SHARED_DIR), each as its
 * own group and each only when it exists: each FILE with a
 * FILE.expected.json must give the reference's markers in both tempo modes,
 * within 1e-6 s after sorting by (time, text), texts exactly; each file the
 * reference rejects must be rejected with a GError. See the corpus README
 * for why 1e-6 s is the right tolerance. The wild set's expectations were
 * corrected by hand where the reference is wrong (its NOTES.md).
 */

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "ts-project.h"
#include "ts-tracklist.h"

#define TOLERANCE_SECONDS 1e-6

typedef struct {
  double  time;
  char   *text;
} Expected;

static void
expected_clear (Expected *expected)
{
  g_free (expected->text);
}

static int
compare_expected (gconstpointer a,
                  gconstpointer b)
{
  const Expected *ea = a;
  const Expected *eb = b;

  if (ea->time != eb->time)
    return ea->time < eb->time ? -1 : 1;
  return g_strcmp0 (ea->text, eb->text);
}

/* Files where we deliberately differ from the reference. */
static gboolean
is_deliberate_difference (const char *path)
{
  /* Plain XML under an .als name: the reference insists on gzip; a
   * reader should sniff and accept it (issue 2). */
  return g_str_has_suffix (path, "danielbayley-Ableton-Live-tools-live-tools.als");
}

static gboolean
must_reject_although_reference_accepts (const char *path)
{
  /* An event whose size runs past the end of the file: the reference
   * silently reads zero markers; a project that is cut short must say so
   * (issue 3). */
  return g_str_has_suffix (path, "demberto-PyFLP-invalid-event-size.flp");
}

/* The reference reads cue times as whole seconds and drops the frames
 * (75 per second) of `INDEX 01 mm:ss:ff`; we keep them. Its markers come
 * in file order, one per INDEX 01, so the i-th marker gets the frames of
 * the i-th INDEX 01. rekordbox sheets write hh:mm:ss: no frames there. It
 * also writes " - Title" for an empty performer, where we write "Title".
 * Expectations checked by hand (their "reference" says so) have the
 * frames and the titles right already. */
static void
add_cue_frames (const char *path,
                GArray     *expected)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gboolean rekordbox;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  rekordbox = strstr (contents, "REM RECORDED_BY \"rekordbox") != NULL;
  lines = g_strsplit_set (contents, "\r\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      g_auto(GStrv) words = g_strsplit_set (line, " \t", -1);
      g_auto(GStrv) fields = NULL;

      if (g_strv_length (words) < 3 || g_strcmp0 (words[0], "INDEX") != 0 || g_strcmp0 (words[1], "01") != 0)
        continue;
      g_assert_cmpuint (n, <, expected->len);
      fields = g_strsplit (words[2], ":", -1);
      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      if (!rekordbox)
        g_array_index (expected, Expected, n).time += g_ascii_strtoull (fields[2], NULL, 10) / 75.0;
      n++;
    }
  g_assert_cmpuint (n, ==, expected->len);

  for (guint i = 0; i < expected->len; i++)
    {
      Expected *e = &g_array_index (expected, Expected, i);

      if (g_str_has_prefix (e->text, " - "))
        memmove (e->text, e->text + 3, strlen (e->text + 3) + 1);
    }
}

/* The expectations list a cue sheet's complete tracks only; a TRACK the
 * file has beyond them was cut off, and must be named in a warning
 * instead of being rejected or placed at 0:00. */
static void
check_cue_warnings (const char      *path,
                    const TsProject *project,
                    guint            n_expected)
{
  g_autoptr(TsTracklist) tracklist = ts_tracklist_new_for_project (project, NULL, 0, TS_TEMPO_MODE_DAW);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_tracks = 0;
  guint n_warnings = tracklist->warnings != NULL ? g_strv_length (tracklist->warnings) : 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit_set (contents, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      g_autofree char *number = NULL;
      g_autofree char *named = NULL;

      if (!g_str_has_prefix (line, "TRACK "))
        continue;
      n_tracks++;
      if (n_tracks <= n_expected)
        continue;
      number = g_strndup (line + strlen ("TRACK "), strspn (line + strlen ("TRACK "), "0123456789"));
      named = g_strdup_printf ("track %u ", (guint) g_ascii_strtoull (number, NULL, 10));
      g_assert_cmpuint (n_warnings, >=, n_tracks - n_expected);
      g_assert_nonnull (strstr (tracklist->warnings[n_tracks - n_expected - 1], named));
      g_test_message ("%s: %s", path, tracklist->warnings[n_tracks - n_expected - 1]);
    }
  g_assert_cmpuint (n_warnings, ==, n_tracks - MIN (n_tracks, n_expected));
}

static GArray *
read_expected_markers (JsonObject *mode_object,
                       const char *path,
                       const char *format,
                       const char *reference)
{
  JsonArray *markers = json_object_get_array_member (mode_object, "markers");
  GArray *expected = g_array_new (FALSE, TRUE, sizeof (Expected));

  g_array_set_clear_func (expected, (GDestroyNotify) expected_clear);
  for (guint i = 0; i < json_array_get_length (markers); i++)
    {
      JsonObject *marker = json_array_get_object_element (markers, i);
      Expected e = {
        .time = json_object_get_double_member (marker, "time"),
        .text = g_strdup (json_object_get_string_member (marker, "text")),
      };

      g_array_append_val (expected, e);
    }
  if (g_strcmp0 (format, "cue") == 0 && g_str_has_prefix (reference, "dawtool"))
    add_cue_frames (path, expected);
  g_array_sort (expected, compare_expected);
  return expected;
}

/* What we compute, flattened the way the reference reports it. The
 * reference merges the markers of all FL Studio arrangements into one list;
 * we keep arrangements apart, so the comparison takes the union of our
 * arrangements, each timed with its own tempo map. */
static GArray *
compute_markers (const TsProject *project,
                 TsTempoMode      mode)
{
  GArray *got = g_array_new (FALSE, TRUE, sizeof (Expected));

  g_array_set_clear_func (got, (GDestroyNotify) expected_clear);
  for (guint a = 0; a < ts_project_get_n_arrangements (project); a++)
    {
      g_autoptr(TsTracklist) tracklist = ts_tracklist_new_for_project (project, NULL, a, mode);

      for (guint i = 0; i < ts_tracklist_get_n_tracks (tracklist); i++)
        {
          const TsTrack *track = ts_tracklist_get_track (tracklist, i);
          Expected e = { .time = track->seconds, .text = g_strdup (track->title) };

          g_array_append_val (got, e);
        }
    }
  g_array_sort (got, compare_expected);
  return got;
}

static void
compare_mode (const char  *path,
              TsProject   *project,
              JsonObject  *root,
              const char  *mode_name,
              TsTempoMode  mode)
{
  JsonObject *mode_object = json_object_get_object_member (root, mode_name);
  g_autoptr(GArray) expected =
    read_expected_markers (mode_object, path, json_object_get_string_member (root, "format"),
                           json_object_get_string_member_with_default (root, "reference", ""));
  g_autoptr(GArray) got = compute_markers (project, mode);
  double worst = 0.0;

  if (got->len != expected->len)
    g_error ("%s (%s): %u markers, the reference has %u", path, mode_name, got->len, expected->len);

  for (guint i = 0; i < got->len; i++)
    {
      const Expected *g = &g_array_index (got, Expected, i);
      const Expected *e = &g_array_index (expected, Expected, i);

      g_assert_cmpstr (g->text, ==, e->text);
      if (fabs (g->time - e->time) > TOLERANCE_SECONDS)
        g_error ("%s (%s): “%s” at %.17g s, the reference says %.17g s",
                 path, mode_name, g->text, g->time, e->time);
      worst = MAX (worst, fabs (g->time - e->time));
    }

  if (json_object_has_member (mode_object, "bpm"))
    g_assert_cmpfloat (ts_project_get_bpm (project), ==, json_object_get_double_member (mode_object, "bpm"));

  g_test_message ("%s: %s mode, %u markers, largest difference %.3g s", path, mode_name, got->len, worst);
}

static void
test_corpus_file (gconstpointer data)
{
  const char *expected_path = data;
  g_autofree char *path = g_strndup (expected_path, strlen (expected_path) - strlen (".expected.json"));
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TsProject) project = NULL;
  JsonObject *root;
  JsonObject *daw;

  g_assert_true (json_parser_load_from_file (parser, expected_path, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  daw = json_object_get_object_member (root, "daw");

  project = ts_project_load_file (file, NULL, &error);

  if ((json_object_has_member (daw, "error") && !is_deliberate_difference (path)) ||
      must_reject_although_reference_accepts (path))
    {
      g_assert_null (project);
      g_assert_nonnull (error);
      g_test_message ("%s rejected: %s", path, error->message);
      return;
    }

  g_assert_no_error (error);
  g_assert_nonnull (project);

  if (is_deliberate_difference (path))
    {
      /* Hand-read from the file: one unnamed locator at beat 64, 128 BPM. */
      g_autoptr(TsTracklist) tracklist = ts_tracklist_new_for_project (project, NULL, 0, TS_TEMPO_MODE_DAW);

      g_assert_cmpuint (ts_tracklist_get_n_tracks (tracklist), ==, 1);
      g_assert_cmpfloat_with_epsilon (ts_tracklist_get_track (tracklist, 0)->seconds, 30.0, 1e-9);
      g_assert_cmpstr (ts_tracklist_get_track (tracklist, 0)->title, ==, "");
      return;
    }

  compare_mode (path, project, root, "daw", TS_TEMPO_MODE_DAW);
  if (g_strcmp0 (json_object_get_string_member (root, "format"), "cue") == 0)
    check_cue_warnings (path, project,
                        json_array_get_length (json_object_get_array_member (daw, "markers")));
  if (json_object_has_member (root, "exact"))
    compare_mode (path, project, root, "exact", TS_TEMPO_MODE_EXACT);
}

static gboolean
format_is_supported (const char *format)
{
  const char *supported[] = { "ableton", "flstudio", "cue" };

  for (guint i = 0; i < G_N_ELEMENTS (supported); i++)
    if (g_strcmp0 (format, supported[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
collect_expectations (const char *directory,
                      GPtrArray  *found)
{
  g_autoptr(GDir) dir = g_dir_open (directory, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (directory, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_expectations (path, found);
      else if (g_str_has_suffix (name, ".expected.json"))
        g_ptr_array_add (found, g_steal_pointer (&path));
    }
}

static char *
read_format (const char *expected_path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  if (!json_parser_load_from_file (parser, expected_path, NULL))
    return NULL;
  root = json_node_get_object (json_parser_get_root (parser));
  return g_strdup (json_object_get_string_member_with_default (root, "format", ""));
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
test_missing_group (gconstpointer data)
{
  g_autofree char *message = g_strdup_printf ("../shared/%s not found (set TS_SHARED_DIR): "
                                              "its conformance skipped", (const char *) data);

  g_test_skip (message);
}

/* One group per folder of ../shared: /conformance/corpus/..., and
 * /conformance/wild/... */
static void
add_group (const char *shared,
           const char *group)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autofree char *directory = NULL;
  guint added = 0;

  if (shared != NULL)
    {
      directory = g_build_filename (shared, group, NULL);
      collect_expectations (directory, found);
    }
  g_ptr_array_sort (found, compare_paths);

  for (guint i = 0; i < found->len; i++)
    {
      /* Owned by the test from here: it outlives this function. */
      char *expected_path = g_ptr_array_index (found, i);
      g_autofree char *format = read_format (expected_path);
      g_autofree char *relative = g_strdup (expected_path + strlen (directory));
      g_autofree char *test_path = NULL;

      if (!format_is_supported (format))
        {
          g_free (expected_path);
          continue;
        }
      g_strdelimit (relative, ".", '_');
      test_path = g_strconcat ("/conformance/", group, relative, NULL);
      g_test_add_data_func_full (test_path, expected_path, test_corpus_file, g_free);
      added++;
    }

  if (added == 0)
    {
      g_autofree char *test_path = g_strconcat ("/conformance/", group, "/skipped", NULL);

      g_test_add_data_func (test_path, group, test_missing_group);
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *shared = g_getenv ("TS_SHARED_DIR");

  g_test_init (&argc, &argv, NULL);

  add_group (shared, "corpus");
  add_group (shared, "wild");

  return g_test_run ();
}
