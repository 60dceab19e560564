/* ts-license-store.h - between a TsLicense and the file it is kept in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-license.h"

G_BEGIN_DECLS

/* What is saved: the licence as given, not what it claims, so that it is
 * verified again on each load. Borrowed pointers, any of them NULL. */
typedef struct {
  const char *source;
  gboolean    source_is_file;
  GDateTime  *checked;
  GDateTime  *newest_trusted;
  /* Locked by the licence server, in locked_state: expired or revoked. */
  gboolean        locked;
  TsLicenseState  locked_state;
} TsLicenseStored;

TsLicenseStored  ts_license_get_stored  (const TsLicense        *self);
TsLicense       *ts_license_new_stored  (const TsLicenseStored  *stored,
                                         const guint8           *public_key,
                                         GDateTime              *now);

G_END_DECLS
