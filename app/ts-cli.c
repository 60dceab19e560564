/* ts-cli.c - timestamps-cli: tracklists of DAW projects on the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Options, exit codes and the JSON shape are a contract scripts rely on:
 *   0  every file was read
 *   1  --check-youtube (or --format youtube) found a broken chapter rule
 *   2  a file could not be read (the others are still printed), the
 *      command line was wrong, or --output could not be written
 *   3  a Pro command was run without Pro (ts-cli-license.c)
 *   4  sync could not reach the server or was refused (ts-cli-sync.c)
 *
 * `timestamps-cli license …` manages the Pro licence, in ts-cli-license.c;
 * `timestamps-cli batch …` exports folders of projects, in ts-cli-batch.c;
 * `timestamps-cli library …` keeps tracklists, in ts-cli-library.c;
 * `timestamps-cli sync …` syncs the library over WebDAV, in ts-cli-sync.c;
 * all run in timestamps-cli-pro (ts-cli-pro-launch.c says why).
 */

#define G_LOG_DOMAIN "timestamps-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "ts-cli-allocator.h"
#include "ts-cli-io.h"
#include "ts-cli-pro-launch.h"
#include "ts-export.h"
#include "ts-format-info.h"
#include "ts-i18n.h"
#include "ts-json-writer.h"
#include "ts-project.h"
#include "ts-quoted-name.h"
#include "ts-template.h"
#include "ts-time-format.h"
#include "ts-tracklist.h"
#include "ts-youtube.h"

enum {
  EXIT_OK = 0,
  EXIT_YOUTUBE_RULES = 1,
  EXIT_BAD_INPUT = 2,
};

typedef struct {
  TsTempoMode      mode;
  TsExportFormat   format;
  TsExportOptions  export_options;
  const char      *arrangement;
  gboolean         check_youtube;
} CliOptions;

/* Formats read line by line get a "==> FILE <==" line per file, as head(1)
 * does; the others are documents (or one JSON object per line) on their own. */
static gboolean
format_is_line_based (TsExportFormat format)
{
  switch (format)
    {
    case TS_EXPORT_TEXT:
    case TS_EXPORT_YOUTUBE:
      return TRUE;
    case TS_EXPORT_CUE:
    case TS_EXPORT_CSV:
    case TS_EXPORT_JSON:
    case TS_EXPORT_FFMETADATA:
    case TS_EXPORT_PODCAST:
    case TS_EXPORT_WEBVTT:
    case TS_EXPORT_AUDACITY:
      return FALSE;
    }
  g_return_val_if_reached (FALSE);
}

static char *
list_export_formats (void)
{
  GString *names = g_string_new (NULL);

  for (int i = 0; i < TS_EXPORT_N_FORMATS; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", ts_export_format_to_string (i));
  return g_string_free (names, FALSE);
}

/* The help stays in English like the option descriptions: the table's
 * labels untranslated. */
static char *
describe_project_formats (void)
{
  GString *summary = g_string_new ("Reads, recognising each file by its content:\n");

  for (guint i = 0; i < TS_N_FORMATS; i++)
    {
      const TsFormatInfo *info = ts_format_info_get (i);

      g_string_append_printf (summary, "  %s (%s)\n", info->plural_label, info->extensions[0]);
    }
  g_string_append (summary, "and prints their markers as timestamps, honouring tempo automation.");
  return g_string_free (summary, FALSE);
}

/* "0 “Warmup”, 1 “Main Set”": the arrangements @wanted picks, as
 * --arrangement takes them (index or name). */
static char *
list_arrangements (const TsProject *project,
                   gboolean (*wanted) (const TsProject *project, guint arrangement),
                   guint            skip)
{
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < ts_project_get_n_arrangements (project); i++)
    {
      if (i == skip || (wanted != NULL && !wanted (project, i)))
        continue;
      g_string_append_printf (names, "%s%u “%s”", names->len > 0 ? ", " : "", i,
                              ts_project_get_arrangement_name (project, i));
    }
  return g_string_free (names, FALSE);
}

/* --arrangement takes the index the JSON output shows, or a name. Formats
 * with one timeline have nothing to choose: the option is set aside with a
 * note, so that one command line serves a folder of mixed projects. */
