/* test-export.c - every export format, byte for byte, and read by the real
 * programs that consume them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <math.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "ts-cue-sheet.h"
#include "ts-export.h"
#include "ts-json-writer.h"
#include "ts-marker.h"
#include "ts-template.h"
#include "ts-test-files.h"

/* Names that break naive writers: quotes and commas (CSV, cue), a line
 * break (every line format), "-->", "&" and "<" (WebVTT), CJK and emoji. */
static TsTracklist *
make_tracklist (void)
{
  TsTracklist *tracklist = ts_tracklist_new (TS_FORMAT_ABLETON);

  tracklist->file = g_strdup ("Night Mix.als");
  tracklist->daw_version = g_strdup ("Ableton Live 11.3.4");
  tracklist->bpm = 120.0;
  tracklist->end_seconds = 4000.0;

  ts_tracklist_add (tracklist, 0.0, 0.0, "Bicep - Glue");
  ts_tracklist_add (tracklist, 65.5, 131.0, "Ann \"Q\" Smith - 12\" Mix, Part 1");
  ts_tracklist_add (tracklist, 130.25, 260.5, "Line\nBreak - Title");
  ts_tracklist_add (tracklist, 3600.0 + 1.0 / 75.0, 2.0 * (3600.0 + 1.0 / 75.0), "A --> B & <C>");
  ts_tracklist_add (tracklist, 3725.5, 7451.0, "坂本龍一 - 戦場のメリークリスマス 🎹");
  ts_tracklist_sort (tracklist);

  return tracklist;
}

static void
assert_export (const TsTracklist     *tracklist,
               TsExportFormat         format,
               const TsExportOptions *options,
               const char            *expected)
{
  g_autofree char *got = ts_export (tracklist, format, options);

  g_assert_cmpstr (got, ==, expected);
}

static void
test_format_names (void)
{
  static const struct { TsExportFormat format; const char *name; const char *extension; } formats[] = {
    { TS_EXPORT_TEXT, "text", "txt" },
    { TS_EXPORT_YOUTUBE, "youtube", "txt" },
    { TS_EXPORT_CUE, "cue", "cue" },
    { TS_EXPORT_CSV, "csv", "csv" },
    { TS_EXPORT_JSON, "json", "json" },
    { TS_EXPORT_FFMETADATA, "ffmetadata", "ffmetadata" },
    { TS_EXPORT_PODCAST, "podcast", "json" },
    { TS_EXPORT_WEBVTT, "webvtt", "vtt" },
    { TS_EXPORT_AUDACITY, "audacity", "txt" },
  };
  TsExportFormat parsed = TS_EXPORT_TEXT;

  g_assert_cmpint (G_N_ELEMENTS (formats), ==, TS_EXPORT_N_FORMATS);
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_assert_cmpstr (ts_export_format_to_string (formats[i].format), ==, formats[i].name);
      g_assert_cmpstr (ts_export_format_get_extension (formats[i].format), ==, formats[i].extension);
      g_assert_true (ts_export_format_from_string (formats[i].name, &parsed));
      g_assert_cmpint (parsed, ==, formats[i].format);
    }

  g_assert_true (ts_export_format_from_string ("WebVTT", &parsed));
  g_assert_cmpint (parsed, ==, TS_EXPORT_WEBVTT);
  g_assert_false (ts_export_format_from_string ("mp3", &parsed));
  g_assert_false (ts_export_format_from_string ("", &parsed));
  g_assert_false (ts_export_format_from_string (NULL, &parsed));
}

static void
test_text (void)
{
  g_autoptr(TsTracklist) tracklist = make_tracklist ();
  TsExportOptions options = { NULL, TS_TIME_FORMAT_INIT };

  g_assert_cmpstr (ts_template_presets[0].template_, ==, "{time} {title}");
  assert_export (tracklist, TS_EXPORT_TEXT, NULL,
                 "0:00 Bicep - Glue\n"
                 "1:05 Ann \"Q\" Smith - 12\" Mix, Part 1\n"
                 "2:10 Line Break - Title\n"
                 "1:00:00 A --> B & <C>\n"
                 "1:02:05 坂本龍一 - 戦場のメリークリスマス 🎹\n");

  options.template_ = ts_template_presets[2].template_;
  assert_export (tracklist, TS_EXPORT_TEXT, &options,
                 "1. Bicep - Glue [0:00]\n"
                 "2. Ann \"Q\" Smith - 12\" Mix, Part 1 [1:05]\n"
                 "3. Line Break - Title [2:10]\n"
                 "4. A --> B & <C> [1:00:00]\n"
                 "5. 坂本龍一 - 戦場のメリークリスマス 🎹 [1:02:05]\n");

  options.template_ = ts_template_presets[3].template_;
  assert_export (tracklist, TS_EXPORT_TEXT, &options,
                 "[0:00] Bicep - Glue\n"
                 "[1:05] Ann \"Q\" Smith - 12\" Mix, Part 1\n"
                 "[2:10] Line Break - Title\n"
                 "[1:00:00]  - A --> B & <C>\n"
                 "[1:02:05] 坂本龍一 - 戦場のメリークリスマス 🎹\n");
  g_assert_null (ts_template_presets[4].template_);

  options.template_ = "{index}\t{beat}\t{bar}\t{track}";
  assert_export (tracklist, TS_EXPORT_TEXT, &options,
                 "1\t0\t1\tGlue\n"
                 "2\t131\t33\t12\" Mix, Part 1\n"
                 "3\t260.5\t66\tTitle\n"
                 "4\t7200.027\t1801\tA --> B & <C>\n"
                 "5\t7451\t1863\t戦場のメリークリスマス 🎹\n");
}

