/* ts-ableton-set.c - what Timestamps reads from an Ableton Live set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A set is gzip-compressed XML (sometimes plain XML) of a few MB to a few
 * hundred MB, of which Timestamps needs a few hundred bytes: the root
 * element's version, the master tempo, the tempo automation, the
 * locators and where the arrangement's clips end. The document is
 * inflated in chunks into a small streaming tag scanner
 * (ts-xml-scanner.c) and never held whole; a little state machine over
 * the element path finds the regions it needs and hands them to libxml2,
 * except the tempo points and the clip ends, which have a fast path of
 * their own. libxml2 drives the same state machine over the whole document in
 * ts_ableton_set_read_reference(), the slow reference the tests compare
 * against.
 */
#define G_LOG_DOMAIN "ts-ableton-set"

#include "config.h"

#include "ts-ableton-set.h"
#include "ts-ableton-set-private.h"
#include "ts-format-info.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/xmlreader.h>

#include "ts-ableton-paths-private.h"
#include "ts-gzip-source.h"
#include "ts-marker.h"
#include "ts-xml-scanner.h"

/* Handles this close to the straight line are on it: Live stores them as
 * decimal text, so a straight handle comes back within rounding. */
#define CURVE_EPSILON 1e-9

/* Both readers name a clip's CurrentEnd the same way in their errors. */
/* Translators: what has no value or two values, in "%s has no value". */
#define CLIP_END_WHAT _("the end of a clip")

G_DEFINE_QUARK (ts-ableton-error-quark, ts_ableton_error)

/* ------------------------------------------------------------------ */
/* The input: gzip or plain bytes, read as XML in pieces               */

/* Every failure of the compressed stream is a damaged set to the user;
 * the size cap is the readers' policy, not the source's. */
static gssize
source_read (TsGzipSource  *src,
             const char    *display_name,
             guint8        *buf,
             gsize          len,
             GError       **error)
{
  GError *local = NULL;
  gssize n = ts_gzip_source_read (src, buf, len, &local);

  if (n < 0)
    {
      g_set_error_literal (error, TS_ABLETON_ERROR, TS_ABLETON_ERROR_CORRUPT_GZIP,
                           local->message);
      g_error_free (local);
      return -1;
    }
  if (ts_gzip_source_get_produced (src) > TS_ABLETON_MAX_XML_SIZE)
    {
      g_set_error (error, TS_ABLETON_ERROR, TS_ABLETON_ERROR_TOO_LARGE,
               _("%s: the set is too large to read (more than %u MiB of XML)"),
               display_name,
               (guint) (TS_ABLETON_MAX_XML_SIZE / (1024 * 1024)));
      return -1;
    }

  return n;
}

/* ------------------------------------------------------------------ */
/* What the element path means: shared by both readers                 */

typedef struct {
  gboolean has_pointee;
  gint64   pointee;
  GArray  *events;            /* TsAbletonTempoEvent */
} Envelope;

typedef struct {
  const char *display_name;

  char       *creator;
  char       *minor_version;

  guint64     seen;             /* bit per TsAlsCtx: TS_ALS_PATH_FIRST_ONLY */

  gboolean    has_manual;
  double      manual;
  gboolean    has_target;
  gint64      target;

  GArray     *arranger_events;  /* TsAbletonTempoEvent, Live 8 and 9 */
  GPtrArray  *envelopes;        /* Envelope, master track, Live 10+ */
  Envelope   *envelope;         /* the one being read */

  GArray     *locators;         /* TsAbletonLocator */
  gboolean    locator_seen_time;
  gboolean    locator_has_time;
  double      locator_beat;
  char       *locator_name;

  gboolean    clip_seen_end;
  gboolean    clip_has_end;
  double      clip_end;
  gboolean    has_end_beat;
  double      end_beat;         /* the largest clip end so far */
} Collector;

static void
envelope_free (Envelope *envelope)
{
  g_array_unref (envelope->events);
  g_free (envelope);
}

static void
locator_clear (TsAbletonLocator *locator)
{
  g_clear_pointer (&locator->name, g_free);
}

static GArray *
tempo_event_array_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (TsAbletonTempoEvent));
}

static GArray *
locator_array_new (void)
{
  GArray *locators = g_array_new (FALSE, FALSE, sizeof (TsAbletonLocator));

  g_array_set_clear_func (locators, (GDestroyNotify) locator_clear);
  return locators;
}

static void
collector_init (Collector  *c,
                const char *display_name)
{
  memset (c, 0, sizeof *c);
  c->display_name = display_name;
  c->arranger_events = tempo_event_array_new ();
  c->envelopes = g_ptr_array_new_with_free_func ((GDestroyNotify) envelope_free);
  c->locators = locator_array_new ();
}

static void
collector_clear (Collector *c)
{
  g_free (c->creator);
  g_free (c->minor_version);
  g_clear_pointer (&c->arranger_events, g_array_unref);
  g_ptr_array_unref (c->envelopes);
  g_clear_pointer (&c->locators, g_array_unref);
  g_free (c->locator_name);
}

static gboolean
malformed (Collector   *c,
           GError     **error,
           const char  *format,
           ...) G_GNUC_PRINTF (3, 4);

static gboolean
malformed (Collector   *c,
           GError     **error,
           const char  *format,
           ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, TS_ABLETON_ERROR, TS_ABLETON_ERROR_MALFORMED,
               /* Translators: the first %s is the file name, the second
                * what is wrong, e.g. "a locator has no position". */
               _("%s: the Live set is damaged: %s"), c->display_name, what);
  return FALSE;
}

static inline gboolean
name_is (const char *name,
         gsize       name_len,
         const char *literal)
{
  gsize n = strlen (literal);

  return name_len == n && memcmp (name, literal, n) == 0;
}

