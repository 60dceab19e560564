/* ts-license.h - the Pro licence: what is stored, and the state it gives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TS_LICENSE_ERROR (ts_license_error_quark ())

typedef enum {
  TS_LICENSE_ERROR_TOO_LARGE,
  TS_LICENSE_ERROR_MALFORMED,
  TS_LICENSE_ERROR_BAD_SIGNATURE,
  TS_LICENSE_ERROR_UNSUPPORTED,
  TS_LICENSE_ERROR_CLOCK,
  TS_LICENSE_ERROR_EXPIRED,
  TS_LICENSE_ERROR_NEEDS_REFRESH,
  TS_LICENSE_ERROR_REVOKED,
  TS_LICENSE_ERROR_NEEDS_PRO,
} TsLicenseError;

/* Signed keys are short; licence files hold one licence. Anything larger
 * is refused before it is decoded. */
#define TS_LICENSE_MAX_KEY_SIZE  4096
#define TS_LICENSE_MAX_FILE_SIZE (64 * 1024)

/* Every switch over it names each case and has no default. */
typedef enum {
  TS_LICENSE_STATE_FREE,          /* no licence */
  TS_LICENSE_STATE_ACTIVE,
  TS_LICENSE_STATE_EXPIRED,       /* or the clock went back before a licence was issued */
  TS_LICENSE_STATE_NEEDS_REFRESH, /* a licence file older than its time to live */
  TS_LICENSE_STATE_INVALID,       /* the stored licence does not verify */
  TS_LICENSE_STATE_REVOKED,       /* suspended or banned */
} TsLicenseState;

typedef struct _TsLicense TsLicense;

GQuark          ts_license_error_quark       (void);
const char     *ts_license_state_to_string   (TsLicenseState     state);

TsLicense      *ts_license_new               (void);
void            ts_license_free              (TsLicense         *self);

/* Both check @key or @text against @public_key (32 bytes; NULL for the
 * one the build trusts) at @now and take it only when it is active;
 * otherwise @self stays as it was. */
gboolean        ts_license_activate          (TsLicense         *self,
                                              const char        *key,
                                              const guint8      *public_key,
                                              GDateTime         *now,
                                              GError           **error);
gboolean        ts_license_import            (TsLicense         *self,
                                              const char        *text,
                                              gsize              length,
                                              const guint8      *public_key,
                                              GDateTime         *now,
                                              GError           **error);
void            ts_license_deactivate        (TsLicense         *self);

TsLicenseState  ts_license_get_state         (const TsLicense   *self);
const char     *ts_license_get_plan          (const TsLicense   *self);
const char     *ts_license_get_licensee      (const TsLicense   *self);
GDateTime      *ts_license_get_expiry        (const TsLicense   *self);
GDateTime      *ts_license_get_checked       (const TsLicense   *self);

/* The licence in g_get_user_config_dir()/timestamps/license. A missing
 * file is the free state, one that does not verify the invalid state;
 * only a file that cannot be read is an error. */
char           *ts_license_get_default_path  (void);
TsLicense      *ts_license_load              (const char        *path,
                                              const guint8      *public_key,
                                              GDateTime         *now,
                                              GError           **error);
gboolean        ts_license_save              (const TsLicense   *self,
                                              const char        *path,
                                              GError           **error);

/* One JSON object on one line, no trailing newline: state, plan,
 * licensee, expires and checked, null where unknown. */
char           *ts_license_status_to_json    (const TsLicense   *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsLicense, ts_license_free)

G_END_DECLS
