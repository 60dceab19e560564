/* test-fl-project.c - the FL Studio project reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every fixture is written here byte by byte (ts-flp-writer.c). Expected
 * times are worked out by hand in the comments: without automation a
 * beat lasts 60 / BPM seconds; a linear ramp from b0 to b1 BPM over n
 * beats lasts 60 * n / (b1 - b0) * ln (b1 / b0) seconds (exact mode).
 * Tempo automation values v stand for (v + 0.5) * 120 BPM, so 0.25 is 90,
 * 0.5 is 120, 0.75 is 150 and 1.0 is 180 BPM, all exact in binary.
 */

#include <math.h>

#include "ts-fl-project.h"
#include "ts-flp-writer.h"
#include "ts-marker.h"

#define TEMPO_PARAM 5
#define MASTER 0x4000

static void
read_ok (GBytes      *bytes,
         TsFlProject *project)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  g_assert_true (ts_fl_project_read (project, data, length, "set.flp", &error));
  g_assert_no_error (error);
}

static void
assert_read_fails (GBytes *bytes,
                   GQuark  domain,
                   int     code)
{
  g_autoptr(GError) error = NULL;
  TsFlProject project;
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  g_assert_false (ts_fl_project_read (&project, data, length, "set.flp", &error));
  g_assert_error (error, domain, code);
  g_assert_true (g_str_has_prefix (error->message, "set.flp: "));
  /* A failed read leaves nothing behind; clearing again is harmless. */
  ts_fl_project_clear (&project);
}

static double
seconds_of (const TsFlProject *project,
            guint              arrangement,
            TsTempoMode        mode,
            double             beat)
{
  g_autoptr(TsTempoMap) map = ts_fl_project_build_tempo_map (project, arrangement);

  return ts_tempo_map_seconds_at_beat (map, mode, beat);
}

static void
assert_point (const TsFlArrangement *arrangement,
              guint                  index,
              double                 beat,
              double                 bpm)
{
  const TsTempoPoint *point;

  g_assert_cmpuint (index, <, arrangement->tempo_points->len);
  point = &g_array_index (arrangement->tempo_points, TsTempoPoint, index);
  g_assert_cmpfloat_with_epsilon (point->beat, beat, 1e-12);
  g_assert_cmpfloat_with_epsilon (point->bpm, bpm, 1e-9);
}

static const TsFlArrangement *
arrangement_of (const TsFlProject *project,
                guint              index)
{
  g_assert_cmpuint (index, <, project->arrangements->len);
  return &g_array_index (project->arrangements, TsFlArrangement, index);
}

/* A 96 PPQ, 120 BPM, FL 20 project up to where clips go. */
static TsFlpWriter *
fl20_writer (void)
{
  TsFlpWriter *writer = ts_flp_writer_new (96, TS_FLP_TEXT_UTF16);

  ts_flp_writer_version (writer, "20.0.5.91");
  ts_flp_writer_tempo (writer, 120000);
  return writer;
}

static void
test_looks_like (void)
{
  g_assert_true (ts_fl_project_looks_like ((const guint8 *) "FLhd\x06", 5));
  g_assert_false (ts_fl_project_looks_like ((const guint8 *) "FLh", 3));
  g_assert_false (ts_fl_project_looks_like ((const guint8 *) "NoFL\x06", 5));
}

static void
test_marker_kinds (void)
{
  static const struct {
    guint8          byte;
    TsFlMarkerKind  kind;
    const char     *name;
  } kinds[] = {
    { 0, TS_FL_MARKER_PLAIN, "Intro" },
    { 1, TS_FL_MARKER_MARKER_LOOP, "marker loop" },
    { 2, TS_FL_MARKER_MARKER_SKIP, "marker skip" },
    { 3, TS_FL_MARKER_PAUSE, "marker pause" },
    { 4, TS_FL_MARKER_LOOP, "loop" },
    { 5, TS_FL_MARKER_START, "start" },
    { 6, TS_FL_MARKER_OTHER, "six" },
    { 8, TS_FL_MARKER_TIME_SIGNATURE, "3/4" },
    { 9, TS_FL_MARKER_PUNCH_IN, "punch in" },
    { 10, TS_FL_MARKER_PUNCH_OUT, "punch out" },
    { 0, TS_FL_MARKER_PLAIN, "  Drop – 粉雪 🎧  " },
  };
  g_autoptr(TsFlpWriter) writer = fl20_writer ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) markers = NULL;
  const TsFlArrangement *arrangement;
  TsFlProject project;

  ts_flp_writer_arrangement (writer, 0, "Arrangement");
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      /* Marker i sits at beat 4 * i: pulse 384 * i at 96 PPQ. */
      if (kinds[i].kind == TS_FL_MARKER_TIME_SIGNATURE)
        {
          ts_flp_writer_dword (writer, 148, (8u << 24) | (384 * i));
          ts_flp_writer_byte (writer, 33, 3);
          ts_flp_writer_byte (writer, 34, 4);
          ts_flp_writer_text (writer, 205, kinds[i].name);
        }
      else
        ts_flp_writer_marker (writer, kinds[i].byte, 384 * i, kinds[i].name);
    }
  bytes = ts_flp_writer_finish (writer);
  read_ok (bytes, &project);

  g_assert_cmpstr (ts_fl_project_get_version (&project), ==, "FL Studio 20.0.5.91");
  g_assert_cmpuint (project.ppq, ==, 96);
  g_assert_cmpfloat (project.tempo, ==, 120.0);
  g_assert_cmpuint (ts_fl_project_get_n_arrangements (&project), ==, 1);
  arrangement = arrangement_of (&project, 0);
  g_assert_cmpuint (arrangement->markers->len, ==, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      const TsFlMarker *marker = &g_array_index (arrangement->markers, TsFlMarker, i);

      g_assert_cmpuint (marker->position, ==, 384 * i);
      g_assert_cmpint (marker->kind, ==, kinds[i].kind);
      g_assert_cmpuint (marker->raw_kind, ==, kinds[i].byte);
      g_assert_cmpstr (marker->name, ==, kinds[i].name);
      g_assert_cmpuint (marker->numerator, ==, kinds[i].kind == TS_FL_MARKER_TIME_SIGNATURE ? 3 : 4);
      g_assert_cmpuint (marker->denominator, ==, 4);
    }

  /* Only the two plain markers are timestamps, trimmed: "Intro" at beat 0
   * and the last one at beat 4 * 10 = 40, i.e. 40 * 60 / 120 = 20 s. */
  markers = ts_fl_project_collect_markers (&project, 0);
  g_assert_cmpuint (markers->len, ==, 2);
  g_assert_cmpstr (g_array_index (markers, TsMarker, 0).title, ==, "Intro");
  g_assert_cmpfloat (g_array_index (markers, TsMarker, 0).beat, ==, 0.0);
  g_assert_cmpstr (g_array_index (markers, TsMarker, 1).title, ==, "Drop – 粉雪 🎧");
  g_assert_cmpfloat (g_array_index (markers, TsMarker, 1).beat, ==, 40.0);
  g_assert_cmpuint (arrangement_of (&project, 0)->tempo_points->len, ==, 0);
  g_assert_cmpfloat_with_epsilon (seconds_of (&project, 0, TS_TEMPO_MODE_DAW, 40.0), 20.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (seconds_of (&project, 0, TS_TEMPO_MODE_EXACT, 40.0), 20.0, 1e-6);

  ts_fl_project_clear (&project);
}