static void
test_youtube (void)
{
  g_autoptr(TsTracklist) tracklist = make_tracklist ();
  TsExportOptions options = { "{title} ignored", { TS_HOURS_ALWAYS, TRUE, TS_ROUND_DOWN } };

  assert_export (tracklist, TS_EXPORT_YOUTUBE, NULL,
                 "0:00 Bicep - Glue\n"
                 "1:05 Ann \"Q\" Smith - 12\" Mix, Part 1\n"
                 "2:10 Line Break - Title\n"
                 "1:00:00 A --> B & <C>\n"
                 "1:02:05 坂本龍一 - 戦場のメリークリスマス 🎹\n");

  /* The time format applies; the template does not. */
  assert_export (tracklist, TS_EXPORT_YOUTUBE, &options,
                 "0:00:00.000 Bicep - Glue\n"
                 "0:01:05.500 Ann \"Q\" Smith - 12\" Mix, Part 1\n"
                 "0:02:10.250 Line Break - Title\n"
                 "1:00:00.013 A --> B & <C>\n"
                 "1:02:05.500 坂本龍一 - 戦場のメリークリスマス 🎹\n");
}

static void
test_cue (void)
{
  g_autoptr(TsTracklist) tracklist = make_tracklist ();

  assert_export (tracklist, TS_EXPORT_CUE, NULL,
                 "REM COMMENT \"Timestamps\"\n"
                 "TITLE \"Night Mix\"\n"
                 "FILE \"Night Mix.wav\" WAVE\n"
                 "  TRACK 01 AUDIO\n"
                 "    PERFORMER \"Bicep\"\n"
                 "    TITLE \"Glue\"\n"
                 "    INDEX 01 00:00:00\n"
                 "  TRACK 02 AUDIO\n"
                 "    PERFORMER \"Ann \\\"Q\\\" Smith\"\n"
                 "    TITLE \"12\\\" Mix, Part 1\"\n"
                 "    INDEX 01 01:05:37\n"
                 "  TRACK 03 AUDIO\n"
                 "    PERFORMER \"Line Break\"\n"
                 "    TITLE \"Title\"\n"
                 "    INDEX 01 02:10:18\n"
                 "  TRACK 04 AUDIO\n"
                 "    TITLE \"A --> B & <C>\"\n"
                 "    INDEX 01 60:00:01\n"
                 "  TRACK 05 AUDIO\n"
                 "    PERFORMER \"坂本龍一\"\n"
                 "    TITLE \"戦場のメリークリスマス 🎹\"\n"
                 "    INDEX 01 62:05:37\n");
}

/* A first track after 0:00 gets an INDEX 00 at the start of the file;
 * names that do not split cleanly stay whole in TITLE. */
static void
test_cue_edges (void)
{
  g_autoptr(TsTracklist) tracklist = ts_tracklist_new (TS_FORMAT_CUE);

  ts_tracklist_add (tracklist, 12.0, NAN, "- Leading dash");
  ts_tracklist_add (tracklist, 20.0, NAN, "Trailing dash -");
  ts_tracklist_add (tracklist, 30.0, NAN, "Two  -  spaces");
  /* 4.999999999 s of tempo arithmetic is frame 375, not 374. */
  ts_tracklist_add (tracklist, 40.0 - 1e-9, NAN, "Almost forty");
  ts_tracklist_sort (tracklist);

  assert_export (tracklist, TS_EXPORT_CUE, NULL,
                 "REM COMMENT \"Timestamps\"\n"
                 "FILE \"mix.wav\" WAVE\n"
                 "  TRACK 01 AUDIO\n"
                 "    TITLE \"- Leading dash\"\n"
                 "    INDEX 00 00:00:00\n"
                 "    INDEX 01 00:12:00\n"
                 "  TRACK 02 AUDIO\n"
                 "    TITLE \"Trailing dash -\"\n"
                 "    INDEX 01 00:20:00\n"
                 "  TRACK 03 AUDIO\n"
                 "    TITLE \"Two  -  spaces\"\n"
                 "    INDEX 01 00:30:00\n"
                 "  TRACK 04 AUDIO\n"
                 "    TITLE \"Almost forty\"\n"
                 "    INDEX 01 00:40:00\n");
}

