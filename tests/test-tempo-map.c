/* test-tempo-map.c - the tempo engine against facts and brute force
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "ts-format-info.h"
#include "ts-shared-range.h"
#include "ts-tempo-map.h"

/* The DAWs' own grids, as the readers use them. */
#define ABLETON_GRID (ts_format_info_get (TS_FORMAT_ABLETON)->tempo_grid)
#define FL_STUDIO_GRID (ts_format_info_get (TS_FORMAT_FL_STUDIO)->tempo_grid)

/* The curve as the engine documents it, evaluated the slow obvious way:
 * linear between points, the later point's value at a jump, flat outside. */
static double
naive_curve (const TsTempoPoint *points,
             guint               n,
             double              beat)
{
  guint last = 0;

  if (beat < MAX (points[0].beat, 0.0))
    return points[0].bpm;
  for (guint i = 0; i < n; i++)
    if (MAX (points[i].beat, 0.0) <= beat)
      last = i;
  if (last + 1 == n)
    return points[last].bpm;
  {
    double x0 = MAX (points[last].beat, 0.0);
    double x1 = points[last + 1].beat;

    return points[last].bpm + (points[last + 1].bpm - points[last].bpm) * (beat - x0) / (x1 - x0);
  }
}

/* DAW mode by brute force: walk grid cell by grid cell, sampling the curve
 * at each grid line. */
static double
naive_daw_seconds (const TsTempoPoint *points,
                   guint               n,
                   double              grid,
                   double              beat)
{
  double seconds = 0.0;

  for (double line = 0.0; line < beat; line += grid)
    seconds += 60.0 * (MIN (line + grid, beat) - line) / naive_curve (points, n, line);
  return seconds;
}

/* Simpson's rule over [a, b], where the curve is smooth. */
static double
simpson (const TsTempoPoint *points,
         guint               n,
         double              a,
         double              b)
{
  const int slices = 2000;
  double h = (b - a) / slices;
  double sum = 0.0;

  for (int i = 0; i <= slices; i++)
    {
      double w = (i == 0 || i == slices) ? 1.0 : (i % 2 ? 4.0 : 2.0);
      /* Stay inside the piece: at its ends the curve may jump. */
      double x = CLAMP (a + i * h, a + 1e-12, b - 1e-12);

      sum += w * 60.0 / naive_curve (points, n, x);
    }
  return sum * h / 3.0;
}

/* Exact mode by numerical integration, piece by piece between points. */
static double
naive_exact_seconds (const TsTempoPoint *points,
                     guint               n,
                     double              beat)
{
  double seconds = 0.0;
  double from = 0.0;

  for (guint i = 0; i <= n && from < beat; i++)
    {
      double to = i < n ? MIN (MAX (points[i].beat, 0.0), beat) : beat;

      if (to > from)
        seconds += simpson (points, n, from, to);
      from = MAX (from, to);
    }
  return seconds;
}

static void
test_constant_tempo (void)
{
  g_autoptr(TsTempoMap) map = ts_tempo_map_new (119.999992, ABLETON_GRID, NULL, 0);

  /* The same expression as the reference, so equal to the bit. */
  g_assert_cmpfloat (ts_tempo_map_seconds_at_beat (map, TS_TEMPO_MODE_DAW, 400.0), ==, 400.0 * (60.0 / 119.999992));
  g_assert_cmpfloat (ts_tempo_map_seconds_at_beat (map, TS_TEMPO_MODE_EXACT, 400.0), ==, 400.0 * (60.0 / 119.999992));
  g_assert_cmpfloat_with_epsilon (ts_tempo_map_seconds_at_beat (map, TS_TEMPO_MODE_DAW, 400.0), 200.0000133, 1e-7);
  g_assert_false (ts_tempo_map_has_automation (map));
  g_assert_cmpfloat (ts_tempo_map_bpm_at_beat (map, TS_TEMPO_MODE_DAW, 17.3), ==, 119.999992);
  g_assert_cmpfloat_with_epsilon (ts_tempo_map_beat_at_seconds (map, TS_TEMPO_MODE_DAW, 200.0000133), 400.0, 1e-6);
}

