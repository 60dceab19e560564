/* ts-edits.h - what the user changed in a project's marker list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-tracklist.h"

G_BEGIN_DECLS

/**
 * TsEdits:
 * @titles: marker key → the title the user typed instead of the marker's
 * @hidden: the keys of the markers the user left out (a set)
 *
 * Plain data, strings only, so it can be written to JSON and read back.
 *
 * Markers have no ids in any format: a marker's key is its title and
 * which of the equally named markers it is (ts_edits_make_keys()). That
 * identifies it well enough to keep the edits when the project is saved
 * again with markers moved, and lets them go with a marker that is gone.
 */
typedef struct {
  GHashTable *titles;
  GHashTable *hidden;
} TsEdits;

TsEdits     *ts_edits_new          (void);
TsEdits     *ts_edits_copy         (const TsEdits     *self);
void         ts_edits_free         (TsEdits           *self);

const char  *ts_edits_get_title    (const TsEdits     *self,
                                    const char        *key);
gboolean     ts_edits_set_title    (TsEdits           *self,
                                    const char        *key,
                                    const char        *title);
gboolean     ts_edits_get_hidden   (const TsEdits     *self,
                                    const char        *key);
gboolean     ts_edits_set_hidden   (TsEdits           *self,
                                    const char        *key,
                                    gboolean           hidden);
void         ts_edits_keep_only    (TsEdits           *self,
                                    GPtrArray         *keys);

GPtrArray   *ts_edits_make_keys    (const TsTracklist *tracklist);
TsTracklist *ts_edits_apply        (const TsEdits     *self,
                                    const TsTracklist *tracklist,
                                    GPtrArray         *keys);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsEdits, ts_edits_free)

G_END_DECLS
