/* ts-marker.h - a named position on a project's timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * TsMarker:
 * @title: UTF-8, whitespace-trimmed, possibly empty
 * @beat: position in beats (quarter notes), or NAN when the format stores
 *   wall-clock time (cue sheets)
 * @seconds: position in seconds; only meaningful when @beat is NAN
 *
 * What every format reduces its markers to. Beat positions go through the
 * project's tempo map; second positions are taken as they are.
 */
typedef struct {
  char   *title;
  double  beat;
  double  seconds;
} TsMarker;

void     ts_marker_clear     (TsMarker *marker);
GArray  *ts_marker_array_new (void);

G_END_DECLS
