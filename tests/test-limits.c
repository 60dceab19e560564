/* test-limits.c - every count a file controls has a limit, and the work
 * below it grows linearly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each limit is checked at one past it, with the error a user reads
 * (TS_PROJECT_ERROR_TOO_LARGE, naming the file and what is too many).
 * The limits on decompressed size, XML depth and attributes are checked
 * in test-hostile-input, FL markers and tempo points in test-fl-project,
 * licence sizes in test-license. The scaling checks time 10 000 against
 * 100 000 markers and clips in one run: linear code takes about 10 times
 * as long, quadratic code 100 times, and 25 times tells them apart on
 * any machine, however fast.
 */

#include <string.h>

#include "ts-ableton-reference.h"
#include "ts-ableton-set-private.h"
#include "ts-als-writer.h"
#include "ts-flp-writer.h"
#include "ts-project.h"
#include "ts-tracklist.h"

#define FL_TEMPO_PARAM 5
#define FL_MASTER 0x4000
#define FL_PPQ 96

static const char set_header[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<Ableton MajorVersion=\"5\" MinorVersion=\"10.0_377\" Creator=\"Ableton Live 10.1.7\">\n"
  "\t<LiveSet>\n";
static const char master_tempo_head[] =
  "\t\t<MasterTrack><AutomationEnvelopes><Envelopes><AutomationEnvelope Id=\"0\">"
  "<EnvelopeTarget><PointeeId Value=\"8\"/></EnvelopeTarget><Automation><Events>\n";
static const char master_tempo_tail[] =
  "</Events></Automation></AutomationEnvelope></Envelopes></AutomationEnvelopes>"
  "<DeviceChain><Mixer><Tempo><Manual Value=\"125\"/><AutomationTarget Id=\"8\"/>"
  "</Tempo></Mixer></DeviceChain></MasterTrack>\n";
static const char plain_master[] =
  "\t\t<MasterTrack><DeviceChain><Mixer><Tempo><Manual Value=\"125\"/>"
  "</Tempo></Mixer></DeviceChain></MasterTrack>\n";
static const char set_tail[] = "\t</LiveSet>\n</Ableton>\n";

static void
assert_too_large (GBytes     *bytes,
                  const char *name,
                  const char *says)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsProject) project = ts_project_load_bytes (bytes, name, &error);

  g_assert_null (project);
  g_assert_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_TOO_LARGE);
  g_test_message ("%s", error->message);
  if (strstr (error->message, says) == NULL || !g_str_has_prefix (error->message, name))
    g_error ("“%s” does not say “%s”", error->message, says);
}

static GBytes *
take_string (GString *doc)
{
  gsize length = doc->len;

  return g_bytes_new_take (g_string_free (doc, FALSE), length);
}

/* A set with @n locators and no tempo automation, as plain XML: gzip
 * would only add time that does not depend on the locators. */
static GBytes *
set_with_locators (guint n)
{
  GString *doc = g_string_new (set_header);

  g_string_append (doc, "\t\t<Locators><Locators>\n");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (doc, "<Locator Id=\"%u\"><Time Value=\"%u\"/><Name Value=\"Track %u\"/></Locator>\n",
                            i, i, i);
  g_string_append (doc, "\t\t</Locators></Locators>\n");
  g_string_append (doc, plain_master);
  g_string_append (doc, set_tail);
  return take_string (doc);
}

static void
test_ableton_locators (void)
{
  g_autoptr(GBytes) bytes = set_with_locators (TS_ABLETON_MAX_LOCATORS + 1);

  assert_too_large (bytes, "locators.als", "more than 200000 locators");
}

/* Points written as Live writes them (" />") take the reader's fast
 * path, the others its scanner: the point past the limit is refused on
 * either, after half of the points came the other way. */
