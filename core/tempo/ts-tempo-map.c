/* ts-tempo-map.c - beats to seconds through a tempo curve
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The curve is piecewise linear through the points; two points on one beat
 * make a vertical jump, and the curve takes the later point's value there.
 * Seconds are the integral of 60/BPM over beats:
 *
 *  - Exact mode integrates the linear segments in closed form.
 *  - DAW mode does what Ableton Live and FL Studio do: sample the curve on
 *    the grid and hold each sample until the next grid line, also across
 *    points that sit between grid lines. A ramp then costs a sum of
 *    reciprocals of an arithmetic progression, which ts_harmonic_sum()
 *    evaluates in constant time, so a long ramp is as cheap as a step.
 *
 * Construction is O(points); every query is a binary search plus O(1).
 * A large map's first query shares the per-segment arithmetic with a
 * second thread, and adds up the running totals in one thread, in the
 * order of the points, so that the times are the same bits either way.
 */

#define G_LOG_DOMAIN "ts-tempo-map"

#include <math.h>

#include "ts-tempo-map.h"
#include "ts-tempo-map-private.h"
#include "ts-shared-range.h"

/* Where DAW mode stands at each point: seconds, and the sample in force
 * just after the point (its own tempo on a grid line, else the sample of
 * the grid line before it) as seconds per beat, so that using it is a
 * multiplication. */
typedef struct {
  double seconds;
  double held_spb;
} DawPoint;

struct _TsTempoMap {
  double        base_bpm;
  double        grid;
  double        inv_grid;     /* exact: the grid is a power of two */
  guint         n_points;
  /* Playable points sorted by beat, sentinel beats clamped to 0: the
   * caller's array when its points are such already (@shared holds it
   * then), else a copy of our own. */
  const TsTempoPoint *points;
  GArray       *shared;
  /* Each mode's running totals are computed on its first query, so a
   * caller that wants one mode does not pay for both; g_once makes that
   * safe when threads share a map. */
  DawPoint     *daw;
  double       *exact_seconds;
};

/* No DAW plays outside 10 to 999 BPM (FL Studio 10-522, Live 20-999), nor
 * places a point a billion beats in (over 1900 years at 999 BPM). Points
 * beyond these bounds come only from damaged or hostile files; kept, they
 * would make the sample of a ramp cross zero through rounding, which
 * ts_harmonic_sum() cannot sum, or overflow the seconds. */
#define PLAYABLE_BPM_MIN 1.0
#define PLAYABLE_BPM_MAX 10000.0
#define PLAYABLE_BEAT_MAX 1e9

/* Below this many terms a plain sum is cheaper than the digamma path: each
 * term costs a division, the digamma path about as much as four. */
#define HARMONIC_DIRECT_TERMS 4.0
/* Where the asymptotic series of psi is accurate to double precision. */
#define DIGAMMA_SERIES_MIN 32.0

/* Digamma difference psi(y + m) - psi(y) for y >= DIGAMMA_SERIES_MIN,
 * from the asymptotic series of psi. Each term is taken as a difference
 * computed without cancellation; the first omitted term is below 1e-17. */
static double
digamma_difference (double y,
                    double m)
{
  /* Reciprocals once, products after: divisions dominate this path,
   * which runs for nearly every segment of a tempo ramp. */
  double inv_y = 1.0 / y;
  double inv_z = 1.0 / (y + m);
  double y2 = inv_y * inv_y;
  double z2 = inv_z * inv_z;
  double series_y = y2 * (1.0 / 12 - y2 * (1.0 / 120 - y2 * (1.0 / 252 - y2 * (1.0 / 240))));
  double series_z = z2 * (1.0 / 12 - z2 * (1.0 / 120 - z2 * (1.0 / 252 - z2 * (1.0 / 240))));

  return log1p (m * inv_y) + 0.5 * m * inv_y * inv_z + (series_y - series_z);
}

/* Sum of 1/(first + j * step) for j in [0, count): the seconds-per-beat
 * of every grid sample along a ramp, up to a constant factor. */
