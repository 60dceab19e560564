/* ts-library-page.c - every tracklist in the library, to find, open and
 * delete
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A view of the library folder: it lists what is on disk again whenever
 * a document changes (here, in an open project, in timestamps-cli or
 * through sync), so it never holds a copy that could go stale. Deleting
 * leaves a tombstone; the toast's Undo saves the document back.
 *
 * With sync on (a TsSyncScheduler that is active), each row shows how its
 * tracklist stands with the server and a bar above says when the last
 * sync was, how it went, and offers Sync Now; all of it read from the
 * scheduler, which syncs in a worker.
 */
#define G_LOG_DOMAIN "ts-library-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ts-library-page.h"
#include "ts-library-page-private.h"
#include "ts-sync-scheduler.h"

#define DOCUMENT_KEY "ts-library-document"
#define SYNC_IMAGE_KEY "ts-sync-image"

struct _TsLibraryPage
{
  AdwBin           parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkSearchEntry  *search_entry;
  GtkListBox      *list_box;
  GtkWidget       *sync_bar;
  GtkLabel        *sync_label;
  GtkWidget       *sync_button;

  TsLibrary       *library;
  TsSyncScheduler *scheduler;
  guint            refresh_source;
  AdwToast        *last_toast;
  /* Problems shown once: a document from a newer version stays, and
   * would otherwise be reported at every change. */
  GHashTable      *reported;
};

G_DEFINE_FINAL_TYPE (TsLibraryPage, ts_library_page, ADW_TYPE_BIN)

enum {
  OPEN_FILE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const TsLibraryDocument *
row_get_document (GtkListBoxRow *row)
{
  return g_object_get_data (G_OBJECT (row), DOCUMENT_KEY);
}

static void
show_toast (TsLibraryPage *self,
            AdwToast      *toast)
{
  g_set_object (&self->last_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_error (TsLibraryPage *self,
            const GError  *error)
{
  AdwToast *toast = adw_toast_new (error->message);

  adw_toast_set_timeout (toast, 0);
  show_toast (self, toast);
}

/* The tombstone's revision, not the one the row showed: sync or another
 * program may have written it since. */
static void
on_undo (AdwToast      *toast,
         TsLibraryPage *self)
{
  const char *id = g_object_get_data (G_OBJECT (toast), "ts-id");
  g_autoptr(TsLibraryDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = ts_library_load (self->library, id, &error);
  if (document != NULL)
    {
      document->deleted = FALSE;
      ts_library_save (self->library, document, &error);
    }
  if (error != NULL)
    show_error (self, error);
}

static void
on_delete_clicked (GtkListBoxRow *row,
                   GtkButton     *button)
{
  TsLibraryPage *self = TS_LIBRARY_PAGE (gtk_widget_get_ancestor (GTK_WIDGET (row), TS_TYPE_LIBRARY_PAGE));
  g_autoptr(TsLibraryDocument) document = ts_library_document_copy (row_get_document (row));
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (!ts_library_delete (self->library, document, &error))
    {
      show_error (self, error);
      return;
    }

  /* Translators: the project's file name. */
  toast = adw_toast_new_format (_("“%s” deleted"), document->tracklist->file);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "ts-id", g_strdup (document->id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo), self, 0);
  show_toast (self, toast);
}

static char *
describe (const TsLibraryDocument *document)
{
  g_autoptr(TsTracklist) tracklist = ts_library_document_build_tracklist (document);
  g_autoptr(GDateTime) modified = g_date_time_new_from_unix_local (document->modified);
  g_autofree char *date = modified != NULL ? g_date_time_format (modified, "%x") : g_strdup ("");
  guint n = ts_tracklist_get_n_tracks (tracklist);
  g_autofree char *markers = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u marker", "%u markers", n), n);

  /* Translators: how many markers, then when the tracklist last changed,
   * then the project's path, e.g. "12 markers · 03/12/2026 · ~/set.als". */
  return g_strdup_printf (_("%s · %s · %s"), markers, date,
                          document->source_path != NULL ? document->source_path : "");
}

static GtkWidget *
new_row (const TsLibraryDocument *document)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sync_image = gtk_image_new ();
  GtkWidget *delete = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *subtitle = describe (document);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), document->tracklist->file);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), document->source_path != NULL);

  /* How the tracklist stands with sync (show_sync()). */
  gtk_widget_set_visible (sync_image, FALSE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sync_image);

  gtk_widget_set_valign (delete, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (delete, "flat");
  gtk_widget_set_tooltip_text (delete, _("Delete"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete"), -1);
  g_signal_connect_swapped (delete, "clicked", G_CALLBACK (on_delete_clicked), row);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);

  g_object_set_data_full (G_OBJECT (row), DOCUMENT_KEY, ts_library_document_copy (document),
                          (GDestroyNotify)ts_library_document_free);
  g_object_set_data (G_OBJECT (row), SYNC_IMAGE_KEY, sync_image);
  return row;
}

static void
report_problems (TsLibraryPage *self,
                 GPtrArray     *problems)
{
  for (guint i = 0; i < problems->len; i++)
    {
      const GError *problem = g_ptr_array_index (problems, i);

      if (g_hash_table_add (self->reported, g_strdup (problem->message)))
        show_error (self, problem);
    }
}

static void
set_row_sync_state (GtkWidget  *row,
                    const char *icon_name,
                    const char *description)
{
  GtkWidget *image = g_object_get_data (G_OBJECT (row), SYNC_IMAGE_KEY);

  gtk_image_set_from_icon_name (GTK_IMAGE (image), icon_name);
  gtk_widget_set_tooltip_text (image, description);
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    description, -1);
  gtk_widget_set_visible (image, icon_name != NULL);
}