static GArray *
read_cue (const char *text)
{
  g_autoptr(GError) error = NULL;
  GArray *markers;
  TsCueSheet sheet;

  if (!ts_cue_sheet_read (&sheet, (const guint8 *) text, strlen (text), "export.cue", &error))
    g_error ("%s", error->message);
  markers = ts_cue_sheet_collect_markers (&sheet);
  ts_cue_sheet_clear (&sheet);
  return markers;
}

/* Our reader reads our writer's output back to the same tracks: the same
 * texts (line breaks become spaces) and each start within one frame,
 * never later. */
static void
test_cue_round_trip (void)
{
  g_autoptr(TsTracklist) tracklist = make_tracklist ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (75);
  g_autofree char *cue = NULL;
  g_autoptr(GArray) markers = NULL;

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *title = g_strdup_printf ("Artist %u - Title \"%u\", \\ part", i, i);

      ts_tracklist_add (tracklist, g_rand_double_range (rand, 0.0, 20000.0), NAN, title);
    }
  ts_tracklist_add (tracklist, 7.0 / 75.0, NAN, "Exactly seven frames");
  ts_tracklist_sort (tracklist);

  cue = ts_export (tracklist, TS_EXPORT_CUE, NULL);
  markers = read_cue (cue);

  g_assert_cmpuint (markers->len, ==, ts_tracklist_get_n_tracks (tracklist));
  for (guint i = 0; i < markers->len; i++)
    {
      const TsMarker *marker = &g_array_index (markers, TsMarker, i);
      const TsTrack *track = ts_tracklist_get_track (tracklist, i);
      g_autofree char *expected = g_strdup (track->title);

      g_strdelimit (expected, "\n", ' ');
      g_assert_cmpstr (marker->title, ==, expected);
      g_assert_cmpfloat (marker->seconds, <=, track->seconds + 1e-9);
      g_assert_cmpfloat (track->seconds - marker->seconds, <, 1.0 / 75.0);
      if (strcmp (track->title, "Exactly seven frames") == 0)
        g_assert_cmpfloat (marker->seconds, ==, 7.0 / 75.0);
    }
}

static void
test_csv (void)
{
  g_autoptr(TsTracklist) tracklist = make_tracklist ();

  assert_export (tracklist, TS_EXPORT_CSV, NULL,
                 "index,time,seconds,beat,title,artist,track\r\n"
                 "1,0:00,0.000,0.000000,Bicep - Glue,Bicep,Glue\r\n"
                 "2,1:05,65.500,131.000000,\"Ann \"\"Q\"\" Smith - 12\"\" Mix, Part 1\",\"Ann \"\"Q\"\" Smith\",\"12\"\" Mix, Part 1\"\r\n"
                 "3,2:10,130.250,260.500000,\"Line\nBreak - Title\",\"Line\nBreak\",Title\r\n"
                 "4,1:00:00,3600.013,7200.026667,A --> B & <C>,,A --> B & <C>\r\n"
                 "5,1:02:05,3725.500,7451.000000,坂本龍一 - 戦場のメリークリスマス 🎹,坂本龍一,戦場のメリークリスマス 🎹\r\n");
}

/* Titles a spreadsheet would run as formulas are written as text. */
static void
test_csv_formulas (void)
{
  g_autoptr(TsTracklist) tracklist = ts_tracklist_new (TS_FORMAT_CUE);

  ts_tracklist_add (tracklist, 0.0, NAN, "=HYPERLINK(\"http://x\",\"y\")");
  ts_tracklist_add (tracklist, 1.0, NAN, "+1 - @SUM(A1)");
  ts_tracklist_add (tracklist, 2.0, NAN, "-2+3");
  ts_tracklist_add (tracklist, 3.0, NAN, "\tTab");
  ts_tracklist_add (tracklist, 4.0, NAN, "\rCR");
  ts_tracklist_add (tracklist, 5.0, NAN, "Fine = ok");
  assert_export (tracklist, TS_EXPORT_CSV, NULL,
                 "index,time,seconds,beat,title,artist,track\r\n"
                 "1,0:00,0.000,,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"\r\n"
                 "2,0:01,1.000,,'+1 - @SUM(A1),'+1,'@SUM(A1)\r\n"
                 "3,0:02,2.000,,'-2+3,,'-2+3\r\n"
                 "4,0:03,3.000,,'\tTab,,'\tTab\r\n"
                 "5,0:04,4.000,,\"'\rCR\",,\"'\rCR\"\r\n"
                 "6,0:05,5.000,,Fine = ok,,Fine = ok\r\n");
}

