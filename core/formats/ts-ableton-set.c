/* ts-ableton-set.c - what Timestamps reads from an Ableton Live set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A set is gzip-compressed XML (sometimes plain XML) of a few MB to a few
 * hundred MB, of which Timestamps needs a few hundred bytes: the root
 * element's version, the master tempo, the tempo automation, the
 * locators and where the arrangement's clips end. The document is
 * inflated in chunks (ts-gzip-source.c) into a small streaming tag
 * scanner (ts-xml-scanner.c) and never held whole; the element path
 * (ts-ableton-paths.c) finds the elements it needs, whose attributes are
 * read as XML reads them (ts-xml-value.c). Everything found goes into
 * the collector (ts-ableton-collector.c), which the tests' reference
 * reader feeds from libxml2 (ts-ableton-libxml.c) over the whole
 * document, to check this one.
 */
#define G_LOG_DOMAIN "ts-ableton-set"

#include "config.h"

#include "ts-ableton-set.h"
#include "ts-ableton-set-private.h"
#include "ts-format-info.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "ts-marker.h"
#include "ts-xml-scanner.h"
#include "ts-xml-value.h"

/* Handles this close to the straight line are on it: Live stores them as
 * decimal text, so a straight handle comes back within rounding. */
#define CURVE_EPSILON 1e-9

/* ------------------------------------------------------------------ */
/* The fast reader                                                     */

/* The scanner finds the few elements the set needs in the stream, and
 * their attributes are read straight from it: the tempo points, up to
 * hundreds of thousands, as they are (those written as Live writes them
 * by a run of their own, before the scanner sees them), and everything
 * else (the root's version, the tempo, the envelope targets, the
 * locators with their names) through ts_xml_value_decode(), which reads
 * references and checks characters as an XML parser does. libxml2 is
 * never loaded. */

typedef struct {
  TsAbletonCollector *c;
  const TsGzipSource *src;
  TsXmlScanner       *scanner;
  TsAlsCtx            region;       /* the part being read; TS_ALS_DOCUMENT when none */
  const char         *region_what;
} FastReader;

#define LINE_CHUNK (256 * 1024)

/* How many lines of the document come before byte @offset. Counting as
 * the reader goes would cost every set a pass over its bytes for the
 * rare message that names a line; that message inflates the set again. */
static guint64
lines_before (const TsGzipSource *src,
              guint64             offset)
{
  g_autofree guint8 *buf = g_malloc (LINE_CHUNK);
  TsGzipSource again;
  guint64 lines = 0;
  guint64 seen = 0;

  ts_gzip_source_init (&again, src->data, src->length, src->display_name);
  while (seen < offset)
    {
      gssize n = ts_gzip_source_read (&again, buf, (gsize) MIN (LINE_CHUNK, offset - seen), NULL);
      const guint8 *p = buf;

      if (n <= 0)
        break;
      while ((p = memchr (p, '\n', (gsize) (buf + n - p))) != NULL)
        {
          lines++;
          p++;
        }
      seen += (guint64) n;
    }
  ts_gzip_source_clear (&again);
  return lines;
}

/* Fails with what is wrong with the XML at @at, a byte of the start tag
 * the scanner is reporting, on its line, in @what or else in the part of
 * the set being read. */
static gboolean
xml_fault (FastReader         *r,
           TsAbletonXmlFault   fault,
           const char         *at,
           const char         *what,
           GError            **error)
{
  gsize tag_len = 0;
  const char *tag = ts_xml_scanner_get_tag (r->scanner, &tag_len);
  guint64 offset = ts_xml_scanner_get_tag_offset (r->scanner) + (guint64) (at - tag);
  g_autofree char *wrong = ts_ableton_describe_xml_fault (fault, lines_before (r->src, offset) + 1);

  /* Translators: the first %s says what is wrong with the XML, e.g.
   * "it contains a character XML does not allow", the second a part
   * of the set, e.g. "the locators". */
  return ts_ableton_malformed (r->c, error, _("%s (in %s)"), wrong,
                               r->region != TS_ALS_DOCUMENT ? r->region_what : what);
}

