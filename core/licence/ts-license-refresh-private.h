/* ts-license-refresh-private.h - between the licence server's client and
 * the licence it refreshes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "ts-license-refresh.h"

G_BEGIN_DECLS

struct _TsLicenseRefresh {
  TsLicenseVerdict  verdict;
  GDateTime        *server_date;  /* from the newest verified answer */
  char             *certificate;  /* the new licence file, when valid */
};

/* ts-license-response.c: whether @body, the answer to @message, was
 * signed by @public_key's owner for this very request and sent within a
 * few minutes of @now; its Date in @server_date. */
gboolean  ts_license_response_verify  (SoupMessage   *message,
                                       GBytes        *body,
                                       const guint8  *public_key,
                                       GDateTime     *now,
                                       GDateTime    **server_date,
                                       GError       **error);

G_END_DECLS
