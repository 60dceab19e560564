/* test-mistaken-files.c - what users drop instead of a project is named
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every file here is written by the test itself, in the shape the real
 * ones have (magic numbers and all); each must be refused with a message
 * saying what it is and what to open instead.
 */

#include <string.h>

#include "ts-als-writer.h"
#include "ts-flp-writer.h"
#include "ts-project.h"
#include "ts-tracklist.h"

static void
assert_refused (const char   *name,
                gconstpointer data,
                gsize         length,
                const char   *says)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, length);
  g_autoptr(GError) error = NULL;
  g_autoptr(TsProject) project = ts_project_load_bytes (bytes, name, &error);
  g_autofree char *prefix = g_strconcat (name, ": ", NULL);

  g_assert_null (project);
  g_assert_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_UNKNOWN_FORMAT);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, prefix));
  if (strstr (error->message, says) == NULL)
    g_error ("“%s” does not say “%s”", error->message, says);
}

static GBytes *
write_set (void)
{
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (11, 124.0);

  ts_als_writer_add_locator (writer, 0.0, "Intro");
  return ts_als_writer_to_bytes (writer, TRUE);
}

static void
test_git_lfs_pointer (void)
{
  static const char pointer[] =
    "version https://git-lfs.github.com/spec/v1\n"
    "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\n"
    "size 1048576\n";

  assert_refused ("Song.als", pointer, strlen (pointer),
                  "this is a Git LFS pointer, not the project: fetch the real file");
  assert_refused ("Song.flp", pointer, strlen (pointer),
                  "this is a Git LFS pointer, not the project: fetch the real file");
}

static void
test_apple_double (void)
{
  /* Magic, version 2, 16 filler bytes, one entry: the resource fork. */
  static const guint8 apple_double[] = {
    0x00, 0x05, 0x16, 0x07, 0x00, 0x02, 0x00, 0x00,
    'M', 'a', 'c', ' ', 'O', 'S', ' ', 'X', ' ', ' ', ' ', ' ', ' ', ' ', ' ', ' ',
    0x00, 0x01, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x26, 0x00, 0x00, 0x00, 0x00,
  };

  assert_refused ("._Song.als", apple_double, sizeof apple_double,
                  "macOS AppleDouble file");
  assert_refused ("._Song.als", apple_double, sizeof apple_double, "without “._” in front");
}

static void
test_live_documents (void)
{
  g_autoptr(GBytes) set = write_set ();
  const char *names[] = { "Bassline.alc", "Drum Rack.adg", "Reverb.adv", "Groove.agr" };

  /* Live's clips and racks are gzipped XML like a set: the name tells. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    assert_refused (names[i], g_bytes_get_data (set, NULL), g_bytes_get_size (set),
                    "this is an Ableton Live clip, rack or preset, not a set");
}

static void
test_live_crash_recovery (void)
{
  static const char info[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Ableton><CrashRecoveryInfo /></Ableton>\n";

  assert_refused ("CrashRecoveryInfo.cfg", info, strlen (info), "Live’s crash-recovery or settings data");
  assert_refused ("Undo.cfg", info, strlen (info), "let it recover the set");
}

/* A Live backup is a set: it is read, and says it is an older save. */
static void
test_live_backup (void)
{
  g_autoptr(GBytes) set = write_set ();
  const char *backups[] = { "Song [2019-03-24 181352].als", "Song_[2019-03-24_181352].als" };
  const char *not_backups[] = { "Song.als", "Song [remix].als", "Song [2019-03-24 1813].als",
                                "Song [2019-03-24 181352] (2).als" };

  for (guint i = 0; i < G_N_ELEMENTS (backups); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TsProject) project = ts_project_load_bytes (set, backups[i], &error);
      g_autoptr(TsTracklist) tracklist = NULL;

      g_assert_no_error (error);
      tracklist = ts_tracklist_new_for_project (project, backups[i], 0, TS_TEMPO_MODE_DAW);
      g_assert_cmpuint (ts_tracklist_get_n_tracks (tracklist), ==, 1);
      g_assert_cmpuint (g_strv_length (tracklist->warnings), ==, 1);
      g_assert_true (strstr (tracklist->warnings[0], "one of Live’s automatic backups, saved 2019-03-24 18:13:52")
                     != NULL);
    }

  for (guint i = 0; i < G_N_ELEMENTS (not_backups); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TsProject) project = ts_project_load_bytes (set, not_backups[i], &error);
      g_autoptr(TsTracklist) tracklist = NULL;

      g_assert_no_error (error);
      tracklist = ts_tracklist_new_for_project (project, not_backups[i], 0, TS_TEMPO_MODE_DAW);
      g_assert_null (tracklist->warnings);
    }
}