/* FL 11: 8-bit text in the Windows code page, no arrangement events. */
static void
test_fl11_ascii (void)
{
  g_autoptr(TsFlpWriter) writer = ts_flp_writer_new (96, TS_FLP_TEXT_ASCII);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) markers = NULL;
  static const guint8 cafe[] = { 'C', 'a', 'f', 0xE9, ' ', 0x96, ' ', 'B', 'a', 'r', 0 };
  TsFlProject project;

  ts_flp_writer_version (writer, "11.0.3");
  ts_flp_writer_tempo (writer, 128000);
  ts_flp_writer_marker (writer, 0, 192, "Opener");
  ts_flp_writer_dword (writer, 148, 960);
  ts_flp_writer_data (writer, 205, cafe, sizeof cafe);
  bytes = ts_flp_writer_finish (writer);
  read_ok (bytes, &project);

  g_assert_cmpstr (ts_fl_project_get_version (&project), ==, "FL Studio 11.0.3");
  g_assert_cmpuint (project.major_version, ==, 11);
  g_assert_cmpuint (ts_fl_project_get_n_arrangements (&project), ==, 1);
  g_assert_cmpstr (ts_fl_project_get_arrangement_name (&project, 0), ==, "Arrangement");
  g_assert_cmpint (project.current_arrangement, ==, -1);
  g_assert_cmpuint (ts_fl_project_get_default_arrangement (&project), ==, 0);

  markers = ts_fl_project_collect_markers (&project, 0);
  g_assert_cmpuint (markers->len, ==, 2);
  g_assert_cmpstr (g_array_index (markers, TsMarker, 0).title, ==, "Opener");
  /* 0xE9 is é and 0x96 the en dash in Windows-1252. */
  g_assert_cmpstr (g_array_index (markers, TsMarker, 1).title, ==, "Café – Bar");
  /* 192 pulses = 2 beats at 128 BPM: 2 * 60 / 128 = 0.9375 s.
   * 960 pulses = 10 beats: 10 * 60 / 128 = 4.6875 s. */
  g_assert_cmpfloat_with_epsilon (seconds_of (&project, 0, TS_TEMPO_MODE_DAW, 2.0), 0.9375, 1e-6);
  g_assert_cmpfloat_with_epsilon (seconds_of (&project, 0, TS_TEMPO_MODE_EXACT,
                                              g_array_index (markers, TsMarker, 1).beat),
                                  4.6875, 1e-6);

  ts_fl_project_clear (&project);
}

/* FL's names hold whatever was typed or pasted; marker and arrangement
 * names come out as display text (ts-display-text.c), in both encodings. */
static void
test_control_characters (void)
{
  static const struct { const char *written; const char *read; } names[] = {
    { "Intro\tPart\nTwo\r\nThree", "Intro Part Two  Three" },
    { "\x1B[31mred\x1B]0;pwned\x07", "\xEF\xBF\xBD[31mred\xEF\xBF\xBD]0;pwned\xEF\xBF\xBD" },
    { "\x7F", "\xEF\xBF\xBD" },
  };
  /* 8-bit text is Windows-1252, which has no C1 controls or bidi marks. */
  static const struct { const char *written; const char *read; } utf16_only[] = {
    { "\xE2\x80\xAE" "evil\xE2\x81\xA6" "x\xE2\x81\xA9", "evilx" },
    { "a\xC2\x9B" "31m\xC2\x85" "b", "a\xEF\xBF\xBD" "31m b" },
  };
  static const TsFlpText encodings[] = { TS_FLP_TEXT_ASCII, TS_FLP_TEXT_UTF16 };

  for (guint e = 0; e < G_N_ELEMENTS (encodings); e++)
    {
      g_autoptr(TsFlpWriter) writer = ts_flp_writer_new (96, encodings[e]);
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GArray) markers = NULL;
      gboolean utf16 = encodings[e] == TS_FLP_TEXT_UTF16;
      guint n = G_N_ELEMENTS (names) + (utf16 ? G_N_ELEMENTS (utf16_only) : 0);
      TsFlProject project;

      ts_flp_writer_version (writer, utf16 ? "20.8.4.2576\x1B[2J" : "11.0.0\t\x07");
      ts_flp_writer_tempo (writer, 120000);
      ts_flp_writer_arrangement (writer, 0, "\x1B]0;Main\x07" "A\tB");
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        ts_flp_writer_marker (writer, 0, 96 * i, names[i].written);
      for (guint i = 0; utf16 && i < G_N_ELEMENTS (utf16_only); i++)
        ts_flp_writer_marker (writer, 0, 960 + 96 * i, utf16_only[i].written);
      bytes = ts_flp_writer_finish (writer);
      read_ok (bytes, &project);

      g_assert_cmpstr (ts_fl_project_get_version (&project), ==,
                       utf16 ? "FL Studio 20.8.4.2576\xEF\xBF\xBD[2J" : "FL Studio 11.0.0 \xEF\xBF\xBD");
      g_assert_cmpstr (ts_fl_project_get_arrangement_name (&project, 0), ==,
                       "\xEF\xBF\xBD]0;Main\xEF\xBF\xBD" "A B");
      markers = ts_fl_project_collect_markers (&project, 0);
      g_assert_cmpuint (markers->len, ==, n);
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        g_assert_cmpstr (g_array_index (markers, TsMarker, i).title, ==, names[i].read);
      for (guint i = 0; utf16 && i < G_N_ELEMENTS (utf16_only); i++)
        g_assert_cmpstr (g_array_index (markers, TsMarker, G_N_ELEMENTS (names) + i).title, ==,
                         utf16_only[i].read);
      ts_fl_project_clear (&project);
    }
}

static void
test_ppq_960 (void)
{
  g_autoptr(TsFlpWriter) writer = ts_flp_writer_new (960, TS_FLP_TEXT_UTF16);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) markers = NULL;
  TsFlProject project;

  ts_flp_writer_version (writer, "20.8.4.2576");
  ts_flp_writer_tempo (writer, 140000);
  ts_flp_writer_arrangement (writer, 0, "Main");
  ts_flp_writer_marker (writer, 0, 480, "Half");
  ts_flp_writer_marker (writer, 0, 9600, "Ten");
  bytes = ts_flp_writer_finish (writer);
  read_ok (bytes, &project);

  g_assert_cmpuint (project.ppq, ==, 960);
  markers = ts_fl_project_collect_markers (&project, 0);
  g_assert_cmpuint (markers->len, ==, 2);
  /* 480 / 960 = 0.5 beat: 0.5 * 60 / 140 = 0.214285714 s;
   * 9600 / 960 = 10 beats: 10 * 60 / 140 = 4.285714286 s. */
  g_assert_cmpfloat (g_array_index (markers, TsMarker, 0).beat, ==, 0.5);
  g_assert_cmpfloat (g_array_index (markers, TsMarker, 1).beat, ==, 10.0);
  g_assert_cmpfloat_with_epsilon (seconds_of (&project, 0, TS_TEMPO_MODE_DAW, 0.5), 0.5 * 60 / 140, 1e-6);
  g_assert_cmpfloat_with_epsilon (seconds_of (&project, 0, TS_TEMPO_MODE_EXACT, 10.0), 10.0 * 60 / 140, 1e-6);

  ts_fl_project_clear (&project);
}

