/* ts-export-cue.c - the tracklist as a cue sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ts-export"

#include <math.h>
#include <string.h>

#include "ts-cue-sheet.h"
#include "ts-export-private.h"
#include "ts-file-name.h"
#include "ts-template.h"

/* The largest time our own reader accepts (about 331 days). */
#define MAX_FRAMES ((gint64) G_MAXINT32)

/* Rounded down: a track may start a fraction of a frame early, never late. */
static gint64
seconds_to_frames (double seconds)
{
  double frames;

  if (!isfinite (seconds) || seconds < 0.0)
    return 0;
  frames = ts_round_down (seconds * TS_CUE_FRAMES_PER_SECOND);
  return (gint64) MIN (frames, (double) MAX_FRAMES);
}

static void
append_msf (GString *out,
            gint64   frames)
{
  g_string_append_printf (out, "%02" G_GINT64_FORMAT ":%02d:%02d",
                          frames / (60 * TS_CUE_FRAMES_PER_SECOND),
                          (int) (frames / TS_CUE_FRAMES_PER_SECOND % 60),
                          (int) (frames % TS_CUE_FRAMES_PER_SECOND));
}

/* Cue sheets have no escape rule of their own; \" is what libcue (and so
 * cueprint and most Linux players) accept inside a quoted text, and our
 * reader reads it back. A line break cannot be carried at all. */
static void
append_quoted (GString    *out,
               const char *text)
{
  g_autoptr(GString) line = g_string_new (NULL);

  ts_export_append_one_line (line, text);
  g_string_append_c (out, '"');
  for (const char *p = line->str; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* PERFORMER and TITLE only when "Artist - Title" splits into two parts
 * that our reader joins back to the same text; otherwise the whole text is
 * the TITLE, so nothing is lost. */
static gboolean
split_for_cue (const char  *text,
               char       **performer,
               char       **title)
{
  g_autofree char *artist = NULL;
  g_autofree char *name = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *artist_stripped = NULL;
  g_autofree char *name_stripped = NULL;

  ts_track_split_title (text, &artist, &name);
  if (artist[0] == '\0' || name[0] == '\0')
    return FALSE;

  artist_stripped = g_strstrip (g_strdup (artist));
  name_stripped = g_strstrip (g_strdup (name));
  if (strcmp (artist, artist_stripped) != 0 || strcmp (name, name_stripped) != 0)
    return FALSE;

  joined = g_strdup_printf ("%s - %s", artist, name);
  if (strcmp (joined, text) != 0)
    return FALSE;

  *performer = g_steal_pointer (&artist);
  *title = g_steal_pointer (&name);
  return TRUE;
}

/* The audio file is named after the project, as DAWs name their exports;
 * WAVE is the type cue sheets use for any audio file. Track 1 gets an
 * INDEX 00 at the start of the file when it starts later, so players
 * that expect a file to begin with an index do not skip the intro. */
char *
ts_export_cue (const TsTracklist     *tracklist,
               const TsExportOptions *options)
{
  GString *out = g_string_new ("REM COMMENT \"Timestamps\"\n");
  g_autofree char *stem = ts_file_name_dup_stem (tracklist->file);
  g_autofree char *audio = g_strdup_printf ("%s.wav", stem != NULL ? stem : "mix");

  if (stem != NULL)
    {
      g_string_append (out, "TITLE ");
      append_quoted (out, stem);
      g_string_append_c (out, '\n');
    }
  g_string_append (out, "FILE ");
  append_quoted (out, audio);
  g_string_append (out, " WAVE\n");

  for (guint i = 0; i < ts_tracklist_get_n_tracks (tracklist); i++)
    {
      const TsTrack *track = ts_tracklist_get_track (tracklist, i);
      g_autofree char *performer = NULL;
      g_autofree char *title = NULL;
      gint64 frames = seconds_to_frames (track->seconds);

      g_string_append_printf (out, "  TRACK %02u AUDIO\n", i + 1);
      if (split_for_cue (track->title, &performer, &title))
        {
          g_string_append (out, "    PERFORMER ");
          append_quoted (out, performer);
          g_string_append_c (out, '\n');
        }
      g_string_append (out, "    TITLE ");
      append_quoted (out, title != NULL ? title : track->title);
      g_string_append_c (out, '\n');
      if (i == 0 && frames > 0)
        g_string_append (out, "    INDEX 00 00:00:00\n");
      g_string_append (out, "    INDEX 01 ");
      append_msf (out, frames);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}