/* FL presets are event streams behind "FLhd" like a project. */
static void
test_fl_preset (void)
{
  g_autoptr(TsFlpWriter) writer = ts_flp_writer_new (96, TS_FLP_TEXT_UTF16);
  g_autoptr(GBytes) bytes = NULL;

  ts_flp_writer_version (writer, "20.8.4.2576");
  bytes = ts_flp_writer_finish (writer);
  assert_refused ("Lead.fst", g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                  "this is an FL Studio preset, not a project: open the project (.flp)");
}

/* A ZIP archive of empty, stored files named @names, as any zip tool
 * writes it: local headers, the central directory, its end record. */
static GBytes *
write_zip (const char * const *names,
           guint               n)
{
  GByteArray *zip = g_byte_array_new ();
  GByteArray *directory = g_byte_array_new ();
  guint8 end[22] = { 'P', 'K', 0x05, 0x06 };

  for (guint i = 0; i < n; i++)
    {
      guint8 local[30] = { 'P', 'K', 0x03, 0x04, 0x14 };
      guint8 entry[46] = { 'P', 'K', 0x01, 0x02, 0x14, 0x00, 0x14 };
      gsize name_length = strlen (names[i]);
      guint32 offset = zip->len;

      local[26] = entry[28] = name_length & 0xFF;
      local[27] = entry[29] = name_length >> 8;
      entry[42] = offset & 0xFF;
      entry[43] = (offset >> 8) & 0xFF;
      g_byte_array_append (zip, local, sizeof local);
      g_byte_array_append (zip, (const guint8 *) names[i], name_length);
      g_byte_array_append (directory, entry, sizeof entry);
      g_byte_array_append (directory, (const guint8 *) names[i], name_length);
    }

  end[8] = end[10] = n & 0xFF;
  end[9] = end[11] = n >> 8;
  end[12] = directory->len & 0xFF;
  end[13] = (directory->len >> 8) & 0xFF;
  end[16] = zip->len & 0xFF;
  end[17] = (zip->len >> 8) & 0xFF;
  g_byte_array_append (zip, directory->data, directory->len);
  g_byte_array_append (zip, end, sizeof end);
  g_byte_array_unref (directory);
  return g_byte_array_free_to_bytes (zip);
}

static void
assert_zip_refused (const char * const *names,
                    guint               n,
                    const char         *says)
{
  g_autoptr(GBytes) zip = write_zip (names, n);

  assert_refused ("Song (with samples).zip", g_bytes_get_data (zip, NULL), g_bytes_get_size (zip), says);
}

