/* ts-xml-scanner.h - a small streaming XML tag scanner for trusted-shape,
 * untrusted-content documents (Ableton Live sets)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scanner is fed the document in pieces of any size and reports start
 * and end tags with their raw attributes. It checks what a reader needs to
 * trust the structure (tags nest and match, attributes are well formed, no
 * binary data in text, bounded depth and token size) and skips what a set
 * reader never needs (text, comments, processing instructions, CDATA). It
 * is a finder, not an XML parser: it hands out attribute values as the
 * bytes between the quotes, for ts_xml_value_decode() to read where a
 * reader needs their text. It refuses document type declarations, so no
 * input can make it read a file, touch the network or grow without
 * bound.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TS_XML_SCANNER_ERROR (ts_xml_scanner_error_quark ())

typedef enum {
  TS_XML_SCANNER_ERROR_NOT_XML,    /* no element where the document should start */
  TS_XML_SCANNER_ERROR_MALFORMED,  /* broken markup, truncated document */
  TS_XML_SCANNER_ERROR_DOCTYPE,    /* a document type declaration (refused) */
  TS_XML_SCANNER_ERROR_LIMIT,      /* nesting or a single tag beyond the limits */
} TsXmlScannerError;

/* libxml2's own default limit (without XML_PARSE_HUGE); Live sets nest
 * about 30 deep. */
#define TS_XML_SCANNER_MAX_DEPTH 256
/* One tag (with all its attributes), comment or processing instruction.
 * Live writes tags of a few hundred bytes; this only stops hostile input
 * from making the scanner buffer the whole document. */
#define TS_XML_SCANNER_MAX_TOKEN (8 * 1024 * 1024)
/* What may come before the root element: an XML declaration, perhaps a
 * comment. A document that has no element this far in is not XML we read,
 * and saying so early keeps a compressed bomb of blanks cheap. */
#define TS_XML_SCANNER_MAX_PROLOG (64 * 1024)

/**
 * TsXmlAttr:
 * @name: the attribute name, not NUL-terminated
 * @value: the raw value between the quotes, not NUL-terminated; the byte
 *   after it is the closing quote
 * @needs_decoding: @value holds an entity or character reference or a
 *   blank that XML normalises, so its text is what ts_xml_value_decode()
 *   makes of it, not its bytes
 */
typedef struct {
  const char *name;
  gsize       name_len;
  const char *value;
  gsize       value_len;
  gboolean    needs_decoding;
} TsXmlAttr;

/**
 * TsXmlStartFunc:
 * @parent_tag: what this function returned for the parent element (0 for
 *   the root)
 * @child_tag: (out): a small number the scanner keeps for this element and
 *   hands back to its children and its end
 *
 * Returns: %FALSE with @error set to stop scanning.
 */
typedef gboolean (*TsXmlStartFunc) (gpointer         user_data,
                                    guint            parent_tag,
                                    const char      *name,
                                    gsize            name_len,
                                    const TsXmlAttr *attrs,
                                    guint            n_attrs,
                                    guint           *child_tag,
                                    GError         **error);
typedef gboolean (*TsXmlEndFunc)   (gpointer         user_data,
                                    guint            tag,
                                    GError         **error);

/**
 * TsXmlRunFunc:
 * @tag: the tag of the element whose content this is
 * @text: the document from the scanner's next byte on, @length bytes of
 *   it: not necessarily whole tags
 *
 * Reads the children of an element without the scanner, as many as it
 * can at once, where a reader knows the exact form most of them take (a
 * set's tempo points). It may read blanks and complete empty-element
 * tags only, and must do with each what the start and end functions
 * would: the scanner neither checks nor reports what it reads.
 *
 * Returns: how many bytes it read, 0 to have the scanner read the next
 *   token (anything else, or a tag not all there yet), or -1 with @error
 *   set to stop scanning.
 */
typedef gssize   (*TsXmlRunFunc)   (gpointer         user_data,
                                    guint            tag,
                                    const char      *text,
                                    gsize            length,
                                    GError         **error);

typedef struct _TsXmlScanner TsXmlScanner;

GQuark        ts_xml_scanner_error_quark (void);

TsXmlScanner *ts_xml_scanner_new         (TsXmlStartFunc  start,
                                          TsXmlEndFunc    end,
                                          gpointer        user_data);
void          ts_xml_scanner_free        (TsXmlScanner   *self);

/* Where to put the next piece of the document: at least 64 KiB, more while
 * a long tag is incomplete so that it is rescanned O(log n) times. */
char         *ts_xml_scanner_get_buffer  (TsXmlScanner   *self,
                                          gsize          *available);
/* Scans the @length bytes just written into the buffer. */
gboolean      ts_xml_scanner_commit      (TsXmlScanner   *self,
                                          gsize           length,
                                          GError        **error);
/* The document has ended: fails unless the root element was closed. */
gboolean      ts_xml_scanner_finish      (TsXmlScanner   *self,
                                          GError        **error);

/* Only from the start function: the raw text of the start tag being
 * reported, from its "<" to its ">". */
const char   *ts_xml_scanner_get_tag     (TsXmlScanner   *self,
                                          gsize          *length);
/* Only from the start function: the offset of that tag in the document. */
guint64       ts_xml_scanner_get_tag_offset (TsXmlScanner *self);
/* Only from the start function: the content of the element being started
 * goes to @run first. */
void          ts_xml_scanner_run_children (TsXmlScanner   *self,
                                           TsXmlRunFunc    run);
/* Where the blanks (XML's spaces, tabs and line ends) from @c end: the
 * first other byte, or @end; for a run, which steps over them as the
 * scanner does. */
const char   *ts_xml_scanner_skip_blanks  (const char     *c,
                                           const char     *end);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsXmlScanner, ts_xml_scanner_free)

G_END_DECLS