static void
test_two_arrangements (void)
{
  g_autoptr(TsFlpWriter) writer = fl20_writer ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) first = NULL;
  g_autoptr(GArray) second = NULL;
  const TsFlPatternMarker *pattern_marker;
  TsFlProject project;

  /* A pattern's own time signature marker (FL 20.7+), then an FL 20.8
   * style marker before the first arrangement event. */
  ts_flp_writer_pattern (writer, 3);
  ts_flp_writer_marker (writer, 8, 0, "3/2");
  ts_flp_writer_word (writer, 64, 0);
  ts_flp_writer_marker (writer, 0, 96, "Early");
  ts_flp_writer_arrangement (writer, 0, "Warm-up");
  ts_flp_writer_marker (writer, 0, 384, "A");
  ts_flp_writer_arrangement (writer, 1, "Peak time");
  ts_flp_writer_marker (writer, 0, 192, "B");
  ts_flp_writer_marker (writer, 5, 0, "start");
  ts_flp_writer_current_arrangement (writer, 1);
  bytes = ts_flp_writer_finish (writer);
  read_ok (bytes, &project);

  g_assert_cmpuint (ts_fl_project_get_n_arrangements (&project), ==, 2);
  g_assert_cmpstr (ts_fl_project_get_arrangement_name (&project, 0), ==, "Warm-up");
  g_assert_cmpstr (ts_fl_project_get_arrangement_name (&project, 1), ==, "Peak time");
  g_assert_cmpint (project.current_arrangement, ==, 1);
  g_assert_cmpuint (ts_fl_project_get_default_arrangement (&project), ==, 1);

  g_assert_cmpuint (project.pattern_markers->len, ==, 1);
  pattern_marker = &g_array_index (project.pattern_markers, TsFlPatternMarker, 0);
  g_assert_cmpuint (pattern_marker->pattern, ==, 3);
  g_assert_cmpint (pattern_marker->marker.kind, ==, TS_FL_MARKER_TIME_SIGNATURE);
  g_assert_cmpstr (pattern_marker->marker.name, ==, "3/2");

  /* "Early" (beat 1) joins the first arrangement, before "A" (beat 4):
   * 0.5 s and 2 s at 120 BPM. */
  first = ts_fl_project_collect_markers (&project, 0);
  g_assert_cmpuint (first->len, ==, 2);
  g_assert_cmpstr (g_array_index (first, TsMarker, 0).title, ==, "Early");
  g_assert_cmpstr (g_array_index (first, TsMarker, 1).title, ==, "A");
  g_assert_cmpfloat_with_epsilon (seconds_of (&project, 0, TS_TEMPO_MODE_DAW,
                                              g_array_index (first, TsMarker, 0).beat), 0.5, 1e-6);
  g_assert_cmpfloat_with_epsilon (seconds_of (&project, 0, TS_TEMPO_MODE_DAW,
                                              g_array_index (first, TsMarker, 1).beat), 2.0, 1e-6);
  second = ts_fl_project_collect_markers (&project, 1);
  g_assert_cmpuint (second->len, ==, 1);
  g_assert_cmpstr (g_array_index (second, TsMarker, 0).title, ==, "B");
  g_assert_cmpfloat (g_array_index (second, TsMarker, 0).beat, ==, 2.0);
  g_assert_cmpuint (arrangement_of (&project, 1)->markers->len, ==, 2);

  ts_fl_project_clear (&project);
}

/* Without a current-arrangement event the default is the first
 * arrangement with a timestamp; unnamed ones get FL's names. */
static void
test_default_arrangement (void)
{
  g_autoptr(TsFlpWriter) writer = fl20_writer ();
  g_autoptr(GBytes) bytes = NULL;
  TsFlProject project;

  ts_flp_writer_arrangement (writer, 0, NULL);
  ts_flp_writer_marker (writer, 8, 0, "4/4");
  ts_flp_writer_arrangement (writer, 1, NULL);
  ts_flp_writer_arrangement (writer, 2, "Cut");
  ts_flp_writer_marker (writer, 0, 0, "Go");
  bytes = ts_flp_writer_finish (writer);
  read_ok (bytes, &project);

  g_assert_cmpuint (ts_fl_project_get_n_arrangements (&project), ==, 3);
  g_assert_cmpstr (ts_fl_project_get_arrangement_name (&project, 0), ==, "Arrangement");
  g_assert_cmpstr (ts_fl_project_get_arrangement_name (&project, 1), ==, "Arrangement 2");
  g_assert_cmpint (project.current_arrangement, ==, -1);
  g_assert_cmpuint (ts_fl_project_get_default_arrangement (&project), ==, 2);

  ts_fl_project_clear (&project);
}

/* Saved while an arrangement without timestamps was current, the project
 * still opens on one that has them, and says which it passed over. */
static void
test_default_skips_empty_current (void)
{
  g_autoptr(TsFlpWriter) writer = fl20_writer ();
  g_autoptr(TsFlpWriter) empty_writer = fl20_writer ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) empty_bytes = NULL;
  TsFlProject project;
  TsFlProject empty;
  guint current = G_MAXUINT;

  ts_flp_writer_arrangement (writer, 0, "Just tracks");
  ts_flp_writer_marker (writer, 8, 0, "4/4");
  ts_flp_writer_arrangement (writer, 1, "Just timemarkers");
  ts_flp_writer_marker (writer, 0, 0, "Go");
  ts_flp_writer_current_arrangement (writer, 0);
  bytes = ts_flp_writer_finish (writer);
  read_ok (bytes, &project);

  g_assert_cmpint (project.current_arrangement, ==, 0);
  g_assert_false (ts_fl_project_arrangement_has_markers (&project, 0));
  g_assert_true (ts_fl_project_arrangement_has_markers (&project, 1));
  g_assert_cmpuint (ts_fl_project_get_default_arrangement (&project), ==, 1);
  g_assert_true (ts_fl_project_default_skips_current (&project, &current));
  g_assert_cmpuint (current, ==, 0);

  /* Nothing to choose between: the current one stays. */
  ts_flp_writer_arrangement (empty_writer, 0, "A");
  ts_flp_writer_arrangement (empty_writer, 1, "B");
  ts_flp_writer_current_arrangement (empty_writer, 1);
  empty_bytes = ts_flp_writer_finish (empty_writer);
  read_ok (empty_bytes, &empty);
  g_assert_cmpuint (ts_fl_project_get_default_arrangement (&empty), ==, 1);
  g_assert_false (ts_fl_project_default_skips_current (&empty, NULL));

  ts_fl_project_clear (&project);
  ts_fl_project_clear (&empty);
}

/* Tempo clip channels 1 and 2: 1 is flat at @bpm1 for @beats1 beats, or
 * a ramp when @ramp_to1 is not 0; 2 is flat at @bpm2 for @beats2 beats. */
static void
write_two_clips (TsFlpWriter *writer,
                 double       bpm1,
                 double       ramp_to1,
                 double       beats1,
                 double       bpm2,
                 double       beats2)
{
  double increments1[] = { 0.0, beats1 };
  double values1[] = { ts_flp_value_from_bpm (bpm1),
                       ts_flp_value_from_bpm (ramp_to1 != 0.0 ? ramp_to1 : bpm1) };
  double increments2[] = { 0.0, beats2 };
  double values2[] = { ts_flp_value_from_bpm (bpm2), ts_flp_value_from_bpm (bpm2) };

  ts_flp_writer_automation_target (writer, 1, TEMPO_PARAM, MASTER);
  ts_flp_writer_automation_target (writer, 2, TEMPO_PARAM, MASTER);
  /* Another master parameter (volume) is no tempo. */
  ts_flp_writer_automation_target (writer, 3, 0, MASTER);
  ts_flp_writer_automation_clip (writer, 1, increments1, values1, 2);
  ts_flp_writer_automation_clip (writer, 2, increments2, values2, 2);
  ts_flp_writer_automation_clip (writer, 3, increments2, values1, 2);
}