static void
test_single_point_is_not_automation (void)
{
  /* Live writes one sentinel event even without automation; the static
   * tempo wins, as in the reference. */
  const TsTempoPoint points[] = { { -63072000.0, 90.0 } };
  g_autoptr(TsTempoMap) map = ts_tempo_map_new (128.0, ABLETON_GRID, points, 1);

  g_assert_false (ts_tempo_map_has_automation (map));
  g_assert_cmpfloat (ts_tempo_map_seconds_at_beat (map, TS_TEMPO_MODE_DAW, 128.0), ==, 60.0);
}

/* Measured in Ableton Live: a 150 -> 50 BPM linear ramp over 16 beats. */
static void
test_live_ramp_fact (void)
{
  const TsTempoPoint points[] = {
    { -63072000.0, 150.0 },
    { 0.0, 150.0 },
    { 16.0, 50.0 },
  };
  const double daw[] = { 1.740, 3.867, 6.604, 10.447 };
  const double exact[] = { 1.750, 3.892, 6.654, 10.547 };
  g_autoptr(TsTempoMap) map = ts_tempo_map_new (150.0, ABLETON_GRID, points, G_N_ELEMENTS (points));

  g_assert_true (ts_tempo_map_has_automation (map));
  for (guint i = 0; i < 4; i++)
    {
      double beat = 4.0 * (i + 1);

      g_assert_cmpfloat_with_epsilon (ts_tempo_map_seconds_at_beat (map, TS_TEMPO_MODE_DAW, beat), daw[i], 1e-3);
      g_assert_cmpfloat_with_epsilon (ts_tempo_map_seconds_at_beat (map, TS_TEMPO_MODE_EXACT, beat), exact[i], 1e-3);
    }

  /* The closed form, by hand: 60 * 16 / (50 - 150) * ln (50 / 150). */
  g_assert_cmpfloat_with_epsilon (ts_tempo_map_seconds_at_beat (map, TS_TEMPO_MODE_EXACT, 16.0),
                                  60.0 * 16.0 / -100.0 * log (50.0 / 150.0), 1e-12);
  /* DAW by hand: 64 sixteenths at 150, 148.4375, ... (100/64 apart). */
  {
    double sum = 0.0;

    for (int j = 0; j < 64; j++)
      sum += 60.0 * 0.25 / (150.0 - j * 100.0 / 64.0);
    g_assert_cmpfloat_with_epsilon (ts_tempo_map_seconds_at_beat (map, TS_TEMPO_MODE_DAW, 16.0), sum, 1e-12);
  }
}

static void
test_bpm_at_beat (void)
{
  const TsTempoPoint points[] = { { 0.0, 100.0 }, { 10.0, 200.0 } };
  g_autoptr(TsTempoMap) map = ts_tempo_map_new (100.0, ABLETON_GRID, points, 2);

  g_assert_cmpfloat_with_epsilon (ts_tempo_map_bpm_at_beat (map, TS_TEMPO_MODE_EXACT, 5.1), 151.0, 1e-9);
  /* DAW holds the sample of the 16th at 5.0 until 5.25. */
  g_assert_cmpfloat_with_epsilon (ts_tempo_map_bpm_at_beat (map, TS_TEMPO_MODE_DAW, 5.1), 150.0, 1e-9);
  g_assert_cmpfloat (ts_tempo_map_bpm_at_beat (map, TS_TEMPO_MODE_DAW, 50.0), ==, 200.0);
  g_assert_cmpfloat (ts_tempo_map_bpm_at_beat (map, TS_TEMPO_MODE_EXACT, -3.0), ==, 100.0);
}

static void
test_vertical_jump (void)
{
  /* 120 for 4 beats, then straight to 60 at beat 4. */
  const TsTempoPoint points[] = {
    { -63072000.0, 120.0 },
    { 4.0, 120.0 },
    { 4.0, 60.0 },
  };
  g_autoptr(TsTempoMap) map = ts_tempo_map_new (120.0, ABLETON_GRID, points, 3);

  for (int mode = TS_TEMPO_MODE_DAW; mode <= TS_TEMPO_MODE_EXACT; mode++)
    {
      g_assert_cmpfloat_with_epsilon (ts_tempo_map_seconds_at_beat (map, mode, 4.0), 2.0, 1e-12);
      g_assert_cmpfloat_with_epsilon (ts_tempo_map_seconds_at_beat (map, mode, 8.0), 6.0, 1e-12);
      g_assert_cmpfloat_with_epsilon (ts_tempo_map_beat_at_seconds (map, mode, 4.0), 6.0, 1e-12);
    }
  g_assert_cmpfloat (ts_tempo_map_bpm_at_beat (map, TS_TEMPO_MODE_EXACT, 4.0), ==, 60.0);
}

