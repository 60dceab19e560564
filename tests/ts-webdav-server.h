/* ts-webdav-server.h - a private Apache httpd with mod_dav for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TS_TEST_WEBDAV_USER     "dj"
#define TS_TEST_WEBDAV_PASSWORD "secret"

typedef struct _TsWebdavServer TsWebdavServer;

/* Runs tests/webdav/apache-server.py; NULL, with the test skipped, where
 * apache2 is missing. deflate turns mod_deflate on. */
TsWebdavServer *ts_webdav_server_new      (gboolean        deflate);
void            ts_webdav_server_free     (TsWebdavServer *self);
/* http://127.0.0.1:PORT/ */
const char     *ts_webdav_server_get_url  (TsWebdavServer *self);
guint16         ts_webdav_server_get_port (TsWebdavServer *self);
/* Stops or starts Apache (the data stays), or ages the files. */
void            ts_webdav_server_command  (TsWebdavServer *self,
                                           const char     *command);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsWebdavServer, ts_webdav_server_free)

G_END_DECLS
