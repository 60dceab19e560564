/* fuzz-flp.c - the FL Studio reader over any input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ts-fl-project.h"
#include "ts-fuzz.h"
#include "ts-project.h"
#include "ts-tracklist.h"

/* Each arrangement derives its own tempo map; the first few show whether
 * that works, all 4096 a file may have would only slow the fuzzer. */
#define MAX_ARRANGEMENTS 8

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  TsProject project = { .format = TS_FORMAT_FL_STUDIO };
  guint n;

  ts_fuzz_init ();

  if (!ts_fl_project_read (&project.fl, data, size, "fuzz.flp", &error))
    {
      if (error == NULL || error->message == NULL || error->message[0] == '\0')
        ts_fuzz_fail ("a rejected project has no error message");
      return 0;
    }

  n = ts_project_get_n_arrangements (&project);
  if (ts_project_get_default_arrangement (&project) >= n)
    ts_fuzz_fail ("the default arrangement is not one of the %u", n);
  for (guint i = 0; i < MIN (n, MAX_ARRANGEMENTS); i++)
    {
      g_autoptr(TsTracklist) daw = ts_tracklist_new_for_project (&project, "fuzz.flp", i, TS_TEMPO_MODE_DAW);
      g_autoptr(TsTracklist) exact = ts_tracklist_new_for_project (&project, "fuzz.flp", i, TS_TEMPO_MODE_EXACT);

      if (ts_tracklist_get_n_tracks (daw) != ts_tracklist_get_n_tracks (exact))
        ts_fuzz_fail ("the two tempo modes list a different number of tracks");
      if (ts_project_arrangement_has_markers (&project, i) != (ts_tracklist_get_n_tracks (daw) > 0))
        ts_fuzz_fail ("arrangement %u: whether it has markers differs from its tracklist", i);
    }

  ts_fl_project_clear (&project.fl);
  return 0;
}
