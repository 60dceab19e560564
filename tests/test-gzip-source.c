/* test-gzip-source.c - ISA-L and zlib inflate every set alike
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The build inflates with ISA-L where it has it. Both inflaters must give
 * the same bytes for every set, and the same error, word for word, for
 * every damaged one: a user's file must not read differently depending
 * on how Timestamps was built. Run in a build without ISA-L, the zlib
 * half of each check still runs, and /gzip-source/isal says it skipped.
 */
#define G_LOG_DOMAIN "test-gzip-source"

#include "config.h"

#include <string.h>

#include "ts-ableton-set.h"
#include "ts-als-writer.h"
#include "ts-gzip-source-private.h"

typedef struct
{
  GBytes *content;   /* NULL when inflating failed */
  gsize   n_handed_out;  /* before the end or the failure */
  GError *error;
} Inflated;

static void
inflated_clear (Inflated *inflated)
{
  g_clear_pointer (&inflated->content, g_bytes_unref);
  g_clear_error (&inflated->error);
}

/* Reads @data whole in pieces of @piece bytes, as the readers do. */
static void
inflate_all (GBytes          *data,
             TsGzipInflater   inflater,
             TsGzipThreading  threading,
             gsize            piece,
             Inflated        *out)
{
  g_autoptr(GByteArray) content = g_byte_array_new ();
  g_autofree guint8 *buf = g_malloc (piece);
  TsGzipSource source;
  gsize length = 0;
  const guint8 *bytes = g_bytes_get_data (data, &length);
  gssize n;

  ts_gzip_source_init_with (&source, bytes, length, "mix.als", inflater);
  ts_gzip_source_set_threading (&source, threading);
  while ((n = ts_gzip_source_read (&source, buf, piece, &out->error)) > 0)
    g_byte_array_append (content, buf, n);
  g_assert_cmpuint (ts_gzip_source_get_produced (&source), ==, content->len);
  out->n_handed_out = content->len;
  ts_gzip_source_clear (&source);

  if (n == 0)
    out->content = g_byte_array_free_to_bytes (g_steal_pointer (&content));
}

/* Both inflaters, at a few piece sizes, in this thread and with a second
 * one inflating ahead, agree with each other and with @expected, or fail
 * with @code, in the same words, where @expected is NULL. */
static void
assert_inflaters_agree (GBytes      *data,
                        GBytes      *expected,
                        TsGzipError  code)
{
  static const gsize pieces[] = { 1 << 16, 4096, 1 };
  static const TsGzipThreading threadings[] = { TS_GZIP_THREADING_NEVER, TS_GZIP_THREADING_ALWAYS };
  gboolean have_isal = ts_gzip_inflater_available (TS_GZIP_INFLATER_ISAL);
  g_autofree char *first_message = NULL;

  for (guint k = 0; k < G_N_ELEMENTS (threadings) * G_N_ELEMENTS (pieces); k++)
    {
      TsGzipThreading threading = threadings[k / G_N_ELEMENTS (pieces)];
      gsize piece = pieces[k % G_N_ELEMENTS (pieces)];
      Inflated zlib = { 0 };
      Inflated isal = { 0 };

      /* Byte by byte through a large file says nothing more and takes long. */
      if (piece == 1 && g_bytes_get_size (data) > 64 * 1024)
        continue;

      inflate_all (data, TS_GZIP_INFLATER_ZLIB, threading, piece, &zlib);
      if (expected != NULL)
        {
          g_assert_no_error (zlib.error);
          g_assert_true (g_bytes_equal (zlib.content, expected));
        }
      else
        {
          g_assert_error (zlib.error, TS_GZIP_ERROR, (int) code);
          if (first_message == NULL)
            first_message = g_strdup (zlib.error->message);
          g_assert_cmpstr (zlib.error->message, ==, first_message);
        }

      if (have_isal)
        {
          inflate_all (data, TS_GZIP_INFLATER_ISAL, threading, piece, &isal);
          if (zlib.error != NULL)
            {
              g_assert_nonnull (isal.error);
              g_assert_true (g_error_matches (isal.error, zlib.error->domain, zlib.error->code));
              g_assert_cmpstr (isal.error->message, ==, zlib.error->message);
            }
          else
            {
              g_assert_no_error (isal.error);
              g_assert_true (g_bytes_equal (isal.content, zlib.content));
            }
        }

      inflated_clear (&zlib);
      inflated_clear (&isal);
    }
}

