/* ts-cli-library.c - `timestamps-cli library …`: the tracklist library on
 * the command line, for scripts and tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   library add FILE…               records each project, prints its id
 *   library list                    one JSON line per tracklist: id,
 *                                   source, title, markers, modified
 *   library show ID                 the tracklist with the edits, as
 *                                   `timestamps-cli --format json` prints it
 *   library rename ID INDEX TITLE   gives marker INDEX a title ("" gives
 *                                   it its own back)
 *   library hide ID INDEX           leaves marker INDEX out
 *   library delete ID               deletes the tracklist
 *   library export ID [--format F]  the tracklist in format F, with its
 *                                   template and time format
 *
 * INDEX counts the project's markers from 1, hidden ones included, so
 * that it does not move as markers are hidden. Free, no Pro needed; it
 * runs in timestamps-cli-pro because it needs GIO and json-glib.
 * XDG_DATA_HOME decides where the library is.
 *
 * Exit status 0, or 2 for a project that cannot be read (the others are
 * still added), an unknown or deleted ID, a bad INDEX or command line,
 * or a library that cannot be written.
 */

#define G_LOG_DOMAIN "timestamps-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ts-cli-library.h"
#include "ts-export.h"
#include "ts-json-writer.h"
#include "ts-library.h"

enum {
  EXIT_OK = 0,
  EXIT_BAD_INPUT = 2,
};

static int
usage (void)
{
  g_printerr ("%s\n", _("timestamps-cli: library needs one of: add FILE…, list, show ID, "
                        "rename ID INDEX TITLE, hide ID INDEX, delete ID, export ID --format FORMAT"));
  return EXIT_BAD_INPUT;
}

static int
fail (const GError *error)
{
  g_printerr ("timestamps-cli: %s\n", error->message);
  return EXIT_BAD_INPUT;
}

/* A tombstone is a document to sync, not one to show or edit. */
static TsLibraryDocument *
load_live (TsLibrary  *library,
           const char *id)
{
  g_autoptr(TsLibraryDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = ts_library_load (library, id, &error);
  if (document == NULL)
    {
      fail (error);
      return NULL;
    }
  if (document->deleted)
    {
      g_printerr (_("timestamps-cli: the tracklist %s was deleted\n"), id);
      return NULL;
    }
  return g_steal_pointer (&document);
}

static int
add_files (TsLibrary  *library,
           int         n_files,
           char      **files)
{
  int status = EXIT_OK;

  if (n_files == 0)
    return usage ();

  for (int i = 0; i < n_files; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
      g_autoptr(TsLibraryDocument) document = NULL;
      g_autoptr(GError) error = NULL;

      document = ts_library_add_file (library, file, NULL, &error);
      if (document == NULL)
        {
          g_printerr ("%s\n", error->message);
          status = EXIT_BAD_INPUT;
          continue;
        }
      printf ("%s\n", document->id);
    }
  return status;
}

static void
append_list_line (GString                 *out,
                  const TsLibraryDocument *document)
{
  g_autoptr(TsTracklist) tracklist = ts_library_document_build_tracklist (document);
  g_autoptr(GDateTime) modified = g_date_time_new_from_unix_utc (document->modified);
  g_autofree char *when = modified != NULL ? g_date_time_format (modified, "%Y-%m-%dT%H:%M:%SZ") : NULL;

  g_string_append (out, "{\"id\": ");
  ts_json_append_string (out, document->id);
  g_string_append (out, ", \"source\": ");
  ts_json_append_string (out, document->source_path);
  g_string_append (out, ", \"title\": ");
  ts_json_append_string (out, document->tracklist->file);
  g_string_append_printf (out, ", \"markers\": %u, \"modified\": ", ts_tracklist_get_n_tracks (tracklist));
  ts_json_append_string (out, when);
  g_string_append (out, "}\n");
}

/* Damaged documents are named on standard error (and were moved aside);
 * the list of the others is still complete. */
static int
list_documents (TsLibrary *library)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  documents = ts_library_list (library, &problems, &error);
  if (documents == NULL)
    return fail (error);

  for (guint i = 0; i < problems->len; i++)
    fail (g_ptr_array_index (problems, i));
  for (guint i = 0; i < documents->len; i++)
    {
      const TsLibraryDocument *document = g_ptr_array_index (documents, i);

      if (!document->deleted)
        append_list_line (out, document);
    }
  fputs (out->str, stdout);
  return EXIT_OK;
}

