/* ts-test-library.h - library documents and sync settings for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ts-library.h"
#include "ts-test-service.h"

G_BEGIN_DECLS

/* A cue sheet tracklist of two markers, "Intro" and "Outro", saved as a
 * new document named @name; returns its id. */
char *ts_test_library_add_cue       (TsLibrary     *library,
                                     const char    *name);
/* Renames the first marker of document @id and saves it. */
void  ts_test_library_rename_first  (TsLibrary     *library,
                                     const char    *id,
                                     const char    *title);
/* Saves sync settings for @server's folder, as TS_TEST_WEBDAV_USER. */
void  ts_test_sync_settings_save    (TsTestService *server,
                                     const char    *password);

G_END_DECLS
