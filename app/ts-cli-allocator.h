/* ts-cli-allocator.h - the C library's allocator, set for one short run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void ts_cli_allocator_tune (void);

G_END_DECLS
