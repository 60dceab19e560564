/* ts-preferences-window.c - the choices each new project starts with
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ts-preferences-window"

#include "config.h"

#include "ts-mnemonic-labels.h"
#include "ts-preferences-window.h"
#include "ts-pro-page.h"
#include "ts-sync-page.h"

struct _TsPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *mode_row;
  AdwComboRow          *hours_row;
  GtkSwitch            *ms_switch;
  AdwComboRow          *rounding_row;
  AdwEntryRow          *template_row;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (TsPreferencesWindow, ts_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The combo rows list the enum values in the schema's order, so the
 * position in the list is the index of the nick in the key's range. The
 * schema is the settings' own, which need not be the installed one. */
static GVariant *
enum_nicks (GSettings  *settings,
            const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) schema_key = NULL;
  g_autoptr(GVariant) range = NULL;
  GVariant *values;
  const char *type;

  g_object_get (settings, "settings-schema", &schema, NULL);
  schema_key = g_settings_schema_get_key (schema, key);
  range = g_settings_schema_key_get_range (schema_key);
  g_variant_get (range, "(&sv)", &type, &values);

  return values;
}

static gboolean
enum_to_position (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  GVariant *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (gsize i = 0; i < g_variant_n_children (nicks); i++)
    {
      g_autoptr(GVariant) child = g_variant_get_child_value (nicks, i);

      if (g_strcmp0 (g_variant_get_string (child, NULL), nick) == 0)
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
position_to_enum (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  GVariant *nicks = user_data;
  g_autoptr(GVariant) child = NULL;
  guint position = g_value_get_uint (value);

  if (position >= g_variant_n_children (nicks))
    return NULL;

  child = g_variant_get_child_value (nicks, position);

  return g_variant_new_string (g_variant_get_string (child, NULL));
}

static void
bind_combo (TsPreferencesWindow *self,
            const char          *key,
            AdwComboRow         *row)
{
  g_settings_bind_with_mapping (self->settings, key, row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                enum_to_position, position_to_enum,
                                enum_nicks (self->settings, key),
                                (GDestroyNotify)g_variant_unref);
}

static void
on_template_applied (TsPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->template_row));

  if (text[0] == '\0')
    g_settings_reset (self->settings, "template");
  else
    g_settings_set_string (self->settings, "template", text);
}

static void
ts_preferences_window_constructed (GObject *object)
{
  TsPreferencesWindow *self = (TsPreferencesWindow *)object;
  g_autofree char *template_ = NULL;

  G_OBJECT_CLASS (ts_preferences_window_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));

  bind_combo (self, "tempo-mode", self->mode_row);
  bind_combo (self, "hours-style", self->hours_row);
  bind_combo (self, "rounding", self->rounding_row);
  g_settings_bind (self->settings, "milliseconds", self->ms_switch, "active", G_SETTINGS_BIND_DEFAULT);

  template_ = g_settings_get_string (self->settings, "template");
  gtk_editable_set_text (GTK_EDITABLE (self->template_row), template_);
  g_signal_connect_object (self->template_row, "apply", G_CALLBACK (on_template_applied), self, G_CONNECT_SWAPPED);
}

static void
ts_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TsPreferencesWindow *self = TS_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_preferences_window_dispose (GObject *object)
{
  TsPreferencesWindow *self = (TsPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ts_preferences_window_parent_class)->dispose (object);
}

static void
ts_preferences_window_class_init (TsPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = ts_preferences_window_constructed;
  object_class->dispose = ts_preferences_window_dispose;
  object_class->set_property = ts_preferences_window_set_property;

  /* The settings the choices are stored in, the application's. */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/me/timestamps/Timestamps/ui/ts-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TsPreferencesWindow, mode_row);
  gtk_widget_class_bind_template_child (widget_class, TsPreferencesWindow, hours_row);
  gtk_widget_class_bind_template_child (widget_class, TsPreferencesWindow, ms_switch);
  gtk_widget_class_bind_template_child (widget_class, TsPreferencesWindow, rounding_row);
  gtk_widget_class_bind_template_child (widget_class, TsPreferencesWindow, template_row);
}

static void
ts_preferences_window_init (TsPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ts_mnemonic_labels_fix (GTK_WIDGET (self));

  /* Added here, not in the template: the pages are templates of their own. */
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (g_object_new (TS_TYPE_PRO_PAGE, NULL)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (g_object_new (TS_TYPE_SYNC_PAGE, NULL)));
}

GtkWidget *
ts_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (TS_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       "settings", settings,
                       NULL);
}

/* Where "Enter Key" of the Pro dialog leads. */
void
ts_preferences_window_show_pro (TsPreferencesWindow *self)
{
  g_return_if_fail (TS_IS_PREFERENCES_WINDOW (self));

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (self), "pro");
}
