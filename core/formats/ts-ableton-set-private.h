/* ts-ableton-set-private.h - what the two Live set readers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fast reader (ts-ableton-set.c) and the reference reader the tests
 * check it against (tests/ts-ableton-reference.c, libxml2 over the whole
 * document) feed the same collector (ts-ableton-collector.c), so they
 * differ only in how they find elements and read their attributes.
 */
#pragma once

#include <string.h>

#include "ts-ableton-paths-private.h"
#include "ts-ableton-set.h"
#include "ts-gzip-source.h"

G_BEGIN_DECLS

/* Decompressed XML larger than this is refused (TS_PROJECT_ERROR_TOO_LARGE).
 * Real sets are a few MB to a few hundred MB of XML (sample-heavy sets
 * with plugin state); 1 GiB leaves room for those while keeping a
 * compressed bomb (deflate reaches about 1000:1) to a bounded amount of
 * work: the reader streams, so this caps time, not memory. */
#define TS_ABLETON_MAX_XML_SIZE (G_GUINT64_CONSTANT (1) << 30)

/* Counts no real set comes near (the largest sets in the wild have a few
 * hundred locators, some thousand tempo points and clips), far above
 * them; beyond them the set is refused (TS_PROJECT_ERROR_TOO_LARGE) by
 * both readers, in the same words. */
#define TS_ABLETON_MAX_LOCATORS     200000
#define TS_ABLETON_MAX_TEMPO_EVENTS 250000
#define TS_ABLETON_MAX_CLIPS        1000000

/* The tempo events of an envelope or of Live 8 and 9's arrangement, as
 * TsAbletonSet holds them. */
typedef struct {
  GArray  *points;            /* TsTempoPoint */
  GArray  *curves;            /* TsAbletonCurve */
} TsAbletonEvents;

typedef struct {
  gboolean        has_pointee;
  gint64          pointee;
  TsAbletonEvents events;
} TsAbletonEnvelope;

/* What the readers have found so far, element by element. */
typedef struct {
  const char *display_name;

  char       *creator;
  char       *minor_version;

  guint64     seen;             /* bit per TsAlsCtx: TS_ALS_PATH_FIRST_ONLY */
  guint64     ended;            /* bit per TsAlsCtx whose element was closed */

  gboolean    has_manual;
  double      manual;
  gboolean    has_target;
  gint64      target;

  TsAbletonEvents arranger_events;  /* Live 8 and 9 */
  GPtrArray  *envelopes;        /* TsAbletonEnvelope, master track, Live 10+ */
  TsAbletonEnvelope *envelope;   /* the one being read */

  GArray     *locators;         /* TsAbletonLocator */
  gboolean    locator_seen_time;
  gboolean    locator_has_time;
  double      locator_beat;
  char       *locator_name;

  gboolean    clip_seen_end;
  gboolean    clip_has_end;
  double      clip_end;
  guint       n_clips;
  gboolean    has_end_beat;
  double      end_beat;         /* the largest clip end so far */
} TsAbletonCollector;

/* <FloatEvent Id="" Time="" Value="" [CurveControl1X="" ...] />, read one
 * attribute at a time by both readers. */
typedef struct {
  TsTempoPoint point;
  double       curve[4];
  guint        seen;            /* TIME_BIT, VALUE_BIT, CURVE_BITS */
} TsAbletonEventFields;

/* Reads the whole set from @src into @c: the one part where the readers
 * differ. */
typedef gboolean (*TsAbletonReadFunc) (TsAbletonCollector *c, TsGzipSource *src, GError **error);

gboolean     ts_ableton_read_with          (TsAbletonSet          *set,
                                            const guint8          *data,
                                            gsize                  length,
                                            const char            *display_name,
                                            TsAbletonReadFunc      read_func,
                                            GError               **error);

gssize       ts_ableton_source_read        (TsGzipSource          *src,
                                            const char            *display_name,
                                            guint8                *buf,
                                            gsize                  len,
                                            GError               **error);

gboolean     ts_ableton_not_a_set          (const char            *display_name,
                                            const char            *reason,
                                            GError               **error);
gboolean     ts_ableton_malformed          (TsAbletonCollector    *c,
                                            GError               **error,
                                            const char            *format,
                                            ...) G_GNUC_PRINTF (3, 4);
const char  *ts_ableton_clip_end_what      (void);

