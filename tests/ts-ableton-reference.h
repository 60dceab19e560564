/* ts-ableton-reference.h - the reference Live set reader, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-ableton-set.h"

G_BEGIN_DECLS

/* Slow but independent of the hand-written scanner, its attribute
 * decoding and the tempo points' fast path, so tests can check that
 * both readers agree. */
gboolean ts_ableton_set_read_reference (TsAbletonSet  *set,
                                        const guint8  *data,
                                        gsize          length,
                                        const char    *display_name,
                                        GError       **error);

G_END_DECLS
