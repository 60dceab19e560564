/* ts-marker.c - a named position on a project's timeline
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ts-marker"

#include "ts-marker.h"

void
ts_marker_clear (TsMarker *marker)
{
  g_clear_pointer (&marker->title, g_free);
}

/* An array of #TsMarker that frees the titles with the array. */
GArray *
ts_marker_array_new (void)
{
  GArray *markers = g_array_new (FALSE, TRUE, sizeof (TsMarker));

  g_array_set_clear_func (markers, (GDestroyNotify) ts_marker_clear);
  return markers;
}
