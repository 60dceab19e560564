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
/* What the last sync could not do with the document, in words; NULL
 * when it synced. */
const char  *ts_sync_state_get_problem (TsSyncState  *self,
                                        const char   *id);
void         ts_sync_state_set_problem (TsSyncState  *self,
                                        const char   *id,
                                        const char   *problem);

/* For a conflicted copy sync made here: the document it was copied from. */
const char  *ts_sync_state_get_copy_of (TsSyncState  *self,
                                        const char   *id);
void         ts_sync_state_set_copy_of (TsSyncState  *self,
                                        const char   *id,
                                        const char   *of_id);

/* When the tombstone id was first synced, Unix seconds, 0 when it is no
 * synced tombstone: the age that decides when it is purged. */
gint64       ts_sync_state_get_tombstone_since (TsSyncState *self,
                                                const char  *id);
void         ts_sync_state_set_tombstone_since (TsSyncState *self,
                                                const char  *id,
                                                gint64       when);

/* Everything about the document, once it is gone. */
void         ts_sync_state_forget      (TsSyncState  *self,
                                        const char   *id);

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
