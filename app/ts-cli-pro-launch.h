/* ts-cli-pro-launch.h - timestamps-cli's Pro commands, run by their own
 * program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean ts_cli_is_pro_command (const char  *name);
int      ts_cli_run_pro        (int          argc,
                                char       **argv);

G_END_DECLS
