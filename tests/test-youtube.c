/* test-youtube.c - YouTube's chapter rules: checker and fixer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "ts-export.h"
#include "ts-youtube.h"

typedef struct {
  TsYoutubeRule  rule;
  guint          line;
  const char    *message;
} Expected;

/* Tracks in the order given (not sorted), so disorder can be tested. */
static TsTracklist *
make_tracklist (const double *seconds,
                guint         n,
                double        end_seconds)
{
  TsTracklist *tracklist = ts_tracklist_new (TS_FORMAT_CUE);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Artist %u - Track %u", i + 1, i + 1);

      ts_tracklist_add (tracklist, seconds[i], NAN, title);
    }
  tracklist->end_seconds = end_seconds;
  return tracklist;
}

static void
assert_problems (const double   *seconds,
                 guint           n,
                 double          end_seconds,
                 const Expected *expected,
                 guint           n_expected)
{
  g_autoptr(TsTracklist) tracklist = make_tracklist (seconds, n, end_seconds);
  g_autoptr(GArray) problems = ts_youtube_check (tracklist);

  g_assert_cmpuint (problems->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const TsYoutubeProblem *problem = &g_array_index (problems, TsYoutubeProblem, i);

      g_assert_cmpint (problem->rule, ==, expected[i].rule);
      g_assert_cmpuint (problem->line, ==, expected[i].line);
      if (expected[i].message != NULL)
        g_assert_cmpstr (problem->message, ==, expected[i].message);
    }
}

static void
test_valid (void)
{
  static const double seconds[] = { 0.0, 30.0, 60.0 };
  /* 0.9 s shows as 0:00, which is all YouTube sees. */
  static const double almost_zero[] = { 0.9, 10.9, 20.0, 3600.0 };

  assert_problems (seconds, G_N_ELEMENTS (seconds), 100.0, NULL, 0);
  assert_problems (seconds, G_N_ELEMENTS (seconds), NAN, NULL, 0);
  assert_problems (almost_zero, G_N_ELEMENTS (almost_zero), NAN, NULL, 0);
}

static void
test_first_not_zero (void)
{
  static const double seconds[] = { 65.0, 120.0, 180.0 };
  static const Expected expected[] = {
    { TS_YOUTUBE_RULE_FIRST_AT_ZERO, 1,
      "line 1 “1:05 Artist 1 - Track 1”: YouTube needs the first chapter at 0:00" },
  };

  assert_problems (seconds, G_N_ELEMENTS (seconds), NAN, expected, G_N_ELEMENTS (expected));
}

static void
test_too_few (void)
{
  static const double two[] = { 0.0, 60.0 };
  static const Expected expected_two[] = {
    { TS_YOUTUBE_RULE_MIN_CHAPTERS, 0, "YouTube needs at least 3 chapters; this list has 2" },
  };
  static const Expected expected_none[] = {
    { TS_YOUTUBE_RULE_MIN_CHAPTERS, 0, "YouTube needs at least 3 chapters; this list has 0" },
  };

  assert_problems (two, G_N_ELEMENTS (two), NAN, expected_two, G_N_ELEMENTS (expected_two));
  assert_problems (NULL, 0, NAN, expected_none, G_N_ELEMENTS (expected_none));
}

static void
test_too_short (void)
{
  static const double seconds[] = { 0.0, 30.0, 39.9, 100.0 };
  static const Expected expected[] = {
    { TS_YOUTUBE_RULE_MIN_LENGTH, 2,
      "line 2 “0:30 Artist 2 - Track 2”: lasts 9 s; YouTube needs at least 10 s per chapter" },
    { TS_YOUTUBE_RULE_MIN_LENGTH, 4,
      "line 4 “1:40 Artist 4 - Track 4”: lasts 5 s; YouTube needs at least 10 s per chapter" },
  };

  /* The last chapter is checked against the project's end when known. */
  assert_problems (seconds, G_N_ELEMENTS (seconds), 105.0, expected, G_N_ELEMENTS (expected));
  assert_problems (seconds, G_N_ELEMENTS (seconds), NAN, expected, 1);
}

