/* ts-webdav-server.c - a private Apache httpd with mod_dav for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Python script does the Apache part (config, htpasswd, start and
 * stop as root or not); this drives it over its standard input and
 * output, one command and one "ok" a line.
 */

#include "config.h"

#include <string.h>

#include "ts-webdav-server.h"

struct _TsWebdavServer {
  GSubprocess      *process;
  GDataInputStream *answers;
  GOutputStream    *commands;
  guint16           port;
  char             *url;
};

static char *
read_line (TsWebdavServer *self)
{
  g_autoptr(GError) error = NULL;
  char *line = g_data_input_stream_read_line_utf8 (self->answers, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (line);
  return line;
}

TsWebdavServer *
ts_webdav_server_new (gboolean deflate)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *apache = g_find_program_in_path ("apache2");
  g_autofree char *line = NULL;
  TsWebdavServer *self;
  guint64 port;

  if (apache == NULL && !g_file_test ("/usr/sbin/apache2", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("apache2 is not installed (build-aux/install-deps.sh installs it)");
      return NULL;
    }

  self = g_new0 (TsWebdavServer, 1);
  self->process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                    "python3", TS_WEBDAV_SERVER_SCRIPT,
                                    "--user", TS_TEST_WEBDAV_USER, "--password", TS_TEST_WEBDAV_PASSWORD,
                                    deflate ? "--deflate" : NULL, NULL);
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

void
ts_webdav_server_command (TsWebdavServer *self,
                          const char     *command)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strconcat (command, "\n", NULL);
  g_autofree char *answer = NULL;

  g_output_stream_write_all (self->commands, text, strlen (text), NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_flush (self->commands, NULL, &error);
  g_assert_no_error (error);
  answer = read_line (self);
  g_assert_cmpstr (answer, ==, "ok");
}

const char *
ts_webdav_server_get_url (TsWebdavServer *self)
{
  return self->url;
}

guint16
ts_webdav_server_get_port (TsWebdavServer *self)
{
  return self->port;
}

void
ts_webdav_server_free (TsWebdavServer *self)
{
  g_autoptr(GError) error = NULL;

  if (self == NULL)
    return;
  /* The end of its input stops Apache and removes the folder. */
  g_output_stream_close (self->commands, NULL, NULL);
  g_subprocess_wait_check (self->process, NULL, &error);
  g_assert_no_error (error);
  g_object_unref (self->commands);
  g_object_unref (self->answers);
  g_object_unref (self->process);
  g_free (self->url);
  g_free (self);
}