/* A decimal number as Live writes it ("-63072000", "120.760574",
 * "4.0939253454878459", "1e-05"). Anything else, including "inf", "nan",
 * hex and blanks, is refused so that both readers agree on every input.
 * The byte after @s + @len must not continue a number (a closing quote or
 * a NUL). */
static gboolean
parse_double (const char *s,
              gsize       len,
              double     *out)
{
  static const double powers[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
    1e13, 1e14, 1e15,
  };
  gsize i = 0;
  gsize n_digits = 0;
  gsize n_fraction = 0;
  guint64 mantissa = 0;
  gboolean negative = FALSE;
  gboolean has_exponent = FALSE;
  char *end = NULL;
  double value;

  if (i < len && (s[i] == '-' || s[i] == '+'))
    negative = s[i++] == '-';
  for (; i < len && g_ascii_isdigit (s[i]); i++, n_digits++)
    mantissa = mantissa * 10 + (guint64) (s[i] - '0');
  if (i < len && s[i] == '.')
    {
      for (i++; i < len && g_ascii_isdigit (s[i]); i++, n_fraction++)
        mantissa = mantissa * 10 + (guint64) (s[i] - '0');
    }
  if (n_digits + n_fraction == 0)
    return FALSE;
  if (i < len && (s[i] == 'e' || s[i] == 'E'))
    {
      gsize exponent_digits = 0;

      has_exponent = TRUE;
      i++;
      if (i < len && (s[i] == '-' || s[i] == '+'))
        i++;
      for (; i < len && g_ascii_isdigit (s[i]); i++)
        exponent_digits++;
      if (exponent_digits == 0)
        return FALSE;
    }
  if (i != len)
    return FALSE;

  /* Up to 15 digits the mantissa and the power of ten are exact doubles,
   * so one correctly rounded division gives what strtod gives, much
   * faster; tempo points are mostly short numbers. */
  if (!has_exponent && n_digits + n_fraction <= 15)
    {
      value = (double) mantissa / powers[n_fraction];
      *out = negative ? -value : value;
      return TRUE;
    }

  value = g_ascii_strtod (s, &end);
  if (end != s + len || !isfinite (value))
    return FALSE;
  *out = value;
  return TRUE;
}

static gboolean
parse_number (Collector   *c,
              const char  *text,
              gsize        len,
              const char  *what,
              double      *out,
              GError     **error)
{
  if (!parse_double (text, len, out))
    /* Translators: the first %s names a value, e.g. "the position of a
     * tempo point"; the second is the text found in the set. */
    return malformed (c, error, _("%s “%.*s” is not a number"), what,
                      (int) MIN (len, 32), text);
  return TRUE;
}

static gboolean
parse_id (Collector   *c,
          const char  *text,
          const char  *what,
          gint64      *out,
          GError     **error)
{
  gsize len = strlen (text);
  gint64 value = 0;

  if (len == 0 || len > 18)
    return malformed (c, error, _("%s is not a number"), what);
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (text[i]) && !(i == 0 && text[0] == '-' && len > 1))
        return malformed (c, error, _("%s is not a number"), what);
      if (g_ascii_isdigit (text[i]))
        value = value * 10 + (text[i] - '0');
    }
  *out = text[0] == '-' ? -value : value;
  return TRUE;
}

/* <FloatEvent Id="" Time="" Value="" [CurveControl1X="" ...] />, read one
 * attribute at a time by both readers. */
typedef struct {
  TsAbletonTempoEvent event;
  double              curve[4];
  guint               seen;     /* TIME_BIT, VALUE_BIT, CURVE_BITS */
} EventFields;

#define TIME_BIT   (1u << 0)
#define VALUE_BIT  (1u << 1)
#define CURVE_BITS (0xFu << 2)

static gboolean
event_field (Collector    *c,
             EventFields  *fields,
             const char   *name,
             gsize         name_len,
             const char   *value,
             gsize         value_len,
             GError      **error)
{
  const char *what;
  double *out;
  guint bit;

  if (name_is (name, name_len, "Time"))
    {
      /* Translators: names a value; starts the sentence "%s is not a number". */
      what = _("the position of a tempo point");
      out = &fields->event.beat;
      bit = TIME_BIT;
    }
  else if (name_is (name, name_len, "Value"))
    {
      /* Translators: names a value; starts the sentence "%s is not a number". */
      what = _("the tempo of a tempo point");
      out = &fields->event.bpm;
      bit = VALUE_BIT;
    }
  else if (name_len == strlen ("CurveControl1X")
           && memcmp (name, "CurveControl", strlen ("CurveControl")) == 0
           && (name[12] == '1' || name[12] == '2')
           && (name[13] == 'X' || name[13] == 'Y'))
    {
      guint index = (name[12] - '1') * 2 + (name[13] - 'X');

      /* Translators: names a value; starts the sentence "%s is not a number". */
      what = _("a curve handle of a tempo point");
      out = &fields->curve[index];
      bit = 1u << (2 + index);
    }
  else
    return TRUE;

  /* XML forbids it; the scanner does not check, so say it here. */
  if (fields->seen & bit)
    return malformed (c, error, _("a tempo point has an attribute twice"));
  fields->seen |= bit;
  return parse_number (c, value, value_len, what, out, error);
}