static void
test_one_tempo_clip (void)
{
  g_autoptr(TsFlpWriter) writer = fl20_writer ();
  g_autoptr(GBytes) bytes = NULL;
  const TsFlArrangement *arrangement;
  const TsFlpItem items[] = {
    /* A 120 -> 180 BPM ramp over 4 beats placed at beat 4; a pattern and
     * the volume clip around it change nothing. */
    { 384, 384, 1, 0, FALSE },
    { 0, 768, 0x5000 + 1, 1, FALSE },
    { 0, 384, 3, 2, FALSE },
  };
  TsFlProject project;

  write_two_clips (writer, 120, 180, 4, 150, 2);
  ts_flp_writer_arrangement (writer, 0, "Arrangement");
  ts_flp_writer_playlist (writer, items, G_N_ELEMENTS (items), 32);
  ts_flp_writer_marker (writer, 0, 384, "Ramp");
  ts_flp_writer_marker (writer, 0, 1152, "After");
  bytes = ts_flp_writer_finish (writer);
  read_ok (bytes, &project);

  arrangement = arrangement_of (&project, 0);
  g_assert_cmpuint (project.tempo_channels->len, ==, 2);
  g_assert_cmpuint (arrangement->tempo_clips->len, ==, 1);
  g_assert_cmpuint (g_array_index (arrangement->tempo_clips, TsFlTempoClip, 0).start, ==, 384);
  g_assert_cmpuint (g_array_index (arrangement->tempo_clips, TsFlTempoClip, 0).length, ==, 384);
  g_assert_cmpuint (g_array_index (arrangement->tempo_clips, TsFlTempoClip, 0).track, ==, 0);
  g_assert_cmpuint (arrangement_of (&project, 0)->tempo_points->len, >, 0);
  g_assert_false (ts_fl_project_has_curved_automation (&project, 0));

  /* The clip's first tempo holds from the start: (0, 120), (4, 120),
   * (8, 180). */
  g_assert_cmpuint (arrangement->tempo_points->len, ==, 3);
  assert_point (arrangement, 0, 0.0, 120.0);
  assert_point (arrangement, 1, 4.0, 120.0);
  assert_point (arrangement, 2, 8.0, 180.0);

  /* "Ramp" at beat 4: 4 * 60 / 120 = 2 s in both modes. "After" at beat
   * 12: 2 s + the ramp 60 * 4 / 60 * ln (180 / 120) = 4 ln 1.5 s + four
   * beats at 180 BPM (4/3 s) = 4.955193766 s. */
  g_assert_cmpfloat_with_epsilon (seconds_of (&project, 0, TS_TEMPO_MODE_DAW, 4.0), 2.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (seconds_of (&project, 0, TS_TEMPO_MODE_EXACT, 4.0), 2.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (seconds_of (&project, 0, TS_TEMPO_MODE_EXACT, 12.0),
                                  2.0 + 4.0 * log (1.5) + 4.0 / 3.0, 1e-6);

  ts_fl_project_clear (&project);
}

/* Playlist items name channels up to 0x4FFF (patterns from 0x5000 on),
 * and a clip bends the curve only where a point before its last has
 * tension. */
static void
test_channel_numbers_and_tension (void)
{
  const double increments[] = { 0.0, 4.0, 4.0 };
  const double values[] = { ts_flp_value_from_bpm (120), ts_flp_value_from_bpm (180), ts_flp_value_from_bpm (90) };
  const float last_bent[] = { 0.0f, 0.0f, 0.5f };
  const float middle_bent[] = { 0.0f, -0.25f, 0.0f };
  const struct { guint16 channel; const float *tensions; gboolean curved; } cases[] = {
    { 0, NULL, FALSE },
    { 63, last_bent, FALSE },
    { 64, middle_bent, TRUE },
    { 4097, last_bent, FALSE },
    { 0x4FFF, middle_bent, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TsFlpWriter) writer = fl20_writer ();
      g_autoptr(GBytes) bytes = NULL;
      const TsFlpItem items[] = { { 0, 768, cases[i].channel, 0, FALSE } };
      TsFlProject project;

      /* Another channel's clip before it, which no playlist item places. */
      ts_flp_writer_automation_target (writer, 7, TEMPO_PARAM, MASTER);
      ts_flp_writer_automation_clip_bent (writer, 7, 3, increments, values, middle_bent, 3);
      ts_flp_writer_automation_target (writer, cases[i].channel, TEMPO_PARAM, MASTER);
      ts_flp_writer_automation_clip_bent (writer, cases[i].channel, 3, increments, values, cases[i].tensions, 3);
      ts_flp_writer_arrangement (writer, 0, "Arrangement");
      ts_flp_writer_playlist (writer, items, G_N_ELEMENTS (items), 32);
      ts_flp_writer_marker (writer, 0, 1152, "After");
      bytes = ts_flp_writer_finish (writer);
      read_ok (bytes, &project);

      g_assert_cmpuint (arrangement_of (&project, 0)->tempo_points->len, ==, 3);
      assert_point (arrangement_of (&project, 0), 0, 0.0, 120.0);
      assert_point (arrangement_of (&project, 0), 1, 4.0, 180.0);
      assert_point (arrangement_of (&project, 0), 2, 8.0, 90.0);
      g_assert_cmpint (ts_fl_project_has_curved_automation (&project, 0), ==, cases[i].curved);
      ts_fl_project_clear (&project);
    }
}

/* A gap holds the earlier clip's last tempo until the next clip starts. */
static void
test_clip_gap (void)
{
  g_autoptr(TsFlpWriter) writer = fl20_writer ();
  g_autoptr(GBytes) bytes = NULL;
  const TsFlArrangement *arrangement;
  const TsFlpItem items[] = {
    { 384, 192, 2, 1, FALSE },  /* 150 BPM for 2 beats from beat 4 */
    { 0, 192, 1, 0, FALSE },    /* 90 BPM for 2 beats from beat 0 */
  };
  TsFlProject project;

  write_two_clips (writer, 90, 0, 2, 150, 2);
  ts_flp_writer_arrangement (writer, 0, "Arrangement");
  ts_flp_writer_playlist (writer, items, G_N_ELEMENTS (items), 32);
  bytes = ts_flp_writer_finish (writer);
  read_ok (bytes, &project);

  arrangement = arrangement_of (&project, 0);
  /* (0, 90), (2, 90), the gap point (4, 90), then (4, 150), (6, 150). */
  g_assert_cmpuint (arrangement->tempo_points->len, ==, 5);
  assert_point (arrangement, 0, 0.0, 90.0);
  assert_point (arrangement, 1, 2.0, 90.0);
  assert_point (arrangement, 2, 4.0, 90.0);
  assert_point (arrangement, 3, 4.0, 150.0);
  assert_point (arrangement, 4, 6.0, 150.0);

  /* Beat 8: 4 beats at 90 (4 * 60 / 90 = 2.666667 s) and 4 at 150 (1.6 s)
   * = 4.266667 s; steps on the grid, so both modes agree. */
  g_assert_cmpfloat_with_epsilon (seconds_of (&project, 0, TS_TEMPO_MODE_DAW, 8.0), 240.0 / 90 + 1.6, 1e-6);
  g_assert_cmpfloat_with_epsilon (seconds_of (&project, 0, TS_TEMPO_MODE_EXACT, 8.0), 240.0 / 90 + 1.6, 1e-6);

  ts_fl_project_clear (&project);
}

/* The later of two overlapping clips wins from its start; the earlier one
 * is cut there at the tempo its ramp has reached. */
static void
test_clip_overlap (void)
{
  g_autoptr(TsFlpWriter) writer = fl20_writer ();
  g_autoptr(GBytes) bytes = NULL;
  const TsFlArrangement *arrangement;
  const TsFlpItem items[] = {
    { 0, 384, 1, 0, FALSE },    /* 90 -> 150 BPM over beats 0..4 */
    { 192, 192, 2, 1, FALSE },  /* 180 BPM for 2 beats from beat 2 */
  };
  TsFlProject project;

  write_two_clips (writer, 90, 150, 4, 180, 2);
  ts_flp_writer_arrangement (writer, 0, "Arrangement");
  ts_flp_writer_playlist (writer, items, G_N_ELEMENTS (items), 32);
  bytes = ts_flp_writer_finish (writer);
  read_ok (bytes, &project);

  arrangement = arrangement_of (&project, 0);
  /* Halfway up the ramp at beat 2 the tempo is (90 + 150) / 2 = 120. */
  g_assert_cmpuint (arrangement->tempo_points->len, ==, 4);
  assert_point (arrangement, 0, 0.0, 90.0);
  assert_point (arrangement, 1, 2.0, 120.0);
  assert_point (arrangement, 2, 2.0, 180.0);
  assert_point (arrangement, 3, 4.0, 180.0);

  /* Beat 6, exact: the ramp 90 -> 120 over 2 beats takes
   * 60 * 2 / 30 * ln (120 / 90) = 4 ln (4/3) s, then 4 beats at 180 BPM
   * take 4/3 s: 2.484061623 s. */
  g_assert_cmpfloat_with_epsilon (seconds_of (&project, 0, TS_TEMPO_MODE_EXACT, 6.0),
                                  4.0 * log (4.0 / 3.0) + 4.0 / 3.0, 1e-6);

  ts_fl_project_clear (&project);
}

/* Of clips starting together the longest placement plays. */
static void
test_clips_same_start (void)
{
  g_autoptr(TsFlpWriter) writer = fl20_writer ();
  g_autoptr(GBytes) bytes = NULL;
  const TsFlArrangement *arrangement;
  const TsFlpItem items[] = {
    { 0, 192, 1, 0, FALSE },  /* 90 BPM, 2 beats long */
    { 0, 384, 2, 1, FALSE },  /* 150 BPM, 4 beats long: this one */
  };
  TsFlProject project;

  write_two_clips (writer, 90, 0, 2, 150, 2);
  ts_flp_writer_arrangement (writer, 0, "Arrangement");
  ts_flp_writer_playlist (writer, items, G_N_ELEMENTS (items), 32);
  bytes = ts_flp_writer_finish (writer);
  read_ok (bytes, &project);

  arrangement = arrangement_of (&project, 0);
  g_assert_cmpuint (arrangement->tempo_points->len, ==, 2);
  assert_point (arrangement, 0, 0.0, 150.0);
  assert_point (arrangement, 1, 2.0, 150.0);
  /* Beat 4 at 150 BPM throughout: 4 * 60 / 150 = 1.6 s. */
  g_assert_cmpfloat_with_epsilon (seconds_of (&project, 0, TS_TEMPO_MODE_DAW, 4.0), 1.6, 1e-6);
  g_assert_cmpfloat_with_epsilon (seconds_of (&project, 0, TS_TEMPO_MODE_EXACT, 4.0), 1.6, 1e-6);

  ts_fl_project_clear (&project);
}

/* A muted clip does not play; FL 21+ playlists (60-byte items) read the
 * same as FL 20's. */
static void
test_muted_clip (void)
{
  g_autoptr(TsFlpWriter) writer = ts_flp_writer_new (96, TS_FLP_TEXT_UTF16);
  g_autoptr(GBytes) bytes = NULL;
  const TsFlArrangement *arrangement;
  const TsFlpItem items[] = {
    { 0, 384, 1, 0, TRUE },     /* 90 BPM, muted */
    { 192, 192, 2, 1, FALSE },  /* 150 BPM from beat 2 */
  };
  TsFlProject project;

  ts_flp_writer_version (writer, "24.1.1.4239");
  ts_flp_writer_tempo (writer, 120000);
  write_two_clips (writer, 90, 0, 4, 150, 2);
  ts_flp_writer_arrangement (writer, 0, "Arrangement");
  ts_flp_writer_playlist (writer, items, G_N_ELEMENTS (items), 60);
  bytes = ts_flp_writer_finish (writer);
  read_ok (bytes, &project);

  arrangement = arrangement_of (&project, 0);
  g_assert_cmpuint (arrangement->tempo_clips->len, ==, 2);
  g_assert_true (g_array_index (arrangement->tempo_clips, TsFlTempoClip, 0).muted);
  g_assert_false (g_array_index (arrangement->tempo_clips, TsFlTempoClip, 1).muted);
  /* Only the second clip plays; its tempo holds from the start:
   * (0, 150), (2, 150), (4, 150). Beat 4: 4 * 60 / 150 = 1.6 s where the
   * muted clip would have given 4 * 60 / 90 = 2.67 s. */
  g_assert_cmpuint (arrangement->tempo_points->len, ==, 3);
  assert_point (arrangement, 0, 0.0, 150.0);
  assert_point (arrangement, 1, 2.0, 150.0);
  assert_point (arrangement, 2, 4.0, 150.0);
  g_assert_cmpfloat_with_epsilon (seconds_of (&project, 0, TS_TEMPO_MODE_DAW, 4.0), 1.6, 1e-6);
  g_assert_cmpfloat_with_epsilon (seconds_of (&project, 0, TS_TEMPO_MODE_EXACT, 4.0), 1.6, 1e-6);

  ts_fl_project_clear (&project);
}

static void
test_only_muted_clip (void)
{
  g_autoptr(TsFlpWriter) writer = fl20_writer ();
  g_autoptr(GBytes) bytes = NULL;
  const TsFlpItem items[] = { { 0, 384, 1, 0, TRUE } };
  TsFlProject project;

  write_two_clips (writer, 90, 0, 4, 150, 2);
  ts_flp_writer_playlist (writer, items, G_N_ELEMENTS (items), 32);
  bytes = ts_flp_writer_finish (writer);
  read_ok (bytes, &project);

  /* No automation plays: the static 120 BPM, 4 beats = 2 s. */
  g_assert_cmpuint (arrangement_of (&project, 0)->tempo_points->len, ==, 0);
  g_assert_cmpfloat_with_epsilon (seconds_of (&project, 0, TS_TEMPO_MODE_EXACT, 4.0), 2.0, 1e-6);

  ts_fl_project_clear (&project);
}

/* The end of an arrangement: where its last playlist item ends, of every
 * kind, muted or not. At 96 PPQ a beat is 96 pulses. */
static void
test_end_no_items (void)
{
  g_autoptr(TsFlpWriter) writer = fl20_writer ();
  g_autoptr(TsFlpWriter) fl11 = ts_flp_writer_new (96, TS_FLP_TEXT_ASCII);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) fl11_bytes = NULL;
  static const guint8 nothing[1] = { 0 };
  TsFlProject project;

  /* An empty playlist event (FL 20.8 writes one for an arrangement that
   * only has markers) and no playlist event at all. */
  ts_flp_writer_arrangement (writer, 0, "Markers only");
  ts_flp_writer_marker (writer, 0, 768, "Eight");
  ts_flp_writer_data (writer, 233, nothing, 0);
  ts_flp_writer_arrangement (writer, 1, "Blank");
  bytes = ts_flp_writer_finish (writer);
  read_ok (bytes, &project);

  g_assert_cmpuint (ts_fl_project_get_n_arrangements (&project), ==, 2);
  g_assert_cmpuint (arrangement_of (&project, 0)->n_items, ==, 0);
  g_assert_true (isnan (ts_fl_project_get_end_beat (&project, 0)));
  g_assert_true (isnan (ts_fl_project_get_end_beat (&project, 1)));
  ts_fl_project_clear (&project);

  /* FL 11: no arrangement events, no playlist. */
  ts_flp_writer_version (fl11, "11.0.3");
  ts_flp_writer_marker (fl11, 0, 192, "Opener");
  fl11_bytes = ts_flp_writer_finish (fl11);
  read_ok (fl11_bytes, &project);
  g_assert_true (isnan (ts_fl_project_get_end_beat (&project, 0)));
  ts_fl_project_clear (&project);
}

/* Each arrangement ends at its own last item, whichever kind that is and
 * wherever it sits in the playlist. */
static void
test_end_two_arrangements (void)
{
  g_autoptr(TsFlpWriter) writer = fl20_writer ();
  g_autoptr(GBytes) bytes = NULL;
  const TsFlpItem first[] = {
    { 0, 384, 2, 0, FALSE },              /* channel, ends at beat 4 */
    { 192, 1152, 0x5000 + 1, 1, FALSE },  /* pattern, ends at beat 14 */
    { 768, 96, 3, 2, FALSE },             /* channel, starts last, ends at 9 */
  };
  const TsFlpItem second[] = {
    { 0, 384, 0x5000 + 2, 0, FALSE },     /* pattern, ends at beat 4 */
    { 240, 600, 4, 1, FALSE },            /* audio clip, ends at 840 / 96 = 8.75 */
  };
  /* A second playlist event for the same arrangement adds to it. */
  const TsFlpItem second_more[] = { { 0, 48, 0x5000 + 3, 2, FALSE } };
  TsFlProject project;

  ts_flp_writer_arrangement (writer, 0, "Warm-up");
  ts_flp_writer_playlist (writer, first, G_N_ELEMENTS (first), 32);
  ts_flp_writer_marker (writer, 0, 0, "Start");
  ts_flp_writer_arrangement (writer, 1, "Peak time");
  ts_flp_writer_playlist (writer, second, G_N_ELEMENTS (second), 32);
  ts_flp_writer_playlist (writer, second_more, G_N_ELEMENTS (second_more), 32);
  ts_flp_writer_arrangement (writer, 2, "Empty");
  bytes = ts_flp_writer_finish (writer);
  read_ok (bytes, &project);

  g_assert_cmpuint (ts_fl_project_get_n_arrangements (&project), ==, 3);
  g_assert_cmpuint (arrangement_of (&project, 0)->n_items, ==, 3);
  g_assert_cmpfloat (ts_fl_project_get_end_beat (&project, 0), ==, 14.0);
  g_assert_cmpuint (arrangement_of (&project, 1)->n_items, ==, 3);
  g_assert_cmpfloat (ts_fl_project_get_end_beat (&project, 1), ==, 8.75);
  g_assert_cmpuint (arrangement_of (&project, 2)->n_items, ==, 0);
  g_assert_true (isnan (ts_fl_project_get_end_beat (&project, 2)));
  /* None of it is tempo automation. */
  g_assert_cmpuint (arrangement_of (&project, 0)->tempo_points->len, ==, 0);
  g_assert_cmpuint (arrangement_of (&project, 0)->tempo_clips->len, ==, 0);

  ts_fl_project_clear (&project);
}

/* A muted clip is still on the playlist, so it still counts towards the
 * end, though it sets no tempo. */
static void
test_end_muted (void)
{
  g_autoptr(TsFlpWriter) writer = fl20_writer ();
  g_autoptr(GBytes) bytes = NULL;
  const TsFlpItem items[] = {
    { 0, 384, 1, 0, FALSE },             /* 90 BPM tempo clip, ends at 4 */
    { 384, 768, 0x5000 + 1, 1, TRUE },   /* muted pattern, ends at 12 */
    { 0, 1536, 2, 2, TRUE },             /* muted tempo clip, ends at 16 */
  };
  TsFlProject project;

  write_two_clips (writer, 90, 0, 4, 150, 2);
  ts_flp_writer_arrangement (writer, 0, "Arrangement");
  ts_flp_writer_playlist (writer, items, G_N_ELEMENTS (items), 32);
  bytes = ts_flp_writer_finish (writer);
  read_ok (bytes, &project);

  g_assert_cmpfloat (ts_fl_project_get_end_beat (&project, 0), ==, 16.0);
  /* Only the unmuted clip plays: 90 BPM throughout, 4 beats = 2.67 s. */
  g_assert_cmpuint (arrangement_of (&project, 0)->tempo_clips->len, ==, 2);
  g_assert_cmpfloat_with_epsilon (seconds_of (&project, 0, TS_TEMPO_MODE_DAW, 4.0),
                                  4.0 * 60 / 90, 1e-6);

  ts_fl_project_clear (&project);
}

/* FL 20 (32-byte items), FL 21-24 (60) and FL 25 (80) end alike, with and
 * without tempo automation in the project. */
static void
test_end_layouts (void)
{
  static const struct {
    const char *version;
    gsize       record_size;
  } layouts[] = {
    { "20.0.5.91", 32 },
    { "24.1.1.4239", 60 },
    { "25.1.6.4997", 80 },
  };
  const TsFlpItem items[] = {
    { 96, 192, 1, 0, FALSE },           /* channel 1, ends at beat 3 */
    { 0, 480, 0x5000 + 1, 1, FALSE },   /* pattern, ends at beat 5 */
    { 1000, 20, 5, 2, TRUE },           /* muted audio clip, ends at 1020 / 96 = 10.625 */
  };

  for (guint i = 0; i < G_N_ELEMENTS (layouts); i++)
    {
      for (guint with_tempo = 0; with_tempo < 2; with_tempo++)
        {
          g_autoptr(TsFlpWriter) writer = ts_flp_writer_new (96, TS_FLP_TEXT_UTF16);
          g_autoptr(GBytes) bytes = NULL;
          TsFlProject project;

          ts_flp_writer_version (writer, layouts[i].version);
          ts_flp_writer_tempo (writer, 120000);
          if (with_tempo)
            write_two_clips (writer, 150, 0, 2, 90, 2);
          ts_flp_writer_arrangement (writer, 0, "Arrangement");
          ts_flp_writer_playlist (writer, items, G_N_ELEMENTS (items), layouts[i].record_size);
          bytes = ts_flp_writer_finish (writer);
          read_ok (bytes, &project);

          g_assert_cmpuint (arrangement_of (&project, 0)->n_items, ==, 3);
          g_assert_cmpfloat (ts_fl_project_get_end_beat (&project, 0), ==, 10.625);
          g_assert_cmpuint (arrangement_of (&project, 0)->tempo_clips->len, ==, with_tempo ? 1 : 0);
          g_assert_true ((arrangement_of (&project, 0)->tempo_points->len > 0) == (with_tempo != 0));
          ts_fl_project_clear (&project);
        }
    }
}

/* Without tempo automation a playlist we cannot read only hides the end;
 * the markers still read and other arrangements keep theirs. */
static void
test_end_unreadable_playlist (void)
{
  g_autoptr(TsFlpWriter) writer = fl20_writer ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) markers = NULL;
  static const guint8 odd[33] = { 0 };
  const TsFlpItem items[] = { { 0, 384, 0x5000 + 1, 0, FALSE } };
  TsFlProject project;

  ts_flp_writer_arrangement (writer, 0, "Odd");
  ts_flp_writer_playlist (writer, items, G_N_ELEMENTS (items), 32);
  ts_flp_writer_data (writer, 233, odd, sizeof odd);
  ts_flp_writer_marker (writer, 0, 96, "One");
  ts_flp_writer_arrangement (writer, 1, "Fine");
  ts_flp_writer_playlist (writer, items, G_N_ELEMENTS (items), 32);
  bytes = ts_flp_writer_finish (writer);
  read_ok (bytes, &project);

  markers = ts_fl_project_collect_markers (&project, 0);
  g_assert_cmpuint (markers->len, ==, 1);
  g_assert_true (arrangement_of (&project, 0)->unreadable);
  g_assert_true (isnan (ts_fl_project_get_end_beat (&project, 0)));
  g_assert_cmpfloat (ts_fl_project_get_end_beat (&project, 1), ==, 4.0);

  ts_fl_project_clear (&project);
}

