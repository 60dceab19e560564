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
/* For ts_ableton_number_from_digits(): 16 to 19 digits in the x87's
 * extended precision, FALSE where it cannot tell. */
gboolean     ts_ableton_long_number        (guint64                mantissa,
                                            gsize                  n_fraction,
                                            gboolean               negative,
                                            double                *out);
/* The number parser: FALSE when @text is not a number Live writes. The
 * byte after it must not continue a number (a closing quote or a NUL). */
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

static inline gboolean
ts_ableton_is_digit (char c)
{
  return (guint) (guchar) c - '0' <= 9;
}

#if G_BYTE_ORDER == G_LITTLE_ENDIAN
#define TS_ABLETON_BYTES(b) (G_GUINT64_CONSTANT (0x0101010101010101) * (b))

/* How many of the eight bytes of @bytes (the first in the lowest byte)
 * are digits before the first that is not. No step carries from one
 * byte into the next: each adds to at most seven bits of a byte. */
static inline guint
ts_ableton_leading_digits (guint64 bytes)
{
  guint64 high = (bytes & TS_ABLETON_BYTES (0xF0)) ^ TS_ABLETON_BYTES (0x30);
  guint64 low = ((bytes & TS_ABLETON_BYTES (0x0F)) + TS_ABLETON_BYTES (0x06)) & TS_ABLETON_BYTES (0xF0);
  guint64 other = high | low;   /* a byte is 0 exactly where it is a digit */
  guint64 flags = (((other & TS_ABLETON_BYTES (0x7F)) + TS_ABLETON_BYTES (0x7F)) | other) & TS_ABLETON_BYTES (0x80);

  return flags == 0 ? 8 : (guint) __builtin_ctzll (flags) / 8;
}

/* The number the first @n (1 to 8) bytes of @bytes, all digits, write:
 * the others shifted out, the digits paired, then the pairs. */
static inline guint64
ts_ableton_digits_value (guint64 bytes,
                         guint   n)
{
  guint64 v = (bytes - TS_ABLETON_BYTES ('0')) << (8 * (8 - n));

  v = v * 10 + (v >> 8);
  return ((v & G_GUINT64_CONSTANT (0x000000FF000000FF)) * (100 + (G_GUINT64_CONSTANT (1000000) << 32)) +
          ((v >> 16) & G_GUINT64_CONSTANT (0x000000FF000000FF)) * (1 + (G_GUINT64_CONSTANT (10000) << 32))) >> 32;
}
#endif

/* Reads the digits at @c onto @mantissa (which wraps past 19 digits,
 * more than a number read without strtod has); returns where they end.
 * Eight at a time where eight bytes are there: a number is mostly
 * digits, and a tempo point has some twenty of them. Shared by the
 * number parser and the fast path for tempo points. */
static inline const char *
ts_ableton_read_digits (const char *c,
                        const char *end,
                        guint64    *mantissa)
{
  guint64 m = *mantissa;

#if G_BYTE_ORDER == G_LITTLE_ENDIAN
  static const guint64 powers[] = { 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000 };

  while (end - c >= 8)
    {
      guint64 bytes;
      guint n;

      memcpy (&bytes, c, sizeof bytes);
      n = ts_ableton_leading_digits (bytes);
      if (n == 0)
        break;
      m = m * powers[n] + ts_ableton_digits_value (bytes, n);
      c += n;
      if (n < 8)
        {
          *mantissa = m;
          return c;
        }
    }
#endif
  for (; c < end && ts_ableton_is_digit (*c); c++)
    m = m * 10 + (guint) (*c - '0');
  *mantissa = m;
  return c;
}

/* The number of the @n_digits digits @mantissa, @n_fraction of them
 * after the point, where it can be had without strtod: FALSE leaves it
 * to strtod. Shared by the number parser and the fast path for tempo
 * points, so that both give the same bits. Up to 15 digits the mantissa
 * and the power of ten are exact doubles, so one correctly rounded
 * division gives what strtod gives; tempo points are mostly such short
 * numbers, and a fifth of Live's positions have 17 digits. */
static inline gboolean
ts_ableton_number_from_digits (guint64   mantissa,
                               gsize     n_digits,
                               gsize     n_fraction,
                               gboolean  negative,
                               double   *out)
{
  static const double powers[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
    1e13, 1e14, 1e15,
  };

  if (n_digits < G_N_ELEMENTS (powers))
    {
      double value = (double) mantissa / powers[n_fraction];

      *out = negative ? -value : value;
      return TRUE;
    }
  return n_digits <= 19 && ts_ableton_long_number (mantissa, n_fraction, negative, out);
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
