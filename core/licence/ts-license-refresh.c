/* ts-license-refresh.c - what the licence server's answer does to the
 * licence, and when to ask it next
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only a verified answer changes anything. Offline, or when the server
 * fails, the licence stays as it is and keeps working until its licence
 * file's time to live or its expiry; what the server says of the licence
 * (expired, suspended, banned, gone) locks Pro at once. Nothing but the
 * licence's own state changes: no project or setting is ever touched.
 */

#define G_LOG_DOMAIN "ts-license"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ts-license-private.h"
#include "ts-license-refresh-private.h"
#include "ts-license-store.h"

/* How long before a licence file goes out of date it is refreshed, so
 * that a few days offline (a tour) do not lock Pro; at most half its
 * time to live, for short ones. */
#define REFRESH_LEAD (3 * G_TIME_SPAN_DAY)

G_DEFINE_QUARK (ts-license-refresh-error-quark, ts_license_refresh_error)

TsLicenseVerdict
ts_license_refresh_get_verdict (const TsLicenseRefresh *refresh)
{
  return refresh->verdict;
}

void
ts_license_refresh_free (TsLicenseRefresh *refresh)
{
  g_clear_pointer (&refresh->server_date, g_date_time_unref);
  g_free (refresh->certificate);
  g_free (refresh);
}

gboolean
ts_license_apply_refresh (TsLicense               *license,
                          const TsLicenseRefresh  *refresh,
                          GDateTime               *now,
                          GError                 **error)
{
  g_return_val_if_fail (ts_license_get_claims (license) != NULL, FALSE);

  /* Signed and recent: a time the clock cannot be set back before. */
  ts_license_trust_time (license, refresh->server_date);

  switch (refresh->verdict)
    {
    case TS_LICENSE_VERDICT_VALID:
      g_return_val_if_fail (refresh->certificate != NULL, FALSE);
      return ts_license_import (license, refresh->certificate, strlen (refresh->certificate), NULL, now, error);
    case TS_LICENSE_VERDICT_EXPIRED:
      ts_license_lock (license, TS_LICENSE_STATE_EXPIRED, now);
      g_set_error_literal (error, TS_LICENSE_ERROR, TS_LICENSE_ERROR_EXPIRED,
                           _("the licence server says this licence has expired; renew it in your account, "
                             "then refresh the licence again"));
      return FALSE;
    case TS_LICENSE_VERDICT_SUSPENDED:
      ts_license_lock (license, TS_LICENSE_STATE_REVOKED, now);
      g_set_error_literal (error, TS_LICENSE_ERROR, TS_LICENSE_ERROR_REVOKED,
                           _("the licence server says this licence is suspended, often for a failed payment; "
                             "check your account, then refresh the licence again"));
      return FALSE;
    case TS_LICENSE_VERDICT_BANNED:
      ts_license_lock (license, TS_LICENSE_STATE_REVOKED, now);
      g_set_error_literal (error, TS_LICENSE_ERROR, TS_LICENSE_ERROR_REVOKED,
                           _("the licence server says this licence was banned; contact support"));
      return FALSE;
    case TS_LICENSE_VERDICT_NOT_FOUND:
      ts_license_lock (license, TS_LICENSE_STATE_REVOKED, now);
      g_set_error_literal (error, TS_LICENSE_ERROR, TS_LICENSE_ERROR_REVOKED,
                           _("the licence server no longer knows this licence: it was revoked or refunded; "
                             "contact support if this is a mistake"));
      return FALSE;
    }
  g_return_val_if_reached (FALSE);
}

GDateTime *
ts_license_get_refresh_due (const TsLicense *license)
{
  const TsLicenseClaims *claims = ts_license_get_claims (license);
  GTimeSpan ttl, lead;

  if (claims == NULL || claims->file_expiry == NULL || ts_license_get_stored (license).locked)
    return NULL;
  ttl = claims->issued != NULL ? g_date_time_difference (claims->file_expiry, claims->issued) : 0;
  lead = MIN (REFRESH_LEAD, MAX (ttl, 0) / 2);
  return g_date_time_add (claims->file_expiry, -lead);
}
