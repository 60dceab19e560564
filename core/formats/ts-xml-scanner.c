/* ts-xml-scanner.c - a small streaming XML tag scanner
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ts-xml-scanner"

#include "config.h"

#include "ts-xml-scanner.h"

#include <string.h>

#ifdef __SSE2__
# include <emmintrin.h>
#endif

#include <glib/gi18n-lib.h>

/* Fresh space handed out per read: the inflater's natural chunk size. */
#define SCANNER_CHUNK (64 * 1024)
/* Element names in Live sets are short identifiers; libxml2 allows 50000. */
#define SCANNER_MAX_NAME 1024
/* Live writes at most a handful of attributes per tag; a bound keeps a
 * tag of a million tiny attributes from costing far more than its bytes. */
#define SCANNER_MAX_ATTRS 1024

G_DEFINE_QUARK (ts-xml-scanner-error-quark, ts_xml_scanner_error)

typedef struct {
  gsize        name_offset;
  gsize        name_len;
  guint        tag;
  TsXmlRunFunc run;
} StackEntry;

struct _TsXmlScanner {
  TsXmlStartFunc start;
  TsXmlEndFunc   end;
  gpointer       user_data;

  /* buf[pos, len) is what has not been consumed yet: after a scan, only an
   * incomplete tag (text is consumed as it comes). */
  char   *buf;
  gsize   cap;
  gsize   len;
  gsize   pos;
  guint64 buf_offset;   /* where buf[0] is in the document */

  GArray    *stack;
  GString   *names;
  /* Plain array: one append per attribute is the hottest path. */
  TsXmlAttr *attrs;
  guint      n_attrs;
  guint      attrs_cap;

  gsize    prolog_bytes;
  gboolean saw_root;
  gboolean root_closed;

  /* The start tag being reported, for ts_xml_scanner_get_tag(), and
   * what ts_xml_scanner_run_children() asked for it. */
  const char  *tag;
  gsize        tag_len;
  TsXmlRunFunc tag_run;
};

typedef enum {
  TOKEN_DONE,
  TOKEN_NEED_MORE,
  TOKEN_ERROR,
} TokenResult;

/* Bytes that end a name. NUL is here so that it can never hide inside one. */
static const guint8 name_stop[256] = {
  [0] = 1, [' '] = 1, ['\t'] = 1, ['\n'] = 1, ['\r'] = 1, ['/'] = 1,
  ['>'] = 1, ['='] = 1, ['<'] = 1, ['"'] = 1, ['\''] = 1, ['&'] = 1,
};

/* Bytes inside an attribute value that need a closer look. */
static const guint8 value_special[256] = {
  [0] = 1, ['"'] = 1, ['\''] = 1, ['<'] = 1, ['&'] = 1, ['\t'] = 1,
  ['\n'] = 1, ['\r'] = 1,
};

#ifdef __SSE2__
/* The first byte of @c[0, 16) that @table flags, found among @candidates
 * (a bit per byte that may be flagged), or NULL when none is. */
static inline const char *
first_flagged (const char   *c,
               unsigned int  candidates,
               const guint8  table[256])
{
  for (; candidates != 0; candidates &= candidates - 1)
    {
      const char *at = c + __builtin_ctz (candidates);

      if (table[(guchar) *at])
        return at;
    }
  return NULL;
}

/* Bytes up to @limit, as a bit each. */
static inline unsigned int
bytes_at_most (__m128i bytes,
               guint8  limit)
{
  __m128i top = _mm_set1_epi8 ((char) limit);

  return (unsigned int) _mm_movemask_epi8 (_mm_cmpeq_epi8 (_mm_max_epu8 (bytes, top), top));
}
#endif

/* Where the name starting at @c ends: its first byte in name_stop, or
 * @end. Names and attribute values are most of what a set's tags hold;
 * 16 bytes at a time while that many are there, one at a time after. */
static inline const char *
skip_name (const char *c,
           const char *end)
{
#ifdef __SSE2__
  for (; end - c >= 16; c += 16)
    {
      __m128i bytes = _mm_loadu_si128 ((const __m128i *) (const void *) c);
      /* Every byte name_stop flags is at most '>'; letters, '_' and
       * UTF-8 are above it. */
      const char *stop = first_flagged (c, bytes_at_most (bytes, '>'), name_stop);

      if (stop != NULL)
        return stop;
    }
#endif
  while (c < end && !name_stop[(guchar) *c])
    c++;
  return c;
}

/* Where the bytes of an attribute value that need no closer look end,
 * from @c: its first byte in value_special, or @end. */