static void
show_sync_status (TsLibraryPage *self,
                  GtkWidget     *row)
{
  const TsLibraryDocument *document = row_get_document (GTK_LIST_BOX_ROW (row));
  const char *detail;
  g_autofree char *problem = NULL;

  switch (ts_sync_scheduler_get_status (self->scheduler, document, &detail))
    {
    case TS_SYNC_STATUS_SYNCED:
      set_row_sync_state (row, "emblem-ok-symbolic", _("Synced"));
      return;
    case TS_SYNC_STATUS_PENDING:
      set_row_sync_state (row, "emblem-synchronizing-symbolic", _("Waiting to upload"));
      return;
    case TS_SYNC_STATUS_CONFLICTED_COPY:
      set_row_sync_state (row, "edit-copy-symbolic",
                          _("Conflicted copy: this computer’s version, kept beside "
                            "the other computer’s"));
      return;
    case TS_SYNC_STATUS_FAILED:
      /* Translators: why sync could not sync this tracklist. */
      problem = g_strdup_printf (_("Not synced: %s"), detail);
      set_row_sync_state (row, "dialog-warning-symbolic", problem);
      return;
    }
}

/* today at 14:02, or the date before. */
static char *
format_time (gint64 when)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (when);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  if (time == NULL)
    return g_strdup ("");
  if (g_date_time_get_year (time) == g_date_time_get_year (now)
      && g_date_time_get_day_of_year (time) == g_date_time_get_day_of_year (now))
    /* Translators: when sync last went through today; a strftime format. */
    return g_date_time_format (time, _("today at %H:%M"));
  /* Translators: when sync last went through, before today; a strftime format. */
  return g_date_time_format (time, _("%x at %H:%M"));
}

