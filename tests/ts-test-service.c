/* ts-test-service.c - the sync tests' servers: a private Apache httpd
 * with mod_dav, and a proxy that injects faults
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Python scripts in tests/webdav/ do the work (Apache's config and
 * start as root or not; the faults); this drives them over their
 * standard input and output, one command and one answer a line.
 */

#include "config.h"

#include <string.h>

#include "ts-test-service.h"

struct _TsTestService {
  GSubprocess      *process;
  GDataInputStream *answers;
  GOutputStream    *commands;
  guint16           port;
  char             *url;
};

static char *
read_line (TsTestService *self)
{
  g_autoptr(GError) error = NULL;
  char *line = g_data_input_stream_read_line_utf8 (self->answers, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (line);
  return line;
}

static TsTestService *
service_new (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  TsTestService *self = g_new0 (TsTestService, 1);
  guint64 port;

  self->process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);
  self->answers = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->process));
  self->commands = g_object_ref (g_subprocess_get_stdin_pipe (self->process));
  line = read_line (self);
  g_assert_true (g_str_has_prefix (line, "PORT "));
  g_assert_true (g_ascii_string_to_unsigned (line + 5, 10, 1, G_MAXUINT16, &port, NULL));
  self->port = (guint16) port;
  self->url = g_strdup_printf ("http://127.0.0.1:%u/", self->port);
  return self;
}

TsTestService *
ts_test_apache_new (gboolean deflate)
{
  g_autofree char *apache = g_find_program_in_path ("apache2");
  const char *argv[] = {
    "python3", TS_WEBDAV_SCRIPTS_DIR "/apache-server.py",
    "--user", TS_TEST_WEBDAV_USER, "--password", TS_TEST_WEBDAV_PASSWORD,
    deflate ? "--deflate" : NULL, NULL,
  };

  if (apache == NULL && !g_file_test ("/usr/sbin/apache2", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("apache2 is not installed (build-aux/install-deps.sh installs it)");
      return NULL;
    }
  return service_new (argv);
}

TsTestService *
ts_test_fault_proxy_new (guint16 port,
                         guint64 seed,
                         double  rate)
{
  g_autofree char *port_text = g_strdup_printf ("%u", port);
  g_autofree char *seed_text = g_strdup_printf ("%" G_GUINT64_FORMAT, seed);
  char rate_text[G_ASCII_DTOSTR_BUF_SIZE];
  const char *argv[] = {
    "python3", TS_WEBDAV_SCRIPTS_DIR "/fault-proxy.py",
    "--upstream-port", port_text, "--seed", seed_text,
    "--rate", g_ascii_dtostr (rate_text, sizeof rate_text, rate), NULL,
  };

  return service_new (argv);
}

char *
ts_test_service_command (TsTestService *self,
                         const char    *command)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strconcat (command, "\n", NULL);

  g_output_stream_write_all (self->commands, text, strlen (text), NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_flush (self->commands, NULL, &error);
  g_assert_no_error (error);
  return read_line (self);
}

void
ts_test_service_command_ok (TsTestService *self,
                            const char    *command)
{
  g_autofree char *answer = ts_test_service_command (self, command);

  g_assert_cmpstr (answer, ==, "ok");
}

const char *
ts_test_service_get_url (TsTestService *self)
{
  return self->url;
}

guint16
ts_test_service_get_port (TsTestService *self)
{
  return self->port;
}

void
ts_test_service_free (TsTestService *self)
{
  g_autoptr(GError) error = NULL;

  if (self == NULL)
    return;
  /* The end of its input ends the script, which cleans up after itself. */
  g_output_stream_close (self->commands, NULL, NULL);
  g_subprocess_wait_check (self->process, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (self->commands);
  g_object_unref (self->answers);
  g_object_unref (self->process);
  g_free (self->url);
  g_free (self);
}
