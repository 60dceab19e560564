/* ts-license-read.h - a licence file read from disk, bounded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ts-license.h"

G_BEGIN_DECLS

/* At most TS_LICENSE_MAX_FILE_SIZE + 1 bytes of @file, NUL-terminated,
 * so that ts_license_import() refuses a huge file without it being read
 * whole. */
char      *ts_license_read_file    (GFile            *file,
                                    gsize            *length,
                                    GError          **error);

/* Reads @file and imports it into @self, as ts_license_import(); the
 * error names the file. */
gboolean   ts_license_import_file  (TsLicense        *self,
                                    GFile            *file,
                                    GDateTime        *now,
                                    GError          **error);

G_END_DECLS