static void
test_not_ascending (void)
{
  static const double disorder[] = { 0.0, 60.0, 30.0, 90.0 };
  static const Expected expected_disorder[] = {
    { TS_YOUTUBE_RULE_ASCENDING, 3,
      "line 3 “0:30 Artist 3 - Track 3”: starts no later than the chapter before it (1:00); chapters must be in ascending order" },
  };
  /* Two markers in the same second show the same time: out of order for
   * YouTube, and said once, not also as a 0 s chapter. */
  static const double same_second[] = { 0.0, 20.2, 20.7, 60.0 };
  static const Expected expected_same[] = {
    { TS_YOUTUBE_RULE_ASCENDING, 3, NULL },
  };

  assert_problems (disorder, G_N_ELEMENTS (disorder), NAN,
                   expected_disorder, G_N_ELEMENTS (expected_disorder));
  assert_problems (same_second, G_N_ELEMENTS (same_second), NAN,
                   expected_same, G_N_ELEMENTS (expected_same));
}

/* Every broken rule of a line is reported, in line order. */
static void
test_several_problems (void)
{
  static const double seconds[] = { 5.0, 8.0 };
  static const Expected expected[] = {
    { TS_YOUTUBE_RULE_MIN_CHAPTERS, 0, NULL },
    { TS_YOUTUBE_RULE_FIRST_AT_ZERO, 1, NULL },
    { TS_YOUTUBE_RULE_MIN_LENGTH, 1,
      "line 1 “0:05 Artist 1 - Track 1”: lasts 3 s; YouTube needs at least 10 s per chapter" },
    { TS_YOUTUBE_RULE_MIN_LENGTH, 2,
      "line 2 “0:08 Artist 2 - Track 2”: starts where the project ends; YouTube needs at least 10 s per chapter" },
  };

  assert_problems (seconds, G_N_ELEMENTS (seconds), 8.0, expected, G_N_ELEMENTS (expected));
}

static void
test_fix_inserts_intro (void)
{
  static const double seconds[] = { 95.0, 180.0, 300.0 };
  g_autoptr(TsTracklist) tracklist = make_tracklist (seconds, G_N_ELEMENTS (seconds), 400.0);
  g_autoptr(TsTracklist) fixed = NULL;
  g_autoptr(GArray) problems = NULL;
  g_autofree char *text = NULL;

  tracklist->file = g_strdup ("mix.als");
  tracklist->daw_version = g_strdup ("Ableton Live 12.1");
  tracklist->bpm = 124.0;

  fixed = ts_youtube_fix (tracklist);
  problems = ts_youtube_check (fixed);
  g_assert_cmpuint (problems->len, ==, 0);

  text = ts_export (fixed, TS_EXPORT_YOUTUBE, NULL);
  g_assert_cmpstr (text, ==,
                   "0:00 Intro\n"
                   "1:35 Artist 1 - Track 1\n"
                   "3:00 Artist 2 - Track 2\n"
                   "5:00 Artist 3 - Track 3\n");
  g_assert_cmpuint (ts_tracklist_get_track (fixed, 3)->index, ==, 4);
  g_assert_true (isnan (ts_tracklist_get_track (fixed, 0)->beat));
  g_assert_cmpstr (fixed->file, ==, "mix.als");
  g_assert_cmpstr (fixed->daw_version, ==, "Ableton Live 12.1");
  g_assert_cmpfloat (fixed->bpm, ==, 124.0);
  g_assert_cmpfloat (fixed->end_seconds, ==, 400.0);

  /* The original is untouched. */
  g_assert_cmpuint (ts_tracklist_get_n_tracks (tracklist), ==, 3);
  g_assert_cmpfloat (ts_tracklist_get_track (tracklist, 0)->seconds, ==, 95.0);
}

/* A first chapter within 10 s moves to 0:00: an intro that short would
 * break the 10 s rule itself. Beats move with it. */
static void
test_fix_moves_early_start (void)
{
  g_autoptr(TsTracklist) tracklist = ts_tracklist_new (TS_FORMAT_ABLETON);
  g_autoptr(TsTracklist) fixed = NULL;
  g_autoptr(GArray) problems = NULL;
  g_autofree char *text = NULL;

  ts_tracklist_add (tracklist, 4.0, 8.0, "Opener");
  ts_tracklist_add (tracklist, 60.0, 120.0, "Second");
  ts_tracklist_add (tracklist, 120.0, 240.0, "Third");

  fixed = ts_youtube_fix (tracklist);
  problems = ts_youtube_check (fixed);
  g_assert_cmpuint (problems->len, ==, 0);

  text = ts_export (fixed, TS_EXPORT_YOUTUBE, NULL);
  g_assert_cmpstr (text, ==, "0:00 Opener\n1:00 Second\n2:00 Third\n");
  g_assert_cmpfloat (ts_tracklist_get_track (fixed, 0)->beat, ==, 0.0);
  g_assert_cmpfloat (ts_tracklist_get_track (fixed, 1)->beat, ==, 120.0);
}

