/* ts-file-list.h - files as drops and file managers hand them over
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GFile      *ts_file_normalize        (GFile      *file);
GPtrArray  *ts_file_list_from_text   (const char *text);

G_END_DECLS
