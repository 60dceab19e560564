/* ts-quiet-tooltips.c - no tooltip before the pointer moves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A window that opens under a resting pointer gets a crossing event, and
 * GTK then pops up the tooltip of whatever button is there (the header
 * bar's Open button, often) although the user pointed at nothing. The
 * window's tooltips wait for the pointer's first move inside it.
 */
#define G_LOG_DOMAIN "ts-quiet-tooltips"

#include "config.h"

#include "ts-quiet-tooltips.h"

#define HUSHED_KEY "ts-quiet-tooltips-hushed"

static void
hush (GtkWidget *widget,
      GPtrArray *hushed)
{
  if (gtk_widget_get_has_tooltip (widget))
    {
      gtk_widget_set_has_tooltip (widget, FALSE);
      g_ptr_array_add (hushed, g_object_ref (widget));
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    hush (child, hushed);
}

static void
on_first_motion (GtkEventControllerMotion *controller,
                 double                    x,
                 double                    y,
                 gpointer                  user_data)
{
  GPtrArray *hushed = g_object_get_data (G_OBJECT (controller), HUSHED_KEY);

  for (guint i = 0; i < hushed->len; i++)
    {
      GtkWidget *widget = g_ptr_array_index (hushed, i);

      /* Unless its tooltip was taken away meanwhile. */
      if (gtk_widget_get_tooltip_text (widget) != NULL || gtk_widget_get_tooltip_markup (widget) != NULL)
        gtk_widget_set_has_tooltip (widget, TRUE);
    }

  g_signal_handlers_disconnect_by_func (controller, on_first_motion, user_data);
  g_object_set_data (G_OBJECT (controller), HUSHED_KEY, NULL);
}

/**
 * ts_quiet_tooltips_until_motion:
 *
 * Turns off the tooltips of @window's widgets as they are now, until the
 * pointer first moves inside it.
 */
void
ts_quiet_tooltips_until_motion (GtkWidget *window)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GPtrArray *hushed = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (GTK_IS_WINDOW (window));

  hush (window, hushed);

  gtk_event_controller_set_name (motion, TS_QUIET_TOOLTIPS_CONTROLLER);
  gtk_event_controller_set_propagation_phase (motion, GTK_PHASE_CAPTURE);
  g_object_set_data_full (G_OBJECT (motion), HUSHED_KEY, hushed, (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect (motion, "motion", G_CALLBACK (on_first_motion), NULL);
  gtk_widget_add_controller (window, motion);
}
