/* ts-pro-page.h - the Pro page of Preferences: the licence, and where a
 * key or licence file is entered
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TS_TYPE_PRO_PAGE (ts_pro_page_get_type ())

G_DECLARE_FINAL_TYPE (TsProPage, ts_pro_page, TS, PRO_PAGE, AdwPreferencesPage)

/* What a drop of @file or the file chooser does: imports the licence
 * file and stores it. */
void           ts_pro_page_import_file      (TsProPage  *self,
                                             GFile      *file);
GtkDropTarget *ts_pro_page_get_drop_target  (TsProPage  *self);

G_END_DECLS
