/* test-ableton-set.c - the Ableton Live set reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every set is read twice, by the streaming reader and by the libxml2
 * reference reader, and both must agree to the bit before the facts are
 * checked.
 */
#define G_LOG_DOMAIN "test-ableton-set"

#include <math.h>
#include <string.h>

#include "ts-ableton-reference.h"
#include "ts-ableton-set.h"
#include "ts-als-writer.h"
#include "ts-format-info.h"
#include "ts-marker.h"
#include "ts-tempo-map-private.h"
#include "ts-xml-scanner.h"

/* The DAWs' own grids, as the readers use them. */
#define ABLETON_GRID (ts_format_info_get (TS_FORMAT_ABLETON)->tempo_grid)

static void
assert_same_double (double a,
                    double b)
{
  /* Bitwise, so that -0.0 and 0.0 or two NaNs are told apart. */
  g_assert_cmpmem (&a, sizeof a, &b, sizeof b);
}

static void
assert_sets_equal (const TsAbletonSet *a,
                   const TsAbletonSet *b)
{
  g_assert_cmpstr (a->creator, ==, b->creator);
  g_assert_cmpstr (a->minor_version, ==, b->minor_version);
  g_assert_cmpuint (a->live_version, ==, b->live_version);
  assert_same_double (a->tempo, b->tempo);

  g_assert_cmpuint (a->tempo_events->len, ==, b->tempo_events->len);
  for (guint i = 0; i < a->tempo_events->len; i++)
    {
      TsAbletonTempoEvent ea, eb;

      ts_ableton_set_get_tempo_event (a, i, &ea);
      ts_ableton_set_get_tempo_event (b, i, &eb);
      assert_same_double (ea.beat, eb.beat);
      assert_same_double (ea.bpm, eb.bpm);
      g_assert_cmpint (ea.has_curve, ==, eb.has_curve);
      assert_same_double (ea.curve1_x, eb.curve1_x);
      assert_same_double (ea.curve1_y, eb.curve1_y);
      assert_same_double (ea.curve2_x, eb.curve2_x);
      assert_same_double (ea.curve2_y, eb.curve2_y);
    }

  g_assert_cmpuint (a->locators->len, ==, b->locators->len);
  for (guint i = 0; i < a->locators->len; i++)
    {
      const TsAbletonLocator *la = &g_array_index (a->locators, TsAbletonLocator, i);
      const TsAbletonLocator *lb = &g_array_index (b->locators, TsAbletonLocator, i);

      assert_same_double (la->beat, lb->beat);
      g_assert_cmpstr (la->name, ==, lb->name);
    }

  assert_same_double (a->end_beat, b->end_beat);
}

/* Reads @bytes with both readers; they must both succeed and agree. */
static void
read_both (GBytes       *bytes,
           TsAbletonSet *set)
{
  g_autoptr(GError) error = NULL;
  TsAbletonSet reference = { 0 };
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  gboolean ok;

  /* The error first, for its message. */
  ok = ts_ableton_set_read (set, data, length, "test.als", &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  ok = ts_ableton_set_read_reference (&reference, data, length, "test.als", &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  assert_sets_equal (set, &reference);
  ts_ableton_set_clear (&reference);
}

/* Reads @bytes with both readers; they must both fail with @code. */
static void
assert_both_fail (GBytes         *bytes,
                  TsProjectError  code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) reference_error = NULL;
  TsAbletonSet set = { 0 };
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  g_assert_false (ts_ableton_set_read (&set, data, length, "broken.als", &error));
  g_assert_error (error, TS_PROJECT_ERROR, (gint) code);
  g_assert_true (g_str_has_prefix (error->message, "broken.als"));
  g_assert_null (set.tempo_events);
  g_assert_null (set.tempo_curves);
  g_assert_null (set.locators);

  g_assert_false (ts_ableton_set_read_reference (&set, data, length, "broken.als",
                                                 &reference_error));
  g_assert_error (reference_error, TS_PROJECT_ERROR, (gint) code);
}

static void
read_writer (TsAlsWriter  *writer,
             gboolean      gzip,
             TsAbletonSet *set)
{
  g_autoptr(GBytes) bytes = ts_als_writer_to_bytes (writer, gzip);

  read_both (bytes, set);
}

static TsAbletonTempoEvent
event_at (const TsAbletonSet *set,
          guint               index)
{
  TsAbletonTempoEvent event;

  g_assert_cmpuint (index, <, set->tempo_events->len);
  ts_ableton_set_get_tempo_event (set, index, &event);
  return event;
}

static const TsAbletonLocator *
locator_at (const TsAbletonSet *set,
            guint               index)
{
  g_assert_cmpuint (index, <, set->locators->len);
  return &g_array_index (set->locators, TsAbletonLocator, index);
}

static void
test_layout (gconstpointer user_data)
{
  static const char *creators[] = {
    [8] = "Ableton Live 8.1.4", [9] = "Ableton Live 9.7.1", [10] = "Ableton Live 10.1.7",
    [11] = "Ableton Live 11.3.42", [12] = "Ableton Live 12.2.6",
  };
  static const char *minors[] = {
    [8] = "8.1_226", [9] = "9.5_327", [10] = "10.0_377", [11] = "11.0_11300",
    [12] = "12.0_12203",
  };
  guint version = GPOINTER_TO_UINT (user_data);
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (version, 128.5);
  TsAbletonSet set = { 0 };

  ts_als_writer_add_tempo_event (writer, TS_ABLETON_SENTINEL_BEAT, 128.5);
  ts_als_writer_add_tempo_event (writer, 16, 128.5);
  ts_als_writer_add_tempo_event (writer, 32, 140.25);
  ts_als_writer_add_locator (writer, 64, "Third");
  ts_als_writer_add_locator (writer, 0, "First");
  ts_als_writer_add_locator (writer, 31.75, "Second");
  read_writer (writer, TRUE, &set);

  g_assert_cmpstr (set.creator, ==, creators[version]);
  g_assert_cmpstr (set.minor_version, ==, minors[version]);
  g_assert_cmpuint (set.live_version, ==, version);
  g_assert_cmpfloat (set.tempo, ==, 128.5);

  g_assert_cmpuint (set.tempo_events->len, ==, 3);
  g_assert_cmpfloat (event_at (&set, 0).beat, ==, TS_ABLETON_SENTINEL_BEAT);
  g_assert_cmpfloat (event_at (&set, 0).bpm, ==, 128.5);
  g_assert_cmpfloat (event_at (&set, 1).beat, ==, 16);
  g_assert_cmpfloat (event_at (&set, 2).beat, ==, 32);
  g_assert_cmpfloat (event_at (&set, 2).bpm, ==, 140.25);
  g_assert_false (event_at (&set, 2).has_curve);
  g_assert_false (ts_ableton_set_has_curves (&set));

  /* File order, not time order. */
  g_assert_cmpuint (set.locators->len, ==, 3);
  g_assert_cmpfloat (locator_at (&set, 0)->beat, ==, 64);
  g_assert_cmpstr (locator_at (&set, 0)->name, ==, "Third");
  g_assert_cmpfloat (locator_at (&set, 1)->beat, ==, 0);
  g_assert_cmpstr (locator_at (&set, 1)->name, ==, "First");
  g_assert_cmpfloat (locator_at (&set, 2)->beat, ==, 31.75);
  g_assert_cmpstr (locator_at (&set, 2)->name, ==, "Second");

  /* Only decoy clips (frozen render, take lane, groove pool). */
  g_assert_true (isnan (set.end_beat));
  g_assert_true (isnan (ts_ableton_set_get_end_beat (&set)));

  ts_ableton_set_clear (&set);
  g_assert_null (set.tempo_events);
  g_assert_null (set.tempo_curves);
  g_assert_null (set.creator);
  g_assert_true (isnan (set.end_beat));
}

static void
test_live8_tempo_from_first_event (void)
{
  /* Live 8 has no Tempo/Manual: the writer's tempo is not written at all. */
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (8, 999);
  TsAbletonSet set = { 0 };

  ts_als_writer_add_tempo_event (writer, TS_ABLETON_SENTINEL_BEAT, 95.3);
  ts_als_writer_add_tempo_event (writer, 4, 138.3);
  read_writer (writer, TRUE, &set);

  g_assert_cmpfloat (set.tempo, ==, 95.3);
  g_assert_cmpuint (set.tempo_events->len, ==, 2);
  ts_ableton_set_clear (&set);
}

static void
test_no_automation (gconstpointer user_data)
{
  guint version = GPOINTER_TO_UINT (user_data);
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (version, 119.999992);
  TsAbletonSet set = { 0 };

  ts_als_writer_add_locator (writer, 400, "A");
  read_writer (writer, TRUE, &set);

  g_assert_cmpfloat (set.tempo, ==, 119.999992);
  g_assert_cmpuint (set.tempo_events->len, ==, 0);
  g_assert_cmpuint (set.locators->len, ==, 1);
  ts_ableton_set_clear (&set);
}

static void
test_master_without_envelopes (void)
{
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (10, 120);
  TsAbletonSet set = { 0 };

  /* Events given but their envelope left out: nothing to find. */
  ts_als_writer_add_tempo_event (writer, TS_ABLETON_SENTINEL_BEAT, 80);
  ts_als_writer_set_master_envelopes (writer, FALSE);
  ts_als_writer_add_locator (writer, 8, "a");
  ts_als_writer_add_locator (writer, 16, "b");
  ts_als_writer_add_locator (writer, 24, "c");
  read_writer (writer, TRUE, &set);

  g_assert_cmpfloat (set.tempo, ==, 120);
  g_assert_cmpuint (set.tempo_events->len, ==, 0);
  g_assert_cmpuint (set.locators->len, ==, 3);
  ts_ableton_set_clear (&set);
}

static void
test_entities (void)
{
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (11, 120);
  TsAbletonSet set = { 0 };

  ts_als_writer_add_locator_raw (writer, 0, "AC&#x2F;DC &amp; Co &lt;live&gt; "
                                 "&quot;x&quot; &apos;y&apos; &#x1F3B5;&#233;&#10;z");
  ts_als_writer_add_locator_raw (writer, 4, "&#32; Tom &amp; Jerry&#x09;");
  ts_als_writer_add_locator_raw (writer, 8, "line\nbreak\ttab\r\nend");
  read_writer (writer, TRUE, &set);

  g_assert_cmpstr (locator_at (&set, 0)->name, ==,
                   "AC/DC & Co <live> \"x\" 'y' \xF0\x9F\x8E\xB5\xC3\xA9 z");
  g_assert_cmpstr (locator_at (&set, 1)->name, ==, "Tom & Jerry");
  /* Raw blanks in attributes are normalised to spaces by XML. */
  g_assert_cmpstr (locator_at (&set, 2)->name, ==, "line break tab end");
  ts_ableton_set_clear (&set);
}

/* What XML lets a name hold of the characters no title needs: through
 * both readers, the same display text (ts-display-text.c). */
static void
test_control_characters (void)
{
  static const struct { const char *xml; const char *read; } names[] = {
    /* Tabs and line breaks, by reference: a title is one line. */
    { "Intro&#9;Part&#10;Two&#13;Three", "Intro Part Two Three" },
    { "&#10;&#9;Padded&#13;", "Padded" },
    /* DEL and the C1 controls (NEL is a line break; CSI starts a
     * terminal escape). */
    { "a&#127;b&#x80;c&#x85;d&#x9B;31me&#x9F;", "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c d\xEF\xBF\xBD"
                                               "31me\xEF\xBF\xBD" },
    { "a\xC2\x9D" "0;pwned", "a\xEF\xBF\xBD" "0;pwned" },
    /* Bidi embeddings, overrides and isolates. */
    { "&#x202E;xim dednetxE&#x202C; &#x202A;&#x202B;&#x202D;", "xim dednetxE" },
    { "&#x2066;a&#x2067;b&#x2068;c&#x2069;", "abc" },
    { "\xE2\x80\xAE" "evil", "evil" },
  };
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (11, 120);
  TsAbletonSet set = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    ts_als_writer_add_locator_raw (writer, i * 4.0, names[i].xml);
  read_writer (writer, TRUE, &set);

  g_assert_cmpuint (set.locators->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_assert_cmpstr (locator_at (&set, i)->name, ==, names[i].read);
  ts_ableton_set_clear (&set);
}

/* Where libxml2 stops, the message says in the set's words what is
 * wrong and on which line of the file, the fast reader also in which
 * part of the set. libxml2's own text ("xmlParseCharRef: invalid xmlChar
 * value 27") is for the debug log. */
static void
test_xml_errors_in_our_words (void)
{
  static const struct { const char *name_xml; const char *words; } cases[] = {
    { "Bad&#27;name", "it contains a character XML does not allow" },
    { "Bad&#x1;name", "it contains a character XML does not allow" },
    { "Bad\x01name", "it contains a character XML does not allow" },
    { "Bad\xFF\xFEname", "it contains a character XML does not allow" },
    { "Tom &amp Jerry", "it refers to an entity (“&…;”) that XML does not define" },
    { "&nbsp;", "it refers to an entity (“&…;”) that XML does not define" },
    { "x\" Value=\"y", "an attribute is not written as XML requires" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TsAlsWriter) writer = ts_als_writer_new (11, 120);
      g_autofree char *xml = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) reference_error = NULL;
      g_autofree char *fast_expected = NULL;
      g_autofree char *reference_expected = NULL;
      TsAbletonSet set = { 0 };
      const char *bad;
      guint line = 1;

      ts_als_writer_add_locator (writer, 0, "Fine");
      ts_als_writer_add_locator_raw (writer, 4, cases[i].name_xml);
      xml = ts_als_writer_to_xml (writer);
      bad = strstr (xml, cases[i].name_xml);
      g_assert_nonnull (bad);
      for (const char *p = xml; p < bad; p++)
        line += *p == '\n';
      bytes = ts_als_gzip (xml, strlen (xml));

      fast_expected = g_strdup_printf ("broken.als: the Live set is damaged: %s, at line %u "
                                       "(in the locators)", cases[i].words, line);
      reference_expected = g_strdup_printf ("broken.als: the Live set is damaged: %s, at line %u",
                                            cases[i].words, line);

      g_assert_false (ts_ableton_set_read (&set, g_bytes_get_data (bytes, NULL),
                                           g_bytes_get_size (bytes), "broken.als", &error));
      g_assert_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED);
      g_assert_cmpstr (error->message, ==, fast_expected);

      g_assert_false (ts_ableton_set_read_reference (&set, g_bytes_get_data (bytes, NULL),
                                                     g_bytes_get_size (bytes), "broken.als",
                                                     &reference_error));
      g_assert_error (reference_error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED);
      g_assert_cmpstr (reference_error->message, ==, reference_expected);
    }
}

