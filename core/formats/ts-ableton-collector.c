/* ts-ableton-collector.c - what a Live set says, element by element
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both readers walk the element path through the same collector: it keeps
 * where each element sits, reads the numbers and ids the set needs, and
 * at the end makes a TsAbletonSet of what it found.
 */
#define G_LOG_DOMAIN "ts-ableton-set"

#include "config.h"

#include "ts-ableton-set-private.h"

#include <float.h>
#include <math.h>

#include <glib/gi18n-lib.h>

#include "ts-display-text.h"

/* The compressed stream's failures in the codes the app acts on, with
 * the source's words; the size cap is the readers' policy, not the
 * source's. */
gssize
ts_ableton_source_read (TsGzipSource  *src,
                        const char    *display_name,
                        guint8        *buf,
                        gsize          len,
                        GError       **error)
{
  GError *local = NULL;
  gssize n = ts_gzip_source_read (src, buf, len, &local);

  if (n < 0)
    {
      TsProjectError code = TS_PROJECT_ERROR_DAMAGED;

      switch ((TsGzipError) local->code)
        {
        case TS_GZIP_ERROR_TRUNCATED:
          code = TS_PROJECT_ERROR_TRUNCATED;
          break;
        case TS_GZIP_ERROR_CORRUPT:
          code = TS_PROJECT_ERROR_DAMAGED;
          break;
        case TS_GZIP_ERROR_NO_MEMORY:
          /* More than this machine can inflate is too large for it. */
          code = TS_PROJECT_ERROR_TOO_LARGE;
          break;
        }
      g_set_error_literal (error, TS_PROJECT_ERROR, code, local->message);
      g_error_free (local);
      return -1;
    }
  if (ts_gzip_source_get_produced (src) > TS_ABLETON_MAX_XML_SIZE)
    {
      g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_TOO_LARGE,
                   _("%s: the set is too large to read (more than %u MiB of XML)"),
                   display_name,
                   (guint) (TS_ABLETON_MAX_XML_SIZE / (1024 * 1024)));
      return -1;
    }

  return n;
}

static void
events_init (TsAbletonEvents *events)
{
  events->points = g_array_new (FALSE, FALSE, sizeof (TsTempoPoint));
  events->curves = g_array_new (FALSE, FALSE, sizeof (TsAbletonCurve));
}

static void
events_clear (TsAbletonEvents *events)
{
  g_clear_pointer (&events->points, g_array_unref);
  g_clear_pointer (&events->curves, g_array_unref);
}

static void
envelope_free (TsAbletonEnvelope *envelope)
{
  events_clear (&envelope->events);
  g_free (envelope);
}

static void
locator_clear (TsAbletonLocator *locator)
{
  g_clear_pointer (&locator->name, g_free);
}

static GArray *
locator_array_new (void)
{
  GArray *locators = g_array_new (FALSE, FALSE, sizeof (TsAbletonLocator));

  g_array_set_clear_func (locators, (GDestroyNotify) locator_clear);
  return locators;
}

static void
collector_init (TsAbletonCollector *c,
                const char         *display_name)
{
  memset (c, 0, sizeof *c);
  c->display_name = display_name;
  events_init (&c->arranger_events);
  c->envelopes = g_ptr_array_new_with_free_func ((GDestroyNotify) envelope_free);
  c->locators = locator_array_new ();
}

static void
collector_clear (TsAbletonCollector *c)
{
  g_free (c->creator);
  g_free (c->minor_version);
  events_clear (&c->arranger_events);
  g_ptr_array_unref (c->envelopes);
  g_clear_pointer (&c->locators, g_array_unref);
  g_free (c->locator_name);
}

/* A count beyond what the reader holds for any set. */
static gboolean
too_many (TsAbletonCollector  *c,
          GError             **error,
          const char          *what,
          guint                limit)
{
  g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_TOO_LARGE,
               /* Translators: the file, then a limit and what it counts,
                * e.g. "1000000" and "locators". */
               _("%s: the Live set has more than %u %s, more than Timestamps reads"),
               c->display_name, limit, what);
  return FALSE;
}

