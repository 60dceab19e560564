/* ts-cli-batch.c - `timestamps-cli batch …`: a folder of projects exported
 * at once, a Pro feature
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   batch DIR|FILE… --format F --output-dir D [--template T] [--mode M] [--force]
 *
 * Exit status 0 when every project was exported; 2 when one failed (each
 * is reported as `FILE: what is wrong`, the others are still exported) or
 * the command line is wrong; 3 without Pro.
 */

#define G_LOG_DOMAIN "timestamps-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#ifdef G_OS_UNIX
#include <unistd.h>
#else
#include <io.h>
#define isatty _isatty
#endif

#include "ts-batch.h"
#include "ts-cli-batch.h"
#include "ts-cli-license.h"
#include "ts-quoted-name.h"
#include "ts-template.h"

enum {
  EXIT_OK = 0,
  EXIT_BAD_INPUT = 2,
};

typedef struct {
  gboolean  show_progress;
} Progress;

/* Failures are printed as they happen, so that a long batch shows them
 * before it ends; progress overwrites one line, on a terminal only, so
 * that a log of stderr holds only the failures. */
static void
on_item_done (const TsBatchItem *item,
              guint              n_done,
              guint              n_items,
              gpointer           user_data)
{
  Progress *progress = user_data;

  if (progress->show_progress)
    g_printerr ("\r\033[K");
  if (item->error != NULL)
    g_printerr ("%s\n", item->error->message);
  if (progress->show_progress && n_done < n_items)
    /* Translators: projects exported so far, of how many. */
    g_printerr (_("%u of %u projects"), n_done, n_items);
}

int
ts_cli_batch_main (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("DIR|FILE… — export every project, one file each");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *format = NULL;
  g_autofree char *output_dir = NULL;
  g_autofree char *template_ = NULL;
  g_autofree char *mode = NULL;
  g_auto(GStrv) inputs = NULL;
  gboolean force = FALSE;
  TsBatchOptions options = {
    .format = TS_EXPORT_TEXT,
    .export_options = { TS_TEMPLATE_DEFAULT, TS_TIME_FORMAT_INIT },
    .mode = TS_TEMPO_MODE_DAW,
  };
  Progress progress = { isatty (fileno (stderr)) };
  int status;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      "Output format of every project, as timestamps-cli --format", "FORMAT" },
    { "output-dir", 0, 0, G_OPTION_ARG_FILENAME, &output_dir,
      "Folder for the outputs: each project's name with the format's extension", "DIR" },
    { "template", 0, 0, G_OPTION_ARG_STRING, &template_,
      "Text line per track, as timestamps-cli --template", "'{time} {title}'" },
    { "mode", 0, 0, G_OPTION_ARG_STRING, &mode,
      "How tempo changes are timed: daw (default) or exact", "daw|exact" },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      "Replace outputs that exist; without it they are kept and count as failed", NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &inputs, NULL, "DIR|FILE…" },
    { NULL }
  };

  g_option_context_set_summary (context,
    "Reads every project in the folders (recursively) and files given and\n"
    "writes each one's export to the output folder. Timestamps Pro.");
  g_option_context_set_description (context,
    "Exit status: 0 when every project was exported; 2 when one could not be\n"
    "(the others are still exported) or the command line is wrong; 3 without Pro.");
  g_option_context_add_main_entries (context, entries, NULL);

  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("timestamps-cli: %s\n", error->message);
      return EXIT_BAD_INPUT;
    }
  if (format == NULL || !ts_export_format_from_string (format, &options.format))
    {
      g_printerr ("%s\n", _("timestamps-cli: batch needs --format, as timestamps-cli --format takes it"));
      return EXIT_BAD_INPUT;
    }
  if (output_dir == NULL)
    {
      g_printerr ("%s\n", _("timestamps-cli: batch needs --output-dir"));
      return EXIT_BAD_INPUT;
    }
  if (mode != NULL && !ts_tempo_mode_from_string (mode, &options.mode))
    {
      g_printerr (_("timestamps-cli: --mode must be daw or exact, not “%s”\n"), mode);
      return EXIT_BAD_INPUT;
    }
  if (inputs == NULL || inputs[0] == NULL)
    {
      g_printerr ("%s\n", _("timestamps-cli: batch needs a folder or file to export"));
      return EXIT_BAD_INPUT;
    }
  if (template_ != NULL)
    options.export_options.template_ = template_;
  options.force = force;

  if ((status = ts_cli_license_require (TS_FEATURE_BATCH)) != EXIT_OK)
    return status;

  if (g_mkdir_with_parents (output_dir, 0777) != 0)
    {
      int saved_errno = errno;
      g_autofree char *shown = ts_quoted_name_dup (output_dir);

      /* Translators: the folder, then the system's reason. */
      g_printerr (_("%s: cannot make the output folder (%s)\n"), shown, g_strerror (saved_errno));
      return EXIT_BAD_INPUT;
    }

  items = ts_batch_plan ((const char * const *) inputs, output_dir, options.format);
  if (items->len == 0)
    {
      /* Nothing exported is not what was asked for; a script must notice. */
      g_printerr ("%s\n", _("timestamps-cli: no project found to export"));
      return EXIT_BAD_INPUT;
    }
  if (ts_batch_run (items, &options, on_item_done, &progress) > 0)
    return EXIT_BAD_INPUT;
  return EXIT_OK;
}
