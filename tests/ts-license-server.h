/* ts-license-server.h - a licence server for tests, answering as Keygen
 * does, on 127.0.0.1
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-license-issuer.h"

G_BEGIN_DECLS

typedef enum {
  TS_TEST_SERVER_VALID,
  TS_TEST_SERVER_NOT_FOUND,
  TS_TEST_SERVER_EXPIRED,
  TS_TEST_SERVER_SUSPENDED,
  TS_TEST_SERVER_BANNED,
  TS_TEST_SERVER_HTTP_401,
  TS_TEST_SERVER_HTTP_500,
  TS_TEST_SERVER_HANG,           /* reads the request, never answers */
  TS_TEST_SERVER_BAD_SIGNATURE,  /* signed by another key */
  TS_TEST_SERVER_NO_SIGNATURE,
  TS_TEST_SERVER_STALE_DATE,     /* signed, but dated ten minutes ago */
  TS_TEST_SERVER_TAMPERED,       /* the body changed after signing */
  TS_TEST_SERVER_HUGE,           /* a signed body of 2 MiB */
} TsTestServerMode;

typedef struct _TsTestServer TsTestServer;

/* Serves in a thread of its own, with its own main context, so that the
 * code under test may run on the test's, or in a subprocess. Licence
 * files it checks out are signed by @issuer, with a time to live of
 * @ttl seconds. */
TsTestServer  *ts_test_server_new           (TsTestServerMode  mode,
                                             gint64            ttl);
void           ts_test_server_free          (TsTestServer     *self);
const char    *ts_test_server_get_base_url  (TsTestServer     *self);
/* The requests answered (or left hanging) so far. */
guint          ts_test_server_get_requests  (TsTestServer     *self);

/* The base URL of a port on 127.0.0.1 that nothing listens on. */
char          *ts_test_server_closed_url    (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsTestServer, ts_test_server_free)

G_END_DECLS
