/* test-cue-sheet.c - reading cue sheets as DJ software writes them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include "ts-cue-sheet.h"
#include "ts-export.h"
#include "ts-marker.h"

typedef struct {
  const char *text;
  double      seconds;
} Expected;

static gboolean
read_sheet (TsCueSheet  *sheet,
            const char  *data,
            gsize        length,
            GError     **error)
{
  return ts_cue_sheet_read (sheet, (const guint8 *) data, length, "set.cue", error);
}

static void
assert_markers (const char     *data,
                gsize           length,
                const Expected *expected,
                guint           n_expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) markers = NULL;
  TsCueSheet sheet;

  g_assert_true (read_sheet (&sheet, data, length, &error));
  g_assert_no_error (error);

  markers = ts_cue_sheet_collect_markers (&sheet);
  g_assert_cmpuint (markers->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const TsMarker *marker = &g_array_index (markers, TsMarker, i);

      g_assert_cmpstr (marker->title, ==, expected[i].text);
      g_assert_cmpfloat_with_epsilon (marker->seconds, expected[i].seconds, 1e-9);
      g_assert_true (isnan (marker->beat));
    }

  ts_cue_sheet_clear (&sheet);
}

static const TsCueTrack *
get_track (const TsCueSheet *sheet,
           guint             i)
{
  g_assert_cmpuint (i, <, sheet->tracks->len);
  return &g_array_index (sheet->tracks, TsCueTrack, i);
}

/* A mix recorded to one file, times in mm:ss:ff: the frames are real time. */
static const char standard_sheet[] =
  "REM GENRE \"Techno\"\n"
  "REM DATE 2024\n"
  "PERFORMER \"DJ Someone\"\n"
  "TITLE \"Warehouse Mix\"\n"
  "FILE \"warehouse mix.wav\" WAVE\n"
  "  TRACK 01 AUDIO\n"
  "    PERFORMER \"Bicep\"\n"
  "    TITLE \"Glue\"\n"
  "    INDEX 01 00:00:00\n"
  "  TRACK 02 AUDIO\n"
  "    PERFORMER \"Four Tet\"\n"
  "    TITLE \"Baby\"\n"
  "    INDEX 01 04:03:19\n"
  "  TRACK 03 AUDIO\n"
  "    TITLE \"Only A Title\"\n"
  "    INDEX 01 98:19:74\n";

static void
test_standard (void)
{
  static const Expected expected[] = {
    { "Bicep - Glue", 0.0 },
    { "Four Tet - Baby", 243.0 + 19.0 / 75.0 },
    /* The sheet's PERFORMER names the DJ, not the track. */
    { "Only A Title", 98 * 60 + 19 + 74.0 / 75.0 },
  };
  g_autoptr(GError) error = NULL;
  TsCueSheet sheet;

  assert_markers (standard_sheet, strlen (standard_sheet), expected, G_N_ELEMENTS (expected));

  g_assert_true (read_sheet (&sheet, standard_sheet, strlen (standard_sheet), &error));
  g_assert_cmpstr (sheet.performer, ==, "DJ Someone");
  g_assert_cmpstr (sheet.title, ==, "Warehouse Mix");
  g_assert_cmpuint (g_strv_length (sheet.rem), ==, 2);
  g_assert_cmpstr (sheet.rem[0], ==, "GENRE \"Techno\"");
  g_assert_cmpstr (sheet.rem[1], ==, "DATE 2024");
  g_assert_null (ts_cue_sheet_get_writer (&sheet));
  g_assert_cmpint (sheet.time_style, ==, TS_CUE_TIME_MSF);
  g_assert_cmpuint (sheet.tracks->len, ==, 3);
  g_assert_cmpuint (get_track (&sheet, 1)->number, ==, 2);
  g_assert_cmpint (get_track (&sheet, 1)->index01, ==, (4 * 60 + 3) * 75 + 19);
  g_assert_cmpint (get_track (&sheet, 1)->index00, ==, -1);
  g_assert_cmpstr (get_track (&sheet, 1)->file, ==, "warehouse mix.wav");
  g_assert_null (get_track (&sheet, 2)->performer);
  ts_cue_sheet_clear (&sheet);
}

/* rekordbox's recordings: INDEX 01 is hh:mm:ss, tab indented, and every
 * track names its source file. */