gboolean
ts_ableton_malformed (TsAbletonCollector  *c,
                      GError             **error,
                      const char          *format,
                      ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED,
               /* Translators: the first %s is the file name, the second
                * what is wrong, e.g. "a locator has no position". */
               _("%s: the Live set is damaged: %s"), c->display_name, what);
  return FALSE;
}

#if (defined(__x86_64__) || defined(__i386__)) && LDBL_MANT_DIG == 64
/* @mantissa / 10^@n_fraction for up to 19 digits, which Live writes for a
 * fifth of its tempo point positions ("66.022675761738256"): strtod()
 * takes its slow multi-precision path for them. In the x87 extended
 * format the mantissa (below 10^19 < 2^64) and the power of ten (5^19 <
 * 2^64) are exact, so the division is correctly rounded to 64 bits.
 * Rounding that to a double again gives the correctly rounded double,
 * what strtod gives, except when it lands exactly halfway between two
 * doubles: a halfway point has 54 bits, so the exact quotient cannot lie
 * on the other side of one without the 64-bit quotient landing on it.
 * Those few are left to strtod. With the x87 set to round to 53 bits
 * (some Windows runtimes), the division is correctly rounded to a double
 * at once and never lands halfway. */
static gboolean
parse_double_extended (guint64  mantissa,
                       gsize    n_fraction,
                       double  *out)
{
  static const long double powers[] = {
    1e0L, 1e1L, 1e2L, 1e3L, 1e4L, 1e5L, 1e6L, 1e7L, 1e8L, 1e9L, 1e10L,
    1e11L, 1e12L, 1e13L, 1e14L, 1e15L, 1e16L, 1e17L, 1e18L, 1e19L,
  };
  long double quotient = (long double) mantissa / powers[n_fraction];
  guint64 bits;

  /* The 64-bit significand comes first in the 80-bit format; its low 11
   * bits are those a double drops, and 0x400 is exactly half of them. */
  memcpy (&bits, &quotient, sizeof bits);
  if ((bits & 0x7FF) == 0x400)
    return FALSE;
  *out = (double) quotient;
  return TRUE;
}
#endif

/* A decimal number as Live writes it ("-63072000", "120.760574",
 * "4.0939253454878459", "1e-05"). Anything else, including "inf", "nan",
 * hex and blanks, is refused so that both readers agree on every input.
 * The byte after @s + @len must not continue a number (a closing quote or
 * a NUL). */
gboolean
ts_ableton_parse_double (const char *s,
                         gsize       len,
                         double     *out)
{
  const char *c = s;
  const char *end = s + len;
  const char *digits;
  gsize n_digits;
  gsize n_fraction = 0;
  guint64 mantissa = 0;
  gboolean negative = FALSE;
  gboolean has_exponent = FALSE;
  char *parsed = NULL;
  double value;

  if (c < end && (*c == '-' || *c == '+'))
    negative = *c++ == '-';
  digits = c;
  c = ts_ableton_read_digits (c, end, &mantissa);
  n_digits = c - digits;
  if (c < end && *c == '.')
    {
      digits = ++c;
      c = ts_ableton_read_digits (c, end, &mantissa);
      n_fraction = c - digits;
    }
  if (n_digits + n_fraction == 0)
    return FALSE;
  if (c < end && (*c == 'e' || *c == 'E'))
    {
      gsize exponent_digits = 0;

      has_exponent = TRUE;
      c++;
      if (c < end && (*c == '-' || *c == '+'))
        c++;
      for (; c < end && g_ascii_isdigit (*c); c++)
        exponent_digits++;
      if (exponent_digits == 0)
        return FALSE;
    }
  if (c != end)
    return FALSE;

  if (!has_exponent && ts_ableton_number_from_digits (mantissa, n_digits + n_fraction, n_fraction, negative, out))
    return TRUE;

  value = g_ascii_strtod (s, &parsed);
  if (parsed != end || !isfinite (value))
    return FALSE;
  *out = value;
  return TRUE;
}