static char *
describe_sync (TsSyncScheduler *scheduler)
{
  const GError *error = ts_sync_scheduler_get_last_error (scheduler);
  gint64 last_sync = ts_sync_scheduler_get_last_sync (scheduler);
  g_autofree char *when = last_sync > 0 ? format_time (last_sync) : NULL;
  g_autofree char *outcome = NULL;

  if (ts_sync_scheduler_is_running (scheduler))
    return g_strdup (_("Syncing…"));
  if (error != NULL)
    {
      /* Translators: why the last sync failed, e.g. "the sync server is full …". */
      outcome = g_strdup_printf (_("Sync failed: %s."), error->message);
      if (when == NULL)
        return g_steal_pointer (&outcome);
      /* Translators: why the last sync failed, then when one last went through. */
      return g_strdup_printf (_("%s Last synced %s."), outcome, when);
    }
  if (when == NULL)
    return g_strdup (_("Not synced yet."));
  /* Translators: e.g. "Last synced today at 14:02." */
  return g_strdup_printf (_("Last synced %s."), when);
}

/* The bar and every row's state, as the scheduler has them now. */
static void
show_sync (TsLibraryPage *self)
{
  gboolean active = self->scheduler != NULL && ts_sync_scheduler_is_active (self->scheduler);
  g_autofree char *summary = NULL;

  gtk_widget_set_visible (self->sync_bar, active);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (active)
        show_sync_status (self, row);
      else
        set_row_sync_state (row, NULL, NULL);
    }
  if (!active)
    return;
  summary = describe_sync (self->scheduler);
  gtk_label_set_text (self->sync_label, summary);
  gtk_widget_set_sensitive (self->sync_button, !ts_sync_scheduler_is_running (self->scheduler));
}

static void
on_sync_now_clicked (TsLibraryPage *self)
{
  ts_sync_scheduler_sync_now (self->scheduler);
}

void
_ts_library_page_refresh (TsLibraryPage *self)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  guint n_shown = 0;

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  documents = self->library != NULL ? ts_library_list (self->library, &problems, &error) : NULL;
  if (error != NULL)
    show_error (self, error);
  if (problems != NULL)
    report_problems (self, problems);

  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      const TsLibraryDocument *document = g_ptr_array_index (documents, i);

      if (document->deleted)
        continue;
      gtk_list_box_append (self->list_box, new_row (document));
      n_shown++;
    }

  gtk_stack_set_visible_child_name (self->stack, n_shown > 0 ? "list" : "empty");
  show_sync (self);
}

static gboolean
refresh_idle (gpointer data)
{
  TsLibraryPage *self = data;

  self->refresh_source = 0;
  _ts_library_page_refresh (self);
  return G_SOURCE_REMOVE;
}

/* An edit saves the document at once, a reload or a sync many: list
 * once they are done. */
static void
on_document_changed (TsLibraryPage *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle, self);
}

static gboolean
contains_folded (const char *haystack,
                 const char *needle)
{
  g_autofree char *folded = haystack != NULL ? g_utf8_casefold (haystack, -1) : NULL;

  return folded != NULL && strstr (folded, needle) != NULL;
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       data)
{
  TsLibraryPage *self = data;
  const TsLibraryDocument *document = row_get_document (row);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = NULL;

  if (text[0] == '\0')
    return TRUE;

  needle = g_utf8_casefold (text, -1);
  return contains_folded (document->tracklist->file, needle) ||
         contains_folded (document->source_path, needle);
}

static void
on_search_changed (TsLibraryPage *self)
{
  gtk_list_box_invalidate_filter (self->list_box);
}

static void
on_row_activated (TsLibraryPage *self,
                  GtkListBoxRow *row)
{
  const TsLibraryDocument *document = row_get_document (row);
  g_autoptr(GFile) file = NULL;

  if (document->source_path == NULL)
    return;
  file = g_file_new_for_path (document->source_path);
  g_signal_emit (self, signals[OPEN_FILE], 0, file);
}

static void
ts_library_page_dispose (GObject *object)
{
  TsLibraryPage *self = (TsLibraryPage *)object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_clear_object (&self->library);
  if (self->scheduler != NULL)
    g_signal_handlers_disconnect_by_data (self->scheduler, self);
  g_clear_object (&self->scheduler);
  g_clear_object (&self->last_toast);

  G_OBJECT_CLASS (ts_library_page_parent_class)->dispose (object);
}

