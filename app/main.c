/* main.c - the timestamps desktop app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "timestamps"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-application.h"
#include "ts-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TsApplication) app = NULL;

  ts_i18n_init ();
  g_set_application_name (_("Timestamps"));

  app = ts_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
