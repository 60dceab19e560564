/* ts-sync-page.h - the Sync page of Preferences: the WebDAV folder, the
 * user name and password, and a test of the connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TS_TYPE_SYNC_PAGE (ts_sync_page_get_type ())

G_DECLARE_FINAL_TYPE (TsSyncPage, ts_sync_page, TS, SYNC_PAGE, AdwPreferencesPage)

/* What the "Save and Test" button does: lists the folder with what the
 * rows say, in the background, and saves the settings when that works.
 * The outcome shows in the status row. */
void         ts_sync_page_test_connection  (TsSyncPage *self);
const char  *ts_sync_page_get_status       (TsSyncPage *self);

G_END_DECLS
