/* ts-json-shape.h - whether untrusted text may be handed to json-glib
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean ts_json_is_one_object (const char *text,
                                gsize       length,
                                guint       max_depth);

G_END_DECLS