/* Start and length at their largest: the sum does not wrap. */
static void
test_end_huge_item (void)
{
  g_autoptr(TsFlpWriter) writer = fl20_writer ();
  g_autoptr(GBytes) bytes = NULL;
  const TsFlpItem items[] = {
    { G_MAXUINT32, G_MAXUINT32, 0x5000 + 1, 0, FALSE },
    { 0, 96, 1, 1, FALSE },
  };
  TsFlProject project;

  ts_flp_writer_playlist (writer, items, G_N_ELEMENTS (items), 32);
  bytes = ts_flp_writer_finish (writer);
  read_ok (bytes, &project);

  /* (2^32 - 1) * 2 = 8589934590 pulses = 89478485.3125 beats. */
  g_assert_cmpfloat (ts_fl_project_get_end_beat (&project, 0), ==, 89478485.3125);

  ts_fl_project_clear (&project);
}

static void
test_empty (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("", 0);

  assert_read_fails (bytes, TS_PROJECT_ERROR, TS_PROJECT_ERROR_EMPTY);
}

static void
test_bad_magic (void)
{
  static const guint8 data[] = "NoFL\x06\0\0\0\0\0\x12\0\x60\0FLdt\0\0\0\0";
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, sizeof data - 1);
  g_autoptr(GBytes) short_bytes = g_bytes_new_static ("FL", 2);

  assert_read_fails (bytes, TS_PROJECT_ERROR, TS_PROJECT_ERROR_UNKNOWN_FORMAT);
  assert_read_fails (short_bytes, TS_PROJECT_ERROR, TS_PROJECT_ERROR_UNKNOWN_FORMAT);
}