static void
test_names (void)
{
  static const struct { const char *written; const char *read; } names[] = {
    { "Ólafur Arnalds - Saman", "Ólafur Arnalds - Saman" },
    { "坂本龍一 - Merry Christmas Mr. Lawrence", "坂本龍一 - Merry Christmas Mr. Lawrence" },
    { "🎧 Intro 🎶", "🎧 Intro 🎶" },
    { "", "" },
    { "   padded name \t ", "padded name" },
    { "\xC2\xA0no-break spaces\xC2\xA0\xE3\x80\x80", "no-break spaces" },
    { "    ", "" },
    { "<b>&\"quoted\"'s</b>", "<b>&\"quoted\"'s</b>" },
  };
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (12, 124);
  TsAbletonSet set = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    ts_als_writer_add_locator (writer, i * 16.0, names[i].written);
  read_writer (writer, TRUE, &set);

  g_assert_cmpuint (set.locators->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_cmpfloat (locator_at (&set, i)->beat, ==, i * 16.0);
      g_assert_cmpstr (locator_at (&set, i)->name, ==, names[i].read);
    }
  ts_ableton_set_clear (&set);
}

static void
test_shapes (void)
{
  /* Steps (a point pair at one beat), ramps, off-grid points, vertical
   * jumps and odd numbers, each read back exactly and in file order. */
  static const double points[][2] = {
    { TS_ABLETON_SENTINEL_BEAT, 120 },
    { 0, 120 },
    { 16, 120 },
    { 32, 140 },             /* ramp */
    { 32, 90 },              /* vertical jump */
    { 33.1, 90 },            /* off the 16th grid */
    { 47.987654321012345, 170.123456789 },
    { 48, 170.123456789 },
    { 48, 60 },
    { 1e-05, 60 },           /* out of order, as a hand-edited file might be */
    { 1234567.8901234567, 999 },
  };
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (10, 120);
  TsAbletonSet set = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    ts_als_writer_add_tempo_event (writer, points[i][0], points[i][1]);
  read_writer (writer, TRUE, &set);

  g_assert_cmpuint (set.tempo_events->len, ==, G_N_ELEMENTS (points));
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      g_assert_cmpfloat (event_at (&set, i).beat, ==, points[i][0]);
      g_assert_cmpfloat (event_at (&set, i).bpm, ==, points[i][1]);
    }
  ts_ableton_set_clear (&set);
}

static void
test_many_points (void)
{
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (11, 128);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20000);
  g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (double) * 2);
  TsAbletonSet set = { 0 };
  double beat = 0;

  ts_als_writer_add_tempo_event (writer, TS_ABLETON_SENTINEL_BEAT, 128);
  for (guint i = 0; i < 20000; i++)
    {
      double point[2];

      /* Mixed number shapes: whole beats, sixteenths, long fractions. */
      beat += (i % 3 == 0) ? 1.0 : (i % 3 == 1) ? 0.25 : g_rand_double_range (rand, 0, 2);
      point[0] = beat;
      point[1] = (i % 5 == 0) ? 128.0 : g_rand_double_range (rand, 20, 999);
      g_array_append_val (expected, point);
      ts_als_writer_add_tempo_event (writer, point[0], point[1]);
    }
  ts_als_writer_add_locator (writer, beat / 2, "middle");
  read_writer (writer, TRUE, &set);

  g_assert_cmpuint (set.tempo_events->len, ==, 20001);
  for (guint i = 0; i < expected->len; i++)
    {
      const double *point = &g_array_index (expected, double, i * 2);

      g_assert_cmpfloat (event_at (&set, i + 1).beat, ==, point[0]);
      g_assert_cmpfloat (event_at (&set, i + 1).bpm, ==, point[1]);
    }
  g_assert_cmpuint (set.locators->len, ==, 1);
  g_assert_cmpstr (locator_at (&set, 0)->name, ==, "middle");
  ts_ableton_set_clear (&set);
}

