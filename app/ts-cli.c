/* ts-cli.c - timestamps-cli: tracklists of DAW projects on the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Options, exit codes and the JSON shape are a contract scripts rely on:
 *   0  every file was read
 *   2  a file could not be read (the others are still printed), or the
 *      command line was wrong
 */

#define G_LOG_DOMAIN "timestamps-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "ts-json-writer.h"
#include "ts-project.h"
#include "ts-template.h"
#include "ts-time-format.h"
#include "ts-tracklist.h"

enum {
  EXIT_OK = 0,
  EXIT_BAD_INPUT = 2,
};

typedef enum {
  OUTPUT_TEXT,
  OUTPUT_JSON,
} OutputFormat;

typedef struct {
  TsTempoMode   mode;
  TsTimeFormat  time_format;
  const char   *template_;
  OutputFormat  output;
  const char   *arrangement;
} CliOptions;

static gboolean
parse_output_format (const char   *string,
                     OutputFormat *output)
{
  if (g_strcmp0 (string, "text") == 0)
    *output = OUTPUT_TEXT;
  else if (g_strcmp0 (string, "json") == 0)
    *output = OUTPUT_JSON;
  else
    return FALSE;
  return TRUE;
}

static void
print_tracklist (const TsTracklist *tracklist,
                 const CliOptions  *options)
{
  switch (options->output)
    {
    case OUTPUT_TEXT:
      for (guint i = 0; i < ts_tracklist_get_n_tracks (tracklist); i++)
        {
          g_autofree char *line = ts_template_expand (options->template_,
                                                      ts_tracklist_get_track (tracklist, i),
                                                      &options->time_format);
          printf ("%s\n", line);
        }
      break;
    case OUTPUT_JSON:
      {
        g_autofree char *json = ts_tracklist_to_json (tracklist);
        printf ("%s\n", json);
      }
      break;
    }
}

/* --arrangement takes the index the JSON output shows, or a name. */
static gboolean
find_arrangement (const TsProject  *project,
                  const char       *path,
                  const char       *wanted,
                  guint            *arrangement,
                  GError          **error)
{
  guint n = ts_project_get_n_arrangements (project);
  guint64 index;
  g_autoptr(GString) names = NULL;

  if (wanted == NULL)
    {
      *arrangement = ts_project_get_default_arrangement (project);
      return TRUE;
    }

  if (g_ascii_string_to_unsigned (wanted, 10, 0, n - 1, &index, NULL))
    {
      *arrangement = (guint) index;
      return TRUE;
    }
  for (guint i = 0; i < n; i++)
    {
      if (g_strcmp0 (ts_project_get_arrangement_name (project, i), wanted) == 0)
        {
          *arrangement = i;
          return TRUE;
        }
    }

  names = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (names, "%s%u “%s”", i > 0 ? ", " : "", i,
                            ts_project_get_arrangement_name (project, i));
  g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_NO_ARRANGEMENT,
               "%s: no arrangement “%s”; there is %s", path, wanted, names->str);
  return FALSE;
}

static gboolean
process_file (const char       *path,
              const CliOptions *options,
              GError          **error)
{
  g_autoptr(TsProject) project = NULL;
  g_autoptr(TsTracklist) tracklist = NULL;
  guint arrangement;

  project = ts_project_load_path (path, NULL, error);
  if (project == NULL)
    return FALSE;
  if (!find_arrangement (project, path, options->arrangement, &arrangement, error))
    return FALSE;

  tracklist = ts_tracklist_new_for_project (project, path, arrangement, options->mode);
  print_tracklist (tracklist, options);
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *hours = NULL;
  g_autofree char *format = NULL;
  g_autofree char *template_ = NULL;
  g_autofree char *arrangement = NULL;
  g_auto(GStrv) files = NULL;
  gboolean milliseconds = FALSE;
  gboolean version = FALSE;
  CliOptions options = {
    .mode = TS_TEMPO_MODE_DAW,
    .time_format = TS_TIME_FORMAT_INIT,
    .output = OUTPUT_TEXT,
  };
  int status = EXIT_OK;
  guint n_files;
  const GOptionEntry entries[] = {
    { "mode", 0, 0, G_OPTION_ARG_STRING, &mode,
      "How tempo changes are timed: daw (as the DAW plays them, default) or exact", "daw|exact" },
    { "hours", 0, 0, G_OPTION_ARG_STRING, &hours,
      "Hours in times: auto (from one hour on, default), always or never (65:04)", "auto|always|never" },
    { "ms", 0, 0, G_OPTION_ARG_NONE, &milliseconds,
      "Add milliseconds to times", NULL },
    { "template", 0, 0, G_OPTION_ARG_STRING, &template_,
      "Text line per track; fields {time} {title} {artist} {track} {index} {beat} {bar}", "'{time} {title}'" },
    { "arrangement", 0, 0, G_OPTION_ARG_STRING, &arrangement,
      "FL Studio: the arrangement to read, by index (from 0) or name; default: the one "
      "current when the project was saved, else the first with markers", "N|NAME" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      "Output: text (default) or json (one object per file per line)", "text|json" },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      "Show the version and exit", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "FILE…" },
    { NULL }
  };

  setlocale (LC_ALL, "");

  context = g_option_context_new ("— print the tracklist of DAW projects");
  g_option_context_set_summary (context,
    "Reads Ableton Live sets (.als) and FL Studio projects (.flp) and prints\n"
    "their markers as timestamps, honouring tempo automation.");
  g_option_context_set_description (context,
    "Exit status: 0 when every file was read, 2 when a file could not be read\n"
    "(the others are still printed) or the command line is wrong.");
  g_option_context_add_main_entries (context, entries, NULL);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("timestamps-cli: %s\n", error->message);
      return EXIT_BAD_INPUT;
    }

  if (version)
    {
      printf ("timestamps-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }

  if (mode != NULL && !ts_tempo_mode_from_string (mode, &options.mode))
    {
      g_printerr ("timestamps-cli: --mode must be daw or exact, not “%s”\n", mode);
      return EXIT_BAD_INPUT;
    }
  if (hours != NULL && !ts_hours_style_from_string (hours, &options.time_format.hours))
    {
      g_printerr ("timestamps-cli: --hours must be auto, always or never, not “%s”\n", hours);
      return EXIT_BAD_INPUT;
    }
  if (format != NULL && !parse_output_format (format, &options.output))
    {
      g_printerr ("timestamps-cli: --format must be text or json, not “%s”\n", format);
      return EXIT_BAD_INPUT;
    }
  options.time_format.milliseconds = milliseconds;
  options.template_ = template_ != NULL ? template_ : TS_TEMPLATE_DEFAULT;
  options.arrangement = arrangement;

  n_files = files != NULL ? g_strv_length (files) : 0;
  if (n_files == 0)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      g_printerr ("timestamps-cli: no FILE given\n\n%s", help);
      return EXIT_BAD_INPUT;
    }

  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(GError) file_error = NULL;

      if (options.output == OUTPUT_TEXT && n_files > 1)
        printf ("%s==> %s <==\n", i > 0 ? "\n" : "", files[i]);

      if (!process_file (files[i], &options, &file_error))
        {
          fflush (stdout);
          g_printerr ("%s\n", file_error->message);
          status = EXIT_BAD_INPUT;
        }
    }

  return status;
}
