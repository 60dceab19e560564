/* ts-export-chapters.c - chapter formats: FFmpeg metadata, Podcasting 2.0
 * JSON chapters, WebVTT chapters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ts-export"

#include <math.h>
#include <string.h>

#include "ts-export-private.h"
#include "ts-json-writer.h"

/* How long the last chapter lasts when the project does not say where it
 * ends (cue sheets). Chapter formats need an end; ffmpeg and browsers
 * clip a chapter at the end of the media, so a day means "to the end". */
#define OPEN_END_SECONDS (24.0 * 3600.0)

static gint64
chapter_end_milliseconds (const TsTracklist *tracklist,
                          guint              index)
{
  const TsTrack *track = ts_tracklist_get_track (tracklist, index);
  double end;

  if (!ts_export_get_track_end (tracklist, index, &end))
    end = MAX (track->seconds, 0.0) + OPEN_END_SECONDS;
  return MAX (ts_export_milliseconds (end), ts_export_milliseconds (track->seconds));
}

/* ffmpeg's metadata file: '=', ';', '#', '\' and line breaks are special
 * and take a backslash; a CR becomes a line break so that the file's own
 * line ends stay LF. */
static void
append_ffmetadata_value (GString    *out,
                         const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      char c = *p;

      if (c == '\r')
        {
          if (p[1] == '\n')
            continue;
          c = '\n';
        }
      if (strchr ("=;#\\\n", c) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, c);
    }
}

char *
ts_export_ffmetadata (const TsTracklist     *tracklist,
                      const TsExportOptions *options)
{
  GString *out = g_string_new (";FFMETADATA1\n");

  for (guint i = 0; i < ts_tracklist_get_n_tracks (tracklist); i++)
    {
      const TsTrack *track = ts_tracklist_get_track (tracklist, i);

      g_string_append_printf (out,
                              "\n[CHAPTER]\nTIMEBASE=1/1000\n"
                              "START=%" G_GINT64_FORMAT "\n"
                              "END=%" G_GINT64_FORMAT "\n"
                              "title=",
                              ts_export_milliseconds (track->seconds),
                              chapter_end_milliseconds (tracklist, i));
      append_ffmetadata_value (out, track->title);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/* Seconds as a JSON number with at most millisecond digits: 83.5, not
 * 83.500000000000014. */
static void
append_json_seconds (GString *out,
                     double   seconds)
{
  gint64 ms = ts_export_milliseconds (seconds);
  int fraction = (int) (ms % 1000);

  g_string_append_printf (out, "%" G_GINT64_FORMAT, ms / 1000);
  if (fraction == 0)
    return;

  g_string_append_printf (out, ".%03d", fraction);
  while (out->str[out->len - 1] == '0')
    g_string_truncate (out, out->len - 1);
}

/* Podcasting 2.0 JSON chapters (podcast namespace, version 1.2.0). Only
 * startTime is required; endTime is left out so apps end a chapter where
 * the next begins, as the specification suggests. */
char *
ts_export_podcast (const TsTracklist     *tracklist,
                   const TsExportOptions *options)
{
  GString *out = g_string_new ("{\n  \"version\": \"1.2.0\",\n  \"chapters\": [");

  for (guint i = 0; i < ts_tracklist_get_n_tracks (tracklist); i++)
    {
      const TsTrack *track = ts_tracklist_get_track (tracklist, i);

      g_string_append (out, i > 0 ? ",\n" : "\n");
      g_string_append (out, "    {\n      \"startTime\": ");
      append_json_seconds (out, track->seconds);
      g_string_append (out, ",\n      \"title\": ");
      ts_json_append_string (out, track->title);
      g_string_append (out, "\n    }");
    }
  g_string_append (out, ts_tracklist_get_n_tracks (tracklist) > 0 ? "\n  ]\n}\n" : "]\n}\n");

  return g_string_free (out, FALSE);
}

static void
append_vtt_time (GString *out,
                 gint64   ms)
{
  gint64 seconds = ms / 1000;

  g_string_append_printf (out, "%02" G_GINT64_FORMAT ":%02d:%02d.%03d",
                          seconds / 3600, (int) (seconds / 60 % 60),
                          (int) (seconds % 60), (int) (ms % 1000));
}

/* Cue text is HTML-like: '&' and '<' start markup, and escaping '>' as
 * well means "-->" can never appear. A blank line would end the cue, so
 * the title stays on one line. */
static void
append_vtt_text (GString    *out,
                 const char *text)
{
  g_autoptr(GString) line = g_string_new (NULL);

  ts_export_append_one_line (line, text);
  for (const char *p = line->str; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;
        case '<':
          g_string_append (out, "&lt;");
          break;
        case '>':
          g_string_append (out, "&gt;");
          break;
        default:
          g_string_append_c (out, *p);
          break;
        }
    }
}

/* WebVTT chapters (<track kind="chapters">): each cue runs to the next
 * one, the last to the project's end. Cue identifiers are the track
 * numbers. */
char *
ts_export_webvtt (const TsTracklist     *tracklist,
                  const TsExportOptions *options)
{
  GString *out = g_string_new ("WEBVTT\n");

  for (guint i = 0; i < ts_tracklist_get_n_tracks (tracklist); i++)
    {
      const TsTrack *track = ts_tracklist_get_track (tracklist, i);

      g_string_append_printf (out, "\n%u\n", i + 1);
      append_vtt_time (out, ts_export_milliseconds (track->seconds));
      g_string_append (out, " --> ");
      append_vtt_time (out, chapter_end_milliseconds (tracklist, i));
      g_string_append_c (out, '\n');
      append_vtt_text (out, track->title);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}