static void
test_curves (gconstpointer user_data)
{
  guint version = GPOINTER_TO_UINT (user_data);
  TsAbletonSet set = { 0 };

  {
    g_autoptr(TsAlsWriter) writer = ts_als_writer_new (version, 120);

    ts_als_writer_add_tempo_event (writer, TS_ABLETON_SENTINEL_BEAT, 120);
    ts_als_writer_add_curved_tempo_event (writer, 0, 120, 0.6015625, 0.1328125,
                                          0.8671875, 0.3984375);
    ts_als_writer_add_tempo_event (writer, 16, 160);
    read_writer (writer, TRUE, &set);

    g_assert_false (event_at (&set, 0).has_curve);
    g_assert_true (event_at (&set, 1).has_curve);
    g_assert_cmpfloat (event_at (&set, 1).curve1_x, ==, 0.6015625);
    g_assert_cmpfloat (event_at (&set, 1).curve1_y, ==, 0.1328125);
    g_assert_cmpfloat (event_at (&set, 1).curve2_x, ==, 0.8671875);
    g_assert_cmpfloat (event_at (&set, 1).curve2_y, ==, 0.3984375);
    g_assert_true (ts_ableton_set_has_curves (&set));
    ts_ableton_set_clear (&set);
  }

  {
    /* Handles on the diagonal, a curved flat segment, a curved jump and a
     * curve on the last point: all straight. */
    g_autoptr(TsAlsWriter) writer = ts_als_writer_new (version, 120);

    ts_als_writer_add_tempo_event (writer, TS_ABLETON_SENTINEL_BEAT, 120);
    ts_als_writer_add_curved_tempo_event (writer, 0, 120, 0.25, 0.25, 0.75, 0.75);
    ts_als_writer_add_curved_tempo_event (writer, 8, 140, 1, 0, 1, 0);
    ts_als_writer_add_curved_tempo_event (writer, 16, 140, 0, 1, 0, 1);
    ts_als_writer_add_curved_tempo_event (writer, 16, 90, 0.1796875, 0.4609375,
                                          0.5390625, 0.8203125);
    read_writer (writer, TRUE, &set);

    g_assert_cmpuint (set.tempo_events->len, ==, 5);
    for (guint i = 1; i < 5; i++)
      g_assert_true (event_at (&set, i).has_curve);
    g_assert_false (ts_ableton_set_has_curves (&set));
    ts_ableton_set_clear (&set);
  }
}

/* Live 8 has no Tempo/Manual: its tempo is the first tempo event. */
static TsAlsWriter *
clip_writer (guint version)
{
  TsAlsWriter *writer = ts_als_writer_new (version, 124);

  ts_als_writer_add_tempo_event (writer, TS_ABLETON_SENTINEL_BEAT, 124);
  return writer;
}

/* The arrangement ends where its last clip ends, on whichever track; the
 * Session View's clips and the decoys end later and do not count. */
static void
test_clips (gconstpointer user_data)
{
  guint version = GPOINTER_TO_UINT (user_data);
  TsAbletonSet set = { 0 };

  {
    g_autoptr(TsAlsWriter) writer = clip_writer (version);

    ts_als_writer_add_clip (writer, TS_ALS_TRACK_AUDIO, 0, 64, FALSE);
    ts_als_writer_add_clip (writer, TS_ALS_TRACK_MIDI, 16, 131.0625, FALSE);
    ts_als_writer_add_clip (writer, TS_ALS_TRACK_AUDIO, 64, 130.75, FALSE);
    ts_als_writer_add_clip (writer, TS_ALS_TRACK_MIDI, 0, 48, FALSE);
    ts_als_writer_add_clip (writer, TS_ALS_TRACK_AUDIO, 0, 512, TRUE);
    ts_als_writer_add_clip (writer, TS_ALS_TRACK_MIDI, 0, 1024, TRUE);
    read_writer (writer, TRUE, &set);

    g_assert_cmpuint (set.live_version, ==, version);
    g_assert_cmpfloat (set.end_beat, ==, 131.0625);
    g_assert_cmpfloat (ts_ableton_set_get_end_beat (&set), ==, 131.0625);
    ts_ableton_set_clear (&set);
  }

  {
    /* The latest end on the first track, added first; ends that are no
     * whole number of 16ths read back exactly. */
    g_autoptr(TsAlsWriter) writer = clip_writer (version);

    ts_als_writer_add_clip (writer, TS_ALS_TRACK_AUDIO, 100.1, 890.1815936667499, FALSE);
    ts_als_writer_add_clip (writer, TS_ALS_TRACK_AUDIO, 0, 100.1, FALSE);
    ts_als_writer_add_clip (writer, TS_ALS_TRACK_MIDI, 0, 890.18, FALSE);
    read_writer (writer, FALSE, &set);

    g_assert_cmpfloat (set.end_beat, ==, 890.1815936667499);
    ts_ableton_set_clear (&set);
  }

  {
    g_autoptr(TsAlsWriter) writer = clip_writer (version);

    ts_als_writer_add_clip (writer, TS_ALS_TRACK_AUDIO, 0, 16, TRUE);
    ts_als_writer_add_clip (writer, TS_ALS_TRACK_MIDI, 0, 32, TRUE);
    read_writer (writer, TRUE, &set);

    g_assert_true (isnan (set.end_beat));
    ts_ableton_set_clear (&set);
  }

  {
    g_autoptr(TsAlsWriter) writer = clip_writer (version);

    ts_als_writer_add_clip (writer, TS_ALS_TRACK_MIDI, 8, 12, FALSE);
    read_writer (writer, TRUE, &set);

    g_assert_cmpfloat (set.end_beat, ==, 12);
    ts_ableton_set_clear (&set);
  }
}

static void
test_uncompressed (void)
{
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (9, 128);
  TsAbletonSet gzipped = { 0 };
  TsAbletonSet plain = { 0 };

  ts_als_writer_add_tempo_event (writer, TS_ABLETON_SENTINEL_BEAT, 128);
  ts_als_writer_add_tempo_event (writer, 64, 132);
  ts_als_writer_add_locator (writer, 64, "");
  read_writer (writer, TRUE, &gzipped);
  read_writer (writer, FALSE, &plain);

  assert_sets_equal (&gzipped, &plain);
  g_assert_cmpuint (plain.live_version, ==, 9);
  g_assert_cmpuint (plain.tempo_events->len, ==, 2);
  g_assert_cmpstr (locator_at (&plain, 0)->name, ==, "");
  ts_ableton_set_clear (&gzipped);
  ts_ableton_set_clear (&plain);
}

static void
test_tempo_map_and_markers (void)
{
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (10, 150);
  g_autoptr(TsTempoMap) map = NULL;
  g_autoptr(GArray) markers = NULL;
  TsAbletonSet set = { 0 };

  ts_als_writer_add_tempo_event (writer, TS_ABLETON_SENTINEL_BEAT, 100);
  ts_als_writer_add_tempo_event (writer, 8, 100);
  ts_als_writer_add_tempo_event (writer, 8, 200);
  ts_als_writer_add_locator (writer, 16, "  After  ");
  ts_als_writer_add_locator (writer, 4, "Before");
  read_writer (writer, TRUE, &set);

  map = ts_ableton_set_build_tempo_map (&set);
  g_assert_cmpfloat (ts_tempo_map_get_base_bpm (map), ==, 150);
  g_assert_cmpfloat (ts_tempo_map_get_grid (map), ==, ABLETON_GRID);
  g_assert_cmpuint (ts_tempo_map_get_n_points (map), ==, 3);
  g_assert_cmpfloat (ts_tempo_map_get_point (map, 2)->bpm, ==, 200);
  /* 8 beats at 100 BPM, then 8 at 200. */
  g_assert_cmpfloat_with_epsilon (ts_tempo_map_seconds_at_beat (map, TS_TEMPO_MODE_DAW, 16),
                                  4.8 + 2.4, 1e-12);

  markers = ts_ableton_set_collect_markers (&set);
  g_assert_cmpuint (markers->len, ==, 2);
  g_assert_cmpstr (g_array_index (markers, TsMarker, 0).title, ==, "After");
  g_assert_cmpfloat (g_array_index (markers, TsMarker, 0).beat, ==, 16);
  g_assert_cmpfloat (g_array_index (markers, TsMarker, 0).seconds, ==, 0);
  g_assert_cmpstr (g_array_index (markers, TsMarker, 1).title, ==, "Before");
  g_assert_cmpfloat (g_array_index (markers, TsMarker, 1).beat, ==, 4);
  ts_ableton_set_clear (&set);
}

static void
test_tempo_map_without_events (void)
{
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (12, 90);
  g_autoptr(TsTempoMap) map = NULL;
  TsAbletonSet set = { 0 };

  read_writer (writer, FALSE, &set);
  map = ts_ableton_set_build_tempo_map (&set);
  g_assert_cmpuint (ts_tempo_map_get_n_points (map), ==, 0);
  g_assert_false (ts_tempo_map_has_automation (map));
  g_assert_cmpfloat_with_epsilon (ts_tempo_map_seconds_at_beat (map, TS_TEMPO_MODE_DAW, 3),
                                  2.0, 1e-12);
  ts_ableton_set_clear (&set);
}

