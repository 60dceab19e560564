/* ts-cue-sheet.c - what Timestamps reads from a cue sheet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ts-cue-sheet"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ts-cp1252.h"
#include "ts-cue-sheet.h"
#include "ts-display-text.h"
#include "ts-file-name.h"
#include "ts-marker.h"

G_DEFINE_QUARK (ts-cue-error-quark, ts_cue_error)

/* Far beyond any mix (about 331 days), small enough that frame arithmetic
 * can never overflow. */
#define MAX_FRAMES ((gint64) G_MAXINT32)
/* A number in a TRACK or INDEX line longer than this is not a number any
 * writer produces; refusing it early keeps the arithmetic in range. */
#define MAX_DIGITS 9
/* Sniffing looks at the start of the file only. */
#define SNIFF_LENGTH 4096

static const char *const cue_keywords[] = {
  "REM", "PERFORMER", "TITLE", "FILE", "TRACK", "INDEX", "CATALOG",
  "CDTEXTFILE", "SONGWRITER", "FLAGS", "ISRC", "PREGAP", "POSTGAP",
};

typedef struct {
  const char     *name;
  TsCueSheet     *sheet;
  GPtrArray      *rem;
  const char     *file;        /* the FILE in force; owned by files */
  GPtrArray      *files;
  TsCueTrack     *track;       /* the track being read, or NULL */
  guint           track_line;
  gboolean        saw_keyword;
} Parser;

static void
ts_cue_track_clear (TsCueTrack *track)
{
  g_clear_pointer (&track->performer, g_free);
  g_clear_pointer (&track->title, g_free);
  g_clear_pointer (&track->file, g_free);
}

void
ts_cue_sheet_clear (TsCueSheet *sheet)
{
  g_clear_pointer (&sheet->performer, g_free);
  g_clear_pointer (&sheet->title, g_free);
  g_clear_pointer (&sheet->rem, g_strfreev);
  g_clear_pointer (&sheet->writer, g_free);
  g_clear_pointer (&sheet->tracks, g_array_unref);
  g_clear_pointer (&sheet->warnings, g_strfreev);
  sheet->time_style = TS_CUE_TIME_MSF;
}

const char *
ts_cue_sheet_get_writer (const TsCueSheet *sheet)
{
  return sheet->writer;
}

/* UTF-8 (with or without BOM), UTF-16 with a BOM, or else Windows-1252,
 * which is what older Windows tools write and a superset of Latin-1's
 * printable range. Returns NUL-terminated UTF-8 without NULs inside. */
static char *
decode_text (const guint8  *data,
             gsize          length,
             const char    *name,
             gsize         *out_length,
             GError       **error)
{
  const char *utf16 = NULL;
  char *text;

  if (length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      data += 3;
      length -= 3;
    }
  else if (length >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    utf16 = "UTF-16LE";
  else if (length >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    utf16 = "UTF-16BE";

  if (utf16 != NULL)
    {
      gsize written = 0;

      text = g_convert ((const char *) data + 2, length - 2, "UTF-8", utf16,
                        NULL, &written, NULL);
      if (text == NULL || strlen (text) != written)
        {
          g_free (text);
          g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED,
                       _("%s: the file says it is UTF-16 text but is not"), name);
          return NULL;
        }
      *out_length = written;
      return text;
    }

  if (memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_UNKNOWN_FORMAT,
                   _("%s: this is not a cue sheet (it contains binary data)"), name);
      return NULL;
    }

  if (g_utf8_validate_len ((const char *) data, length, NULL))
    text = g_strndup ((const char *) data, length);
  else
    text = ts_cp1252_to_utf8 (data, length);

  *out_length = strlen (text);
  return text;
}

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\f' || c == '\v';
}

static const char *
skip_blanks (const char *p)
{
  while (is_blank (*p))
    p++;
  return p;
}

/* Cuts the text into lines in place. CR, LF and CRLF all end a line; a run
 * of CRs before an LF is one line end too, since sheets that went through
 * two text-mode conversions end their lines in CR CR LF. */