static int
show_document (TsLibrary  *library,
               const char *id)
{
  g_autoptr(TsLibraryDocument) document = load_live (library, id);
  g_autoptr(TsTracklist) tracklist = NULL;
  g_autofree char *json = NULL;

  if (document == NULL)
    return EXIT_BAD_INPUT;

  tracklist = ts_library_document_build_tracklist (document);
  json = ts_tracklist_to_json (tracklist);
  printf ("%s\n", json);
  return EXIT_OK;
}

/* Returns: (nullable): the key of marker @index (from 1), or %NULL after
 * saying why there is none */
static const char *
find_marker_key (GPtrArray  *keys,
                 const char *index)
{
  guint64 number;

  if (keys->len > 0 && g_ascii_string_to_unsigned (index, 10, 1, keys->len, &number, NULL))
    return g_ptr_array_index (keys, number - 1);

  if (keys->len == 0)
    g_printerr (_("timestamps-cli: the tracklist has no markers\n"));
  else
    g_printerr (/* Translators: the number of markers, then what was typed. */
                _("timestamps-cli: INDEX must be a marker number from 1 to %u, not “%s”\n"),
                keys->len, index);
  return NULL;
}

/* rename with @title, hide without. */
static int
edit_marker (TsLibrary  *library,
             const char *id,
             const char *index,
             const char *title,
             gboolean    hide)
{
  g_autoptr(TsLibraryDocument) document = load_live (library, id);
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GError) error = NULL;
  const char *key;

  if (document == NULL)
    return EXIT_BAD_INPUT;

  keys = ts_library_document_get_keys (document);
  key = find_marker_key (keys, index);
  if (key == NULL)
    return EXIT_BAD_INPUT;

  if (hide)
    ts_edits_set_hidden (document->edits, key, TRUE);
  else
    ts_edits_set_title (document->edits, key, title[0] != '\0' ? title : NULL);

  if (!ts_library_save (library, document, &error))
    return fail (error);
  return EXIT_OK;
}

static int
delete_document (TsLibrary  *library,
                 const char *id)
{
  g_autoptr(TsLibraryDocument) document = load_live (library, id);
  g_autoptr(GError) error = NULL;

  if (document == NULL)
    return EXIT_BAD_INPUT;
  if (!ts_library_delete (library, document, &error))
    return fail (error);
  return EXIT_OK;
}

/* "export ID", "export ID --format F", "export ID --format=F". */
static int
export_document (TsLibrary  *library,
                 int         argc,
                 char      **argv)
{
  g_autoptr(TsLibraryDocument) document = NULL;
  g_autoptr(TsTracklist) tracklist = NULL;
  g_autofree char *text = NULL;
  TsExportFormat format = TS_EXPORT_TEXT;
  TsExportOptions options;
  const char *name = NULL;

  if (argc == 4 && g_strcmp0 (argv[2], "--format") == 0)
    name = argv[3];
  else if (argc == 3 && g_str_has_prefix (argv[2], "--format="))
    name = argv[2] + strlen ("--format=");
  else if (argc != 2)
    return usage ();

  if (name != NULL && !ts_export_format_from_string (name, &format))
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (int i = 0; i < TS_EXPORT_N_FORMATS; i++)
        g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", ts_export_format_to_string (i));
      g_printerr (_("timestamps-cli: --format must be one of %s, not “%s”\n"), names->str, name);
      return EXIT_BAD_INPUT;
    }

  document = load_live (library, argv[1]);
  if (document == NULL)
    return EXIT_BAD_INPUT;

  tracklist = ts_library_document_build_tracklist (document);
  options.template_ = document->template_;
  options.time_format = document->time_format;
  text = ts_export (tracklist, format, &options);
  fputs (text, stdout);
  return EXIT_OK;
}

int
ts_cli_library_main (int    argc,
                     char **argv)
{
  g_autoptr(TsLibrary) library = ts_library_new (NULL);
  const char *command = argc >= 2 ? argv[1] : NULL;

  if (g_strcmp0 (command, "add") == 0)
    return add_files (library, argc - 2, argv + 2);
  if (argc == 2 && g_strcmp0 (command, "list") == 0)
    return list_documents (library);
  if (argc == 3 && g_strcmp0 (command, "show") == 0)
    return show_document (library, argv[2]);
  if (argc == 5 && g_strcmp0 (command, "rename") == 0)
    return edit_marker (library, argv[2], argv[3], argv[4], FALSE);
  if (argc == 4 && g_strcmp0 (command, "hide") == 0)
    return edit_marker (library, argv[2], argv[3], NULL, TRUE);
  if (argc == 3 && g_strcmp0 (command, "delete") == 0)
    return delete_document (library, argv[2]);
  if (argc >= 3 && g_strcmp0 (command, "export") == 0)
    return export_document (library, argc - 1, argv + 1);

  return usage ();
}
