/* ts-sync-state.h - what sync remembers of the server between runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _TsSyncState TsSyncState;

/* <sync dir>/state.json: the server's address and, per document, the
 * ETag of the server's copy that equals the last synced version (the
 * library's base). A missing or damaged file is an empty state: sync
 * then compares every document's content instead, which is slower but
 * loses nothing. A state of another server is empty too. */
TsSyncState *ts_sync_state_load      (const char   *sync_directory,
                                      const char   *url);
void         ts_sync_state_free      (TsSyncState  *self);

const char  *ts_sync_state_get_etag  (TsSyncState  *self,
                                      const char   *id);
/* etag NULL forgets the document. */
void         ts_sync_state_set_etag  (TsSyncState  *self,
                                      const char   *id,
                                      const char   *etag);
/* Written atomically and durably, after every document synced, so that
 * an interrupted sync resumes where it stopped. */
gboolean     ts_sync_state_save      (TsSyncState  *self,
                                      GError      **error);

/* The time of the last sync that finished, Unix seconds; 0 for never. */
gint64       ts_sync_state_get_last_sync (TsSyncState *self);
void         ts_sync_state_set_last_sync (TsSyncState *self,
                                          gint64       when);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsSyncState, ts_sync_state_free)

G_END_DECLS
