/* ts-library-page-private.h - what tests ask the Library view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-library-page.h"

G_BEGIN_DECLS

GtkListBox      *_ts_library_page_get_list_box   (TsLibraryPage *self);
GtkEditable     *_ts_library_page_get_search     (TsLibraryPage *self);
AdwToast        *_ts_library_page_get_last_toast (TsLibraryPage *self);
void             _ts_library_page_refresh        (TsLibraryPage *self);
const char      *_ts_library_page_get_sync_state (TsLibraryPage *self,
                                                  const char    *id);
const char      *_ts_library_page_get_sync_summary (TsLibraryPage *self);
GtkWidget       *_ts_library_page_get_sync_button  (TsLibraryPage *self);

G_END_DECLS