static void
test_rekordbox (void)
{
  static const char data[] =
    "REM DATE 2020-03-11 04:27 PM\r\n"
    "REM RECORDED_BY \"rekordbox-dj\"\r\n"
    "TITLE \"REC-2020-03-11\"\r\n"
    "PERFORMER \"Unknown Artist\"\r\n"
    "FILE \"01 REC-2020-03-11.wav\" WAVE\r\n"
    "\tTRACK 01 AUDIO\r\n"
    "\t\tTITLE \"comfort - ambeat\"\r\n"
    "\t\tFILE \"/Users/dj/Music/comfort - ambeat.mp3\" WAVE\r\n"
    "\t\tINDEX 01 00:00:01\r\n"
    "\tTRACK 02 AUDIO\r\n"
    "\t\tTITLE \"Tzu-Mani\"\r\n"
    "\t\tPERFORMER \"Aldo Cadiz\"\r\n"
    "\t\tFILE \"/Users/dj/Music/Aldo Cadiz - Tzu-Mani.mp3\" WAVE\r\n"
    "\t\tINDEX 01 01:03:06\r\n";
  static const Expected expected[] = {
    { "comfort - ambeat", 1.0 },
    { "Aldo Cadiz - Tzu-Mani", 3600 + 3 * 60 + 6 },
  };
  g_autoptr(GError) error = NULL;
  TsCueSheet sheet;

  assert_markers (data, strlen (data), expected, G_N_ELEMENTS (expected));

  g_assert_true (read_sheet (&sheet, data, strlen (data), &error));
  g_assert_cmpstr (ts_cue_sheet_get_writer (&sheet), ==, "rekordbox");
  g_assert_cmpint (sheet.time_style, ==, TS_CUE_TIME_HMS);
  g_assert_cmpstr (get_track (&sheet, 0)->file, ==, "/Users/dj/Music/comfort - ambeat.mp3");
  ts_cue_sheet_clear (&sheet);
}

/* Mixxx: no FILE line, real frames, and PERFORMER "" for tracks without an
 * artist, which must not turn into " - Title". */
static void
test_mixxx_style (void)
{
  static const char data[] =
    "TITLE \"Friday\"\n"
    "PERFORMER \"\"\n"
    "  TRACK 01 AUDIO\n"
    "    TITLE \"Untitled Edit\"\n"
    "    PERFORMER \"\"\n"
    "    INDEX 01 00:00:00\n"
    "  TRACK 02 AUDIO\n"
    "    TITLE \"\"\n"
    "    PERFORMER \"Burial\"\n"
    "    INDEX 01 02:30:37\n"
    "  TRACK 03 AUDIO\n"
    "    TITLE \"\"\n"
    "    PERFORMER \"\"\n"
    "    INDEX 01 05:00:01\n";
  static const Expected expected[] = {
    { "Untitled Edit", 0.0 },
    { "Burial", 150.0 + 37.0 / 75.0 },
    { "Unknown", 300.0 + 1.0 / 75.0 },
  };

  assert_markers (data, strlen (data), expected, G_N_ELEMENTS (expected));
}

/* A track with neither title nor performer is named after its file, in
 * the folder syntax of whichever tool wrote the sheet. */
