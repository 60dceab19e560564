/* ts-ableton-set-private.h - the reference reader, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-ableton-set.h"

G_BEGIN_DECLS

/* Decompressed XML larger than this is refused (TS_ABLETON_ERROR_TOO_LARGE).
 * Real sets are a few MB to a few hundred MB of XML (sample-heavy sets
 * with plugin state); 1 GiB leaves room for those while keeping a
 * compressed bomb (deflate reaches about 1000:1) to a bounded amount of
 * work: the reader streams, so this caps time, not memory. */
#define TS_ABLETON_MAX_XML_SIZE (G_GUINT64_CONSTANT (1) << 30)

/* Reads the same facts as ts_ableton_set_read() by running libxml2's
 * streaming reader over the whole document, with the same safety options
 * (no network, no DTD loading, no entity expansion). Slow but independent
 * of the hand-written scanner that finds the regions and of the tempo
 * points' fast path, so tests can check that both agree. */
gboolean ts_ableton_set_read_reference (TsAbletonSet  *set,
                                        const guint8  *data,
                                        gsize          length,
                                        const char    *display_name,
                                        GError       **error);

G_END_DECLS
