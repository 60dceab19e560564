/* ts-stage-probe.h - where the expensive steps of opening a project run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TsStage:
 * @TS_STAGE_READ: a project file is read and parsed
 * @TS_STAGE_TEMPO_MAP: a tempo map is built from a project
 * @TS_STAGE_TRACKLIST: a tracklist is computed from a project
 * @TS_STAGE_FREE: what a document read of a project is freed, when the
 *   document goes or reads the project again
 *
 * The steps whose cost grows with the project. The app must run them off
 * its main thread; a test watches them with a probe to check that it does,
 * without measuring any time.
 */
typedef enum {
  TS_STAGE_READ,
  TS_STAGE_TEMPO_MAP,
  TS_STAGE_TRACKLIST,
  TS_STAGE_FREE,
} TsStage;

#define TS_N_STAGES (TS_STAGE_FREE + 1)

/**
 * TsStageProbe:
 * @stage: the step about to run
 * @user_data: what was given to ts_stage_probe_set()
 *
 * Called in the thread that runs @stage, before it runs.
 */
typedef void (*TsStageProbe) (TsStage  stage,
                              gpointer user_data);

void ts_stage_probe_set (TsStageProbe probe,
                         gpointer     user_data);
void ts_stage_reached   (TsStage      stage);

G_END_DECLS