static inline const char *
skip_value (const char *c,
            const char *end)
{
#ifdef __SSE2__
  for (; end - c >= 16; c += 16)
    {
      __m128i bytes = _mm_loadu_si128 ((const __m128i *) (const void *) c);
      /* Values are mostly digits, which are below '>': the flagged bytes
       * are the control bytes up to '\r' and four others. */
      __m128i others = _mm_or_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (bytes, _mm_set1_epi8 ('"')),
                                                   _mm_cmpeq_epi8 (bytes, _mm_set1_epi8 ('\''))),
                                     _mm_or_si128 (_mm_cmpeq_epi8 (bytes, _mm_set1_epi8 ('<')),
                                                   _mm_cmpeq_epi8 (bytes, _mm_set1_epi8 ('&'))));
      unsigned int candidates = bytes_at_most (bytes, '\r') | (unsigned int) _mm_movemask_epi8 (others);
      const char *stop = first_flagged (c, candidates, value_special);

      if (stop != NULL)
        return stop;
    }
#endif
  while (c < end && !value_special[(guchar) *c])
    c++;
  return c;
}

static inline gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Where the blanks from @c end: the first other byte, or @end. */
static inline const char *
skip_blanks (const char *c,
             const char *end)
{
#ifdef __SSE2__
  for (; end - c >= 16; c += 16)
    {
      __m128i bytes = _mm_loadu_si128 ((const __m128i *) (const void *) c);
      __m128i blanks = _mm_or_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (bytes, _mm_set1_epi8 (' ')),
                                                   _mm_cmpeq_epi8 (bytes, _mm_set1_epi8 ('\t'))),
                                     _mm_or_si128 (_mm_cmpeq_epi8 (bytes, _mm_set1_epi8 ('\n')),
                                                   _mm_cmpeq_epi8 (bytes, _mm_set1_epi8 ('\r'))));
      unsigned int others = ~(unsigned int) _mm_movemask_epi8 (blanks) & 0xFFFF;

      if (others != 0)
        return c + __builtin_ctz (others);
    }
#endif
  while (c < end && is_blank (*c))
    c++;
  return c;
}

static TokenResult
malformed (GError     **error,
           const char  *what)
{
  /* Only the reason: the reader that runs the scanner knows which file
   * it reads and what kind of document it should be, and says so. */
  g_set_error_literal (error, TS_XML_SCANNER_ERROR, TS_XML_SCANNER_ERROR_MALFORMED, what);
  return TOKEN_ERROR;
}

TsXmlScanner *
ts_xml_scanner_new (TsXmlStartFunc start,
                    TsXmlEndFunc   end,
                    gpointer       user_data)
{
  TsXmlScanner *self = g_new0 (TsXmlScanner, 1);

  self->start = start;
  self->end = end;
  self->user_data = user_data;
  self->cap = SCANNER_CHUNK;
  self->buf = g_malloc (self->cap);
  self->stack = g_array_new (FALSE, FALSE, sizeof (StackEntry));
  self->names = g_string_new (NULL);
  self->attrs_cap = 16;
  self->attrs = g_new (TsXmlAttr, self->attrs_cap);

  return self;
}

void
ts_xml_scanner_free (TsXmlScanner *self)
{
  if (self == NULL)
    return;

  g_free (self->buf);
  g_array_unref (self->stack);
  g_string_free (self->names, TRUE);
  g_free (self->attrs);
  g_free (self);
}

char *
ts_xml_scanner_get_buffer (TsXmlScanner *self,
                           gsize        *available)
{
  gsize pending = self->len - self->pos;
  gsize want = MAX (SCANNER_CHUNK, pending);

  if (self->pos > 0)
    {
      self->buf_offset += self->pos;
      memmove (self->buf, self->buf + self->pos, pending);
      self->len = pending;
      self->pos = 0;
    }

  if (self->cap - self->len < want)
    {
      self->cap = self->len + want;
      self->buf = g_realloc (self->buf, self->cap);
    }

  *available = self->cap - self->len;
  return self->buf + self->len;
}

/* Text is never reported, only checked: outside the root it may only be
 * blank, inside it must not hold NUL bytes (binary data, or a bomb of
 * zeros, which this rejects at its first byte). */
