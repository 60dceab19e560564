/* ts-project-view-columns.c - the cells of the marker list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each column binds its cell to a TsTrackRow: the check box and the
 * title both ways, so that editing a cell edits the row, which tells the
 * document.
 */
#define G_LOG_DOMAIN "ts-project-view"

#include "config.h"

#include <glib/gi18n.h>
#include <stdarg.h>

#include "ts-project-view-private.h"
#include "ts-track-row.h"

static gboolean
shown_to_opacity (GBinding     *binding,
                  const GValue *from,
                  GValue       *to,
                  gpointer      user_data)
{
  g_value_set_double (to, g_value_get_boolean (from) ? 1.0 : 0.45);
  return TRUE;
}

/* The bindings of one cell, to undo when the cell shows another row. */
static void G_GNUC_NULL_TERMINATED
remember_bindings (GtkListItem *item,
                   GBinding    *first,
                   ...)
{
  GPtrArray *bindings = g_ptr_array_new ();
  va_list args;

  va_start (args, first);
  for (GBinding *binding = first; binding != NULL; binding = va_arg (args, GBinding *))
    g_ptr_array_add (bindings, binding);
  va_end (args);

  g_object_set_data_full (G_OBJECT (item), "ts-bindings", bindings, (GDestroyNotify)g_ptr_array_unref);
}

static void
unbind_item (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GPtrArray *bindings = g_object_get_data (G_OBJECT (item), "ts-bindings");

  if (bindings != NULL)
    for (guint i = 0; i < bindings->len; i++)
      g_binding_unbind (g_ptr_array_index (bindings, i));

  g_object_set_data (G_OBJECT (item), "ts-bindings", NULL);
  g_signal_handlers_disconnect_by_data (gtk_list_item_get_item (item), gtk_list_item_get_child (item));
}

/* A screen reader reads a cell on its own: each says which track it is
 * for, as "Include track 4, Hook". */
static void
announce_check (TsTrackRow *row,
                GParamSpec *pspec,
                GtkWidget  *check)
{
  g_autofree char *label = g_strdup_printf (_("Include track %u, %s"),
                                            ts_track_row_get_index (row), ts_track_row_get_title (row));

  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
announce_title (TsTrackRow *row,
                GParamSpec *pspec,
                GtkWidget  *title)
{
  g_autofree char *label = g_strdup_printf (_("Title of track %u, %s"),
                                            ts_track_row_get_index (row), ts_track_row_get_title (row));

  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
setup_shown (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (check, _("Include this marker in the tracklist"));
  gtk_list_item_set_child (item, check);
}

static void
bind_shown (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  TsTrackRow *row = gtk_list_item_get_item (item);
  GtkWidget *check = gtk_list_item_get_child (item);

  remember_bindings (item,
                     g_object_bind_property (row, "shown", check, "active",
                                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE),
                     NULL);
  announce_check (row, NULL, check);
  g_signal_connect_object (row, "notify::title", G_CALLBACK (announce_check), check, 0);
}

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (user_data) ? 1.0 : 0.0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_index (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  TsTrackRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autofree char *text = g_strdup_printf ("%u", ts_track_row_get_index (row));

  gtk_label_set_label (GTK_LABEL (label), text);
  gtk_widget_add_css_class (label, "dim-label");
}

static void
bind_time (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  TsTrackRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  remember_bindings (item,
                     g_object_bind_property (row, "time", label, "label", G_BINDING_SYNC_CREATE),
                     g_object_bind_property_full (row, "shown", label, "opacity", G_BINDING_SYNC_CREATE,
                                                  shown_to_opacity, NULL, NULL, NULL),
                     NULL);
}

/* GtkEditableLabel shows its text in a GtkLabel that never ellipsizes:
 * a long title would widen the column, and with it the window. */
static void
ellipsize_labels (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    gtk_label_set_ellipsize (GTK_LABEL (widget), PANGO_ELLIPSIZE_END);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ellipsize_labels (child);
}

static void
setup_title (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_editable_label_new ("");

  ellipsize_labels (label);
  gtk_list_item_set_child (item, label);
}

static void
bind_title (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  TsTrackRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);

  remember_bindings (item,
                     g_object_bind_property (row, "title", label, "text",
                                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE),
                     /* The whole title, however much of it the cell shows. */
                     g_object_bind_property (row, "title", label, "tooltip-text", G_BINDING_SYNC_CREATE),
                     g_object_bind_property_full (row, "shown", label, "opacity", G_BINDING_SYNC_CREATE,
                                                  shown_to_opacity, NULL, NULL, NULL),
                     NULL);
  announce_title (row, NULL, label);
  g_signal_connect_object (row, "notify::title", G_CALLBACK (announce_title), label, 0);
}

static void
set_column_factory (GtkColumnViewColumn *column,
                    GCallback            setup,
                    GCallback            bind,
                    gpointer             user_data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, user_data);
  g_signal_connect (factory, "bind", bind, user_data);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_item), NULL);
  gtk_column_view_column_set_factory (column, factory);
  g_object_unref (factory);
}
/* The marker list shows the view's rows, with no selection: a row is
 * edited in place, never picked. */
void
_ts_project_view_init_columns (TsProjectView *self)
{
  g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));

  set_column_factory (self->shown_column, G_CALLBACK (setup_shown), G_CALLBACK (bind_shown), NULL);
  set_column_factory (self->index_column, G_CALLBACK (setup_label), G_CALLBACK (bind_index), GINT_TO_POINTER (TRUE));
  set_column_factory (self->time_column, G_CALLBACK (setup_label), G_CALLBACK (bind_time), GINT_TO_POINTER (TRUE));
  set_column_factory (self->title_column, G_CALLBACK (setup_title), G_CALLBACK (bind_title), NULL);

  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
}
