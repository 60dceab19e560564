/* ts-pro-dialog.h - what Timestamps Pro adds, shown where a Pro feature
 * is asked for without it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-license-features.h"

G_BEGIN_DECLS

/* Where "Buy Pro" leads, in the dialog and on the Preferences' Pro page. */
#define TS_PRO_STORE_URL "https://timestamps.me/pro"

/* TRUE when the stored licence allows @features; otherwise presents the
 * dialog over @parent and returns FALSE. "Enter Key" opens Preferences
 * on the Pro page with @settings. */
gboolean  ts_pro_dialog_require  (GtkWindow  *parent,
                                  GSettings  *settings,
                                  TsFeature   features);

G_END_DECLS