gboolean
ts_ableton_long_number (guint64   mantissa,
                        gsize     n_fraction,
                        gboolean  negative,
                        double   *out)
{
#if (defined(__x86_64__) || defined(__i386__)) && LDBL_MANT_DIG == 64
  double value;

  if (parse_double_extended (mantissa, n_fraction, &value))
    {
      *out = negative ? -value : value;
      return TRUE;
    }
#endif
  return FALSE;
}

static gboolean
not_a_number (TsAbletonCollector  *c,
              const char          *text,
              gsize                len,
              const char          *what,
              GError             **error)
{
  /* The message quotes the set's own bytes, which a tempo point's fast
   * path has not checked: they go to terminals and dialogs as text. */
  g_autofree char *valid = g_utf8_make_valid (text, (gssize) MIN (len, 32));
  g_autofree char *shown = ts_display_text_dup (valid);

  /* Translators: the first %s names a value, e.g. "the position of a
   * tempo point"; the second is the text found in the set. */
  return ts_ableton_malformed (c, error, _("%s “%s” is not a number"), what, shown);
}

gboolean
ts_ableton_parse_number (TsAbletonCollector  *c,
                         const char          *text,
                         gsize                len,
                         const char          *what,
                         double              *out,
                         GError             **error)
{
  if (!ts_ableton_parse_double (text, len, out))
    return not_a_number (c, text, len, what, error);
  return TRUE;
}

gboolean
ts_ableton_parse_id (TsAbletonCollector  *c,
                     const char          *text,
                     const char          *what,
                     gint64              *out,
                     GError             **error)
{
  gsize len = strlen (text);
  gint64 value = 0;

  if (len == 0 || len > 18)
    return ts_ableton_malformed (c, error, _("%s is not a number"), what);
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]) && !(i == 0 && text[0] == '-' && len > 1))
        return ts_ableton_malformed (c, error, _("%s is not a number"), what);
      if (g_ascii_isdigit (text[i]))
        value = value * 10 + (text[i] - '0');
    }
  *out = text[0] == '-' ? -value : value;
  return TRUE;
}

#define TIME_BIT   (1u << 0)
#define VALUE_BIT  (1u << 1)
#define CURVE_BITS (0xFu << 2)

gboolean
ts_ableton_event_field (TsAbletonCollector    *c,
                        TsAbletonEventFields  *fields,
                        const char            *name,
                        gsize                  name_len,
                        const char            *value,
                        gsize                  value_len,
                        GError               **error)
{
  /* Translated only for an error: a set has up to 100 000s of tempo
   * points, and looking their names up cost more than parsing them. */
  const char *what;
  double *out;
  guint bit;

  if (ts_ableton_name_is (name, name_len, "Time"))
    {
      /* Translators: names a value; starts the sentence "%s is not a number". */
      what = N_("the position of a tempo point");
      out = &fields->point.beat;
      bit = TIME_BIT;
    }
  else if (ts_ableton_name_is (name, name_len, "Value"))
    {
      /* Translators: names a value; starts the sentence "%s is not a number". */
      what = N_("the tempo of a tempo point");
      out = &fields->point.bpm;
      bit = VALUE_BIT;
    }
  else if (name_len == strlen ("CurveControl1X")
           && memcmp (name, "CurveControl", strlen ("CurveControl")) == 0
           && (name[12] == '1' || name[12] == '2')
           && (name[13] == 'X' || name[13] == 'Y'))
    {
      guint index = (name[12] - '1') * 2 + (name[13] - 'X');

      /* Translators: names a value; starts the sentence "%s is not a number". */
      what = N_("a curve handle of a tempo point");
      out = &fields->curve[index];
      bit = 1u << (2 + index);
    }
  else
    return TRUE;

  /* XML forbids it; the scanner does not check, so say it here. */
  if (fields->seen & bit)
    return ts_ableton_malformed (c, error, _("a tempo point has an attribute twice"));
  fields->seen |= bit;
  if (!ts_ableton_parse_double (value, value_len, out))
    return not_a_number (c, value, value_len, _(what), error);
  return TRUE;
}