static void
test_title_from_file (void)
{
  static const struct {
    const char *file;
    const char *text;
  } cases[] = {
    { "C:\\Music\\01 - Intro.flac", "01 - Intro" },
    { "/Users/dj/Music/Aldo Cadiz - Tzu-Mani.mp3", "Aldo Cadiz - Tzu-Mani" },
    { "set.part1.wav", "set.part1" },
    { ".hidden", ".hidden" },
    { "\x1B[31mred\t\xE2\x80\xAE" "mix.wav", "\xEF\xBF\xBD[31mred mix" },
    { "  .wav", "Unknown" },
    { "Music/", "Unknown" },
    { NULL, "Unknown" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      TsCueTrack track = { .file = (char *) cases[i].file };
      g_autofree char *text = ts_cue_track_dup_text (&track);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* TITLE and PERFORMER, of the sheet and of tracks, come out as display
 * text (ts-display-text.c), in UTF-8, UTF-16 and Windows-1252 sheets. */
static void
test_control_characters (void)
{
  static const char utf8[] =
    "PERFORMER \"DJ\x1B]0;pwned\x07\"\n"
    "TITLE \"\xE2\x80\xAE" "xim\xE2\x80\xAC\"\n"
    "FILE \"mix.wav\" WAVE\n"
    "  TRACK 01 AUDIO\n"
    "    PERFORMER \"\x1B[31mRed\x1B[0m\"\n"
    "    TITLE \"One\ttab \xC2\x9B" "1m \xE2\x81\xA6" "iso\xE2\x81\xA9\"\n"
    "    INDEX 01 00:00:00\n"
    "  TRACK 02 AUDIO\n"
    "    TITLE \"\x7F\x01\x1F\xC2\x85" "end\"\n"
    "    INDEX 01 01:00:00\n";
  static const Expected expected[] = {
    { "\xEF\xBF\xBD[31mRed\xEF\xBF\xBD[0m - One tab \xEF\xBF\xBD" "1m iso", 0 },
    { "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD end", 60 },
  };
  static const char cp1252[] =
    "FILE \"mix.wav\" WAVE\n"
    "  TRACK 01 AUDIO\n"
    "    TITLE \"Caf\xE9\x1B[2J\"\n"
    "    INDEX 01 00:00:00\n";
  static const Expected cp1252_expected[] = { { "Caf\xC3\xA9\xEF\xBF\xBD[2J", 0 } };
  g_autoptr(GError) error = NULL;
  g_autoptr(GByteArray) utf16 = g_byte_array_new ();
  g_autofree gunichar2 *units = NULL;
  glong n_units = 0;
  TsCueSheet sheet;

  assert_markers (utf8, sizeof utf8 - 1, expected, G_N_ELEMENTS (expected));
  assert_markers (cp1252, sizeof cp1252 - 1, cp1252_expected, G_N_ELEMENTS (cp1252_expected));

  g_assert_true (read_sheet (&sheet, utf8, sizeof utf8 - 1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (sheet.performer, ==, "DJ\xEF\xBF\xBD]0;pwned\xEF\xBF\xBD");
  g_assert_cmpstr (sheet.title, ==, "xim");
  ts_cue_sheet_clear (&sheet);

  /* The same sheet as UTF-16LE with a byte order mark. */
  units = g_utf8_to_utf16 (utf8, -1, NULL, &n_units, NULL);
  g_assert_nonnull (units);
  g_byte_array_append (utf16, (const guint8 *) "\xFF\xFE", 2);
  for (glong i = 0; i < n_units; i++)
    {
      guint8 pair[2] = { units[i] & 0xFF, units[i] >> 8 };

      g_byte_array_append (utf16, pair, 2);
    }
  assert_markers ((const char *) utf16->data, utf16->len, expected, G_N_ELEMENTS (expected));
}

/* INDEX 00 is the pregap before a track: the track starts at INDEX 01. */
static void
test_pregap (void)
{
  static const char data[] =
    "FILE \"mix.flac\" WAVE\n"
    "  TRACK 01 AUDIO\n"
    "    TITLE \"One\"\n"
    "    INDEX 00 00:00:00\n"
    "    INDEX 01 00:00:32\n"
    "  TRACK 02 AUDIO\n"
    "    TITLE \"Two\"\n"
    "    INDEX 00 05:47:74\n"
    "    INDEX 01 05:49:74\n"
    "    INDEX 02 06:00:00\n";
  static const Expected expected[] = {
    { "One", 32.0 / 75.0 },
    { "Two", 349.0 + 74.0 / 75.0 },
  };
  g_autoptr(GError) error = NULL;
  TsCueSheet sheet;

  assert_markers (data, strlen (data), expected, G_N_ELEMENTS (expected));

  g_assert_true (read_sheet (&sheet, data, strlen (data), &error));
  g_assert_cmpint (get_track (&sheet, 0)->index00, ==, 0);
  g_assert_cmpint (get_track (&sheet, 1)->index00, ==, (5 * 60 + 47) * 75 + 74);
  g_assert_cmpint (get_track (&sheet, 1)->index01, ==, (5 * 60 + 49) * 75 + 74);
  ts_cue_sheet_clear (&sheet);
}

/* One FILE per track, as CD rippers write them: each track belongs to the
 * FILE before its INDEX 01, and a track without a name is named after it. */
static void
test_several_files (void)
{
  static const char data[] =
    "FILE \"C:\\Music\\01 - Intro.flac\" WAVE\n"
    "  TRACK 01 AUDIO\n"
    "    INDEX 01 00:00:00\n"
    "FILE \"/music/02 - Second.part.mp3\" MP3\n"
    "  TRACK 02 AUDIO\n"
    "    INDEX 01 00:00:00\n"
    "  TRACK 03 AUDIO\n"
    "    INDEX 00 03:00:00\n"
    "FILE third.wav WAVE\n"
    "    INDEX 01 00:00:00\n"
    "FILE \"noext\" WAVE\n"
    "  TRACK 04 AUDIO\n"
    "    INDEX 01 00:00:10\n";
  static const Expected expected[] = {
    { "01 - Intro", 0.0 },
    { "02 - Second.part", 0.0 },
    { "third", 0.0 },
    { "noext", 10.0 / 75.0 },
  };
  g_autoptr(GError) error = NULL;
  TsCueSheet sheet;

  assert_markers (data, strlen (data), expected, G_N_ELEMENTS (expected));

  g_assert_true (read_sheet (&sheet, data, strlen (data), &error));
  g_assert_cmpstr (get_track (&sheet, 0)->file, ==, "C:\\Music\\01 - Intro.flac");
  g_assert_cmpstr (get_track (&sheet, 2)->file, ==, "third.wav");
  g_assert_cmpint (get_track (&sheet, 2)->index00, ==, 180 * 75);
  ts_cue_sheet_clear (&sheet);
}

static char *
replace_line_ends (const char *text,
                   const char *line_end)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  return g_strjoinv (line_end, lines);
}

/* LF, CRLF, CR and the CR CR LF of sheets converted twice all read alike;
 * so does a missing line end at the end of the file. */
static void
test_line_ends (void)
{
  static const char *const line_ends[] = { "\n", "\r\n", "\r", "\r\r\n" };
  static const Expected expected[] = {
    { "Bicep - Glue", 0.0 },
    { "Four Tet - Baby", 243.0 + 19.0 / 75.0 },
    { "Only A Title", 98 * 60 + 19 + 74.0 / 75.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (line_ends); i++)
    {
      g_autofree char *data = replace_line_ends (standard_sheet, line_ends[i]);
      gsize length = strlen (data);

      assert_markers (data, length, expected, G_N_ELEMENTS (expected));
      /* Without the last line end. */
      assert_markers (data, length - strlen (line_ends[i]), expected, G_N_ELEMENTS (expected));
    }
}

static void
test_byte_order_mark (void)
{
  static const Expected expected[] = {
    { "Bicep - Glue", 0.0 },
    { "Four Tet - Baby", 243.0 + 19.0 / 75.0 },
    { "Only A Title", 98 * 60 + 19 + 74.0 / 75.0 },
  };
  g_autofree char *data = g_strconcat ("\xEF\xBB\xBF", standard_sheet, NULL);
  g_autofree char *utf16 = NULL;
  g_autofree char *with_bom = NULL;
  gsize utf16_length = 0;

  g_assert_true (ts_cue_sheet_looks_like ((const guint8 *) data, strlen (data)));
  assert_markers (data, strlen (data), expected, G_N_ELEMENTS (expected));

  /* Windows Notepad's "Unicode": UTF-16LE with its byte order mark. */
  utf16 = g_convert (standard_sheet, -1, "UTF-16LE", "UTF-8", NULL, &utf16_length, NULL);
  g_assert_nonnull (utf16);
  with_bom = g_malloc (utf16_length + 2);
  with_bom[0] = '\xFF';
  with_bom[1] = '\xFE';
  memcpy (with_bom + 2, utf16, utf16_length);
  g_assert_true (ts_cue_sheet_looks_like ((const guint8 *) with_bom, utf16_length + 2));
  assert_markers (with_bom, utf16_length + 2, expected, G_N_ELEMENTS (expected));
}

/* Old Windows tools write Windows-1252: é is one byte, and so are €
 * and the curly quotes that Latin-1 does not have. */
static void
test_windows_1252 (void)
{
  static const char data[] =
    "TRACK 01 AUDIO\n"
    "  PERFORMER \"Beyonc\xE9\"\n"
    "  TITLE \"\x93Prot\xE9g\xE9\x94 \x80 Mix\"\n"
    "  INDEX 01 00:00:00\n"
    "TRACK 02 AUDIO\n"
    "  TITLE \"Caf\xE9 del Mar\"\n"
    "  INDEX 01 00:01:00\n";
  static const Expected expected[] = {
    { "Beyoncé - “Protégé” € Mix", 0.0 },
    { "Café del Mar", 1.0 },
  };

  g_assert_false (g_utf8_validate (data, -1, NULL));
  assert_markers (data, strlen (data), expected, G_N_ELEMENTS (expected));
}

/* Keywords count only at the start of a line: a title may say TRACK or
 * INDEX, and quoted text may hold quotes and keep its spaces. */
static void
test_keywords_in_text (void)
{
  static const char data[] =
    "FILE \"TRACK 02 AUDIO.wav\" WAVE\n"
    "track 01 audio\n"
    "  title \"Back On TRACK 02 AUDIO\"\n"
    "  PERFORMER \"INDEX 01 00:00:00\"\n"
    "  INDEX 01 00:10:00\n"
    "  TRACK 02 AUDIO\n"
    "    TITLE   \"  spaces   inside  \"  \n"
    "    PERFORMER Unquoted Artist Name\n"
    "    INDEX 01 00:20:00\n"
    "  TRACK 03 AUDIO\n"
    "    TITLE \"12\" Mix\"\n"
    "    PERFORMER \"The \\\"Band\\\"\"\n"
    "    INDEX\t01\t00:30:00\n";
  static const Expected expected[] = {
    { "INDEX 01 00:00:00 - Back On TRACK 02 AUDIO", 10.0 },
    { "Unquoted Artist Name - spaces   inside", 20.0 },
    { "The \"Band\" - 12\" Mix", 30.0 },
  };

  assert_markers (data, strlen (data), expected, G_N_ELEMENTS (expected));
}

/* Markers stay in file order; the tracklist sorts them. */
static void
test_file_order (void)
{
  static const char data[] =
    "TRACK 01 AUDIO\n  TITLE \"Late\"\n  INDEX 01 10:00:00\n"
    "TRACK 02 AUDIO\n  TITLE \"Early\"\n  INDEX 01 00:05:00\n";
  static const Expected expected[] = {
    { "Late", 600.0 },
    { "Early", 5.0 },
  };

  assert_markers (data, strlen (data), expected, G_N_ELEMENTS (expected));
}

static void
test_writer_detection (void)
{
  static const struct { const char *rem; const char *writer; TsCueTimeStyle style; } cases[] = {
    { "REM RECORDED_BY \"rekordbox-dj\"", "rekordbox", TS_CUE_TIME_HMS },
    { "REM COMMENT \"Mixxx 2.4\"", "Mixxx", TS_CUE_TIME_MSF },
    { "REM COMMENT \"Created by Serato DJ Pro\"", "Serato", TS_CUE_TIME_MSF },
    { "REM COMMENT \"ExactAudioCopy v1.8\"", NULL, TS_CUE_TIME_MSF },
    /* Only rekordbox's own recordings use hh:mm:ss. */
    { "REM COMMENT \"exported from rekordbox\"", "rekordbox", TS_CUE_TIME_MSF },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *data = g_strdup_printf ("%s\nTRACK 01 AUDIO\n INDEX 01 01:02:03\n",
                                               cases[i].rem);
      g_autoptr(GError) error = NULL;
      TsCueSheet sheet;

      g_assert_true (read_sheet (&sheet, data, strlen (data), &error));
      g_assert_cmpstr (ts_cue_sheet_get_writer (&sheet), ==, cases[i].writer);
      g_assert_cmpint (sheet.time_style, ==, cases[i].style);
      g_assert_cmpint (get_track (&sheet, 0)->index01, ==,
                       cases[i].style == TS_CUE_TIME_HMS ? 3723 * 75 : 62 * 75 + 3);
      ts_cue_sheet_clear (&sheet);
    }
}

static void
test_looks_like (void)
{
  static const struct { const char *data; gssize length; gboolean is_cue; } cases[] = {
    { "REM DATE 2020\n", -1, TRUE },
    { "\n\n  PERFORMER \"x\"\n", -1, TRUE },
    { "FILE \"a.wav\" WAVE\r\n", -1, TRUE },
    { "TITLE\n", -1, TRUE },
    { "\xEF\xBB\xBFTRACK 01 AUDIO\n", -1, TRUE },
    { "", -1, FALSE },
    { "   \n\t\n", -1, FALSE },
    { "\x1f\x8b\x08\x00", 4, FALSE },
    { "FLhd\x06\x00\x00\x00", 8, FALSE },
    { "<?xml version=\"1.0\"?><Ableton/>", -1, FALSE },
    { "Title: my mix\n", -1, FALSE },
    { "TITLES \"x\"\n", -1, FALSE },
    { "hello world\n", -1, FALSE },
    { "REM\0binary", 10, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length = cases[i].length < 0 ? strlen (cases[i].data) : (gsize) cases[i].length;
      gboolean got = ts_cue_sheet_looks_like ((const guint8 *) cases[i].data, length);

      if (got != cases[i].is_cue)
        g_error ("case %u: looks_like is %d, expected %d", i, got, cases[i].is_cue);
    }
}

static void
assert_read_error (const char *data,
                   gsize       length,
                   GQuark      domain,
                   int         code)
{
  g_autoptr(GError) error = NULL;
  TsCueSheet sheet;

  g_assert_false (read_sheet (&sheet, data, length, &error));
  g_assert_error (error, domain, code);
  g_assert_true (g_str_has_prefix (error->message, "set.cue"));
  g_assert_null (sheet.tracks);
}

static void
test_hostile (void)
{
  static const struct { const char *data; gboolean own; int code; } cases[] = {
    { "", FALSE, TS_PROJECT_ERROR_EMPTY },
    { " \r\n\t\n", FALSE, TS_PROJECT_ERROR_EMPTY },
    { "hello world\nthis is a text file\n", FALSE, TS_PROJECT_ERROR_UNKNOWN_FORMAT },
    { "PERFORMER \"x\"\nTITLE \"y\"\nREM TRACK 01 AUDIO\n", TRUE, TS_CUE_ERROR_NO_TRACKS },
    { "TRACK 01 AUDIO\n INDEX 01 99999999999:00:00\n", FALSE, TS_PROJECT_ERROR_DAMAGED },
    { "TRACK 01 AUDIO\n INDEX 01 999999999:00:00\n", FALSE, TS_PROJECT_ERROR_DAMAGED },
    { "TRACK 01 AUDIO\n INDEX 100 00:00:00\n", FALSE, TS_PROJECT_ERROR_DAMAGED },
    { "TRACK 01 AUDIO\n INDEX 01 00:60:00\n", FALSE, TS_PROJECT_ERROR_DAMAGED },
    { "TRACK 01 AUDIO\n INDEX 01 00:00:75\n", FALSE, TS_PROJECT_ERROR_DAMAGED },
    { "TRACK 01 AUDIO\n INDEX 01 -1:00:00\n", FALSE, TS_PROJECT_ERROR_DAMAGED },
    { "TRACK 01 AUDIO\n INDEX 01 00:00\n", FALSE, TS_PROJECT_ERROR_DAMAGED },
    { "TRACK 01 AUDIO\n INDEX 01 00:00:00:00\n", FALSE, TS_PROJECT_ERROR_DAMAGED },
    { "TRACK 01 AUDIO\n INDEX 01\n", FALSE, TS_PROJECT_ERROR_DAMAGED },
    { "REM RECORDED_BY \"rekordbox-dj\"\nTRACK 01 AUDIO\n INDEX 01 00:00:60\n", FALSE, TS_PROJECT_ERROR_DAMAGED },
    { "TRACK 99999999999 AUDIO\n INDEX 01 00:00:00\n", FALSE, TS_PROJECT_ERROR_DAMAGED },
    { "TRACK AUDIO\n INDEX 01 00:00:00\n", FALSE, TS_PROJECT_ERROR_DAMAGED },
    { "INDEX 01 00:00:00\nTRACK 01 AUDIO\n", FALSE, TS_PROJECT_ERROR_DAMAGED },
    { "TRACK 01 AUDIO\n TITLE \"x\"\nTRACK 02 AUDIO\n INDEX 01 00:00:00\n", FALSE, TS_PROJECT_ERROR_DAMAGED },
    { "TRACK 01 AUDIO\n INDEX 01 00:00:00\n INDEX 01 00:01:00\n", FALSE, TS_PROJECT_ERROR_DAMAGED },
    { "TRACK 01 AUDIO\n TITLE \"unterminated\n INDEX 01 00:00:00\n", FALSE, TS_PROJECT_ERROR_DAMAGED },
    { "FILE \"unterminated WAVE\nTRACK 01 AUDIO\n INDEX 01 00:00:00\n", FALSE, TS_PROJECT_ERROR_DAMAGED },
    { "TRACK 01 AUDIO\n INDEX 01 00:00:00\nTRACK 02 AUDIO\n", FALSE, TS_PROJECT_ERROR_DAMAGED },
    { "\xFF\xFE" "T", FALSE, TS_PROJECT_ERROR_DAMAGED },
  };
  static const guint8 binary[] = { 0x1f, 0x8b, 0x08, 0x00, 'T', 'R', 'A', 'C', 'K', 0x00, 0xff, 0x10 };
  g_autofree char *huge_junk = NULL;
  g_autofree char *too_large = NULL;
  gsize huge = 4 * 1024 * 1024;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_read_error (cases[i].data, strlen (cases[i].data),
                       cases[i].own ? TS_CUE_ERROR : TS_PROJECT_ERROR, cases[i].code);

  assert_read_error ((const char *) binary, sizeof binary, TS_PROJECT_ERROR, TS_PROJECT_ERROR_UNKNOWN_FORMAT);

  /* One enormous line without a single keyword. */
  huge_junk = g_malloc (huge + 1);
  memset (huge_junk, 'x', huge);
  huge_junk[huge] = '\0';
  assert_read_error (huge_junk, huge, TS_PROJECT_ERROR, TS_PROJECT_ERROR_UNKNOWN_FORMAT);

  /* A garbled TRACK line megabytes long: the message quotes its start. */
  memcpy (huge_junk, "TRACK ", 6);
  {
    g_autoptr(GError) error = NULL;
    TsCueSheet sheet;

    g_assert_false (read_sheet (&sheet, huge_junk, huge, &error));
    g_assert_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED);
    g_assert_cmpstr (error->message, ==,
                     "set.cue, line 1: TRACK needs a track number, not "
                     "“xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…”");
  }

  too_large = g_malloc0 (TS_CUE_MAX_SIZE + 1);
  memset (too_large, ' ', TS_CUE_MAX_SIZE + 1);
  assert_read_error (too_large, TS_CUE_MAX_SIZE + 1, TS_PROJECT_ERROR, TS_PROJECT_ERROR_TOO_LARGE);
}

/* A sheet whose download stopped inside its last track, as a rekordbox
 * recording in the wild does: the complete tracks stay, the cut one is
 * dropped and named in a warning, never placed at 0:00. */
static const char cut_off_sheet[] =
  "REM RECORDED_BY \"rekordbox-dj\"\r\n"
  "TITLE \"Sunday\"\r\n"
  "FILE \"REC.wav\" WAVE\r\n"
  "\tTRACK 01 AUDIO\r\n"
  "\t\tTITLE \"Villa\"\r\n"
  "\t\tPERFORMER \"El Michels Affair\"\r\n"
  "\t\tINDEX 01 00:00:00\r\n"
  "\tTRACK 02 AUDIO\r\n"
  "\t\tTITLE \"Anahata\"\r\n"
  "\t\tPERFORMER \"Sound Ambassador\"\r\n"
  "\t\tINDEX 01 00:00:39\r\n"
  "\tTRACK 03 AUDIO\r\n"
  "\t\tTITLE \"Heart to Heart\"\r\n"
  "\t\tPERFORMER \"Txai Fernando\"\r\n"
  "\t\tFILE \"Heart to Heart.mp3\" WAVE";

static void
assert_cut_off (const char *data,
                gsize       length,
                const char *warning)
{
  static const Expected expected[] = {
    { "El Michels Affair - Villa", 0.0 },
    { "Sound Ambassador - Anahata", 39.0 },
  };
  g_autoptr(GError) error = NULL;
  TsCueSheet sheet;
  g_auto(TsProjectFacts) facts = TS_PROJECT_FACTS_INIT;

  assert_markers (data, length, expected, G_N_ELEMENTS (expected));

  g_assert_true (read_sheet (&sheet, data, length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (sheet.tracks->len, ==, 2);
  g_assert_nonnull (sheet.warnings);
  g_assert_cmpuint (g_strv_length (sheet.warnings), ==, 1);
  g_assert_cmpstr (sheet.warnings[0], ==, warning);

  /* What the tracklist, the JSON and the app show. */
  ts_cue_sheet_derive (&sheet, 0, &facts);
  g_assert_cmpuint (g_strv_length (facts.warnings), ==, 1);
  g_assert_cmpstr (facts.warnings[0], ==, warning);
  ts_cue_sheet_clear (&sheet);
}

static void
test_cut_off (void)
{
  gsize length = strlen (cut_off_sheet);
  g_autoptr(GError) error = NULL;
  TsCueSheet sheet;

  assert_cut_off (cut_off_sheet, length,
                  "set.cue, line 12: the file ends inside track 3 “Txai Fernando - Heart to Heart”, "
                  "before its INDEX 01; that track is left out, the ones before it are complete");

  /* Cut inside a quoted title: the line that cannot be read is the one
   * the file stops in, so the track is cut off, not the sheet damaged. */
  assert_cut_off (cut_off_sheet, strstr (cut_off_sheet, "Heart to") - cut_off_sheet + strlen ("Heart to"),
                  "set.cue, line 12: the file ends inside track 3 “Unknown”, "
                  "before its INDEX 01; that track is left out, the ones before it are complete");

  /* Cut inside INDEX 01's time. */
  {
    g_autofree char *cut = g_strconcat (cut_off_sheet, "\r\n\t\tINDEX 01 00:0", NULL);

    assert_cut_off (cut, strlen (cut),
                    "set.cue, line 12: the file ends inside track 3 “Txai Fernando - Heart to Heart”, "
                    "before its INDEX 01; that track is left out, the ones before it are complete");
  }

  /* The same sheet with its last line ended is whole, and a track without
   * INDEX 01 in a whole sheet is damage: nothing tells it was cut. */
  {
    g_autofree char *ended = g_strconcat (cut_off_sheet, "\r\n", NULL);

    g_assert_false (read_sheet (&sheet, ended, strlen (ended), &error));
    g_assert_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED);
    g_clear_error (&error);
  }

  /* A damaged line before the last one is damage, cut off or not. */
  {
    g_autofree char *damaged = g_strconcat ("TRACK 01 AUDIO\n INDEX 01 00:00:00\n"
                                            "TRACK 02 AUDIO\n TITLE \"open\n INDEX 01 00:01:00", NULL);

    g_assert_false (read_sheet (&sheet, damaged, strlen (damaged), &error));
    g_assert_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED);
    g_clear_error (&error);
  }

  /* Cut inside its only track, a sheet has nothing complete to list. */
  g_assert_false (read_sheet (&sheet, "TRACK 01 AUDIO\n TITLE \"x\"", 24, &error));
  g_assert_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED);
  g_clear_error (&error);

  /* A whole sheet reads without warnings. */
  g_assert_true (read_sheet (&sheet, standard_sheet, strlen (standard_sheet), &error));
  g_assert_no_error (error);
  g_assert_null (sheet.warnings);
  ts_cue_sheet_clear (&sheet);
}

/* A title line megabytes long is still a title. */
static void
test_huge_title (void)
{
  gsize n = 2 * 1024 * 1024;
  g_autofree char *title = g_malloc (n + 1);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) markers = NULL;
  TsCueSheet sheet;

  memset (title, 'a', n);
  title[n] = '\0';
  data = g_strdup_printf ("TRACK 01 AUDIO\n TITLE \"%s\"\n INDEX 01 00:01:00\n", title);

  g_assert_true (read_sheet (&sheet, data, strlen (data), &error));
  g_assert_no_error (error);
  markers = ts_cue_sheet_collect_markers (&sheet);
  g_assert_cmpuint (markers->len, ==, 1);
  g_assert_cmpstr (g_array_index (markers, TsMarker, 0).title, ==, title);
  ts_cue_sheet_clear (&sheet);
}

/* Cut and flipped versions of a valid sheet: each reads or fails with a
 * GError, and a sheet that reads has only tracks with a start. */
static void
test_mutations (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (4);
  gsize length = strlen (standard_sheet);

  for (gsize cut = 0; cut <= length; cut++)
    {
      g_autoptr(GError) error = NULL;
      TsCueSheet sheet;

      if (read_sheet (&sheet, standard_sheet, cut, &error))
        {
          for (guint i = 0; i < sheet.tracks->len; i++)
            g_assert_cmpint (get_track (&sheet, i)->index01, >=, 0);
          ts_cue_sheet_clear (&sheet);
        }
      else
        g_assert_true (error->domain == TS_PROJECT_ERROR || error->domain == TS_CUE_ERROR);
    }

  for (guint round = 0; round < 2000; round++)
    {
      g_autofree char *data = g_strdup (standard_sheet);
      g_autoptr(GError) error = NULL;
      TsCueSheet sheet;

      for (guint flips = g_rand_int_range (rand, 1, 8); flips > 0; flips--)
        data[g_rand_int_range (rand, 0, (gint32) length)] = (char) g_rand_int_range (rand, 0, 256);

      if (read_sheet (&sheet, data, length, &error))
        ts_cue_sheet_clear (&sheet);
      else
        g_assert_true (error->domain == TS_PROJECT_ERROR || error->domain == TS_CUE_ERROR);
    }
}

static char *
corpus_path (const char *name)
{
  const char *shared = g_getenv ("TS_SHARED_DIR");

  if (shared == NULL)
    return NULL;
  return g_build_filename (shared, "corpus", "dawtool", "cue", name, NULL);
}

static GArray *
read_markers (const char *data,
              gsize       length,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  GArray *markers;
  TsCueSheet sheet;

  if (!ts_cue_sheet_read (&sheet, (const guint8 *) data, length, name, &error))
    g_error ("%s", error->message);
  markers = ts_cue_sheet_collect_markers (&sheet);
  ts_cue_sheet_clear (&sheet);
  return markers;
}

/* The reference's *.emit.cue are normalised re-emissions of two corpus
 * sheets; ours, read back, must give the same tracks as theirs. */
static void
test_corpus_emit (void)
{
  static const char *const names[] = { "Placebo", "comfort_mini" };

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autofree char *input_name = g_strconcat (names[n], ".cue", NULL);
      g_autofree char *emit_name = g_strconcat (names[n], ".emit.cue", NULL);
      g_autofree char *input_path = corpus_path (input_name);
      g_autofree char *emit_path = corpus_path (emit_name);
      g_autofree char *input = NULL;
      g_autofree char *emit = NULL;
      g_autofree char *ours = NULL;
      gsize input_length = 0;
      gsize emit_length = 0;
      g_autoptr(GArray) markers = NULL;
      g_autoptr(GArray) expected = NULL;
      g_autoptr(GArray) read_back = NULL;
      g_autoptr(TsTracklist) tracklist = ts_tracklist_new (TS_FORMAT_CUE);

      if (input_path == NULL ||
          !g_file_get_contents (input_path, &input, &input_length, NULL) ||
          !g_file_get_contents (emit_path, &emit, &emit_length, NULL))
        {
          g_test_skip ("the shared corpus is not available (TS_SHARED_DIR)");
          return;
        }

      markers = read_markers (input, input_length, input_name);
      for (guint i = 0; i < markers->len; i++)
        {
          const TsMarker *marker = &g_array_index (markers, TsMarker, i);

          ts_tracklist_add (tracklist, marker->seconds, marker->beat, marker->title);
        }
      ts_tracklist_sort (tracklist);
      tracklist->file = g_strdup (input_name);

      ours = ts_export (tracklist, TS_EXPORT_CUE, NULL);
      read_back = read_markers (ours, strlen (ours), "ours.cue");
      expected = read_markers (emit, emit_length, emit_name);

      g_assert_cmpuint (read_back->len, ==, expected->len);
      for (guint i = 0; i < expected->len; i++)
        {
          const TsMarker *a = &g_array_index (read_back, TsMarker, i);
          const TsMarker *b = &g_array_index (expected, TsMarker, i);

          g_assert_cmpstr (a->title, ==, b->title);
          g_assert_cmpfloat (a->seconds, ==, b->seconds);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cue-sheet/standard", test_standard);
  g_test_add_func ("/cue-sheet/rekordbox", test_rekordbox);
  g_test_add_func ("/cue-sheet/mixxx-style", test_mixxx_style);
  g_test_add_func ("/cue-sheet/title-from-file", test_title_from_file);
  g_test_add_func ("/cue-sheet/pregap", test_pregap);
  g_test_add_func ("/cue-sheet/several-files", test_several_files);
  g_test_add_func ("/cue-sheet/line-ends", test_line_ends);
  g_test_add_func ("/cue-sheet/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/cue-sheet/windows-1252", test_windows_1252);
  g_test_add_func ("/cue-sheet/keywords-in-text", test_keywords_in_text);
  g_test_add_func ("/cue-sheet/file-order", test_file_order);
  g_test_add_func ("/cue-sheet/writer-detection", test_writer_detection);
  g_test_add_func ("/cue-sheet/looks-like", test_looks_like);
  g_test_add_func ("/cue-sheet/hostile", test_hostile);
  g_test_add_func ("/cue-sheet/control-characters", test_control_characters);
  g_test_add_func ("/cue-sheet/cut-off", test_cut_off);
  g_test_add_func ("/cue-sheet/huge-title", test_huge_title);
  g_test_add_func ("/cue-sheet/mutations", test_mutations);
  g_test_add_func ("/cue-sheet/corpus-emit", test_corpus_emit);

  return g_test_run ();
}