static double
ts_harmonic_sum (double first,
                 double step,
                 double count)
{
  double x;
  double inv_step;
  double sum = 0.0;

  if (count <= 0.0)
    return 0.0;

  if (step == 0.0)
    return count / first;

  if (count <= HARMONIC_DIRECT_TERMS)
    {
      for (double j = 0; j < count; j++)
        sum += 1.0 / (first + j * step);
      return sum;
    }

  /* Walk a falling ramp backwards so the step is positive. */
  if (step < 0.0)
    {
      first = first + (count - 1.0) * step;
      step = -step;
    }

  /* sum = (psi (x + count) - psi (x)) / step with x = first / step; lift x
   * to where the asymptotic series is accurate by taking terms directly. */
  inv_step = 1.0 / step;
  x = first * inv_step;
  while (x < DIGAMMA_SERIES_MIN && count > 0.0)
    {
      sum += 1.0 / x;
      x += 1.0;
      count -= 1.0;
    }
  if (count > 0.0)
    sum += digamma_difference (x, count);

  return sum * inv_step;
}

/* 2^52: from here on every double is a whole number. */
#define DOUBLE_WHOLE_FROM 4503599627370496.0

static inline double
grid_floor (const TsTempoMap *self,
            double            beat)
{
  /* The grid is a power of two, so this is exact. */
  double cells = beat * self->inv_grid;

  /* Below 2^52 the floor of a positive double is its integer part, which
   * two conversions give; floor() without SSE4.1 is a dozen instructions,
   * and this runs several times for every segment. Zero keeps its sign
   * through floor(). */
  if (cells > 0.0 && cells < DOUBLE_WHOLE_FROM)
    return (double) (gint64) cells * self->grid;
  return floor (cells) * self->grid;
}

static inline double
segment_bpm_at (const TsTempoPoint *p0,
                const TsTempoPoint *p1,
                double              beat)
{
  if (p0->bpm == p1->bpm)
    return p0->bpm;
  return p0->bpm + (p1->bpm - p0->bpm) / (p1->beat - p0->beat) * (beat - p0->beat);
}

/* The whole grid cells of a span, from @window_end (its first grid line
 * after the start) to @last_line (grid_floor() of @to), as seconds; on a flat
 * segment, everything from @window_end to @to. @last_spb receives the
 * sample in force from the last line on, and is left as it is when a ramp
 * ends on a grid line. This is the part of a span that does not depend on
 * the sample held at its start, and holds all of its divisions and the
 * log1p() of a ramp: what building a map spends its time on. */
static double
daw_cells (const TsTempoMap   *self,
           const TsTempoPoint *p0,
           const TsTempoPoint *p1,
           double              window_end,
           double              to,
           double              last_line,
           double             *last_spb)
{
  double slope;
  double full_cells;
  double seconds;

  /* Flat (a step, or past the last point): every later sample is p0's. */
  if (p1 == NULL || p0->bpm == p1->bpm)
    {
      *last_spb = 60.0 / p0->bpm;
      return *last_spb * (to - window_end);
    }

  /* The same interpolation as segment_bpm_at(), with the slope computed
   * once. */
  slope = (p1->bpm - p0->bpm) / (p1->beat - p0->beat);
  /* Both lines are multiples of the power-of-two grid: exact. */
  full_cells = (last_line - window_end) * self->inv_grid;
  seconds = 60.0 * self->grid * ts_harmonic_sum (p0->bpm + slope * (window_end - p0->beat),
                                                 slope * self->grid, full_cells);
  if (to > last_line)
    *last_spb = 60.0 / (p0->bpm + slope * (last_line - p0->beat));
  return seconds;
}

/* A span that reaches past its first grid cell: the @first_cell seconds,
 * then the @cells of daw_cells(), then a ramp's part cell after its last
 * grid line (grid_floor() of @to) at @last_spb, added in that order. */