static gboolean
room_for_points (TsAbletonCollector  *c,
                 TsAbletonEvents     *events,
                 guint                n_points,
                 GError             **error)
{
  if (n_points > TS_ABLETON_MAX_TEMPO_EVENTS - events->points->len)
    /* Translators: completes "more than %u %s". */
    return too_many (c, error, _("tempo automation points"), TS_ABLETON_MAX_TEMPO_EVENTS);
  return TRUE;
}

gboolean
ts_ableton_event_finish (TsAbletonCollector    *c,
                         TsAbletonEventFields  *fields,
                         TsAbletonEvents       *events,
                         GError               **error)
{
  guint curves = fields->seen & CURVE_BITS;

  if (!(fields->seen & TIME_BIT))
    return ts_ableton_malformed (c, error, _("a tempo point has no position"));
  if (!(fields->seen & VALUE_BIT))
    return ts_ableton_malformed (c, error, _("a tempo point has no tempo"));
  if (curves != 0 && curves != CURVE_BITS)
    return ts_ableton_malformed (c, error, _("a tempo point has only some of its curve handles"));

  if (!room_for_points (c, events, 1, error))
    return FALSE;

  if (curves != 0)
    {
      TsAbletonCurve curve = {
        events->points->len, fields->curve[0], fields->curve[1], fields->curve[2], fields->curve[3],
      };

      g_array_append_val (events->curves, curve);
    }
  g_array_append_val (events->points, fields->point);
  return TRUE;
}

gboolean
ts_ableton_events_add_plain (TsAbletonCollector  *c,
                             TsAbletonEvents     *events,
                             const TsTempoPoint  *points,
                             guint                n_points,
                             GError             **error)
{
  if (!room_for_points (c, events, n_points, error))
    return FALSE;
  g_array_append_vals (events->points, points, n_points);
  return TRUE;
}

/* What is wrong, in words that complete "the Live set is damaged: %s". */
static const char *
xml_fault_words (TsAbletonXmlFault fault)
{
  switch (fault)
    {
    case TS_ABLETON_XML_CHARACTER:
      return _("it contains a character XML does not allow");
    case TS_ABLETON_XML_ENCODING:
      return _("its text is not in the encoding it declares");
    case TS_ABLETON_XML_ENTITY:
      return _("it refers to an entity (“&…;”) that XML does not define");
    case TS_ABLETON_XML_TAG:
      return _("an element is not closed, or closed in the wrong place");
    case TS_ABLETON_XML_ATTRIBUTE:
      return _("an attribute is not written as XML requires");
    case TS_ABLETON_XML_AFTER_END:
      return _("there is more after the end of the document");
    case TS_ABLETON_XML_TOO_LARGE:
      return _("a part of it is larger than the XML reader can hold");
    case TS_ABLETON_XML_BROKEN:
      return _("the XML is broken");
    }
  g_return_val_if_reached (NULL);
}

/**
 * ts_ableton_describe_xml_fault:
 * @line: the line of the file it is on, from 1; 0 when unknown
 *
 * Returns: (transfer full): what is wrong with the XML and where,
 *   translated
 */
char *
ts_ableton_describe_xml_fault (TsAbletonXmlFault fault,
                               guint64           line)
{
  const char *words = xml_fault_words (fault);

  if (line == 0)
    return g_strdup (words);
  /* A set holds at most TS_ABLETON_MAX_XML_SIZE bytes: the line fits. */
  return g_strdup_printf (/* Translators: what is wrong, e.g. "it contains a
                           * character XML does not allow", then the line
                           * of the file it is on. */
                          _("%s, at line %u"), words, (guint) line);
}

gboolean
ts_ableton_refuse_doctype (TsAbletonCollector  *c,
                           GError             **error)
{
  return ts_ableton_malformed (c, error, _("it contains a document type declaration, which "
                                           "Live never writes and which is not read for safety"));
}

TsAbletonEvents *
ts_ableton_collector_events (TsAbletonCollector *c,
                             TsAlsCtx            ctx)
{
  return ctx == TS_ALS_TEMPO_EVENT ? &c->arranger_events : &c->envelope->events;
}

