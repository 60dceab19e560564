/* test-translation.c - the app speaks German with LANGUAGE=de
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-translation"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "ts-ableton-set.h"
#include "ts-gui-test-utils.h"
#include "ts-project.h"
#include "ts-tracklist.h"
#include "ts-youtube.h"

static void
test_empty_window_in_german (void)
{
  TsWindow *window;
  GtkWidget *status;

  if (g_strcmp0 (g_getenv ("LANGUAGE"), "de") != 0)
    {
      g_test_skip ("run with LANGUAGE=de");
      return;
    }

  window = ts_gui_new_window ();
  gtk_window_present (GTK_WINDOW (window));

  status = ts_gui_find_label (GTK_WIDGET (window), "Projekt hierher ziehen");
  g_assert_nonnull (status);
  g_assert_nonnull (ts_gui_find_label (GTK_WIDGET (window),
                                       "Ziehen Sie ein Ableton-Live-Set, ein FL-Studio-Projekt oder ein Cue-Sheet hierher"));
  g_assert_cmpstr (ngettext ("Copied %u timestamp", "Copied %u timestamps", 14),
                   ==, "%u Zeitmarken kopiert");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
assert_load_error (const char  *contents,
                   const char  *display_name,
                   GQuark       domain,
                   int          code,
                   const char  *message)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (contents, strlen (contents));
  g_autoptr(GError) error = NULL;
  g_autoptr(TsProject) project = ts_project_load_bytes (bytes, display_name, &error);

  g_assert_null (project);
  g_assert_error (error, domain, code);
  g_assert_cmpstr (error->message, ==, message);
}

/* The readers' messages come from core, which has no GTK: they must be
 * translated all the same, with the file name still first. */
static void
test_core_errors_in_german (void)
{
  if (g_strcmp0 (g_getenv ("LANGUAGE"), "de") != 0)
    {
      g_test_skip ("run with LANGUAGE=de");
      return;
    }

  assert_load_error ("", "leer.als", TS_PROJECT_ERROR, TS_PROJECT_ERROR_EMPTY,
                     "leer.als: Die Datei ist leer");
  /* The list of formats is put together from pieces translated one by one. */
  assert_load_error ("hello\nworld\n", "notiz.txt", TS_PROJECT_ERROR, TS_PROJECT_ERROR_UNKNOWN_FORMAT,
                     "notiz.txt: Das ist weder ein Ableton-Live-Set (.als), ein FL-Studio-Projekt (.flp) "
                     "noch ein Cue-Sheet (.cue)");
  /* A message whose reason comes from the XML scanner. */
  assert_load_error ("JUNK\n", "set.als", TS_PROJECT_ERROR, TS_PROJECT_ERROR_UNKNOWN_FORMAT,
                     "set.als: Das ist kein Ableton-Live-Set (der Inhalt ist kein XML)");
  /* The codes the app acts on, whichever reader found the problem. */
  assert_load_error ("FLhd\x06", "kurz.flp", TS_PROJECT_ERROR, TS_PROJECT_ERROR_TRUNCATED,
                     "kurz.flp: Die Datei endet mitten im Header");
  assert_load_error ("TRACK 01 AUDIO\n INDEX 01 00:60:00\n", "mix.cue", TS_PROJECT_ERROR,
                     TS_PROJECT_ERROR_DAMAGED,
                     "mix.cue, Zeile 2: „00:60:00“ ist keine Zeit im Format Minuten:Sekunden:Frames");
}

static void
test_youtube_findings_in_german (void)
{
  g_autoptr(TsTracklist) tracklist = ts_tracklist_new (TS_FORMAT_ABLETON);
  g_autoptr(GArray) problems = NULL;

  if (g_strcmp0 (g_getenv ("LANGUAGE"), "de") != 0)
    {
      g_test_skip ("run with LANGUAGE=de");
      return;
    }

  ts_tracklist_add (tracklist, 30.0, 60.0, "Opener");
  problems = ts_youtube_check (tracklist);

  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_cmpstr (g_array_index (problems, TsYoutubeProblem, 0).message, ==,
                   "YouTube braucht mindestens 3 Kapitel; diese Liste hat 1");
  g_assert_cmpstr (g_array_index (problems, TsYoutubeProblem, 1).message, ==,
                   "Zeile 1 „0:30 Opener“: YouTube braucht das erste Kapitel bei 0:00");
}

int
main (int   argc,
      char *argv[])
{
  ts_gui_test_init (&argc, &argv);

  g_test_add_func ("/translation/empty-window-in-german", test_empty_window_in_german);
  g_test_add_func ("/translation/core-errors-in-german", test_core_errors_in_german);
  g_test_add_func ("/translation/youtube-findings-in-german", test_youtube_findings_in_german);

  return g_test_run ();
}