static double
daw_span_past_first_cell (const TsTempoPoint *p0,
                          const TsTempoPoint *p1,
                          double              to,
                          double              last_line,
                          double              first_cell,
                          double              cells,
                          double              last_spb)
{
  double seconds = first_cell + cells;

  if (p1 == NULL || p0->bpm == p1->bpm)
    return seconds;
  if (to > last_line)
    seconds += last_spb * (to - last_line);
  return seconds;
}

/* Seconds from @from to @to, both inside the segment p0..p1 (p1 may be
 * NULL past the last point), with @held_spb the seconds per beat of the
 * sample in force at @from. */
static double
daw_span (const TsTempoMap   *self,
          const TsTempoPoint *p0,
          const TsTempoPoint *p1,
          double              from,
          double              to,
          double              held_spb)
{
  double window_end;
  double last_line;
  double last_spb = held_spb;
  double cells;

  if (to <= from)
    return 0.0;

  window_end = grid_floor (self, from) + self->grid;
  if (to <= window_end)
    return held_spb * (to - from);

  last_line = grid_floor (self, to);
  cells = daw_cells (self, p0, p1, window_end, to, last_line, &last_spb);
  return daw_span_past_first_cell (p0, p1, to, last_line, held_spb * (window_end - from), cells, last_spb);
}

/* The closed-form integral of 60/bpm over a linear ramp. log1p keeps it
 * accurate when the two tempos are nearly equal. */
static double
exact_span (double beats,
            double bpm0,
            double bpm1)
{
  double delta = bpm1 - bpm0;

  if (beats == 0.0)
    return 0.0;
  if (delta == 0.0)
    return 60.0 * beats / bpm0;
  return 60.0 * beats * log1p (delta / bpm0) / delta;
}

static int
compare_points_by_beat (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  const TsTempoPoint *pa = a;
  const TsTempoPoint *pb = b;

  if (pa->beat < pb->beat)
    return -1;
  return pa->beat > pb->beat;
}

static gboolean
is_power_of_two (double value)
{
  int exponent;

  return frexp (value, &exponent) == 0.5;
}

static gboolean
point_is_playable (const TsTempoPoint *point)
{
  return isfinite (point->beat) && point->beat <= PLAYABLE_BEAT_MAX &&
         point->bpm >= PLAYABLE_BPM_MIN && point->bpm <= PLAYABLE_BPM_MAX;
}

static TsTempoMap *
tempo_map_alloc (double base_bpm,
                 double grid)
{
  TsTempoMap *self = g_atomic_rc_box_new0 (TsTempoMap);

  self->base_bpm = base_bpm;
  self->grid = grid;
  self->inv_grid = 1.0 / grid;
  return self;
}

/**
 * ts_tempo_map_new:
 * @base_bpm: the project's static tempo, used when there are fewer than two
 *   points (a lone point is a DAW's default envelope, not automation)
 * @grid: the DAW's tempo grid in beats, a power of two: the
 *   #TsFormatInfo tempo_grid of the project's format
 * @points: (array length=n_points): tempo points in timeline order; a
 *   negative beat (Ableton's sentinel) means the start; points on one beat
 *   keep their order
 *
 * Points that cannot be played are skipped: a tempo that is not a number
 * or outside 1 to 10 000 BPM, a beat that is not a number or beyond a
 * billion.
 */
TsTempoMap *
ts_tempo_map_new (double              base_bpm,
                  double              grid,
                  const TsTempoPoint *points,
                  guint               n_points)
{
  TsTempoMap *self;
  TsTempoPoint *copy;
  guint n = 0;

  g_return_val_if_fail (isfinite (base_bpm) && base_bpm > 0.0, NULL);
  g_return_val_if_fail (grid > 0.0 && isfinite (grid) && is_power_of_two (grid), NULL);
  g_return_val_if_fail (points != NULL || n_points == 0, NULL);

  self = tempo_map_alloc (base_bpm, grid);
  copy = g_new (TsTempoPoint, MAX (n_points, 1));

  for (guint i = 0; i < n_points; i++)
    {
      if (!point_is_playable (&points[i]))
        continue;
      copy[n].beat = MAX (points[i].beat, 0.0);
      copy[n].bpm = points[i].bpm;
      n++;
    }

  /* g_qsort_with_data() is stable, so the two points of a vertical jump
   * keep their order; files are sorted already, which makes this a linear
   * check. */
  for (guint i = 1; i < n; i++)
    {
      if (copy[i - 1].beat > copy[i].beat)
        {
          g_qsort_with_data (copy, n, sizeof (TsTempoPoint), compare_points_by_beat, NULL);
          break;
        }
    }

  self->points = copy;
  self->n_points = n;
  return self;
}