static void
test_ableton_tempo_points (void)
{
  for (guint last_as_live = 0; last_as_live <= 1; last_as_live++)
    {
      GString *doc = g_string_new (set_header);
      g_autoptr(GBytes) bytes = NULL;

      g_string_append (doc, master_tempo_head);
      g_string_append (doc, "<FloatEvent Time=\"-63072000\" Value=\"120\"/>\n");
      for (guint i = 0; i < TS_ABLETON_MAX_TEMPO_EVENTS; i++)
        {
          gboolean as_live = (i >= TS_ABLETON_MAX_TEMPO_EVENTS / 2) == last_as_live;

          g_string_append_printf (doc, "<FloatEvent Time=\"%u\" Value=\"%u\"%s/>\n", i, 100 + i % 50,
                                  as_live ? " " : "");
        }
      g_string_append (doc, master_tempo_tail);
      g_string_append (doc, set_tail);
      bytes = take_string (doc);

      assert_too_large (bytes, "tempo.als", "more than 250000 tempo automation points");
    }
}

static void
test_ableton_clips (void)
{
  GString *doc = g_string_new (set_header);
  g_autoptr(GBytes) bytes = NULL;

  g_string_append (doc, "\t\t<Tracks><MidiTrack><DeviceChain><MainSequencer><ClipTimeable>"
                        "<ArrangerAutomation><Events>\n");
  for (guint i = 0; i <= TS_ABLETON_MAX_CLIPS; i++)
    g_string_append_printf (doc, "<MidiClip Time=\"%u\"><CurrentEnd Value=\"%u\"/></MidiClip>\n", i, i + 1);
  g_string_append (doc, "</Events></ArrangerAutomation></ClipTimeable></MainSequencer></DeviceChain>"
                        "</MidiTrack></Tracks>\n");
  g_string_append (doc, plain_master);
  g_string_append (doc, set_tail);
  bytes = take_string (doc);

  assert_too_large (bytes, "clips.als", "more than 1000000 clips in the arrangement");
}

/* The reference reader feeds the same collector: the same limits. */
static void
test_ableton_reference_limits (void)
{
  g_autoptr(GBytes) bytes = set_with_locators (TS_ABLETON_MAX_LOCATORS + 1);
  g_autoptr(GError) error = NULL;
  TsAbletonSet set = { 0 };
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  g_assert_false (ts_ableton_set_read_reference (&set, data, length, "locators.als", &error));
  g_assert_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_TOO_LARGE);
  ts_ableton_set_clear (&set);
}

static TsFlpWriter *
fl20_writer (void)
{
  TsFlpWriter *writer = ts_flp_writer_new (FL_PPQ, TS_FLP_TEXT_UTF16);

  ts_flp_writer_version (writer, "20.8.4.2576");
  ts_flp_writer_tempo (writer, 120000);
  return writer;
}

static void
test_fl_events (void)
{
  g_autoptr(TsFlpWriter) writer = fl20_writer ();
  gsize n = (1u << 24) + 1;
  /* Byte events of an id nobody reads (2): two bytes each. */
  g_autofree guint8 *events = g_malloc0 (2 * n);
  g_autoptr(GBytes) bytes = NULL;

  for (gsize i = 0; i < n; i++)
    events[2 * i] = 2;
  ts_flp_writer_raw (writer, events, 2 * n);
  bytes = ts_flp_writer_finish (writer);

  assert_too_large (bytes, "events.flp", "more than 16777216 events");
}

static void
test_fl_arrangements (void)
{
  g_autoptr(TsFlpWriter) writer = fl20_writer ();
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i <= 4096; i++)
    ts_flp_writer_arrangement (writer, i, "A");
  bytes = ts_flp_writer_finish (writer);

  assert_too_large (bytes, "arrangements.flp", "more than 4096 arrangements");
}

/* @n clips of the tempo automation channel, one after the other, and
 * @n_markers markers a beat apart (a marker's position has 24 bits). */