static gboolean
find_arrangement (const TsProject  *project,
                  const char       *path,
                  const char       *wanted,
                  guint            *arrangement,
                  GError          **error)
{
  guint n = ts_project_get_n_arrangements (project);
  guint64 index;
  g_autofree char *names = NULL;

  *arrangement = ts_project_get_default_arrangement (project);
  if (wanted == NULL)
    return TRUE;

  if (!ts_project_has_arrangements (project))
    {
      g_printerr (/* Translators: the file, then the format, e.g. "an
                   * Ableton Live set". */
                  _("%s: --arrangement is ignored: %s has only one arrangement\n"),
                  path, _(ts_format_info_get (project->format)->phrase));
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

  names = list_arrangements (project, NULL, G_MAXUINT);
  g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_NO_ARRANGEMENT,
               /* Translators: the file, the arrangement asked for, then
                * the ones there are, e.g. "0 “Warmup”, 1 “Main Set”". */
               _("%s: no arrangement “%s”; arrangements: %s"), path, wanted, names);
  return FALSE;
}

/* An empty tracklist from an arrangement without markers is most likely
 * the wrong arrangement: say which ones have markers. */
static void
note_markers_elsewhere (const TsProject   *project,
                        const char        *path,
                        guint              arrangement,
                        const TsTracklist *tracklist)
{
  g_autofree char *others = NULL;

  if (ts_tracklist_get_n_tracks (tracklist) > 0 || !ts_project_has_arrangements (project))
    return;

  others = list_arrangements (project, ts_project_arrangement_has_markers, arrangement);
  if (others[0] == '\0')
    return;
  g_printerr (/* Translators: the file, the arrangement read, e.g. "0
               * “Just tracks”", then those with markers, e.g. "1 “Intro”". */
              _("%s: arrangement %u “%s” has no markers; arrangements with markers: %s\n"),
              path, arrangement, ts_project_get_arrangement_name (project, arrangement), others);
}

/* "-" is standard input; its display name stays "-", what the user
 * typed, so that messages and the JSON "file" match the command line.
 * Messages name other files as @shown (ts_quoted_name_dup()). */
static TsProject *
load_project (const char  *path,
              const char  *shown,
              GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;

  if (g_strcmp0 (path, TS_CLI_STDIN_NAME) != 0)
    return ts_project_load_path (path, shown, error);

  bytes = ts_cli_read_stdin (error);
  if (bytes == NULL)
    return NULL;
  return ts_project_load_bytes (bytes, TS_CLI_STDIN_NAME, error);
}

/* Appends the export of @path, which messages call @shown, to @out;
 * returns whether YouTube's rules hold, when asked, in @rules_hold. */
static gboolean
process_file (const char        *path,
              const char        *shown,
              const CliOptions  *options,
              GString           *out,
              gboolean          *rules_hold,
              GError           **error)
{
  g_autoptr(TsProject) project = NULL;
  g_autoptr(TsTracklist) tracklist = NULL;
  g_autofree char *text = NULL;
  guint arrangement;

  project = load_project (path, shown, error);
  if (project == NULL)
    return FALSE;
  if (!find_arrangement (project, shown, options->arrangement, &arrangement, error))
    return FALSE;

  tracklist = ts_tracklist_new_for_project (project, path, arrangement, options->mode);
  note_markers_elsewhere (project, shown, arrangement, tracklist);
  /* JSON carries them in "warnings"; every other format is for reading
   * or pasting, and a warning inside it would end up on YouTube. */
  if (options->format != TS_EXPORT_JSON)
    for (guint i = 0; tracklist->warnings != NULL && tracklist->warnings[i] != NULL; i++)
      g_printerr ("%s\n", tracklist->warnings[i]);
  text = ts_export (tracklist, options->format, &options->export_options);
  g_string_append (out, text);

  /* The YouTube format prints the fixed list and is meant for YouTube, so
   * it is always checked, and on the lines it printed. */
  *rules_hold = TRUE;
  if (options->check_youtube || options->format == TS_EXPORT_YOUTUBE)
    {
      g_autoptr(GArray) problems = options->format == TS_EXPORT_YOUTUBE
        ? ts_youtube_check_fixed (tracklist)
        : ts_youtube_check (tracklist);

      for (guint i = 0; i < problems->len; i++)
        g_printerr ("%s: %s\n", shown, g_array_index (problems, TsYoutubeProblem, i).message);
      *rules_hold = problems->len == 0;
    }
  return TRUE;
}

