/* ts-ableton-libxml.h - libxml2 reads a Live set's elements, for the
 * reference reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libxml/xmlreader.h>

#include "ts-ableton-set-private.h"

G_BEGIN_DECLS

/* The safety options: never the network, never a DTD, never expand an
 * entity (no XML_PARSE_NOENT / DTDLOAD / DTDATTR / HUGE). */
#define TS_ABLETON_LIBXML_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)

/* The first error libxml2 reported while reading, for our own words. */
typedef struct {
  int code;   /* an xmlParserErrors; XML_ERR_OK while there is none */
  int line;   /* in what libxml2 read; 0 when it does not say */
} TsAbletonXmlError;

void         ts_ableton_init_libxml        (void);
void         ts_ableton_watch_errors       (xmlTextReaderPtr         reader,
                                            TsAbletonXmlError       *first);
char        *ts_ableton_describe_xml_error (const TsAbletonXmlError *first);
gboolean     ts_ableton_read_elements      (TsAbletonCollector      *c,
                                            xmlTextReaderPtr         reader,
                                            TsAlsCtx                 first,
                                            gboolean                *saw_element,
                                            gboolean                *broken,
                                            GError                 **error);

G_END_DECLS