static void
test_off_grid_point (void)
{
  /* A step to 60 BPM at beat 1.1, between the 16ths at 1.0 and 1.25: the
   * DAW keeps 120 until 1.25. Exact mode switches at 1.1. */
  const TsTempoPoint points[] = {
    { -63072000.0, 120.0 },
    { 1.1, 120.0 },
    { 1.1, 60.0 },
  };
  g_autoptr(TsTempoMap) map = ts_tempo_map_new (120.0, ABLETON_GRID, points, 3);

  g_assert_cmpfloat_with_epsilon (ts_tempo_map_seconds_at_beat (map, TS_TEMPO_MODE_DAW, 2.0),
                                  1.25 * 0.5 + 0.75 * 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (ts_tempo_map_seconds_at_beat (map, TS_TEMPO_MODE_EXACT, 2.0),
                                  1.1 * 0.5 + 0.9 * 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (ts_tempo_map_seconds_at_beat (map, TS_TEMPO_MODE_DAW, 1.2), 0.6, 1e-12);
}

static void
test_unsorted_and_unplayable_points (void)
{
  /* Beyond what any DAW plays or places: a ramp between the last two
   * (found by fuzz-flp) once summed its samples one by one, for ever. */
  const TsTempoPoint unsorted[] = {
    { 8.0, 60.0 }, { 0.0, 120.0 }, { 4.0, 120.0 }, { 6.0, 0.0 }, { 7.0, NAN },
    { 5.0, 0.5 }, { 5.5, 20000.0 }, { INFINITY, 120.0 },
    { 1.04441980336572e-314, 9.4974916705673399e+176 }, { 1.4792246872290677e+271, 60.0 },
  };
  const TsTempoPoint sorted[] = { { 0.0, 120.0 }, { 4.0, 120.0 }, { 8.0, 60.0 } };
  g_autoptr(TsTempoMap) a = ts_tempo_map_new (120.0, ABLETON_GRID, unsorted, G_N_ELEMENTS (unsorted));
  g_autoptr(TsTempoMap) b = ts_tempo_map_new (120.0, ABLETON_GRID, sorted, G_N_ELEMENTS (sorted));

  g_assert_cmpuint (ts_tempo_map_get_n_points (a), ==, 3);
  for (double beat = 0.0; beat < 12.0; beat += 0.37)
    {
      g_assert_cmpfloat (ts_tempo_map_seconds_at_beat (a, TS_TEMPO_MODE_DAW, beat), ==,
                         ts_tempo_map_seconds_at_beat (b, TS_TEMPO_MODE_DAW, beat));
      g_assert_cmpfloat (ts_tempo_map_seconds_at_beat (a, TS_TEMPO_MODE_EXACT, beat), ==,
                         ts_tempo_map_seconds_at_beat (b, TS_TEMPO_MODE_EXACT, beat));
    }
}

/* Every answer of @a and @b, in both modes, is the same double. */
static void
assert_same_answers (const TsTempoMap *a,
                     const TsTempoMap *b)
{
  g_assert_cmpuint (ts_tempo_map_get_n_points (a), ==, ts_tempo_map_get_n_points (b));
  for (double beat = -1.0; beat < 14.0; beat += 0.37)
    {
      for (TsTempoMode mode = TS_TEMPO_MODE_DAW; mode <= TS_TEMPO_MODE_EXACT; mode++)
        {
          double seconds = ts_tempo_map_seconds_at_beat (a, mode, beat);
          double expected = ts_tempo_map_seconds_at_beat (b, mode, beat);

          g_assert_cmpmem (&seconds, sizeof seconds, &expected, sizeof expected);
          g_assert_cmpfloat (ts_tempo_map_bpm_at_beat (a, mode, beat), ==, ts_tempo_map_bpm_at_beat (b, mode, beat));
          g_assert_cmpfloat (ts_tempo_map_beat_at_seconds (a, mode, beat), ==,
                             ts_tempo_map_beat_at_seconds (b, mode, beat));
        }
    }
}

/* A reader's array is kept, not copied, when it is ready to use; else
 * it is copied, sorted and filtered as ts_tempo_map_new() does. Either
 * way the answers are the same bits as from ts_tempo_map_new(). */
static void
test_map_for_array (void)
{
  const TsTempoPoint ready[] = { { 0.0, 120.0 }, { 4.0, 120.0 }, { 4.0, 90.0 }, { 8.1, 150.0 }, { 12.0, 60.0 } };
  const TsTempoPoint sentinel[] = { { -63072000.0, 120.0 }, { 4.0, 90.0 }, { 8.0, 150.0 } };
  const TsTempoPoint negative_zero[] = { { -0.0, 120.0 }, { 4.0, 90.0 } };
  const TsTempoPoint unsorted[] = { { 8.0, 60.0 }, { 0.0, 120.0 }, { 4.0, 120.0 } };
  const TsTempoPoint unplayable[] = { { 0.0, 120.0 }, { 2.0, NAN }, { 4.0, 0.5 }, { 8.0, 60.0 } };
  const struct { const TsTempoPoint *points; guint n; gboolean kept; } cases[] = {
    { ready, G_N_ELEMENTS (ready), TRUE },
    { ready, 1, TRUE },
    { ready, 0, FALSE },
    { sentinel, G_N_ELEMENTS (sentinel), FALSE },
    { negative_zero, G_N_ELEMENTS (negative_zero), FALSE },
    { unsorted, G_N_ELEMENTS (unsorted), FALSE },
    { unplayable, G_N_ELEMENTS (unplayable), FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) array = g_array_new (FALSE, FALSE, sizeof (TsTempoPoint));
      g_autoptr(TsTempoMap) copied = ts_tempo_map_new (130.0, FL_STUDIO_GRID, cases[i].points, cases[i].n);
      g_autoptr(TsTempoMap) map = NULL;

      g_array_append_vals (array, cases[i].points, cases[i].n);
      map = ts_tempo_map_new_for_array (130.0, FL_STUDIO_GRID, array);
      assert_same_answers (map, copied);
      if (cases[i].n > 0)
        {
          gboolean kept = ts_tempo_map_get_point (map, 0) == &g_array_index (array, TsTempoPoint, 0);

          g_assert_cmpint (kept, ==, cases[i].kept);
        }
    }
  {
    /* The map keeps its own reference: the caller may drop the array. */
    GArray *array = g_array_new (FALSE, FALSE, sizeof (TsTempoPoint));
    g_autoptr(TsTempoMap) copied = ts_tempo_map_new (130.0, ABLETON_GRID, ready, G_N_ELEMENTS (ready));
    g_autoptr(TsTempoMap) map = NULL;

    g_array_append_vals (array, ready, G_N_ELEMENTS (ready));
    map = ts_tempo_map_new_for_array (130.0, ABLETON_GRID, array);
    g_array_unref (array);
    assert_same_answers (map, copied);
  }
}

/* Random curves with ramps, steps, jumps and off-grid points against the
 * brute-force definitions, in both grids. */
static void
test_random_maps_against_brute_force (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261126);
  const double grids[] = { ABLETON_GRID, FL_STUDIO_GRID };

  for (guint round = 0; round < 40; round++)
    {
      double grid = grids[round % 2];
      TsTempoPoint points[12];
      g_autoptr(TsTempoMap) map = NULL;
      double beat = 0.0;

      points[0] = (TsTempoPoint) { -63072000.0, g_rand_double_range (rand, 60, 180) };
      for (guint i = 1; i < G_N_ELEMENTS (points); i++)
        {
          switch (g_rand_int_range (rand, 0, 4))
            {
            case 0: /* a jump on the same beat */
              break;
            case 1: /* on the grid */
              beat += grid * g_rand_int_range (rand, 1, 40);
              break;
            default: /* anywhere */
              beat += g_rand_double_range (rand, 0.01, 6.0);
              break;
            }
          points[i] = (TsTempoPoint) { beat, g_rand_double_range (rand, 60, 180) };
        }
      map = ts_tempo_map_new (points[0].bpm, grid, points, G_N_ELEMENTS (points));

      for (guint q = 0; q < 12; q++)
        {
          double at = g_rand_double_range (rand, 0.0, beat + 3.0);
          double daw = ts_tempo_map_seconds_at_beat (map, TS_TEMPO_MODE_DAW, at);
          double exact = ts_tempo_map_seconds_at_beat (map, TS_TEMPO_MODE_EXACT, at);

          g_assert_cmpfloat_with_epsilon (daw, naive_daw_seconds (points, G_N_ELEMENTS (points), grid, at), 1e-9);
          g_assert_cmpfloat_with_epsilon (exact, naive_exact_seconds (points, G_N_ELEMENTS (points), at), 1e-6);
          g_assert_cmpfloat_with_epsilon (ts_tempo_map_beat_at_seconds (map, TS_TEMPO_MODE_DAW, daw), at, 1e-9);
          g_assert_cmpfloat_with_epsilon (ts_tempo_map_beat_at_seconds (map, TS_TEMPO_MODE_EXACT, exact), at, 1e-9);
        }
    }
}

/* A ramp over thousands of grid cells takes the digamma path of the
 * harmonic sum; it must agree with plain summation. */
static void
test_long_ramps (void)
{
  const TsTempoPoint points[] = {
    { 0.0, 174.0 }, { 5000.0, 60.0 }, { 9000.0, 60.0001 }, { 9000.0, 90.0 }, { 20000.0, 91.0 },
  };
  g_autoptr(TsTempoMap) map = ts_tempo_map_new (174.0, FL_STUDIO_GRID, points, G_N_ELEMENTS (points));
  const double queries[] = { 1234.5678, 5000.0, 7000.001, 9000.0, 14321.00390625, 19999.9 };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      double expected = naive_daw_seconds (points, G_N_ELEMENTS (points), FL_STUDIO_GRID, queries[i]);
      double got = ts_tempo_map_seconds_at_beat (map, TS_TEMPO_MODE_DAW, queries[i]);

      g_assert_cmpfloat_with_epsilon (got, expected, 1e-9 * expected);
      g_assert_cmpfloat_with_epsilon (ts_tempo_map_beat_at_seconds (map, TS_TEMPO_MODE_DAW, got), queries[i], 1e-8);
    }
}

