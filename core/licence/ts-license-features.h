/* ts-license-features.h - the one gate every Pro feature asks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-license.h"

G_BEGIN_DECLS

/* The features Timestamps Pro unlocks; a caller asks for one or several. */
typedef enum {
  TS_FEATURE_SYNC  = 1 << 0,
  TS_FEATURE_BATCH = 1 << 1,
} TsFeature;

#define TS_FEATURES_PRO (TS_FEATURE_SYNC | TS_FEATURE_BATCH)

gboolean  ts_license_allows   (const TsLicense  *license,
                               TsFeature         features);

/* As ts_license_allows(), with an error naming Pro, the first feature
 * missing and why, for the user to read. */
gboolean  ts_license_require  (const TsLicense  *license,
                               TsFeature         features,
                               GError          **error);

G_END_DECLS