gboolean     ts_ableton_parse_number       (TsAbletonCollector    *c,
                                            const char            *text,
                                            gsize                  len,
                                            const char            *what,
                                            double                *out,
                                            GError               **error);
/* The number of the up to TS_ABLETON_LONG_DIGITS digits @mantissa,
 * @n_fraction of them after the point, where it can be had without
 * strtod (in the x87's extended precision): FALSE leaves it to the
 * number parser. */
#define TS_ABLETON_LONG_DIGITS 19
gboolean     ts_ableton_long_number        (guint64                mantissa,
                                            gsize                  n_fraction,
                                            gboolean               negative,
                                            double                *out);
/* The number parser, for a fast path that has read the text already:
 * FALSE when it is not a number Live writes. */
gboolean     ts_ableton_parse_double       (const char            *text,
                                            gsize                  len,
                                            double                *out);
gboolean     ts_ableton_parse_id           (TsAbletonCollector    *c,
                                            const char            *text,
                                            const char            *what,
                                            gint64                *out,
                                            GError               **error);

gboolean     ts_ableton_event_field        (TsAbletonCollector    *c,
                                            TsAbletonEventFields  *fields,
                                            const char            *name,
                                            gsize                  name_len,
                                            const char            *value,
                                            gsize                  value_len,
                                            GError               **error);
gboolean     ts_ableton_event_finish       (TsAbletonCollector    *c,
                                            TsAbletonEventFields  *fields,
                                            TsAbletonEvents       *events,
                                            GError               **error);
/* ts_ableton_event_finish() of points that have a position and a tempo,
 * and no curve handles, for a few at once. */
gboolean     ts_ableton_events_add_plain   (TsAbletonCollector    *c,
                                            TsAbletonEvents       *events,
                                            const TsTempoPoint    *points,
                                            guint                  n_points,
                                            GError               **error);
TsAbletonEvents *
             ts_ableton_collector_events   (TsAbletonCollector    *c,
                                            TsAlsCtx               ctx);

gboolean     ts_ableton_collector_enter    (TsAbletonCollector    *c,
                                            TsAlsCtx               parent,
                                            const char            *name,
                                            gsize                  name_len,
                                            TsAlsCtx              *ctx,
                                            GError               **error);
gboolean     ts_ableton_collector_leave    (TsAbletonCollector    *c,
                                            TsAlsCtx               ctx,
                                            GError               **error);

/* What is wrong with a set's XML, whoever found it. */
typedef enum {
  TS_ABLETON_XML_CHARACTER,   /* a character XML does not allow */
  TS_ABLETON_XML_ENCODING,    /* not in the encoding it declares */
  TS_ABLETON_XML_ENTITY,      /* an "&…;" XML does not define */
  TS_ABLETON_XML_TAG,         /* an element not closed, or in the wrong place */
  TS_ABLETON_XML_ATTRIBUTE,   /* an attribute not written as XML requires */
  TS_ABLETON_XML_AFTER_END,   /* more after the end of the document */
  TS_ABLETON_XML_TOO_LARGE,   /* more than the XML reader holds */
  TS_ABLETON_XML_BROKEN,      /* anything else */
} TsAbletonXmlFault;

char        *ts_ableton_describe_xml_fault (TsAbletonXmlFault      fault,
                                            guint64                line);
gboolean     ts_ableton_refuse_doctype     (TsAbletonCollector    *c,
                                            GError               **error);

/* Up to this many digits the mantissa and the power of ten are exact
 * doubles, so one correctly rounded division gives what strtod gives,
 * much faster; tempo points are mostly short numbers. */
#define TS_ABLETON_SHORT_DIGITS 15

/* The number of the digits @mantissa, @n_fraction of them after the
 * point, for at most TS_ABLETON_SHORT_DIGITS digits in all: shared by
 * the number parser and the fast path for tempo points, so that both
 * give the same bits. */
static inline double
ts_ableton_short_number (guint64  mantissa,
                         gsize    n_fraction,
                         gboolean negative)
{
  static const double powers[TS_ABLETON_SHORT_DIGITS + 1] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
    1e13, 1e14, 1e15,
  };
  double value = (double) mantissa / powers[n_fraction];

  return negative ? -value : value;
}

static inline gboolean
ts_ableton_name_is (const char *name,
                    gsize       name_len,
                    const char *literal)
{
  gsize n = strlen (literal);

  return name_len == n && memcmp (name, literal, n) == 0;
}

G_END_DECLS
