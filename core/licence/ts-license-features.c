/* ts-license-features.c - the one gate every Pro feature asks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pro features ask here and nowhere else, so what Pro means (which plan,
 * which states) is decided once.
 */

#define G_LOG_DOMAIN "ts-license"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ts-license-features.h"

#define PRO_PLAN "pro"

gboolean
ts_license_allows (const TsLicense *license,
                   TsFeature        features)
{
  g_return_val_if_fail (license != NULL, FALSE);
  g_return_val_if_fail (features != 0 && (features & ~TS_FEATURES_PRO) == 0, FALSE);

  return ts_license_get_state (license) == TS_LICENSE_STATE_ACTIVE &&
         g_strcmp0 (ts_license_get_plan (license), PRO_PLAN) == 0;
}

static const char *
feature_name (TsFeature feature)
{
  switch (feature)
    {
    case TS_FEATURE_SYNC:
      return _("Sync");
    case TS_FEATURE_BATCH:
      return _("Batch export");
    }
  g_return_val_if_reached (NULL);
}

gboolean
ts_license_require (const TsLicense  *license,
                    TsFeature         features,
                    GError          **error)
{
  /* Every feature is Pro, so the first one asked for is one missing. */
  const char *name = feature_name (features & -features);
  const char *reason = NULL;

  if (ts_license_allows (license, features))
    return TRUE;

  switch (ts_license_get_state (license))
    {
    case TS_LICENSE_STATE_FREE:
      reason = _("activate a Pro licence to use it");
      break;
    case TS_LICENSE_STATE_ACTIVE:
      reason = _("this licence is for another plan");
      break;
    case TS_LICENSE_STATE_EXPIRED:
      reason = _("your Pro licence has expired");
      break;
    case TS_LICENSE_STATE_NEEDS_REFRESH:
      reason = _("your Pro licence file is out of date, download a new one");
      break;
    case TS_LICENSE_STATE_INVALID:
      reason = _("the stored licence is damaged, activate it again");
      break;
    case TS_LICENSE_STATE_REVOKED:
      reason = _("your Pro licence was suspended or revoked");
      break;
    }
  g_set_error (error, TS_LICENSE_ERROR, TS_LICENSE_ERROR_NEEDS_PRO,
               /* Translators: a feature, e.g. "Batch export", then why
                * Pro is not active, e.g. "your Pro licence has expired". */
               _("%s needs Timestamps Pro; %s"), name, reason);
  return FALSE;
}
