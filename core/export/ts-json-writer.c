/* ts-json-writer.c - the tracklist as the JSON object timestamps-cli prints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written by hand rather than through a JSON library so that the number
 * format is ours to promise: 17 significant digits, which read back to the
 * same binary64, and a ".0" on integral values so they stay floats.
 */

#define G_LOG_DOMAIN "ts-json-writer"

#include <math.h>
#include <string.h>

#include "ts-json-writer.h"

void
ts_json_append_string (GString    *out,
                       const char *string)
{
  if (string == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = string; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
          break;
        }
    }
  g_string_append_c (out, '"');
}

void
ts_json_append_double (GString *out,
                       double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (value))
    {
      g_string_append (out, "null");
      return;
    }

  g_ascii_formatd (buffer, sizeof buffer, "%.17g", value);
  g_string_append (out, buffer);
  if (strpbrk (buffer, ".e") == NULL)
    g_string_append (out, ".0");
}

void
ts_json_append_boolean (GString  *out,
                        gboolean  value)
{
  g_string_append (out, value ? "true" : "false");
}

/* A NULL list is written as null, an empty one as []. */
void
ts_json_append_strv (GString            *out,
                     const char * const *strv)
{
  if (strv == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '[');
  for (guint i = 0; strv[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      ts_json_append_string (out, strv[i]);
    }
  g_string_append_c (out, ']');
}

char *
ts_tracklist_to_json (const TsTracklist *tracklist)
{
  GString *out = g_string_new ("{\"file\": ");

  ts_json_append_string (out, tracklist->file);
  g_string_append (out, ", \"format\": ");
  ts_json_append_string (out, ts_format_info_get (tracklist->format)->id);
  g_string_append (out, ", \"daw_version\": ");
  ts_json_append_string (out, tracklist->daw_version);
  g_string_append (out, ", \"mode\": ");
  ts_json_append_string (out, ts_tempo_mode_to_string (tracklist->mode));
  g_string_append (out, ", \"bpm\": ");
  ts_json_append_double (out, tracklist->bpm);
  g_string_append (out, ", \"tempo_automation\": ");
  ts_json_append_boolean (out, tracklist->tempo_automation);
  g_string_append (out, ", \"curved_automation\": ");
  ts_json_append_boolean (out, tracklist->curved_automation);

  if (tracklist->arrangements != NULL)
    {
      g_string_append_printf (out, ", \"arrangement\": {\"index\": %d, \"name\": ", tracklist->arrangement);
      ts_json_append_string (out, tracklist->arrangements[tracklist->arrangement]);
      g_string_append (out, "}, \"arrangements\": ");
      ts_json_append_strv (out, (const char * const *) tracklist->arrangements);
    }

  /* Only when something was left out, so that the output of a file read
   * whole stays as it always was. */
  if (tracklist->warnings != NULL && tracklist->warnings[0] != NULL)
    {
      g_string_append (out, ", \"warnings\": ");
      ts_json_append_strv (out, (const char * const *) tracklist->warnings);
    }

  g_string_append (out, ", \"markers\": [");
  for (guint i = 0; i < tracklist->tracks->len; i++)
    {
      const TsTrack *track = &g_array_index (tracklist->tracks, TsTrack, i);

      if (i > 0)
        g_string_append (out, ", ");
      g_string_append (out, "{\"time\": ");
      ts_json_append_double (out, track->seconds);
      g_string_append (out, ", \"beat\": ");
      ts_json_append_double (out, track->beat);
      g_string_append (out, ", \"title\": ");
      ts_json_append_string (out, track->title);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}");

  return g_string_free (out, FALSE);
}
