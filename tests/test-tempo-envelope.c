/* test-tempo-envelope.c - the graph's per-column tempo range against sampling
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "ts-format-info.h"
#include "ts-tempo-envelope.h"

#define ABLETON_GRID (ts_format_info_get (TS_FORMAT_ABLETON)->tempo_grid)
#define FL_STUDIO_GRID (ts_format_info_get (TS_FORMAT_FL_STUDIO)->tempo_grid)

/* Samples per column for the brute force: far more than a screen has. */
#define SAMPLES_PER_COLUMN 64

static double
bpm_at_seconds (const TsTempoMap *map,
                TsTempoMode       mode,
                double            seconds)
{
  return ts_tempo_map_bpm_at_beat (map, mode, ts_tempo_map_beat_at_seconds (map, mode, seconds));
}

/* Every tempo the map plays in a column's stretch of time lies in the
 * column's range. */
static void
assert_holds_every_sample (const TsTempoEnvelope *envelope,
                           const TsTempoMap      *map,
                           TsTempoMode            mode,
                           double                 end_seconds)
{
  guint n_columns = ts_tempo_envelope_get_n_columns (envelope);

  for (guint i = 0; i < n_columns; i++)
    {
      double min_bpm, max_bpm;

      g_assert_true (ts_tempo_envelope_get_column (envelope, i, &min_bpm, &max_bpm));
      for (guint j = 0; j <= SAMPLES_PER_COLUMN; j++)
        {
          double seconds = end_seconds * (i + (double) j / SAMPLES_PER_COLUMN) / n_columns;
          double bpm = bpm_at_seconds (map, mode, seconds);

          g_assert_cmpfloat (bpm, >=, min_bpm);
          g_assert_cmpfloat (bpm, <=, max_bpm);
        }
    }
}

/* Dense automation, as in a set with 100 000 points: thousands of random
 * ramps and jumps under a few hundred columns, in both modes and on both
 * DAWs' grids. */
static void
test_dense_automation (void)
{
  const double grids[] = { ABLETON_GRID, FL_STUDIO_GRID };
  GRand *rand = g_rand_new_with_seed (20261203);

  for (guint g = 0; g < G_N_ELEMENTS (grids); g++)
    {
      g_autofree TsTempoPoint *points = g_new (TsTempoPoint, 5000);
      g_autoptr(TsTempoMap) map = NULL;
      double beat = 0.0;

      for (guint i = 0; i < 5000; i++)
        {
          /* One in ten is a jump: a second point on the same beat. */
          if (i > 0 && g_rand_int_range (rand, 0, 10) != 0)
            beat += g_rand_double_range (rand, 0.01, 3.0);
          points[i].beat = beat;
          points[i].bpm = g_rand_double_range (rand, 60.0, 200.0);
        }
      map = ts_tempo_map_new (120.0, grids[g], points, 5000);

      for (int mode = TS_TEMPO_MODE_DAW; mode <= TS_TEMPO_MODE_EXACT; mode++)
        {
          double end_seconds = ts_tempo_map_seconds_at_beat (map, mode, beat) * 1.03;
          g_autoptr(TsTempoEnvelope) envelope = ts_tempo_envelope_new (map, mode, end_seconds, 317);
          double min_bpm, max_bpm;

          assert_holds_every_sample (envelope, map, mode, end_seconds);
          /* Each of 5000 points is in some column: the whole range shows. */
          g_assert_true (ts_tempo_envelope_get_range (envelope, &min_bpm, &max_bpm));
          for (guint i = 0; i < 5000; i++)
            {
              g_assert_cmpfloat (points[i].bpm, >=, min_bpm);
              g_assert_cmpfloat (points[i].bpm, <=, max_bpm);
            }
        }
    }

  g_rand_free (rand);
}

/* A peak narrower than a column, which one sample per column would miss,
 * shows in the column it is in and in no other. */