/* Exactly the object timestamps-cli prints, one line. */
static void
test_json (void)
{
  g_autoptr(TsTracklist) tracklist = make_tracklist ();
  g_autofree char *json = ts_tracklist_to_json (tracklist);
  g_autofree char *expected = g_strconcat (json, "\n", NULL);
  g_autofree char *got = ts_export (tracklist, TS_EXPORT_JSON, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *markers;

  g_assert_cmpstr (got, ==, expected);
  g_assert_null (strchr (json, '\n'));

  g_assert_true (json_parser_load_from_data (parser, got, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "file"), ==, "Night Mix.als");
  markers = json_object_get_array_member (root, "markers");
  g_assert_cmpuint (json_array_get_length (markers), ==, 5);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (markers, 2), "title"),
                   ==, "Line\nBreak - Title");
  g_assert_cmpfloat (json_object_get_double_member (json_array_get_object_element (markers, 3), "time"),
                     ==, 3600.0 + 1.0 / 75.0);
}

static void
test_ffmetadata (void)
{
  g_autoptr(TsTracklist) tracklist = make_tracklist ();
  g_autoptr(TsTracklist) special = ts_tracklist_new (TS_FORMAT_ABLETON);

  assert_export (tracklist, TS_EXPORT_FFMETADATA, NULL,
                 ";FFMETADATA1\n"
                 "\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=65500\n"
                 "title=Bicep - Glue\n"
                 "\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=65500\nEND=130250\n"
                 "title=Ann \"Q\" Smith - 12\" Mix, Part 1\n"
                 "\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=130250\nEND=3600013\n"
                 "title=Line\\\nBreak - Title\n"
                 "\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=3600013\nEND=3725500\n"
                 "title=A --> B & <C>\n"
                 "\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=3725500\nEND=4000000\n"
                 "title=坂本龍一 - 戦場のメリークリスマス 🎹\n");

  /* Without a project end (cue sheets) the last chapter is open-ended:
   * a day long, which ffmpeg clips at the end of the media. */
  ts_tracklist_add (special, 1.0, NAN, "a=b;c#d\\e");
  ts_tracklist_add (special, 2.0, NAN, "CR\r\nLF\rend");
  assert_export (special, TS_EXPORT_FFMETADATA, NULL,
                 ";FFMETADATA1\n"
                 "\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=1000\nEND=2000\n"
                 "title=a\\=b\\;c\\#d\\\\e\n"
                 "\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=2000\nEND=86402000\n"
                 "title=CR\\\nLF\\\nend\n");
}

static void
test_podcast (void)
{
  g_autoptr(TsTracklist) tracklist = make_tracklist ();
  g_autoptr(TsTracklist) empty = ts_tracklist_new (TS_FORMAT_ABLETON);

  assert_export (tracklist, TS_EXPORT_PODCAST, NULL,
                 "{\n"
                 "  \"version\": \"1.2.0\",\n"
                 "  \"chapters\": [\n"
                 "    {\n"
                 "      \"startTime\": 0,\n"
                 "      \"title\": \"Bicep - Glue\"\n"
                 "    },\n"
                 "    {\n"
                 "      \"startTime\": 65.5,\n"
                 "      \"title\": \"Ann \\\"Q\\\" Smith - 12\\\" Mix, Part 1\"\n"
                 "    },\n"
                 "    {\n"
                 "      \"startTime\": 130.25,\n"
                 "      \"title\": \"Line\\nBreak - Title\"\n"
                 "    },\n"
                 "    {\n"
                 "      \"startTime\": 3600.013,\n"
                 "      \"title\": \"A --> B & <C>\"\n"
                 "    },\n"
                 "    {\n"
                 "      \"startTime\": 3725.5,\n"
                 "      \"title\": \"坂本龍一 - 戦場のメリークリスマス 🎹\"\n"
                 "    }\n"
                 "  ]\n"
                 "}\n");

  assert_export (empty, TS_EXPORT_PODCAST, NULL,
                 "{\n  \"version\": \"1.2.0\",\n  \"chapters\": []\n}\n");
}

static void
test_webvtt (void)
{
  g_autoptr(TsTracklist) tracklist = make_tracklist ();
  g_autoptr(TsTracklist) open_end = ts_tracklist_new (TS_FORMAT_CUE);

  assert_export (tracklist, TS_EXPORT_WEBVTT, NULL,
                 "WEBVTT\n"
                 "\n1\n00:00:00.000 --> 00:01:05.500\nBicep - Glue\n"
                 "\n2\n00:01:05.500 --> 00:02:10.250\nAnn \"Q\" Smith - 12\" Mix, Part 1\n"
                 "\n3\n00:02:10.250 --> 01:00:00.013\nLine Break - Title\n"
                 "\n4\n01:00:00.013 --> 01:02:05.500\nA --&gt; B &amp; &lt;C&gt;\n"
                 "\n5\n01:02:05.500 --> 01:06:40.000\n坂本龍一 - 戦場のメリークリスマス 🎹\n");

  ts_tracklist_add (open_end, 100.0, NAN, "Last");
  assert_export (open_end, TS_EXPORT_WEBVTT, NULL,
                 "WEBVTT\n\n1\n00:01:40.000 --> 24:01:40.000\nLast\n");
}

