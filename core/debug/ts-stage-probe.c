/* ts-stage-probe.c - where the expensive steps of opening a project run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ts-stage-probe.h"

static TsStageProbe current_probe;
static gpointer current_user_data;

/**
 * ts_stage_probe_set:
 * @probe: (nullable): called at each stage, or %NULL for none
 *
 * For tests only: one probe per process, set while no project is being
 * opened.
 */
void
ts_stage_probe_set (TsStageProbe probe,
                    gpointer     user_data)
{
  /* The data first: a worker that sees the probe sees its data too. */
  current_user_data = user_data;
  g_atomic_pointer_set (&current_probe, probe);
}

/* One atomic read when no probe is set: nothing a reader would notice. */
void
ts_stage_reached (TsStage stage)
{
  TsStageProbe probe = g_atomic_pointer_get (&current_probe);

  if (probe != NULL)
    probe (stage, current_user_data);
}
