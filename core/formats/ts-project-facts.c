/* ts-project-facts.c - what every format reduces to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ts-project"

#include "config.h"

#include "ts-project-facts.h"

/* Frees what @facts holds and leaves it as TS_PROJECT_FACTS_INIT, so a
 * cleared value can be filled again. */
void
ts_project_facts_clear (TsProjectFacts *facts)
{
  g_clear_pointer (&facts->tempo_map, ts_tempo_map_unref);
  g_clear_pointer (&facts->markers, g_array_unref);
  facts->end_beat = NAN;
  facts->curved_automation = FALSE;
  g_clear_pointer (&facts->arrangements, g_strfreev);
  g_clear_pointer (&facts->warnings, g_strfreev);
}