static gboolean
scan_text (TsXmlScanner  *self,
           const char    *p,
           const char    *stop,
           GError       **error)
{
  static const guchar bom[] = { 0xEF, 0xBB, 0xBF };

  if (self->stack->len > 0)
    {
      if (memchr (p, '\0', stop - p) != NULL)
        {
          malformed (error, _("it contains binary data where text belongs"));
          return FALSE;
        }
      return TRUE;
    }

  for (const char *c = p; c < stop; c++)
    {
      gsize offset = self->prolog_bytes + (c - p);

      if (is_blank (*c))
        continue;
      if (!self->saw_root && offset < sizeof bom && (guchar) *c == bom[offset])
        continue;

      if (self->root_closed)
        malformed (error, _("there is text after the end of the document"));
      else
        g_set_error (error, TS_XML_SCANNER_ERROR, TS_XML_SCANNER_ERROR_NOT_XML,
                     /* Translators: why a document is not the XML its reader expects. */
                     _("the content is not XML"));
      return FALSE;
    }

  return TRUE;
}

static TokenResult
scan_end_tag (TsXmlScanner  *self,
              const char    *p,
              const char    *end,
              gsize         *used,
              GError       **error)
{
  const char *name = p + 2;
  const char *c = name;
  gsize name_len;
  StackEntry *top;
  guint tag;

  c = skip_name (c, end);
  name_len = c - name;
  if (name_len > SCANNER_MAX_NAME)
    return malformed (error, _("a tag name is far too long"));
  while (c < end && is_blank (*c))
    c++;
  if (c == end)
    return TOKEN_NEED_MORE;
  if (*c != '>')
    return malformed (error, _("an end tag is not closed properly"));

  if (self->stack->len == 0)
    return malformed (error, _("an element is closed that was never opened"));

  top = &g_array_index (self->stack, StackEntry, self->stack->len - 1);
  if (name_len != top->name_len
      || memcmp (name, self->names->str + top->name_offset, name_len) != 0)
    return malformed (error, _("an end tag does not match its start tag"));

  tag = top->tag;
  g_string_truncate (self->names, top->name_offset);
  g_array_set_size (self->stack, self->stack->len - 1);
  if (self->stack->len == 0)
    self->root_closed = TRUE;

  *used = c + 1 - p;
  if (!self->end (self->user_data, tag, error))
    return TOKEN_ERROR;
  return TOKEN_DONE;
}

static TokenResult
scan_start_tag (TsXmlScanner  *self,
                const char    *p,
                const char    *end,
                gsize         *used,
                GError       **error)
{
  const char *name = p + 1;
  const char *c = name;
  gsize name_len;
  gboolean self_closing = FALSE;
  guint parent_tag = 0;
  guint child_tag = 0;

  c = skip_name (c, end);
  name_len = c - name;
  if (name_len > SCANNER_MAX_NAME)
    {
      g_set_error (error, TS_XML_SCANNER_ERROR, TS_XML_SCANNER_ERROR_LIMIT,
                   _("a tag name is far too long"));
      return TOKEN_ERROR;
    }
  if (c == end)
    return TOKEN_NEED_MORE;
  if (name_len == 0)
    return malformed (error, _("a “<” does not start a tag"));

  self->n_attrs = 0;

  for (;;)
    {
      TsXmlAttr attr = { 0 };
      const char *blank_start = c;
      char quote;

      while (c < end && is_blank (*c))
        c++;
      if (c == end)
        return TOKEN_NEED_MORE;

      if (*c == '>')
        break;
      if (*c == '/')
        {
          if (c + 1 == end)
            return TOKEN_NEED_MORE;
          if (c[1] != '>')
            return malformed (error, _("a tag is not closed properly"));
          self_closing = TRUE;
          c++;
          break;
        }
      if (c == blank_start)
        return malformed (error, _("attributes run into each other"));

      attr.name = c;
      c = skip_name (c, end);
      attr.name_len = c - attr.name;
      if (attr.name_len > SCANNER_MAX_NAME)
        return malformed (error, _("an attribute name is far too long"));
      while (c < end && is_blank (*c))
        c++;
      if (c == end)
        return TOKEN_NEED_MORE;
      if (attr.name_len == 0 || *c != '=')
        return malformed (error, _("an attribute has no value"));
      c++;
      while (c < end && is_blank (*c))
        c++;
      if (c == end)
        return TOKEN_NEED_MORE;
      if (*c != '"' && *c != '\'')
        return malformed (error, _("an attribute value is not quoted"));

      quote = *c++;
      attr.value = c;
      for (;;)
        {
          c = skip_value (c, end);
          if (c == end)
            return TOKEN_NEED_MORE;
          if (*c == quote)
            break;
          if (*c == '<' || *c == '\0')
            return malformed (error, _("an attribute value holds a “<” or binary data"));
          if (*c == '&' || *c == '\t' || *c == '\n' || *c == '\r')
            attr.needs_decoding = TRUE;
          c++;
        }
      attr.value_len = c - attr.value;
      c++;

      if (self->n_attrs == SCANNER_MAX_ATTRS)
        {
          g_set_error (error, TS_XML_SCANNER_ERROR, TS_XML_SCANNER_ERROR_LIMIT,
                       _("a tag has more than %d attributes"),
                       SCANNER_MAX_ATTRS);
          return TOKEN_ERROR;
        }
      if (self->n_attrs == self->attrs_cap)
        {
          self->attrs_cap *= 2;
          self->attrs = g_renew (TsXmlAttr, self->attrs, self->attrs_cap);
        }
      self->attrs[self->n_attrs++] = attr;
    }

  if (self->root_closed)
    return malformed (error, _("there is a second document after the first"));
  if (self->stack->len >= TS_XML_SCANNER_MAX_DEPTH)
    {
      g_set_error (error, TS_XML_SCANNER_ERROR, TS_XML_SCANNER_ERROR_LIMIT,
                   _("elements are nested more than %d deep"),
                   TS_XML_SCANNER_MAX_DEPTH);
      return TOKEN_ERROR;
    }

  if (self->stack->len > 0)
    parent_tag = g_array_index (self->stack, StackEntry, self->stack->len - 1).tag;
  self->saw_root = TRUE;

  self->tag = p;
  self->tag_len = c + 1 - p;
  self->tag_run = NULL;
  if (!self->start (self->user_data, parent_tag, name, name_len,
                    self->attrs, self->n_attrs, &child_tag, error))
    return TOKEN_ERROR;
  self->tag = NULL;

  if (self_closing)
    {
      if (self->stack->len == 0)
        self->root_closed = TRUE;
      if (!self->end (self->user_data, child_tag, error))
        return TOKEN_ERROR;
    }
  else
    {
      StackEntry entry = { self->names->len, name_len, child_tag, self->tag_run };

      g_string_append_len (self->names, name, name_len);
      g_array_append_val (self->stack, entry);
    }

  *used = c + 1 - p;
  return TOKEN_DONE;
}

