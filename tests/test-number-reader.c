/* test-number-reader.c - the Live set number reader gives what strtod gives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both Live set readers parse numbers with a hand-written reader that
 * avoids strtod() for the numbers Live writes. It must give the same
 * double, bit for bit, for every number: here for random numbers of up to
 * 20 digits, for the numbers whose rounding is hardest (exactly halfway
 * between two doubles), and for every number in every set of the fixtures
 * and the shared corpus.
 */
#define G_LOG_DOMAIN "test-number-reader"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ts-ableton-set-private.h"
#include "ts-als-writer.h"

/* Holds the reader's double against g_ascii_strtod()'s for @text, which
 * both must take whole. */
static void
assert_reads_as_strtod (const char *text)
{
  TsAbletonCollector c = { .display_name = "numbers" };
  g_autoptr(GError) error = NULL;
  char *end = NULL;
  double expected = g_ascii_strtod (text, &end);
  double value = NAN;

  g_assert_cmpint (*end, ==, '\0');
  if (!ts_ableton_parse_number (&c, text, strlen (text), "a number", &value, &error))
    g_error ("“%s” is refused: %s", text, error->message);
  if (memcmp (&value, &expected, sizeof value) != 0)
    g_error ("“%s” reads as %.17g, strtod gives %.17g", text, value, expected);
}

/* A number as Live might write one: @n_digits digits, a point after
 * @n_integer of them (none when equal), perhaps a sign and an exponent. */
static char *
random_number (GRand *rand)
{
  GString *text = g_string_new (NULL);
  int n_digits = g_rand_int_range (rand, 1, 21);
  int n_integer = g_rand_int_range (rand, 0, n_digits + 1);

  if (g_rand_int_range (rand, 0, 4) == 0)
    g_string_append_c (text, '-');
  if (n_integer == 0)
    g_string_append (text, "0.");
  for (int i = 0; i < n_digits; i++)
    {
      if (i == n_integer && i > 0)
        g_string_append_c (text, '.');
      g_string_append_c (text, (char) ('0' + g_rand_int_range (rand, 0, 10)));
    }
  if (g_rand_int_range (rand, 0, 16) == 0)
    g_string_append_printf (text, "e%d", g_rand_int_range (rand, -30, 31));
  return g_string_free (text, FALSE);
}

static void
test_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261203);

  for (int i = 0; i < 300000; i++)
    {
      g_autofree char *text = random_number (rand);

      assert_reads_as_strtod (text);
    }
}

/* Exactly halfway between two doubles, or a hair off it, where rounding
 * twice would go wrong; and numbers around the reader's digit limits. */
static void
test_hard_cases (void)
{
  static const char *const numbers[] = {
    "9007199254740993", "9007199254740995", "9007199254740997",
    "9007199254740993.0", "900719925474099.3", "90071992547409.93",
    "9007199254740992.5", "9007199254740993.5", "18014398509481985",
    "1801439850948198.5", "36028797018963971", "3602879701896397.1",
    "0.1", "0.2", "0.3", "0.30000000000000004", "0.30000000000000001",
    "66.022675761738256", "109.95011342823842", "233.95011342823844",
    "4.0939253454878459", "120.760574", "-63072000", "1e-05",
    "9999999999999999999", "999999999999999999.9", "0.9999999999999999999",
    "1844674407370955161", "0.0000000000000000001", "123456789012345678",
    "0", "-0", "0.0", "-0.0000000000000000000", "00000000000000000001",
  };

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    assert_reads_as_strtod (numbers[i]);
}

/* Every Time, Value and curve handle in @xml that the reader takes as a
 * number (a Value may be a name or "true"). */
static guint
check_numbers_in (const char *xml,
                  gsize       length)
{
  g_autoptr(GRegex) regex = g_regex_new ("(?:Time|Value|CurveControl[12][XY])=\"([^\"]*)\"",
                                         G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint n = 0;

  g_regex_match_full (regex, xml, (gssize) length, 0, 0, &match, NULL);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *text = g_match_info_fetch (match, 1);
      TsAbletonCollector c = { .display_name = "numbers" };
      g_autoptr(GError) error = NULL;
      double value;

      if (!ts_ableton_parse_number (&c, text, strlen (text), "a number", &value, &error))
        continue;
      assert_reads_as_strtod (text);
      n++;
    }
  return n;
}

static guint
check_numbers_in_set (GBytes     *set,
                      const char *name)
{
  g_autoptr(GByteArray) xml = g_byte_array_new ();
  g_autoptr(GError) error = NULL;
  TsGzipSource src;
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (set, &length);
  guint8 piece[64 * 1024];
  gssize n;

  ts_gzip_source_init (&src, data, length, name);
  while ((n = ts_gzip_source_read (&src, piece, sizeof piece, &error)) > 0)
    g_byte_array_append (xml, piece, (guint) n);
  ts_gzip_source_clear (&src);
  /* A damaged set has no numbers to compare; the set tests read it. */
  if (n < 0 || xml->len == 0)
    return 0;
  return check_numbers_in ((const char *) xml->data, xml->len);
}

static void
test_fixtures (void)
{
  g_autoptr(TsAlsWriter) w = ts_als_writer_new (10, 120.0);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  double beat = 0.0;

  ts_als_writer_add_tempo_event (w, TS_ABLETON_SENTINEL_BEAT, 120.0);
  for (int i = 0; i < 20000; i++)
    {
      beat += g_rand_double_range (rand, 0.001, 16.0);
      if (i % 7 == 0)
        ts_als_writer_add_curved_tempo_event (w, beat, g_rand_double_range (rand, 40.0, 240.0),
                                              g_rand_double (rand), g_rand_double (rand),
                                              g_rand_double (rand), g_rand_double (rand));
      else
        ts_als_writer_add_tempo_event (w, beat, g_rand_double_range (rand, 40.0, 240.0));
    }
  ts_als_writer_add_locator (w, 32.0, "Artist - Title");
  bytes = ts_als_writer_to_bytes (w, TRUE);

  g_assert_cmpuint (check_numbers_in_set (bytes, "fixture"), >=, 2 * 20000);
}

static void
collect_sets (const char *dir,
              GPtrArray  *paths)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  if (handle == NULL)
    return;
  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_sets (path, paths);
      else if (g_str_has_suffix (name, ".als"))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
}

static void
test_corpus (void)
{
  const char *shared = g_getenv ("TS_SHARED_DIR");
  g_autofree char *corpus = NULL;
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  guint n = 0;

  if (shared != NULL)
    corpus = g_build_filename (shared, "corpus", NULL);
  if (corpus == NULL || !g_file_test (corpus, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("no shared corpus (TS_SHARED_DIR)");
      return;
    }

  collect_sets (corpus, paths);
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
      g_autoptr(GBytes) bytes = NULL;
      guint found;

      g_assert_nonnull (file);
      bytes = g_mapped_file_get_bytes (file);
      found = check_numbers_in_set (bytes, path);
      g_test_message ("%s: %u numbers", path, found);
      n += found;
    }
  g_assert_cmpuint (n, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/number-reader/random", test_random);
  g_test_add_func ("/number-reader/hard-cases", test_hard_cases);
  g_test_add_func ("/number-reader/fixtures", test_fixtures);
  g_test_add_func ("/number-reader/corpus", test_corpus);

  return g_test_run ();
}
