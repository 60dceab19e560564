/* fuzz-export.c - every exporter and the YouTube check over what the
 * readers make of any input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input is read as a dropped file, its format told by its content;
 * every arrangement (the first few), in both tempo modes, goes through
 * every export format with each preset template and time style, and
 * through the YouTube check before and after the fix.
 */
#include "config.h"

#include <string.h>

#include "ts-export.h"
#include "ts-fuzz.h"
#include "ts-project.h"
#include "ts-tracklist.h"
#include "ts-youtube.h"

#define MAX_ARRANGEMENTS 4

static void
check_problems (GArray     *problems,
                const char *which)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const TsYoutubeProblem *problem = &g_array_index (problems, TsYoutubeProblem, i);

      if (problem->message == NULL || !g_utf8_validate (problem->message, -1, NULL))
        ts_fuzz_fail ("%s: a YouTube problem without a readable message", which);
    }
}

static void
export_all (const TsTracklist *tracklist)
{
  static const TsTimeFormat time_formats[] = {
    { TS_HOURS_AUTO, FALSE, TS_ROUND_DOWN },
    { TS_HOURS_ALWAYS, TRUE, TS_ROUND_NEAREST },
    { TS_HOURS_NEVER, TRUE, TS_ROUND_DOWN },
  };
  g_autoptr(GArray) problems = ts_youtube_check (tracklist);
  g_autoptr(GArray) fixed_problems = ts_youtube_check_fixed (tracklist);
  g_autoptr(TsTracklist) fixed = ts_youtube_fix (tracklist);

  check_problems (problems, "check");
  check_problems (fixed_problems, "check of the fixed list");

  for (guint f = 0; f < TS_EXPORT_N_FORMATS; f++)
    for (guint t = 0; ts_template_presets[t].template_ != NULL; t++)
      {
        TsExportOptions options = { ts_template_presets[t].template_, time_formats[t % G_N_ELEMENTS (time_formats)] };
        g_autofree char *text = ts_export (tracklist, f, &options);
        g_autofree char *fixed_text = ts_export (fixed, f, &options);

        if (text == NULL || !g_utf8_validate (text, -1, NULL) ||
            fixed_text == NULL || !g_utf8_validate (fixed_text, -1, NULL))
          ts_fuzz_fail ("%s: the export is not UTF-8 text", ts_export_format_to_string (f));
      }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(TsProject) project = NULL;

  ts_fuzz_init ();

  project = ts_project_load_bytes (bytes, "fuzz", NULL);
  if (project == NULL)
    return 0;

  for (guint a = 0; a < MIN (ts_project_get_n_arrangements (project), MAX_ARRANGEMENTS); a++)
    for (guint mode = 0; mode < 2; mode++)
      {
        g_autoptr(TsTracklist) tracklist =
          ts_tracklist_new_for_project (project, "fuzz", a, mode == 0 ? TS_TEMPO_MODE_DAW : TS_TEMPO_MODE_EXACT);

        export_all (tracklist);
      }
  return 0;
}
