/* ts-test-cli.h - running timestamps-cli from a test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GSubprocessLauncher *ts_test_cli_launcher_new (void);
int                  ts_test_cli_run          (GSubprocessLauncher  *launcher,
                                               const char * const   *args,
                                               const char           *input,
                                               char                **out,
                                               char                **err);

G_END_DECLS