/* Whether ts_tempo_map_new() would keep @points as they are: all
 * playable, none before the start (a -0.0 would become 0.0), in order. */
static gboolean
points_are_ready (const TsTempoPoint *points,
                  guint               n_points)
{
  for (guint i = 0; i < n_points; i++)
    {
      if (!point_is_playable (&points[i]) || signbit (points[i].beat))
        return FALSE;
      if (i > 0 && points[i - 1].beat > points[i].beat)
        return FALSE;
    }
  return TRUE;
}

/**
 * ts_tempo_map_new_for_array:
 * @points: (element-type TsTempoPoint): as for ts_tempo_map_new(); the
 *   caller must not change them afterwards
 *
 * The same map as ts_tempo_map_new() makes of @points, but one that holds
 * a reference to @points instead of a copy when they need no sorting or
 * skipping, as a reader's tempo curve usually does not: a project with
 * 100 000 points then does not write another 1.6 MB.
 */
TsTempoMap *
ts_tempo_map_new_for_array (double  base_bpm,
                            double  grid,
                            GArray *points)
{
  const TsTempoPoint *data;
  TsTempoMap *self;

  g_return_val_if_fail (points != NULL && g_array_get_element_size (points) == sizeof (TsTempoPoint), NULL);

  data = (const TsTempoPoint *) (gconstpointer) points->data;
  if (points->len == 0 || !points_are_ready (data, points->len))
    return ts_tempo_map_new (base_bpm, grid, data, points->len);

  g_return_val_if_fail (isfinite (base_bpm) && base_bpm > 0.0, NULL);
  g_return_val_if_fail (grid > 0.0 && isfinite (grid) && is_power_of_two (grid), NULL);

  self = tempo_map_alloc (base_bpm, grid);
  self->shared = g_array_ref (points);
  self->points = data;
  self->n_points = points->len;
  return self;
}

/* The first pass over a map's segments: each segment's own part, which
 * does not depend on the segments before it, so that two threads can
 * share it. DAW mode keeps daw_cells() in .seconds and, in .held_spb, the
 * sample in force after the segment's end point if the segment decides it
 * (its end is on the grid, or it reaches past its first cell); exact mode
 * keeps each segment's seconds. */
typedef struct {
  const TsTempoMap *map;
  DawPoint         *daw;
  double           *exact_seconds;
} SegmentPass;

static void
daw_segment_pass (guint    start,
                  guint    end,
                  gpointer user_data)
{
  const SegmentPass *pass = user_data;
  const TsTempoMap *self = pass->map;
  double from_line = grid_floor (self, self->points[start - 1].beat);

  for (guint i = start; i < end; i++)
    {
      const TsTempoPoint *p0 = &self->points[i - 1];
      const TsTempoPoint *p1 = &self->points[i];
      double window_end = from_line + self->grid;
      double to_line = grid_floor (self, p1->beat);
      double last_spb = 0.0;

      pass->daw[i].seconds = 0.0;
      if (p1->beat > p0->beat && p1->beat > window_end)
        pass->daw[i].seconds = daw_cells (self, p0, p1, window_end, p1->beat, to_line, &last_spb);
      pass->daw[i].held_spb = to_line == p1->beat ? 60.0 / p1->bpm : last_spb;
      from_line = to_line;
    }
}

