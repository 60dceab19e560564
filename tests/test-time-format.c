/* test-time-format.c - how times and template lines are written
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>

#include "ts-template.h"
#include "ts-time-format.h"

static void
assert_time (double        seconds,
             TsHoursStyle  hours,
             gboolean      milliseconds,
             TsRounding    rounding,
             const char   *expected)
{
  TsTimeFormat format = { hours, milliseconds, rounding };
  g_autofree char *got = ts_format_time (seconds, &format);

  g_assert_cmpstr (got, ==, expected);
}

static void
test_hours_styles (void)
{
  assert_time (0.0, TS_HOURS_AUTO, FALSE, TS_ROUND_DOWN, "0:00");
  assert_time (65.0, TS_HOURS_AUTO, FALSE, TS_ROUND_DOWN, "1:05");
  assert_time (754.0, TS_HOURS_AUTO, FALSE, TS_ROUND_DOWN, "12:34");
  assert_time (3599.999, TS_HOURS_AUTO, FALSE, TS_ROUND_DOWN, "59:59");
  assert_time (3600.0, TS_HOURS_AUTO, FALSE, TS_ROUND_DOWN, "1:00:00");
  assert_time (3723.0, TS_HOURS_AUTO, FALSE, TS_ROUND_DOWN, "1:02:03");
  assert_time (65.0, TS_HOURS_ALWAYS, FALSE, TS_ROUND_DOWN, "0:01:05");
  assert_time (3904.0, TS_HOURS_NEVER, FALSE, TS_ROUND_DOWN, "65:04");
  assert_time (40000.0, TS_HOURS_AUTO, FALSE, TS_ROUND_DOWN, "11:06:40");
}

static void
test_rounding (void)
{
  /* Round down: a chapter may start early, never late. */
  assert_time (59.9, TS_HOURS_AUTO, FALSE, TS_ROUND_DOWN, "0:59");
  assert_time (59.9, TS_HOURS_AUTO, FALSE, TS_ROUND_NEAREST, "1:00");
  assert_time (200.0000133, TS_HOURS_AUTO, FALSE, TS_ROUND_DOWN, "3:20");
  /* Arithmetic noise just below a whole second is that second. */
  assert_time (4.9999999999, TS_HOURS_AUTO, FALSE, TS_ROUND_DOWN, "0:05");
  assert_time (1.2345, TS_HOURS_AUTO, TRUE, TS_ROUND_DOWN, "0:01.234");
  assert_time (1.2345, TS_HOURS_AUTO, TRUE, TS_ROUND_NEAREST, "0:01.235");
  assert_time (3723.5, TS_HOURS_ALWAYS, TRUE, TS_ROUND_DOWN, "1:02:03.500");
  assert_time (3904.25, TS_HOURS_NEVER, TRUE, TS_ROUND_DOWN, "65:04.250");
}

static void
test_nonsense_times (void)
{
  assert_time (-3.0, TS_HOURS_AUTO, FALSE, TS_ROUND_DOWN, "0:00");
  assert_time (NAN, TS_HOURS_AUTO, FALSE, TS_ROUND_DOWN, "0:00");
}

static void
test_hours_strings (void)
{
  TsHoursStyle style;

  g_assert_true (ts_hours_style_from_string ("never", &style));
  g_assert_cmpint (style, ==, TS_HOURS_NEVER);
  g_assert_false (ts_hours_style_from_string ("sometimes", &style));
  g_assert_cmpstr (ts_hours_style_to_string (TS_HOURS_ALWAYS), ==, "always");
}

static void
test_template (void)
{
  TsTrack track = { .index = 7, .seconds = 754.9, .beat = 1509.5, .title = (char *) "Bicep - Glue (Extended - Mix)" };
  TsTrack cue_track = { .index = 2, .seconds = 61.0, .beat = NAN, .title = (char *) "Intro" };
  TsTimeFormat format = TS_TIME_FORMAT_INIT;
  struct {
    const char *template_;
    const TsTrack *track;
    const char *expected;
  } cases[] = {
    { "{time} {title}", &track, "12:34 Bicep - Glue (Extended - Mix)" },
    { "{index}. {title} [{time}]", &track, "7. Bicep - Glue (Extended - Mix) [12:34]" },
    { "[{time}] {artist} - {track}", &track, "[12:34] Bicep - Glue (Extended - Mix)" },
    { "{artist}|{track}", &cue_track, "|Intro" },
    { "{beat} bar {bar}", &track, "1509.5 bar 378" },
    { "{beat}{bar}", &cue_track, "" },
    { "{tiem} {title", &track, "{tiem} {title" },
    { "}{}{{time}}", &cue_track, "}{}{1:01}" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = ts_template_expand (cases[i].template_, cases[i].track, &format);

      g_assert_cmpstr (got, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/time-format/hours-styles", test_hours_styles);
  g_test_add_func ("/time-format/rounding", test_rounding);
  g_test_add_func ("/time-format/nonsense", test_nonsense_times);
  g_test_add_func ("/time-format/hours-strings", test_hours_strings);
  g_test_add_func ("/time-format/template", test_template);

  return g_test_run ();
}
