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
 * (ts-ableton-paths.c) finds the regions it needs and hands them to
 * libxml2 (ts-ableton-libxml.c), except the tempo points and the clip
 * ends, which have a fast path of their own. Everything found goes into
 * the collector (ts-ableton-collector.c), which the tests' reference
 * reader feeds from libxml2 over the whole document, to check this one.
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

/* Handles this close to the straight line are on it: Live stores them as
 * decimal text, so a straight handle comes back within rounding. */
#define CURVE_EPSILON 1e-9

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
  TsAbletonCollector *c;
  const TsGzipSource *src;
  TsXmlScanner       *scanner;
  GString            *xml;          /* a captured region, or one tag */
  guint64             xml_offset;   /* where @xml starts in the document */
  TsAlsCtx            region;       /* being captured; TS_ALS_DOCUMENT when none */
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

/* Runs libxml2 over @r->xml: one element whose context is @ctx, which
 * holds @what. */
static gboolean
read_xml (FastReader  *r,
          TsAlsCtx     ctx,
          const char  *what,
          GError     **error)
{
  TsAbletonXmlError first_error;
  xmlTextReaderPtr reader;
  gboolean saw_element, broken;
  gboolean ok;

  reader = xmlReaderForMemory (r->xml->str, (int) r->xml->len, NULL, "UTF-8",
                               TS_ABLETON_LIBXML_OPTIONS);
  if (reader == NULL)
    return ts_ableton_malformed (r->c, error, _("the XML reader could not start"));
  ts_ableton_watch_errors (reader, &first_error);

  ok = ts_ableton_read_elements (r->c, reader, ctx, &saw_element, &broken, error);
  if (broken)
    {
      g_autofree char *wrong = NULL;

      /* libxml2 counts the region's lines; the message, the file's. */
      wrong = ts_ableton_describe_xml_error (&first_error, lines_before (r->src, r->xml_offset));

      /* Translators: the first %s says what is wrong with the XML, e.g.
       * "it contains a character XML does not allow", the second a part
       * of the set, e.g. "the locators". */
      ts_ableton_malformed (r->c, error, _("%s (in %s)"), wrong, what);
    }

  xmlFreeTextReader (reader);
  g_string_truncate (r->xml, 0);
  return ok;
}

/* Reads the start tag the scanner is reporting with libxml2, as an
 * element of its own. */
static gboolean
read_tag (FastReader  *r,
          TsAlsCtx     ctx,
          const char  *name,
          gsize        name_len,
          const char  *what,
          GError     **error)
{
  gsize len = 0;
  const char *tag = ts_xml_scanner_get_tag (r->scanner, &len);

  r->xml_offset = ts_xml_scanner_get_tag_offset (r->scanner);
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
                 TsAlsCtx          ctx,
                 const char       *name,
                 gsize             name_len,
                 const TsXmlAttr  *attrs,
                 guint             n_attrs,
                 GError          **error)
{
  TsAbletonEventFields fields = { 0 };

  for (guint i = 0; i < n_attrs; i++)
    {
      /* Live writes plain numbers; anything with a reference in it is
       * libxml2's to decode. */
      if (attrs[i].needs_decoding)
        /* Translators: where in the set a problem is, as in "... (in %s)". */
        return read_tag (r, ctx, name, name_len, C_("part of a set", "a tempo point"), error);
      if (!ts_ableton_event_field (r->c, &fields, attrs[i].name, attrs[i].name_len,
                                   attrs[i].value, attrs[i].value_len, error))
        return FALSE;
    }

  return ts_ableton_event_finish (r->c, &fields, ts_ableton_collector_events (r->c, ctx), error);
}

/* <CurrentEnd Value="" />: one number per clip, read straight from the
 * scanner like a tempo point. */
static gboolean
read_clip_end_fast (FastReader       *r,
                    TsAlsCtx          ctx,
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
        return read_tag (r, ctx, name, name_len, ts_ableton_clip_end_what (), error);
      if (ts_ableton_name_is (attrs[i].name, attrs[i].name_len, "Value"))
        {
          /* XML forbids it; the scanner does not check, so say it here. */
          if (value != NULL)
            return ts_ableton_malformed (r->c, error, _("%s has two values"),
                                         ts_ableton_clip_end_what ());
          value = &attrs[i];
        }
    }

  if (value == NULL)
    return ts_ableton_malformed (r->c, error, _("%s has no value"), ts_ableton_clip_end_what ());
  r->c->clip_has_end = TRUE;
  return ts_ableton_parse_number (r->c, value->value, value->value_len, ts_ableton_clip_end_what (),
                                  &r->c->clip_end, error);
}

static gboolean
capture_region (FastReader  *r,
                TsAlsCtx     ctx,
                const char  *what,
                GError     **error)
{
  r->region = ctx;
  r->region_what = what;
  r->xml_offset = ts_xml_scanner_get_tag_offset (r->scanner);
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

  if (!ts_ableton_collector_enter (r->c, parent_tag, name, name_len, &ctx, error))
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
      return capture_region (r, ctx, C_("part of a set", "the target of an automation envelope"), error);

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
    return ts_ableton_collector_leave (r->c, ctx, error);

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
      ts_ableton_not_a_set (display_name, local->message, error);
      break;

    case TS_XML_SCANNER_ERROR_CAPTURE_LIMIT:
      g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_TOO_LARGE,
                   /* Translators: the second %s is a part of the set,
                    * e.g. "the locators". */
                   _("%s: the set is too large to read (the XML of %s is longer "
                     "than %d MiB)"), display_name, r->region_what,
                   MAX_REGION_SIZE / (1024 * 1024));
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
  g_autoptr(GString) xml = g_string_new (NULL);
  FastReader r = { c, src, NULL, xml, 0, TS_ALS_DOCUMENT, NULL };
  GError *local = NULL;

  ts_ableton_init_libxml ();
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
