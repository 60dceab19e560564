/* ts-license-issuer.h - licences for tests, issued as the licence
 * service would
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _TsLicenseIssuer TsLicenseIssuer;

/* The test key in tests/keys/, which a -Dlicense_key=test build trusts. */
TsLicenseIssuer *ts_license_issuer_new_test    (void);
/* A key nobody trusts. */
TsLicenseIssuer *ts_license_issuer_new_random  (void);
void             ts_license_issuer_free        (TsLicenseIssuer *self);
const guint8    *ts_license_issuer_public_key  (TsLicenseIssuer *self);

/* The standard base64 of @message's Ed25519 signature. */
char            *ts_license_issuer_sign        (TsLicenseIssuer *self,
                                                const char      *message);
/* `key/<data>.<signature>`, base64url with or without its padding. */
char            *ts_license_issuer_sign_key    (TsLicenseIssuer *self,
                                                const char      *data,
                                                gboolean         padded);
/* A key for {"id", "email", "plan", "expiry"}; @expiry is JSON. */
char            *ts_license_issuer_key_for     (TsLicenseIssuer *self,
                                                const char      *id,
                                                const char      *plan,
                                                const char      *expiry);
/* A licence file for @key; times and @status as Keygen writes them,
 * @meta_expiry JSON. With @flip_enc, one byte of `enc` changes after
 * signing. */
char            *ts_license_issuer_file_for    (TsLicenseIssuer *self,
                                                const char      *id,
                                                const char      *key,
                                                const char      *status,
                                                const char      *issued,
                                                const char      *meta_expiry,
                                                gint64           ttl,
                                                const char      *alg,
                                                gboolean         flip_enc);

/* Activates a Pro licence from the test key, valid until 2099, and saves
 * it where the app and timestamps-cli look for it (XDG_CONFIG_HOME). */
void             ts_license_issuer_activate_pro (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsLicenseIssuer, ts_license_issuer_free)

G_END_DECLS
