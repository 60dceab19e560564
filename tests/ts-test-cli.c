/* ts-test-cli.c - running timestamps-cli from a test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ts-test-cli.h"

/**
 * ts_test_cli_launcher_new:
 *
 * Returns: (transfer full): a launcher with timestamps-cli's standard
 *   streams piped and its messages in English; the test adds the
 *   environment it is about (XDG folders, a server's address).
 */
GSubprocessLauncher *
ts_test_cli_launcher_new (void)
{
  GSubprocessLauncher *launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                              G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                              G_SUBPROCESS_FLAGS_STDERR_PIPE);

  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "C", TRUE);
  return launcher;
}

/**
 * ts_test_cli_run:
 * @launcher: from ts_test_cli_launcher_new()
 * @args: timestamps-cli's arguments, without the program, %NULL-terminated
 * @input: (nullable): what it reads on its standard input; none is an
 *   empty input
 * @out: (out): its standard output, freed first if set
 * @err: (out): its standard error, freed first if set
 *
 * Runs timestamps-cli to its end; a test fails here when it cannot be
 * started or is killed by a signal (a crash is never an exit status).
 *
 * Returns: its exit status
 */
int
ts_test_cli_run (GSubprocessLauncher  *launcher,
                 const char * const   *args,
                 const char           *input,
                 char                **out,
                 char                **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *) TS_CLI_PATH);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_clear_pointer (out, g_free);
  g_clear_pointer (err, g_free);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate_utf8 (process, input, NULL, out, err, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  return g_subprocess_get_exit_status (process);
}
