/* ts-cli-pro.c - timestamps-cli-pro: the Pro commands of timestamps-cli
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not run by people: timestamps-cli runs it as `timestamps-cli-pro
 * COMMAND …` for `timestamps-cli COMMAND …` (see ts-cli-pro-launch.c),
 * so its messages name timestamps-cli. `library` is free; it is here
 * for the GIO and json-glib it needs.
 */

#define G_LOG_DOMAIN "timestamps-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "ts-cli-batch.h"
#include "ts-cli-library.h"
#include "ts-cli-license.h"
#include "ts-cli-sync.h"
#include "ts-i18n.h"

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  ts_i18n_init ();

  if (argc >= 2 && g_strcmp0 (argv[1], "license") == 0)
    return ts_cli_license_main (argc - 1, argv + 1);
  if (argc >= 2 && g_strcmp0 (argv[1], "batch") == 0)
    return ts_cli_batch_main (argc - 1, argv + 1);
  if (argc >= 2 && g_strcmp0 (argv[1], "library") == 0)
    return ts_cli_library_main (argc - 1, argv + 1);
  if (argc >= 2 && g_strcmp0 (argv[1], "sync") == 0)
    return ts_cli_sync_main (argc - 1, argv + 1);

  g_printerr ("usage: timestamps-cli license|batch|library|sync …\n");
  return 2;
}
