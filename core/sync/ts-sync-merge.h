/* ts-sync-merge.h - two edited versions of a document made one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-library-document.h"

G_BEGIN_DECLS

/* Three-way merge, field by field, against base, the last version both
 * sides had (NULL when there is none: every difference then conflicts).
 * The fields: deleted; the source content (source, project, markers,
 * mode); the template; the time format; each marker's title edit; each
 * marker's hidden mark. A field one side changed takes that side's
 * value; where both changed a field differently the result keeps
 * remote's and *conflicted is set: the caller then keeps local as a
 * document of its own, so that neither is dropped. A deletion on one
 * side and an edit on the other keeps the document.
 *
 * The result has local's id and no hash; its revision and times are the
 * caller's to set. */
TsLibraryDocument *ts_sync_merge (const TsLibraryDocument *base,
                                  const TsLibraryDocument *local,
                                  const TsLibraryDocument *remote,
                                  gboolean                *conflicted);

G_END_DECLS
