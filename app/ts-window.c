/* ts-window.c - the main window: a drop zone and a tab per project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ts-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ts-file-list.h"
#include "ts-format-info.h"
#include "ts-library-link.h"
#include "ts-library-page.h"
#include "ts-license.h"
#include "ts-license-features.h"
#include "ts-mnemonic-labels.h"
#include "ts-quiet-tooltips.h"
#include "ts-window.h"
#include "ts-window-private.h"
#include "ts-window-batch.h"

struct _TsWindow
{
  AdwApplicationWindow  parent_instance;

  AdwWindowTitle       *window_title;
  /* Copy, with the export formats in its menu: one control for both,
   * insensitive together when there is nothing to copy. */
  AdwSplitButton       *copy_button;
  GtkButton            *open_button;
  GtkToggleButton      *settings_button;
  TsLibraryPage        *library_page;
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  AdwTabView           *tab_view;
  AdwToastOverlay      *toast_overlay;
  GtkProgressBar       *batch_progress;
  GtkWidget            *drop_highlight;

  GtkDropTarget        *drop_target;
  TsLibrary            *library;
  TsSyncScheduler      *sync_scheduler;
  gboolean              owns_sync_scheduler;
  gboolean              library_shown;
  GSettings            *settings;
  TsProjectView        *bound_view;
  GBinding             *revealed_binding;

  /* Views opened before the first frame, which read their file after it. */
  GPtrArray            *unread_views;
  gulong                first_paint_handler;
};

G_DEFINE_FINAL_TYPE (TsWindow, ts_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_LIBRARY,
  PROP_SYNC_SCHEDULER,
  PROP_LIBRARY_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
ts_export_format_label (TsExportFormat format)
{
  switch (format)
    {
    case TS_EXPORT_TEXT:
      return _("Text with the Line Template");
    case TS_EXPORT_YOUTUBE:
      return _("YouTube Chapters");
    case TS_EXPORT_CUE:
      return _("CUE Sheet");
    case TS_EXPORT_CSV:
      return _("CSV Spreadsheet");
    case TS_EXPORT_JSON:
      return _("JSON");
    case TS_EXPORT_FFMETADATA:
      return _("FFmpeg Chapters");
    case TS_EXPORT_PODCAST:
      return _("Podcasting 2.0 Chapters");
    case TS_EXPORT_WEBVTT:
      return _("WebVTT Chapters");
    case TS_EXPORT_AUDACITY:
      return _("Audacity Labels");
    }

  g_return_val_if_reached (NULL);
}

static GMenuModel *
build_export_menu (void)
{
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < TS_EXPORT_N_FORMATS; i++)
    {
      g_autofree char *label = g_strdup_printf ("%s…", ts_export_format_label (i));
      g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

      g_menu_item_set_action_and_target (item, "win.export", "s", ts_export_format_to_string (i));
      g_menu_append_item (menu, item);
    }

  return G_MENU_MODEL (menu);
}

static char *
describe_folder (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autoptr(GFile) home = g_file_new_for_path (g_get_home_dir ());
  g_autofree char *relative = NULL;

  if (parent == NULL)
    return NULL;

  if (g_file_equal (parent, home))
    return g_strdup ("~");

  /* g_build_filename: the relative path has Windows' separators there. */
  if ((relative = g_file_get_relative_path (home, parent)))
    return g_build_filename ("~", relative, NULL);

  return g_file_get_parse_name (parent);
}

