/* ts-license-private.h - what a verified licence claims, and the helpers
 * that verify it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "ts-license.h"

G_BEGIN_DECLS

#define TS_LICENSE_PUBLIC_KEY_SIZE 32
#define TS_LICENSE_SIGNATURE_SIZE  64

/* Keygen's status of a licence in a licence file. */
typedef enum {
  TS_LICENSE_STATUS_ACTIVE,
  TS_LICENSE_STATUS_EXPIRED,
  TS_LICENSE_STATUS_SUSPENDED,
  TS_LICENSE_STATUS_BANNED,
} TsLicenseStatus;

/* What a signed key or a licence file says, once its signature holds.
 * Times are NULL where the licence has none (a key never expires, or a
 * key has no issue time). */
typedef struct {
  char            *key;         /* the signed key, which the licence server knows it by */
  char            *id;
  char            *email;
  char            *plan;
  GDateTime       *expiry;
  TsLicenseStatus  status;
  GDateTime       *issued;      /* licence files only */
  GDateTime       *file_expiry; /* licence files only, when ttl is not 0 */
} TsLicenseClaims;

void              ts_license_claims_free    (TsLicenseClaims *claims);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsLicenseClaims, ts_license_claims_free)

/* ts-license.c, for the refresh: the stored licence's claims (NULL when
 * free or invalid); take the newest trusted time from a verified server;
 * lock the licence in @state (expired or revoked) as the server says, at
 * @now. */
const TsLicenseClaims *ts_license_get_claims   (const TsLicense *self);
void              ts_license_trust_time        (TsLicense       *self,
                                                GDateTime       *time);
void              ts_license_lock              (TsLicense       *self,
                                                TsLicenseState   state,
                                                GDateTime       *now);

/* ts-license-key.c: `key/<base64url(data)>.<base64url(signature)>`. */
TsLicenseClaims  *ts_license_claims_from_key   (const char    *key,
                                                gsize          length,
                                                const guint8  *public_key,
                                                GError       **error);

/* ts-license-file.c: a `-----BEGIN LICENSE FILE-----` block. */
TsLicenseClaims  *ts_license_claims_from_file  (const char    *text,
                                                gsize          length,
                                                const guint8  *public_key,
                                                GError       **error);

/* ts-license-rules.c: the state @claims give at @now, given the newest
 * trusted time seen before (NULL when none). */
TsLicenseState    ts_license_claims_evaluate   (const TsLicenseClaims *claims,
                                                GDateTime             *now,
                                                GDateTime             *newest_trusted);
/* Whether @now is well before the licence's issue time or @newest_trusted:
 * the clock is wrong, or was set back. */
gboolean          ts_license_clock_went_back   (const TsLicenseClaims *claims,
                                                GDateTime             *now,
                                                GDateTime             *newest_trusted);
/* Why @state is not active, as a GError for activation to return. */
void              ts_license_set_state_error   (GError               **error,
                                                TsLicenseState         state,
                                                const TsLicenseClaims *claims);

/* ts-license-codec.c */
const guint8     *ts_license_trusted_public_key (void);
GBytes           *ts_license_base64_decode     (const char    *text,
                                                gsize          length,
                                                gboolean       url_safe,
                                                const char    *ignore);
gboolean          ts_license_signature_holds   (const guint8  *public_key,
                                                const char    *prefix,
                                                const char    *message,
                                                gsize          length,
                                                GBytes        *signature);
JsonNode         *ts_license_parse_json_object (GBytes        *bytes);
const char       *ts_license_json_get_string   (JsonObject    *object,
                                                const char    *member);
gboolean          ts_license_json_get_time     (JsonObject    *object,
                                                const char    *member,
                                                gboolean       nullable,
                                                GDateTime    **time);

G_END_DECLS