static void
test_many_points (void)
{
  /* 100 000 points: construction and queries stay linear / logarithmic,
   * and the result equals the sum of the per-segment closed forms. */
  const guint n = 100000;
  g_autofree TsTempoPoint *points = g_new (TsTempoPoint, n);
  g_autoptr(TsTempoMap) map = NULL;
  double expected = 0.0;

  for (guint i = 0; i < n; i++)
    points[i] = (TsTempoPoint) { i * 0.5, 100.0 + (i % 7) * 10.0 };
  map = ts_tempo_map_new (100.0, ABLETON_GRID, points, n);
  for (guint i = 1; i < n; i++)
    {
      double b0 = points[i - 1].bpm;
      double b1 = points[i].bpm;

      expected += b0 == b1 ? 30.0 / b0 : 30.0 * log (b1 / b0) / (b1 - b0);
    }
  g_assert_cmpfloat_with_epsilon (ts_tempo_map_seconds_at_beat (map, TS_TEMPO_MODE_EXACT, (n - 1) * 0.5),
                                  expected, 1e-9);
  for (guint q = 0; q < 100000; q++)
    g_assert_true (ts_tempo_map_seconds_at_beat (map, TS_TEMPO_MODE_DAW, q * 0.49) >= 0.0);
}

static void
count_visits (guint    start,
              guint    end,
              gpointer user_data)
{
  int *visits = user_data;

  for (guint i = start; i < end; i++)
    g_atomic_int_inc (&visits[i]);
}

