/* ts-template.c - "{time} {title}" style lines for one track
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ts-template"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ts-template.h"

G_DEFINE_QUARK (ts-template-error-quark, ts_template_error)

/* What ts_template_expand() fills in, in the order help lists them. */
static const char *const known_fields[] = {
  "time", "title", "artist", "track", "index", "beat", "bar",
};

static gboolean
is_known_field (const char *name,
                gsize       name_len)
{
  for (guint i = 0; i < G_N_ELEMENTS (known_fields); i++)
    if (name_len == strlen (known_fields[i]) && strncmp (name, known_fields[i], name_len) == 0)
      return TRUE;

  return FALSE;
}

/* Positions count characters from 1, as a DJ counts along the line. */
static glong
position_of (const char *template_,
             const char *p)
{
  return g_utf8_strlen (template_, p - template_) + 1;
}

/**
 * ts_template_validate:
 * @template_: a line template, e.g. "{time} {title}"
 *
 * Expanding never fails: an unknown field or a lone brace is written as it
 * stands. This says, before a whole tracklist comes out wrong, that
 * @template_ has one: a field that is none of {time} {title} {artist}
 * {track} {index} {beat} {bar}, a "{" that no "}" closes, or a "}" that
 * closes nothing.
 *
 * Returns: %TRUE when every brace is part of a known field
 */
gboolean
ts_template_validate (const char  *template_,
                      GError     **error)
{
  g_return_val_if_fail (template_ != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (const char *p = template_; *p != '\0'; p++)
    {
      const char *close;
      const char *open;

      if (*p == '}')
        {
          g_set_error (error, TS_TEMPLATE_ERROR, TS_TEMPLATE_ERROR_STRAY_BRACE,
                       _("“}” at character %ld closes no field"), position_of (template_, p));
          return FALSE;
        }
      if (*p != '{')
        continue;

      close = strchr (p + 1, '}');
      open = strchr (p + 1, '{');
      if (close == NULL || (open != NULL && open < close))
        {
          g_set_error (error, TS_TEMPLATE_ERROR, TS_TEMPLATE_ERROR_UNCLOSED_BRACE,
                       _("“{” at character %ld has no “}” to close the field"), position_of (template_, p));
          return FALSE;
        }
      if (!is_known_field (p + 1, close - p - 1))
        {
          g_autofree char *field = g_strndup (p, close - p + 1);

          g_set_error (error, TS_TEMPLATE_ERROR, TS_TEMPLATE_ERROR_UNKNOWN_FIELD,
                       _("“%s” is not a field; the fields are {time} {title} {artist} {track} {index} {beat} {bar}"),
                       field);
          return FALSE;
        }
      p = close;
    }

  return TRUE;
}

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