static void
test_audacity (void)
{
  g_autoptr(TsTracklist) tracklist = make_tracklist ();

  assert_export (tracklist, TS_EXPORT_AUDACITY, NULL,
                 "0.000000\t0.000000\tBicep - Glue\n"
                 "65.500000\t65.500000\tAnn \"Q\" Smith - 12\" Mix, Part 1\n"
                 "130.250000\t130.250000\tLine Break - Title\n"
                 "3600.013333\t3600.013333\tA --> B & <C>\n"
                 "3725.500000\t3725.500000\t坂本龍一 - 戦場のメリークリスマス 🎹\n");
}

static void
test_empty (void)
{
  g_autoptr(TsTracklist) empty = ts_tracklist_new (TS_FORMAT_ABLETON);

  assert_export (empty, TS_EXPORT_TEXT, NULL, "");
  assert_export (empty, TS_EXPORT_YOUTUBE, NULL, "");
  assert_export (empty, TS_EXPORT_CUE, NULL, "REM COMMENT \"Timestamps\"\nFILE \"mix.wav\" WAVE\n");
  assert_export (empty, TS_EXPORT_CSV, NULL, "index,time,seconds,beat,title,artist,track\r\n");
  assert_export (empty, TS_EXPORT_FFMETADATA, NULL, ";FFMETADATA1\n");
  assert_export (empty, TS_EXPORT_WEBVTT, NULL, "WEBVTT\n");
  assert_export (empty, TS_EXPORT_AUDACITY, NULL, "");
}

/* Runs a program to the end; returns FALSE (and skips the test) when it
 * is not installed. */
static gboolean
run_tool (const char *const *argv,
          char              **stdout_text,
          int                *exit_status)
{
  g_autofree char *path = g_find_program_in_path (argv[0]);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) out = NULL;
  gsize length = 0;
  const char *data;

  if (path == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed", argv[0]);

      g_test_skip (message);
      return FALSE;
    }

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate (process, NULL, NULL, &out, NULL, &error));
  g_assert_no_error (error);

  data = g_bytes_get_data (out, &length);
  *stdout_text = g_strndup (data != NULL ? data : "", length);
  *exit_status = g_subprocess_get_if_exited (process) ? g_subprocess_get_exit_status (process) : -1;
  return TRUE;
}

static char *
write_temp (const char *dir,
            const char *name,
            const char *contents)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

/* ffmpeg writes our chapters into a short file it generates itself, and
 * ffprobe reads back the same times and titles. */
static void
test_ffmpeg_reads_ffmetadata (void)
{
  g_autoptr(TsTracklist) tracklist = ts_tracklist_new (TS_FORMAT_CUE);
  g_autofree char *dir = g_dir_make_tmp ("ts-export-XXXXXX", NULL);
  g_autofree char *metadata = NULL;
  g_autofree char *metadata_path = NULL;
  g_autofree char *media_path = NULL;
  g_autofree char *out = NULL;
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *chapters;
  int status = -1;
  static const struct { double start; const char *title; const char *start_time; const char *end_time; } expected[] = {
    { 0.0, "Bicep - Glue", "0.000000", "1.500000" },
    { 1.5, "a=b;c#d\\e & <C> --> \"Q\", 12\"", "1.500000", "2.250000" },
    { 2.25, "Line\nBreak", "2.250000", "3.013000" },
    { 3.0 + 1.0 / 75.0, ";坂本龍一 🎹 [CHAPTER] END=1 \\;", "3.013000", "4.000000" },
  };

  g_assert_nonnull (dir);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    ts_tracklist_add (tracklist, expected[i].start, NAN, expected[i].title);
  tracklist->end_seconds = 4.0;

  metadata = ts_export (tracklist, TS_EXPORT_FFMETADATA, NULL);
  metadata_path = write_temp (dir, "chapters.ffmetadata", metadata);
  media_path = g_build_filename (dir, "mix.mka", NULL);

  {
    /* -t before each -i and on the output: lavfi sources never end. */
    const char *const argv[] = {
      "ffmpeg", "-nostdin", "-v", "error", "-y",
      "-f", "lavfi", "-t", "5", "-i", "anullsrc=r=8000:cl=mono",
      "-i", metadata_path,
      "-map", "0", "-map_metadata", "1", "-map_chapters", "1",
      "-t", "5", "-c:a", "pcm_s16le", media_path, NULL
    };

    if (!run_tool (argv, &out, &status))
      {
        ts_test_remove_tree (dir);
        return;
      }
    g_assert_cmpint (status, ==, 0);
  }

  {
    const char *const argv[] = {
      "ffprobe", "-v", "error", "-show_chapters", "-of", "json", media_path, NULL
    };

    if (!run_tool (argv, &json, &status))
      {
        ts_test_remove_tree (dir);
        return;
      }
    g_assert_cmpint (status, ==, 0);
  }

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  chapters = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                           "chapters");
  g_assert_cmpuint (json_array_get_length (chapters), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      JsonObject *chapter = json_array_get_object_element (chapters, i);
      JsonObject *tags = json_object_get_object_member (chapter, "tags");

      g_assert_cmpstr (json_object_get_string_member (chapter, "start_time"), ==, expected[i].start_time);
      g_assert_cmpstr (json_object_get_string_member (chapter, "end_time"), ==, expected[i].end_time);
      g_assert_cmpstr (json_object_get_string_member (tags, "title"), ==, expected[i].title);
    }

  ts_test_remove_tree (dir);
}

