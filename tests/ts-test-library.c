/* ts-test-library.c - library documents and sync settings for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-test-library.h"

#include "ts-sync-settings.h"

char *
ts_test_library_add_cue (TsLibrary  *library,
                         const char *name)
{
  g_autoptr(TsTracklist) tracklist = ts_tracklist_new (TS_FORMAT_CUE);
  g_autoptr(TsLibraryDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_free (tracklist->file);
  tracklist->file = g_strdup (name);
  ts_tracklist_add (tracklist, 0.0, 0.0, "Intro");
  ts_tracklist_add (tracklist, 90.0, 0.0, "Outro");
  document = ts_library_document_new (tracklist);
  g_assert_true (ts_library_save (library, document, &error));
  g_assert_no_error (error);
  return g_strdup (document->id);
}

void
ts_test_library_rename_first (TsLibrary  *library,
                              const char *id,
                              const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TsLibraryDocument) document = ts_library_load (library, id, &error);
  g_autoptr(GPtrArray) keys = NULL;

  g_assert_no_error (error);
  keys = ts_library_document_get_keys (document);
  ts_edits_set_title (document->edits, g_ptr_array_index (keys, 0), title);
  g_assert_true (ts_library_save (library, document, &error));
  g_assert_no_error (error);
}

void
ts_test_sync_settings_save (TsTestService *server,
                            const char    *password)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ts_sync_settings_save (ts_test_service_get_url (server), TS_TEST_WEBDAV_USER,
                                        password, &error));
  g_assert_no_error (error);
}
