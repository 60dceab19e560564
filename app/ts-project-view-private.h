/* ts-project-view-private.h - what the view's own files and tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-project-view.h"

G_BEGIN_DECLS

/* GTK 4.8's list views build widgets for up to 200 rows as soon as rows
 * arrive, about half a millisecond each: the view feeds them in small
 * steps, one per main-loop iteration, so the window keeps drawing, then
 * the rest, which get no widgets, at once. */
#define TS_PROJECT_VIEW_ROWS_PER_STEP 24
#define TS_PROJECT_VIEW_ROWS_STEPPED  240

G_END_DECLS
