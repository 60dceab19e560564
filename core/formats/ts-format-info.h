/* ts-format-info.h - what Timestamps knows about each format, in one table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One value per supported kind of file, in detection order: formats with
 * a sure magic number first, cue sheets (recognised by keywords) last.
 * Every switch over it names each case and has no default, so a new
 * format makes the compiler list the switches that must learn about it. */
typedef enum {
  TS_FORMAT_ABLETON,
  TS_FORMAT_FL_STUDIO,
  TS_FORMAT_CUE,
} TsFormat;

/* Keep equal to the last value plus one: ts-format-info.c asserts that
 * its table has exactly this many entries. */
#define TS_N_FORMATS (TS_FORMAT_CUE + 1)

/* Whether @data, the start of a file, is this format; cheap, since the
 * loader asks every format in turn. */
typedef gboolean (*TsFormatSniffFunc) (const guint8 *data,
                                       gsize         length);

/**
 * TsFormatInfo:
 * @id: the name machines read: the JSON output's "format", a contract
 *   that never changes once released
 * @label: what the app shows for the format ("Ableton Live set")
 * @plural_label: the open dialog's filter and the command line's help
 *   ("Ableton Live sets")
 * @phrase: the format inside a sentence, article included ("an Ableton
 *   Live set"): "this is not …", "Drop …"
 * @extensions: the format's file name extensions, lower case with the dot,
 *   %NULL-terminated; the first is the usual one. They pick the reader
 *   when the content is unrecognisable, and are the MIME type's globs
 *   ("*" + extension), so the two cannot drift apart.
 * @other_globs: (nullable): names the open dialog also offers among the
 *   supported projects without them deciding the reader, %NULL-terminated
 * @mime_type: the type the desktop file registers the app for
 * @mime_type_shared: %TRUE when shared-mime-info already defines
 *   @mime_type, so that the app's own MIME data must not
 * @sniff: recognises the format by its first bytes
 * @tempo_grid: the grid, in beats, on which the DAW applies tempo changes;
 *   NAN for formats whose times are in seconds
 *
 * The strings for people (@label, @plural_label, @phrase) are marked with
 * N_() and still need _() where they are shown.
 */
typedef struct {
  const char          *id;
  const char          *label;
  const char          *plural_label;
  const char          *phrase;
  const char * const  *extensions;
  const char * const  *other_globs;
  const char          *mime_type;
  gboolean             mime_type_shared;
  TsFormatSniffFunc    sniff;
  double               tempo_grid;
} TsFormatInfo;

const TsFormatInfo *ts_format_info_get           (TsFormat     format);
char               *ts_format_info_join_phrases  (gboolean     with_extensions,
                                                  const char  *separator,
                                                  const char  *last_separator);

G_END_DECLS