/* The attribute @name of the tag, or %NULL; XML forbids two. */
static gboolean
find_attr (FastReader       *r,
           const TsXmlAttr  *attrs,
           guint             n_attrs,
           const char       *name,
           const char       *what,
           const TsXmlAttr **found,
           GError          **error)
{
  *found = NULL;
  for (guint i = 0; i < n_attrs; i++)
    {
      if (!ts_ableton_name_is (attrs[i].name, attrs[i].name_len, name))
        continue;
      if (*found != NULL)
        return xml_fault (r, TS_ABLETON_XML_ATTRIBUTE, attrs[i].name, what, error);
      *found = &attrs[i];
    }
  return TRUE;
}

/* The text of @attr as XML reads it, in @text: %NULL when @attr is. */
static gboolean
decode_attr (FastReader       *r,
             const TsXmlAttr  *attr,
             const char       *what,
             char            **text,
             GError          **error)
{
  TsXmlValueFault fault;

  *text = NULL;
  if (attr == NULL)
    return TRUE;
  *text = ts_xml_value_decode (attr->value, attr->value_len, &fault);
  if (*text != NULL)
    return TRUE;

  switch (fault)
    {
    case TS_XML_VALUE_BAD_CHARACTER:
      return xml_fault (r, TS_ABLETON_XML_CHARACTER, attr->value, what, error);
    case TS_XML_VALUE_BAD_REFERENCE:
      return xml_fault (r, TS_ABLETON_XML_ENTITY, attr->value, what, error);
    }
  g_return_val_if_reached (FALSE);
}

/* The text of the attribute @name of the tag, or %NULL. */
static gboolean
read_attr (FastReader       *r,
           const TsXmlAttr  *attrs,
           guint             n_attrs,
           const char       *name,
           const char       *what,
           char            **text,
           GError          **error)
{
  const TsXmlAttr *attr;

  *text = NULL;
  return find_attr (r, attrs, n_attrs, name, what, &attr, error) &&
         decode_attr (r, attr, what, text, error);
}

/* A number in the Value attribute, as the libxml2 reader reads it. */
static gboolean
read_value (FastReader       *r,
            const TsXmlAttr  *attrs,
            guint             n_attrs,
            const char       *what,
            gboolean         *has,
            double           *out,
            GError          **error)
{
  g_autofree char *value = NULL;

  if (!read_attr (r, attrs, n_attrs, "Value", what, &value, error))
    return FALSE;
  if (value == NULL)
    /* Translators: %s names a value, e.g. "the position of a locator". */
    return ts_ableton_malformed (r->c, error, _("%s has no value"), what);
  *has = TRUE;
  return ts_ableton_parse_number (r->c, value, strlen (value), what, out, error);
}

/* An id, as the libxml2 reader reads it; @missing says it has none. */
static gboolean
read_id (FastReader       *r,
         const TsXmlAttr  *attrs,
         guint             n_attrs,
         const char       *name,
         const char       *what,
         const char       *missing,
         gboolean         *has,
         gint64           *out,
         GError          **error)
{
  g_autofree char *id = NULL;

  if (!read_attr (r, attrs, n_attrs, name, what, &id, error))
    return FALSE;
  if (id == NULL)
    return ts_ableton_malformed (r->c, error, "%s", missing);
  *has = TRUE;
  return ts_ableton_parse_id (r->c, id, what, out, error);
}

static gboolean
read_event_fast (FastReader       *r,
                 TsAlsCtx          ctx,
                 const TsXmlAttr  *attrs,
                 guint             n_attrs,
                 GError          **error)
{
  TsAbletonEventFields fields = { 0 };

  for (guint i = 0; i < n_attrs; i++)
    {
      g_autofree char *decoded = NULL;
      const char *value = attrs[i].value;
      gsize value_len = attrs[i].value_len;

      /* Live writes plain numbers; only what has a reference or a blank
       * XML normalises is decoded. */
      if (attrs[i].needs_decoding)
        {
          /* Translators: where in the set a problem is, as in "... (in %s)". */
          if (!decode_attr (r, &attrs[i], C_("part of a set", "a tempo point"), &decoded, error))
            return FALSE;
          value = decoded;
          value_len = strlen (decoded);
        }
      if (!ts_ableton_event_field (r->c, &fields, attrs[i].name, attrs[i].name_len,
                                   value, value_len, error))
        return FALSE;
    }

  return ts_ableton_event_finish (r->c, &fields, ts_ableton_collector_events (r->c, ctx), error);
}

