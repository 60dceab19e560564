/* ts-license-refresh.h - the Pro licence refreshed online from the
 * licence server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ts-license.h"

G_BEGIN_DECLS

#define TS_LICENSE_REFRESH_ERROR (ts_license_refresh_error_quark ())

typedef enum {
  TS_LICENSE_REFRESH_ERROR_NO_LICENCE,  /* free or invalid: nothing to refresh */
  TS_LICENSE_REFRESH_ERROR_UNREACHABLE, /* offline, or no answer in time */
  TS_LICENSE_REFRESH_ERROR_REFUSED,     /* an HTTP error, or an answer it does not know */
  TS_LICENSE_REFRESH_ERROR_UNTRUSTED,   /* an answer that does not verify */
  TS_LICENSE_REFRESH_ERROR_CLOCK,       /* the server's time is far from the clock's */
} TsLicenseRefreshError;

#define TS_LICENSE_DEFAULT_SERVER "https://api.timestamps.me/v1/accounts/timestamps"
/* A licence file and its JSON:API wrapping are a few kilobytes. */
#define TS_LICENSE_MAX_RESPONSE_SIZE (1024 * 1024)
#define TS_LICENSE_DEFAULT_TIMEOUT   30

/* What the licence server says of a licence (Keygen's `meta.code`).
 * Every switch over it names each case and has no default. */
typedef enum {
  TS_LICENSE_VERDICT_VALID,
  TS_LICENSE_VERDICT_EXPIRED,
  TS_LICENSE_VERDICT_SUSPENDED,
  TS_LICENSE_VERDICT_BANNED,
  TS_LICENSE_VERDICT_NOT_FOUND,  /* deleted: revoked */
} TsLicenseVerdict;

/* A verified answer: the verdict, the server's time and, when valid, a
 * new licence file. */
typedef struct _TsLicenseRefresh TsLicenseRefresh;

GQuark            ts_license_refresh_error_quark  (void);

TsLicenseVerdict  ts_license_refresh_get_verdict  (const TsLicenseRefresh *refresh);
void              ts_license_refresh_free         (TsLicenseRefresh       *refresh);

/* Takes @refresh into @license at @now: the new licence file when valid,
 * the lock (expired or revoked) otherwise, which is an error saying why
 * and what to do. The key stays, so a later refresh can unlock it. */
gboolean          ts_license_apply_refresh        (TsLicense              *license,
                                                   const TsLicenseRefresh *refresh,
                                                   GDateTime              *now,
                                                   GError                **error);

/* When @license should next be refreshed: a few days before its licence
 * file's time to live runs out. NULL when it never needs one: free,
 * invalid, locked by the server, or a key, which never goes out of date. */
GDateTime        *ts_license_get_refresh_due      (const TsLicense        *license);

#define TS_TYPE_LICENSE_CLIENT (ts_license_client_get_type ())
G_DECLARE_FINAL_TYPE (TsLicenseClient, ts_license_client, TS, LICENSE_CLIENT, GObject)

/* A client of the licence server at @base_url (NULL for the default),
 * which speaks Keygen's API. */
TsLicenseClient  *ts_license_client_new             (const char        *base_url);
const char       *ts_license_client_get_base_url    (TsLicenseClient   *self);
/* Seconds without progress before a request gives up. */
void              ts_license_client_set_timeout     (TsLicenseClient   *self,
                                                     guint              seconds);
guint             ts_license_client_get_timeout     (TsLicenseClient   *self);

/* Validates @license with the server and, when valid, checks out a new
 * licence file, on the thread-default main context; @license is only
 * read before this returns. */
void              ts_license_client_refresh_async   (TsLicenseClient     *self,
                                                     const TsLicense     *license,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
TsLicenseRefresh *ts_license_client_refresh_finish  (TsLicenseClient     *self,
                                                     GAsyncResult        *result,
                                                     GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsLicenseRefresh, ts_license_refresh_free)

G_END_DECLS