static GPtrArray *
split_lines (char  *text,
             gsize  length)
{
  GPtrArray *lines = g_ptr_array_new ();
  char *start = text;
  char *end = text + length;
  char *p = text;

  while (p < end)
    {
      char *next;

      if (*p != '\n' && *p != '\r')
        {
          p++;
          continue;
        }

      next = p + 1;
      if (*p == '\r')
        {
          while (next < end && *next == '\r')
            next++;
          if (next < end && *next == '\n')
            next++;
        }
      *p = '\0';
      g_ptr_array_add (lines, start);
      start = p = next;
    }
  if (start < end)
    g_ptr_array_add (lines, start);

  return lines;
}

/* The keyword at the start of @line (after indentation), or NULL. Sets
 * @rest to the argument text with surrounding blanks removed. */
static const char *
split_keyword (char  *line,
               char **rest,
               gsize *keyword_length)
{
  char *keyword = (char *) skip_blanks (line);
  char *p = keyword;
  char *tail;

  if (*keyword == '\0')
    return NULL;

  while (*p != '\0' && !is_blank (*p))
    p++;
  *keyword_length = p - keyword;

  p = (char *) skip_blanks (p);
  tail = p + strlen (p);
  while (tail > p && is_blank (tail[-1]))
    tail--;
  *tail = '\0';
  *rest = p;

  return keyword;
}

static gboolean
keyword_is (const char *keyword,
            gsize       length,
            const char *name)
{
  return strlen (name) == length && g_ascii_strncasecmp (keyword, name, length) == 0;
}

/* A quoted argument runs to the last quote on the line, so a title with
 * a stray quote inside ("12" Mix") still reads whole, and FILE's type
 * after the closing quote is left out; \" inside stands for a quote, as
 * libcue and our own writer spell it. */
static char *
parse_string (const char    *rest,
              const Parser  *parser,
              guint          line_number,
              GError       **error)
{
  const char *close;
  GString *value;

  if (*rest != '"')
    return g_strdup (rest);

  close = strrchr (rest, '"');
  if (close == rest)
    {
      g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED,
                   _("%s, line %u: a quoted text is not closed with \""),
                   parser->name, line_number);
      return NULL;
    }

  value = g_string_new (NULL);
  for (const char *p = rest + 1; p < close; p++)
    {
      if (p[0] == '\\' && p + 1 < close && p[1] == '"')
        p++;
      g_string_append_c (value, *p);
    }

  return g_strstrip (g_string_free (value, FALSE));
}

/* Digits only, at most MAX_DIGITS of them; advances @p past them. */
static gboolean
parse_number (const char **p,
              gint64      *value)
{
  const char *s = *p;
  gint64 result = 0;
  guint n = 0;

  while (g_ascii_isdigit (s[n]))
    {
      if (n == MAX_DIGITS)
        return FALSE;
      result = result * 10 + (s[n] - '0');
      n++;
    }
  if (n == 0)
    return FALSE;

  *p = s + n;
  *value = result;
  return TRUE;
}

static gboolean
parse_time (const char     *text,
            TsCueTimeStyle  style,
            gint64         *frames)
{
  const char *p = text;
  gint64 a, b, c;
  gint64 total = 0;

  if (!parse_number (&p, &a) || *p++ != ':' ||
      !parse_number (&p, &b) || *p++ != ':' ||
      !parse_number (&p, &c))
    return FALSE;
  if (*skip_blanks (p) != '\0')
    return FALSE;

  switch (style)
    {
    case TS_CUE_TIME_MSF:
      if (b >= 60 || c >= TS_CUE_FRAMES_PER_SECOND)
        return FALSE;
      total = (a * 60 + b) * TS_CUE_FRAMES_PER_SECOND + c;
      break;
    case TS_CUE_TIME_HMS:
      if (b >= 60 || c >= 60)
        return FALSE;
      total = (a * 3600 + b * 60 + c) * TS_CUE_FRAMES_PER_SECOND;
      break;
    }

  if (total > MAX_FRAMES)
    return FALSE;

  *frames = total;
  return TRUE;
}

/* What wrote the sheet, from its REM lines. rekordbox's own recordings
 * (REM RECORDED_BY "rekordbox-dj") are also the ones with hh:mm:ss times. */
