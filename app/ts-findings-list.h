/* ts-findings-list.h - what the user should know about a project's list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ts-document.h"

G_BEGIN_DECLS

#define TS_TYPE_FINDINGS_LIST (ts_findings_list_get_type ())

G_DECLARE_FINAL_TYPE (TsFindingsList, ts_findings_list, TS, FINDINGS_LIST, GtkBox)

void        ts_findings_list_set_document (TsFindingsList *self,
                                           TsDocument     *document);

G_END_DECLS