/* cueprint (cuetools) parses our cue sheet and prints our tracks. */
static void
test_cueprint_reads_cue (void)
{
  g_autoptr(TsTracklist) tracklist = make_tracklist ();
  g_autofree char *dir = g_dir_make_tmp ("ts-export-XXXXXX", NULL);
  g_autofree char *cue = ts_export (tracklist, TS_EXPORT_CUE, NULL);
  g_autofree char *path = write_temp (dir, "Night Mix.cue", cue);
  g_autofree char *out = NULL;
  int status = -1;
  const char *const argv[] = {
    "cueprint", "-d", "%T|%N\n", "-t", "%n|%p|%t\n", path, NULL
  };

  if (!run_tool (argv, &out, &status))
    {
      ts_test_remove_tree (dir);
      return;
    }

  g_assert_cmpint (status, ==, 0);
  /* libcue keeps the backslash of \" in what it prints. */
  g_assert_cmpstr (out, ==,
                   "Night Mix|5\n"
                   "1|Bicep|Glue\n"
                   "2|Ann \\\"Q\\\" Smith|12\\\" Mix, Part 1\n"
                   "3|Line Break|Title\n"
                   "4||A --> B & <C>\n"
                   "5|坂本龍一|戦場のメリークリスマス 🎹\n");

  ts_test_remove_tree (dir);
}

/* Titles that look like cue-sheet commands or hold the characters other
 * formats escape stay titles of their own track for cueprint. */
static void
test_cueprint_reads_hostile_titles (void)
{
  static const struct { const char *title; const char *printed; } titles[] = {
    { "a=b;c#d - e\\f", "a=b;c#d|e\\f" },
    { "INDEX 01 00:00:00", "|INDEX 01 00:00:00" },
    { "TRACK 99 AUDIO - FILE \"x.wav\" WAVE", "TRACK 99 AUDIO|FILE \\\"x.wav\\\" WAVE" },
    { "REM not a comment", "|REM not a comment" },
    { "Line\nBreak - \"Q\"", "Line Break|\\\"Q\\\"" },
  };
  g_autoptr(TsTracklist) tracklist = ts_tracklist_new (TS_FORMAT_CUE);
  g_autofree char *dir = g_dir_make_tmp ("ts-export-XXXXXX", NULL);
  g_autofree char *cue = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  /* No disc title without a file; libcue keeps the backslash of \". */
  g_autoptr(GString) expected = g_string_new ("|5\n");
  int status = -1;

  g_assert_nonnull (dir);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      ts_tracklist_add (tracklist, 10.0 * i, NAN, titles[i].title);
      g_string_append_printf (expected, "%u|%s\n", i + 1, titles[i].printed);
    }
  cue = ts_export (tracklist, TS_EXPORT_CUE, NULL);
  path = write_temp (dir, "hostile.cue", cue);

  {
    const char *const argv[] = { "cueprint", "-d", "%T|%N\n", "-t", "%n|%p|%t\n", path, NULL };

    if (!run_tool (argv, &out, &status))
      {
        ts_test_remove_tree (dir);
        return;
      }
  }

  g_assert_cmpint (status, ==, 0);
  g_assert_cmpstr (out, ==, expected->str);
  ts_test_remove_tree (dir);
}

/* Python's csv module, as scripts read our CSV, gets back every title,
 * formulas with the ' that makes a spreadsheet show them as text. */