/* Edits @writer's XML: replaces every @from with @to. */
static GBytes *
edited_xml (TsAlsWriter *writer,
            const char  *from,
            const char  *to)
{
  g_autofree char *xml = ts_als_writer_to_xml (writer);
  g_autoptr(GString) edited = g_string_new (xml);

  g_assert_cmpuint (g_string_replace (edited, from, to, 0), >, 0);
  return ts_als_gzip (edited->str, edited->len);
}

static GBytes *
edited_set (guint       version,
            const char *from,
            const char *to)
{
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (version, 120);

  ts_als_writer_add_tempo_event (writer, TS_ABLETON_SENTINEL_BEAT, 120);
  ts_als_writer_add_tempo_event (writer, 4, 130);
  ts_als_writer_add_locator (writer, 4, "x");
  return edited_xml (writer, from, to);
}

/* The version the set names is shown as the DAW's: display text too. */
static void
test_creator_control_characters (void)
{
  g_autoptr(GBytes) bytes = edited_set (10, "Creator=\"Ableton Live 10.1.7\"",
                                        "Creator=\"Ableton Live 10.1.7&#10;&#x9B;&#x202E;x\"");
  TsAbletonSet set = { 0 };

  read_both (bytes, &set);
  g_assert_cmpstr (set.creator, ==, "Ableton Live 10.1.7 \xEF\xBF\xBDx");
  ts_ableton_set_clear (&set);
}

/* A set whose arrangement ends with an audio clip at beat 12.5 (the only
 * <CurrentEnd Value="12.5" />), with a session clip ending at 500 (the
 * only <CurrentEnd Value="500" />). */
static GBytes *
edited_clip_set (guint       version,
                 const char *from,
                 const char *to)
{
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (version, 120);

  ts_als_writer_add_tempo_event (writer, TS_ABLETON_SENTINEL_BEAT, 120);
  ts_als_writer_add_clip (writer, TS_ALS_TRACK_MIDI, 0, 8, FALSE);
  ts_als_writer_add_clip (writer, TS_ALS_TRACK_AUDIO, 4, 12.5, FALSE);
  ts_als_writer_add_clip (writer, TS_ALS_TRACK_MIDI, 0, 500, TRUE);
  return edited_xml (writer, from, to);
}

/* The attributes the fast reader decodes, and tempo points that leave
 * the fast path, written the ways XML allows. */
static void
test_decoded_attributes (void)
{
  TsAbletonSet set = { 0 };

  {
    g_autoptr(GBytes) bytes = edited_set (10, "Time=\"4\" Value=\"130\"",
                                          "Time=\"&#52;\" Value=\"13&#48;\"");

    read_both (bytes, &set);
    g_assert_cmpuint (set.tempo_events->len, ==, 2);
    g_assert_cmpfloat (event_at (&set, 1).beat, ==, 4);
    g_assert_cmpfloat (event_at (&set, 1).bpm, ==, 130);
    ts_ableton_set_clear (&set);
  }

  {
    g_autoptr(GBytes) bytes = edited_set (10, "Creator=\"Ableton Live 10.1.7\"",
                                          "Creator=\"Ableton&#32;Live 10.1.7 &amp; more\" "
                                          "Extra=\"/>\"");

    read_both (bytes, &set);
    g_assert_cmpstr (set.creator, ==, "Ableton Live 10.1.7 & more");
    g_assert_cmpstr (set.minor_version, ==, "10.0_377");
    ts_ableton_set_clear (&set);
  }

  {
    /* Only the fast reader: libxml2 reading the whole document never
     * reports a root tag it could not finish, so the reference takes this
     * for some other kind of file. */
    g_autoptr(GBytes) bytes = edited_set (10, "Creator=\"Ableton Live 10.1.7\"",
                                          "Creator=\"&bogus;\"");
    g_autoptr(GError) error = NULL;
    gsize length = 0;
    const guint8 *data = g_bytes_get_data (bytes, &length);

    g_assert_false (ts_ableton_set_read (&set, data, length, "broken.als", &error));
    g_assert_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED);
    g_assert_cmpstr (error->message, ==, "broken.als: the Live set is damaged: it refers to an "
                     "entity (“&…;”) that XML does not define, at line 2 (in the Ableton tag)");
  }

  {
    g_autoptr(GBytes) bytes = edited_set (9, "<Manual Value=\"120\" />",
                                          "<Manual Value=\"1&#50;0.5\" ><!-- x --></Manual >");

    read_both (bytes, &set);
    g_assert_cmpfloat (set.tempo, ==, 120.5);
    ts_ableton_set_clear (&set);
  }

  {
    g_autoptr(GBytes) bytes = edited_set (11, "<PointeeId Value=\"8\" />",
                                          "<PointeeId Value=\"&#56;\" />");

    read_both (bytes, &set);
    g_assert_cmpuint (set.tempo_events->len, ==, 2);
    g_assert_cmpfloat (event_at (&set, 1).bpm, ==, 130);
    ts_ableton_set_clear (&set);
  }

  {
    g_autoptr(GBytes) bytes = edited_set (12, "<Name Value=\"x\" />",
                                          "<!-- <Name Value=\"no\" /> --><?pi <Name?>"
                                          "<Name Value=\" x &lt;1&gt; \" />"
                                          "<![CDATA[ </Locators> ]]><Name Value=\"later\" />");

    read_both (bytes, &set);
    g_assert_cmpuint (set.locators->len, ==, 1);
    g_assert_cmpfloat (locator_at (&set, 0)->beat, ==, 4);
    g_assert_cmpstr (locator_at (&set, 0)->name, ==, "x <1>");
    ts_ableton_set_clear (&set);
  }

  {
    static const char *ends[] = {
      "<CurrentEnd Value=\"1&#50;.5\" />",
      "<CurrentEnd Other=\"&amp;\" Value=\"12.5\" />",
      "<CurrentEnd\n Value = '12.5' ><!-- 99 --></CurrentEnd >",
      /* Only the first CurrentEnd of a clip is its end. */
      "<CurrentEnd Value=\"12.5\" /><CurrentEnd Value=\"1000\" />",
    };

    for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
      {
        g_autoptr(GBytes) bytes = edited_clip_set (11, "<CurrentEnd Value=\"12.5\" />", ends[i]);

        g_test_message ("%s", ends[i]);
        read_both (bytes, &set);
        g_assert_cmpfloat (set.end_beat, ==, 12.5);
        ts_ableton_set_clear (&set);
      }
  }
}

/* Tempo points as Live writes them take the fast path, all others the
 * scanner's: written every way XML allows, and a few ways it does not,
 * each is read as the libxml2 reader reads it, or refused in its words. */
