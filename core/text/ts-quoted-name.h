/* ts-quoted-name.h - a file name that keeps a message on one line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *ts_quoted_name_dup (const char *name);

G_END_DECLS
