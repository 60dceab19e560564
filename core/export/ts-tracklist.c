/* ts-tracklist.c - a project's markers in seconds, in playing order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ts-tracklist"

#include <math.h>

#include "ts-stage-probe.h"
#include "ts-tracklist.h"

static void
ts_track_clear (TsTrack *track)
{
  g_clear_pointer (&track->title, g_free);
}

TsTracklist *
ts_tracklist_new (TsFormat format)
{
  TsTracklist *self = g_new0 (TsTracklist, 1);

  self->format = format;

  self->tracks = g_array_new (FALSE, TRUE, sizeof (TsTrack));
  g_array_set_clear_func (self->tracks, (GDestroyNotify) ts_track_clear);
  self->mode = TS_TEMPO_MODE_DAW;
  self->end_seconds = NAN;
  self->bpm = NAN;
  self->arrangement = -1;
  return self;
}

/**
 * ts_tracklist_new_like:
 *
 * Returns: (transfer full): a tracklist with everything @other says about
 *   its project and no tracks, for a list made from @other's (edited,
 *   filtered or fixed)
 */
TsTracklist *
ts_tracklist_new_like (const TsTracklist *other)
{
  TsTracklist *self = ts_tracklist_new (other->format);

  self->mode = other->mode;
  self->end_seconds = other->end_seconds;
  self->file = g_strdup (other->file);
  self->daw_version = g_strdup (other->daw_version);
  self->bpm = other->bpm;
  self->tempo_automation = other->tempo_automation;
  self->curved_automation = other->curved_automation;
  self->arrangement = other->arrangement;
  self->arrangements = g_strdupv (other->arrangements);
  self->warnings = g_strdupv (other->warnings);
  return self;
}

void
ts_tracklist_free (TsTracklist *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->tracks);
  g_free (self->file);
  g_free (self->daw_version);
  g_strfreev (self->arrangements);
  g_strfreev (self->warnings);
  g_free (self);
}

void
ts_tracklist_add (TsTracklist *self,
                  double       seconds,
                  double       beat,
                  const char  *title)
{
  TsTrack track = {
    .index = self->tracks->len + 1,
    .seconds = seconds,
    .beat = beat,
    .title = g_strdup (title != NULL ? title : ""),
  };

  g_array_append_val (self->tracks, track);
}

static int
compare_tracks (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const TsTrack *ta = a;
  const TsTrack *tb = b;

  if (ta->seconds != tb->seconds)
    return ta->seconds < tb->seconds ? -1 : 1;
  return g_strcmp0 (ta->title, tb->title);
}

/* Playing order: by time, ties by title so the order does not depend on
 * where the DAW happened to store the markers. Renumbers the tracks. */
void
ts_tracklist_sort (TsTracklist *self)
{
  g_qsort_with_data (self->tracks->data, self->tracks->len, sizeof (TsTrack),
                     compare_tracks, NULL);
  ts_tracklist_renumber (self);
}

/* Numbers the tracks 1, 2, ... in list order, after tracks were sorted,
 * left out or put in. */
void
ts_tracklist_renumber (TsTracklist *self)
{
  for (guint i = 0; i < self->tracks->len; i++)
    g_array_index (self->tracks, TsTrack, i).index = i + 1;
}

guint
ts_tracklist_get_n_tracks (const TsTracklist *self)
{
  return self->tracks->len;
}

const TsTrack *
ts_tracklist_get_track (const TsTracklist *self,
                        guint              index)
{
  g_return_val_if_fail (index < self->tracks->len, NULL);
  return &g_array_index (self->tracks, TsTrack, index);
}

TsTracklist *
ts_tracklist_new_for_project (const TsProject *project,
                              const char      *file,
                              guint            arrangement,
                              TsTempoMode      mode)
{
  g_auto(TsProjectFacts) facts = TS_PROJECT_FACTS_INIT;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (arrangement < ts_project_get_n_arrangements (project), NULL);

  ts_project_derive (project, arrangement, &facts);
  return ts_tracklist_new_for_facts (project, &facts, file, arrangement, mode);
}

/**
 * ts_tracklist_new_for_facts:
 * @facts: what ts_project_derive() gave for @arrangement; its arrangement
 *   names and warnings move into the tracklist, its tempo map stays
 *
 * ts_tracklist_new_for_project() from facts already derived, for a caller
 * that keeps the tempo map too: deriving builds the map, and the times
 * of the markers fill its cache for @mode, which the caller's later
 * queries then find.
 */
TsTracklist *
ts_tracklist_new_for_facts (const TsProject *project,
                            TsProjectFacts  *facts,
                            const char      *file,
                            guint            arrangement,
                            TsTempoMode      mode)
{
  TsTracklist *self;

  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (facts != NULL && facts->markers != NULL, NULL);

  ts_stage_reached (TS_STAGE_TRACKLIST);

  self = ts_tracklist_new (project->format);
  self->mode = mode;
  self->file = g_strdup (file);
  self->daw_version = g_strdup (ts_project_get_daw_version (project));
  self->bpm = ts_project_get_bpm (project);
  self->tempo_automation = facts->tempo_map != NULL && ts_tempo_map_has_automation (facts->tempo_map);
  self->curved_automation = facts->curved_automation;

  if (facts->arrangements != NULL)
    {
      self->arrangement = (int) arrangement;
      self->arrangements = g_steal_pointer (&facts->arrangements);
    }
  self->warnings = g_steal_pointer (&facts->warnings);

  for (guint i = 0; i < facts->markers->len; i++)
    {
      const TsMarker *marker = &g_array_index (facts->markers, TsMarker, i);
      double seconds = isnan (marker->beat)
        ? marker->seconds
        : ts_tempo_map_seconds_at_beat (facts->tempo_map, mode, marker->beat);

      ts_tracklist_add (self, seconds, marker->beat, marker->title);
    }
  ts_tracklist_sort (self);

  /* The project ends where its last clip does, but never before its last
   * marker: DJs put an "End" locator past the audio, and a chapter must
   * not end before it starts. */
  if (!isnan (facts->end_beat))
    {
      self->end_seconds = ts_tempo_map_seconds_at_beat (facts->tempo_map, mode, facts->end_beat);
      if (self->tracks->len > 0)
        self->end_seconds = MAX (self->end_seconds,
                                 ts_tracklist_get_track (self, self->tracks->len - 1)->seconds);
    }

  return self;
}