static void
update_view_state (TsWindow *self)
{
  TsProjectView *view = self->bound_view;
  TsDocument *document = view != NULL ? ts_project_view_get_document (view) : NULL;
  const TsTracklist *tracklist = document != NULL ? ts_document_get_tracklist (document) : NULL;
  /* A project without markers has nothing to copy or export. */
  gboolean has_result = tracklist != NULL && ts_tracklist_get_n_tracks (tracklist) > 0;

  if (document != NULL)
    {
      g_autofree char *folder = describe_folder (ts_document_get_file (document));

      adw_window_title_set_title (self->window_title, ts_document_get_title (document));
      adw_window_title_set_subtitle (self->window_title, folder);
      gtk_window_set_title (GTK_WINDOW (self), ts_document_get_title (document));
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Timestamps"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Timestamps"));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->copy_button), view != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->settings_button), view != NULL);
  /* The empty page has its own, larger Open button. */
  gtk_widget_set_visible (GTK_WIDGET (self->open_button), view != NULL);
  /* The menu has no action of its own: insensitive, the button says at
   * once what nine disabled items would only say once opened. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->copy_button), has_result);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-timestamps", has_result);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_result);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-menu", has_result);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", view != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-tab", view != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-all",
                                 view != NULL && !ts_window_get_batch_running (self));
}

static void
unbind_settings_flap (TsWindow *self)
{
  g_clear_pointer (&self->revealed_binding, g_binding_unbind);
}

static void
on_selected_page_changed (TsWindow *self)
{
  AdwTabPage *page = adw_tab_view_get_selected_page (self->tab_view);
  TsProjectView *view = page ? TS_PROJECT_VIEW (adw_tab_page_get_child (page)) : NULL;

  if (view != self->bound_view)
    {
      if (self->bound_view != NULL)
        g_signal_handlers_disconnect_by_func (ts_project_view_get_document (self->bound_view),
                                              update_view_state, self);

      g_set_weak_pointer (&self->bound_view, view);
      unbind_settings_flap (self);

      if (view != NULL)
        {
          AdwFlap *flap = ts_project_view_get_settings_flap (view);

          g_signal_connect_object (ts_project_view_get_document (view), "notify::tracklist",
                                   G_CALLBACK (update_view_state), self, G_CONNECT_SWAPPED);
          /* Shows and hides the settings column, beside the tracklist or,
           * where the window is too narrow, over it. */
          self->revealed_binding = g_object_bind_property (flap, "reveal-flap", self->settings_button, "active",
                                                           G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
        }
    }

  update_view_state (self);
}

/* The Library, when asked for, covers the tabs. */
static void
on_n_pages_changed (TsWindow *self)
{
  guint n_pages = adw_tab_view_get_n_pages (self->tab_view);

  if (self->library_shown)
    gtk_stack_set_visible_child_name (self->stack, "library");
  else
    gtk_stack_set_visible_child_name (self->stack, n_pages > 0 ? "tabs" : "empty");
}

static AdwTabPage *
find_page (TsWindow *self,
           GFile    *file)
{
  guint n_pages = adw_tab_view_get_n_pages (self->tab_view);

  for (guint i = 0; i < n_pages; i++)
    {
      AdwTabPage *page = adw_tab_view_get_nth_page (self->tab_view, i);
      TsProjectView *view = TS_PROJECT_VIEW (adw_tab_page_get_child (page));

      if (g_file_equal (ts_document_get_file (ts_project_view_get_document (view)), file))
        return page;
    }

  return NULL;
}

static void
reload_view (TsProjectView *view)
{
  ts_document_reload (ts_project_view_get_document (view));
}

/* Each project starts with the choices of the preferences. */
static TsDocument *
new_document (TsWindow *self,
              GFile    *file)
{
  g_autofree char *template_ = g_settings_get_string (self->settings, "template");

  return g_object_new (TS_TYPE_DOCUMENT,
                       "file", file,
                       "mode", g_settings_get_enum (self->settings, "tempo-mode"),
                       "hours", g_settings_get_enum (self->settings, "hours-style"),
                       "milliseconds", g_settings_get_boolean (self->settings, "milliseconds"),
                       "rounding", g_settings_get_enum (self->settings, "rounding"),
                       "template", template_,
                       NULL);
}

