/* ts-cp1252.h - text in the Windows code page, as UTF-8
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *ts_cp1252_to_utf8 (const guint8 *data,
                         gsize         length);

G_END_DECLS