static void
test_point_spellings (void)
{
  static const char *live = "<FloatEvent Id=\"91\" Time=\"4\" Value=\"130\" />";
  static const struct { const char *tag; double beat; double bpm; } read[] = {
    { "<FloatEvent Id=\"91\" Time=\"4\" Value=\"130\" />", 4, 130 },
    { "<FloatEvent Time=\"4\" Value=\"130\" />", 4, 130 },
    { "<FloatEvent Id=\"\" Time=\"4.\" Value=\"130.000\" />", 4, 130 },
    { "<FloatEvent Id=\"91\" Time=\"-0\" Value=\".5\" />", -0.0, 0.5 },
    { "<FloatEvent Id=\"91\" Time=\"4.0000000000000001\" Value=\"130.00000000000003\" />",
      4.0000000000000001, 130.00000000000003 },
    { "<FloatEvent Id=\"91\" Time=\"4e0\" Value=\"1.3E2\" />", 4, 130 },
    { "<FloatEvent Id=\"91\" Time=\"+4\" Value=\"130\" />", 4, 130 },
    { "<FloatEvent Value=\"130\" Time=\"4\" Id=\"91\" />", 4, 130 },
    { "<FloatEvent Id=\"91\" Time=\"4\" Value=\"130\" Extra=\"1\" />", 4, 130 },
    { "<FloatEvent Id=\"91\" Time=\"4\" Value=\"130\" CurveControl1X=\"0.5\" "
      "CurveControl1Y=\"0.5\" CurveControl2X=\"0.5\" CurveControl2Y=\"0.5\" />", 4, 130 },
    { "<FloatEvent Id=\"91\" Time=\"4\" Value=\"130\"/>", 4, 130 },
    { "<FloatEvent  Id=\"91\" Time=\"4\" Value=\"130\" />", 4, 130 },
    { "<FloatEvent Id='91' Time='4' Value='130' />", 4, 130 },
    { "<FloatEvent Id=\"91\" Time=\"&#52;\" Value=\"130\" />", 4, 130 },
    { "<FloatEvent Id=\"9&#49;\" Time=\"4\" Value=\"130\" />", 4, 130 },
    { "<FloatEvent Id=\"x-1\" Time=\"4\" Value=\"130\" />", 4, 130 },
    { "<FloatEvent Id=\"91\" Time=\"4\" Value=\"130\" ></FloatEvent>", 4, 130 },
    { "<FloatEvent Id=\"91\" Time=\"4\" Value=\"130\" /><!-- a comment -->", 4, 130 },
    { "\r\n\t<FloatEvent Id=\"91\" Time=\"4\" Value=\"130\" />\r\n \t", 4, 130 },
  };
  static const struct { const char *tag; const char *message; } refused[] = {
    { "<FloatEvent Id=\"91\" Time=\"4x\" Value=\"130\" />",
      "the position of a tempo point “4x” is not a number" },
    { "<FloatEvent Id=\"91\" Time=\"\" Value=\"130\" />",
      "the position of a tempo point “” is not a number" },
    { "<FloatEvent Id=\"91\" Time=\"-\" Value=\"130\" />",
      "the position of a tempo point “-” is not a number" },
    { "<FloatEvent Id=\"91\" Time=\"1e999\" Value=\"130\" />",
      "the position of a tempo point “1e999” is not a number" },
    { "<FloatEvent Id=\"91\" Time=\"4\" Value=\"1.2.3\" />",
      "the tempo of a tempo point “1.2.3” is not a number" },
    { "<FloatEvent Id=\"91\" Time=\"12345678:\" Value=\"130\" />",
      "the position of a tempo point “12345678:” is not a number" },
    { "<FloatEvent Id=\"91\" Time=\"1234567/\" Value=\"130\" />",
      "the position of a tempo point “1234567/” is not a number" },
    { "<FloatEvent Id=\"91\" Time=\"4\" Time=\"5\" Value=\"130\" />",
      "a tempo point has an attribute twice" },
    { "<FloatEvent Id=\"91\" Value=\"130\" />",
      "a tempo point has no position" },
    { "<FloatEvent Id=\"91\" Time=\"4\" Value=\"130\" CurveControl1X=\"0.5\" />",
      "a tempo point has only some of its curve handles" },
    { "<FloatEvent Id=\"91\" Time=\"4\" Value=\"130\" /",
      "a tag is not closed properly" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (read); i++)
    {
      g_autoptr(GBytes) bytes = edited_set (10, live, read[i].tag);
      TsAbletonSet set = { 0 };

      g_test_message ("%s", read[i].tag);
      read_both (bytes, &set);
      g_assert_cmpuint (set.tempo_events->len, ==, 2);
      assert_same_double (event_at (&set, 1).beat, read[i].beat);
      assert_same_double (event_at (&set, 1).bpm, read[i].bpm);
      ts_ableton_set_clear (&set);
    }

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GBytes) bytes = edited_set (10, live, refused[i].tag);
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) reference_error = NULL;
      TsAbletonSet set = { 0 };
      gsize length = 0;
      const guint8 *data = g_bytes_get_data (bytes, &length);

      g_autofree char *message = g_strconcat ("broken.als: the Live set is damaged: ",
                                              refused[i].message, NULL);

      g_test_message ("%s", refused[i].tag);
      g_assert_false (ts_ableton_set_read (&set, data, length, "broken.als", &error));
      g_assert_false (ts_ableton_set_read_reference (&set, data, length, "broken.als",
                                                     &reference_error));
      g_assert_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED);
      g_assert_error (reference_error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED);
      g_assert_cmpstr (error->message, ==, message);
    }
}

/* Numbers of every length from 1 to 22 digits, on both sides of the
 * point, as text no formatter would write: the fast path reads their
 * digits eight at a time, and must give every bit the number parser of
 * the reference reader gives. */
static void
test_point_number_lengths (void)
{
  static const char *live = "<FloatEvent Id=\"91\" Time=\"4\" Value=\"130\" />";
  g_autoptr(GRand) rand = g_rand_new_with_seed (1922);
  g_autoptr(GString) points = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;
  TsAbletonSet set = { 0 };
  guint n_points = 0;

  for (guint whole = 0; whole <= 19; whole++)
    for (guint fraction = 0; fraction <= 19; fraction++)
      for (guint k = 0; k < 4; k++)
        {
          GString *number[2] = { g_string_new (NULL), g_string_new (NULL) };

          if (whole + fraction == 0 || whole + fraction > 22)
            continue;
          for (guint n = 0; n < 2; n++)
            {
              /* The position may be negative, the tempo may not. */
              if (n == 0 && k % 2 == 1)
                g_string_append_c (number[n], '-');
              for (guint i = 0; i < whole; i++)
                g_string_append_c (number[n], '0' + (i == 0 && k == 3 && whole > 1 ? 0 : g_rand_int_range (rand, 1, 10)));
              if (fraction > 0 || k == 2)
                g_string_append_c (number[n], '.');
              /* A tempo of 0 is refused. */
              for (guint i = 0; i < fraction; i++)
                g_string_append_c (number[n], '0' + g_rand_int_range (rand, n == 1 && whole == 0 && i == 0, 10));
            }
          g_string_append_printf (points, "<FloatEvent Id=\"%u\" Time=\"%s\" Value=\"%s\" />\n\t\t\t",
                                  100 + n_points, number[0]->str, number[1]->str);
          n_points++;
          g_string_free (number[0], TRUE);
          g_string_free (number[1], TRUE);
        }

  bytes = edited_set (10, live, points->str);
  read_both (bytes, &set);
  g_assert_cmpuint (set.tempo_events->len, ==, n_points + 1);
  ts_ableton_set_clear (&set);
}

/* The set is read in pieces of 64 KiB: moved a byte at a time, the cut
 * between two falls on every byte of a tempo point, and the point is
 * still read whole, by the fast path or the scanner. */
static void
test_points_across_reads (void)
{
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (10, 128);
  g_autofree char *xml = NULL;
  const char *declaration_end;
  const char *first;
  const char *last;

  ts_als_writer_add_tempo_event (writer, TS_ABLETON_SENTINEL_BEAT, 128);
  for (guint i = 0; i < 1500; i++)
    ts_als_writer_add_tempo_event (writer, i * 0.25, 100 + (i % 7) * 1.125);
  xml = ts_als_writer_to_xml (writer);
  declaration_end = strstr (xml, "?>") + strlen ("?>");
  first = strstr (xml, "<FloatEvent");
  last = g_strrstr (xml, "<FloatEvent");
  g_assert_cmpuint (first - xml, <, 64 * 1024 - 80);
  g_assert_cmpuint (last - xml, >, 64 * 1024 + 80);

  for (guint shift = 0; shift < 80; shift++)
    {
      g_autoptr(GString) moved = g_string_new (NULL);
      g_autoptr(GBytes) bytes = NULL;
      TsAbletonSet set = { 0 };
      gsize length = 0;

      /* After the XML declaration, which comes first. */
      g_string_append_len (moved, xml, declaration_end - xml);
      g_string_append_printf (moved, "<!--%*s-->\n", (int) shift, "");
      g_string_append (moved, declaration_end);
      length = moved->len;
      bytes = g_bytes_new_take (g_string_free (g_steal_pointer (&moved), FALSE), length);
      read_both (bytes, &set);
      g_assert_cmpuint (set.tempo_events->len, ==, 1501);
      g_assert_cmpfloat (event_at (&set, 1500).beat, ==, 1499 * 0.25);
      ts_ableton_set_clear (&set);
    }
}