static inline guint64
ctx_bit (TsAlsCtx ctx)
{
  return G_GUINT64_CONSTANT (1) << ctx;
}

/* What the path table cannot say: entering these elements starts an item
 * (an envelope, a locator, a clip) or reads one of its parts once.
 * Returns FALSE when the element is to be skipped. */
static gboolean
collector_enter_item (TsAbletonCollector *c,
                      TsAlsCtx            child)
{
  if (child == TS_ALS_ENVELOPE)
    {
      c->envelope = g_new0 (TsAbletonEnvelope, 1);
      events_init (&c->envelope->events);
      g_ptr_array_add (c->envelopes, c->envelope);
    }
  else if (child == TS_ALS_POINTEE)
    return !c->envelope->has_pointee;
  else if (child == TS_ALS_LOCATOR)
    {
      c->locator_seen_time = FALSE;
      c->locator_has_time = FALSE;
      g_clear_pointer (&c->locator_name, g_free);
    }
  else if (child == TS_ALS_LOCATOR_TIME)
    {
      if (c->locator_seen_time)
        return FALSE;
      c->locator_seen_time = TRUE;
    }
  else if (child == TS_ALS_LOCATOR_NAME)
    return c->locator_name == NULL;
  else if (child == TS_ALS_CLIP)
    {
      c->clip_seen_end = FALSE;
      c->clip_has_end = FALSE;
    }
  else if (child == TS_ALS_CLIP_END)
    {
      if (c->clip_seen_end)
        return FALSE;
      c->clip_seen_end = TRUE;
    }
  return TRUE;
}

/* Follows the element path: the context of element @name under @parent. */
gboolean
ts_ableton_collector_enter (TsAbletonCollector  *c,
                            TsAlsCtx             parent,
                            const char          *name,
                            gsize                name_len,
                            TsAlsCtx            *ctx,
                            GError             **error)
{
  const TsAlsPath *path = ts_als_path_find (parent, name, name_len);

  *ctx = TS_ALS_OTHER;

  if (path == NULL)
    {
      if (parent != TS_ALS_DOCUMENT)
        return TRUE;
      /* Translators: the reason in "this is not an Ableton Live set (%s)". */
      return ts_ableton_not_a_set (c->display_name, _("it is XML of another kind"), error);
    }

  if (path->flags & TS_ALS_PATH_FIRST_ONLY)
    {
      if (c->seen & ctx_bit (path->child))
        return TRUE;
      c->seen |= ctx_bit (path->child);
    }
  if ((path->flags & TS_ALS_PATH_ITEM) && !collector_enter_item (c, path->child))
    return TRUE;

  *ctx = path->child;
  return TRUE;
}

/* Live pads names the way users type them; titles are what remains
 * between the first and last visible character of the display text. */
static char *
trim_name (const char *raw)
{
  char *name = ts_display_text_dup (raw);
  char *start = name;
  char *end = name + strlen (name);

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  memmove (name, start, end - start);
  name[end - start] = '\0';
  return name;
}