static void
open_file (TsWindow *self,
           GFile    *file)
{
  g_autoptr(GFile) normalized = ts_file_normalize (file);
  g_autoptr(TsDocument) document = NULL;
  AdwTabPage *page;
  TsProjectView *view;

  /* What is opened is what the user wants to see. */
  ts_window_set_library_shown (self, FALSE);

  if ((page = find_page (self, normalized)))
    {
      adw_tab_view_set_selected_page (self->tab_view, page);
      reload_view (TS_PROJECT_VIEW (adw_tab_page_get_child (page)));
      return;
    }

  document = new_document (self, normalized);
  /* Once the window is on screen, the worker reads while the view is
   * built: the result reaches the main loop only after this returns. */
  if (self->unread_views == NULL)
    ts_document_reload (document);
  view = ts_project_view_new (document);
  /* Lives as long as the tab: every read and edit goes to the library. */
  g_object_set_data_full (G_OBJECT (view), "ts-library-link",
                          ts_library_link_new (self->library, document), g_object_unref);
  page = adw_tab_view_append (self->tab_view, GTK_WIDGET (view));
  g_object_bind_property (document, "title", page, "title", G_BINDING_SYNC_CREATE);
  g_object_bind_property (view, "loading", page, "loading", G_BINDING_SYNC_CREATE);
  adw_tab_page_set_tooltip (page, g_file_peek_path (normalized));
  adw_tab_view_set_selected_page (self->tab_view, page);

  if (self->unread_views != NULL)
    g_ptr_array_add (self->unread_views, g_object_ref (view));
}

static void
on_library_open_file (TsWindow *self,
                      GFile    *file)
{
  open_file (self, file);
}

/**
 * ts_window_open_files:
 * @files: (array length=n_files): projects to show, each in its own tab
 *
 * A file already open is shown and read again instead of opened twice.
 */
void
ts_window_open_files (TsWindow  *self,
                      GFile    **files,
                      guint      n_files)
{
  g_return_if_fail (TS_IS_WINDOW (self));
  g_return_if_fail (files != NULL || n_files == 0);

  for (guint i = 0; i < n_files; i++)
    open_file (self, files[i]);
}

/* Matches the format's extensions in any case, as the loader does. */
static void
add_format (GtkFileFilter      *filter,
            const TsFormatInfo *info)
{
  for (guint i = 0; info->extensions[i] != NULL; i++)
    gtk_file_filter_add_suffix (filter, info->extensions[i] + 1);
}

static GtkFileFilter *
new_supported_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("All supported projects"));
  for (guint i = 0; i < TS_N_FORMATS; i++)
    {
      const TsFormatInfo *info = ts_format_info_get (i);

      add_format (filter, info);
      for (guint j = 0; info->other_globs != NULL && info->other_globs[j] != NULL; j++)
        gtk_file_filter_add_pattern (filter, info->other_globs[j]);
      gtk_file_filter_add_mime_type (filter, info->mime_type);
    }

  return filter;
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  TsWindow *self = TS_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      guint n = g_list_model_get_n_items (files);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          open_file (self, file);
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TsWindow *self = TS_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) supported = new_supported_filter ();
  g_autoptr(GtkFileFilter) any = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Open Project"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), supported);
  for (guint i = 0; i < TS_N_FORMATS; i++)
    {
      const TsFormatInfo *info = ts_format_info_get (i);
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _(info->plural_label));
      add_format (filter, info);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    }
  gtk_file_filter_set_name (any, _("All files"));
  gtk_file_filter_add_pattern (any, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), any);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (dialog), supported);

  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TsProjectView *view = ts_window_get_current_view (TS_WINDOW (widget));

  if (view != NULL)
    ts_project_view_copy (view);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TsProjectView *view = ts_window_get_current_view (TS_WINDOW (widget));
  TsExportFormat format;

  if (view != NULL && ts_export_format_from_string (g_variant_get_string (parameter, NULL), &format))
    ts_project_view_export (view, format);
}

static void
export_menu_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TsWindow *self = TS_WINDOW (widget);

  if (gtk_widget_get_visible (GTK_WIDGET (self->copy_button)))
    adw_split_button_popup (self->copy_button);
}

static void
export_all_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ts_window_batch_export_all (TS_WINDOW (widget));
}

