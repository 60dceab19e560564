/* ts-file-name.h - what a file's name says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *ts_file_name_dup_stem (const char *path);

G_END_DECLS