static void
detect_writer (TsCueSheet *sheet,
               char      **lines,
               guint       n_lines)
{
  static const struct { const char *needle; const char *writer; } writers[] = {
    { "rekordbox", "rekordbox" },
    { "mixxx", "Mixxx" },
    { "serato", "Serato" },
    { "traktor", "Traktor" },
    { "virtualdj", "VirtualDJ" },
  };

  for (guint i = 0; i < n_lines; i++)
    {
      g_autofree char *lower = NULL;
      gsize keyword_length = 0;
      char *rest = NULL;
      const char *keyword = split_keyword (lines[i], &rest, &keyword_length);

      if (keyword == NULL || !keyword_is (keyword, keyword_length, "REM"))
        continue;

      lower = g_ascii_strdown (rest, -1);
      if (g_str_has_prefix (lower, "recorded_by") &&
          is_blank (lower[strlen ("recorded_by")]))
        {
          const char *value = skip_blanks (lower + strlen ("recorded_by"));

          if (*value == '"')
            value++;
          if (g_str_has_prefix (value, "rekordbox"))
            sheet->time_style = TS_CUE_TIME_HMS;
        }

      for (guint w = 0; w < G_N_ELEMENTS (writers) && sheet->writer == NULL; w++)
        if (strstr (lower, writers[w].needle) != NULL)
          sheet->writer = g_strdup (writers[w].writer);
    }
}

/* The start of what a line says, for an error message: a garbled line can
 * be megabytes long. */
static char *
excerpt (const char *text)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, 41) <= 40)
    return g_strdup (text);
  start = g_utf8_substring (text, 0, 40);
  return g_strconcat (start, "…", NULL);
}

static gboolean
finish_track (Parser  *parser,
              GError **error)
{
  if (parser->track == NULL)
    return TRUE;

  if (parser->track->index01 < 0)
    {
      g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED,
                   _("%s, line %u: track %u has no INDEX 01, so it has no start"),
                   parser->name, parser->track_line, parser->track->number);
      return FALSE;
    }

  parser->track = NULL;
  return TRUE;
}

/* Whether the file stops without ending its last line: a download or copy
 * that was cut short. A whole sheet ends in a line end (every writer puts
 * one there), so a track without INDEX 01 before one is damage instead. */
static gboolean
is_cut_off (const char *text,
            gsize       length)
{
  return length > 0 && text[length - 1] != '\n' && text[length - 1] != '\r';
}

/* A sheet cut off inside its last track keeps the tracks before it: they
 * are complete, and rejecting them all for the one that is not helps no
 * one. The cut track is dropped, never placed at 0:00, and the warning
 * names it. Returns FALSE when there is no such track, or when it is the
 * only one, which leaves nothing to list: that stays an error. */
static gboolean
drop_cut_off_track (Parser  *parser,
                    char   **warning)
{
  GArray *tracks = parser->sheet->tracks;
  g_autofree char *text = NULL;

  if (parser->track == NULL || parser->track->index01 >= 0 || tracks->len < 2)
    return FALSE;

  text = ts_cue_track_dup_text (parser->track);
  *warning = g_strdup_printf (/* Translators: the file, the line, the track's
                               * number and its "Performer - Title". */
                              _("%s, line %u: the file ends inside track %u “%s”, before its INDEX 01; "
                                "that track is left out, the ones before it are complete"),
                              parser->name, parser->track_line, parser->track->number, text);
  parser->track = NULL;
  g_array_set_size (tracks, tracks->len - 1);
  return TRUE;
}

static gboolean
parse_track_line (Parser      *parser,
                  const char  *rest,
                  guint        line_number,
                  GError     **error)
{
  TsCueTrack track = { 0, NULL, NULL, NULL, -1, -1 };
  const char *p = rest;
  gint64 number;

  if (!parse_number (&p, &number) || (*p != '\0' && !is_blank (*p)))
    {
      g_autofree char *shown = excerpt (rest);

      g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED,
                   /* Translators: TRACK is a cue sheet keyword; the last
                    * %s is the text found after it. */
                   _("%s, line %u: TRACK needs a track number, not “%s”"),
                   parser->name, line_number, shown);
      return FALSE;
    }

  if (!finish_track (parser, error))
    return FALSE;

  track.number = (guint) number;
  g_array_append_val (parser->sheet->tracks, track);
  parser->track = &g_array_index (parser->sheet->tracks, TsCueTrack,
                                  parser->sheet->tracks->len - 1);
  parser->track_line = line_number;
  return TRUE;
}