/* <CurrentEnd Value="" />: one number per clip, read straight from the
 * scanner like a tempo point. */
static gboolean
read_clip_end_fast (FastReader       *r,
                    const TsXmlAttr  *attrs,
                    guint             n_attrs,
                    GError          **error)
{
  const char *what = ts_ableton_clip_end_what ();
  const TsXmlAttr *value = NULL;

  for (guint i = 0; i < n_attrs; i++)
    {
      if (attrs[i].needs_decoding)
        return read_value (r, attrs, n_attrs, what, &r->c->clip_has_end, &r->c->clip_end, error);
      if (ts_ableton_name_is (attrs[i].name, attrs[i].name_len, "Value"))
        {
          /* XML forbids it; the scanner does not check, so say it here. */
          if (value != NULL)
            return ts_ableton_malformed (r->c, error, _("%s has two values"), what);
          value = &attrs[i];
        }
    }

  if (value == NULL)
    return ts_ableton_malformed (r->c, error, _("%s has no value"), what);
  r->c->clip_has_end = TRUE;
  return ts_ableton_parse_number (r->c, value->value, value->value_len, what, &r->c->clip_end, error);
}

/* The parts of a set whose XML faults a message names. */
static void
enter_region (FastReader *r,
              TsAlsCtx    ctx,
              const char *what)
{
  if (r->region != TS_ALS_DOCUMENT)
    return;
  r->region = ctx;
  r->region_what = what;
}

static gboolean
fast_end (gpointer   user_data,
          guint      tag,
          GError   **error)
{
  FastReader *r = user_data;
  TsAlsCtx ctx = tag;

  if (ctx == r->region)
    r->region = TS_ALS_DOCUMENT;
  return ts_ableton_collector_leave (r->c, ctx, error);
}

