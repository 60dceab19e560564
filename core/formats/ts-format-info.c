/* ts-format-info.c - what Timestamps knows about each format, in one table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything about a format that is not its reader: its names, files,
 * MIME type, how to recognise it and its DAW's tempo grid. The loader,
 * the command line's help, the app's dialogs and the MIME data all come
 * from here or are checked against it (tests/test-format-info.c), so a
 * format cannot be half added.
 */
#define G_LOG_DOMAIN "ts-format-info"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "ts-ableton-set.h"
#include "ts-cue-sheet.h"
#include "ts-fl-project.h"
#include "ts-format-info.h"

static const TsFormatInfo formats[] = {
  [TS_FORMAT_ABLETON] = {
    .id = "ableton",
    .label = N_("Ableton Live set"),
    .plural_label = N_("Ableton Live sets"),
    /* Translators: a format inside a sentence: "this is not %s",
     * "Drop %s". */
    .phrase = N_("an Ableton Live set"),
    .extensions = (const char * const []) { ".als", NULL },
    /* A set unpacked with gunzip to look inside it is plain XML, which
     * the reader takes too. */
    .other_globs = (const char * const []) { "*.xml", NULL },
    .mime_type = "application/x-ableton-live-set",
    .sniff = ts_ableton_set_looks_like,
    /* Live applies tempo automation every 16th note. */
    .tempo_grid = 0.25,
  },
  [TS_FORMAT_FL_STUDIO] = {
    .id = "flstudio",
    .label = N_("FL Studio project"),
    .plural_label = N_("FL Studio projects"),
    /* Translators: a format inside a sentence: "this is not %s",
     * "Drop %s". */
    .phrase = N_("an FL Studio project"),
    .extensions = (const char * const []) { ".flp", NULL },
    .mime_type = "application/x-fl-studio-project",
    .sniff = ts_fl_project_looks_like,
    /* FL Studio applies it every 1/128 beat. */
    .tempo_grid = 1.0 / 128.0,
  },
  [TS_FORMAT_CUE] = {
    .id = "cue",
    .label = N_("Cue sheet"),
    .plural_label = N_("Cue sheets"),
    /* Translators: a format inside a sentence: "this is not %s",
     * "Drop %s". */
    .phrase = N_("a cue sheet"),
    .extensions = (const char * const []) { ".cue", NULL },
    .mime_type = "application/x-cue",
    .mime_type_shared = TRUE,
    .sniff = ts_cue_sheet_looks_like,
    /* Cue times are seconds (and frames): there is no tempo to apply. */
    .tempo_grid = NAN,
  },
};

/* A value added to TsFormat without an entry here fails the build. */
G_STATIC_ASSERT (G_N_ELEMENTS (formats) == TS_N_FORMATS);

const TsFormatInfo *
ts_format_info_get (TsFormat format)
{
  g_return_val_if_fail ((guint) format < TS_N_FORMATS, NULL);

  return &formats[format];
}

/**
 * ts_format_info_join_phrases:
 * @with_extensions: add each format's usual extension: "an Ableton Live
 *   set (.als)"
 * @separator: between the formats but the last two, already translated
 * @last_separator: between the last two, already translated
 *
 * Lists every format in detection order for a sentence, so the sentence
 * never forgets one. The separators come from the caller: a list in "this
 * is not …" joins differently from one in "Drop …" in some languages.
 *
 * Returns: (transfer full): "an Ableton Live set, an FL Studio project or
 *   a cue sheet", translated
 */
char *
ts_format_info_join_phrases (gboolean    with_extensions,
                             const char *separator,
                             const char *last_separator)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < TS_N_FORMATS; i++)
    {
      const TsFormatInfo *info = &formats[i];

      if (i > 0)
        g_string_append (list, i + 1 == TS_N_FORMATS ? last_separator : separator);
      if (with_extensions)
        /* Translators: a format and its extension, e.g. "an Ableton Live
         * set (.als)". */
        g_string_append_printf (list, _("%s (%s)"), _(info->phrase), info->extensions[0]);
      else
        g_string_append (list, _(info->phrase));
    }

  return g_string_free (list, FALSE);
}
