/* ts-license-rules.c - what verified claims mean at a given time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules Keygen's SDKs apply offline: a licence issued in the future
 * means the clock is wrong; a licence file past its own expiry must be
 * refreshed; a licence past its expiry has expired. The newest trusted
 * time seen (a licence's issue time) is kept, so that setting the clock
 * back does not bring an expired licence back.
 */

#define G_LOG_DOMAIN "ts-license"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ts-license-private.h"

/* Clocks drift; Keygen's SDKs allow this much. */
#define CLOCK_SKEW (5 * G_TIME_SPAN_MINUTE)

void
ts_license_claims_free (TsLicenseClaims *claims)
{
  if (claims->key != NULL)
    {
      /* Scrubbed like the stored source: the key is its owner's secret. */
      memset (claims->key, 0, strlen (claims->key));
      g_free (claims->key);
    }
  g_free (claims->id);
  g_free (claims->email);
  g_free (claims->plan);
  g_clear_pointer (&claims->expiry, g_date_time_unref);
  g_clear_pointer (&claims->issued, g_date_time_unref);
  g_clear_pointer (&claims->file_expiry, g_date_time_unref);
  g_free (claims);
}

static gboolean
is_past (GDateTime *time,
         GDateTime *now)
{
  return time != NULL && g_date_time_compare (now, time) >= 0;
}

gboolean
ts_license_clock_went_back (const TsLicenseClaims *claims,
                            GDateTime             *now,
                            GDateTime             *newest_trusted)
{
  GDateTime *times[] = { claims->issued, newest_trusted };

  for (guint i = 0; i < G_N_ELEMENTS (times); i++)
    if (times[i] != NULL && g_date_time_difference (times[i], now) > CLOCK_SKEW)
      return TRUE;
  return FALSE;
}

TsLicenseState
ts_license_claims_evaluate (const TsLicenseClaims *claims,
                            GDateTime             *now,
                            GDateTime             *newest_trusted)
{
  switch (claims->status)
    {
    case TS_LICENSE_STATUS_SUSPENDED:
    case TS_LICENSE_STATUS_BANNED:
      return TS_LICENSE_STATE_REVOKED;
    case TS_LICENSE_STATUS_EXPIRED:
      return TS_LICENSE_STATE_EXPIRED;
    case TS_LICENSE_STATUS_ACTIVE:
      break;
    }

  if (ts_license_clock_went_back (claims, now, newest_trusted) || is_past (claims->expiry, now))
    return TS_LICENSE_STATE_EXPIRED;
  if (is_past (claims->file_expiry, now))
    return TS_LICENSE_STATE_NEEDS_REFRESH;
  return TS_LICENSE_STATE_ACTIVE;
}

void
ts_license_set_state_error (GError                **error,
                            TsLicenseState          state,
                            const TsLicenseClaims  *claims)
{
  g_autofree char *date = NULL;

  switch (state)
    {
    case TS_LICENSE_STATE_EXPIRED:
      if (claims->expiry == NULL || claims->status != TS_LICENSE_STATUS_ACTIVE)
        {
          g_set_error_literal (error, TS_LICENSE_ERROR, TS_LICENSE_ERROR_EXPIRED,
                               _("this licence has expired"));
          return;
        }
      date = g_date_time_format (claims->expiry, "%Y-%m-%d");
      /* Translators: the date, e.g. 2027-11-26. */
      g_set_error (error, TS_LICENSE_ERROR, TS_LICENSE_ERROR_EXPIRED,
                   _("this licence expired on %s"), date);
      return;
    case TS_LICENSE_STATE_NEEDS_REFRESH:
      g_set_error_literal (error, TS_LICENSE_ERROR, TS_LICENSE_ERROR_NEEDS_REFRESH,
                           _("this licence file is out of date; download a new one from your account"));
      return;
    case TS_LICENSE_STATE_REVOKED:
      g_set_error_literal (error, TS_LICENSE_ERROR, TS_LICENSE_ERROR_REVOKED,
                           _("this licence was suspended or revoked; contact support"));
      return;
    case TS_LICENSE_STATE_FREE:
    case TS_LICENSE_STATE_ACTIVE:
    case TS_LICENSE_STATE_INVALID:
      /* Verified claims are never invalid, and the other two are not errors. */
      g_return_if_reached ();
    }
}