/* The bytes of a number or an id as Live writes them. */
static const guint8 number_byte[256] = {
  ['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1,
  ['7'] = 1, ['8'] = 1, ['9'] = 1, ['.'] = 1, ['-'] = 1, ['+'] = 1, ['e'] = 1,
  ['E'] = 1,
};

/* @literal at @c: where it ends, or %NULL. */
static inline const char *
expect (const char *c,
        const char *end,
        const char *literal,
        gsize       len)
{
  if ((gsize) (end - c) < len || memcmp (c, literal, len) != 0)
    return NULL;
  return c + len;
}

/* The number at @c up to its closing quote, as the number parser reads
 * it: the digits of the short ones, which are most, read here on the
 * way to the quote. Returns the quote, or %NULL for anything that is not
 * a number Live writes. */
static inline const char *
read_number (const char *c,
             const char *end,
             double     *out)
{
  const char *start = c;
  const char *digits;
  gboolean negative = FALSE;
  guint64 mantissa = 0;
  gsize n_digits;
  gsize n_fraction = 0;

  if (c < end && *c == '-')
    {
      negative = TRUE;
      c++;
    }
  digits = c;
  c = ts_ableton_read_digits (c, end, &mantissa);
  n_digits = c - digits;
  if (c < end && *c == '.')
    {
      digits = ++c;
      c = ts_ableton_read_digits (c, end, &mantissa);
      n_fraction = c - digits;
    }
  if (c < end && *c == '"' && n_digits + n_fraction > 0
      && ts_ableton_number_from_digits (mantissa, n_digits + n_fraction, n_fraction, negative, out))
    return c;

  /* Longer than that, or with a sign or an exponent the loop above does
   * not read: as the number parser reads it. */
  for (c = start; c < end && number_byte[(guchar) *c]; c++)
    ;
  if (c == end || *c != '"' || !ts_ableton_parse_double (start, c - start, out))
    return NULL;
  return c;
}

/* The tempo point at @p, if it is written exactly as Live writes one
 * without curve handles: <FloatEvent Id="12" Time="4.5" Value="128" />,
 * with or without the Id (Live 9 writes none), one space between the
 * attributes. Such a tag is well formed, and what XML makes of each
 * value is its bytes. Returns where it ends, or %NULL when the tag is
 * anything else or not all there, for the scanner to read. */
static const char *
match_live_event (const char   *p,
                  const char   *end,
                  TsTempoPoint *point)
{
  const char *c = expect (p, end, "<FloatEvent ", strlen ("<FloatEvent "));
  const char *id;

  if (c == NULL)
    return NULL;
  if ((id = expect (c, end, "Id=\"", strlen ("Id=\""))) != NULL)
    {
      guint64 unused = 0;

      c = ts_ableton_read_digits (id, end, &unused);
      if ((c = expect (c, end, "\" ", strlen ("\" "))) == NULL)
        return NULL;
    }
  if ((c = expect (c, end, "Time=\"", strlen ("Time=\""))) == NULL
      || (c = read_number (c, end, &point->beat)) == NULL
      || (c = expect (c, end, "\" Value=\"", strlen ("\" Value=\""))) == NULL
      || (c = read_number (c, end, &point->bpm)) == NULL)
    return NULL;
  return expect (c, end, "\" />", strlen ("\" />"));
}

/* Points kept at a time: appending them one by one cost as much as
 * reading them. */
#define POINT_BATCH 64

/* The scanner's run (TsXmlRunFunc) for the events of an envelope: the
 * tempo points, most of the bytes of a set with tempo automation, are
 * matched as Live writes them and kept as fast_start() and fast_end()
 * keep them, without the scanner's general steps; a point written any
 * other way (with curve handles, say) goes to the scanner. */
static gssize
read_plain_events (gpointer     user_data,
                   guint        tag,
                   const char  *text,
                   gsize        length,
                   GError     **error)
{
  FastReader *r = user_data;
  const char *p = text;
  const char *end = text + length;
  TsTempoPoint batch[POINT_BATCH];
  guint n_batch = 0;
  TsAbletonEvents *events;
  gboolean read_one = FALSE;
  TsAlsCtx ctx;

  if (!ts_ableton_collector_enter (r->c, tag, "FloatEvent", strlen ("FloatEvent"), &ctx, error))
    return -1;
  /* Entering these has no effect of its own to repeat for each. */
  g_return_val_if_fail (ctx == TS_ALS_TEMPO_EVENT || ctx == TS_ALS_ENVELOPE_EVENT, 0);
  events = ts_ableton_collector_events (r->c, ctx);

  for (;;)
    {
      const char *tag_end;

      /* The indentation, which the scanner steps over as text. */
      p = ts_xml_scanner_skip_blanks (p, end);
      if (p == end || (tag_end = match_live_event (p, end, &batch[n_batch])) == NULL)
        break;
      p = tag_end;
      read_one = TRUE;
      if (++n_batch == POINT_BATCH)
        {
          if (!ts_ableton_events_add_plain (r->c, events, batch, n_batch, error))
            return -1;
          n_batch = 0;
        }
    }

  if (n_batch > 0 && !ts_ableton_events_add_plain (r->c, events, batch, n_batch, error))
    return -1;
  /* Leaving one is leaving them all: it only marks that one ended. */
  if (read_one && !fast_end (r, ctx, error))
    return -1;
  return p - text;
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
  TsAbletonCollector *c = r->c;
  TsAlsCtx ctx;

  if (!ts_ableton_collector_enter (c, parent_tag, name, name_len, &ctx, error))
    return FALSE;
  *child_tag = ctx;

  switch (ctx)
    {
    case TS_ALS_ROOT:
      {
        /* Translators: this and the other "part of a set" strings name
         * where in the set's XML a problem is: "... (in %s)". */
        const char *what = C_("part of a set", "the Ableton tag");

        return read_attr (r, attrs, n_attrs, "Creator", what, &c->creator, error) &&
               read_attr (r, attrs, n_attrs, "MinorVersion", what, &c->minor_version, error);
      }

    case TS_ALS_ENVELOPE_EVENT:
    case TS_ALS_TEMPO_EVENT:
      return read_event_fast (r, ctx, attrs, n_attrs, error);

    case TS_ALS_ENVELOPE_EVENTS:
    case TS_ALS_TEMPO_EVENTS:
      ts_xml_scanner_run_children (r->scanner, read_plain_events);
      return TRUE;

    case TS_ALS_CLIP_END:
      return read_clip_end_fast (r, attrs, n_attrs, error);

    case TS_ALS_MANUAL:
      enter_region (r, ctx, C_("part of a set", "the master tempo"));
      /* Translators: names a value; starts the sentence "%s is not a number". */
      return read_value (r, attrs, n_attrs, _("the master tempo"), &c->has_manual, &c->manual, error);

    case TS_ALS_TEMPO_TARGET:
      enter_region (r, ctx, C_("part of a set", "the master tempo"));
      return read_id (r, attrs, n_attrs, "Id",
                      /* Translators: names a value; starts the sentence "%s is not a number". */
                      _("the master tempo's automation id"),
                      _("the master tempo has no automation id"),
                      &c->has_target, &c->target, error);

    case TS_ALS_ENVELOPE_TARGET:
      enter_region (r, ctx, C_("part of a set", "the target of an automation envelope"));
      return TRUE;

    case TS_ALS_POINTEE:
      return read_id (r, attrs, n_attrs, "Value",
                      /* Translators: names a value; starts the sentence "%s is not a number". */
                      _("the target of an automation envelope"),
                      _("an automation envelope has no target"),
                      &c->envelope->has_pointee, &c->envelope->pointee, error);

    case TS_ALS_LOCATORS_OUTER:
      enter_region (r, ctx, C_("part of a set", "the locators"));
      return TRUE;

    case TS_ALS_LOCATOR_TIME:
      /* Translators: names a value; starts the sentence "%s is not a number". */
      return read_value (r, attrs, n_attrs, _("the position of a locator"),
                         &c->locator_has_time, &c->locator_beat, error);

    case TS_ALS_LOCATOR_NAME:
      return read_attr (r, attrs, n_attrs, "Value", C_("part of a set", "the locators"),
                        &c->locator_name, error);

    case TS_ALS_DOCUMENT:
    case TS_ALS_OTHER:
    case TS_ALS_LIVE_SET:
    case TS_ALS_MASTER:
    case TS_ALS_MASTER_ENVELOPES:
    case TS_ALS_ENVELOPES:
    case TS_ALS_ENVELOPE:
    case TS_ALS_ENVELOPE_AUTOMATION:
    case TS_ALS_MASTER_CHAIN:
    case TS_ALS_MIXER:
    case TS_ALS_TEMPO:
    case TS_ALS_TEMPO_ARRANGER:
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
      ts_ableton_not_a_set (display_name, local->message, error);
      break;

    /* The scanner says what is wrong with the XML; the set's words say
     * which file it is and that it is a damaged set. */
    case TS_XML_SCANNER_ERROR_MALFORMED:
    case TS_XML_SCANNER_ERROR_LIMIT:
      ts_ableton_malformed (r->c, error, "%s", local->message);
      break;

    /* Where the libxml2 reader says the same, in the same words. */
    case TS_XML_SCANNER_ERROR_DOCTYPE:
      ts_ableton_refuse_doctype (r->c, error);
      break;
    }

  g_error_free (local);
  return FALSE;
}

static gboolean
read_fast (TsAbletonCollector  *c,
           TsGzipSource        *src,
           GError             **error)
{
  g_autoptr(TsXmlScanner) scanner = NULL;
  FastReader r = { c, src, NULL, TS_ALS_DOCUMENT, NULL };
  GError *local = NULL;

  scanner = ts_xml_scanner_new (fast_start, fast_end, &r);
  r.scanner = scanner;

  for (;;)
    {
      gsize available = 0;
      char *buf = ts_xml_scanner_get_buffer (scanner, &available);
      gssize n = ts_ableton_source_read (src, c->display_name, (guint8 *) buf, available, error);

      if (n < 0)
        return FALSE;
      if (n == 0)
        break;
      if (!ts_xml_scanner_commit (scanner, (gsize) n, &local))
        return propagate_scanner_error (&r, local, error);
    }

  if (ts_gzip_source_get_produced (src) == 0)
    return ts_project_error_empty (c->display_name, error);
  if (!ts_xml_scanner_finish (scanner, &local))
    return propagate_scanner_error (&r, local, error);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The API                                                             */

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
  return ts_ableton_read_with (set, data, length, display_name, read_fast, error);
}

void
ts_ableton_set_clear (TsAbletonSet *set)
{
  g_clear_pointer (&set->creator, g_free);
  g_clear_pointer (&set->minor_version, g_free);
  g_clear_pointer (&set->tempo_events, g_array_unref);
  g_clear_pointer (&set->tempo_curves, g_array_unref);
  g_clear_pointer (&set->locators, g_array_unref);
  g_clear_pointer (&set->warning, g_free);
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
  GArray *points = set->tempo_events;
  GArray *curves = set->tempo_curves;

  for (guint i = 0; curves != NULL && i < curves->len; i++)
    {
      const TsAbletonCurve *curve = &g_array_index (curves, TsAbletonCurve, i);
      const TsTempoPoint *a;
      const TsTempoPoint *b;

      if (curve->event + 1 >= points->len)
        continue;
      a = &g_array_index (points, TsTempoPoint, curve->event);
      b = &g_array_index (points, TsTempoPoint, curve->event + 1);
      if (b->beat <= a->beat || b->bpm == a->bpm)
        continue;
      if (fabs (curve->curve1_y - curve->curve1_x) > CURVE_EPSILON
          || fabs (curve->curve2_y - curve->curve2_x) > CURVE_EPSILON)
        return TRUE;
    }

  return FALSE;
}

/**
 * ts_ableton_set_get_tempo_event:
 * @index: below the length of @set's tempo_events
 * @event: (out caller-allocates): the event with its handles, if any
 */
void
ts_ableton_set_get_tempo_event (const TsAbletonSet  *set,
                                guint                index,
                                TsAbletonTempoEvent *event)
{
  const TsTempoPoint *point;
  guint lo = 0;
  guint hi;

  g_return_if_fail (index < set->tempo_events->len);

  point = &g_array_index (set->tempo_events, TsTempoPoint, index);
  *event = (TsAbletonTempoEvent) { point->beat, point->bpm, FALSE, 0, 0, 0, 0 };

  /* The curves are in event order: bisect for @index. */
  hi = set->tempo_curves->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      const TsAbletonCurve *curve = &g_array_index (set->tempo_curves, TsAbletonCurve, mid);

      if (curve->event == index)
        {
          event->has_curve = TRUE;
          event->curve1_x = curve->curve1_x;
          event->curve1_y = curve->curve1_y;
          event->curve2_x = curve->curve2_x;
          event->curve2_y = curve->curve2_y;
          return;
        }
      if (curve->event < index)
        lo = mid + 1;
      else
        hi = mid;
    }
}

/* The map copies the points from the array the reader filled. */
TsTempoMap *
ts_ableton_set_build_tempo_map (const TsAbletonSet *set)
{
  GArray *points = set->tempo_events;

  return ts_tempo_map_new (set->tempo, ts_format_info_get (TS_FORMAT_ABLETON)->tempo_grid,
                           points != NULL ? (const TsTempoPoint *) (gconstpointer) points->data : NULL,
                           points != NULL ? points->len : 0);
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
  facts->warnings = NULL;
  if (set->warning != NULL)
    {
      facts->warnings = g_new0 (char *, 2);
      facts->warnings[0] = g_strdup (set->warning);
    }
}
