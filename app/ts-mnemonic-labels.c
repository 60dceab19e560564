/* ts-mnemonic-labels.c - accessible names without mnemonic underlines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8 gives a button its label, as written, for its accessible name:
 * a screen reader says "underscore Open" for "_Open…". The label the
 * button shows already drops the underline; its name should too.
 */
#define G_LOG_DOMAIN "ts-mnemonic-labels"

#include "config.h"

#include <string.h>

#include "ts-mnemonic-labels.h"

/**
 * ts_mnemonic_labels_strip:
 *
 * Returns: (transfer full): @label as shown: "_x" is "x", "__" is "_"
 */
char *
ts_mnemonic_labels_strip (const char *label)
{
  GString *shown = g_string_sized_new (strlen (label));

  for (const char *p = label; *p != '\0'; p++)
    {
      if (*p == '_')
        {
          p++;
          if (*p == '\0')
            break;
        }
      g_string_append_c (shown, *p);
    }

  return g_string_free (shown, FALSE);
}

static void
update_button (GtkButton *button)
{
  const char *label = gtk_button_get_label (button);
  g_autofree char *shown = NULL;

  if (label == NULL || !gtk_button_get_use_underline (button))
    return;

  shown = ts_mnemonic_labels_strip (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, shown, -1);
}

/* GTK sets the name again whenever the label changes. */
static void
on_label_changed (GtkButton  *button,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  update_button (button);
}

/**
 * ts_mnemonic_labels_fix:
 *
 * Gives each button in @root (a template just built) with a mnemonic
 * label the label's text for its accessible name, now and after each
 * change of the label.
 */
void
ts_mnemonic_labels_fix (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root))
    {
      update_button (GTK_BUTTON (root));
      g_signal_connect_after (root, "notify::label", G_CALLBACK (on_label_changed), NULL);
      g_signal_connect_after (root, "notify::use-underline", G_CALLBACK (on_label_changed), NULL);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    ts_mnemonic_labels_fix (child);
}
