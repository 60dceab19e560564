/* ts-cli-sync.h - `timestamps-cli sync …`, a Pro feature
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs `sync` with its arguments (argv[0] is "sync"); returns the exit
 * status. */
int ts_cli_sync_main (int    argc,
                      char **argv);

G_END_DECLS