/* Only the 0:00 rule is fixed; the rest is for the user to decide. */
static void
test_fix_leaves_the_rest (void)
{
  static const double seconds[] = { 30.0, 35.0 };
  g_autoptr(TsTracklist) tracklist = make_tracklist (seconds, G_N_ELEMENTS (seconds), NAN);
  g_autoptr(TsTracklist) fixed = ts_youtube_fix (tracklist);
  g_autoptr(GArray) problems = ts_youtube_check (fixed);
  g_autoptr(TsTracklist) empty = ts_tracklist_new (TS_FORMAT_CUE);
  g_autoptr(TsTracklist) fixed_empty = ts_youtube_fix (empty);

  g_assert_cmpuint (ts_tracklist_get_n_tracks (fixed), ==, 3);
  g_assert_cmpstr (ts_tracklist_get_track (fixed, 0)->title, ==, "Intro");
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_cmpint (g_array_index (problems, TsYoutubeProblem, 0).rule, ==, TS_YOUTUBE_RULE_MIN_LENGTH);
  g_assert_cmpuint (g_array_index (problems, TsYoutubeProblem, 0).line, ==, 2);

  g_assert_cmpuint (ts_tracklist_get_n_tracks (fixed_empty), ==, 0);
}

/* A marker without a title (or with only spaces or a line break, which
 * YouTube reads as nothing) is no chapter YouTube accepts; the check
 * names its line by its time. */
static void
test_untitled (void)
{
  g_autoptr(TsTracklist) tracklist = ts_tracklist_new (TS_FORMAT_ABLETON);
  g_autoptr(GArray) problems = NULL;
  const TsYoutubeProblem *problem;

  ts_tracklist_add (tracklist, 0.0, 0.0, "Opener");
  ts_tracklist_add (tracklist, 60.0, 120.0, "");
  ts_tracklist_add (tracklist, 120.0, 240.0, " \n\t");
  ts_tracklist_add (tracklist, 180.0, 360.0, "Closer");
  problems = ts_youtube_check (tracklist);

  g_assert_cmpuint (problems->len, ==, 2);
  problem = &g_array_index (problems, TsYoutubeProblem, 0);
  g_assert_cmpint (problem->rule, ==, TS_YOUTUBE_RULE_TITLE);
  g_assert_cmpuint (problem->line, ==, 2);
  g_assert_cmpstr (problem->message, ==,
                   "line 2 “1:00”: has no title; YouTube needs a title for each chapter");
  problem = &g_array_index (problems, TsYoutubeProblem, 1);
  g_assert_cmpint (problem->rule, ==, TS_YOUTUBE_RULE_TITLE);
  g_assert_cmpuint (problem->line, ==, 3);
  g_assert_cmpstr (problem->message, ==,
                   "line 3 “2:00”: has no title; YouTube needs a title for each chapter");
}

/* The fixer leaves unnamed markers out (the chapter before runs on), and
 * only then moves or adds the 0:00 chapter: an unnamed marker at 0:00
 * does not count as the first chapter. */
static void
test_fix_leaves_out_untitled (void)
{
  g_autoptr(TsTracklist) tracklist = ts_tracklist_new (TS_FORMAT_ABLETON);
  g_autoptr(TsTracklist) fixed = NULL;
  g_autoptr(GArray) problems = NULL;
  g_autofree char *text = NULL;

  ts_tracklist_add (tracklist, 0.0, 0.0, "");
  ts_tracklist_add (tracklist, 30.0, 60.0, "First");
  ts_tracklist_add (tracklist, 90.0, 180.0, "  ");
  ts_tracklist_add (tracklist, 150.0, 300.0, "Second");
  ts_tracklist_add (tracklist, 210.0, 420.0, "Third");

  fixed = ts_youtube_fix (tracklist);
  problems = ts_youtube_check (fixed);
  g_assert_cmpuint (problems->len, ==, 0);
  text = ts_export (fixed, TS_EXPORT_TEXT, NULL);
  g_assert_cmpstr (text, ==, "0:00 Intro\n0:30 First\n2:30 Second\n3:30 Third\n");
  g_assert_cmpuint (ts_tracklist_get_track (fixed, 3)->index, ==, 4);
}

