/* ts-library-page.h - every tracklist in the library, to find, open and
 * delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-library.h"
#include "ts-sync-scheduler.h"

G_BEGIN_DECLS

#define TS_TYPE_LIBRARY_PAGE (ts_library_page_get_type ())

G_DECLARE_FINAL_TYPE (TsLibraryPage, ts_library_page, TS, LIBRARY_PAGE, AdwBin)

void        ts_library_page_set_library    (TsLibraryPage *self,
                                            TsLibrary     *library);
void        ts_library_page_set_sync_scheduler (TsLibraryPage   *self,
                                                TsSyncScheduler *scheduler);

G_END_DECLS
