/* fuzz-cue.c - the cue sheet reader over any input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ts-cue-sheet.h"
#include "ts-fuzz.h"
#include "ts-marker.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) markers = NULL;
  TsCueSheet sheet;

  ts_fuzz_init ();

  /* Sniffing must never read past the input either. */
  ts_cue_sheet_looks_like (data, size);

  if (!ts_cue_sheet_read (&sheet, data, size, "fuzz.cue", &error))
    {
      if (error == NULL || error->message == NULL || error->message[0] == '\0')
        ts_fuzz_fail ("a rejected sheet has no error message");
      return 0;
    }

  if (sheet.tracks->len == 0)
    ts_fuzz_fail ("a sheet was read without a track");
  markers = ts_cue_sheet_collect_markers (&sheet);
  for (guint i = 0; i < markers->len; i++)
    {
      const TsMarker *marker = &g_array_index (markers, TsMarker, i);

      /* A track without INDEX 01 is dropped or rejected, never at 0:00
       * by accident: every start is a real time. */
      if (!isfinite (marker->seconds) || marker->seconds < 0 || marker->title == NULL ||
          !g_utf8_validate (marker->title, -1, NULL))
        ts_fuzz_fail ("track %u has no valid start or title", i + 1);
    }
  for (guint i = 0; sheet.warnings != NULL && sheet.warnings[i] != NULL; i++)
    if (!g_utf8_validate (sheet.warnings[i], -1, NULL))
      ts_fuzz_fail ("a warning is not UTF-8");

  ts_cue_sheet_clear (&sheet);
  return 0;
}
