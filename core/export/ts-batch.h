/* ts-batch.h - many projects exported at once, one output file each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "ts-export.h"

G_BEGIN_DECLS

#define TS_BATCH_ERROR (ts_batch_error_quark ())

typedef enum {
  TS_BATCH_ERROR_NOT_FOUND,   /* an input that is neither a file nor a folder */
  TS_BATCH_ERROR_EXISTS,      /* the output is there and may not be replaced */
  TS_BATCH_ERROR_SAME_OUTPUT, /* another project of the batch has the same output */
  TS_BATCH_ERROR_WRITE,
} TsBatchError;

/**
 * TsBatchItem:
 * @project: the project file, as found or given
 * @output: (nullable): the file it is exported to; %NULL when there is
 *   nothing to export (@error says why)
 * @text: (nullable): the export, when the caller made it already (the
 *   app's open tabs, with their edits); else the project is read
 * @error: (nullable): why the item failed, once it did
 */
typedef struct {
  char    *project;
  char    *output;
  char    *text;
  GError  *error;
} TsBatchItem;

typedef struct {
  TsExportFormat   format;
  TsExportOptions  export_options;
  TsTempoMode      mode;
  gboolean         force;         /* replace outputs that exist */
} TsBatchOptions;

/* Called on the thread that runs the batch, once per item as it ends,
 * in the order they end. */
typedef void (*TsBatchProgressFunc) (const TsBatchItem *item,
                                     guint              n_done,
                                     guint              n_items,
                                     gpointer           user_data);

GQuark        ts_batch_error_quark      (void);

TsBatchItem  *ts_batch_item_new         (const char          *project,
                                         const char          *output,
                                         char                *text);
void          ts_batch_item_free        (TsBatchItem         *self);

/* Whether @name ends in an extension of a supported format, in any case. */
gboolean      ts_batch_is_project_name  (const char          *name);

/* Every project in @inputs, files taken as given and folders searched
 * recursively for supported extensions, each with its output in
 * @output_dir: its stem plus @format's extension. Returns an array of
 * TsBatchItem, failed ones (missing inputs, two projects with one output)
 * with their error set. */
GPtrArray    *ts_batch_plan             (const char * const  *inputs,
                                         const char          *output_dir,
                                         TsExportFormat       format);
/* Fails each item whose output an earlier one has already. */
void          ts_batch_mark_same_outputs (GPtrArray          *items);
char         *ts_batch_output_path      (const char          *project,
                                         const char          *output_dir,
                                         TsExportFormat       format);

/* Exports every item without an error yet on a pool of one thread per
 * processor and waits for them; returns how many items failed. */
guint         ts_batch_run              (GPtrArray            *items,
                                         const TsBatchOptions *options,
                                         TsBatchProgressFunc   progress,
                                         gpointer              user_data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsBatchItem, ts_batch_item_free)

G_END_DECLS
