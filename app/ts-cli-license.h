/* ts-cli-license.h - `timestamps-cli license …` and the Pro rule of
 * timestamps-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-license-features.h"

G_BEGIN_DECLS

/* A Pro command run without Pro exits with this status. */
#define TS_CLI_EXIT_NEEDS_PRO 3

/* Runs `license` with its arguments (@argv[0] is "license"); returns the
 * exit status. */
int  ts_cli_license_main      (int          argc,
                               char       **argv);

/* For Pro commands: 0 when the stored licence allows @features, else
 * TS_CLI_EXIT_NEEDS_PRO after a message naming Pro. */
int  ts_cli_license_require   (TsFeature    features);

G_END_DECLS