static gboolean
event_finish (Collector    *c,
              EventFields  *fields,
              GArray       *events,
              GError      **error)
{
  guint curves = fields->seen & CURVE_BITS;

  if (!(fields->seen & TIME_BIT))
    return malformed (c, error, _("a tempo point has no position"));
  if (!(fields->seen & VALUE_BIT))
    return malformed (c, error, _("a tempo point has no tempo"));
  if (curves != 0 && curves != CURVE_BITS)
    return malformed (c, error, _("a tempo point has only some of its curve handles"));

  fields->event.has_curve = curves != 0;
  fields->event.curve1_x = fields->curve[0];
  fields->event.curve1_y = fields->curve[1];
  fields->event.curve2_x = fields->curve[2];
  fields->event.curve2_y = fields->curve[3];
  g_array_append_val (events, fields->event);
  return TRUE;
}

static GArray *
collector_events (Collector *c,
                  TsAlsCtx        ctx)
{
  return ctx == TS_ALS_TEMPO_EVENT ? c->arranger_events : c->envelope->events;
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
collector_enter_item (Collector *c,
                      TsAlsCtx   child)
{
  if (child == TS_ALS_ENVELOPE)
    {
      c->envelope = g_new0 (Envelope, 1);
      c->envelope->events = tempo_event_array_new ();
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
static gboolean
collector_enter (Collector   *c,
                 TsAlsCtx     parent,
                 const char  *name,
                 gsize        name_len,
                 TsAlsCtx    *ctx,
                 GError     **error)
{
  const TsAlsPath *path = ts_als_path_find (parent, name, name_len);

  *ctx = TS_ALS_OTHER;

  if (path == NULL)
    {
      if (parent != TS_ALS_DOCUMENT)
        return TRUE;
      g_set_error (error, TS_ABLETON_ERROR, TS_ABLETON_ERROR_NOT_ABLETON,
                   "%s: this is not an Ableton Live set (it is XML of "
                   "another kind)", c->display_name);
      return FALSE;
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
 * between the first and last visible character. */
static char *
trim_name (char *name)
{
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

static gboolean
collector_leave (Collector  *c,
                 TsAlsCtx         ctx,
                 GError    **error)
{
  switch (ctx)
    {
    case TS_ALS_ENVELOPE:
      c->envelope = NULL;
      return TRUE;

    case TS_ALS_LOCATOR:
      {
        TsAbletonLocator locator;

        if (!c->locator_has_time)
          return malformed (c, error, _("a locator has no position"));
        locator.beat = c->locator_beat;
        locator.name = c->locator_name != NULL ? trim_name (g_steal_pointer (&c->locator_name))
                                               : g_strdup ("");
        g_array_append_val (c->locators, locator);
        return TRUE;
      }

    case TS_ALS_CLIP:
      /* Live writes CurrentEnd in every clip of every version. */
      if (!c->clip_has_end)
        return malformed (c, error, _("a clip in the arrangement has no end"));
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
collector_finish (Collector     *c,
                  TsAbletonSet  *set,
                  GError       **error)
{
  GArray *events = NULL;
  guint major;

  major = parse_major (c->minor_version);
  if (major == 0)
    {
      const char *creator = c->creator != NULL ? strstr (c->creator, "Live") : NULL;

      major = parse_major (creator);
    }
  if (major == 0)
    return malformed (c, error, _("it does not say which version of Live saved it"));

  if (!(c->seen & ctx_bit (TS_ALS_TEMPO)))
    return malformed (c, error, _("it has no master tempo"));

  /* The layout follows the major line: older sets have the layout of
   * Live 8, newer ones that of Live 12. */
  major = CLAMP (major, 8, 12);

  if (major <= 9)
    events = c->arranger_events;
  else if (c->has_target)
    {
      for (guint i = 0; i < c->envelopes->len; i++)
        {
          Envelope *envelope = g_ptr_array_index (c->envelopes, i);

          if (envelope->has_pointee && envelope->pointee == c->target)
            {
              events = envelope->events;
              break;
            }
        }
    }

  for (guint i = 0; events != NULL && i < events->len; i++)
    {
      const TsAbletonTempoEvent *event = &g_array_index (events, TsAbletonTempoEvent, i);

      if (!(event->bpm > 0))
        return malformed (c, error, _("a tempo point has a tempo of %g BPM"), event->bpm);
    }

  if (c->has_manual)
    {
      if (!(c->manual > 0))
        return malformed (c, error, _("its tempo is %g BPM"), c->manual);
      set->tempo = c->manual;
    }
  else if (events != NULL && events->len > 0)
    set->tempo = g_array_index (events, TsAbletonTempoEvent, 0).bpm;
  else
    return malformed (c, error, _("it has no tempo"));

  set->creator = g_steal_pointer (&c->creator);
  set->minor_version = g_steal_pointer (&c->minor_version);
  set->live_version = major;
  set->tempo_events = events != NULL ? g_array_ref (events) : tempo_event_array_new ();
  set->locators = g_steal_pointer (&c->locators);
  set->end_beat = c->has_end_beat ? c->end_beat : NAN;
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* libxml2 reads elements for both readers                             */

/* The safety options: never the network, never a DTD, never expand an
 * entity (no XML_PARSE_NOENT / DTDLOAD / DTDATTR / HUGE). */
#define LIBXML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

/* Nothing in a Live set refers to another file; refusing every external
 * entity also covers any libxml2 use that forgets XML_PARSE_NONET. */
static xmlParserInputPtr
refuse_external_entity (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  ctxt)
{
  return NULL;
}

static void
init_libxml (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (refuse_external_entity);
      g_once_init_leave (&initialized, 1);
    }
}

/* Keeps libxml2's first error message in the char * at @arg. */
static void
keep_first_error (void                    *arg,
                  const char              *msg,
                  xmlParserSeverities      severity,
                  xmlTextReaderLocatorPtr  locator)
{
  char **first = arg;

  if (*first == NULL
      && (severity == XML_PARSER_SEVERITY_ERROR
          || severity == XML_PARSER_SEVERITY_VALIDITY_ERROR))
    *first = g_strchomp (g_strdup (msg));
}

static gboolean
refuse_doctype (Collector  *c,
                GError    **error)
{
  return malformed (c, error, _("it contains a document type declaration, which "
                                "Live never writes and which is not read for safety"));
}

/* The value of the attribute @name of the element @reader is on. */
static char *
reader_attr (xmlTextReaderPtr  reader,
             const char       *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, BAD_CAST name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static gboolean
reader_value (Collector         *c,
              xmlTextReaderPtr   reader,
              const char        *what,
              gboolean          *has,
              double            *out,
              GError           **error)
{
  g_autofree char *value = reader_attr (reader, "Value");

  if (value == NULL)
    /* Translators: %s names a value, e.g. "the position of a locator". */
    return malformed (c, error, _("%s has no value"), what);
  *has = TRUE;
  return parse_number (c, value, strlen (value), what, out, error);
}

static gboolean
reader_event (Collector         *c,
              xmlTextReaderPtr   reader,
              GArray            *events,
              GError           **error)
{
  EventFields fields = { 0 };
  gboolean ok = TRUE;

  if (xmlTextReaderMoveToFirstAttribute (reader) == 1)
    {
      do
        {
          const char *name = (const char *) xmlTextReaderConstName (reader);
          const char *value = (const char *) xmlTextReaderConstValue (reader);

          if (value == NULL)
            value = "";
          ok = event_field (c, &fields, name, strlen (name), value, strlen (value), error);
        }
      while (ok && xmlTextReaderMoveToNextAttribute (reader) == 1);
      xmlTextReaderMoveToElement (reader);
    }

  return ok && event_finish (c, &fields, events, error);
}

/* Reads what the set needs from the attributes of the element @reader is
 * on, whose context is @ctx. */
static gboolean
collector_read (Collector         *c,
                TsAlsCtx                ctx,
                xmlTextReaderPtr   reader,
                GError           **error)
{
  switch (ctx)
    {
    case TS_ALS_ROOT:
      c->creator = reader_attr (reader, "Creator");
      c->minor_version = reader_attr (reader, "MinorVersion");
      return TRUE;

    case TS_ALS_MANUAL:
      /* Translators: names a value; starts the sentence "%s is not a number". */
      return reader_value (c, reader, _("the tempo"), &c->has_manual, &c->manual, error);

    case TS_ALS_TEMPO_TARGET:
      {
        g_autofree char *id = reader_attr (reader, "Id");

        if (id == NULL)
          return malformed (c, error, _("the tempo has no automation id"));
        c->has_target = TRUE;
        /* Translators: names a value; starts the sentence "%s is not a number". */
        return parse_id (c, id, _("the tempo's automation id"), &c->target, error);
      }

    case TS_ALS_POINTEE:
      {
        g_autofree char *id = reader_attr (reader, "Value");

        if (id == NULL)
          return malformed (c, error, _("an automation envelope has no target"));
        c->envelope->has_pointee = TRUE;
        /* Translators: names a value; starts the sentence "%s is not a number". */
        return parse_id (c, id, _("the target of an automation envelope"),
                         &c->envelope->pointee, error);
      }

    case TS_ALS_ENVELOPE_EVENT:
    case TS_ALS_TEMPO_EVENT:
      return reader_event (c, reader, collector_events (c, ctx), error);

    case TS_ALS_LOCATOR_TIME:
      /* Translators: names a value; starts the sentence "%s is not a number". */
      return reader_value (c, reader, _("the position of a locator"),
                           &c->locator_has_time, &c->locator_beat, error);

    case TS_ALS_LOCATOR_NAME:
      c->locator_name = reader_attr (reader, "Value");
      return TRUE;

    case TS_ALS_CLIP_END:
      return reader_value (c, reader, CLIP_END_WHAT, &c->clip_has_end, &c->clip_end, error);

    case TS_ALS_DOCUMENT:
    case TS_ALS_OTHER:
    case TS_ALS_LIVE_SET:
    case TS_ALS_MASTER:
    case TS_ALS_MASTER_ENVELOPES:
    case TS_ALS_ENVELOPES:
    case TS_ALS_ENVELOPE:
    case TS_ALS_ENVELOPE_TARGET:
    case TS_ALS_ENVELOPE_AUTOMATION:
    case TS_ALS_ENVELOPE_EVENTS:
    case TS_ALS_MASTER_CHAIN:
    case TS_ALS_MIXER:
    case TS_ALS_TEMPO:
    case TS_ALS_TEMPO_ARRANGER:
    case TS_ALS_TEMPO_EVENTS:
    case TS_ALS_LOCATORS_OUTER:
    case TS_ALS_LOCATORS:
    case TS_ALS_LOCATOR:
    case TS_ALS_TRACKS:
    case TS_ALS_TRACK:
    case TS_ALS_TRACK_CHAIN:
    case TS_ALS_SEQUENCER:
    case TS_ALS_TIMEABLE:
    case TS_ALS_CLIP_ARRANGER:
    case TS_ALS_CLIP_EVENTS:
    case TS_ALS_CLIP:
      return TRUE;
    }

  g_return_val_if_reached (FALSE);
}

/* Runs the collector over what @reader reads: a whole document when
 * @first is TS_ALS_DOCUMENT, else one element whose context is @first (a
 * region the fast reader found). Fails with @error set when the set is
 * wrong, or with *@broken set (and no error) when libxml2 stopped. */
static gboolean
read_elements (Collector         *c,
               xmlTextReaderPtr   reader,
               TsAlsCtx                first,
               gboolean          *saw_element,
               gboolean          *broken,
               GError           **error)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (TsAlsCtx));
  int ret;

  *saw_element = FALSE;
  *broken = FALSE;

  while ((ret = xmlTextReaderRead (reader)) == 1)
    {
      switch (xmlTextReaderNodeType (reader))
        {
        case XML_READER_TYPE_DOCUMENT_TYPE:
          return refuse_doctype (c, error);

        case XML_READER_TYPE_ELEMENT:
          {
            gboolean is_empty = xmlTextReaderIsEmptyElement (reader) == 1;
            TsAlsCtx ctx = first;

            if (stack->len > 0 || first == TS_ALS_DOCUMENT)
              {
                TsAlsCtx parent = stack->len > 0 ? g_array_index (stack, TsAlsCtx, stack->len - 1)
                                            : TS_ALS_DOCUMENT;
                const char *name = (const char *) xmlTextReaderConstName (reader);

                if (!collector_enter (c, parent, name, strlen (name), &ctx, error))
                  return FALSE;
              }
            *saw_element = TRUE;

            if (!collector_read (c, ctx, reader, error))
              return FALSE;
            if (is_empty)
              {
                if (!collector_leave (c, ctx, error))
                  return FALSE;
              }
            else
              g_array_append_val (stack, ctx);
          }
          break;

        case XML_READER_TYPE_END_ELEMENT:
          {
            TsAlsCtx ctx = g_array_index (stack, TsAlsCtx, stack->len - 1);

            g_array_set_size (stack, stack->len - 1);
            if (!collector_leave (c, ctx, error))
              return FALSE;
          }
          break;

        default:
          break;
        }
    }

  *broken = ret < 0;
  return !*broken;
}

/* ------------------------------------------------------------------ */
/* The fast reader                                                     */

/* The scanner finds the few elements the set needs in the stream. Tempo
 * points, up to hundreds of thousands, are read straight from the
 * scanner's attributes; everything else (the root's version, the tempo,
 * the envelope targets, the locators with their names) is a small region
 * whose bytes are captured and read by libxml2. */

/* Real regions are a few hundred bytes (a thousand locators: a few
 * hundred KB); this bounds what a hostile file makes the reader hold. */
#define MAX_REGION_SIZE (16 * 1024 * 1024)

typedef struct {
  Collector    *c;
  TsXmlScanner *scanner;
  GString      *xml;          /* a captured region, or one tag */
  TsAlsCtx           region;       /* being captured; TS_ALS_DOCUMENT when none */
  const char   *region_what;
} FastReader;

/* Runs libxml2 over @r->xml: one element whose context is @ctx, which
 * holds @what. */
static gboolean
read_xml (FastReader  *r,
          TsAlsCtx          ctx,
          const char  *what,
          GError     **error)
{
  g_autofree char *first_error = NULL;
  xmlTextReaderPtr reader;
  gboolean saw_element, broken;
  gboolean ok;

  reader = xmlReaderForMemory (r->xml->str, (int) r->xml->len, NULL, "UTF-8",
                               LIBXML_OPTIONS);
  if (reader == NULL)
    return malformed (r->c, error, _("the XML reader could not start"));
  xmlTextReaderSetErrorHandler (reader, keep_first_error, &first_error);

  ok = read_elements (r->c, reader, ctx, &saw_element, &broken, error);
  if (broken)
    /* Translators: the first %s is the XML reader's own (English)
     * message, the second a part of the set, e.g. "the locators". */
    malformed (r->c, error, _("%s (in %s)"),
               first_error != NULL ? first_error : _("the XML is broken"), what);

  xmlFreeTextReader (reader);
  g_string_truncate (r->xml, 0);
  return ok;
}

/* Reads the start tag the scanner is reporting with libxml2, as an
 * element of its own. */
static gboolean
read_tag (FastReader  *r,
          TsAlsCtx          ctx,
          const char  *name,
          gsize        name_len,
          const char  *what,
          GError     **error)
{
  gsize len = 0;
  const char *tag = ts_xml_scanner_get_tag (r->scanner, &len);

  g_string_append_len (r->xml, tag, len);
  if (tag[len - 2] != '/')
    {
      g_string_append (r->xml, "</");
      g_string_append_len (r->xml, name, name_len);
      g_string_append_c (r->xml, '>');
    }
  return read_xml (r, ctx, what, error);
}

static gboolean
read_event_fast (FastReader       *r,
                 TsAlsCtx               ctx,
                 const char       *name,
                 gsize             name_len,
                 const TsXmlAttr  *attrs,
                 guint             n_attrs,
                 GError          **error)
{
  EventFields fields = { 0 };

  for (guint i = 0; i < n_attrs; i++)
    {
      /* Live writes plain numbers; anything with a reference in it is
       * libxml2's to decode. */
      if (attrs[i].needs_decoding)
        /* Translators: where in the set a problem is, as in "... (in %s)". */
        return read_tag (r, ctx, name, name_len, C_("part of a set", "a tempo point"), error);
      if (!event_field (r->c, &fields, attrs[i].name, attrs[i].name_len,
                        attrs[i].value, attrs[i].value_len, error))
        return FALSE;
    }

  return event_finish (r->c, &fields, collector_events (r->c, ctx), error);
}

/* <CurrentEnd Value="" />: one number per clip, read straight from the
 * scanner like a tempo point. */
static gboolean
read_clip_end_fast (FastReader       *r,
                    TsAlsCtx               ctx,
                    const char       *name,
                    gsize             name_len,
                    const TsXmlAttr  *attrs,
                    guint             n_attrs,
                    GError          **error)
{
  const TsXmlAttr *value = NULL;

  for (guint i = 0; i < n_attrs; i++)
    {
      if (attrs[i].needs_decoding)
        return read_tag (r, ctx, name, name_len, CLIP_END_WHAT, error);
      if (name_is (attrs[i].name, attrs[i].name_len, "Value"))
        {
          /* XML forbids it; the scanner does not check, so say it here. */
          if (value != NULL)
            return malformed (r->c, error, _("%s has two values"), CLIP_END_WHAT);
          value = &attrs[i];
        }
    }

  if (value == NULL)
    return malformed (r->c, error, _("%s has no value"), CLIP_END_WHAT);
  r->c->clip_has_end = TRUE;
  return parse_number (r->c, value->value, value->value_len, CLIP_END_WHAT,
                       &r->c->clip_end, error);
}

static gboolean
capture_region (FastReader  *r,
                TsAlsCtx          ctx,
                const char  *what,
                GError     **error)
{
  r->region = ctx;
  r->region_what = what;
  return ts_xml_scanner_capture (r->scanner, r->xml, MAX_REGION_SIZE, error);
}

static gboolean
fast_start (gpointer          user_data,
            guint             parent_tag,
            const char       *name,
            gsize             name_len,
            const TsXmlAttr  *attrs,
            guint             n_attrs,
            guint            *child_tag,
            GError          **error)
{
  FastReader *r = user_data;
  TsAlsCtx ctx;

  /* Inside a region: libxml2 reads it all at its end. */
  if (r->region != TS_ALS_DOCUMENT)
    {
      *child_tag = TS_ALS_OTHER;
      return TRUE;
    }

  if (!collector_enter (r->c, parent_tag, name, name_len, &ctx, error))
    return FALSE;
  *child_tag = ctx;

  switch (ctx)
    {
    case TS_ALS_ROOT:
      /* Translators: this and the other "part of a set" strings name
       * where in the set's XML a problem is: "... (in %s)" and "the XML
       * of %s is longer than ...". */
      return read_tag (r, ctx, name, name_len, C_("part of a set", "the Ableton tag"), error);

    case TS_ALS_ENVELOPE_EVENT:
    case TS_ALS_TEMPO_EVENT:
      return read_event_fast (r, ctx, name, name_len, attrs, n_attrs, error);

    case TS_ALS_CLIP_END:
      return read_clip_end_fast (r, ctx, name, name_len, attrs, n_attrs, error);

    case TS_ALS_MANUAL:
    case TS_ALS_TEMPO_TARGET:
      return capture_region (r, ctx, C_("part of a set", "the master tempo"), error);

    case TS_ALS_ENVELOPE_TARGET:
      return capture_region (r, ctx, C_("part of a set", "an automation envelope's target"), error);

    case TS_ALS_LOCATORS_OUTER:
      return capture_region (r, ctx, C_("part of a set", "the locators"), error);

    case TS_ALS_DOCUMENT:
    case TS_ALS_OTHER:
    case TS_ALS_LIVE_SET:
    case TS_ALS_MASTER:
    case TS_ALS_MASTER_ENVELOPES:
    case TS_ALS_ENVELOPES:
    case TS_ALS_ENVELOPE:
    case TS_ALS_POINTEE:
    case TS_ALS_ENVELOPE_AUTOMATION:
    case TS_ALS_ENVELOPE_EVENTS:
    case TS_ALS_MASTER_CHAIN:
    case TS_ALS_MIXER:
    case TS_ALS_TEMPO:
    case TS_ALS_TEMPO_ARRANGER:
    case TS_ALS_TEMPO_EVENTS:
    case TS_ALS_LOCATORS:
    case TS_ALS_LOCATOR:
    case TS_ALS_LOCATOR_TIME:
    case TS_ALS_LOCATOR_NAME:
    case TS_ALS_TRACKS:
    case TS_ALS_TRACK:
    case TS_ALS_TRACK_CHAIN:
    case TS_ALS_SEQUENCER:
    case TS_ALS_TIMEABLE:
    case TS_ALS_CLIP_ARRANGER:
    case TS_ALS_CLIP_EVENTS:
    case TS_ALS_CLIP:
      return TRUE;
    }

  g_return_val_if_reached (FALSE);
}

static gboolean
fast_end (gpointer   user_data,
          guint      tag,
          GError   **error)
{
  FastReader *r = user_data;
  TsAlsCtx ctx = tag;

  /* Tags inside a region are TS_ALS_OTHER, so only its own end matches. */
  if (r->region == TS_ALS_DOCUMENT || ctx != r->region)
    return collector_leave (r->c, ctx, error);

  r->region = TS_ALS_DOCUMENT;
  return read_xml (r, ctx, r->region_what, error);
}

static gboolean
propagate_scanner_error (FastReader  *r,
                         GError      *local,
                         GError     **error)
{
  const char *display_name = r->c->display_name;

  if (local->domain != TS_XML_SCANNER_ERROR)
    {
      g_propagate_error (error, local);
      return FALSE;
    }

  switch ((TsXmlScannerError) local->code)
    {
    case TS_XML_SCANNER_ERROR_NOT_XML:
      g_set_error (error, TS_ABLETON_ERROR, TS_ABLETON_ERROR_NOT_ABLETON,
                   /* Translators: the second %s says why, e.g. "the
                    * content is not XML". */
                   _("%s: this is not an Ableton Live set (%s)"),
                   display_name, local->message);
      break;

    case TS_XML_SCANNER_ERROR_CAPTURE_LIMIT:
      g_set_error (error, TS_ABLETON_ERROR, TS_ABLETON_ERROR_TOO_LARGE,
                   /* Translators: the second %s is a part of the set,
                    * e.g. "the locators". */
                   _("%s: the set is too large to read (the XML of %s is longer "
                     "than %d MiB)"), display_name, r->region_what,
                   MAX_REGION_SIZE / (1024 * 1024));
      break;

    case TS_XML_SCANNER_ERROR_MALFORMED:
    case TS_XML_SCANNER_ERROR_DOCTYPE:
    case TS_XML_SCANNER_ERROR_LIMIT:
      g_set_error (error, TS_ABLETON_ERROR, TS_ABLETON_ERROR_MALFORMED,
                   "%s: %s", display_name, local->message);
      break;
    }

  g_error_free (local);
  return FALSE;
}

static gboolean
empty (const char  *display_name,
       GError     **error)
{
  g_set_error (error, TS_ABLETON_ERROR, TS_ABLETON_ERROR_EMPTY,
               _("%s: the file is empty"), display_name);
  return FALSE;
}

static gboolean
read_fast (Collector  *c,
           TsGzipSource *src,
           GError    **error)
{
  g_autoptr(TsXmlScanner) scanner = NULL;
  g_autoptr(GString) xml = g_string_new (NULL);
  FastReader r = { c, NULL, xml, TS_ALS_DOCUMENT, NULL };
  GError *local = NULL;

  init_libxml ();
  scanner = ts_xml_scanner_new (fast_start, fast_end, &r);
  r.scanner = scanner;

  for (;;)
    {
      gsize available = 0;
      char *buf = ts_xml_scanner_get_buffer (scanner, &available);
      gssize n = source_read (src, c->display_name, (guint8 *) buf, available, error);

      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
      if (!ts_xml_scanner_commit (scanner, (gsize) n, &local))
        return propagate_scanner_error (&r, local, error);
    }

  if (ts_gzip_source_get_produced (src) == 0)
    return empty (c->display_name, error);
  if (!ts_xml_scanner_finish (scanner, &local))
    return propagate_scanner_error (&r, local, error);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The reference reader: libxml2 over the whole document               */

typedef struct {
  TsGzipSource *src;
  const char   *display_name;
  GError       *source_error;
} SlowInput;

static int
slow_read (void *context,
           char *buffer,
           int   len)
{
  SlowInput *input = context;
  gssize n;

  if (input->source_error != NULL || len < 0)
    return -1;
  n = source_read (input->src, input->display_name, (guint8 *) buffer, (gsize) len,
                   &input->source_error);
  return n < 0 ? -1 : (int) n;
}

/* The reader parses ahead of what it reports, so when it fails, the
 * document it was building tells what it had seen: a document type
 * declaration, or an Ableton root. Asking for the document makes it the
 * caller's to free, after the reader. */
static void
slow_peek (xmlTextReaderPtr  reader,
           xmlDocPtr        *doc,
           gboolean         *saw_doctype,
           gboolean         *saw_ableton)
{
  xmlNodePtr root;

  *doc = xmlTextReaderCurrentDoc (reader);
  root = *doc != NULL ? xmlDocGetRootElement (*doc) : NULL;
  *saw_doctype = *doc != NULL && ((*doc)->intSubset != NULL || (*doc)->extSubset != NULL);
  *saw_ableton = root != NULL && xmlStrEqual (root->name, BAD_CAST "Ableton");
}

static gboolean
read_slow (Collector  *c,
           TsGzipSource *src,
           GError    **error)
{
  SlowInput input = { src, c->display_name, NULL };
  g_autofree char *first_error = NULL;
  xmlTextReaderPtr reader;
  xmlDocPtr doc = NULL;
  gboolean saw_root = FALSE;
  gboolean broken = FALSE;
  gboolean ok;

  init_libxml ();

  reader = xmlReaderForIO (slow_read, NULL, &input, NULL, NULL, LIBXML_OPTIONS);
  if (reader == NULL)
    {
      g_set_error (error, TS_ABLETON_ERROR, TS_ABLETON_ERROR_MALFORMED,
                   _("%s: the XML reader could not start"), c->display_name);
      return FALSE;
    }
  xmlTextReaderSetErrorHandler (reader, keep_first_error, &first_error);

  ok = read_elements (c, reader, TS_ALS_DOCUMENT, &saw_root, &broken, error);

  if (broken)
    {
      if (input.source_error != NULL)
        g_propagate_error (error, g_steal_pointer (&input.source_error));
      else if (ts_gzip_source_get_produced (src) == 0)
        empty (c->display_name, error);
      else
        {
          gboolean saw_doctype, saw_ableton;

          slow_peek (reader, &doc, &saw_doctype, &saw_ableton);
          if (saw_doctype)
            refuse_doctype (c, error);
          else if (saw_root || saw_ableton)
            malformed (c, error, "%s", first_error != NULL ? first_error
                                                           : _("the XML is broken"));
          else
            g_set_error (error, TS_ABLETON_ERROR, TS_ABLETON_ERROR_NOT_ABLETON,
                         _("%s: this is not an Ableton Live set (%s)"), c->display_name,
                         first_error != NULL ? first_error : _("the content is not XML"));
        }
    }
  else if (ok && ts_gzip_source_get_produced (src) == 0)
    ok = empty (c->display_name, error);

  xmlFreeTextReader (reader);
  if (doc != NULL)
    xmlFreeDoc (doc);
  g_clear_error (&input.source_error);
  return ok;
}

/* ------------------------------------------------------------------ */
/* The API                                                             */

typedef gboolean (*ReadFunc) (Collector *c, TsGzipSource *src, GError **error);

static gboolean
read_with (TsAbletonSet  *set,
           const guint8  *data,
           gsize          length,
           const char    *display_name,
           ReadFunc       read_func,
           GError       **error)
{
  Collector c;
  TsGzipSource src;
  gboolean ok;

  g_return_val_if_fail (set != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (set, 0, sizeof *set);
  set->end_beat = NAN;
  if (display_name == NULL)
    /* Translators: stands for the file name in messages such as "%s: the
     * file is empty" when the caller gives none. */
    display_name = _("The set");

  ts_gzip_source_init (&src, data, length, display_name);
  if (length == 0)
    return empty (display_name, error);

  collector_init (&c, display_name);
  ok = read_func (&c, &src, error) && collector_finish (&c, set, error);
  collector_clear (&c);
  ts_gzip_source_clear (&src);

  if (!ok)
    ts_ableton_set_clear (set);
  return ok;
}

/**
 * ts_ableton_set_read:
 * @set: (out caller-allocates): filled on success; on failure as
 *   ts_ableton_set_clear() leaves it (zeroed, no clips)
 * @data: the whole file: gzip-compressed or plain XML
 *
 * Reads the version, tempo, tempo automation, locators and the end of the
 * arrangement of a Live 8 to 12 set, streaming: memory stays small
 * whatever the size of the set.
 */
gboolean
ts_ableton_set_read (TsAbletonSet  *set,
                     const guint8  *data,
                     gsize          length,
                     const char    *display_name,
                     GError       **error)
{
  return read_with (set, data, length, display_name, read_fast, error);
}

gboolean
ts_ableton_set_read_reference (TsAbletonSet  *set,
                               const guint8  *data,
                               gsize          length,
                               const char    *display_name,
                               GError       **error)
{
  return read_with (set, data, length, display_name, read_slow, error);
}

void
ts_ableton_set_clear (TsAbletonSet *set)
{
  g_clear_pointer (&set->creator, g_free);
  g_clear_pointer (&set->minor_version, g_free);
  g_clear_pointer (&set->tempo_events, g_array_unref);
  g_clear_pointer (&set->locators, g_array_unref);
  set->live_version = 0;
  set->tempo = 0;
  set->end_beat = NAN;
}

/**
 * ts_ableton_set_has_curves:
 *
 * Live 11 and later store bezier handles on an automation point when the
 * user bends the segment that starts there. The handles live in the
 * segment's unit square (0,0 = this point, 1,1 = the next), so a handle on
 * the diagonal y = x keeps the segment straight. A segment is curved when
 * it has handles off that diagonal and actually changes the tempo over a
 * stretch of time (a flat segment stays flat whatever its handles, and a
 * jump has no length to bend).
 */
gboolean
ts_ableton_set_has_curves (const TsAbletonSet *set)
{
  GArray *events = set->tempo_events;

  for (guint i = 0; events != NULL && i + 1 < events->len; i++)
    {
      const TsAbletonTempoEvent *a = &g_array_index (events, TsAbletonTempoEvent, i);
      const TsAbletonTempoEvent *b = &g_array_index (events, TsAbletonTempoEvent, i + 1);

      if (!a->has_curve || b->beat <= a->beat || b->bpm == a->bpm)
        continue;
      if (fabs (a->curve1_y - a->curve1_x) > CURVE_EPSILON
          || fabs (a->curve2_y - a->curve2_x) > CURVE_EPSILON)
        return TRUE;
    }

  return FALSE;
}

TsTempoMap *
ts_ableton_set_build_tempo_map (const TsAbletonSet *set)
{
  g_autofree TsTempoPoint *points = NULL;
  guint n = set->tempo_events != NULL ? set->tempo_events->len : 0;

  if (n > 0)
    {
      points = g_new (TsTempoPoint, n);
      for (guint i = 0; i < n; i++)
        {
          const TsAbletonTempoEvent *event = &g_array_index (set->tempo_events,
                                                             TsAbletonTempoEvent, i);

          points[i].beat = event->beat;
          points[i].bpm = event->bpm;
        }
    }

  return ts_tempo_map_new (set->tempo, ts_format_info_get (TS_FORMAT_ABLETON)->tempo_grid,
                           points, n);
}

/**
 * ts_ableton_set_get_end_beat:
 *
 * Returns: the beat where the last clip in the Arrangement View ends, or
 *   NAN when the arrangement has no clips (see TsAbletonSet.end_beat).
 */
double
ts_ableton_set_get_end_beat (const TsAbletonSet *set)
{
  g_return_val_if_fail (set != NULL, NAN);

  return set->end_beat;
}

GArray *
ts_ableton_set_collect_markers (const TsAbletonSet *set)
{
  GArray *markers = ts_marker_array_new ();

  for (guint i = 0; set->locators != NULL && i < set->locators->len; i++)
    {
      const TsAbletonLocator *locator = &g_array_index (set->locators, TsAbletonLocator, i);
      TsMarker marker = { g_strdup (locator->name), locator->beat, 0 };

      g_array_append_val (markers, marker);
    }

  return markers;
}

/**
 * ts_ableton_set_derive:
 * @arrangement: 0: a set has the one Arrangement View
 * @facts: (out caller-allocates): filled in, whatever it held
 *
 * The shared facts of the set, from which a tracklist is made.
 */
void
ts_ableton_set_derive (const TsAbletonSet *set,
                       guint               arrangement,
                       TsProjectFacts     *facts)
{
  g_return_if_fail (arrangement == 0);

  facts->tempo_map = ts_ableton_set_build_tempo_map (set);
  facts->markers = ts_ableton_set_collect_markers (set);
  facts->end_beat = ts_ableton_set_get_end_beat (set);
  facts->curved_automation = ts_ableton_set_has_curves (set);
  /* The Arrangement View is the only one; the session view has no time. */
  facts->arrangements = NULL;
}
