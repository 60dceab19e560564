/* ts-license-watch.h - the stored Pro licence refreshed while the app runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ts-license-refresh.h"

G_BEGIN_DECLS

#define TS_TYPE_LICENSE_WATCH (ts_license_watch_get_type ())

G_DECLARE_FINAL_TYPE (TsLicenseWatch, ts_license_watch, TS, LICENSE_WATCH, GObject)

/* Checks the licence stored at @path now and then on a timer, refreshing
 * it through @client when it is due. ::locked says when the server's
 * answer locks Pro, with why and what to do; ::checked follows every
 * check, whatever it found. */
TsLicenseWatch *ts_license_watch_new (const char      *path,
                                      TsLicenseClient *client);

G_END_DECLS
