/* ts-license-updater.h - the stored Pro licence refreshed when it is due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ts-license-refresh.h"

G_BEGIN_DECLS

/* Loads the licence stored at @path and, only when it is due at @now
 * (ts_license_get_refresh_due()), refreshes it through @client, takes the
 * answer at @now and stores it back at @path. A licence that is not due,
 * free, or a signed key makes no request at all.
 *
 * _finish() is TRUE when the licence was refreshed and stored, FALSE
 * without an error when nothing was due. Errors: a
 * TS_LICENSE_REFRESH_ERROR when the server could not be asked or its
 * answer not trusted (nothing changes, Pro keeps working until its
 * licence file's time to live); a TS_LICENSE_ERROR when the server's
 * answer was stored but locks Pro (expired, suspended, banned, revoked)
 * or its licence file cannot be taken, which says why and what to do; a
 * G_FILE_ERROR when the licence cannot be read or stored. */
void        ts_license_update_stored_async   (TsLicenseClient      *client,
                                              const char           *path,
                                              GDateTime            *now,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean    ts_license_update_stored_finish  (TsLicenseClient      *client,
                                              GAsyncResult         *result,
                                              GError              **error);

/* When the licence stored at @path is next due for a refresh, possibly
 * already past; NULL when it never is (free, a key, locked, or a file
 * that cannot be read), and then no refresh would make a request. */
GDateTime  *ts_license_stored_get_refresh_due (const char          *path,
                                               GDateTime           *now);

G_END_DECLS