/* The chunk promises more bytes than the file has (like PyFLP's
 * invalid-event-size.flp, which the reference wrongly accepts). */
static void
test_chunk_past_end (void)
{
  static const guint8 data[] = "FLhd\x06\0\0\0\0\0\x12\0\x60\0FLdt\x01\0\0\0";
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, sizeof data - 1);

  assert_read_fails (bytes, TS_PROJECT_ERROR, TS_PROJECT_ERROR_TRUNCATED);
}

static void
test_header_problems (void)
{
  static const guint8 no_ppq[] = "FLhd\x06\0\0\0\0\0\x12\0\0\0FLdt\0\0\0\0";
  static const guint8 huge_header[] = "FLhd\xff\xff\xff\xff\0\0\x12\0\x60\0FLdt\0\0\0\0";
  static const guint8 short_header[] = "FLhd\x02\0\0\0\0\0FLdt\0\0\0\0";
  static const guint8 no_data[] = "FLhd\x06\0\0\0\0\0\x12\0\x60\0FLxx\0\0\0\0";
  g_autoptr(GBytes) b1 = g_bytes_new_static (no_ppq, sizeof no_ppq - 1);
  g_autoptr(GBytes) b2 = g_bytes_new_static (huge_header, sizeof huge_header - 1);
  g_autoptr(GBytes) b3 = g_bytes_new_static (short_header, sizeof short_header - 1);
  g_autoptr(GBytes) b4 = g_bytes_new_static (no_data, sizeof no_data - 1);

  assert_read_fails (b1, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED);
  assert_read_fails (b2, TS_PROJECT_ERROR, TS_PROJECT_ERROR_TRUNCATED);
  assert_read_fails (b3, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED);
  assert_read_fails (b4, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED);
}