static GBytes *
fl_with_clips (guint n,
               guint n_markers)
{
  static const double increments[] = { 0.0, 4.0 };
  double values[] = { ts_flp_value_from_bpm (120.0), ts_flp_value_from_bpm (140.0) };
  g_autoptr(TsFlpWriter) writer = fl20_writer ();
  g_autofree TsFlpItem *items = g_new0 (TsFlpItem, n);

  for (guint i = 0; i < n; i++)
    {
      items[i].start = FL_PPQ * 8 * i;
      items[i].length = FL_PPQ * 8;
      items[i].index = 1;
    }
  ts_flp_writer_automation_target (writer, 1, FL_TEMPO_PARAM, FL_MASTER);
  ts_flp_writer_automation_clip (writer, 1, increments, values, G_N_ELEMENTS (values));
  ts_flp_writer_arrangement (writer, 0, "Arrangement");
  for (guint i = 0; i < n_markers; i++)
    ts_flp_writer_marker (writer, 0, FL_PPQ * i, "Marker");
  ts_flp_writer_playlist (writer, items, n, 32);
  return ts_flp_writer_finish (writer);
}

static void
test_fl_clips (void)
{
  g_autoptr(GBytes) bytes = fl_with_clips (1000001, 1);

  assert_too_large (bytes, "clips.flp", "more than 1000000 clips in its playlist");
}

/* Reading @bytes and building its tracklist in both modes: what the app
 * and timestamps-cli do with a file. The best of three, so that a pause
 * of the machine does not count. */
static double
time_reading (GBytes     *bytes,
              const char *name,
              guint       n_expected)
{
  double best = G_MAXDOUBLE;

  for (guint run = 0; run < 3; run++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(TsProject) project = ts_project_load_bytes (bytes, name, &error);
      g_autoptr(TsTracklist) daw = NULL;
      g_autoptr(TsTracklist) exact = NULL;

      g_assert_no_error (error);
      daw = ts_tracklist_new_for_project (project, name, 0, TS_TEMPO_MODE_DAW);
      exact = ts_tracklist_new_for_project (project, name, 0, TS_TEMPO_MODE_EXACT);
      best = MIN (best, (g_get_monotonic_time () - start) / 1e6);
      g_assert_cmpuint (ts_tracklist_get_n_tracks (daw), ==, n_expected);
      g_assert_cmpuint (ts_tracklist_get_n_tracks (exact), ==, n_expected);
    }
  return best;
}

static void
assert_linear (double      small,
               double      large,
               const char *what)
{
  g_test_message ("%s: 10 000 in %.4f s, 100 000 in %.4f s: %.1f×", what, small, large, large / small);
  if (large > 25 * small)
    g_error ("%s: 100 000 take %.1f times as long as 10 000: not linear", what, large / small);
}

static void
test_ableton_markers_scale (void)
{
  g_autoptr(GBytes) small = set_with_locators (10000);
  g_autoptr(GBytes) large = set_with_locators (100000);

  assert_linear (time_reading (small, "small.als", 10000),
                 time_reading (large, "large.als", 100000), "Live set locators");
}

static void
test_fl_clips_scale (void)
{
  g_autoptr(GBytes) small = fl_with_clips (10000, 10000);
  g_autoptr(GBytes) large = fl_with_clips (100000, 100000);

  assert_linear (time_reading (small, "small.flp", 10000),
                 time_reading (large, "large.flp", 100000), "FL Studio playlist clips");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/limits/ableton/locators", test_ableton_locators);
  g_test_add_func ("/limits/ableton/tempo-points", test_ableton_tempo_points);
  g_test_add_func ("/limits/ableton/clips", test_ableton_clips);
  g_test_add_func ("/limits/ableton/reference", test_ableton_reference_limits);
  g_test_add_func ("/limits/fl/events", test_fl_events);
  g_test_add_func ("/limits/fl/arrangements", test_fl_arrangements);
  g_test_add_func ("/limits/fl/clips", test_fl_clips);
  g_test_add_func ("/limits/scale/ableton-markers", test_ableton_markers_scale);
  g_test_add_func ("/limits/scale/fl-clips", test_fl_clips_scale);

  return g_test_run ();
}