static gboolean
parse_index_line (Parser      *parser,
                  const char  *rest,
                  guint        line_number,
                  GError     **error)
{
  const char *style_name = NULL;
  const char *p = rest;
  gint64 number;
  gint64 frames;

  if (parser->track == NULL)
    {
      g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED,
                   _("%s, line %u: INDEX comes before the first TRACK"),
                   parser->name, line_number);
      return FALSE;
    }

  if (!parse_number (&p, &number) || number > 99 || !is_blank (*p))
    {
      g_autofree char *shown = excerpt (rest);

      g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED,
                   /* Translators: INDEX is a cue sheet keyword; the last
                    * %s is the text found after it. */
                   _("%s, line %u: INDEX needs a number from 00 to 99 and a time, not “%s”"),
                   parser->name, line_number, shown);
      return FALSE;
    }

  switch (parser->sheet->time_style)
    {
    case TS_CUE_TIME_MSF:
      /* Translators: completes "“%s” is not a time in %s". */
      style_name = _("minutes:seconds:frames");
      break;
    case TS_CUE_TIME_HMS:
      /* Translators: completes "“%s” is not a time in %s". */
      style_name = _("hours:minutes:seconds, as rekordbox writes it");
      break;
    }

  p = skip_blanks (p);
  if (!parse_time (p, parser->sheet->time_style, &frames))
    {
      g_autofree char *shown = excerpt (p);

      g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED,
                   /* Translators: the last %s is a time format, e.g.
                    * "minutes:seconds:frames". */
                   _("%s, line %u: “%s” is not a time in %s"),
                   parser->name, line_number, shown, style_name);
      return FALSE;
    }

  if (number == 1)
    {
      if (parser->track->index01 >= 0)
        {
          g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED,
                       _("%s, line %u: track %u has a second INDEX 01"),
                       parser->name, line_number, parser->track->number);
          return FALSE;
        }
      parser->track->index01 = frames;
      parser->track->file = g_strdup (parser->file);
    }
  else if (number == 0)
    parser->track->index00 = frames;

  return TRUE;
}

static gboolean
parse_line (Parser   *parser,
            char     *line,
            guint     line_number,
            GError  **error)
{
  gsize length = 0;
  char *rest = NULL;
  const char *keyword = split_keyword (line, &rest, &length);

  if (keyword == NULL)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (cue_keywords); i++)
    if (keyword_is (keyword, length, cue_keywords[i]))
      parser->saw_keyword = TRUE;

  if (keyword_is (keyword, length, "TRACK"))
    return parse_track_line (parser, rest, line_number, error);

  if (keyword_is (keyword, length, "INDEX"))
    return parse_index_line (parser, rest, line_number, error);

  if (keyword_is (keyword, length, "PERFORMER") || keyword_is (keyword, length, "TITLE"))
    {
      gboolean performer = keyword_is (keyword, length, "PERFORMER");
      g_autofree char *value = parse_string (rest, parser, line_number, error);
      g_autofree char *display = NULL;
      char **slot;

      if (value == NULL)
        return FALSE;
      display = g_strstrip (ts_display_text_dup (value));

      if (parser->track != NULL)
        slot = performer ? &parser->track->performer : &parser->track->title;
      else
        slot = performer ? &parser->sheet->performer : &parser->sheet->title;
      g_free (*slot);
      *slot = g_steal_pointer (&display);
      return TRUE;
    }

  if (keyword_is (keyword, length, "FILE"))
    {
      char *value = parse_string (rest, parser, line_number, error);

      if (value == NULL)
        return FALSE;

      /* Unquoted: the last word is the file type (WAVE, MP3, ...). */
      if (*rest != '"')
        {
          char *space = strrchr (value, ' ');
          char *tab = strrchr (value, '\t');

          if (tab != NULL && (space == NULL || tab > space))
            space = tab;
          if (space != NULL)
            {
              *space = '\0';
              g_strchomp (value);
            }
        }

      g_ptr_array_add (parser->files, value);
      parser->file = value;
      return TRUE;
    }

  if (keyword_is (keyword, length, "REM") && parser->sheet->tracks->len == 0)
    g_ptr_array_add (parser->rem, g_strdup (rest));

  /* Other commands (FLAGS, ISRC, PREGAP, ...) and lines that are no
   * command at all say nothing about where tracks start. */
  return TRUE;
}

