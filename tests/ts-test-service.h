/* ts-test-service.h - the sync tests' servers: a private Apache httpd
 * with mod_dav, and a proxy that injects faults
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TS_TEST_WEBDAV_USER     "dj"
#define TS_TEST_WEBDAV_PASSWORD "secret"

typedef struct _TsTestService TsTestService;

/* tests/webdav/apache-server.py; NULL, with the test skipped, where
 * apache2 is missing. deflate turns mod_deflate on. */
TsTestService *ts_test_apache_new          (gboolean       deflate);
/* tests/webdav/fault-proxy.py in front of 127.0.0.1:port. */
TsTestService *ts_test_fault_proxy_new     (guint16        port,
                                            guint64        seed,
                                            double         rate);
void           ts_test_service_free        (TsTestService *self);
/* http://127.0.0.1:PORT/ */
const char    *ts_test_service_get_url     (TsTestService *self);
guint16        ts_test_service_get_port    (TsTestService *self);
/* Sends one command (see the scripts) and returns its answer line. */
char          *ts_test_service_command     (TsTestService *self,
                                            const char    *command);
/* As ts_test_service_command(), asserting the answer is "ok". */
void           ts_test_service_command_ok  (TsTestService *self,
                                            const char    *command);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsTestService, ts_test_service_free)

G_END_DECLS
