/* ts-tracklist.h - a project's markers in seconds, in playing order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-project.h"
#include "ts-project-facts.h"

G_BEGIN_DECLS

/**
 * TsTrack:
 * @index: 1-based position in the sorted list
 * @seconds: where the track starts
 * @beat: where it starts in beats, or NAN for formats without beats
 * @title: the marker's text, "Artist - Title" by convention
 */
typedef struct {
  guint   index;
  double  seconds;
  double  beat;
  char   *title;
} TsTrack;

/**
 * TsTracklist:
 * @tracks: #TsTrack sorted by (seconds, title)
 * @mode: the tempo mode the seconds were computed with
 * @end_seconds: where the project ends: its last clip, or its last track when
 *   that starts later; NAN when the project has no clips or no clip times
 * @file: the project's file name as shown to the user, or %NULL
 * @format: the project's format: ts_format_info_get() has its id for
 *   machines and its label for people
 * @daw_version: "Ableton Live 10.1.7", or %NULL
 * @bpm: the project's static tempo, or NAN (cue sheets)
 * @tempo_automation: whether the tempo changes over time
 * @curved_automation: whether a curved tempo segment was approximated
 * @arrangement: index of the arrangement the tracks come from, or -1 when
 *   the format has no arrangements
 * @arrangements: names of all arrangements (%NULL-terminated), or %NULL
 * @warnings: what of the file was left out (%NULL-terminated), or %NULL
 *   when it was read whole
 *
 * Everything an exporter needs, so exporters take only a tracklist.
 */
typedef struct {
  GArray      *tracks;
  TsTempoMode  mode;
  double       end_seconds;
  char        *file;
  TsFormat     format;
  char        *daw_version;
  double       bpm;
  gboolean     tempo_automation;
  gboolean     curved_automation;
  int          arrangement;
  GStrv        arrangements;
  GStrv        warnings;
} TsTracklist;

TsTracklist *ts_tracklist_new          (TsFormat         format);
TsTracklist *ts_tracklist_new_for_project (const TsProject *project,
                                           const char      *file,
                                           guint            arrangement,
                                           TsTempoMode      mode);
TsTracklist *ts_tracklist_new_for_facts (const TsProject *project,
                                         TsProjectFacts  *facts,
                                         const char      *file,
                                         guint            arrangement,
                                         TsTempoMode      mode);
TsTracklist *ts_tracklist_new_like     (const TsTracklist *other);
void         ts_tracklist_free         (TsTracklist     *self);
void         ts_tracklist_add          (TsTracklist     *self,
                                        double           seconds,
                                        double           beat,
                                        const char      *title);
void         ts_tracklist_sort         (TsTracklist     *self);
void         ts_tracklist_renumber     (TsTracklist     *self);
guint        ts_tracklist_get_n_tracks (const TsTracklist *self);
const TsTrack *
             ts_tracklist_get_track    (const TsTracklist *self,
                                        guint              index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsTracklist, ts_tracklist_free)

G_END_DECLS