/* Finds @terminator after @from; a missing one means "wait for more". */
static TokenResult
skip_until (const char  *p,
            const char  *from,
            const char  *end,
            const char  *terminator,
            gsize       *used)
{
  gsize t_len = strlen (terminator);

  while (from + t_len <= end)
    {
      const char *found = memchr (from, terminator[0], end - from);

      if (found == NULL || found + t_len > end)
        break;
      if (memcmp (found, terminator, t_len) == 0)
        {
          *used = found + t_len - p;
          return TOKEN_DONE;
        }
      from = found + 1;
    }

  return TOKEN_NEED_MORE;
}

/* Matches @keyword at @p: TRUE when it is there, and *@maybe when the
 * input stops before it could tell. */
static gboolean
starts_with (const char *p,
             const char *end,
             const char *keyword,
             gboolean   *maybe)
{
  gsize k_len = strlen (keyword);
  gsize avail = end - p;

  if (avail >= k_len)
    return memcmp (p, keyword, k_len) == 0;
  if (memcmp (p, keyword, avail) == 0)
    *maybe = TRUE;
  return FALSE;
}

static TokenResult
scan_markup (TsXmlScanner  *self,
             const char    *p,
             const char    *end,
             gsize         *used,
             GError       **error)
{
  gboolean maybe = FALSE;

  if (end - p < 2)
    return TOKEN_NEED_MORE;

  switch (p[1])
    {
    case '/':
      return scan_end_tag (self, p, end, used, error);

    case '?':
      return skip_until (p, p + 2, end, "?>", used);

    case '!':
      if (starts_with (p, end, "<!--", &maybe))
        return skip_until (p, p + 4, end, "-->", used);
      if (starts_with (p, end, "<![CDATA[", &maybe))
        {
          if (self->stack->len == 0)
            return malformed (error, _("there is character data outside the document"));
          return skip_until (p, p + 9, end, "]]>", used);
        }
      if (starts_with (p, end, "<!DOCTYPE", &maybe))
        {
          g_set_error (error, TS_XML_SCANNER_ERROR, TS_XML_SCANNER_ERROR_DOCTYPE,
                       _("it contains a document type declaration, which is not "
                         "read for safety"));
          return TOKEN_ERROR;
        }
      if (maybe)
        return TOKEN_NEED_MORE;
      return malformed (error, _("a “<!” does not start a comment"));

    default:
      return scan_start_tag (self, p, end, used, error);
    }
}

static gboolean
pending_start_tag (TsXmlScanner *self)
{
  const char *p = self->buf + self->pos;

  return self->len - self->pos >= 2 && p[0] == '<'
         && p[1] != '/' && p[1] != '?' && p[1] != '!';
}

