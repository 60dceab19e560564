/* test-json-shape.c - which untrusted JSON text json-glib may be given
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "ts-json-shape.h"

static gboolean
is_one_object (const char *text)
{
  return ts_json_is_one_object (text, strlen (text), 4);
}

static void
test_one_object (void)
{
  g_assert_true (is_one_object ("{}"));
  g_assert_true (is_one_object ("  {\"a\": [1, {\"b\": \"}]\"}]}\n"));
  /* Cut off inside: json-glib says where. */
  g_assert_true (is_one_object ("{\"a\": [1"));

  g_assert_false (is_one_object (""));
  g_assert_false (is_one_object ("[]"));
  g_assert_false (is_one_object ("\"a\""));
  g_assert_false (is_one_object ("{} []"));
  g_assert_false (is_one_object ("{}{}"));
  g_assert_false (is_one_object ("{\"a\": [[[[1]]]]}"));
  g_assert_true (is_one_object ("{\"a\": [[[1]]]}"));
}

static void
test_escapes (void)
{
  g_assert_true (is_one_object ("{\"a\": \"\\\"}\\\\\"}"));
  g_assert_true (is_one_object ("{\"a\": \"\\u00e9 \\uD83C\\uDFB5 \\uffff\"}"));

  g_assert_false (is_one_object ("{\"a\": \"\\ud800\\u001f\"}"));
  g_assert_false (is_one_object ("{\"a\": \"\\ud800\"}"));
  g_assert_false (is_one_object ("{\"a\": \"\\udfb5\\ud83c\"}"));
  g_assert_false (is_one_object ("{\"a\": \"\\uDBFF\\uD800\"}"));
  g_assert_false (is_one_object ("{\"a\": \"\\ud800"));

  /* Escapes JSON does not define; a member name of one, after the
   * first member, made json-glib leak it (found by fuzz-library). */
  g_assert_false (is_one_object ("{\"a\": 1, \"\\ud8\"\\u00"));
  g_assert_false (is_one_object ("{\"a\": \"\\x\"}"));
  g_assert_false (is_one_object ("{\"a\": \"\\u00g0\"}"));
  g_assert_true (is_one_object ("{\"a\": \"\\/\\b\\f\\n\\r\\t\"}"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-shape/one-object", test_one_object);
  g_test_add_func ("/json-shape/escapes", test_escapes);

  return g_test_run ();
}