/* A marker event cut after two of its four bytes, inside the chunk. */
static void
test_truncated_event (void)
{
  g_autoptr(TsFlpWriter) writer = fl20_writer ();
  g_autoptr(GBytes) bytes = NULL;
  static const guint8 cut[] = { 148, 0x01, 0x02 };

  ts_flp_writer_raw (writer, cut, sizeof cut);
  bytes = ts_flp_writer_finish (writer);
  assert_read_fails (bytes, TS_PROJECT_ERROR, TS_PROJECT_ERROR_TRUNCATED);
}

static void
test_varint_past_end (void)
{
  g_autoptr(TsFlpWriter) writer = fl20_writer ();
  g_autoptr(TsFlpWriter) endless = fl20_writer ();
  g_autoptr(TsFlpWriter) unfinished = fl20_writer ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) endless_bytes = NULL;
  g_autoptr(GBytes) unfinished_bytes = NULL;
  /* A name of 16383 bytes with none there. */
  static const guint8 long_name[] = { 205, 0xFF, 0x7F, 'x' };
  /* A length that never ends. */
  static const guint8 no_end[] = { 205, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01 };
  /* The file ends inside the length. */
  static const guint8 in_length[] = { 205, 0x80 };

  ts_flp_writer_raw (writer, long_name, sizeof long_name);
  bytes = ts_flp_writer_finish (writer);
  assert_read_fails (bytes, TS_PROJECT_ERROR, TS_PROJECT_ERROR_TRUNCATED);

  ts_flp_writer_raw (endless, no_end, sizeof no_end);
  endless_bytes = ts_flp_writer_finish (endless);
  assert_read_fails (endless_bytes, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED);

  ts_flp_writer_raw (unfinished, in_length, sizeof in_length);
  unfinished_bytes = ts_flp_writer_finish (unfinished);
  assert_read_fails (unfinished_bytes, TS_PROJECT_ERROR, TS_PROJECT_ERROR_TRUNCATED);
}

/* A tempo clip that claims 0xFFFFFFFF points but holds two. */
static void
test_point_count_too_large (void)
{
  g_autoptr(TsFlpWriter) writer = fl20_writer ();
  g_autoptr(GBytes) bytes = NULL;
  const double increments[] = { 0.0, 4.0 };
  const double values[] = { 0.5, 1.0 };

  ts_flp_writer_automation_target (writer, 1, TEMPO_PARAM, MASTER);
  ts_flp_writer_automation_clip_counted (writer, 1, G_MAXUINT32, increments, values, 2);
  bytes = ts_flp_writer_finish (writer);
  assert_read_fails (bytes, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED);
}

static void
test_unreadable_playlist (void)
{
  g_autoptr(TsFlpWriter) writer = fl20_writer ();
  g_autoptr(GBytes) bytes = NULL;
  static const guint8 odd[33] = { 0 };

  write_two_clips (writer, 90, 0, 2, 150, 2);
  ts_flp_writer_data (writer, 233, odd, sizeof odd);
  bytes = ts_flp_writer_finish (writer);
  assert_read_fails (bytes, TS_FL_ERROR, TS_FL_ERROR_UNKNOWN_PLAYLIST);
}

/* Thousands of placements of a long clip would make a curve of millions of
 * points; the reader refuses before building it. */
static void
test_too_many_points (void)
{
  g_autoptr(TsFlpWriter) writer = fl20_writer ();
  g_autoptr(GBytes) bytes = NULL;
  g_autofree double *increments = g_new0 (double, 1000);
  g_autofree double *values = g_new0 (double, 1000);
  g_autofree TsFlpItem *items = g_new0 (TsFlpItem, 4300);

  for (guint i = 0; i < 1000; i++)
    {
      increments[i] = i == 0 ? 0.0 : 1.0 / 128;
      values[i] = 0.5;
    }
  for (guint i = 0; i < 4300; i++)
    {
      items[i].start = 96 * 8 * i;
      items[i].length = 96 * 8;
      items[i].index = 1;
    }
  ts_flp_writer_automation_target (writer, 1, TEMPO_PARAM, MASTER);
  ts_flp_writer_automation_clip (writer, 1, increments, values, 1000);
  ts_flp_writer_playlist (writer, items, 4300, 32);
  bytes = ts_flp_writer_finish (writer);
  assert_read_fails (bytes, TS_PROJECT_ERROR, TS_PROJECT_ERROR_TOO_LARGE);
}