/* --format json gives every input a line, so that a script reading the
 * lines sees the files that failed too: {"file": …, "error": …}, the
 * error as on standard error without the file name (@shown) in front. */
static void
append_json_error (GString      *out,
                   const char   *path,
                   const char   *shown,
                   const GError *error)
{
  g_autofree char *prefix = g_strconcat (shown, ": ", NULL);
  const char *message = error->message;

  if (g_str_has_prefix (message, prefix))
    message += strlen (prefix);
  g_string_append (out, "{\"file\": ");
  ts_json_append_string (out, path);
  g_string_append (out, ", \"error\": ");
  ts_json_append_string (out, message);
  g_string_append (out, "}\n");
}

/* GOption takes "--ms=yes" for "--ms" and drops the value; a value given
 * to a switch is a mistake the user should hear about. */
static gboolean
refuse_switch_values (const GOptionEntry  *entries,
                      int                  argc,
                      char               **argv)
{
  for (int i = 1; i < argc && g_strcmp0 (argv[i], "--") != 0; i++)
    {
      for (guint j = 0; entries[j].long_name != NULL; j++)
        {
          g_autofree char *with_value = NULL;

          if (entries[j].arg != G_OPTION_ARG_NONE)
            {
              /* "--template --ms=x": the next word is the template. */
              if (entries[j].long_name[0] != '\0' &&
                  g_str_has_prefix (argv[i], "--") &&
                  g_strcmp0 (argv[i] + 2, entries[j].long_name) == 0)
                i++;
              else if (entries[j].short_name != 0 && argv[i][0] == '-' &&
                       argv[i][1] == entries[j].short_name && argv[i][2] == '\0')
                i++;
              continue;
            }
          with_value = g_strconcat ("--", entries[j].long_name, "=", NULL);
          if (g_str_has_prefix (argv[i], with_value))
            {
              g_printerr (_("timestamps-cli: --%s takes no value, not “%s”\n"),
                          entries[j].long_name, argv[i] + strlen (with_value));
              return FALSE;
            }
        }
    }
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
  g_autofree char *rounding = NULL;
  g_autofree char *format = NULL;
  g_autofree char *template_ = NULL;
  g_autofree char *arrangement = NULL;
  g_autofree char *output = NULL;
  g_autofree char *formats = list_export_formats ();
  g_autofree char *format_help = NULL;
  g_autofree char *summary = describe_project_formats ();
  g_auto(GStrv) files = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  gboolean milliseconds = FALSE;
  gboolean check_youtube = FALSE;
  gboolean version = FALSE;
  gboolean rules_broken = FALSE;
  CliOptions options = {
    .mode = TS_TEMPO_MODE_DAW,
    .format = TS_EXPORT_TEXT,
    .export_options = { NULL, TS_TIME_FORMAT_INIT },
  };
  int status = EXIT_OK;
  guint n_files;
  GOptionEntry entries[] = {
    { "mode", 0, 0, G_OPTION_ARG_STRING, &mode,
      "How tempo changes are timed: daw (as the DAW plays them, default) or exact", "daw|exact" },
    { "hours", 0, 0, G_OPTION_ARG_STRING, &hours,
      "Hours in times: auto (from one hour on, default), always or never (65:04)", "auto|always|never" },
    { "ms", 0, 0, G_OPTION_ARG_NONE, &milliseconds,
      "Add milliseconds to times", NULL },
    { "round", 0, 0, G_OPTION_ARG_STRING, &rounding,
      "Rounding of times: down (a chapter never starts late, default) or nearest", "down|nearest" },
    { "template", 0, 0, G_OPTION_ARG_STRING, &template_,
      "Text line per track; fields {time} {title} {artist} {track} {index} {beat} {bar}", "'{time} {title}'" },
    { "arrangement", 0, 0, G_OPTION_ARG_STRING, &arrangement,
      "FL Studio: the arrangement to read, by index (from 0) or name; default: the one "
      "current when the project was saved if it has markers, else the first with markers", "N|NAME" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      NULL /* lists the formats; filled in below */, "FORMAT" },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      "Write to FILE instead of standard output, atomically", "FILE" },
    { "check-youtube", 0, 0, G_OPTION_ARG_NONE, &check_youtube,
      "Report on standard error where the tracklist breaks YouTube's chapter rules; exit 1 when it does "
      "(--format youtube always does)", NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version,
      "Show the version and exit", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, "FILE…" },
    { NULL }
  };

  /* Errors follow the user's language; what goes to standard output is
   * data and stays as it is. TIMESTAMPS_LOCALEDIR is the app's override,
   * for running from the build tree. */
  setlocale (LC_ALL, "");
  ts_i18n_init ();
  ts_cli_allocator_tune ();

  if (argc >= 2 && ts_cli_is_pro_command (argv[1]))
    return ts_cli_run_pro (argc, argv);

  format_help = g_strdup_printf ("Output: %s (default text; json is one object per file per line)", formats);
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    if (g_strcmp0 (entries[i].long_name, "format") == 0)
      entries[i].description = format_help;

  context = g_option_context_new ("— print the tracklist of DAW projects");
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context,
    "A FILE - is read from standard input.\n"
    "\n"
    "Exit status: 0 when every file was read; 1 when --check-youtube or\n"
    "--format youtube found a broken rule; 2 when a file could not be read\n"
    "(the others are still printed), the command line is wrong or the\n"
    "output cannot be written.");
  g_option_context_add_main_entries (context, entries, NULL);

  if (!refuse_switch_values (entries, argc, argv))
    return EXIT_BAD_INPUT;
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
      g_printerr (_("timestamps-cli: --mode must be daw or exact, not “%s”\n"), mode);
      return EXIT_BAD_INPUT;
    }
  if (hours != NULL && !ts_hours_style_from_string (hours, &options.export_options.time_format.hours))
    {
      g_printerr (_("timestamps-cli: --hours must be auto, always or never, not “%s”\n"), hours);
      return EXIT_BAD_INPUT;
    }
  if (rounding != NULL && !ts_rounding_from_string (rounding, &options.export_options.time_format.rounding))
    {
      g_printerr (_("timestamps-cli: --round must be down or nearest, not “%s”\n"), rounding);
      return EXIT_BAD_INPUT;
    }
  if (format != NULL && !ts_export_format_from_string (format, &options.format))
    {
      /* Translators: the first %s lists the formats, e.g. "text, cue, json". */
      g_printerr (_("timestamps-cli: --format must be one of %s, not “%s”\n"), formats, format);
      return EXIT_BAD_INPUT;
    }
  if (template_ != NULL && !ts_template_validate (template_, &error))
    {
      g_printerr (_("timestamps-cli: --template: %s\n"), error->message);
      return EXIT_BAD_INPUT;
    }
  options.export_options.time_format.milliseconds = milliseconds;
  options.export_options.template_ = template_ != NULL ? template_ : TS_TEMPLATE_DEFAULT;
  options.arrangement = arrangement;
  options.check_youtube = check_youtube;

  n_files = files != NULL ? g_strv_length (files) : 0;
  if (n_files == 0)
    {
      g_autofree char *help = g_option_context_get_help (context, TRUE, NULL);

      /* Translators: FILE is the placeholder in the usage line; the
       * option descriptions that follow stay in English. */
      g_printerr ("%s\n\n%s", _("timestamps-cli: no FILE given"), help);
      return EXIT_BAD_INPUT;
    }

  for (guint i = 0; i < n_files; i++)
    {
      g_autoptr(GError) file_error = NULL;
      g_autofree char *shown = ts_quoted_name_dup (files[i]);
      gboolean rules_hold;

      if (format_is_line_based (options.format) && n_files > 1)
        g_string_append_printf (text, "%s==> %s <==\n", i > 0 ? "\n" : "", shown);

      if (process_file (files[i], shown, &options, text, &rules_hold, &file_error))
        rules_broken |= !rules_hold;
      else
        {
          g_printerr ("%s\n", file_error->message);
          if (options.format == TS_EXPORT_JSON)
            append_json_error (text, files[i], shown, file_error);
          g_clear_error (&file_error);
          status = EXIT_BAD_INPUT;
        }

      /* Standard output streams file by file; --output is one document. */
      if (output == NULL)
        {
          if (!ts_cli_write_output (NULL, text, &file_error))
            {
              g_printerr ("%s\n", file_error->message);
              return EXIT_BAD_INPUT;
            }
          g_string_truncate (text, 0);
        }
    }

  if (output != NULL && !ts_cli_write_output (output, text, &error))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_BAD_INPUT;
    }

  if (status == EXIT_OK && rules_broken)
    status = EXIT_YOUTUBE_RULES;
  return status;
}