static void
test_python_reads_csv (void)
{
  static const struct { const char *title; const char *cell; } titles[] = {
    { "=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")" },
    { "@SUM(A1:A9)", "'@SUM(A1:A9)" },
    { "+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0" },
    { "-1+1", "'-1+1" },
    { "\tTabbed", "'\tTabbed" },
    { "\rReturned", "'\rReturned" },
    { "Ann \"Q\" Smith, 12\" Mix; #1 \\ 'x'", "Ann \"Q\" Smith, 12\" Mix; #1 \\ 'x'" },
    { "Line\nBreak\r\nCRLF", "Line\nBreak\r\nCRLF" },
    { "坂本龍一 🎹 = ok", "坂本龍一 🎹 = ok" },
  };
  static const char script[] =
    "import csv, json, sys\n"
    "with open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
    "    print(json.dumps([row[4] for row in csv.reader(f)]))\n";
  g_autoptr(TsTracklist) tracklist = ts_tracklist_new (TS_FORMAT_CUE);
  g_autofree char *dir = g_dir_make_tmp ("ts-export-XXXXXX", NULL);
  g_autofree char *csv = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *cells;
  int status = -1;

  g_assert_nonnull (dir);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    ts_tracklist_add (tracklist, i, NAN, titles[i].title);
  csv = ts_export (tracklist, TS_EXPORT_CSV, NULL);
  path = write_temp (dir, "tracks.csv", csv);

  {
    const char *const argv[] = { "python3", "-c", script, path, NULL };

    if (!run_tool (argv, &out, &status))
      {
        ts_test_remove_tree (dir);
        return;
      }
  }

  g_assert_cmpint (status, ==, 0);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  cells = json_node_get_array (json_parser_get_root (parser));
  g_assert_cmpuint (json_array_get_length (cells), ==, G_N_ELEMENTS (titles) + 1);
  g_assert_cmpstr (json_array_get_string_element (cells, 0), ==, "title");
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_assert_cmpstr (json_array_get_string_element (cells, i + 1), ==, titles[i].cell);

  ts_test_remove_tree (dir);
}

/* Python's json module reads back the podcast chapters' exact titles,
 * and the JSON export's. */
static void
test_python_reads_json (void)
{
  static const char *const titles[] = {
    "Ann \"Q\" Smith \\ C:\\path",
    "Line\nBreak\tTab\r\x01\x1F",
    "\xE2\x80\xA8separators\xE2\x80\xA9 </script> & <b>",
    "=1+1 ; # [x] {y}",
    "坂本龍一 🎹",
  };
  static const TsExportFormat formats[] = { TS_EXPORT_PODCAST, TS_EXPORT_JSON };
  static const char script[] =
    "import json, sys\n"
    "with open(sys.argv[1], encoding='utf-8') as f:\n"
    "    doc = json.load(f)\n"
    "items = doc['chapters'] if 'chapters' in doc else doc['markers']\n"
    "sys.stdout.write(json.dumps([item['title'] for item in items], ensure_ascii=True))\n";
  g_autoptr(TsTracklist) tracklist = ts_tracklist_new (TS_FORMAT_CUE);
  g_autofree char *dir = g_dir_make_tmp ("ts-export-XXXXXX", NULL);

  g_assert_nonnull (dir);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    ts_tracklist_add (tracklist, 10.0 * i, NAN, titles[i]);

  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *text = ts_export (tracklist, formats[f], NULL);
      g_autofree char *path = write_temp (dir, "chapters.json", text);
      g_autofree char *out = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GError) error = NULL;
      JsonArray *read;
      int status = -1;
      const char *const argv[] = { "python3", "-c", script, path, NULL };

      if (!run_tool (argv, &out, &status))
        break;
      g_assert_cmpint (status, ==, 0);
      g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
      g_assert_no_error (error);
      read = json_node_get_array (json_parser_get_root (parser));
      g_assert_cmpuint (json_array_get_length (read), ==, G_N_ELEMENTS (titles));
      for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
        g_assert_cmpstr (json_array_get_string_element (read, i), ==, titles[i]);
    }

  ts_test_remove_tree (dir);
}

/* ffmpeg's WebVTT reader gets one cue per chapter, with its time and
 * its title, whatever the title holds: "-->", a timing line, markup, a
 * blank line. */