static gboolean
scan (TsXmlScanner  *self,
      GError       **error)
{
  while (self->pos < self->len)
    {
      const char *p = self->buf + self->pos;
      const char *end = self->buf + self->len;
      const StackEntry *top = NULL;
      gboolean was_before_root = !self->saw_root;
      gsize used = 0;

      if (self->stack->len > 0)
        top = &g_array_index (self->stack, StackEntry, self->stack->len - 1);
      /* The run goes first, but for a child nested one too deep, which
       * the scanner reads to refuse it. */
      if (top != NULL && top->run != NULL && self->stack->len < TS_XML_SCANNER_MAX_DEPTH)
        {
          gssize ran = top->run (self->user_data, top->tag, p, end - p, error);

          if (ran < 0)
            return FALSE;
          if (ran > 0)
            {
              self->pos += ran;
              continue;
            }
        }

      if (*p != '<')
        {
          const char *stop = p;
          const char *lt;

          /* Most text is the indentation between two tags: blanks, which
           * need no check and are cheaper to step over than to search. */
          stop = skip_blanks (stop, end);
          if (stop == end || *stop != '<')
            {
              lt = memchr (stop, '<', end - stop);
              stop = lt != NULL ? lt : end;
              if (!scan_text (self, p, stop, error))
                return FALSE;
            }
          used = stop - p;
        }
      else
        {
          switch (scan_markup (self, p, end, &used, error))
            {
            case TOKEN_DONE:
              break;
            case TOKEN_NEED_MORE:
              goto need_more;
            case TOKEN_ERROR:
              return FALSE;
            }
        }

      self->pos += used;
      if (was_before_root)
        self->prolog_bytes += used;
    }

need_more:
  /* A root start tag that is still arriving is held to the token limit,
   * not the prolog's: it may carry long attributes. */
  if (!self->saw_root
      && !pending_start_tag (self)
      && self->prolog_bytes + (self->len - self->pos) > TS_XML_SCANNER_MAX_PROLOG)
    {
      g_set_error (error, TS_XML_SCANNER_ERROR, TS_XML_SCANNER_ERROR_NOT_XML,
                   /* Translators: why a document is not the XML its reader expects. */
                   _("there is no XML element in the first %d KiB"),
                   TS_XML_SCANNER_MAX_PROLOG / 1024);
      return FALSE;
    }
  if (self->len - self->pos > TS_XML_SCANNER_MAX_TOKEN)
    {
      g_set_error (error, TS_XML_SCANNER_ERROR, TS_XML_SCANNER_ERROR_LIMIT,
                   _("a single tag is longer than %d MiB"),
                   TS_XML_SCANNER_MAX_TOKEN / (1024 * 1024));
      return FALSE;
    }

  return TRUE;
}

gboolean
ts_xml_scanner_commit (TsXmlScanner  *self,
                       gsize          length,
                       GError       **error)
{
  g_return_val_if_fail (length <= self->cap - self->len, FALSE);

  self->len += length;
  return scan (self, error);
}

gboolean
ts_xml_scanner_finish (TsXmlScanner  *self,
                       GError       **error)
{
  if (self->pos < self->len)
    {
      malformed (error, _("the file ends in the middle of a tag"));
      return FALSE;
    }
  if (!self->saw_root)
    {
      g_set_error (error, TS_XML_SCANNER_ERROR, TS_XML_SCANNER_ERROR_NOT_XML,
                   /* Translators: why a document is not the XML its reader expects. */
                   _("it contains no XML element"));
      return FALSE;
    }
  if (self->stack->len > 0)
    {
      malformed (error, _("the file ends before the document is complete"));
      return FALSE;
    }

  return TRUE;
}

const char *
ts_xml_scanner_get_tag (TsXmlScanner *self,
                        gsize        *length)
{
  g_return_val_if_fail (self->tag != NULL, NULL);

  *length = self->tag_len;
  return self->tag;
}

/* Where the start tag being reported begins, in bytes from the start of
 * the document: for messages that name a line. */
guint64
ts_xml_scanner_get_tag_offset (TsXmlScanner *self)
{
  g_return_val_if_fail (self->tag != NULL, 0);

  return self->buf_offset + (guint64) (self->tag - self->buf);
}

const char *
ts_xml_scanner_skip_blanks (const char *c,
                            const char *end)
{
  return skip_blanks (c, end);
}

/* Asked for an empty element, it does nothing: such an element has no
 * content. */
void
ts_xml_scanner_run_children (TsXmlScanner *self,
                             TsXmlRunFunc  run)
{
  g_return_if_fail (self->tag != NULL);

  self->tag_run = run;
}
