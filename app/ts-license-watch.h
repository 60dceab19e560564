/* ts-license-watch.h - the stored Pro licence refreshed while the app runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TS_TYPE_LICENSE_WATCH (ts_license_watch_get_type ())

G_DECLARE_FINAL_TYPE (TsLicenseWatch, ts_license_watch, TS, LICENSE_WATCH, GObject)

/* Checks the stored licence now and then on a timer, refreshing it when
 * it is due, and tells the user through @app when the server locks Pro.
 * @app is not referenced: it owns the watch. */
TsLicenseWatch *ts_license_watch_new (GApplication *app);

G_END_DECLS