/* The build inflates with what it says it has. */
static void
test_isal (void)
{
  TsGzipSource source;

  if (!HAVE_ISAL)
    {
      g_test_skip ("built without ISA-L (-Disal=disabled, or libisal missing): zlib checked alone");
      return;
    }

  g_assert_true (ts_gzip_inflater_available (TS_GZIP_INFLATER_ISAL));
  ts_gzip_source_init (&source, (const guint8 *) "\x1f\x8b", 2, "mix.als");
  g_assert_true (source.use_isal);
  ts_gzip_source_clear (&source);
}

static GBytes *
sample_xml (guint n_points)
{
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (11, 124.0);
  char *xml;

  ts_als_writer_add_tempo_event (writer, TS_ABLETON_SENTINEL_BEAT, 124.0);
  for (guint i = 0; i < n_points; i++)
    ts_als_writer_add_tempo_event (writer, i * 0.25, 110.0 + (i % 50));
  ts_als_writer_add_locator (writer, 0.0, "Artist - Opener");
  ts_als_writer_add_locator (writer, 64.0, "Rüfüs Du Sol - Innerbloom");
  xml = ts_als_writer_to_xml (writer);

  return g_bytes_new_take (xml, strlen (xml));
}

static GBytes *
concat (GBytes *a,
        GBytes *b)
{
  g_autoptr(GByteArray) both = g_byte_array_new ();
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (a, &length);

  g_byte_array_append (both, data, length);
  data = g_bytes_get_data (b, &length);
  g_byte_array_append (both, data, length);

  return g_byte_array_free_to_bytes (g_steal_pointer (&both));
}

static void
test_fixtures (void)
{
  static const guint sizes[] = { 0, 10, 1000, 100000 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GBytes) xml = sample_xml (sizes[i]);
      g_autoptr(GBytes) gz = NULL;

      gz = ts_als_gzip (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
      assert_inflaters_agree (gz, xml, 0);
    }
}

/* Plain XML is handed out as it is, whichever inflater was asked for. */
static void
test_plain (void)
{
  g_autoptr(GBytes) xml = sample_xml (100);

  assert_inflaters_agree (xml, xml, 0);
}

/* gzip(1) writes the original file name into the header; Live does not. */
static void
test_header_with_file_name (void)
{
  g_autoptr(GBytes) xml = sample_xml (100);
  g_autoptr(GBytes) gz = ts_als_gzip (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
  g_autoptr(GByteArray) named = g_byte_array_new ();
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (gz, &length);
  static const char name[] = "mix.als";
  g_autoptr(GBytes) bytes = NULL;

  g_assert_cmpuint (length, >, 10);
  g_assert_cmpuint (data[3], ==, 0);   /* no flags yet */
  g_byte_array_append (named, data, 10);
  named->data[3] = 0x08;               /* FNAME */
  g_byte_array_append (named, (const guint8 *) name, sizeof name);
  g_byte_array_append (named, data + 10, length - 10);
  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&named));

  assert_inflaters_agree (bytes, xml, 0);
}

static void
test_two_members (void)
{
  g_autoptr(GBytes) first = sample_xml (10);
  g_autoptr(GBytes) second = sample_xml (20);
  g_autoptr(GBytes) gz_first = ts_als_gzip (g_bytes_get_data (first, NULL), g_bytes_get_size (first));
  g_autoptr(GBytes) gz_second = ts_als_gzip (g_bytes_get_data (second, NULL), g_bytes_get_size (second));
  g_autoptr(GBytes) both = concat (gz_first, gz_second);
  g_autoptr(GBytes) expected = concat (first, second);

  assert_inflaters_agree (both, expected, 0);
}

