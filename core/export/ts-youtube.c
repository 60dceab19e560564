/* ts-youtube.c - YouTube's rules for chapters in a video description
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * YouTube reads whole seconds, so the rules are checked on the times as
 * ts_export_youtube() prints them by default (rounded down), not on the
 * exact seconds: a chapter 9.9 s long shows as 10 s long or shorter
 * depending on where its ends fall, and only what YouTube sees counts.
 */

#define G_LOG_DOMAIN "ts-youtube"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "ts-time-format.h"
#include "ts-youtube.h"

static gint64
whole_seconds (double seconds)
{
  if (!isfinite (seconds) || seconds < 0.0)
    return 0;
  return (gint64) ts_round_down (MIN (seconds, 1e9));
}

static void
ts_youtube_problem_clear (TsYoutubeProblem *problem)
{
  g_clear_pointer (&problem->message, g_free);
}

static void
add_problem (GArray        *problems,
             TsYoutubeRule  rule,
             guint          line,
             char          *message)
{
  TsYoutubeProblem problem = { rule, line, message };

  g_array_append_val (problems, problem);
}

/* What YouTube reads as a title: the line after its time, where line
 * breaks and tabs became spaces (ts_export_youtube()) and leading and
 * trailing spaces do not count. An unnamed marker has none. */
static gboolean
title_is_empty (const char *title)
{
  for (const char *p = title; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static char *
describe_line (const TsTrack *track)
{
  g_autofree char *time = ts_format_time (track->seconds, NULL);

  if (title_is_empty (track->title))
    return g_steal_pointer (&time);
  return g_strdup_printf ("%s %s", time, track->title);
}

/* Every broken rule, line by line, in the order of the lines; an empty
 * array when YouTube will show the chapters. */
GArray *
ts_youtube_check (const TsTracklist *tracklist)
{
  GArray *problems = g_array_new (FALSE, TRUE, sizeof (TsYoutubeProblem));
  guint n = ts_tracklist_get_n_tracks (tracklist);

  g_array_set_clear_func (problems, (GDestroyNotify) ts_youtube_problem_clear);

  if (n < TS_YOUTUBE_MIN_CHAPTERS)
    add_problem (problems, TS_YOUTUBE_RULE_MIN_CHAPTERS, 0,
                 /* Translators: the second number is how many chapters
                  * the list has. */
                 g_strdup_printf (_("YouTube needs at least %d chapters; this list has %u"),
                                  TS_YOUTUBE_MIN_CHAPTERS, n));

  for (guint i = 0; i < n; i++)
    {
      const TsTrack *track = ts_tracklist_get_track (tracklist, i);
      g_autofree char *line = describe_line (track);
      gint64 start = whole_seconds (track->seconds);
      gint64 end = -1;

      if (title_is_empty (track->title))
        add_problem (problems, TS_YOUTUBE_RULE_TITLE, i + 1,
                     /* Translators: %s is the line's time, e.g. "3:10". */
                     g_strdup_printf (_("line %u “%s”: has no title; YouTube needs a title for each chapter"),
                                      i + 1, line));

      if (i == 0 && start != 0)
        add_problem (problems, TS_YOUTUBE_RULE_FIRST_AT_ZERO, 1,
                     /* Translators: %s is the line, e.g. "0:12 Intro". */
                     g_strdup_printf (_("line 1 “%s”: YouTube needs the first chapter at 0:00"),
                                      line));

      if (i > 0)
        {
          const TsTrack *previous = ts_tracklist_get_track (tracklist, i - 1);
          g_autofree char *previous_time = ts_format_time (previous->seconds, NULL);

          if (start <= whole_seconds (previous->seconds))
            add_problem (problems, TS_YOUTUBE_RULE_ASCENDING, i + 1,
                         /* Translators: the first %s is the line, e.g.
                          * "3:10 Track"; the second the time of the line
                          * before it. */
                         g_strdup_printf (_("line %u “%s”: starts no later than the chapter before it (%s); chapters must be in ascending order"),
                                          i + 1, line, previous_time));
        }

      if (i + 1 < n)
        end = whole_seconds (ts_tracklist_get_track (tracklist, i + 1)->seconds);
      else if (isfinite (tracklist->end_seconds))
        end = whole_seconds (tracklist->end_seconds);

      /* A next chapter at or before this one is reported on its own line
       * as out of order; calling this one short as well would say the
       * same thing twice. */
      if (end > start && end - start < TS_YOUTUBE_MIN_CHAPTER_SECONDS)
        add_problem (problems, TS_YOUTUBE_RULE_MIN_LENGTH, i + 1,
                     /* Translators: %s is the line, e.g. "3:10 Track";
                      * "s" stands for seconds. */
                     g_strdup_printf (_("line %u “%s”: lasts %d s; YouTube needs at least %d s per chapter"),
                                      i + 1, line, (int) (end - start),
                                      TS_YOUTUBE_MIN_CHAPTER_SECONDS));
      else if (end >= 0 && end == start && i + 1 == n)
        add_problem (problems, TS_YOUTUBE_RULE_MIN_LENGTH, i + 1,
                     /* Translators: %s is the line, e.g. "3:10 Track";
                      * "s" stands for seconds. */
                     g_strdup_printf (_("line %u “%s”: starts where the project ends; YouTube needs at least %d s per chapter"),
                                      i + 1, line, TS_YOUTUBE_MIN_CHAPTER_SECONDS));
    }

  return problems;
}

/* A copy without unnamed markers that starts at 0:00. A marker without a
 * title is left out rather than given a made-up one: YouTube would show
 * the invented title as the DJ's, and the chapter before simply runs on.
 * When the first chapter left starts in the first 10 s it moves to 0:00
 * (starting a few seconds early is harmless, and an intro that short
 * would itself break the 10 s rule); later, a "0:00 Intro" chapter goes
 * in front. Chapters too close together and lists too short are left for
 * the user: only they know what to merge or add (ts_youtube_check_fixed()
 * says what is left). */
TsTracklist *
ts_youtube_fix (const TsTracklist *tracklist)
{
  TsTracklist *fixed = ts_tracklist_new_like (tracklist);
  guint n = ts_tracklist_get_n_tracks (tracklist);

  for (guint i = 0; i < n; i++)
    {
      const TsTrack *track = ts_tracklist_get_track (tracklist, i);
      double seconds = track->seconds;
      double beat = track->beat;

      if (title_is_empty (track->title))
        continue;

      if (fixed->tracks->len == 0 && whole_seconds (seconds) != 0)
        {
          if (seconds < TS_YOUTUBE_MIN_CHAPTER_SECONDS)
            {
              seconds = 0.0;
              beat = isnan (beat) ? NAN : 0.0;
            }
          else
            /* Translators: the title of the chapter put in front of
             * the first one, so that the list starts at 0:00. */
            ts_tracklist_add (fixed, 0.0, isnan (beat) ? NAN : 0.0, _("Intro"));
        }
      ts_tracklist_add (fixed, seconds, beat, track->title);
    }

  ts_tracklist_renumber (fixed);

  return fixed;
}

/* What still breaks a rule once ts_youtube_fix() has run, with the lines
 * of the fixed list: an empty array when the fixed list is one YouTube
 * accepts. */
GArray *
ts_youtube_check_fixed (const TsTracklist *tracklist)
{
  g_autoptr(TsTracklist) fixed = ts_youtube_fix (tracklist);

  return ts_youtube_check (fixed);
}