static void
test_shared_range_visits_each_index_once (void)
{
  static const guint sizes[][3] = {
    /* start, end, chunk */
    { 0, 0, 16 }, { 5, 3, 16 }, { 0, 31, 16 }, { 0, 32, 16 }, { 1, 33, 16 },
    { 3, 1000, 7 }, { 0, 100000, 4096 }, { 1, 8193, 4096 }, { 1, 100000, 1 },
  };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      guint start = sizes[s][0];
      guint end = sizes[s][1];
      g_autofree int *visits = g_new0 (int, MAX (end, 1));

      ts_shared_range_run (start, end, sizes[s][2], count_visits, visits);
      for (guint i = 0; i < end; i++)
        g_assert_cmpint (visits[i], ==, i >= start ? 1 : 0);
    }
}

/* Every time a map gives, for its points, between them and past them,
 * in both modes and both directions. */
static double *
map_answers (const TsTempoPoint *points,
             guint               n,
             double              grid,
             guint              *n_answers)
{
  g_autoptr(TsTempoMap) map = ts_tempo_map_new (120.0, grid, points, n);
  GArray *answers = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < n; i++)
    {
      double beats[] = { points[i].beat, points[i].beat + 0.3, nextafter (points[i].beat, -INFINITY) };

      for (guint b = 0; b < G_N_ELEMENTS (beats); b++)
        for (TsTempoMode mode = TS_TEMPO_MODE_DAW; mode <= TS_TEMPO_MODE_EXACT; mode++)
          {
            double seconds = ts_tempo_map_seconds_at_beat (map, mode, beats[b]);
            double beat = ts_tempo_map_beat_at_seconds (map, mode, seconds);

            g_array_append_val (answers, seconds);
            g_array_append_val (answers, beat);
          }
    }
  *n_answers = answers->len;
  return (double *) g_array_free (answers, FALSE);
}

