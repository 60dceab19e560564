/* ts-time-format.c - seconds as a DJ writes them: 1:02:03
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ts-time-format"

#include <math.h>

#include "ts-time-format.h"

/* Tempo arithmetic lands a hair below round values (4.999999999999 s for a
 * marker at 5 s); rounding down must not turn that into 0:04, or lose a
 * millisecond or a frame to it. A millionth of a unit is far below
 * anything a listener or a display can tell. */
#define ROUND_DOWN_TOLERANCE 1e-6

/**
 * ts_round_down:
 * @units: seconds, milliseconds or cue frames
 *
 * Every time Timestamps shows or checks is rounded down this way, so that
 * a chapter may start a fraction early, never late, and the YouTube check
 * sees exactly the seconds the exported lines show.
 *
 * Returns: @units rounded down to a whole number
 */
double
ts_round_down (double units)
{
  return floor (units + ROUND_DOWN_TOLERANCE);
}

char *
ts_format_time (double              seconds,
                const TsTimeFormat *format)
{
  const TsTimeFormat defaults = TS_TIME_FORMAT_INIT;
  gint64 units_per_second;
  gint64 units = 0;
  gint64 whole;
  gint64 fraction;
  gint64 hours;
  gint64 minutes;
  gint64 secs;
  GString *out;

  if (format == NULL)
    format = &defaults;

  if (!isfinite (seconds) || seconds < 0.0)
    seconds = 0.0;
  /* Past this, gint64 arithmetic could overflow; no mix lasts 30 years. */
  seconds = MIN (seconds, 1e9);

  units_per_second = format->milliseconds ? 1000 : 1;
  switch (format->rounding)
    {
    case TS_ROUND_DOWN:
      units = (gint64) ts_round_down (seconds * units_per_second);
      break;
    case TS_ROUND_NEAREST:
      units = (gint64) floor (seconds * units_per_second + 0.5);
      break;
    }

  whole = units / units_per_second;
  fraction = units % units_per_second;
  hours = whole / 3600;
  minutes = (whole / 60) % 60;
  secs = whole % 60;

  out = g_string_new (NULL);
  switch (format->hours)
    {
    case TS_HOURS_AUTO:
      if (hours > 0)
        g_string_append_printf (out, "%" G_GINT64_FORMAT ":%02d:%02d", hours, (int) minutes, (int) secs);
      else
        g_string_append_printf (out, "%d:%02d", (int) minutes, (int) secs);
      break;
    case TS_HOURS_ALWAYS:
      g_string_append_printf (out, "%" G_GINT64_FORMAT ":%02d:%02d", hours, (int) minutes, (int) secs);
      break;
    case TS_HOURS_NEVER:
      g_string_append_printf (out, "%" G_GINT64_FORMAT ":%02d", whole / 60, (int) secs);
      break;
    }

  if (format->milliseconds)
    g_string_append_printf (out, ".%03d", (int) fraction);

  return g_string_free (out, FALSE);
}

const char *
ts_hours_style_to_string (TsHoursStyle style)
{
  switch (style)
    {
    case TS_HOURS_AUTO:
      return "auto";
    case TS_HOURS_ALWAYS:
      return "always";
    case TS_HOURS_NEVER:
      return "never";
    }
  g_return_val_if_reached (NULL);
}

gboolean
ts_hours_style_from_string (const char   *string,
                            TsHoursStyle *style)
{
  static const TsHoursStyle all[] = { TS_HOURS_AUTO, TS_HOURS_ALWAYS, TS_HOURS_NEVER };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      if (g_strcmp0 (string, ts_hours_style_to_string (all[i])) == 0)
        {
          *style = all[i];
          return TRUE;
        }
    }
  return FALSE;
}

const char *
ts_rounding_to_string (TsRounding rounding)
{
  switch (rounding)
    {
    case TS_ROUND_DOWN:
      return "down";
    case TS_ROUND_NEAREST:
      return "nearest";
    }
  g_return_val_if_reached (NULL);
}

gboolean
ts_rounding_from_string (const char *string,
                         TsRounding *rounding)
{
  static const TsRounding all[] = { TS_ROUND_DOWN, TS_ROUND_NEAREST };

  for (guint i = 0; i < G_N_ELEMENTS (all); i++)
    {
      if (g_strcmp0 (string, ts_rounding_to_string (all[i])) == 0)
        {
          *rounding = all[i];
          return TRUE;
        }
    }
  return FALSE;
}