static void
export_folder_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ts_window_batch_export_folder (TS_WINDOW (widget));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TsProjectView *view = ts_window_get_current_view (TS_WINDOW (widget));

  if (view != NULL)
    reload_view (view);
}

static void
close_tab_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TsWindow *self = TS_WINDOW (widget);
  AdwTabPage *page = adw_tab_view_get_selected_page (self->tab_view);

  if (page != NULL)
    adw_tab_view_close_page (self->tab_view, page);
}

/* The window is on screen: what it opened meanwhile is read now, each in
 * its worker thread, so reading never competes with the first frame. */
static void
on_first_paint (TsWindow      *self,
                GdkFrameClock *frame_clock)
{
  g_autoptr(GPtrArray) views = g_steal_pointer (&self->unread_views);

  g_clear_signal_handler (&self->first_paint_handler, frame_clock);

  for (guint i = 0; i < views->len; i++)
    {
      TsProjectView *view = g_ptr_array_index (views, i);

      /* A tab closed before the first frame needs no reading. */
      if (gtk_widget_get_parent (GTK_WIDGET (view)) != NULL)
        reload_view (view);
    }
}

static void
ts_window_realize (GtkWidget *widget)
{
  TsWindow *self = TS_WINDOW (widget);

  GTK_WIDGET_CLASS (ts_window_parent_class)->realize (widget);

  if (self->unread_views != NULL)
    self->first_paint_handler =
      g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                               G_CALLBACK (on_first_paint), self, G_CONNECT_SWAPPED);
}

static void
ts_window_dispose (GObject *object)
{
  TsWindow *self = (TsWindow *)object;

  /* Cancels a sync under way; it ends in its worker. The application's
   * goes on for its other windows. */
  if (self->owns_sync_scheduler)
    ts_sync_scheduler_set_enabled (self->sync_scheduler, FALSE);
  g_clear_object (&self->sync_scheduler);

  if (self->bound_view != NULL)
    g_signal_handlers_disconnect_by_func (ts_project_view_get_document (self->bound_view),
                                          update_view_state, self);
  g_clear_weak_pointer (&self->bound_view);
  unbind_settings_flap (self);

  gtk_widget_dispose_template (GTK_WIDGET (self), TS_TYPE_WINDOW);

  G_OBJECT_CLASS (ts_window_parent_class)->dispose (object);
}

/* Sync is Pro's: on while a licence allows it, checked again whenever
 * the Library is shown, so a licence activated meanwhile counts. */
static void
update_sync_enabled (TsWindow *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *path = ts_license_get_default_path ();
  g_autoptr(TsLicense) license = ts_license_load (path, NULL, now, NULL);

  ts_sync_scheduler_set_enabled (self->sync_scheduler,
                                 license != NULL && ts_license_allows (license, TS_FEATURE_SYNC));
}

static void
ts_window_constructed (GObject *object)
{
  TsWindow *self = (TsWindow *)object;

  G_OBJECT_CLASS (ts_window_parent_class)->constructed (object);

  g_assert (G_IS_SETTINGS (self->settings));

  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);

  /* XDG_DATA_HOME decides where; timestamps-cli and other windows write
   * there too, and the Library view follows them. */
  if (self->library == NULL)
    self->library = ts_library_new (NULL);
  ts_library_watch (self->library);
  ts_library_page_set_library (self->library_page, self->library);

  if (self->sync_scheduler == NULL)
    {
      self->sync_scheduler = ts_sync_scheduler_new (self->library, NULL);
      self->owns_sync_scheduler = TRUE;
    }
  ts_library_page_set_sync_scheduler (self->library_page, self->sync_scheduler);
  update_sync_enabled (self);
}

