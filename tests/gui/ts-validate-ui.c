/* ts-validate-ui.c - checks the app's .ui files against GTK, libadwaita
 * and the app's own widget types
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gtk4-builder-tool (4.8) knows neither libadwaita nor our widgets, so it
 * cannot validate templates like <template parent="AdwBin">. This does
 * what it does with those types loaded: the template class becomes a
 * stand-in subclass of its parent and the file is built on an instance.
 * Handler names cannot be checked here; the widget tests instantiate the
 * real classes, which fail on a missing one.
 */
#define G_LOG_DOMAIN "ts-validate-ui"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "ts-tempo-graph.h"

#define TS_TYPE_LENIENT_SCOPE (ts_lenient_scope_get_type ())
G_DECLARE_FINAL_TYPE (TsLenientScope, ts_lenient_scope, TS, LENIENT_SCOPE, GObject)

struct _TsLenientScope
{
  GObject parent_instance;
};

static void
do_nothing (void)
{
}

static GClosure *
ts_lenient_scope_create_closure (GtkBuilderScope        *scope,
                                 GtkBuilder             *builder,
                                 const char             *function_name,
                                 GtkBuilderClosureFlags  flags,
                                 GObject                *object,
                                 GError                **error)
{
  return g_cclosure_new (G_CALLBACK (do_nothing), NULL, NULL);
}

static void
ts_lenient_scope_iface_init (GtkBuilderScopeInterface *iface)
{
  iface->create_closure = ts_lenient_scope_create_closure;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (TsLenientScope, ts_lenient_scope, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDER_SCOPE, ts_lenient_scope_iface_init))

static void
ts_lenient_scope_class_init (TsLenientScopeClass *klass)
{
}

static void
ts_lenient_scope_init (TsLenientScope *self)
{
}

typedef struct
{
  char *class_name;
  char *parent_name;
} TemplateInfo;

static void
find_template (GMarkupParseContext  *context,
               const char           *element_name,
               const char          **attribute_names,
               const char          **attribute_values,
               gpointer              user_data,
               GError              **error)
{
  TemplateInfo *info = user_data;

  if (strcmp (element_name, "template") != 0)
    return;

  for (guint i = 0; attribute_names[i] != NULL; i++)
    {
      if (strcmp (attribute_names[i], "class") == 0)
        info->class_name = g_strdup (attribute_values[i]);
      else if (strcmp (attribute_names[i], "parent") == 0)
        info->parent_name = g_strdup (attribute_values[i]);
    }
}

static GType
register_stand_in (const char  *class_name,
                   const char  *parent_name,
                   GError     **error)
{
  GType parent = g_type_from_name (parent_name);
  GTypeQuery query;

  if (parent == G_TYPE_INVALID)
    {
      g_set_error (error, GTK_BUILDER_ERROR, GTK_BUILDER_ERROR_INVALID_VALUE,
                   "unknown template parent type %s", parent_name);
      return G_TYPE_INVALID;
    }

  if (g_type_from_name (class_name) != G_TYPE_INVALID)
    {
      g_set_error (error, GTK_BUILDER_ERROR, GTK_BUILDER_ERROR_INVALID_VALUE,
                   "template class %s is defined twice", class_name);
      return G_TYPE_INVALID;
    }

  g_type_query (parent, &query);

  return g_type_register_static_simple (parent, g_intern_string (class_name),
                                        query.class_size, NULL,
                                        query.instance_size, NULL, 0);
}

static gboolean
validate_file (const char  *path,
               GError     **error)
{
  g_autofree char *contents = NULL;
  gsize length;
  GMarkupParser parser = { find_template, NULL, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  TemplateInfo info = { 0 };
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GtkBuilderScope) scope = g_object_new (TS_TYPE_LENIENT_SCOPE, NULL);
  gboolean ok;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  context = g_markup_parse_context_new (&parser, 0, &info, NULL);
  if (!g_markup_parse_context_parse (context, contents, length, error) ||
      !g_markup_parse_context_end_parse (context, error))
    return FALSE;

  gtk_builder_set_scope (builder, scope);

  if (info.class_name != NULL)
    {
      GType type = register_stand_in (info.class_name, info.parent_name, error);
      g_autoptr(GObject) object = NULL;

      g_free (info.class_name);
      g_free (info.parent_name);

      if (type == G_TYPE_INVALID)
        return FALSE;

      object = g_object_ref_sink (g_object_new (type, NULL));
      ok = gtk_builder_extend_with_template (builder, object, type, contents, length, error);

      if (GTK_IS_WINDOW (object))
        gtk_window_destroy (GTK_WINDOW (object));

      return ok;
    }

  return gtk_builder_add_from_string (builder, contents, length, error);
}

int
main (int   argc,
      char *argv[])
{
  int status = 0;

  gtk_init ();
  adw_init ();
  g_type_ensure (TS_TYPE_TEMPO_GRAPH);

  printf ("1..%d\n", argc - 1);

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;

      if (validate_file (argv[i], &error))
        {
          printf ("ok %d %s\n", i, argv[i]);
        }
      else
        {
          printf ("not ok %d %s: %s\n", i, argv[i], error->message);
          status = 1;
        }
    }

  return status;
}