static void
test_two_threads_give_the_same_bits (void)
{
  /* Large enough for the first pass to be shared, with ramps, steps,
   * vertical jumps, points on and off the grid, long and short segments. */
  const guint n = 40000;
  g_autofree TsTempoPoint *points = g_new (TsTempoPoint, n);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261203);
  double grids[] = { ABLETON_GRID, FL_STUDIO_GRID };
  double beat = 0.0;

  for (guint i = 0; i < n; i++)
    {
      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          break;
        case 1:
          beat += g_rand_int_range (rand, 1, 64) / 16.0;
          break;
        default:
          beat += g_rand_double_range (rand, 0.001, 40.0);
          break;
        }
      points[i].beat = beat;
      points[i].bpm = g_rand_boolean (rand) && i > 0 ? points[i - 1].bpm : g_rand_double_range (rand, 20.0, 300.0);
    }

  for (guint g = 0; g < G_N_ELEMENTS (grids); g++)
    {
      g_autofree double *shared = NULL;
      g_autofree double *alone = NULL;
      guint n_shared;
      guint n_alone;

      shared = map_answers (points, n, grids[g], &n_shared);
      ts_shared_range_set_helper_allowed (FALSE);
      alone = map_answers (points, n, grids[g], &n_alone);
      ts_shared_range_set_helper_allowed (TRUE);

      g_assert_cmpuint (n_shared, ==, n_alone);
      g_assert_cmpmem (shared, n_shared * sizeof (double), alone, n_alone * sizeof (double));
    }
}

static void
test_mode_strings (void)
{
  TsTempoMode mode;

  g_assert_true (ts_tempo_mode_from_string ("exact", &mode));
  g_assert_cmpint (mode, ==, TS_TEMPO_MODE_EXACT);
  g_assert_true (ts_tempo_mode_from_string ("daw", &mode));
  g_assert_cmpint (mode, ==, TS_TEMPO_MODE_DAW);
  g_assert_false (ts_tempo_mode_from_string ("Daw", &mode));
  g_assert_cmpstr (ts_tempo_mode_to_string (TS_TEMPO_MODE_EXACT), ==, "exact");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tempo-map/constant", test_constant_tempo);
  g_test_add_func ("/tempo-map/single-point", test_single_point_is_not_automation);
  g_test_add_func ("/tempo-map/live-ramp-fact", test_live_ramp_fact);
  g_test_add_func ("/tempo-map/bpm-at-beat", test_bpm_at_beat);
  g_test_add_func ("/tempo-map/vertical-jump", test_vertical_jump);
  g_test_add_func ("/tempo-map/off-grid-point", test_off_grid_point);
  g_test_add_func ("/tempo-map/unsorted-unplayable", test_unsorted_and_unplayable_points);
  g_test_add_func ("/tempo-map/for-array", test_map_for_array);
  g_test_add_func ("/tempo-map/random-vs-brute-force", test_random_maps_against_brute_force);
  g_test_add_func ("/tempo-map/long-ramps", test_long_ramps);
  g_test_add_func ("/tempo-map/many-points", test_many_points);
  g_test_add_func ("/tempo-map/mode-strings", test_mode_strings);
  g_test_add_func ("/tempo-map/shared-range", test_shared_range_visits_each_index_once);
  g_test_add_func ("/tempo-map/two-threads-same-bits", test_two_threads_give_the_same_bits);

  return g_test_run ();
}