/* Padding or junk after the member is not part of the file. */
static void
test_trailing_garbage (void)
{
  g_autoptr(GBytes) xml = sample_xml (10);
  g_autoptr(GBytes) gz = ts_als_gzip (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
  g_autoptr(GBytes) junk = g_bytes_new_static ("\0\0\0\0junk", 8);
  g_autoptr(GBytes) padded = concat (gz, junk);

  assert_inflaters_agree (padded, xml, 0);
}

/* Cut anywhere, in the header, the data or the trailer: the same error. */
static void
test_truncated (void)
{
  g_autoptr(GBytes) xml = sample_xml (1000);
  g_autoptr(GBytes) gz = ts_als_gzip (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
  gsize length = g_bytes_get_size (gz);
  const gsize cuts[] = { 2, 5, 10, 11, length / 2, length - 8, length - 4, length - 1 };
  const TsGzipInflater inflaters[] = { TS_GZIP_INFLATER_ZLIB, TS_GZIP_INFLATER_ISAL };

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autoptr(GBytes) cut = g_bytes_new_from_bytes (gz, 0, cuts[i]);

      g_test_message ("cut after %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes", cuts[i], length);
      assert_inflaters_agree (cut, NULL, TS_GZIP_ERROR_TRUNCATED);
    }

  /* Cut in the trailer, the whole content is there: every byte of it is
   * handed out before the error, which a reader may need. */
  for (gsize cut_at = length - 8; cut_at < length; cut_at++)
    {
      g_autoptr(GBytes) cut = g_bytes_new_from_bytes (gz, 0, cut_at);

      for (guint j = 0; j < 2 * G_N_ELEMENTS (inflaters); j++)
        {
          TsGzipInflater inflater = inflaters[j / 2];
          TsGzipThreading threading = j % 2 == 0 ? TS_GZIP_THREADING_NEVER : TS_GZIP_THREADING_ALWAYS;
          Inflated inflated = { 0 };

          if (!ts_gzip_inflater_available (inflater))
            continue;
          inflate_all (cut, inflater, threading, 4096, &inflated);
          g_assert_error (inflated.error, TS_GZIP_ERROR, TS_GZIP_ERROR_TRUNCATED);
          g_assert_cmpuint (inflated.n_handed_out, ==, g_bytes_get_size (xml));
          inflated_clear (&inflated);
        }
    }
}

static GBytes *
flipped (GBytes *bytes,
         gsize   at)
{
  gsize length = 0;
  guint8 *data = g_memdup2 (g_bytes_get_data (bytes, &length), g_bytes_get_size (bytes));

  g_assert_cmpuint (at, <, length);
  data[at] ^= 0x55;

  return g_bytes_new_take (data, length);
}

/* A wrong CRC or length in the trailer, or damaged data. */
static void
test_damaged (void)
{
  g_autoptr(GBytes) xml = sample_xml (1000);
  g_autoptr(GBytes) gz = ts_als_gzip (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
  gsize length = g_bytes_get_size (gz);
  const gsize places[] = { length - 8, length - 5, length - 2, 12 };

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      g_autoptr(GBytes) bad = flipped (gz, places[i]);

      g_test_message ("byte %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " flipped", places[i], length);
      assert_inflaters_agree (bad, NULL, TS_GZIP_ERROR_CORRUPT);
    }
}

/* Cut or damaged far into a stream of many blocks: the error comes after
 * the blocks before it, in both ways of reading. */
static void
test_failing_late (void)
{
  g_autoptr(GBytes) xml = sample_xml (100000);
  g_autoptr(GBytes) gz = ts_als_gzip (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
  gsize length = g_bytes_get_size (gz);
  g_autoptr(GBytes) cut = g_bytes_new_from_bytes (gz, 0, length / 2);
  g_autoptr(GBytes) bad = flipped (gz, length / 2);

  g_assert_cmpuint (g_bytes_get_size (xml), >, 8 * 64 * 1024);
  assert_inflaters_agree (cut, NULL, TS_GZIP_ERROR_TRUNCATED);
  assert_inflaters_agree (bad, NULL, TS_GZIP_ERROR_CORRUPT);
}

/* A reader that stops early (a scanner error, a size cap) ends the thread
 * inflating ahead, however far it got. */
static void
test_stopping_early (void)
{
  g_autoptr(GBytes) xml = sample_xml (100000);
  g_autoptr(GBytes) gz = ts_als_gzip (g_bytes_get_data (xml, NULL), g_bytes_get_size (xml));
  static const guint reads[] = { 0, 1, 2, 50 };
  guint8 buf[4096];

  for (guint i = 0; i < G_N_ELEMENTS (reads); i++)
    {
      TsGzipSource source;

      ts_gzip_source_init (&source, g_bytes_get_data (gz, NULL), g_bytes_get_size (gz), "mix.als");
      ts_gzip_source_set_threading (&source, TS_GZIP_THREADING_ALWAYS);
      for (guint r = 0; r < reads[i]; r++)
        g_assert_cmpint (ts_gzip_source_read (&source, buf, sizeof buf, NULL), ==, sizeof buf);
      g_assert_cmpuint (ts_gzip_source_get_produced (&source), ==, reads[i] * sizeof buf);
      ts_gzip_source_clear (&source);
    }
}

static void
collect_sets (const char *dir,
              GPtrArray  *found)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  if (listing == NULL)
    return;

  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        collect_sets (path, found);
      else if (g_str_has_suffix (name, ".als"))
        g_ptr_array_add (found, g_steal_pointer (&path));
    }
}

/* Every real set of the corpus and the wild, damaged ones included. */
static void
test_shared_set (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) file = g_mapped_file_new (data, FALSE, &error);
  g_autoptr(GBytes) bytes = NULL;
  Inflated zlib = { 0 };

  g_assert_no_error (error);
  bytes = g_mapped_file_get_bytes (file);

  /* What zlib says is the expectation, whether content or error. */
  inflate_all (bytes, TS_GZIP_INFLATER_ZLIB, TS_GZIP_THREADING_NEVER, 1 << 16, &zlib);
  assert_inflaters_agree (bytes, zlib.content, zlib.error != NULL ? zlib.error->code : 0);
  inflated_clear (&zlib);
}