static void
test_malformed_facts (void)
{
  static const struct { guint version; const char *from; const char *to; } cases[] = {
    { 10, "<Time Value=\"4\" />", "" },                                   /* locator without time */
    { 10, "<Time Value=\"4\" />", "<Time Value=\"four\" />" },
    { 10, "<Manual Value=\"120\" />", "<Manual Value=\"0\" />" },          /* no tempo */
    { 10, "<Manual Value=\"120\" />", "<Manual Value=\"inf\" />" },
    { 10, "<Manual Value=\"120\" />", "<Manual Value=\" 120\" />" },
    { 10, "Time=\"4\" Value=\"130\"", "Time=\"4\" Value=\"-130\"" },
    { 10, "Time=\"4\" Value=\"130\"", "Time=\"4\"" },
    { 11, "Time=\"4\" Value=\"130\"", "Time=\"4\" Value=\"130\" CurveControl1X=\"0.5\"" },
    { 10, "MinorVersion=\"10.0_377\" SchemaChangeCount=\"3\" Creator=\"Ableton Live 10.1.7\"",
      "SchemaChangeCount=\"3\"" },                                         /* no version */
    { 10, "Tempo>", "Tempi>" },                                            /* no master tempo */
    { 12, "MainTrack", "MainTrackX" },                                     /* no master track */
    { 10, "</Locators>\n\t</LiveSet>", "</Locator>\n\t</LiveSet>" },       /* tags do not match */
    { 10, "Value=\"x\"", "Value=\"x&bogus;\"" },                           /* unknown entity */
    { 10, "Value=\"x\"", "Value=\"x&#0;\"" },                              /* not a character */
    { 10, "Value=\"x\"", "Value=\"\xC3\x28\"" },                           /* not UTF-8 */
    { 8, "Time=\"-63072000\" Value=\"120\"", "Time=\"-63072000\" Value=\"1e999\"" },
    { 10, "Time=\"4\" Value=\"130\"", "Time=\"4\" Value=\"&#49;x\"" },     /* decoded, still no number */
    { 10, "Time=\"4\" Value=\"130\"", "Time=\"4\" Value=\"130\" Value=\"131\"" },
    { 10, "Time=\"4\" Value=\"130\"", "Time=\"&#52;\" Time=\"4\" Value=\"130\"" },
    { 10, "<PointeeId Value=\"8\" />", "<PointeeId Value=\"8\"><a></PointeeId>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = edited_set (cases[i].version, cases[i].from, cases[i].to);
      /* TAP output must be UTF-8; one case is not. */
      g_autofree char *to = g_strescape (cases[i].to, NULL);

      g_test_message ("case %u: %s -> %s", i, cases[i].from, to);
      assert_both_fail (bytes, TS_PROJECT_ERROR_DAMAGED);
    }
}

/* A clip end that is not a finite number is a damaged set, as for every
 * other number the reader reads; session clips are not read at all. */
static void
test_malformed_clip_end (void)
{
  static const char *ends[] = {
    "<CurrentEnd Value=\"inf\" />",
    "<CurrentEnd Value=\"-inf\" />",
    "<CurrentEnd Value=\"nan\" />",
    "<CurrentEnd Value=\"1e999\" />",
    "<CurrentEnd Value=\"12.5x\" />",
    "<CurrentEnd Value=\"\" />",
    "<CurrentEnd Value=\" 12.5\" />",
    "<CurrentEnd Value=\"&#49;x\" />",
    "<CurrentEnd />",
    "<CurrentEnd Value=\"12.5\" Value=\"13\" />",
    "",                                                    /* a clip without an end */
  };

  for (guint version = 8; version <= 12; version++)
    for (guint i = 0; i < G_N_ELEMENTS (ends); i++)
      {
        g_autoptr(GBytes) bytes = edited_clip_set (version, "<CurrentEnd Value=\"12.5\" />",
                                                   ends[i]);

        g_test_message ("Live %u: %s", version, ends[i]);
        assert_both_fail (bytes, TS_PROJECT_ERROR_DAMAGED);
      }

  {
    g_autoptr(GBytes) bytes = edited_clip_set (12, "<CurrentEnd Value=\"500\" />",
                                               "<CurrentEnd Value=\"inf\" />");
    TsAbletonSet set = { 0 };

    read_both (bytes, &set);
    g_assert_cmpfloat (set.end_beat, ==, 12.5);
    ts_ableton_set_clear (&set);
  }

  {
    g_autoptr(GBytes) bytes = edited_clip_set (10, "<CurrentEnd Value=\"12.5\" />",
                                               "<CurrentEnd Value=\"inf\" />");
    g_autoptr(GError) error = NULL;
    TsAbletonSet set = { 0 };
    gsize length = 0;
    const guint8 *data = g_bytes_get_data (bytes, &length);

    g_assert_false (ts_ableton_set_read (&set, data, length, "broken.als", &error));
    g_assert_cmpstr (error->message, ==, "broken.als: the Live set is damaged: the end of a "
                     "clip “inf” is not a number");
    g_assert_true (isnan (ts_ableton_set_get_end_beat (&set)));
  }
}

/* A tempo point's numbers are read from the set's bytes; when one is not
 * a number, the message quotes it as text that is safe to show: valid
 * UTF-8, without the escape sequence a terminal would obey. */
static void
test_bad_number_quoted_safely (void)
{
  g_autoptr(GBytes) bytes = edited_set (10, "Time=\"4\" Value=\"130\"",
                                        "Time=\"4\" Value=\"13\x1b]0;pwned\x07\xff\"");
  g_autoptr(GError) error = NULL;
  TsAbletonSet set = { 0 };
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  g_assert_false (ts_ableton_set_read (&set, data, length, "broken.als", &error));
  g_assert_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_cmpstr (error->message, ==, "broken.als: the Live set is damaged: the tempo of a "
                   "tempo point “13\xef\xbf\xbd]0;pwned\xef\xbf\xbd\xef\xbf\xbd” is not a number");
}

static void
test_not_ableton (void)
{
  static const char *xml = "<?xml version=\"1.0\"?>\n<Project><Tempo Value=\"120\"/></Project>\n";
  g_autoptr(GBytes) bytes = ts_als_gzip (xml, strlen (xml));
  g_autoptr(GBytes) plain = g_bytes_new_static (xml, strlen (xml));

  assert_both_fail (bytes, TS_PROJECT_ERROR_UNKNOWN_FORMAT);
  assert_both_fail (plain, TS_PROJECT_ERROR_UNKNOWN_FORMAT);
}

/* ---- the scanner, fed in pieces of every size ---- */

static gboolean
record_start (gpointer          user_data,
              guint             parent_tag,
              const char       *name,
              gsize             name_len,
              const TsXmlAttr  *attrs,
              guint             n_attrs,
              guint            *child_tag,
              GError          **error)
{
  GString *log = user_data;

  g_string_append_printf (log, "<%.*s %u", (int) name_len, name, parent_tag);
  /* Raw values; "*" marks those only an XML parser reads right. */
  for (guint i = 0; i < n_attrs; i++)
    g_string_append_printf (log, " %.*s=[%.*s]%s", (int) attrs[i].name_len, attrs[i].name,
                            (int) attrs[i].value_len, attrs[i].value,
                            attrs[i].needs_decoding ? "*" : "");
  g_string_append (log, ">");
  *child_tag = parent_tag + 1;
  return TRUE;
}

static gboolean
record_end (gpointer   user_data,
            guint      tag,
            GError   **error)
{
  g_string_append_printf (user_data, "</%u>", tag);
  return TRUE;
}

static char *
scan_in_pieces (const char *xml,
                gsize       piece)
{
  g_autoptr(TsXmlScanner) scanner = NULL;
  g_autoptr(GError) error = NULL;
  GString *log = g_string_new (NULL);
  gsize length = strlen (xml);

  scanner = ts_xml_scanner_new (record_start, record_end, log);
  for (gsize offset = 0; offset < length; offset += piece)
    {
      gsize available = 0;
      gsize n = MIN (piece, length - offset);
      char *buf = ts_xml_scanner_get_buffer (scanner, &available);

      g_assert_cmpuint (available, >=, n);
      memcpy (buf, xml + offset, n);
      g_assert_true (ts_xml_scanner_commit (scanner, n, &error));
      g_assert_no_error (error);
    }
  g_assert_true (ts_xml_scanner_finish (scanner, &error));
  g_assert_no_error (error);

  return g_string_free (log, FALSE);
}

static void
test_scanner_pieces (void)
{
  static const char *xml =
    "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<!-- a comment with <tags> and -- dashes -->\n"
    "<Ableton A=\"1\"  B = 'two &amp; &#x33;' >\n"
    "\t<Empty/><Quoted V=\"a > b ' c\" W='\"'/>\n"
    "\t<Text>some text &amp; <![CDATA[ <not-a-tag> ]]> more</Text >\n"
    "\t<?pi inside?>\n"
    "</Ableton>\n<!-- trailing -->\n";
  g_autofree char *whole = scan_in_pieces (xml, strlen (xml));

  g_assert_cmpstr (whole, ==,
                   "<Ableton 0 A=[1] B=[two &amp; &#x33;]*><Empty 1></2>"
                   "<Quoted 1 V=[a > b ' c] W=[\"]>"
                   "</2><Text 1></2></1>");

  for (gsize piece = 1; piece < 40; piece++)
    {
      g_autofree char *pieces = scan_in_pieces (xml, piece);

      g_assert_cmpstr (pieces, ==, whole);
    }
}

typedef struct {
  TsXmlScanner *scanner;
  const char   *xml;
  guint         n_tags;
} OffsetCheck;

/* Every start tag is where the scanner says it is in the document. */
static gboolean
check_offset (gpointer          user_data,
              guint             parent_tag,
              const char       *name,
              gsize             name_len,
              const TsXmlAttr  *attrs,
              guint             n_attrs,
              guint            *child_tag,
              GError          **error)
{
  OffsetCheck *check = user_data;
  gsize length = 0;
  const char *tag = ts_xml_scanner_get_tag (check->scanner, &length);
  guint64 offset = ts_xml_scanner_get_tag_offset (check->scanner);

  g_assert_cmpmem (check->xml + offset, length, tag, length);
  check->n_tags++;
  *child_tag = 1;
  return TRUE;
}

static gboolean
ignore_end (gpointer   user_data,
            guint      tag,
            GError   **error)
{
  return TRUE;
}

static void
test_scanner_offsets (void)
{
  static const char *xml =
    "<?xml version=\"1.0\"?>\n<!-- <x> -->\n<Ableton A=\"1\">\n"
    "\t<Empty/><Quoted V=\"a > b\"/>\n\t<Text>some text</Text >\n</Ableton>\n";
  gsize length = strlen (xml);

  for (gsize piece = 1; piece < 40; piece++)
    {
      g_autoptr(GError) error = NULL;
      OffsetCheck check = { NULL, xml, 0 };
      g_autoptr(TsXmlScanner) scanner = ts_xml_scanner_new (check_offset, ignore_end, &check);

      check.scanner = scanner;
      for (gsize offset = 0; offset < length; offset += piece)
        {
          gsize available = 0;
          gsize n = MIN (piece, length - offset);
          char *buf = ts_xml_scanner_get_buffer (scanner, &available);

          memcpy (buf, xml + offset, n);
          g_assert_true (ts_xml_scanner_commit (scanner, n, &error));
          g_assert_no_error (error);
        }
      g_assert_cmpuint (check.n_tags, ==, 4);
    }
}

/* Names, values and indentation of every length up to 40, with the bytes
 * that stop them at every place: the scanner steps over them 16 bytes at
 * a time where it has that many and one at a time at the end of what it
 * has, and both must find the same ends. */
static void
test_scanner_long_tokens (void)
{
  static const char stops[] = { '&', '\t', '\n', '\r', '\'' };
  g_autoptr(GString) xml = g_string_new ("<Root>");
  g_autoptr(GString) expected = g_string_new ("<Root 0>");
  g_autofree char *whole = NULL;

  for (gsize len = 1; len <= 40; len++)
    {
      g_autoptr(GString) name = g_string_new ("N");
      g_autoptr(GString) value = g_string_new (NULL);

      for (gsize i = 1; i < len; i++)
        g_string_append_c (name, i % 7 == 0 ? '9' : (i % 5 == 0 ? "\xC3\xA9"[i % 2] : 'a'));
      for (gsize i = 0; i < len; i++)
        g_string_append_c (value, "0123456789.-e"[i % 13]);
      g_string_append_c (xml, '\n');
      for (gsize i = 0; i < len; i++)
        g_string_append_c (xml, " \t\r\n"[i % 4]);
      g_string_append_printf (xml, "<%s V=\"%s\"/>", name->str, value->str);
      g_string_append_printf (expected, "<%s 1 V=[%s]></2>", name->str, value->str);

      for (guint k = 0; k < G_N_ELEMENTS (stops); k++)
        {
          gsize at = (len * 7 + k * 3) % len;
          char saved = value->str[at];

          value->str[at] = stops[k];
          g_string_append_printf (xml, "<%s V=\"%s\"/>", name->str, value->str);
          g_string_append_printf (expected, "<%s 1 V=[%s]%s></2>", name->str, value->str,
                                  stops[k] == '\'' ? "" : "*");
          value->str[at] = saved;
        }
    }
  g_string_append (xml, "</Root>");
  g_string_append (expected, "</1>");

  whole = scan_in_pieces (xml->str, xml->len);
  g_assert_cmpstr (whole, ==, expected->str);
  for (gsize piece = 1; piece <= 33; piece++)
    {
      g_autofree char *pieces = scan_in_pieces (xml->str, piece);

      g_assert_cmpstr (pieces, ==, whole);
    }
}

static void
test_scanner_errors (void)
{
  static const struct { const char *xml; TsXmlScannerError code; } cases[] = {
    { "", TS_XML_SCANNER_ERROR_NOT_XML },
    { "hello <a/>", TS_XML_SCANNER_ERROR_NOT_XML },
    { "<a>", TS_XML_SCANNER_ERROR_MALFORMED },
    { "<a></b>", TS_XML_SCANNER_ERROR_MALFORMED },
    { "<a/><b/>", TS_XML_SCANNER_ERROR_MALFORMED },
    { "<a x=1/>", TS_XML_SCANNER_ERROR_MALFORMED },
    { "<a x=\"1\"y=\"2\"/>", TS_XML_SCANNER_ERROR_MALFORMED },
    { "<a x=\"<\"/>", TS_XML_SCANNER_ERROR_MALFORMED },
    { "<a x=\"1\"", TS_XML_SCANNER_ERROR_MALFORMED },
    { "<!DOCTYPE a><a/>", TS_XML_SCANNER_ERROR_DOCTYPE },
    { "<a><!DOCTYPE a></a>", TS_XML_SCANNER_ERROR_DOCTYPE },
    { "<a/>text", TS_XML_SCANNER_ERROR_MALFORMED },
    { "<![CDATA[x]]><a/>", TS_XML_SCANNER_ERROR_MALFORMED },
    { "<a><!x></a>", TS_XML_SCANNER_ERROR_MALFORMED },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) log = g_string_new (NULL);
      g_autoptr(TsXmlScanner) scanner = ts_xml_scanner_new (record_start, record_end, log);
      g_autoptr(GError) error = NULL;
      gsize length = strlen (cases[i].xml);
      gsize available = 0;
      char *buf;

      buf = ts_xml_scanner_get_buffer (scanner, &available);
      memcpy (buf, cases[i].xml, length);
      g_test_message ("case %u: %s", i, cases[i].xml);
      if (ts_xml_scanner_commit (scanner, length, &error))
        g_assert_false (ts_xml_scanner_finish (scanner, &error));
      g_assert_error (error, TS_XML_SCANNER_ERROR, (gint) cases[i].code);
    }
}

