/* make-demo-mix.c - writes the sample DJ mix the README opens
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A 10-track Live 11 set at 124 BPM that speeds up to 128 BPM over the
 * middle tracks, so both the text and the tempo graph have something to
 * show; each track is a clip that overlaps the next by 8 bars, on two
 * alternating tracks as a DJ lays a mix out. Generated at build time
 * rather than shipped as a binary blob.
 */

#include <stdio.h>

#include "ts-ableton-set.h"
#include "ts-als-writer.h"

int
main (int   argc,
      char *argv[])
{
  static const struct {
    double      beat;
    const char *title;
  } tracks[] = {
    { 0, "Bonobo - Kerala" },
    { 544, "Four Tet - Baby" },
    { 1056, "Rüfüs Du Sol - Innerbloom (Edit)" },
    { 1632, "Bicep - Glue" },
    { 2208, "Ross From Friends - Talk To Me You'll Understand" },
    { 2752, "坂本龍一 - Merry Christmas Mr. Lawrence (Remix)" },
    { 3296, "Floating Points - Silhouettes (I, II & III)" },
    { 3872, "Caribou - Never Come Back" },
    { 4384, "Fred again.. - Delilah (pull me out of this)" },
    { 4960, "Jon Hopkins - Open Eye Signal" },
  };
  g_autoptr(TsAlsWriter) writer = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s OUTPUT.als\n", argv[0]);
      return 2;
    }

  writer = ts_als_writer_new (11, 124.0);
  ts_als_writer_add_tempo_event (writer, TS_ABLETON_SENTINEL_BEAT, 124.0);
  ts_als_writer_add_tempo_event (writer, 1632.0, 124.0);
  ts_als_writer_add_tempo_event (writer, 2752.0, 128.0);
  for (guint i = 0; i < G_N_ELEMENTS (tracks); i++)
    {
      double end = i + 1 < G_N_ELEMENTS (tracks) ? tracks[i + 1].beat + 32.0 : tracks[i].beat + 576.0;

      ts_als_writer_add_locator (writer, tracks[i].beat, tracks[i].title);
      ts_als_writer_add_clip (writer, i % 2 == 0 ? TS_ALS_TRACK_AUDIO : TS_ALS_TRACK_MIDI,
                              tracks[i].beat, end, FALSE);
    }

  if (!ts_als_writer_write_file (writer, argv[1], TRUE, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  return 0;
}
