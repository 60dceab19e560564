/* ts-cli-io.h - timestamps-cli's input from standard input, output to files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The file name that stands for standard input, as cat(1) has it. */
#define TS_CLI_STDIN_NAME "-"

GBytes   *ts_cli_read_stdin   (GError     **error);
gboolean  ts_cli_write_output (const char  *output,
                               GString     *text,
                               GError     **error);

G_END_DECLS