/* Logs every start tag as the scanner hands it out, and every end. */
typedef struct {
  TsXmlScanner *scanner;
  GString      *log;
} TagLog;

static gboolean
log_start (gpointer          user_data,
           guint             parent_tag,
           const char       *name,
           gsize             name_len,
           const TsXmlAttr  *attrs,
           guint             n_attrs,
           guint            *child_tag,
           GError          **error)
{
  TagLog *log = user_data;
  gsize tag_len = 0;
  const char *tag = ts_xml_scanner_get_tag (log->scanner, &tag_len);

  g_string_append_printf (log->log, "tag[%.*s]", (int) tag_len, tag);
  *child_tag = parent_tag + 1;
  return TRUE;
}

static gboolean
log_end (gpointer   user_data,
         guint      tag,
         GError   **error)
{
  TagLog *log = user_data;

  g_string_append_printf (log->log, "end[%u]", tag);
  return TRUE;
}

/* The log of scanning @xml in pieces of @piece bytes with @start, or
 * %NULL with @error set where the scanner stopped. */
static char *
scan_logged (const char      *xml,
             gsize            piece,
             TsXmlStartFunc   start,
             GError         **error)
{
  g_autoptr(TsXmlScanner) scanner = NULL;
  g_autoptr(GString) log = g_string_new (NULL);
  TagLog data = { NULL, log };
  gsize length = strlen (xml);

  scanner = ts_xml_scanner_new (start, log_end, &data);
  data.scanner = scanner;
  for (gsize offset = 0; offset < length; offset += piece)
    {
      gsize available = 0;
      gsize n = MIN (piece, length - offset);
      char *buf = ts_xml_scanner_get_buffer (scanner, &available);

      memcpy (buf, xml + offset, n);
      if (!ts_xml_scanner_commit (scanner, n, error))
        return NULL;
    }
  if (!ts_xml_scanner_finish (scanner, error))
    return NULL;
  return g_strdup (log->str);
}

static char *
log_in_pieces (const char *xml,
               gsize       piece)
{
  g_autoptr(GError) error = NULL;
  char *log = scan_logged (xml, piece, log_start, &error);

  g_assert_no_error (error);
  return log;
}

/* Each start tag comes whole, as it is in the document, and each end
 * with its start's number, wherever the pieces are cut; comments, CDATA
 * and processing instructions are skipped, whatever they hold. */
static void
test_scanner_tags_in_pieces (void)
{
  static const char *xml =
    "<?xml version=\"1.0\"?>\n<Root>\n"
    "\t<Before A=\"1\"/>\n"
    "\t<Region X='a &amp; b'>\n"
    "\t\t<!-- a <comment> -->\n"
    "\t\t<Inner V=\"&#x1F3B5;\">text &lt; <![CDATA[ </Region> ]]></Inner><?pi x?>\n"
    "\t\t<Region/>\n"
    "\t</Region >\n"
    "\t<Region/>\n"
    "</Root>\n";
  static const char *expected =
    "tag[<Root>]tag[<Before A=\"1\"/>]end[2]tag[<Region X='a &amp; b'>]"
    "tag[<Inner V=\"&#x1F3B5;\">]end[3]tag[<Region/>]end[3]end[2]"
    "tag[<Region/>]end[2]end[1]";

  for (gsize piece = 1; piece <= strlen (xml); piece++)
    {
      g_autofree char *log = log_in_pieces (xml, piece);

      g_assert_cmpstr (log, ==, expected);
    }
}

/* The children of <Run> go to the run first: it takes blanks and <x/>,
 * anything else is left to the scanner. */
