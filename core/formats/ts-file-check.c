/* ts-file-check.c - what the loader checks before reading a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Local paths (through GLib alone) and GIO files are loaded apart, so
 * that the command-line tool never starts GIO; both refuse the same files
 * with the same words through this one check.
 */
#define G_LOG_DOMAIN "ts-project"

#include "config.h"

#include "ts-file-check.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ts-project.h"
#include "ts-zip-listing.h"

/**
 * ts_file_check_size:
 * @size: the file's size in bytes, as the file system says
 *
 * Refuses a file larger than TS_PROJECT_MAX_FILE_SIZE before it is read
 * into memory.
 */
gboolean
ts_file_check_size (guint64      size,
                    const char  *display_name,
                    GError     **error)
{
  g_autofree char *text = NULL;

  if (size <= TS_PROJECT_MAX_FILE_SIZE)
    return TRUE;

  text = g_format_size (size);
  g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_TOO_LARGE,
               /* Translators: the second %s is a size, e.g. "2.1 GB". */
               _("%s: the file is %s, larger than any project Timestamps can read"),
               display_name, text);
  return FALSE;
}

static gboolean
starts_with (const guint8 *data,
             gsize         length,
             gsize         offset,
             const char   *magic,
             gsize         magic_length)
{
  return length >= offset + magic_length && memcmp (data + offset, magic, magic_length) == 0;
}

#define STARTS_WITH(data, length, offset, magic) \
  starts_with (data, length, offset, magic, sizeof (magic) - 1)

/* The kind of audio file @data starts as, for the message, or NULL. MP3
 * without an ID3 tag starts with a frame: 11 set bits, then MPEG 1 or 2,
 * layer III; FF FE and FF FF stay free for UTF-16 cue sheets. */
static const char *
audio_kind (const guint8 *data,
            gsize         length)
{
  if (STARTS_WITH (data, length, 0, "RIFF") && STARTS_WITH (data, length, 8, "WAVE"))
    return "WAV";
  if (STARTS_WITH (data, length, 0, "RF64") && STARTS_WITH (data, length, 8, "WAVE"))
    return "WAV";
  if (STARTS_WITH (data, length, 0, "FORM") &&
      (STARTS_WITH (data, length, 8, "AIFF") || STARTS_WITH (data, length, 8, "AIFC")))
    return "AIFF";
  if (STARTS_WITH (data, length, 0, "ID3") ||
      (length >= 2 && data[0] == 0xFF && (data[1] == 0xFB || data[1] == 0xFA ||
                                          data[1] == 0xF3 || data[1] == 0xF2)))
    return "MP3";
  if (STARTS_WITH (data, length, 0, "fLaC"))
    return "FLAC";
  if (STARTS_WITH (data, length, 0, "OggS"))
    return "Ogg";
  if (STARTS_WITH (data, length, 4, "ftypM4A"))
    return "M4A";
  return NULL;
}

#define MAX_ZIP_NAMES 5

/* What a ZIP archive holds decides what to say: the project to open
 * once it is unzipped, or that there is none. */
static void
set_zip_error (const guint8  *data,
               gsize          length,
               const char    *display_name,
               GError       **error)
{
  g_autoptr(GPtrArray) projects = ts_zip_list_projects (data, length);
  g_autofree char *listed = NULL;
  guint n;

  if (projects == NULL)
    {
      g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_UNKNOWN_FORMAT,
                   _("%s: this is a ZIP archive, not a project: when it holds a project with its "
                     "samples (FL Studio’s “Export project data files”, Live’s “Collect All”), "
                     "unzip it and open the .flp or .als inside"),
                   display_name);
      return;
    }
  if (projects->len == 0)
    {
      g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_UNKNOWN_FORMAT,
                   _("%s: this is a ZIP archive, and it holds no project (.als, .flp or .cue)"),
                   display_name);
      return;
    }

  n = projects->len;
  /* A few names say what to do; an archive of a thousand says no more. */
  if (n > MAX_ZIP_NAMES)
    {
      g_ptr_array_set_size (projects, MAX_ZIP_NAMES);
      g_ptr_array_add (projects, g_strdup ("…"));
    }
  g_ptr_array_add (projects, NULL);
  listed = g_strjoinv ("”, “", (char **) projects->pdata);
  g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_UNKNOWN_FORMAT,
               /* Translators: the second %s names the projects inside,
                * e.g. "Song/Song.flp" or "a.flp”, “b.flp". */
               ngettext ("%s: this is a ZIP archive holding the project “%s”: unzip it and open that file",
                         "%s: this is a ZIP archive holding the projects “%s”: unzip it and open one of them",
                         n),
               display_name, listed);
}

static gboolean
has_extension (const char *lower_name,
               const char *const *extensions)
{
  for (guint i = 0; extensions[i] != NULL; i++)
    if (g_str_has_suffix (lower_name, extensions[i]))
      return TRUE;
  return FALSE;
}

