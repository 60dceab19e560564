/* ts-template.c - "{time} {title}" style lines for one track
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ts-template"

#include <math.h>
#include <string.h>

#include "ts-template.h"

/* DJs name locators "Artist - Title"; the first " - " separates them so
 * that a title like "Foo - Bar (Baz - Qux Remix)" keeps its remix part. */
void
ts_track_split_title (const char  *title,
                      char       **artist,
                      char       **track)
{
  const char *dash = strstr (title, " - ");

  if (dash == NULL)
    {
      *artist = g_strdup ("");
      *track = g_strdup (title);
      return;
    }
  *artist = g_strndup (title, dash - title);
  *track = g_strdup (dash + strlen (" - "));
}

static void
append_beat (GString *out,
             double   beat)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  gsize len;

  if (isnan (beat))
    return;

  /* Three decimals show a 16th of a 16th; trailing zeros say nothing. */
  g_ascii_formatd (buffer, sizeof buffer, "%.3f", beat);
  len = strlen (buffer);
  while (len > 0 && buffer[len - 1] == '0')
    buffer[--len] = '\0';
  if (len > 0 && buffer[len - 1] == '.')
    buffer[--len] = '\0';
  g_string_append (out, buffer);
}

static gboolean
append_field (GString            *out,
              const char         *name,
              gsize               name_len,
              const TsTrack      *track,
              const TsTimeFormat *time_format)
{
#define FIELD_IS(literal) (name_len == strlen (literal) && strncmp (name, literal, name_len) == 0)
  if (FIELD_IS ("time"))
    {
      g_autofree char *time = ts_format_time (track->seconds, time_format);
      g_string_append (out, time);
    }
  else if (FIELD_IS ("title"))
    g_string_append (out, track->title);
  else if (FIELD_IS ("artist") || FIELD_IS ("track"))
    {
      g_autofree char *artist = NULL;
      g_autofree char *track_name = NULL;

      ts_track_split_title (track->title, &artist, &track_name);
      g_string_append (out, FIELD_IS ("artist") ? artist : track_name);
    }
  else if (FIELD_IS ("index"))
    g_string_append_printf (out, "%u", track->index);
  else if (FIELD_IS ("beat"))
    append_beat (out, track->beat);
  else if (FIELD_IS ("bar"))
    {
      if (!isnan (track->beat))
        g_string_append_printf (out, "%.0f", floor (track->beat / 4.0) + 1.0);
    }
  else
    return FALSE;
  return TRUE;
#undef FIELD_IS
}

char *
ts_template_expand (const char         *template_,
                    const TsTrack      *track,
                    const TsTimeFormat *time_format)
{
  GString *out = g_string_new (NULL);
  const char *p = template_ != NULL ? template_ : TS_TEMPLATE_DEFAULT;

  while (*p != '\0')
    {
      const char *close;

      if (*p == '{' && (close = strchr (p + 1, '}')) != NULL &&
          append_field (out, p + 1, close - p - 1, track, time_format))
        {
          p = close + 1;
          continue;
        }
      g_string_append_c (out, *p);
      p++;
    }

  return g_string_free (out, FALSE);
}