static void
ts_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TsWindow *self = TS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_LIBRARY:
      g_value_set_object (value, self->library);
      break;

    case PROP_SYNC_SCHEDULER:
      g_value_set_object (value, self->sync_scheduler);
      break;

    case PROP_LIBRARY_SHOWN:
      g_value_set_boolean (value, self->library_shown);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  TsWindow *self = TS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_LIBRARY:
      self->library = g_value_dup_object (value);
      break;

    case PROP_SYNC_SCHEDULER:
      self->sync_scheduler = g_value_dup_object (value);
      break;

    case PROP_LIBRARY_SHOWN:
      ts_window_set_library_shown (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_window_finalize (GObject *object)
{
  TsWindow *self = (TsWindow *)object;

  g_clear_object (&self->settings);
  g_clear_object (&self->library);
  g_clear_pointer (&self->unread_views, g_ptr_array_unref);

  G_OBJECT_CLASS (ts_window_parent_class)->finalize (object);
}

static void
ts_window_class_init (TsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ts_window_dispose;
  object_class->constructed = ts_window_constructed;
  object_class->finalize = ts_window_finalize;
  object_class->get_property = ts_window_get_property;
  object_class->set_property = ts_window_set_property;

  /* The application's, or in tests one per window: the window keeps its
   * size there and takes each new project's defaults from it. */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* Where opened projects are recorded; the user's library when unset,
   * one of their own in tests. */
  properties[PROP_LIBRARY] =
    g_param_spec_object ("library", NULL, NULL,
                         TS_TYPE_LIBRARY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* Syncs the library; the application's, shared by its windows so that
   * they sync once, else one of the window's own. */
  properties[PROP_SYNC_SCHEDULER] =
    g_param_spec_object ("sync-scheduler", NULL, NULL,
                         TS_TYPE_SYNC_SCHEDULER,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* The Library view covers the tabs; the main menu's Library item. */
  properties[PROP_LIBRARY_SHOWN] =
    g_param_spec_boolean ("library-shown", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  widget_class->realize = ts_window_realize;

  gtk_widget_class_set_template_from_resource (widget_class, "/me/timestamps/Timestamps/ui/ts-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TsWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, copy_button);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, settings_button);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, library_page);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, tab_view);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, batch_progress);
  gtk_widget_class_bind_template_child (widget_class, TsWindow, drop_highlight);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_page_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_n_pages_changed);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.copy-timestamps", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "win.export-menu", NULL, export_menu_action);
  gtk_widget_class_install_action (widget_class, "win.export-all", NULL, export_all_action);
  gtk_widget_class_install_action (widget_class, "win.export-folder", NULL, export_folder_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.close-tab", NULL, close_tab_action);
  gtk_widget_class_install_property_action (widget_class, "win.show-library", "library-shown");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.copy-timestamps", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "win.close-tab", NULL);

  g_type_ensure (TS_TYPE_PROJECT_VIEW);
  g_type_ensure (TS_TYPE_LIBRARY_PAGE);
}

/* Names every format the table has, so the invitation cannot forget one. */
static char *
build_drop_invitation (void)
{
  /* Translators: joins the other formats in "Drop %s". */
  const char *separator = C_("formats to drop", ", ");
  /* Translators: joins the last two formats in "Drop %s". */
  const char *last_separator = C_("formats to drop", " or ");
  g_autofree char *formats = ts_format_info_join_phrases (FALSE, separator, last_separator);

  /* Translators: the empty window's invitation; %s lists the formats,
   * e.g. "an Ableton Live set, an FL Studio project or a cue sheet". */
  return g_strdup_printf (_("Drop %s"), formats);
}

static void
ts_window_init (TsWindow *self)
{
  g_autoptr(GMenuModel) export_menu = build_export_menu ();
  g_autofree char *invitation = build_drop_invitation ();

  gtk_widget_init_template (GTK_WIDGET (self));
  ts_mnemonic_labels_fix (GTK_WIDGET (self));

  self->unread_views = g_ptr_array_new_with_free_func (g_object_unref);
  adw_status_page_set_description (self->empty_page, invitation);

  adw_split_button_set_menu_model (self->copy_button, export_menu);

  self->drop_target = _ts_window_add_drop_target (self, self->drop_highlight);

  g_signal_connect_object (self->library_page, "open-file", G_CALLBACK (on_library_open_file), self,
                           G_CONNECT_SWAPPED);

  update_view_state (self);
  ts_quiet_tooltips_until_motion (GTK_WIDGET (self));
}

TsWindow *
ts_window_new (GtkApplication  *application,
               GSettings       *settings,
               TsLibrary       *library,
               TsSyncScheduler *sync_scheduler)
{
  g_return_val_if_fail (!application || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (!library || TS_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (!sync_scheduler || TS_IS_SYNC_SCHEDULER (sync_scheduler), NULL);

  return g_object_new (TS_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       "library", library,
                       "sync-scheduler", sync_scheduler,
                       NULL);
}

/**
 * ts_window_get_current_view:
 *
 * Returns: (transfer none) (nullable): the project in the selected tab
 */
TsProjectView *
ts_window_get_current_view (TsWindow *self)
{
  AdwTabPage *page;

  g_return_val_if_fail (TS_IS_WINDOW (self), NULL);

  if (!(page = adw_tab_view_get_selected_page (self->tab_view)))
    return NULL;

  return TS_PROJECT_VIEW (adw_tab_page_get_child (page));
}

guint
ts_window_get_n_views (TsWindow *self)
{
  g_return_val_if_fail (TS_IS_WINDOW (self), 0);

  return adw_tab_view_get_n_pages (self->tab_view);
}

/**
 * ts_window_get_drop_target:
 *
 * Returns: (transfer none): the target that takes files dropped anywhere
 *   on the window
 */
GtkDropTarget *
ts_window_get_drop_target (TsWindow *self)
{
  g_return_val_if_fail (TS_IS_WINDOW (self), NULL);

  return self->drop_target;
}

/**
 * ts_window_get_nth_view:
 *
 * Returns: (transfer none): the project in the @n-th tab
 */
TsProjectView *
ts_window_get_nth_view (TsWindow *self,
                        guint     n)
{
  g_return_val_if_fail (TS_IS_WINDOW (self), NULL);
  g_return_val_if_fail ((int) n < adw_tab_view_get_n_pages (self->tab_view), NULL);

  return TS_PROJECT_VIEW (adw_tab_page_get_child (adw_tab_view_get_nth_page (self->tab_view, n)));
}

/**
 * ts_window_get_settings:
 *
 * Returns: (transfer none): the settings the window was made with
 */
GSettings *
ts_window_get_settings (TsWindow *self)
{
  g_return_val_if_fail (TS_IS_WINDOW (self), NULL);

  return self->settings;
}

void
ts_window_add_toast (TsWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (TS_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* One batch at a time per window: the progress bar is its. */
gboolean
ts_window_get_batch_running (TsWindow *self)
{
  g_return_val_if_fail (TS_IS_WINDOW (self), FALSE);

  return gtk_widget_get_visible (GTK_WIDGET (self->batch_progress));
}

void
ts_window_begin_batch (TsWindow *self)
{
  g_return_if_fail (TS_IS_WINDOW (self));

  gtk_progress_bar_set_fraction (self->batch_progress, 0.0);
  gtk_widget_set_visible (GTK_WIDGET (self->batch_progress), TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-folder", FALSE);
  update_view_state (self);
}

void
ts_window_set_batch_progress (TsWindow *self,
                              double    fraction)
{
  g_return_if_fail (TS_IS_WINDOW (self));

  gtk_progress_bar_set_fraction (self->batch_progress, fraction);
}

void
ts_window_end_batch (TsWindow *self)
{
  g_return_if_fail (TS_IS_WINDOW (self));

  gtk_widget_set_visible (GTK_WIDGET (self->batch_progress), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-folder", TRUE);
  update_view_state (self);
}

GtkWidget *
_ts_window_get_library_page (TsWindow *self)
{
  return GTK_WIDGET (self->library_page);
}

void
ts_window_set_library_shown (TsWindow *self,
                             gboolean  shown)
{
  g_return_if_fail (TS_IS_WINDOW (self));

  shown = !!shown;
  if (self->library_shown == shown)
    return;

  self->library_shown = shown;
  if (shown)
    update_sync_enabled (self);
  on_n_pages_changed (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LIBRARY_SHOWN]);
}