static void
exact_segment_pass (guint    start,
                    guint    end,
                    gpointer user_data)
{
  const SegmentPass *pass = user_data;
  const TsTempoMap *self = pass->map;

  for (guint i = start; i < end; i++)
    {
      const TsTempoPoint *p0 = &self->points[i - 1];
      const TsTempoPoint *p1 = &self->points[i];

      pass->exact_seconds[i] = exact_span (p1->beat - p0->beat, p0->bpm, p1->bpm);
    }
}

/* Segments a thread takes at a time in the first pass: a segment costs
 * about 40 ns, so a chunk about 160 us, and a map of fewer than two
 * chunks stays on one thread. */
#define SEGMENT_PASS_CHUNK 4096

static DawPoint *
compute_daw_points (const TsTempoMap *self)
{
  DawPoint *daw = g_new (DawPoint, self->n_points);
  SegmentPass pass = { self, daw, NULL };
  double from_line;

  ts_shared_range_run (1, self->n_points, SEGMENT_PASS_CHUNK, daw_segment_pass, &pass);

  /* Before the first point its tempo holds from the start. */
  daw[0].held_spb = 60.0 / self->points[0].bpm;
  daw[0].seconds = daw[0].held_spb * self->points[0].beat;

  /* What depends on the segment before: the sample held into each
   * segment, and the running total. This is daw_span() from point to
   * point, with its cells taken from the first pass. */
  from_line = grid_floor (self, self->points[0].beat);
  for (guint i = 1; i < self->n_points; i++)
    {
      const TsTempoPoint *p0 = &self->points[i - 1];
      const TsTempoPoint *p1 = &self->points[i];
      double held_spb = daw[i - 1].held_spb;
      double to_line = grid_floor (self, p1->beat);
      double span = 0.0;
      gboolean decides_sample = to_line == p1->beat;

      if (p1->beat > p0->beat)
        {
          double window_end = from_line + self->grid;

          if (p1->beat <= window_end)
            span = held_spb * (p1->beat - p0->beat);
          else
            {
              span = daw_span_past_first_cell (p0, p1, p1->beat, to_line, held_spb * (window_end - p0->beat),
                                               daw[i].seconds, daw[i].held_spb);
              decides_sample = TRUE;
            }
        }

      daw[i].seconds = daw[i - 1].seconds + span;
      if (!decides_sample)
        daw[i].held_spb = held_spb;
      from_line = to_line;
    }
  return daw;
}

static double *
compute_exact_seconds (const TsTempoMap *self)
{
  double *seconds = g_new (double, self->n_points);
  SegmentPass pass = { self, NULL, seconds };

  ts_shared_range_run (1, self->n_points, SEGMENT_PASS_CHUNK, exact_segment_pass, &pass);

  seconds[0] = 60.0 * self->points[0].beat / self->points[0].bpm;
  for (guint i = 1; i < self->n_points; i++)
    seconds[i] = seconds[i - 1] + seconds[i];
  return seconds;
}

/* The caches are invisible to callers, so queries stay const. */
static const DawPoint *
get_daw_points (const TsTempoMap *self)
{
  TsTempoMap *cache = (TsTempoMap *) self;

  if (g_once_init_enter (&cache->daw))
    g_once_init_leave (&cache->daw, compute_daw_points (self));
  return cache->daw;
}

static const double *
get_exact_seconds (const TsTempoMap *self)
{
  TsTempoMap *cache = (TsTempoMap *) self;

  if (g_once_init_enter (&cache->exact_seconds))
    g_once_init_leave (&cache->exact_seconds, compute_exact_seconds (self));
  return cache->exact_seconds;
}

TsTempoMap *
ts_tempo_map_ref (TsTempoMap *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

static void
ts_tempo_map_clear (TsTempoMap *self)
{
  if (self->shared != NULL)
    g_array_unref (self->shared);
  else
    g_free ((gpointer) self->points);
  g_free (self->daw);
  g_free (self->exact_seconds);
}

void
ts_tempo_map_unref (TsTempoMap *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, (GDestroyNotify) ts_tempo_map_clear);
}

double
ts_tempo_map_get_base_bpm (const TsTempoMap *self)
{
  return self->base_bpm;
}

