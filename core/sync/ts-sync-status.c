/* ts-sync-status.c - how each tracklist stands with the sync server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Derived, never stored: the library document, its base and the sync
 * state are written by sync as it goes, so reading them again always
 * tells how things stand, even after a sync was cut off.
 */

#define G_LOG_DOMAIN "ts-sync"

#include "config.h"

#include "ts-sync-status.h"

gboolean
ts_sync_is_pending (TsLibrary               *library,
                    const TsLibraryDocument *document)
{
  g_autoptr(TsLibraryDocument) base = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *base_hash = NULL;

  g_return_val_if_fail (TS_IS_LIBRARY (library), FALSE);
  g_return_val_if_fail (document != NULL, FALSE);

  /* A base that cannot be read counts as none: sync then compares with
   * the server's copy, so pending is the safe answer. */
  base = ts_library_load_base (library, document->id, NULL);
  if (base == NULL)
    return TRUE;
  hash = ts_library_document_compute_hash (document);
  base_hash = ts_library_document_compute_hash (base);
  return g_strcmp0 (hash, base_hash) != 0;
}

TsSyncStatus
ts_sync_status_of (TsLibrary               *library,
                   TsSyncState             *state,
                   const TsLibraryDocument *document,
                   const char             **detail)
{
  const char *problem = ts_sync_state_get_problem (state, document->id);
  const char *copy_of = ts_sync_state_get_copy_of (state, document->id);

  *detail = NULL;
  if (problem != NULL)
    {
      *detail = problem;
      return TS_SYNC_STATUS_FAILED;
    }
  if (ts_sync_is_pending (library, document))
    return TS_SYNC_STATUS_PENDING;
  if (copy_of != NULL)
    {
      *detail = copy_of;
      return TS_SYNC_STATUS_CONFLICTED_COPY;
    }
  return TS_SYNC_STATUS_SYNCED;
}