static void
ts_library_page_finalize (GObject *object)
{
  TsLibraryPage *self = (TsLibraryPage *)object;

  g_clear_pointer (&self->reported, g_hash_table_unref);

  G_OBJECT_CLASS (ts_library_page_parent_class)->finalize (object);
}

static void
ts_library_page_class_init (TsLibraryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ts_library_page_dispose;
  object_class->finalize = ts_library_page_finalize;

  /**
   * TsLibraryPage::open-file:
   * @file: the project of the row the user activated
   */
  signals[OPEN_FILE] =
    g_signal_new ("open-file",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, "/me/timestamps/Timestamps/ui/ts-library-page.ui");
  gtk_widget_class_bind_template_child (widget_class, TsLibraryPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TsLibraryPage, stack);
  gtk_widget_class_bind_template_child (widget_class, TsLibraryPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TsLibraryPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, TsLibraryPage, sync_bar);
  gtk_widget_class_bind_template_child (widget_class, TsLibraryPage, sync_label);
  gtk_widget_class_bind_template_child (widget_class, TsLibraryPage, sync_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_sync_now_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
ts_library_page_init (TsLibraryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_list_box_set_filter_func (self->list_box, filter_row, self, NULL);
}

/* The page lists @library and follows its changes. */
void
ts_library_page_set_library (TsLibraryPage *self,
                             TsLibrary     *library)
{
  g_return_if_fail (TS_IS_LIBRARY_PAGE (self));
  g_return_if_fail (TS_IS_LIBRARY (library));

  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_set_object (&self->library, library);
  g_signal_connect_swapped (library, "document-changed", G_CALLBACK (on_document_changed), self);
  _ts_library_page_refresh (self);
}

/* The page shows how @scheduler's syncs go and the state of each row,
 * while it is active. */
void
ts_library_page_set_sync_scheduler (TsLibraryPage   *self,
                                    TsSyncScheduler *scheduler)
{
  g_return_if_fail (TS_IS_LIBRARY_PAGE (self));
  g_return_if_fail (TS_IS_SYNC_SCHEDULER (scheduler));

  if (self->scheduler != NULL)
    g_signal_handlers_disconnect_by_data (self->scheduler, self);
  g_set_object (&self->scheduler, scheduler);
  g_signal_connect_swapped (scheduler, "changed", G_CALLBACK (show_sync), self);
  show_sync (self);
}

GtkListBox *
_ts_library_page_get_list_box (TsLibraryPage *self)
{
  return self->list_box;
}

GtkEditable *
_ts_library_page_get_search (TsLibraryPage *self)
{
  return GTK_EDITABLE (self->search_entry);
}

/* Returns: (nullable) (transfer none): what the row of @id says of its
 * sync state */
const char *
_ts_library_page_get_sync_state (TsLibraryPage *self,
                                 const char    *id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list_box));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *image = g_object_get_data (G_OBJECT (row), SYNC_IMAGE_KEY);

      if (g_strcmp0 (row_get_document (GTK_LIST_BOX_ROW (row))->id, id) == 0)
        return gtk_widget_get_visible (image) ? gtk_widget_get_tooltip_text (image) : NULL;
    }
  return NULL;
}

/* Returns: (nullable): the sync bar's text, NULL while it is hidden */
const char *
_ts_library_page_get_sync_summary (TsLibraryPage *self)
{
  return gtk_widget_get_visible (self->sync_bar) ? gtk_label_get_text (self->sync_label) : NULL;
}

GtkWidget *
_ts_library_page_get_sync_button (TsLibraryPage *self)
{
  return self->sync_button;
}

/* Returns: (nullable) (transfer none): the toast shown last */
AdwToast *
_ts_library_page_get_last_toast (TsLibraryPage *self)
{
  return self->last_toast;
}
