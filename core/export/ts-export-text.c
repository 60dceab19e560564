/* ts-export-text.c - line formats: text templates, YouTube, CSV, Audacity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ts-export"

#include <math.h>
#include <string.h>

#include "ts-export-private.h"
#include "ts-template.h"
#include "ts-youtube.h"

/* One line per track, whatever the titles hold: a line break inside a
 * title would make its second half look like a track without a time. */
static char *
expand_lines (const TsTracklist  *tracklist,
              const char         *template_,
              const TsTimeFormat *time_format)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < ts_tracklist_get_n_tracks (tracklist); i++)
    {
      TsTrack track = *ts_tracklist_get_track (tracklist, i);
      g_autoptr(GString) title = g_string_new (NULL);
      g_autofree char *line = NULL;

      ts_export_append_one_line (title, track.title);
      track.title = title->str;
      line = ts_template_expand (template_, &track, time_format);
      g_string_append (out, line);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

char *
ts_export_text (const TsTracklist     *tracklist,
                const TsExportOptions *options)
{
  options = ts_export_options_or_default (options);
  return expand_lines (tracklist,
                       options->template_ != NULL ? options->template_ : TS_TEMPLATE_DEFAULT,
                       &options->time_format);
}

/* YouTube reads "0:00 Title" lines from a video description; the template
 * is fixed because anything before the time would hide it from YouTube.
 * The lines are those of ts_youtube_fix(): starting at 0:00, every one
 * with a title. Times are rounded down whatever @options say, because
 * ts_youtube_check() judges the seconds rounded down: a time rounded up
 * could make a chapter YouTube sees shorter than the one checked. */
char *
ts_export_youtube (const TsTracklist     *tracklist,
                   const TsExportOptions *options)
{
  g_autoptr(TsTracklist) fixed = ts_youtube_fix (tracklist);
  TsTimeFormat time_format;

  options = ts_export_options_or_default (options);
  time_format = options->time_format;
  time_format.rounding = TS_ROUND_DOWN;
  return expand_lines (fixed, TS_TEMPLATE_DEFAULT, &time_format);
}

/* RFC 4180: quote a field that holds a comma, quote or line break, and
 * double the quotes inside. */
static void
append_csv_field (GString    *out,
                  const char *field)
{
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* A spreadsheet runs a cell that starts with one of these as a formula
 * (=HYPERLINK(...), @SUM(...)); a leading ' makes it text, and the
 * spreadsheet shows the title without it (the OWASP rule against CSV
 * injection). Only the text columns, which come from the project, get
 * it: the numbers are ours. */
static void
append_csv_text_field (GString    *out,
                       const char *text)
{
  g_autofree char *guarded = NULL;

  if (text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL)
    text = guarded = g_strconcat ("'", text, NULL);
  append_csv_field (out, text);
}

static void
append_decimal (GString    *out,
                const char *format,
                double      value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, format, value));
}

/* Columns: index, time as displayed, seconds with milliseconds (rounded
 * down like the time), beat (empty without beats), title, and the title
 * split into artist and track, the last three guarded against formulas.
 * Lines end in CRLF as RFC 4180 asks. */
char *
ts_export_csv (const TsTracklist     *tracklist,
               const TsExportOptions *options)
{
  GString *out = g_string_new ("index,time,seconds,beat,title,artist,track\r\n");

  options = ts_export_options_or_default (options);

  for (guint i = 0; i < ts_tracklist_get_n_tracks (tracklist); i++)
    {
      const TsTrack *track = ts_tracklist_get_track (tracklist, i);
      g_autofree char *time = ts_format_time (track->seconds, &options->time_format);
      g_autofree char *artist = NULL;
      g_autofree char *name = NULL;
      gint64 ms = ts_export_milliseconds (track->seconds);

      ts_track_split_title (track->title, &artist, &name);

      g_string_append_printf (out, "%u,", track->index);
      append_csv_field (out, time);
      g_string_append_printf (out, ",%" G_GINT64_FORMAT ".%03d,",
                              ms / 1000, (int) (ms % 1000));
      if (!isnan (track->beat))
        append_decimal (out, "%.6f", track->beat);
      g_string_append_c (out, ',');
      append_csv_text_field (out, track->title);
      g_string_append_c (out, ',');
      append_csv_text_field (out, artist);
      g_string_append_c (out, ',');
      append_csv_text_field (out, name);
      g_string_append (out, "\r\n");
    }

  return g_string_free (out, FALSE);
}

/* Audacity's label track: start, end and text separated by tabs. Markers
 * are points in time, so every label is a point label (end = start);
 * Audacity draws them as flags on the timeline. */
char *
ts_export_audacity (const TsTracklist     *tracklist,
                    const TsExportOptions *options)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < ts_tracklist_get_n_tracks (tracklist); i++)
    {
      const TsTrack *track = ts_tracklist_get_track (tracklist, i);
      double seconds = isfinite (track->seconds) && track->seconds > 0.0 ? track->seconds : 0.0;

      append_decimal (out, "%.6f", seconds);
      g_string_append_c (out, '\t');
      append_decimal (out, "%.6f", seconds);
      g_string_append_c (out, '\t');
      ts_export_append_one_line (out, track->title);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}