static void
test_no_shared (void)
{
  g_test_skip ("../shared not found (set TS_SHARED_DIR): real sets not inflated");
}

int
main (int   argc,
      char *argv[])
{
  const char *shared = g_getenv ("TS_SHARED_DIR");
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func (g_free);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/gzip-source/isal", test_isal);
  g_test_add_func ("/gzip-source/fixtures", test_fixtures);
  g_test_add_func ("/gzip-source/plain", test_plain);
  g_test_add_func ("/gzip-source/header-with-file-name", test_header_with_file_name);
  g_test_add_func ("/gzip-source/two-members", test_two_members);
  g_test_add_func ("/gzip-source/trailing-garbage", test_trailing_garbage);
  g_test_add_func ("/gzip-source/truncated", test_truncated);
  g_test_add_func ("/gzip-source/damaged", test_damaged);
  g_test_add_func ("/gzip-source/failing-late", test_failing_late);
  g_test_add_func ("/gzip-source/stopping-early", test_stopping_early);

  if (shared != NULL && g_file_test (shared, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *corpus = g_build_filename (shared, "corpus", NULL);
      g_autofree char *wild = g_build_filename (shared, "wild", NULL);

      collect_sets (corpus, sets);
      collect_sets (wild, sets);
    }
  for (guint i = 0; i < sets->len; i++)
    {
      const char *path = g_ptr_array_index (sets, i);
      g_autofree char *test_path = g_strdup_printf ("/gzip-source/shared/%s", path + strlen (shared) + 1);

      g_test_add_data_func (test_path, path, test_shared_set);
    }
  if (sets->len == 0)
    g_test_add_func ("/gzip-source/shared", test_no_shared);

  return g_test_run ();
}
