/* fuzz-als.c - the Live set readers over any input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built four times: the fast reader (the one that ships) or the
 * reference reader (libxml2 over the whole document), each over the
 * input as it is, which the seeds make both gzip and plain XML, and over
 * the input gzipped, so that mutations land in the XML behind the gzip
 * layer instead of breaking its checksum.
 */
#include "config.h"

#include "ts-ableton-reference.h"
#include "ts-ableton-set.h"
#include "ts-als-writer.h"
#include "ts-fuzz.h"
#include "ts-project.h"
#include "ts-tracklist.h"

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
#ifdef TS_FUZZ_GZIP
  g_autoptr(GBytes) input = NULL;
#endif
  TsAbletonSet set = { 0 };
  const guint8 *bytes = data;
  gsize length = size;
  gboolean ok;

  ts_fuzz_init ();

#ifdef TS_FUZZ_GZIP
  input = ts_als_gzip (data, size);
  bytes = g_bytes_get_data (input, &length);
#endif

#ifdef TS_FUZZ_REFERENCE
  ok = ts_ableton_set_read_reference (&set, bytes, length, "fuzz.als", &error);
#else
  ok = ts_ableton_set_read (&set, bytes, length, "fuzz.als", &error);
#endif

  if (!ok)
    {
      if (error == NULL || error->message == NULL || error->message[0] == '\0')
        ts_fuzz_fail ("a rejected set has no error message");
      ts_ableton_set_clear (&set);
      return 0;
    }

  /* What a read set is for: its tempo map and markers, timed both ways. */
  {
    TsProject project = { .format = TS_FORMAT_ABLETON, .ableton = set };
    g_autoptr(TsTracklist) daw = ts_tracklist_new_for_project (&project, "fuzz.als", 0, TS_TEMPO_MODE_DAW);
    g_autoptr(TsTracklist) exact = ts_tracklist_new_for_project (&project, "fuzz.als", 0, TS_TEMPO_MODE_EXACT);

    if (ts_tracklist_get_n_tracks (daw) != ts_tracklist_get_n_tracks (exact))
      ts_fuzz_fail ("the two tempo modes list a different number of tracks");
  }

  ts_ableton_set_clear (&set);
  return 0;
}
