/* ts-export.c - a tracklist in every format a DJ pastes or imports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ts-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "ts-export-private.h"
#include "ts-json-writer.h"
#include "ts-template.h"

/* The last is product.md's "[{time}] {artist} - {title}" with {track}
 * for {title}: {title} is the whole "Artist - Title", which would repeat
 * the artist. The names are what the app lists them by. */
const TsTemplatePreset ts_template_presets[] = {
  { N_("Time and Title"), TS_TEMPLATE_DEFAULT },
  { N_("Time, Dash, Title"), "{time} - {title}" },
  { N_("Numbered, Time After"), "{index}. {title} [{time}]" },
  { N_("Time in Brackets, Artist - Track"), "[{time}] {artist} - {track}" },
  { NULL, NULL },
};

/* Past this, gint64 milliseconds could overflow; no mix lasts 30 years. */
#define MAX_SECONDS 1e9

const char *
ts_export_format_to_string (TsExportFormat format)
{
  switch (format)
    {
    case TS_EXPORT_TEXT:
      return "text";
    case TS_EXPORT_YOUTUBE:
      return "youtube";
    case TS_EXPORT_CUE:
      return "cue";
    case TS_EXPORT_CSV:
      return "csv";
    case TS_EXPORT_JSON:
      return "json";
    case TS_EXPORT_FFMETADATA:
      return "ffmetadata";
    case TS_EXPORT_PODCAST:
      return "podcast";
    case TS_EXPORT_WEBVTT:
      return "webvtt";
    case TS_EXPORT_AUDACITY:
      return "audacity";
    }
  g_return_val_if_reached (NULL);
}

gboolean
ts_export_format_from_string (const char     *string,
                              TsExportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (string == NULL)
    return FALSE;

  for (int i = 0; i < TS_EXPORT_N_FORMATS; i++)
    if (g_ascii_strcasecmp (string, ts_export_format_to_string ((TsExportFormat) i)) == 0)
      {
        *format = (TsExportFormat) i;
        return TRUE;
      }
  return FALSE;
}

const char *
ts_export_format_get_extension (TsExportFormat format)
{
  switch (format)
    {
    case TS_EXPORT_TEXT:
    case TS_EXPORT_YOUTUBE:
    case TS_EXPORT_AUDACITY:
      return "txt";
    case TS_EXPORT_CUE:
      return "cue";
    case TS_EXPORT_CSV:
      return "csv";
    case TS_EXPORT_JSON:
    case TS_EXPORT_PODCAST:
      return "json";
    case TS_EXPORT_FFMETADATA:
      return "ffmetadata";
    case TS_EXPORT_WEBVTT:
      return "vtt";
    }
  g_return_val_if_reached (NULL);
}

char *
ts_export (const TsTracklist     *tracklist,
           TsExportFormat         format,
           const TsExportOptions *options)
{
  g_return_val_if_fail (tracklist != NULL, NULL);

  switch (format)
    {
    case TS_EXPORT_TEXT:
      return ts_export_text (tracklist, options);
    case TS_EXPORT_YOUTUBE:
      return ts_export_youtube (tracklist, options);
    case TS_EXPORT_CUE:
      return ts_export_cue (tracklist, options);
    case TS_EXPORT_CSV:
      return ts_export_csv (tracklist, options);
    case TS_EXPORT_JSON:
      return ts_export_json (tracklist, options);
    case TS_EXPORT_FFMETADATA:
      return ts_export_ffmetadata (tracklist, options);
    case TS_EXPORT_PODCAST:
      return ts_export_podcast (tracklist, options);
    case TS_EXPORT_WEBVTT:
      return ts_export_webvtt (tracklist, options);
    case TS_EXPORT_AUDACITY:
      return ts_export_audacity (tracklist, options);
    }
  g_return_val_if_reached (NULL);
}

/* The same object timestamps-cli prints, so scripts can use either. */
char *
ts_export_json (const TsTracklist     *tracklist,
                const TsExportOptions *options)
{
  g_autofree char *json = ts_tracklist_to_json (tracklist);

  return g_strconcat (json, "\n", NULL);
}

const TsExportOptions *
ts_export_options_or_default (const TsExportOptions *options)
{
  static const TsExportOptions defaults = { NULL, TS_TIME_FORMAT_INIT };

  return options != NULL ? options : &defaults;
}

/* Rounded down like every displayed time: a chapter may start a fraction
 * early, never late. */
gint64
ts_export_milliseconds (double seconds)
{
  if (!isfinite (seconds) || seconds < 0.0)
    return 0;
  seconds = MIN (seconds, MAX_SECONDS);
  return (gint64) ts_round_down (seconds * 1000.0);
}

/* A track ends where the next one starts; the last one where the project
 * ends, when the format says where that is. */
gboolean
ts_export_get_track_end (const TsTracklist *tracklist,
                         guint              index,
                         double            *end)
{
  const TsTrack *track = ts_tracklist_get_track (tracklist, index);

  if (index + 1 < tracklist->tracks->len)
    {
      *end = ts_tracklist_get_track (tracklist, index + 1)->seconds;
      return TRUE;
    }
  if (isfinite (tracklist->end_seconds) && tracklist->end_seconds >= track->seconds)
    {
      *end = tracklist->end_seconds;
      return TRUE;
    }
  return FALSE;
}

/* Line-based formats cannot carry a line break inside a title. */
void
ts_export_append_one_line (GString    *out,
                           const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\r' && p[1] == '\n')
        continue;
      g_string_append_c (out, (*p == '\n' || *p == '\r' || *p == '\t') ? ' ' : *p);
    }
}

