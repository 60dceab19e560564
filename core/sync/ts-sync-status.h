/* ts-sync-status.h - how each tracklist stands with the sync server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-library.h"
#include "ts-sync-state.h"

G_BEGIN_DECLS

typedef enum {
  TS_SYNC_STATUS_SYNCED,           /* the server has this version */
  TS_SYNC_STATUS_PENDING,          /* changed here, not uploaded yet */
  TS_SYNC_STATUS_CONFLICTED_COPY,  /* this computer's version, kept beside the other's */
  TS_SYNC_STATUS_FAILED,           /* the last sync could not sync it */
} TsSyncStatus;

/* Whether document has changes the server lacks: its hash is not its
 * base's (the last synced version), or it has no base. This comparison is
 * sync's journal of pending uploads and deletions: both files are written
 * atomically, so it survives any restart. */
gboolean     ts_sync_is_pending (TsLibrary               *library,
                                 const TsLibraryDocument *document);

/* What the Library shows for document, from the files alone (no
 * network): FAILED with the last sync's words in *problem, else PENDING,
 * else CONFLICTED_COPY (with the id of the document it copies in
 * *problem), else SYNCED. */
TsSyncStatus ts_sync_status_of  (TsLibrary               *library,
                                 TsSyncState             *state,
                                 const TsLibraryDocument *document,
                                 const char             **detail);

G_END_DECLS
