/* ts-license-status.c - the licence as the JSON line
 * `timestamps-cli license status` prints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Scripts rely on this shape: {"state", "plan", "licensee", "expires",
 * "checked"}, null where unknown, times in ISO 8601 UTC.
 */

#define G_LOG_DOMAIN "ts-license"

#include "config.h"

#include "ts-json-writer.h"
#include "ts-license.h"

static void
append_string_or_null (GString    *out,
                       const char *string)
{
  if (string != NULL)
    ts_json_append_string (out, string);
  else
    g_string_append (out, "null");
}

static void
append_time_or_null (GString   *out,
                     GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *text = NULL;

  if (time != NULL)
    {
      utc = g_date_time_to_utc (time);
      text = g_date_time_format_iso8601 (utc);
    }
  append_string_or_null (out, text);
}

char *
ts_license_status_to_json (const TsLicense *self)
{
  GString *out = g_string_new ("{\"state\": ");

  ts_json_append_string (out, ts_license_state_to_string (ts_license_get_state (self)));
  g_string_append (out, ", \"plan\": ");
  append_string_or_null (out, ts_license_get_plan (self));
  g_string_append (out, ", \"licensee\": ");
  append_string_or_null (out, ts_license_get_licensee (self));
  g_string_append (out, ", \"expires\": ");
  append_time_or_null (out, ts_license_get_expiry (self));
  g_string_append (out, ", \"checked\": ");
  append_time_or_null (out, ts_license_get_checked (self));
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}