gboolean
ts_cue_sheet_read (TsCueSheet    *sheet,
                   const guint8  *data,
                   gsize          length,
                   const char    *display_name,
                   GError       **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) rem = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autofree char *warning = NULL;
  gsize text_length = 0;
  gboolean blank = TRUE;
  gboolean cut_off;
  Parser parser = { 0, };

  g_return_val_if_fail (sheet != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display_name = ts_project_error_file_name (display_name);

  memset (sheet, 0, sizeof *sheet);
  sheet->time_style = TS_CUE_TIME_MSF;
  sheet->tracks = g_array_new (FALSE, TRUE, sizeof (TsCueTrack));
  g_array_set_clear_func (sheet->tracks, (GDestroyNotify) ts_cue_track_clear);

  if (length > TS_CUE_MAX_SIZE)
    {
      g_autofree char *size = g_format_size (length);

      g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_TOO_LARGE,
                   /* Translators: the second %s is a size, e.g. "17.0 MB";
                    * said like the loader's limit for any project. */
                   _("%s: the file is %s, larger than any cue sheet Timestamps can read"),
                   display_name, size);
      goto fail;
    }

  text = decode_text (data, length, display_name, &text_length, error);
  if (text == NULL)
    goto fail;

  for (gsize i = 0; i < text_length && blank; i++)
    blank = g_ascii_isspace (text[i]);
  if (blank)
    {
      /* Blanks alone say nothing either. */
      ts_project_error_empty (display_name, error);
      goto fail;
    }

  /* Before splitting, which overwrites the line ends. */
  cut_off = is_cut_off (text, text_length);
  lines = split_lines (text, text_length);
  rem = g_ptr_array_new_with_free_func (g_free);
  files = g_ptr_array_new_with_free_func (g_free);

  detect_writer (sheet, (char **) lines->pdata, lines->len);

  parser.name = display_name;
  parser.sheet = sheet;
  parser.rem = rem;
  parser.files = files;

  for (guint i = 0; i < lines->len; i++)
    {
      g_autoptr(GError) line_error = NULL;

      if (parse_line (&parser, lines->pdata[i], i + 1, &line_error))
        continue;
      /* Only the line the file stops in can be cut off; the track it
       * belongs to is dropped below, like a track with no INDEX 01. */
      if (i + 1 == lines->len && cut_off && parser.track != NULL &&
          parser.track->index01 < 0)
        break;
      g_propagate_error (error, g_steal_pointer (&line_error));
      goto fail;
    }

  if (cut_off && drop_cut_off_track (&parser, &warning))
    {
      GStrv warnings = g_new0 (char *, 2);

      warnings[0] = g_steal_pointer (&warning);
      sheet->warnings = warnings;
    }
  else if (!finish_track (&parser, error))
    goto fail;

  if (sheet->tracks->len == 0)
    {
      if (!parser.saw_keyword)
        g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_UNKNOWN_FORMAT,
                     _("%s: this is not a cue sheet (no line starts with TRACK, INDEX, FILE, "
                       "TITLE or PERFORMER)"),
                     display_name);
      else
        g_set_error (error, TS_CUE_ERROR, TS_CUE_ERROR_NO_TRACKS,
                     _("%s: the cue sheet has no TRACK, so there is nothing to list"),
                     display_name);
      goto fail;
    }

  g_ptr_array_add (rem, NULL);
  sheet->rem = (GStrv) g_ptr_array_steal (rem, NULL);
  return TRUE;