/* What the fixer cannot fix is reported on the fixed list, with its
 * lines; nothing is reported when the fix is enough. */
static void
test_check_fixed (void)
{
  static const double late[] = { 95.0, 180.0, 300.0 };
  static const double crowded[] = { 30.0, 35.0 };
  g_autoptr(TsTracklist) fixable = make_tracklist (late, G_N_ELEMENTS (late), NAN);
  g_autoptr(TsTracklist) unfixable = make_tracklist (crowded, G_N_ELEMENTS (crowded), NAN);
  g_autoptr(TsTracklist) untitled = ts_tracklist_new (TS_FORMAT_CUE);
  g_autoptr(GArray) none = NULL;
  g_autoptr(GArray) left = NULL;
  g_autoptr(GArray) too_few = NULL;

  none = ts_youtube_check_fixed (fixable);
  g_assert_cmpuint (none->len, ==, 0);

  /* 0:00 Intro, 0:30, 0:35: the 5 s chapter on line 2 stays. */
  left = ts_youtube_check_fixed (unfixable);
  g_assert_cmpuint (left->len, ==, 1);
  g_assert_cmpint (g_array_index (left, TsYoutubeProblem, 0).rule, ==, TS_YOUTUBE_RULE_MIN_LENGTH);
  g_assert_cmpuint (g_array_index (left, TsYoutubeProblem, 0).line, ==, 2);

  /* Left out, the unnamed markers leave too few chapters. */
  ts_tracklist_add (untitled, 0.0, NAN, "Only");
  ts_tracklist_add (untitled, 60.0, NAN, "");
  ts_tracklist_add (untitled, 120.0, NAN, "");
  too_few = ts_youtube_check_fixed (untitled);
  g_assert_cmpuint (too_few->len, ==, 1);
  g_assert_cmpint (g_array_index (too_few, TsYoutubeProblem, 0).rule, ==, TS_YOUTUBE_RULE_MIN_CHAPTERS);
  g_assert_cmpstr (g_array_index (too_few, TsYoutubeProblem, 0).message, ==,
                   "YouTube needs at least 3 chapters; this list has 1");
}

/* The YouTube export is the fixed list, in times rounded down as the
 * check reads them, whatever rounding the options ask for. */
static void
test_export_is_fixed (void)
{
  g_autoptr(TsTracklist) tracklist = ts_tracklist_new (TS_FORMAT_ABLETON);
  TsExportOptions nearest = { NULL, { TS_HOURS_AUTO, FALSE, TS_ROUND_NEAREST } };
  g_autofree char *text = NULL;
  g_autofree char *plain = NULL;

  ts_tracklist_add (tracklist, 20.6, 41.2, "First");
  ts_tracklist_add (tracklist, 80.0, 160.0, "");
  ts_tracklist_add (tracklist, 140.0, 280.0, "Second");

  text = ts_export (tracklist, TS_EXPORT_YOUTUBE, &nearest);
  g_assert_cmpstr (text, ==, "0:00 Intro\n0:20 First\n2:20 Second\n");
  plain = ts_export (tracklist, TS_EXPORT_TEXT, &nearest);
  g_assert_cmpstr (plain, ==, "0:21 First\n1:20 \n2:20 Second\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/youtube/valid", test_valid);
  g_test_add_func ("/youtube/first-not-zero", test_first_not_zero);
  g_test_add_func ("/youtube/too-few", test_too_few);
  g_test_add_func ("/youtube/too-short", test_too_short);
  g_test_add_func ("/youtube/not-ascending", test_not_ascending);
  g_test_add_func ("/youtube/several-problems", test_several_problems);
  g_test_add_func ("/youtube/fix-inserts-intro", test_fix_inserts_intro);
  g_test_add_func ("/youtube/fix-moves-early-start", test_fix_moves_early_start);
  g_test_add_func ("/youtube/fix-leaves-the-rest", test_fix_leaves_the_rest);
  g_test_add_func ("/youtube/untitled", test_untitled);
  g_test_add_func ("/youtube/fix-leaves-out-untitled", test_fix_leaves_out_untitled);
  g_test_add_func ("/youtube/check-fixed", test_check_fixed);
  g_test_add_func ("/youtube/export-is-fixed", test_export_is_fixed);

  return g_test_run ();
}
