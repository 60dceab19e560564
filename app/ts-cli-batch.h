/* ts-cli-batch.h - `timestamps-cli batch …`: a folder of projects exported
 * at once, a Pro feature
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs `batch` with its arguments (@argv[0] is "batch"); returns the exit
 * status. */
int  ts_cli_batch_main  (int    argc,
                         char **argv);

G_END_DECLS