static gssize
take_x (gpointer     user_data,
        guint        tag,
        const char  *text,
        gsize        length,
        GError     **error)
{
  TagLog *log = user_data;
  gsize i = 0;
  gsize taken = 0;

  for (;;)
    {
      while (i < length && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n'))
        i++;
      if (length - i < 4 || memcmp (text + i, "<x/>", 4) != 0)
        break;
      i += 4;
      taken = i;
      g_string_append_printf (log->log, "run[%u]", tag);
    }
  /* Blanks before something else are the scanner's to step over. */
  return taken;
}

static gboolean
run_start (gpointer          user_data,
           guint             parent_tag,
           const char       *name,
           gsize             name_len,
           const TsXmlAttr  *attrs,
           guint             n_attrs,
           guint            *child_tag,
           GError          **error)
{
  TagLog *log = user_data;

  if (name_len == strlen ("Run") && memcmp (name, "Run", name_len) == 0)
    ts_xml_scanner_run_children (log->scanner, take_x);
  return log_start (user_data, parent_tag, name, name_len, attrs, n_attrs, child_tag, error);
}

/* A run takes what it knows wherever the pieces are cut, only among the
 * children of the element that asked for it, and never where the
 * scanner would have refused a child. */
static void
test_scanner_runs (void)
{
  static const char *xml =
    "<Root>\n"
    "\t<x/>\n"
    "\t<Run>\n"
    "\t\t<x/><x/>\n \t<x />\n\t\t<x/><!-- <x/> -->\n"
    "\t\t<In><x/></In>\n"
    "\t\t<x/>\n"
    "\t\t<Run/><x/>\n"
    "\t</Run>\n"
    "\t<x/>\n"
    "</Root>\n";
  static const char *expected =
    "tag[<Root>]tag[<x/>]end[2]tag[<Run>]run[2]run[2]tag[<x />]end[3]run[2]"
    "tag[<In>]tag[<x/>]end[4]end[3]run[2]tag[<Run/>]end[3]run[2]end[2]"
    "tag[<x/>]end[2]end[1]";
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;

  for (gsize piece = 1; piece <= strlen (xml); piece++)
    {
      g_autofree char *pieces = scan_logged (xml, piece, run_start, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (pieces, ==, expected);
    }

  /* A child of a <Run> as deep as the scanner allows would be one too
   * deep: the scanner sees it first, and says so. */
  for (guint i = 1; i < TS_XML_SCANNER_MAX_DEPTH; i++)
    g_string_append (deep, "<d>");
  g_string_append (deep, "<Run><x/></Run>");
  for (guint i = 1; i < TS_XML_SCANNER_MAX_DEPTH; i++)
    g_string_append (deep, "</d>");
  log = scan_logged (deep->str, deep->len, run_start, &error);
  g_assert_null (log);
  g_assert_error (error, TS_XML_SCANNER_ERROR, TS_XML_SCANNER_ERROR_LIMIT);
}

/* ---- the corpus ---- */

static void
collect_sets (const char *dir,
              GPtrArray  *paths)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_sets (path, paths);
      else if (g_str_has_suffix (name, ".als"))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
}

static void
test_corpus_agrees (void)
{
  const char *shared = g_getenv ("TS_SHARED_DIR");
  g_autofree char *corpus = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  guint n_read = 0;

  if (shared != NULL)
    corpus = g_build_filename (shared, "corpus", NULL);
  if (corpus == NULL || !g_file_test (corpus, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no shared corpus (TS_SHARED_DIR)");
      return;
    }

  collect_sets (corpus, paths);
  g_assert_cmpuint (paths->len, >, 0);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) reference_error = NULL;
      TsAbletonSet set = { 0 };
      TsAbletonSet reference = { 0 };
      gsize length = 0;
      gboolean ok, reference_ok;

      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      ok = ts_ableton_set_read (&set, (const guint8 *) contents, length, path, &error);
      reference_ok = ts_ableton_set_read_reference (&reference, (const guint8 *) contents,
                                                    length, path, &reference_error);
      g_test_message ("%s: %s", path, ok ? "read" : error->message);

      g_assert_cmpint (ok, ==, reference_ok);
      if (ok)
        {
          assert_sets_equal (&set, &reference);
          g_assert_cmpuint (set.live_version, >=, 8);
          n_read++;
        }
      else
        {
          g_assert_nonnull (reference_error);
          g_assert_cmpint (error->code, ==, reference_error->code);
        }
      ts_ableton_set_clear (&set);
      ts_ableton_set_clear (&reference);
    }

  g_assert_cmpuint (n_read, >, 0);
}

/* Where the arrangement of each corpus set with clips ends, found by
 * reading the XML independently (Python's ElementTree, max CurrentEnd
 * over Tracks/<track>/DeviceChain/MainSequencer/{Sample,ClipTimeable}/
 * ArrangerAutomation/Events/{AudioClip,MidiClip}); every other corpus set
 * has no arrangement clips. */
static void
test_corpus_end_beats (void)
{
  static const struct { const char *path; double end_beat; } sets[] = {
    { "dawtool/als/example-120.als", 9512.4290251415259 },
    { "dawtool/als/example-140.als", 9908.7802343489839 },
    { "dawtool/als/live8/live8-patch-markers-auto.als", 510.58245504495505 },
    { "dawtool/als/live9/live9-patch-2-0point.als", 255.7257019022644 },
    { "public/als/elixirbeats-abletoolz-10.1.3.als", 928 },
    { "public/als/elixirbeats-abletoolz-11.0.0.als", 860.01585705960701 },
    { "public/als/gabrielpulga-ableton-dj-mcp-domingo_a_noite_com_fable_5.als", 464 },
    { "public/als/gabrielpulga-ableton-dj-mcp-e2e-test-set.als", 79.89326142607392 },
    { "public/als/kiddikai-ableton-parser-Agnosie.als", 890.1815936667499 },
    { "public/als/owenbush-ableton-inspector-Broom_Bap.als", 272 },
    /* Only session and groove pool clips. */
    { "public/als/elixirbeats-abletoolz-12.4.5b.als", NAN },
    { "public/als/danielbayley-Ableton-Live-tools-live-tools.als", NAN },
    { "dawtool/als/automation.als", NAN },
  };
  const char *shared = g_getenv ("TS_SHARED_DIR");
  guint n_read = 0;

  if (shared == NULL)
    {
      g_test_skip ("no shared corpus (TS_SHARED_DIR)");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    {
      g_autofree char *path = g_build_filename (shared, "corpus", sets[i].path, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gsize length = 0;
      TsAbletonSet set = { 0 };

      if (!g_file_get_contents (path, &contents, &length, NULL))
        continue;
      g_test_message ("%s", sets[i].path);
      bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
      read_both (bytes, &set);
      if (isnan (sets[i].end_beat))
        g_assert_true (isnan (set.end_beat));
      else
        g_assert_cmpfloat (set.end_beat, ==, sets[i].end_beat);
      ts_ableton_set_clear (&set);
      n_read++;
    }

  if (n_read == 0)
    g_test_skip ("no shared corpus (TS_SHARED_DIR)");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint version = 8; version <= 12; version++)
    {
      g_autofree char *layout = g_strdup_printf ("/ableton-set/layout/live%u", version);
      g_autofree char *none = g_strdup_printf ("/ableton-set/no-automation/live%u", version);
      g_autofree char *clips = g_strdup_printf ("/ableton-set/end-beat/live%u", version);

      g_test_add_data_func (layout, GUINT_TO_POINTER (version), test_layout);
      if (version >= 9)
        g_test_add_data_func (none, GUINT_TO_POINTER (version), test_no_automation);
      g_test_add_data_func (clips, GUINT_TO_POINTER (version), test_clips);
    }
  g_test_add_func ("/ableton-set/live8-tempo-from-first-event", test_live8_tempo_from_first_event);
  g_test_add_func ("/ableton-set/master-without-envelopes", test_master_without_envelopes);
  g_test_add_func ("/ableton-set/locators/entities", test_entities);
  g_test_add_func ("/ableton-set/locators/names", test_names);
  g_test_add_func ("/ableton-set/locators/control-characters", test_control_characters);
  g_test_add_func ("/ableton-set/creator-control-characters", test_creator_control_characters);
  g_test_add_func ("/ableton-set/errors/xml-in-our-words", test_xml_errors_in_our_words);
  g_test_add_func ("/ableton-set/automation/shapes", test_shapes);
  g_test_add_func ("/ableton-set/automation/20000-points", test_many_points);
  g_test_add_func ("/ableton-set/automation/point-spellings", test_point_spellings);
  g_test_add_func ("/ableton-set/automation/points-across-reads", test_points_across_reads);
  g_test_add_func ("/ableton-set/automation/point-number-lengths", test_point_number_lengths);
  g_test_add_data_func ("/ableton-set/automation/curves/live11", GUINT_TO_POINTER (11), test_curves);
  g_test_add_data_func ("/ableton-set/automation/curves/live12", GUINT_TO_POINTER (12), test_curves);
  g_test_add_func ("/ableton-set/uncompressed", test_uncompressed);
  g_test_add_func ("/ableton-set/tempo-map-and-markers", test_tempo_map_and_markers);
  g_test_add_func ("/ableton-set/tempo-map-without-events", test_tempo_map_without_events);
  g_test_add_func ("/ableton-set/decoded-attributes", test_decoded_attributes);
  g_test_add_func ("/ableton-set/bad-number-quoted-safely", test_bad_number_quoted_safely);
  g_test_add_func ("/ableton-set/errors/malformed", test_malformed_facts);
  g_test_add_func ("/ableton-set/errors/malformed-clip-end", test_malformed_clip_end);
  g_test_add_func ("/ableton-set/errors/not-ableton", test_not_ableton);
  g_test_add_func ("/ableton-set/scanner/pieces", test_scanner_pieces);
  g_test_add_func ("/ableton-set/scanner/long-tokens", test_scanner_long_tokens);
  g_test_add_func ("/ableton-set/scanner/errors", test_scanner_errors);
  g_test_add_func ("/ableton-set/scanner/offsets", test_scanner_offsets);
  g_test_add_func ("/ableton-set/scanner/tags-in-pieces", test_scanner_tags_in_pieces);
  g_test_add_func ("/ableton-set/scanner/runs", test_scanner_runs);
  g_test_add_func ("/ableton-set/corpus-agrees", test_corpus_agrees);
  g_test_add_func ("/ableton-set/corpus-end-beats", test_corpus_end_beats);

  return g_test_run ();
}