gboolean
ts_ableton_collector_leave (TsAbletonCollector  *c,
                            TsAlsCtx             ctx,
                            GError             **error)
{
  c->ended |= ctx_bit (ctx);
  switch (ctx)
    {
    case TS_ALS_ENVELOPE:
      c->envelope = NULL;
      return TRUE;

    case TS_ALS_LOCATOR:
      {
        TsAbletonLocator locator;

        if (!c->locator_has_time)
          return ts_ableton_malformed (c, error, _("a locator has no position"));
        if (c->locators->len >= TS_ABLETON_MAX_LOCATORS)
          /* Translators: completes "more than %u %s". */
          return too_many (c, error, _("locators"), TS_ABLETON_MAX_LOCATORS);
        locator.beat = c->locator_beat;
        locator.name = trim_name (c->locator_name != NULL ? c->locator_name : "");
        g_array_append_val (c->locators, locator);
        return TRUE;
      }

    case TS_ALS_CLIP:
      /* Live writes CurrentEnd in every clip of every version. */
      if (!c->clip_has_end)
        return ts_ableton_malformed (c, error, _("a clip in the arrangement has no end"));
      if (++c->n_clips > TS_ABLETON_MAX_CLIPS)
        /* Translators: completes "more than %u %s". */
        return too_many (c, error, _("clips in the arrangement"), TS_ABLETON_MAX_CLIPS);
      if (!c->has_end_beat || c->clip_end > c->end_beat)
        c->end_beat = c->clip_end;
      c->has_end_beat = TRUE;
      return TRUE;

    case TS_ALS_DOCUMENT:
    case TS_ALS_OTHER:
    case TS_ALS_ROOT:
    case TS_ALS_LIVE_SET:
    case TS_ALS_MASTER:
    case TS_ALS_MASTER_ENVELOPES:
    case TS_ALS_ENVELOPES:
    case TS_ALS_ENVELOPE_TARGET:
    case TS_ALS_POINTEE:
    case TS_ALS_ENVELOPE_AUTOMATION:
    case TS_ALS_ENVELOPE_EVENTS:
    case TS_ALS_ENVELOPE_EVENT:
    case TS_ALS_MASTER_CHAIN:
    case TS_ALS_MIXER:
    case TS_ALS_TEMPO:
    case TS_ALS_MANUAL:
    case TS_ALS_TEMPO_TARGET:
    case TS_ALS_TEMPO_ARRANGER:
    case TS_ALS_TEMPO_EVENTS:
    case TS_ALS_TEMPO_EVENT:
    case TS_ALS_LOCATORS_OUTER:
    case TS_ALS_LOCATORS:
    case TS_ALS_LOCATOR_TIME:
    case TS_ALS_LOCATOR_NAME:
    case TS_ALS_TRACKS:
    case TS_ALS_TRACK:
    case TS_ALS_TRACK_CHAIN:
    case TS_ALS_SEQUENCER:
    case TS_ALS_TIMEABLE:
    case TS_ALS_CLIP_ARRANGER:
    case TS_ALS_CLIP_EVENTS:
    case TS_ALS_CLIP_END:
      return TRUE;
    }

  g_return_val_if_reached (FALSE);
}

/* "10.0_377" -> 10; sets without MinorVersion: "Ableton Live 9.7.1" -> 9. */
static guint
parse_major (const char *text)
{
  guint64 major = 0;

  if (text == NULL)
    return 0;
  while (*text != '\0' && !g_ascii_isdigit (*text))
    text++;
  for (; g_ascii_isdigit (*text) && major < 1000; text++)
    major = major * 10 + (guint64) (*text - '0');
  return (guint) major;
}

static gboolean
collector_finish (TsAbletonCollector  *c,
                  TsAbletonSet        *set,
                  GError             **error)
{
  TsAbletonEvents *events = NULL;
  guint major;

  major = parse_major (c->minor_version);
  if (major == 0)
    {
      const char *creator = c->creator != NULL ? strstr (c->creator, "Live") : NULL;

      major = parse_major (creator);
    }
  if (major == 0)
    return ts_ableton_malformed (c, error, _("it does not say which version of Live saved it"));

  if (!(c->seen & ctx_bit (TS_ALS_TEMPO)))
    return ts_ableton_malformed (c, error, _("it has no master tempo"));

  /* The layout follows the major line: older sets have the layout of
   * Live 8, newer ones that of Live 12. */
  major = CLAMP (major, 8, 12);

  if (major <= 9)
    events = &c->arranger_events;
  else if (c->has_target)
    {
      for (guint i = 0; i < c->envelopes->len; i++)
        {
          TsAbletonEnvelope *envelope = g_ptr_array_index (c->envelopes, i);

          if (envelope->has_pointee && envelope->pointee == c->target)
            {
              events = &envelope->events;
              break;
            }
        }
    }

  for (guint i = 0; events != NULL && i < events->points->len; i++)
    {
      const TsTempoPoint *point = &g_array_index (events->points, TsTempoPoint, i);

      if (!(point->bpm > 0))
        return ts_ableton_malformed (c, error, _("a tempo point has a tempo of %g BPM"),
                                     point->bpm);
    }

  if (c->has_manual)
    {
      if (!(c->manual > 0))
        return ts_ableton_malformed (c, error, _("its tempo is %g BPM"), c->manual);
      set->tempo = c->manual;
    }
  else if (events != NULL && events->points->len > 0)
    set->tempo = g_array_index (events->points, TsTempoPoint, 0).bpm;
  else
    return ts_ableton_malformed (c, error, _("it has no tempo"));

  /* Shown as the DAW's version, so display text like the names. */
  set->creator = ts_display_text_dup (c->creator);
  set->minor_version = g_steal_pointer (&c->minor_version);
  set->live_version = major;
  if (events != NULL)
    {
      set->tempo_events = g_array_ref (events->points);
      set->tempo_curves = g_array_ref (events->curves);
    }
  else
    {
      TsAbletonEvents none;

      events_init (&none);
      set->tempo_events = none.points;
      set->tempo_curves = none.curves;
    }
  set->locators = g_steal_pointer (&c->locators);
  set->end_beat = c->has_end_beat ? c->end_beat : NAN;
  return TRUE;
}