double
ts_tempo_map_get_grid (const TsTempoMap *self)
{
  return self->grid;
}

guint
ts_tempo_map_get_n_points (const TsTempoMap *self)
{
  return self->n_points;
}

const TsTempoPoint *
ts_tempo_map_get_point (const TsTempoMap *self,
                        guint             index)
{
  g_return_val_if_fail (index < self->n_points, NULL);
  return &self->points[index];
}

gboolean
ts_tempo_map_has_automation (const TsTempoMap *self)
{
  return self->n_points >= 2;
}

/* Index of the last of @n ascending values (each @stride bytes after the
 * one before, starting at @first) that is at most @x, or -1 when @x comes
 * before them all. Of equal values this is the last one: of several points
 * on one beat, the one whose tempo the curve continues with. */
static int
find_last_at_most (const double *first,
                   gsize         stride,
                   guint         n,
                   double        x)
{
  int lo = 0;
  int hi = (int) n;

  while (lo < hi)
    {
      int mid = lo + (hi - lo) / 2;
      double value = *(const double *) (const void *) ((const char *) first + mid * stride);

      if (value <= x)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo - 1;
}

static int
find_segment_by_beat (const TsTempoMap *self,
                      double            beat)
{
  return find_last_at_most (&self->points[0].beat, sizeof (TsTempoPoint), self->n_points, beat);
}

static double
curve_bpm_at (const TsTempoMap *self,
              double            beat)
{
  int i = find_segment_by_beat (self, beat);

  if (i < 0)
    return self->points[0].bpm;
  if ((guint) i + 1 >= self->n_points)
    return self->points[i].bpm;
  return segment_bpm_at (&self->points[i], &self->points[i + 1], beat);
}

double
ts_tempo_map_seconds_at_beat (const TsTempoMap *self,
                              TsTempoMode       mode,
                              double            beat)
{
  const TsTempoPoint *p0;
  const TsTempoPoint *p1;
  int i;

  g_return_val_if_fail (self != NULL, NAN);

  if (self->n_points < 2)
    return beat * (60.0 / self->base_bpm);

  i = find_segment_by_beat (self, beat);
  if (i < 0)
    return 60.0 * beat / self->points[0].bpm;

  p0 = &self->points[i];
  p1 = (guint) i + 1 < self->n_points ? &self->points[i + 1] : NULL;

  switch (mode)
    {
    case TS_TEMPO_MODE_DAW:
      {
        const DawPoint *daw = &get_daw_points (self)[i];

        return daw->seconds + daw_span (self, p0, p1, p0->beat, beat, daw->held_spb);
      }
    case TS_TEMPO_MODE_EXACT:
      return get_exact_seconds (self)[i] +
             exact_span (beat - p0->beat, p0->bpm, p1 != NULL ? segment_bpm_at (p0, p1, beat) : p0->bpm);
    }
  g_return_val_if_reached (NAN);
}

double
ts_tempo_map_bpm_at_beat (const TsTempoMap *self,
                          TsTempoMode       mode,
                          double            beat)
{
  g_return_val_if_fail (self != NULL, NAN);

  if (self->n_points < 2)
    return self->base_bpm;

  switch (mode)
    {
    case TS_TEMPO_MODE_DAW:
      return curve_bpm_at (self, grid_floor (self, MAX (beat, 0.0)));
    case TS_TEMPO_MODE_EXACT:
      return curve_bpm_at (self, beat);
    }
  g_return_val_if_reached (NAN);
}

/* Index of the last point reached at or before @seconds. */
static int
find_segment_by_seconds (const TsTempoMap *self,
                         TsTempoMode       mode,
                         double            seconds)
{
  switch (mode)
    {
    case TS_TEMPO_MODE_DAW:
      return find_last_at_most (&get_daw_points (self)[0].seconds, sizeof (DawPoint), self->n_points, seconds);
    case TS_TEMPO_MODE_EXACT:
      return find_last_at_most (get_exact_seconds (self), sizeof (double), self->n_points, seconds);
    }
  g_return_val_if_reached (-1);
}

/* Inverse of daw_span() from @from: the beat reached after @seconds. */
static double
daw_beat_after (const TsTempoMap   *self,
                const TsTempoPoint *p0,
                const TsTempoPoint *p1,
                double              from,
                double              seconds,
                double              held_spb)
{
  double window_end = grid_floor (self, from) + self->grid;
  double first_cell = held_spb * (window_end - from);
  double first_bpm;
  double step;
  double lo;
  double hi;
  double line;

  if (seconds <= first_cell)
    return from + seconds / held_spb;
  seconds -= first_cell;

  if (p1 == NULL || p0->bpm == p1->bpm)
    return window_end + seconds * p0->bpm / 60.0;

  /* Bisect on the number of whole grid cells that fit. */
  first_bpm = segment_bpm_at (p0, p1, window_end);
  step = (p1->bpm - p0->bpm) / (p1->beat - p0->beat) * self->grid;
  lo = 0.0;
  hi = MAX (0.0, floor ((p1->beat - window_end) * self->inv_grid));
  for (int guard = 0; hi - lo > 1.0 && guard < 128; guard++)
    {
      double mid = floor ((lo + hi) / 2.0);

      if (60.0 * self->grid * ts_harmonic_sum (first_bpm, step, mid) <= seconds)
        lo = mid;
      else
        hi = mid;
    }
  if (60.0 * self->grid * ts_harmonic_sum (first_bpm, step, hi) <= seconds)
    lo = hi;

  seconds -= 60.0 * self->grid * ts_harmonic_sum (first_bpm, step, lo);
  line = window_end + lo * self->grid;
  return line + seconds * segment_bpm_at (p0, p1, line) / 60.0;
}

double
ts_tempo_map_beat_at_seconds (const TsTempoMap *self,
                              TsTempoMode       mode,
                              double            seconds)
{
  const TsTempoPoint *p0;
  const TsTempoPoint *p1;
  double elapsed;
  double slope;
  int i;

  g_return_val_if_fail (self != NULL, NAN);

  if (self->n_points < 2)
    return seconds * self->base_bpm / 60.0;

  i = find_segment_by_seconds (self, mode, seconds);
  if (i < 0)
    return seconds * self->points[0].bpm / 60.0;

  p0 = &self->points[i];
  p1 = (guint) i + 1 < self->n_points ? &self->points[i + 1] : NULL;

  switch (mode)
    {
    case TS_TEMPO_MODE_DAW:
      {
        const DawPoint *daw = &get_daw_points (self)[i];

        return daw_beat_after (self, p0, p1, p0->beat, seconds - daw->seconds, daw->held_spb);
      }
    case TS_TEMPO_MODE_EXACT:
      elapsed = seconds - get_exact_seconds (self)[i];
      if (p1 == NULL || p0->bpm == p1->bpm)
        return p0->beat + elapsed * p0->bpm / 60.0;
      /* Invert 60/s * ln(bpm(x)/bpm0) = t for the ramp of slope s. */
      slope = (p1->bpm - p0->bpm) / (p1->beat - p0->beat);
      return p0->beat + p0->bpm * expm1 (elapsed * slope / 60.0) / slope;
    }
  g_return_val_if_reached (NAN);
}

const char *
ts_tempo_mode_to_string (TsTempoMode mode)
{
  switch (mode)
    {
    case TS_TEMPO_MODE_DAW:
      return "daw";
    case TS_TEMPO_MODE_EXACT:
      return "exact";
    }
  g_return_val_if_reached (NULL);
}

gboolean
ts_tempo_mode_from_string (const char  *string,
                           TsTempoMode *mode)
{
  if (g_strcmp0 (string, "daw") == 0)
    *mode = TS_TEMPO_MODE_DAW;
  else if (g_strcmp0 (string, "exact") == 0)
    *mode = TS_TEMPO_MODE_EXACT;
  else
    return FALSE;
  return TRUE;
}
