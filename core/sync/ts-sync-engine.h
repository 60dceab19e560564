/* ts-sync-engine.h - one sync of the library with a WebDAV folder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-library.h"
#include "ts-webdav-client.h"

G_BEGIN_DECLS

typedef enum {
  TS_SYNC_ACTION_UPLOADED,
  TS_SYNC_ACTION_DOWNLOADED,
  TS_SYNC_ACTION_MERGED,
  TS_SYNC_ACTION_CONFLICTED_COPY,  /* id is the copy, of the document other_id */
  TS_SYNC_ACTION_PURGED,           /* a tombstone old enough, removed here and there */
} TsSyncActionKind;

/* How long a synced tombstone stays, here and on the server, so that
 * every computer that syncs in that time learns of the deletion. */
#define TS_SYNC_TOMBSTONE_LIFETIME (30 * 24 * 60 * 60)

typedef struct {
  TsSyncActionKind  kind;
  char             *id;
  char             *other_id;
} TsSyncAction;

typedef struct {
  GPtrArray *actions;   /* TsSyncAction, in the order done */
  GPtrArray *problems;  /* GError, one per document left as it was */
  guint      unchanged;
  guint      conflicts;
  guint      retries;   /* requests tried again after a failure */
} TsSyncReport;

TsSyncReport *ts_sync_report_new   (void);
void          ts_sync_report_free  (TsSyncReport *self);
guint         ts_sync_report_count (const TsSyncReport *self,
                                    TsSyncActionKind    kind);
const char   *ts_sync_action_kind_to_string (TsSyncActionKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsSyncReport, ts_sync_report_free)

/* Brings the library and the folder to the same documents: uploads
 * what changed here, downloads what changed there, merges what changed
 * on both (ts_sync_merge()), with the server's tombstones and this
 * library's alike. Fails, having changed nothing more than what it
 * finished, when the server cannot be reached after some tries or
 * refuses the credentials; what it finished is kept, so the next run
 * resumes. Documents it cannot sync (damaged on the server, from a newer
 * Timestamps) are left as they are and listed in report->problems.
 * Tombstones synced more than TS_SYNC_TOMBSTONE_LIFETIME ago (by the
 * state's record, ts_sync_state_get_tombstone_since()) are removed from
 * the server and here; one that another computer removed from the server
 * is removed here.
 * Blocking: run it in a worker thread, or use ts_sync_run_async(). */
gboolean      ts_sync_run          (TsLibrary       *library,
                                    TsWebdavClient  *client,
                                    TsSyncReport    *report,
                                    GCancellable    *cancellable,
                                    GError         **error);

void          ts_sync_run_async    (TsLibrary           *library,
                                    TsWebdavClient      *client,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
TsSyncReport *ts_sync_run_finish   (GAsyncResult        *result,
                                    GError             **error);

G_END_DECLS
