/* ts-sync-settings.h - where to sync, and the password for it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-webdav-client.h"

G_BEGIN_DECLS

#define TS_SYNC_SETTINGS_ERROR (ts_sync_settings_error_quark ())

typedef enum {
  TS_SYNC_SETTINGS_ERROR_NOT_CONFIGURED,
  TS_SYNC_SETTINGS_ERROR_WRITE,
} TsSyncSettingsError;

GQuark ts_sync_settings_error_quark (void);

/* The folder's address and the user name are in
 * g_get_user_config_dir()/timestamps/sync.ini; the password is in the
 * system keyring (libsecret) where there is one, else in sync-password
 * beside it, readable by the user only. Never logged. */
gboolean        ts_sync_settings_save        (const char  *url,
                                              const char  *user,
                                              const char  *password,
                                              GError     **error);
/* FALSE with TS_SYNC_SETTINGS_ERROR_NOT_CONFIGURED before a save. */
gboolean        ts_sync_settings_load        (char       **url,
                                              char       **user,
                                              GError     **error);
/* A client with the saved settings and password. */
TsWebdavClient *ts_sync_settings_new_client  (GError     **error);

G_END_DECLS