/* More time markers than any project has: refused, not stored. */
static void
test_too_many_markers (void)
{
  g_autoptr(TsFlpWriter) writer = fl20_writer ();
  g_autoptr(GBytes) bytes = NULL;
  const guint n = 1000001;
  g_autofree guint8 *events = g_new (guint8, 5 * n);

  for (guint i = 0; i < n; i++)
    {
      guint8 *event = events + 5 * i;

      event[0] = 148;
      event[1] = i & 0xFF;
      event[2] = (i >> 8) & 0xFF;
      event[3] = (i >> 16) & 0xFF;
      event[4] = 0;
    }
  ts_flp_writer_raw (writer, events, 5 * n);
  bytes = ts_flp_writer_finish (writer);
  assert_read_fails (bytes, TS_PROJECT_ERROR, TS_PROJECT_ERROR_TOO_LARGE);
}

/* Name and time signature events before any marker describe nothing; the
 * reader skips them and reads on. */
static void
test_name_before_marker (void)
{
  g_autoptr(TsFlpWriter) writer = fl20_writer ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GArray) markers = NULL;
  TsFlProject project;

  ts_flp_writer_text (writer, 205, "Orphan");
  ts_flp_writer_byte (writer, 33, 7);
  ts_flp_writer_dword (writer, 148, 96);
  bytes = ts_flp_writer_finish (writer);
  read_ok (bytes, &project);

  markers = ts_fl_project_collect_markers (&project, 0);
  g_assert_cmpuint (markers->len, ==, 1);
  g_assert_cmpstr (g_array_index (markers, TsMarker, 0).title, ==, "");
  g_assert_cmpfloat (g_array_index (markers, TsMarker, 0).beat, ==, 1.0);
  g_assert_cmpuint (g_array_index (arrangement_of (&project, 0)->markers, TsFlMarker, 0).numerator, ==, 0);

  ts_fl_project_clear (&project);
}

/* Every prefix and every single-byte change of a project with all the
 * parts above reads or fails cleanly (ASan watches the rest). */
static void
test_damaged_copies (void)
{
  g_autoptr(TsFlpWriter) writer = fl20_writer ();
  g_autoptr(GBytes) bytes = NULL;
  const TsFlpItem items[] = { { 0, 384, 1, 0, FALSE }, { 192, 192, 2, 1, TRUE } };
  g_autofree guint8 *copy = NULL;
  const guint8 *data;
  gsize length;

  write_two_clips (writer, 90, 150, 4, 180, 2);
  ts_flp_writer_arrangement (writer, 0, "Mix");
  ts_flp_writer_playlist (writer, items, G_N_ELEMENTS (items), 32);
  ts_flp_writer_marker (writer, 0, 96, "One");
  ts_flp_writer_arrangement (writer, 1, "Other");
  ts_flp_writer_marker (writer, 9, 192, "Punch");
  ts_flp_writer_current_arrangement (writer, 1);
  bytes = ts_flp_writer_finish (writer);
  data = g_bytes_get_data (bytes, &length);
  copy = g_memdup2 (data, length);

  for (gsize cut = 0; cut <= length; cut++)
    {
      g_autoptr(GError) error = NULL;
      TsFlProject project;

      /* The chunk length still counts the whole file, so only the full
       * file reads. */
      if (ts_fl_project_read (&project, data, cut, "set.flp", &error))
        {
          g_assert_cmpuint (cut, ==, length);
          ts_fl_project_clear (&project);
        }
      else
        g_assert_nonnull (error);
    }

  for (gsize i = 0; i < length; i++)
    {
      static const guint8 changes[] = { 0x00, 0xFF, 0x80, 0x01 };

      for (guint c = 0; c < G_N_ELEMENTS (changes); c++)
        {
          g_autoptr(GError) error = NULL;
          TsFlProject project;
          guint8 saved = copy[i];

          copy[i] = changes[c] == 0x01 ? saved ^ 0x01 : changes[c];
          if (ts_fl_project_read (&project, copy, length, "set.flp", &error))
            {
              g_assert_cmpuint (ts_fl_project_get_n_arrangements (&project), >=, 1);
              for (guint a = 0; a < ts_fl_project_get_n_arrangements (&project); a++)
                {
                  g_autoptr(GArray) markers = ts_fl_project_collect_markers (&project, a);
                  g_autoptr(TsTempoMap) map = ts_fl_project_build_tempo_map (&project, a);

                  double end = ts_fl_project_get_end_beat (&project, a);

                  g_assert_nonnull (markers);
                  g_assert_nonnull (map);
                  g_assert_true (isnan (end) || end >= 0.0);
                }
              ts_fl_project_clear (&project);
            }
          else
            g_assert_nonnull (error);
          copy[i] = saved;
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fl-project/looks-like", test_looks_like);
  g_test_add_func ("/fl-project/marker-kinds", test_marker_kinds);
  g_test_add_func ("/fl-project/fl11-ascii", test_fl11_ascii);
  g_test_add_func ("/fl-project/ppq-960", test_ppq_960);
  g_test_add_func ("/fl-project/control-characters", test_control_characters);
  g_test_add_func ("/fl-project/two-arrangements", test_two_arrangements);
  g_test_add_func ("/fl-project/default-arrangement", test_default_arrangement);
  g_test_add_func ("/fl-project/default-skips-empty-current", test_default_skips_empty_current);
  g_test_add_func ("/fl-project/tempo/one-clip", test_one_tempo_clip);
  g_test_add_func ("/fl-project/tempo/channels-and-tension", test_channel_numbers_and_tension);
  g_test_add_func ("/fl-project/tempo/gap", test_clip_gap);
  g_test_add_func ("/fl-project/tempo/overlap", test_clip_overlap);
  g_test_add_func ("/fl-project/tempo/same-start", test_clips_same_start);
  g_test_add_func ("/fl-project/tempo/muted", test_muted_clip);
  g_test_add_func ("/fl-project/tempo/only-muted", test_only_muted_clip);
  g_test_add_func ("/fl-project/end/no-items", test_end_no_items);
  g_test_add_func ("/fl-project/end/two-arrangements", test_end_two_arrangements);
  g_test_add_func ("/fl-project/end/muted", test_end_muted);
  g_test_add_func ("/fl-project/end/layouts", test_end_layouts);
  g_test_add_func ("/fl-project/end/unreadable-playlist", test_end_unreadable_playlist);
  g_test_add_func ("/fl-project/hostile/huge-item", test_end_huge_item);
  g_test_add_func ("/fl-project/hostile/empty", test_empty);
  g_test_add_func ("/fl-project/hostile/bad-magic", test_bad_magic);
  g_test_add_func ("/fl-project/hostile/chunk-past-end", test_chunk_past_end);
  g_test_add_func ("/fl-project/hostile/header", test_header_problems);
  g_test_add_func ("/fl-project/hostile/truncated-event", test_truncated_event);
  g_test_add_func ("/fl-project/hostile/varint-past-end", test_varint_past_end);
  g_test_add_func ("/fl-project/hostile/point-count", test_point_count_too_large);
  g_test_add_func ("/fl-project/hostile/playlist-layout", test_unreadable_playlist);
  g_test_add_func ("/fl-project/hostile/too-many-points", test_too_many_points);
  g_test_add_func ("/fl-project/hostile/too-many-markers", test_too_many_markers);
  g_test_add_func ("/fl-project/hostile/name-before-marker", test_name_before_marker);
  g_test_add_func ("/fl-project/hostile/damaged-copies", test_damaged_copies);

  return g_test_run ();
}
