/* ts-youtube.h - YouTube's rules for chapters in a video description
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-tracklist.h"

G_BEGIN_DECLS

#define TS_YOUTUBE_MIN_CHAPTERS 3
#define TS_YOUTUBE_MIN_CHAPTER_SECONDS 10

typedef enum {
  TS_YOUTUBE_RULE_FIRST_AT_ZERO,  /* the first chapter starts at 0:00 */
  TS_YOUTUBE_RULE_MIN_CHAPTERS,   /* at least 3 chapters */
  TS_YOUTUBE_RULE_MIN_LENGTH,     /* each chapter lasts at least 10 s */
  TS_YOUTUBE_RULE_ASCENDING,      /* each chapter starts after the one before */
  TS_YOUTUBE_RULE_TITLE,          /* each chapter has a title */
} TsYoutubeRule;

/**
 * TsYoutubeProblem:
 * @rule: the rule that is broken
 * @line: the 1-based position in the checked list of the chapter it is
 *   about (its line in a text export of that list), or 0 when it is about
 *   the whole list
 * @message: what is wrong, in words for the user, naming the line
 */
typedef struct {
  TsYoutubeRule  rule;
  guint          line;
  char          *message;
} TsYoutubeProblem;

GArray      *ts_youtube_check       (const TsTracklist *tracklist);
TsTracklist *ts_youtube_fix         (const TsTracklist *tracklist);
GArray      *ts_youtube_check_fixed (const TsTracklist *tracklist);

G_END_DECLS