static void
test_narrow_peak (void)
{
  /* 120 BPM, a peak of 180 over a sixteenth note at beat 101, 120 after. */
  const TsTempoPoint points[] = {
    { 0.0, 120.0 }, { 101.0, 120.0 }, { 101.125, 180.0 }, { 101.25, 120.0 },
  };
  g_autoptr(TsTempoMap) map = ts_tempo_map_new (120.0, ABLETON_GRID, points, G_N_ELEMENTS (points));

  for (int mode = TS_TEMPO_MODE_DAW; mode <= TS_TEMPO_MODE_EXACT; mode++)
    {
      /* 200 s in 100 columns of 2 s; the peak is at about 50.5 s, off
       * the columns' edges. */
      g_autoptr(TsTempoEnvelope) envelope = ts_tempo_envelope_new (map, mode, 200.0, 100);
      double peak_seconds = ts_tempo_map_seconds_at_beat (map, mode, 101.125);
      guint peak_column = (guint) (peak_seconds / 2.0);

      for (guint i = 0; i < 100; i++)
        {
          double min_bpm, max_bpm;

          g_assert_true (ts_tempo_envelope_get_column (envelope, i, &min_bpm, &max_bpm));
          g_assert_cmpfloat (min_bpm, ==, 120.0);
          g_assert_cmpfloat (max_bpm, ==, i == peak_column ? 180.0 : 120.0);
        }
      assert_holds_every_sample (envelope, map, mode, 200.0);
    }
}

/* A steady tempo is one value everywhere, also past the last point. */
static void
test_steady (void)
{
  const TsTempoPoint points[] = { { 0.0, 128.0 } };
  g_autoptr(TsTempoMap) map = ts_tempo_map_new (128.0, ABLETON_GRID, points, 1);
  g_autoptr(TsTempoEnvelope) envelope = ts_tempo_envelope_new (map, TS_TEMPO_MODE_DAW, 3600.0, 640);
  double min_bpm, max_bpm;

  for (guint i = 0; i < 640; i++)
    {
      g_assert_true (ts_tempo_envelope_get_column (envelope, i, &min_bpm, &max_bpm));
      g_assert_cmpfloat (min_bpm, ==, 128.0);
      g_assert_cmpfloat (max_bpm, ==, 128.0);
    }
  g_assert_true (ts_tempo_envelope_get_range (envelope, &min_bpm, &max_bpm));
  g_assert_cmpfloat (min_bpm, ==, 128.0);
  g_assert_cmpfloat (max_bpm, ==, 128.0);
}

/* The graph keeps an envelope while nothing it was made from changes. */
static void
test_matches (void)
{
  const TsTempoPoint points[] = { { 0.0, 120.0 }, { 16.0, 140.0 } };
  g_autoptr(TsTempoMap) map = ts_tempo_map_new (120.0, ABLETON_GRID, points, 2);
  g_autoptr(TsTempoMap) other = ts_tempo_map_new (120.0, ABLETON_GRID, points, 2);
  g_autoptr(TsTempoEnvelope) envelope = ts_tempo_envelope_new (map, TS_TEMPO_MODE_EXACT, 60.0, 300);

  g_assert_true (ts_tempo_envelope_matches (envelope, map, TS_TEMPO_MODE_EXACT, 60.0, 300));
  g_assert_false (ts_tempo_envelope_matches (envelope, other, TS_TEMPO_MODE_EXACT, 60.0, 300));
  g_assert_false (ts_tempo_envelope_matches (envelope, map, TS_TEMPO_MODE_DAW, 60.0, 300));
  g_assert_false (ts_tempo_envelope_matches (envelope, map, TS_TEMPO_MODE_EXACT, 61.0, 300));
  g_assert_false (ts_tempo_envelope_matches (envelope, map, TS_TEMPO_MODE_EXACT, 60.0, 301));
  g_assert_false (ts_tempo_envelope_matches (NULL, map, TS_TEMPO_MODE_EXACT, 60.0, 300));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tempo-envelope/dense-automation", test_dense_automation);
  g_test_add_func ("/tempo-envelope/narrow-peak", test_narrow_peak);
  g_test_add_func ("/tempo-envelope/steady", test_steady);
  g_test_add_func ("/tempo-envelope/matches", test_matches);

  return g_test_run ();
}
