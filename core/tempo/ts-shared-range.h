/* ts-shared-range.h - a loop over a range, shared with a second thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs over the indices [@start, @end) of one chunk; chunks never
 * overlap, and may run in any order and on either thread. */
typedef void (*TsRangeFunc) (guint    start,
                             guint    end,
                             gpointer user_data);

void ts_shared_range_run (guint       start,
                          guint       end,
                          guint       chunk,
                          TsRangeFunc func,
                          gpointer    user_data);

/* For tests, which compare what two threads computed with what one did. */
void ts_shared_range_set_helper_allowed (gboolean allowed);

G_END_DECLS
