/* ts-write-error.h - why a file could not be written, for the user
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *ts_write_error_describe (const GError *error);

G_END_DECLS
