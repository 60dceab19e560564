/* ts-export.h - a tracklist in every format a DJ pastes or imports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-time-format.h"
#include "ts-tracklist.h"

G_BEGIN_DECLS

typedef enum {
  TS_EXPORT_TEXT,
  TS_EXPORT_YOUTUBE,
  TS_EXPORT_CUE,
  TS_EXPORT_CSV,
  TS_EXPORT_JSON,
  TS_EXPORT_FFMETADATA,
  TS_EXPORT_PODCAST,
  TS_EXPORT_WEBVTT,
  TS_EXPORT_AUDACITY,
} TsExportFormat;

#define TS_EXPORT_N_FORMATS (TS_EXPORT_AUDACITY + 1)

typedef struct {
  const char   *template_;    /* TS_EXPORT_TEXT; NULL means TS_TEMPLATE_DEFAULT */
  TsTimeFormat  time_format;  /* TS_EXPORT_TEXT and TS_EXPORT_YOUTUBE */
} TsExportOptions;

/* "text", "youtube", "cue", ... as timestamps-cli --format spells them */
const char  *ts_export_format_to_string     (TsExportFormat         format);
gboolean     ts_export_format_from_string   (const char            *string,
                                             TsExportFormat        *format);
/* File name extension without the dot: "txt", "cue", "csv", "vtt", ... */
const char  *ts_export_format_get_extension (TsExportFormat         format);

char        *ts_export                      (const TsTracklist     *tracklist,
                                             TsExportFormat         format,
                                             const TsExportOptions *options);

/* A template the app offers by name; @name is untranslated (N_()). */
typedef struct
{
  const char *name;
  const char *template_;
} TsTemplatePreset;

/* The presets, ended by one whose @template_ is %NULL; the first is
 * TS_TEMPLATE_DEFAULT. The app lists these and no others. */
extern const TsTemplatePreset ts_template_presets[];

/* One function per format, as ts_export() dispatches them. @options may be
 * %NULL for the defaults. Every result ends in a newline unless it is empty. */
char        *ts_export_text                 (const TsTracklist     *tracklist,
                                             const TsExportOptions *options);
char        *ts_export_youtube              (const TsTracklist     *tracklist,
                                             const TsExportOptions *options);
char        *ts_export_cue                  (const TsTracklist     *tracklist,
                                             const TsExportOptions *options);
char        *ts_export_csv                  (const TsTracklist     *tracklist,
                                             const TsExportOptions *options);
char        *ts_export_json                 (const TsTracklist     *tracklist,
                                             const TsExportOptions *options);
char        *ts_export_ffmetadata           (const TsTracklist     *tracklist,
                                             const TsExportOptions *options);
char        *ts_export_podcast              (const TsTracklist     *tracklist,
                                             const TsExportOptions *options);
char        *ts_export_webvtt               (const TsTracklist     *tracklist,
                                             const TsExportOptions *options);
char        *ts_export_audacity             (const TsTracklist     *tracklist,
                                             const TsExportOptions *options);

G_END_DECLS
