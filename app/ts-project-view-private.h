/* ts-project-view-private.h - what the view's own files and tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-findings-list.h"
#include "ts-project-view.h"
#include "ts-tempo-graph.h"

G_BEGIN_DECLS

/* GTK 4.8's list views build widgets for up to 200 rows as soon as rows
 * arrive, about half a millisecond each: the view feeds them in small
 * steps, one per main-loop iteration, so the window keeps drawing, then
 * the rest, which get no widgets, at once. */
#define TS_PROJECT_VIEW_ROWS_PER_STEP 24
#define TS_PROJECT_VIEW_ROWS_STEPPED  240

struct _TsProjectView
{
  AdwBin               parent_instance;

  GtkStack            *stack;
  AdwFlap             *flap;
  GtkSpinner          *spinner;
  GtkLabel            *loading_label;
  AdwStatusPage       *error_page;
  GtkLabel            *daw_label;
  GtkLabel            *tempo_label;
  GtkLabel            *automation_label;
  GtkLabel            *length_label;
  AdwActionRow        *tempo_row;
  AdwActionRow        *automation_row;
  AdwActionRow        *length_row;
  AdwActionRow        *mode_row;
  AdwComboRow         *arrangement_row;
  AdwComboRow         *hours_row;
  GtkSwitch           *ms_switch;
  AdwEntryRow         *template_row;
  GtkLabel            *template_preview;
  GtkPopover          *template_popover;
  GtkListBox          *preset_list;
  TsFindingsList      *findings_list;
  TsTempoGraph        *tempo_graph;
  GtkWidget           *graph_separator;
  GtkStack            *list_stack;
  AdwStatusPage       *no_markers_page;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *shown_column;
  GtkColumnViewColumn *index_column;
  GtkColumnViewColumn *time_column;
  GtkColumnViewColumn *title_column;

  TsDocument          *document;
  GListStore          *rows;
  GPtrArray           *pending_rows;
  guint                pending_pos;
  guint                populate_source;

  guint                loading : 1;
  guint                updating_arrangements : 1;
};

/* ts-project-view-columns.c */
void _ts_project_view_init_columns        (TsProjectView      *self);

/* ts-project-view-template.c */
void _ts_project_view_init_presets        (TsProjectView      *self);
void _ts_project_view_update_template     (TsProjectView      *self);
void _ts_project_view_on_preset_activated (TsProjectView      *self,
                                           GtkListBoxRow      *row,
                                           GtkListBox         *list);

/* ts-project-view-actions.c */
void _ts_project_view_class_actions_init  (TsProjectViewClass *klass);
void _ts_project_view_add_toast           (TsProjectView      *self,
                                           AdwToast           *toast);

G_END_DECLS
