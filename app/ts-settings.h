/* ts-settings.h - the app's settings, even where its schema is missing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

GSettings *ts_settings_new (void);

G_END_DECLS