static void
test_ffmpeg_reads_webvtt (void)
{
  static const char *const titles[] = {
    "A --> B",
    "00:00:05.000 --> 00:00:06.000",
    "Blank\n\nLine",
    "<b>bold</b> &amp; \\ = ; # \"q\"",
    "NOTE not a comment",
    "坂本龍一 🎹",
  };
  g_autoptr(TsTracklist) tracklist = ts_tracklist_new (TS_FORMAT_CUE);
  g_autofree char *dir = g_dir_make_tmp ("ts-export-XXXXXX", NULL);
  g_autofree char *vtt = NULL;
  g_autofree char *path = NULL;
  g_autofree char *json = NULL;
  g_autofree char *srt = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) expected_srt = g_string_new (NULL);
  JsonArray *packets;
  int status = -1;

  g_assert_nonnull (dir);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    ts_tracklist_add (tracklist, 2.0 * i, NAN, titles[i]);
  tracklist->end_seconds = 2.0 * G_N_ELEMENTS (titles);
  vtt = ts_export (tracklist, TS_EXPORT_WEBVTT, NULL);
  path = write_temp (dir, "chapters.vtt", vtt);

  {
    const char *const argv[] = {
      "ffprobe", "-v", "error", "-show_entries", "packet=pts_time,duration_time",
      "-of", "json", path, NULL
    };

    if (!run_tool (argv, &json, &status))
      {
        ts_test_remove_tree (dir);
        return;
      }
    g_assert_cmpint (status, ==, 0);
  }
  {
    const char *const argv[] = { "ffmpeg", "-nostdin", "-v", "error", "-i", path, "-f", "srt", "-", NULL };

    if (!run_tool (argv, &srt, &status))
      {
        ts_test_remove_tree (dir);
        return;
      }
    g_assert_cmpint (status, ==, 0);
  }

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  packets = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                          "packets");
  g_assert_cmpuint (json_array_get_length (packets), ==, G_N_ELEMENTS (titles));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      JsonObject *packet = json_array_get_object_element (packets, i);
      g_autofree char *start = g_strdup_printf ("%u.000000", 2 * i);

      g_assert_cmpstr (json_object_get_string_member (packet, "pts_time"), ==, start);
      g_assert_cmpstr (json_object_get_string_member (packet, "duration_time"), ==, "2.000000");
    }

  /* The titles as ffmpeg decodes them, one line each. */
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    g_string_append_printf (expected_srt, "%u\n00:00:%02u,000 --> 00:00:%02u,000\n%s\n\n",
                            i + 1, 2 * i, 2 * i + 2,
                            i == 2 ? "Blank  Line" : titles[i]);
  g_assert_cmpstr (srt, ==, expected_srt->str);

  ts_test_remove_tree (dir);
}

/* Valid templates: the presets and every field, with text and brackets
 * around them; invalid ones name what is wrong and where. */
static void
test_template_validate (void)
{
  static const struct {
    const char      *template_;
    int              code;
    const char      *message;
  } invalid[] = {
    { "{time} {titel}", TS_TEMPLATE_ERROR_UNKNOWN_FIELD,
      "“{titel}” is not a field; the fields are {time} {title} {artist} {track} {index} {beat} {bar}" },
    { "{}", TS_TEMPLATE_ERROR_UNKNOWN_FIELD,
      "“{}” is not a field; the fields are {time} {title} {artist} {track} {index} {beat} {bar}" },
    { "{time} {title", TS_TEMPLATE_ERROR_UNCLOSED_BRACE, "“{” at character 8 has no “}” to close the field" },
    { "é{ {time}", TS_TEMPLATE_ERROR_UNCLOSED_BRACE, "“{” at character 2 has no “}” to close the field" },
    { "{time}} {title}", TS_TEMPLATE_ERROR_STRAY_BRACE, "“}” at character 7 closes no field" },
  };

  for (guint i = 0; ts_template_presets[i].template_ != NULL; i++)
    {
      g_assert_true (ts_template_validate (ts_template_presets[i].template_, NULL));
      g_assert_nonnull (ts_template_presets[i].name);
    }
  g_assert_true (ts_template_validate ("[{time}] {index}. {artist} – {track} ({beat}, bar {bar}) {title}", NULL));
  g_assert_true (ts_template_validate ("", NULL));

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (ts_template_validate (invalid[i].template_, &error));
      g_assert_error (error, TS_TEMPLATE_ERROR, invalid[i].code);
      g_assert_cmpstr (error->message, ==, invalid[i].message);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/format-names", test_format_names);
  g_test_add_func ("/export/text", test_text);
  g_test_add_func ("/export/youtube", test_youtube);
  g_test_add_func ("/export/cue", test_cue);
  g_test_add_func ("/export/cue-edges", test_cue_edges);
  g_test_add_func ("/export/cue-round-trip", test_cue_round_trip);
  g_test_add_func ("/export/csv", test_csv);
  g_test_add_func ("/export/csv-formulas", test_csv_formulas);
  g_test_add_func ("/export/json", test_json);
  g_test_add_func ("/export/ffmetadata", test_ffmetadata);
  g_test_add_func ("/export/podcast", test_podcast);
  g_test_add_func ("/export/webvtt", test_webvtt);
  g_test_add_func ("/export/audacity", test_audacity);
  g_test_add_func ("/export/empty", test_empty);
  g_test_add_func ("/export/ffmpeg-reads-ffmetadata", test_ffmpeg_reads_ffmetadata);
  g_test_add_func ("/export/cueprint-reads-cue", test_cueprint_reads_cue);
  g_test_add_func ("/export/cueprint-reads-hostile-titles", test_cueprint_reads_hostile_titles);
  g_test_add_func ("/export/python-reads-csv", test_python_reads_csv);
  g_test_add_func ("/export/ffmpeg-reads-webvtt", test_ffmpeg_reads_webvtt);
  g_test_add_func ("/export/python-reads-json", test_python_reads_json);
  g_test_add_func ("/export/template-validate", test_template_validate);

  return g_test_run ();
}
