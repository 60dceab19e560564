/* ts-mnemonic-labels.h - accessible names without mnemonic underlines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

char *ts_mnemonic_labels_strip (const char *label);
void  ts_mnemonic_labels_fix   (GtkWidget  *root);

G_END_DECLS