/**
 * ts_file_check_mistaken:
 * @data: the whole file
 *
 * Recognises what users drop by mistake instead of a project, so that
 * the message says what the file is and where the project is, instead of
 * "this is not a project": what Git LFS leaves when it did not fetch the
 * file, the Finder data macOS writes beside a file on a foreign disk,
 * Live's clips, racks and presets, Live's crash-recovery data, FL
 * Studio's presets, ZIP archives (FL's "project with samples") and audio.
 * Content decides where it can; Live's and FL's own documents share
 * their container with sets and projects, so their extension decides.
 *
 * Returns: %FALSE, with @error set, when the file is one of them
 */
gboolean
ts_file_check_mistaken (const guint8  *data,
                        gsize          length,
                        const char    *display_name,
                        GError       **error)
{
  static const char *const live_documents[] = {
    ".alc", ".adg", ".adv", ".agr", ".alp", ".ams", ".amxd", ".ask", NULL,
  };
  static const char *const fl_presets[] = { ".fst", ".zgp", NULL };
  g_autofree char *lower = g_ascii_strdown (display_name, -1);
  g_autofree char *base = g_path_get_basename (lower);
  const char *audio = audio_kind (data, length);

  if (STARTS_WITH (data, length, 0, "version https://git-lfs.github.com/spec/"))
    {
      g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_UNKNOWN_FORMAT,
                   /* Translators: "git lfs pull" is a command; keep it. */
                   _("%s: this is a Git LFS pointer, not the project: fetch the real file "
                     "(git lfs pull in the repository) and open it again"),
                   display_name);
      return FALSE;
    }

  /* AppleDouble (00 05 16 07) and AppleSingle (00 05 16 00). */
  if (STARTS_WITH (data, length, 0, "\x00\x05\x16\x07") || STARTS_WITH (data, length, 0, "\x00\x05\x16\x00"))
    {
      g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_UNKNOWN_FORMAT,
                   _("%s: this is a macOS AppleDouble file (Finder data that macOS writes beside a file "
                     "on a USB stick or network drive), not the project: open the file with the same "
                     "name without “._” in front"),
                   display_name);
      return FALSE;
    }

  if (strstr (base, "crashrecovery") != NULL || g_str_has_suffix (base, ".cfg"))
    {
      g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_UNKNOWN_FORMAT,
                   _("%s: this is Live’s crash-recovery or settings data, not a set: start Live, "
                     "let it recover the set, save it, and open the saved set (.als)"),
                   display_name);
      return FALSE;
    }

  if (has_extension (lower, live_documents))
    {
      g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_UNKNOWN_FORMAT,
                   _("%s: this is an Ableton Live clip, rack or preset, not a set: open the Live set "
                     "(.als) that uses it"),
                   display_name);
      return FALSE;
    }

  if (has_extension (lower, fl_presets))
    {
      g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_UNKNOWN_FORMAT,
                   _("%s: this is an FL Studio preset, not a project: open the project (.flp)"),
                   display_name);
      return FALSE;
    }

  if (STARTS_WITH (data, length, 0, "PK\x03\x04") || STARTS_WITH (data, length, 0, "PK\x05\x06"))
    {
      set_zip_error (data, length, display_name, error);
      return FALSE;
    }

  if (audio != NULL)
    {
      g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_UNKNOWN_FORMAT,
                   /* Translators: the second %s is an audio format, e.g.
                    * "WAV" or "MP3". */
                   _("%s: this is an audio file (%s), not a project: open the project (.als, .flp) "
                     "or the cue sheet (.cue) of the mix"),
                   display_name, audio);
      return FALSE;
    }

  return TRUE;
}

/* Whether @p starts with @n digits; advances it past them. */
static gboolean
skip_digits (const char **p,
             guint        n)
{
  for (guint i = 0; i < n; i++)
    if (!g_ascii_isdigit ((*p)[i]))
      return FALSE;
  *p += n;
  return TRUE;
}

/**
 * ts_file_check_backup:
 * @display_name: the file's name
 *
 * Live keeps the last saves of a set in the project's Backup folder,
 * named "Set [2019-03-24 181352].als". They are sets and read as such;
 * the warning tells the user it is an older save, and where the set is.
 *
 * Returns: (nullable): the warning, or %NULL for any other name
 */
char *
ts_file_check_backup (const char *display_name)
{
  g_autofree char *base = g_path_get_basename (display_name);
  const char *open = strrchr (base, '[');
  const char *p = open;
  g_autofree char *date = NULL;

  if (p == NULL)
    return NULL;
  p++;
  /* Copies uploaded elsewhere have "_" for the space. */
  if (!skip_digits (&p, 4) || *p++ != '-' || !skip_digits (&p, 2) || *p++ != '-' ||
      !skip_digits (&p, 2) || (*p != ' ' && *p != '_'))
    return NULL;
  p++;
  if (!skip_digits (&p, 6) || g_ascii_strcasecmp (p, "].als") != 0)
    return NULL;

  date = g_strdup_printf ("%.10s %.2s:%.2s:%.2s", open + 1, open + 12, open + 14, open + 16);
  return g_strdup_printf (/* Translators: the file, then the date and time
                           * of the save, e.g. "2019-03-24 18:13:52". */
                          _("%s: this is one of Live’s automatic backups, saved %s: the set you "
                            "work on is the one without the date, in the folder above the "
                            "Backup folder"),
                          display_name, date);
}
