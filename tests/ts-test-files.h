/* ts-test-files.h - what the tests do with the folders they make
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void ts_test_remove_tree (const char *path);

G_END_DECLS
