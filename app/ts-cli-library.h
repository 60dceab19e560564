/* ts-cli-library.h - `timestamps-cli library …`: the tracklist library on
 * the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs `library` with its arguments (@argv[0] is "library"); returns the
 * exit status. */
int ts_cli_library_main (int    argc,
                         char **argv);

G_END_DECLS
