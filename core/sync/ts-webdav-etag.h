/* ts-webdav-etag.h - ETags as servers send them, made comparable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The strong, quoted form of an ETag: without W/ and without the -gzip,
 * -br or -deflate that Apache's mod_deflate appends (and then does not
 * match in If-Match). NULL for NULL, an empty ETag, or one with a quote
 * or a control character inside. */
char *ts_webdav_etag_normalise (const char *etag);

G_END_DECLS
