/* ts-zip-listing.h - the projects a ZIP archive holds, by name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GPtrArray *ts_zip_list_projects (const guint8 *data,
                                 gsize         length);

G_END_DECLS
