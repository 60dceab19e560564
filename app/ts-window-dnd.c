/* ts-window-dnd.c - projects dropped anywhere on the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One drop target on the window takes every drop of files, wherever it
 * lands: it runs in the capture phase, before the editable titles of the
 * tracklist, which would otherwise take a file drag's text/plain form and
 * write the paths into a title.
 */
#define G_LOG_DOMAIN "ts-window"

#include "config.h"

#include "ts-file-list.h"
#include "ts-window-private.h"

static gboolean
on_drop (TsWindow      *self,
         const GValue  *value,
         double         x,
         double         y,
         GtkDropTarget *target)
{
  g_autoptr(GPtrArray) files = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *list = gdk_file_list_get_files (g_value_get_boxed (value));

      files = g_ptr_array_new_with_free_func (g_object_unref);
      for (const GSList *l = list; l != NULL; l = l->next)
        g_ptr_array_add (files, g_object_ref (l->data));
      g_slist_free (list);
    }
  else if (G_VALUE_HOLDS_STRING (value) && g_value_get_string (value) != NULL)
    {
      files = ts_file_list_from_text (g_value_get_string (value));
    }

  if (files == NULL || files->len == 0)
    return FALSE;

  ts_window_open_files (self, (GFile **)files->pdata, files->len);

  return TRUE;
}

/* The target only enters for a drag it accepted, one that offers files or
 * text: any other drag leaves the window as it is. */
static GdkDragAction
on_enter (GtkWidget     *highlight,
          double         x,
          double         y,
          GtkDropTarget *target)
{
  gtk_widget_set_visible (highlight, TRUE);

  return GDK_ACTION_COPY;
}

static void
on_leave (GtkWidget     *highlight,
          GtkDropTarget *target)
{
  gtk_widget_set_visible (highlight, FALSE);
}

/* A drop ends the drag without a leave first. */
static void
on_current_drop (GtkWidget     *highlight,
                 GParamSpec    *pspec,
                 GtkDropTarget *target)
{
  if (gtk_drop_target_get_current_drop (target) == NULL)
    gtk_widget_set_visible (highlight, FALSE);
}

/**
 * _ts_window_add_drop_target:
 * @highlight: shown over the page while a drag it can open hovers the window
 *
 * Returns: (transfer none): the window's drop target
 */
GtkDropTarget *
_ts_window_add_drop_target (TsWindow  *self,
                            GtkWidget *highlight)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);

  gtk_drop_target_set_gtypes (target, (GType[2]) { GDK_TYPE_FILE_LIST, G_TYPE_STRING }, 2);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (target), GTK_PHASE_CAPTURE);

  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "enter", G_CALLBACK (on_enter), highlight, G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "leave", G_CALLBACK (on_leave), highlight, G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "notify::current-drop", G_CALLBACK (on_current_drop), highlight,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  return target;
}
