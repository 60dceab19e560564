/* ts-json-writer.h - the tracklist as the JSON object timestamps-cli prints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-tracklist.h"

G_BEGIN_DECLS

/* One JSON object on one line, no trailing newline. Doubles are written
 * with 17 significant digits so they read back to the same binary64. */
char  *ts_tracklist_to_json      (const TsTracklist  *tracklist);
void   ts_json_append_string     (GString            *out,
                                  const char         *string);
void   ts_json_append_double     (GString            *out,
                                  double              value);
void   ts_json_append_boolean    (GString            *out,
                                  gboolean            value);
void   ts_json_append_strv       (GString            *out,
                                  const char * const *strv);

G_END_DECLS