const char *
ts_ableton_clip_end_what (void)
{
  /* Translators: what has no value or two values, in "%s has no value". */
  return _("the end of a clip");
}

/* Content that is no Live set: the other readers would not take it
 * either, so to the app its format is unknown. */
gboolean
ts_ableton_not_a_set (const char  *display_name,
                      const char  *reason,
                      GError     **error)
{
  g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_UNKNOWN_FORMAT,
               /* Translators: the second %s says why, e.g. "the content
                * is not XML". */
               _("%s: this is not an Ableton Live set (%s)"), display_name, reason);
  return FALSE;
}

/* A gzip stream that stops early loses only what comes after the cut.
 * Live writes the tracks (the clips, hence the arrangement's end), then
 * the master track (the tempo and its automation), and the locators after
 * both: when all three were closed, nothing the tracklist needs can be
 * missing, and the set is read with a warning instead of refused. A cut
 * anywhere before that, or damage of any other kind, is still refused. */
static gboolean
cut_after_all_it_needs (TsAbletonCollector *c,
                        const GError       *error,
                        char              **warning)
{
  const guint64 needed = ctx_bit (TS_ALS_TRACKS) | ctx_bit (TS_ALS_MASTER) |
                         ctx_bit (TS_ALS_LOCATORS_OUTER);

  if (!g_error_matches (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_TRUNCATED) ||
      (c->ended & needed) != needed)
    return FALSE;
  *warning = g_strdup_printf (_("%s: the file ends early, after its locators; the locators, the tempo "
                                "and the length of the arrangement were read whole, only what follows "
                                "them is missing"), c->display_name);
  return TRUE;
}

gboolean
ts_ableton_read_with (TsAbletonSet       *set,
                      const guint8       *data,
                      gsize               length,
                      const char         *display_name,
                      TsAbletonReadFunc   read_func,
                      GError            **error)
{
  TsAbletonCollector c;
  TsGzipSource src;
  g_autoptr(GError) local = NULL;
  g_autofree char *warning = NULL;
  gboolean ok;

  g_return_val_if_fail (set != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (set, 0, sizeof *set);
  set->end_beat = NAN;
  display_name = ts_project_error_file_name (display_name);

  ts_gzip_source_init (&src, data, length, display_name);
  if (length == 0)
    return ts_project_error_empty (display_name, error);

  collector_init (&c, display_name);
  ok = read_func (&c, &src, &local);
  if (!ok && cut_after_all_it_needs (&c, local, &warning))
    {
      g_clear_error (&local);
      ok = TRUE;
    }
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local));
  ok = ok && collector_finish (&c, set, error);
  if (ok)
    set->warning = g_steal_pointer (&warning);
  collector_clear (&c);
  ts_gzip_source_clear (&src);

  if (!ok)
    ts_ableton_set_clear (set);
  return ok;
}
