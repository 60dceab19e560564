/* ts-cli-pro-launch.c - timestamps-cli's Pro commands, run by their own
 * program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Pro commands (`license`, `batch`, `sync`) need libsodium, json-glib, libsoup
 * and GIO; reading a project needs none of them. Each library the dynamic
 * linker loads costs start-up time on every run, and a small set is read
 * in about the time that takes, so those commands live in their own
 * program, timestamps-cli-pro, and timestamps-cli runs it only for them.
 */

#define G_LOG_DOMAIN "timestamps-cli"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "ts-cli-pro-launch.h"

#ifdef G_OS_WIN32
# define PRO_PROGRAM "timestamps-cli-pro.exe"
#else
# define PRO_PROGRAM "timestamps-cli-pro"
#endif

/* Exit status when the Pro program could not be run at all. */
#define EXIT_CANNOT_RUN 2

/* `library` is free, but needs GIO and json-glib as the Pro ones do. */
static const char * const pro_commands[] = { "license", "batch", "library", "sync" };

gboolean
ts_cli_is_pro_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (pro_commands); i++)
    if (g_strcmp0 (name, pro_commands[i]) == 0)
      return TRUE;

  return FALSE;
}

/* Beside this program where it was started by a path (the build tree, a
 * bundle), else where it is installed. */
static char *
find_pro_program (const char *argv0)
{
  if (strchr (argv0, G_DIR_SEPARATOR) != NULL || strchr (argv0, '/') != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (argv0);
      g_autofree char *beside = g_build_filename (dir, PRO_PROGRAM, NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&beside);
    }

  return g_build_filename (LIBEXECDIR, PRO_PROGRAM, NULL);
}

/**
 * ts_cli_run_pro:
 * @argv: timestamps-cli's own arguments; @argv[1] is a Pro command
 *
 * Runs the command in timestamps-cli-pro, which shares this program's
 * standard input, output and error.
 *
 * Returns: its exit status
 */
int
ts_cli_run_pro (int    argc,
                char **argv)
{
  g_autofree char *program = find_pro_program (argv[0]);
  g_autoptr(GPtrArray) child_argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_ptr_array_add (child_argv, program);
  for (int i = 1; i < argc; i++)
    g_ptr_array_add (child_argv, argv[i]);
  g_ptr_array_add (child_argv, NULL);

  /* Nothing buffered here may come after what the child writes. */
  fflush (stdout);

  if (!g_spawn_sync (NULL, (char **) child_argv->pdata, NULL,
                     G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL, NULL, NULL,
                     &wait_status, &error))
    {
      g_printerr (_("timestamps-cli: cannot run %s, which “%s” needs: %s; reinstall Timestamps\n"),
                  program, argv[1], error->message);
      return EXIT_CANNOT_RUN;
    }

  if (g_spawn_check_wait_status (wait_status, &error))
    return 0;
  if (g_error_matches (error, G_SPAWN_EXIT_ERROR, error->code))
    return error->code;

  /* Killed by a signal: it has said nothing, so this says what happened. */
  g_printerr ("timestamps-cli: %s %s: %s\n", PRO_PROGRAM, argv[1], error->message);
  return EXIT_CANNOT_RUN;
}
