/* ts-library-link.h - keeps an open project's library document up to date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-document.h"
#include "ts-library.h"

G_BEGIN_DECLS

#define TS_TYPE_LIBRARY_LINK (ts_library_link_get_type ())

G_DECLARE_FINAL_TYPE (TsLibraryLink, ts_library_link, TS, LIBRARY_LINK, GObject)

TsLibraryLink *ts_library_link_new    (TsLibrary     *library,
                                       TsDocument    *document);
const char    *ts_library_link_get_id (TsLibraryLink *self);
const GError  *ts_library_link_get_error (TsLibraryLink *self);

G_END_DECLS
