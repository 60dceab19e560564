/* ts-display-text.h - untrusted text made safe to show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *ts_display_text_dup   (const char *text);
gboolean  ts_display_text_keeps (gunichar    c);

G_END_DECLS
