/* ts-xml-value.h - an attribute value as an XML parser reads it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TsXmlValueFault:
 * @TS_XML_VALUE_BAD_CHARACTER: a character XML does not allow, written
 *   as it is or as a reference, or bytes that are not UTF-8
 * @TS_XML_VALUE_BAD_REFERENCE: an "&" that starts no reference XML
 *   defines: an unknown entity, a missing ";"
 */
typedef enum {
  TS_XML_VALUE_BAD_CHARACTER,
  TS_XML_VALUE_BAD_REFERENCE,
} TsXmlValueFault;

char *ts_xml_value_decode (const char      *raw,
                           gsize            length,
                           TsXmlValueFault *fault);

G_END_DECLS