fail:
  ts_cue_sheet_clear (sheet);
  return FALSE;
}

/* PERFORMER - TITLE, leaving out an empty part; then the file's name; then
 * "Unknown". The sheet's PERFORMER is not used: it names whoever mixed the
 * set, and every track would otherwise be credited to the DJ. */
char *
ts_cue_track_dup_text (const TsCueTrack *track)
{
  gboolean has_performer = track->performer != NULL && track->performer[0] != '\0';
  gboolean has_title = track->title != NULL && track->title[0] != '\0';
  g_autofree char *raw_stem = NULL;
  g_autofree char *stem = NULL;

  if (has_performer && has_title)
    return g_strdup_printf ("%s - %s", track->performer, track->title);
  if (has_title)
    return g_strdup (track->title);
  if (has_performer)
    return g_strdup (track->performer);
  raw_stem = ts_file_name_dup_stem (track->file);
  stem = ts_display_text_dup (raw_stem);
  if (stem != NULL && g_strstrip (stem)[0] != '\0')
    return g_steal_pointer (&stem);
  return g_strdup ("Unknown");
}

GArray *
ts_cue_sheet_collect_markers (const TsCueSheet *sheet)
{
  GArray *markers = ts_marker_array_new ();

  for (guint i = 0; i < sheet->tracks->len; i++)
    {
      const TsCueTrack *track = &g_array_index (sheet->tracks, TsCueTrack, i);
      TsMarker marker;

      marker.title = ts_cue_track_dup_text (track);
      marker.beat = NAN;
      marker.seconds = (double) track->index01 / TS_CUE_FRAMES_PER_SECOND;
      g_array_append_val (markers, marker);
    }

  return markers;
}

/**
 * ts_cue_sheet_derive:
 * @arrangement: 0: a sheet is one list
 * @facts: (out caller-allocates): filled in, whatever it held
 *
 * The shared facts of the sheet. Its times are seconds already: there is
 * no tempo map and no end, since a sheet does not say how long its files
 * are.
 */
void
ts_cue_sheet_derive (const TsCueSheet *sheet,
                     guint             arrangement,
                     TsProjectFacts   *facts)
{
  g_return_if_fail (arrangement == 0);

  facts->tempo_map = NULL;
  facts->markers = ts_cue_sheet_collect_markers (sheet);
  facts->end_beat = NAN;
  facts->curved_automation = FALSE;
  facts->arrangements = NULL;
  facts->warnings = g_strdupv (sheet->warnings);
}

gboolean
ts_cue_sheet_looks_like (const guint8 *data,
                         gsize         length)
{
  g_autofree char *decoded = NULL;
  const char *text;
  gsize n;
  gsize start = 0;
  gsize end;

  if (length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    start = 3;
  else if (length >= 2 && (data[0] == 0xFF || data[0] == 0xFE) &&
           (data[1] == 0xFF || data[1] == 0xFE) && data[0] != data[1])
    {
      /* Decode an even number of bytes so a cut character cannot fail it. */
      gsize chunk = MIN (length - 2, SNIFF_LENGTH) & ~(gsize) 1;
      gsize written = 0;

      decoded = g_convert ((const char *) data + 2, chunk, "UTF-8",
                           data[0] == 0xFF ? "UTF-16LE" : "UTF-16BE",
                           NULL, &written, NULL);
      if (decoded == NULL)
        return FALSE;
      data = (const guint8 *) decoded;
      length = written;
    }

  n = MIN (length, start + SNIFF_LENGTH);
  text = (const char *) data;
  if (memchr (text + start, '\0', n - start) != NULL)
    return FALSE;

  while (start < n && g_ascii_isspace (text[start]))
    start++;
  end = start;
  while (end < n && g_ascii_isupper (text[end]))
    end++;
  if (end == start || (end < n && !g_ascii_isspace (text[end])))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (cue_keywords); i++)
    if (strlen (cue_keywords[i]) == end - start &&
        memcmp (text + start, cue_keywords[i], end - start) == 0)
      return TRUE;

  return FALSE;
}
