/* ts-file-check.h - what the loader checks before reading a file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean ts_file_check_size      (guint64       size,
                                  const char   *display_name,
                                  GError      **error);
gboolean ts_file_check_mistaken  (const guint8 *data,
                                  gsize         length,
                                  const char   *display_name,
                                  GError      **error);
char    *ts_file_check_backup    (const char   *display_name);

G_END_DECLS