static void
test_zip (void)
{
  const char *fl_export[] = { "Song/", "Song/Song.flp", "Song/Samples/kick.wav", "__MACOSX/Song/._Song.flp" };
  const char *two[] = { "a/First.als", "b/Second.flp", "b/._Second.flp" };
  const char *many[] = { "1.flp", "2.flp", "3.flp", "4.flp", "5.flp", "6.flp", "7.flp" };
  const char *samples[] = { "kick.wav", "snare.wav" };
  g_autoptr(GBytes) zip = write_zip (fl_export, G_N_ELEMENTS (fl_export));

  assert_zip_refused (fl_export, G_N_ELEMENTS (fl_export),
                      "this is a ZIP archive holding the project “Song/Song.flp”: unzip it and open that file");
  assert_zip_refused (two, G_N_ELEMENTS (two),
                      "holding the projects “a/First.als”, “b/Second.flp”: unzip it and open one of them");
  assert_zip_refused (many, G_N_ELEMENTS (many), "“1.flp”, “2.flp”, “3.flp”, “4.flp”, “5.flp”, “…”");
  assert_zip_refused (samples, G_N_ELEMENTS (samples), "this is a ZIP archive, and it holds no project");

  /* Named like a project, a ZIP is still one. */
  assert_refused ("Song.flp", g_bytes_get_data (zip, NULL), g_bytes_get_size (zip),
                  "holding the project “Song/Song.flp”");
  /* Cut short, its directory is gone: what it may hold, and what to do. */
  assert_refused ("Song.zip", g_bytes_get_data (zip, NULL), 40,
                  "this is a ZIP archive, not a project: when it holds a project with its samples");
}

static void
test_audio (void)
{
  static const struct { const char *name; const char *kind; gsize length; const char *data; } files[] = {
    { "mix.wav", "(WAV)", 16, "RIFF\x24\x00\x00\x00WAVEfmt " },
    { "mix.als", "(WAV)", 16, "RF64\xff\xff\xff\xffWAVEds64" },
    { "mix.aif", "(AIFF)", 12, "FORM\x00\x00\x00\x04" "AIFF" },
    { "mix.mp3", "(MP3)", 10, "ID3\x04\x00\x00\x00\x00\x00\x00" },
    { "mix.cue", "(MP3)", 4, "\xff\xfb\x90\x64" },
    { "mix.flac", "(FLAC)", 8, "fLaC\x00\x00\x00\x22" },
    { "mix.ogg", "(Ogg)", 8, "OggS\x00\x02\x00\x00" },
    { "mix.m4a", "(M4A)", 12, "\x00\x00\x00\x20" "ftypM4A " },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *says = g_strconcat ("this is an audio file ", files[i].kind, ", not a project", NULL);

      assert_refused (files[i].name, files[i].data, files[i].length, says);
    }
}

/* What is not mistaken stays what it was: a UTF-16 cue sheet starts with
 * FF FE, which an MP3 frame never does. */
static void
test_real_files_still_read (void)
{
  static const char utf16_cue[] = "\xff\xfeT\0R\0A\0C\0K\0 \0" "1\0\n\0I\0N\0D\0E\0X\0 \0" "1\0 \0" "0\0:\0" "0\0:\0" "0\0\n\0";
  g_autoptr(GBytes) cue = g_bytes_new (utf16_cue, sizeof utf16_cue - 1);
  g_autoptr(GBytes) set = write_set ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TsProject) sheet = ts_project_load_bytes (cue, "mix.cue", &error);
  g_autoptr(TsProject) project = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sheet->format, ==, TS_FORMAT_CUE);
  project = ts_project_load_bytes (set, "._ not AppleDouble.als", &error);
  g_assert_no_error (error);
  g_assert_cmpint (project->format, ==, TS_FORMAT_ABLETON);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/mistaken-files/git-lfs-pointer", test_git_lfs_pointer);
  g_test_add_func ("/mistaken-files/apple-double", test_apple_double);
  g_test_add_func ("/mistaken-files/live-documents", test_live_documents);
  g_test_add_func ("/mistaken-files/live-crash-recovery", test_live_crash_recovery);
  g_test_add_func ("/mistaken-files/live-backup", test_live_backup);
  g_test_add_func ("/mistaken-files/fl-preset", test_fl_preset);
  g_test_add_func ("/mistaken-files/zip", test_zip);
  g_test_add_func ("/mistaken-files/audio", test_audio);
  g_test_add_func ("/mistaken-files/real-files-still-read", test_real_files_still_read);

  return g_test_run ();
}
