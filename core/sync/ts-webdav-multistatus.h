/* ts-webdav-multistatus.h - reading a PROPFIND answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-webdav-client.h"

G_BEGIN_DECLS

/* The largest listing read: about 20 000 tracklists at Apache's verbosity. */
#define TS_WEBDAV_MAX_LISTING_SIZE (32 * 1024 * 1024)

/* The members of the collection at collection_path (the URL's path, e.g.
 * "/dav/timestamps/") in a 207 Multi-Status body, as TsWebdavEntry. */
GPtrArray *ts_webdav_multistatus_parse (GBytes      *body,
                                        const char  *collection_path,
                                        GError     **error);

G_END_DECLS
