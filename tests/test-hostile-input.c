/* test-hostile-input.c - damaged and malicious Ableton Live sets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every input here must give a GError (or, for random damage, possibly a
 * harmless result), never a crash, a hang, a file read or memory that
 * grows with what the input claims.
 */
#define G_LOG_DOMAIN "test-hostile-input"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "ts-ableton-reference.h"
#include "ts-ableton-set.h"
#include "ts-ableton-set-private.h"
#include "ts-als-writer.h"

#define MIB (1024 * 1024)

static const char set_header[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<Ableton MajorVersion=\"5\" MinorVersion=\"10.0_377\" Creator=\"Ableton Live 10.1.7\">\n"
  "\t<LiveSet>\n";

/* Reads @data with the streaming reader (and the reference reader when
 * @reference) and checks that both fail with @code. */
static void
assert_fails (const void     *data,
              gsize           length,
              TsProjectError  code,
              gboolean        reference)
{
  g_autoptr(GError) error = NULL;
  TsAbletonSet set = { 0 };

  g_assert_false (ts_ableton_set_read (&set, data, length, "hostile.als", &error));
  g_assert_error (error, TS_PROJECT_ERROR, (gint) code);
  g_assert_true (g_str_has_prefix (error->message, "hostile.als: "));
  g_assert_null (set.creator);
  g_assert_null (set.locators);
  g_test_message ("%s", error->message);

  if (reference)
    {
      g_autoptr(GError) reference_error = NULL;

      g_assert_false (ts_ableton_set_read_reference (&set, data, length, "hostile.als",
                                                     &reference_error));
      g_assert_error (reference_error, TS_PROJECT_ERROR, (gint) code);
    }
}

static void
assert_bytes_fail (GBytes         *bytes,
                   TsProjectError  code,
                   gboolean        reference)
{
  gsize length = 0;
  const void *data = g_bytes_get_data (bytes, &length);

  assert_fails (data, length, code, reference);
}

static GBytes *
valid_set (gboolean gzip)
{
  g_autoptr(TsAlsWriter) writer = ts_als_writer_new (11, 128);

  ts_als_writer_add_tempo_event (writer, TS_ABLETON_SENTINEL_BEAT, 128);
  for (guint i = 0; i < 2000; i++)
    ts_als_writer_add_tempo_event (writer, i * 0.75, 100 + i % 50);
  ts_als_writer_add_locator (writer, 32, "Artist - Title");
  ts_als_writer_add_locator (writer, 0, "Intro");
  ts_als_writer_add_clip (writer, TS_ALS_TRACK_AUDIO, 0, 1500.25, FALSE);
  ts_als_writer_add_clip (writer, TS_ALS_TRACK_MIDI, 32, 64, FALSE);
  ts_als_writer_add_clip (writer, TS_ALS_TRACK_MIDI, 0, 4, TRUE);
  return ts_als_writer_to_bytes (writer, gzip);
}

/* A gzip file of @prefix followed by @fill_mib MiB of @pattern repeated,
 * made in milliseconds: one MiB of filler is deflated once after a full
 * flush (so that it refers to nothing before it) and its blocks repeated. */
static GBytes *
gzip_bomb (const char *prefix,
           const char *pattern,
           gsize       pattern_len,
           gsize       fill_mib)
{
  static const guint8 gzip_header[] = { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 3 };
  static const guint8 empty_final_block[] = { 0x03, 0x00 };
  g_autofree guint8 *chunk = g_malloc (MIB);
  g_autofree guint8 *out = g_malloc (2 * MIB);
  GByteArray *bomb = g_byte_array_new ();
  z_stream zs = { 0 };
  gsize prefix_len = strlen (prefix);
  gsize block_len;
  guint32 crc, chunk_crc;
  guint64 total;
  guint8 trailer[8];

  for (gsize i = 0; i < MIB; i++)
    chunk[i] = pattern[i % pattern_len];
  g_assert_cmpint (deflateInit2 (&zs, 9, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY),
                   ==, Z_OK);
  g_byte_array_append (bomb, gzip_header, sizeof gzip_header);

  zs.next_in = (Bytef *) prefix;
  zs.avail_in = prefix_len;
  zs.next_out = out;
  zs.avail_out = 2 * MIB;
  g_assert_cmpint (deflate (&zs, Z_FULL_FLUSH), ==, Z_OK);
  g_assert_cmpuint (zs.avail_in, ==, 0);
  g_byte_array_append (bomb, out, 2 * MIB - zs.avail_out);

  zs.next_in = chunk;
  zs.avail_in = MIB;
  zs.next_out = out;
  zs.avail_out = 2 * MIB;
  g_assert_cmpint (deflate (&zs, Z_FULL_FLUSH), ==, Z_OK);
  g_assert_cmpuint (zs.avail_in, ==, 0);
  block_len = 2 * MIB - zs.avail_out;
  deflateEnd (&zs);

  crc = crc32 (0, (const Bytef *) prefix, prefix_len);
  chunk_crc = crc32 (0, chunk, MIB);
  for (gsize i = 0; i < fill_mib; i++)
    {
      g_byte_array_append (bomb, out, block_len);
      crc = crc32_combine (crc, chunk_crc, MIB);
    }
  g_byte_array_append (bomb, empty_final_block, sizeof empty_final_block);

  total = prefix_len + (guint64) fill_mib * MIB;
  for (guint i = 0; i < 4; i++)
    {
      trailer[i] = (crc >> (8 * i)) & 0xff;
      trailer[4 + i] = (total >> (8 * i)) & 0xff;
    }
  g_byte_array_append (bomb, trailer, sizeof trailer);

  return g_byte_array_free_to_bytes (bomb);
}

/* Text that inflates fast (long-distance copies) and scans as plain text. */
static const char filler_text[] =
  "All work and no play makes a DJ a dull boy; nothing here is markup. ";

/* A line of /proc/self/status in KiB, or 0 where unknown. */
static guint64
status_kib (const char *key)
{
#ifdef __linux__
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, key);
  if (line != NULL)
    return g_ascii_strtoull (line + strlen (key), NULL, 10);
#endif
  return 0;
}

/* Starts measuring peak memory from now; FALSE where that is not possible
 * (not Linux, or /proc/self/clear_refs refused). */
static gboolean
memory_watch_start (guint64 *start_kib)
{
#ifdef __linux__
  /* "5" resets the peak (VmHWM) to the current resident size; this file
   * cannot be replaced, only written to. */
  FILE *clear_refs = fopen ("/proc/self/clear_refs", "w");
  gboolean reset;

  if (clear_refs == NULL)
    return FALSE;
  reset = fputs ("5", clear_refs) >= 0;
  reset = fclose (clear_refs) == 0 && reset;
  if (reset)
    {
      *start_kib = status_kib ("VmRSS:");
      return *start_kib > 0;
    }
#endif
  return FALSE;
}

/* The peak since memory_watch_start() grew by less than @limit_mib: what a
 * streaming reader needs, not what the bomb inflates to. Under
 * AddressSanitizer freed blocks stay resident a while (quarantine), which
 * the limits leave room for. */
static void
memory_watch_check (gboolean watching,
                    guint64  start_kib,
                    guint64  limit_mib)
{
  guint64 peak_kib;

  if (!watching)
    {
      g_test_message ("peak memory not measured here");
      return;
    }
  peak_kib = status_kib ("VmHWM:");
  g_test_message ("peak memory grew by %" G_GUINT64_FORMAT " KiB",
                  peak_kib > start_kib ? peak_kib - start_kib : 0);
  g_assert_cmpuint (peak_kib, <, start_kib + limit_mib * 1024);
}

static void
test_empty (void)
{
  static const guint8 nothing[1] = { 0 };
  g_autoptr(GBytes) empty_gzip = ts_als_gzip ("", 0);

  assert_fails (nothing, 0, TS_PROJECT_ERROR_EMPTY, TRUE);
  assert_bytes_fail (empty_gzip, TS_PROJECT_ERROR_EMPTY, TRUE);
}

static void
test_truncated_gzip (void)
{
  g_autoptr(GBytes) bytes = valid_set (TRUE);
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  const gsize cuts[] = { 3, 10, 11, length / 3, length / 2 };
  /* In the last bytes of the stream or its trailer: the locators were
   * inflated whole (see test_cut_after_locators()). */
  const gsize late_cuts[] = { length - 9, length - 4, length - 1 };

  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_test_message ("cut at %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT, cuts[i], length);
      assert_fails (data, cuts[i], TS_PROJECT_ERROR_TRUNCATED, TRUE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (late_cuts); i++)
    {
      g_autoptr(GError) error = NULL;
      TsAbletonSet set = { 0 };

      g_test_message ("cut at %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT, late_cuts[i], length);
      g_assert_true (ts_ableton_set_read (&set, data, late_cuts[i], "hostile.als", &error));
      g_assert_no_error (error);
      g_assert_nonnull (set.warning);
      g_assert_cmpuint (set.locators->len, ==, 2);
      ts_ableton_set_clear (&set);
    }
}

/* The gzip file of @xml's first @length bytes, flushed there and cut: no
 * final block, no trailer, as a download that stopped right there. */
static GBytes *
gzip_cut (const char *xml,
          gsize       length)
{
  static const guint8 gzip_header[] = { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 3 };
  gsize out_size = length + length / 2 + 1024;
  g_autofree guint8 *out = g_malloc (out_size);
  GByteArray *cut = g_byte_array_new ();
  z_stream zs = { 0 };

  g_assert_cmpint (deflateInit2 (&zs, 6, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY), ==, Z_OK);
  g_byte_array_append (cut, gzip_header, sizeof gzip_header);
  zs.next_in = (Bytef *) xml;
  zs.avail_in = length;
  zs.next_out = out;
  zs.avail_out = out_size;
  g_assert_cmpint (deflate (&zs, Z_FULL_FLUSH), ==, Z_OK);
  g_assert_cmpuint (zs.avail_in, ==, 0);
  g_byte_array_append (cut, out, out_size - zs.avail_out);
  deflateEnd (&zs);

  return g_byte_array_free_to_bytes (cut);
}

static void
assert_same_set (const TsAbletonSet *cut,
                 const TsAbletonSet *whole)
{
  g_assert_cmpuint (cut->live_version, ==, whole->live_version);
  g_assert_cmpfloat (cut->tempo, ==, whole->tempo);
  g_assert_cmpuint (cut->tempo_events->len, ==, whole->tempo_events->len);
  g_assert_cmpmem (cut->tempo_events->data, cut->tempo_events->len * sizeof (TsTempoPoint),
                   whole->tempo_events->data, whole->tempo_events->len * sizeof (TsTempoPoint));
  g_assert_cmpuint (cut->locators->len, ==, whole->locators->len);
  for (guint i = 0; i < whole->locators->len; i++)
    {
      const TsAbletonLocator *a = &g_array_index (cut->locators, TsAbletonLocator, i);
      const TsAbletonLocator *b = &g_array_index (whole->locators, TsAbletonLocator, i);

      g_assert_cmpfloat (a->beat, ==, b->beat);
      g_assert_cmpstr (a->name, ==, b->name);
    }
  g_assert_cmpfloat (cut->end_beat, ==, whole->end_beat);
}

/* A set cut off after its locators, which Live writes after the tracks
 * and the master track, lost nothing a tracklist needs: it is read
 * whole, with a warning. Cut anywhere before the locators end,
 * it is refused as before: the tempo or the clips may be missing. */
static void
test_cut_after_locators (void)
{
  g_autoptr(GBytes) whole_bytes = valid_set (FALSE);
  gsize length = 0;
  const char *xml = g_bytes_get_data (whole_bytes, &length);
  const char *locators_end = g_strrstr_len (xml, length, "</Locators>");
  const char *master_end = g_strrstr_len (xml, length, "</MasterTrack>");
  gsize after_locators = (gsize) (locators_end - xml) + strlen ("</Locators>");
  const gsize refused[] = { (gsize) (master_end - xml), (gsize) (master_end - xml) + strlen ("</MasterTrack>"),
                            (gsize) (locators_end - xml), after_locators - 1 };
  const gsize read[] = { after_locators, length - strlen ("</Ableton>\n"), length - 1 };
  TsAbletonSet whole = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (locators_end);
  g_assert_nonnull (master_end);
  g_assert_true (ts_ableton_set_read (&whole, (const guint8 *) xml, length, "whole.als", &error));
  g_assert_no_error (error);
  g_assert_null (whole.warning);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GBytes) cut = gzip_cut (xml, refused[i]);

      g_test_message ("cut at %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes of XML", refused[i], length);
      assert_bytes_fail (cut, TS_PROJECT_ERROR_TRUNCATED, TRUE);
    }

  for (guint i = 0; i < G_N_ELEMENTS (read); i++)
    {
      g_autoptr(GBytes) cut = gzip_cut (xml, read[i]);
      gsize cut_length = 0;
      const guint8 *data = g_bytes_get_data (cut, &cut_length);
      TsAbletonSet set = { 0 };
      TsAbletonSet reference = { 0 };

      g_test_message ("cut at %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes of XML", read[i], length);
      g_assert_true (ts_ableton_set_read (&set, data, cut_length, "cut.als", &error));
      g_assert_no_error (error);
      g_assert_cmpstr (set.warning, ==, "cut.als: the file ends early, after its locators; the locators, "
                                        "the tempo and the length of the arrangement were read whole, "
                                        "only what follows them is missing");
      assert_same_set (&set, &whole);

      /* libxml2 stops at the failed read before it hands out the last
       * elements it holds: the reference reader may refuse the cut set,
       * but must not read it differently. */
      if (ts_ableton_set_read_reference (&reference, data, cut_length, "cut.als", &error))
        {
          g_assert_cmpstr (reference.warning, ==, set.warning);
          assert_same_set (&reference, &whole);
        }
      else
        {
          g_assert_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_TRUNCATED);
          g_clear_error (&error);
        }

      ts_ableton_set_clear (&set);
      ts_ableton_set_clear (&reference);
    }
  ts_ableton_set_clear (&whole);
}

static void
test_corrupt_gzip (void)
{
  g_autoptr(GBytes) bytes = valid_set (TRUE);
  gsize length = 0;
  g_autofree guint8 *data = g_bytes_unref_to_data (g_bytes_ref (bytes), &length);

  /* A damaged CRC: the XML is fine, the file is not. */
  data[length - 6] ^= 0x55;
  assert_fails (data, length, TS_PROJECT_ERROR_DAMAGED, TRUE);
}

static void
test_gzip_of_non_xml (void)
{
  static const char *texts[] = {
    "This is not a Live set, just some text.\n",
    "{\"Ableton\": {\"MinorVersion\": \"10.0_377\"}}",
    "   \n\t  ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GBytes) gz = ts_als_gzip (texts[i], strlen (texts[i]));

      assert_bytes_fail (gz, TS_PROJECT_ERROR_UNKNOWN_FORMAT, TRUE);
      assert_fails (texts[i], strlen (texts[i]), TS_PROJECT_ERROR_UNKNOWN_FORMAT, TRUE);
    }
}

static void
test_xml_without_ableton (void)
{
  static const char *documents[] = {
    "<?xml version=\"1.0\"?>\n<html><body>Ableton</body></html>\n",
    "<Abletonx MinorVersion=\"10.0_377\"><LiveSet/></Abletonx>",
    "<LiveSet><Ableton/></LiveSet>",
  };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(GBytes) gz = ts_als_gzip (documents[i], strlen (documents[i]));

      assert_bytes_fail (gz, TS_PROJECT_ERROR_UNKNOWN_FORMAT, TRUE);
    }
}

static void
test_zero_bomb (void)
{
  /* 2 GiB of zeros after a valid start, in about 2 MB: the first zero is
   * binary data where text belongs. */
  g_autoptr(GBytes) bomb = gzip_bomb (set_header, "\0", 1, 2048);
  gint64 start = g_get_monotonic_time ();
  guint64 start_kib = 0;
  gboolean watching = memory_watch_start (&start_kib);

  g_assert_cmpuint (g_bytes_get_size (bomb), <, 4 * MIB);
  assert_bytes_fail (bomb, TS_PROJECT_ERROR_DAMAGED, FALSE);
  g_test_message ("rejected in %.3f s", (g_get_monotonic_time () - start) / 1e6);
  memory_watch_check (watching, start_kib, 16);
}

static void
test_blank_bomb (void)
{
  /* 2 GiB of spaces before any element: not a set, said after 64 KiB. */
  g_autoptr(GBytes) bomb = gzip_bomb ("<?xml version=\"1.0\"?>", " ", 1, 2048);
  guint64 start_kib = 0;
  gboolean watching = memory_watch_start (&start_kib);

  assert_bytes_fail (bomb, TS_PROJECT_ERROR_UNKNOWN_FORMAT, FALSE);
  memory_watch_check (watching, start_kib, 16);
}

static void
test_text_bomb (void)
{
  /* Valid text, endlessly: only the size cap stops it, after 1 GiB of
   * streaming through a fixed amount of memory. */
  g_autofree char *prefix = g_strconcat (set_header, "\t\t<Annotation>", NULL);
  g_autoptr(GBytes) bomb = gzip_bomb (prefix, filler_text, strlen (filler_text),
                                      (gsize) (TS_ABLETON_MAX_XML_SIZE / MIB) + 8);
  gint64 start = g_get_monotonic_time ();
  guint64 start_kib = 0;
  gboolean watching = memory_watch_start (&start_kib);

  assert_bytes_fail (bomb, TS_PROJECT_ERROR_TOO_LARGE, FALSE);
  g_test_message ("rejected in %.3f s", (g_get_monotonic_time () - start) / 1e6);
  memory_watch_check (watching, start_kib, 16);
}

static void
test_huge_region (void)
{
  /* Locators that never end: the reader holds nothing of what it reads
   * inside them, so memory stays flat to the end of the file, where the
   * set is damaged. */
  g_autofree char *prefix = g_strconcat (set_header, "\t\t<Locators><Locators>", NULL);
  g_autoptr(GBytes) bomb = gzip_bomb (prefix, filler_text, strlen (filler_text), 64);
  guint64 start_kib = 0;
  gboolean watching = memory_watch_start (&start_kib);

  assert_bytes_fail (bomb, TS_PROJECT_ERROR_DAMAGED, FALSE);
  memory_watch_check (watching, start_kib, 16);
}

static void
test_bomb_just_under_cap_is_read (void)
{
  /* Like the text bomb, but closed properly and under the cap: a huge
   * (boring) set is still a set. */
  g_autofree char *prefix = g_strconcat (set_header, "\t\t<Annotation>", NULL);
  g_autoptr(GError) error = NULL;
  static const char tail[] =
    "</Annotation>\n\t\t<MasterTrack><DeviceChain><Mixer><Tempo><Manual Value=\"125\"/>"
    "</Tempo></Mixer></DeviceChain></MasterTrack>\n\t</LiveSet>\n</Ableton>\n";
  g_autofree char *xml = NULL;
  g_autoptr(GBytes) gz = NULL;
  TsAbletonSet set = { 0 };
  gsize size = strlen (prefix) + 64 * MIB + strlen (tail);

  xml = g_malloc (size + 1);
  strcpy (xml, prefix);
  memset (xml + strlen (prefix), 'a', 64 * MIB);
  strcpy (xml + strlen (prefix) + 64 * MIB, tail);
  gz = ts_als_gzip (xml, size);

  g_assert_true (ts_ableton_set_read (&set, g_bytes_get_data (gz, NULL), g_bytes_get_size (gz),
                                      "big.als", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (set.tempo, ==, 125);
  ts_ableton_set_clear (&set);
}

static const char xxe_document[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<!DOCTYPE Ableton [\n"
  "  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n"
  "  <!ENTITY % remote SYSTEM \"http://127.0.0.1:9/evil.dtd\">\n"
  "  %remote;\n"
  "]>\n"
  "<Ableton MajorVersion=\"5\" MinorVersion=\"10.0_377\" Creator=\"&xxe;\">\n"
  "\t<LiveSet>\n"
  "\t\t<MasterTrack><DeviceChain><Mixer><Tempo><Manual Value=\"120\"/></Tempo></Mixer>"
  "</DeviceChain></MasterTrack>\n"
  "\t\t<Locators><Locators><Locator><Time Value=\"0\"/><Name Value=\"&xxe;\"/></Locator>"
  "</Locators></Locators>\n"
  "\t\t<Leak>&xxe;</Leak>\n"
  "\t</LiveSet>\n"
  "</Ableton>\n";

static void
assert_no_leak (const void *data,
                gsize       length,
                gboolean    reference)
{
  g_autoptr(GError) error = NULL;
  TsAbletonSet set = { 0 };
  gboolean ok;

  if (reference)
    ok = ts_ableton_set_read_reference (&set, data, length, "xxe.als", &error);
  else
    ok = ts_ableton_set_read (&set, data, length, "xxe.als", &error);

  g_assert_false (ok);
  g_assert_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED);
  g_assert_null (strstr (error->message, "root:"));
  g_assert_null (strstr (error->message, "/bin/"));
  g_assert_null (set.creator);
  g_assert_null (set.locators);
}

static void
test_xxe (void)
{
  g_autoptr(GBytes) gz = ts_als_gzip (xxe_document, strlen (xxe_document));
  /* The same reference without a DTD: an entity XML does not know. */
  static const char undeclared[] =
    "<Ableton MinorVersion=\"10.0_377\"><LiveSet><Locators><Locators><Locator>"
    "<Time Value=\"0\"/><Name Value=\"&xxe;\"/></Locator></Locators></Locators>"
    "</LiveSet></Ableton>";

  for (guint reference = 0; reference < 2; reference++)
    {
      assert_no_leak (xxe_document, strlen (xxe_document), reference);
      assert_no_leak (g_bytes_get_data (gz, NULL), g_bytes_get_size (gz), reference);
      assert_no_leak (undeclared, strlen (undeclared), reference);
    }
}

static void
test_billion_laughs (void)
{
  GString *doc = g_string_new ("<?xml version=\"1.0\"?>\n<!DOCTYPE Ableton [\n"
                               "  <!ENTITY lol0 \"lol\">\n");
  g_autoptr(GBytes) bytes = NULL;
  gint64 start = g_get_monotonic_time ();

  for (guint i = 1; i < 10; i++)
    g_string_append_printf (doc, "  <!ENTITY lol%u \"&lol%u;&lol%u;&lol%u;&lol%u;&lol%u;"
                            "&lol%u;&lol%u;&lol%u;&lol%u;&lol%u;\">\n",
                            i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1,
                            i - 1, i - 1);
  g_string_append (doc, "]>\n<Ableton MinorVersion=\"10.0_377\" Creator=\"&lol9;\">"
                        "<LiveSet><Locators><Locators><Locator><Time Value=\"0\"/>"
                        "<Name Value=\"&lol9;\"/></Locator></Locators></Locators>"
                        "<Text>&lol9;</Text></LiveSet></Ableton>\n");
  bytes = g_string_free_to_bytes (doc);

  assert_bytes_fail (bytes, TS_PROJECT_ERROR_DAMAGED, TRUE);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
}

static void
test_huge_attribute (void)
{
  gsize huge = 20 * MIB;
  g_autofree char *xml = g_malloc (huge + 256);
  g_autoptr(GBytes) open_gz = NULL;
  g_autoptr(GBytes) closed_gz = NULL;
  guint64 start_kib = 0;
  gboolean watching;
  gsize prefix;

  /* An attribute that never ends, and one that ends 20 MiB later: beyond
   * any tag Live writes. */
  prefix = g_snprintf (xml, 256, "<Ableton MinorVersion=\"10.0_377\" Creator=\"");
  memset (xml + prefix, 'A', huge);
  open_gz = ts_als_gzip (xml, prefix + huge);
  strcpy (xml + prefix + huge, "\"><LiveSet/></Ableton>");
  closed_gz = ts_als_gzip (xml, strlen (xml));

  /* The reader holds at most twice the 8 MiB tag limit, reached by
   * doubling (which AddressSanitizer's quarantine keeps resident). */
  watching = memory_watch_start (&start_kib);
  assert_bytes_fail (open_gz, TS_PROJECT_ERROR_DAMAGED, FALSE);
  memory_watch_check (watching, start_kib, 64);
  watching = memory_watch_start (&start_kib);
  assert_bytes_fail (closed_gz, TS_PROJECT_ERROR_DAMAGED, FALSE);
  memory_watch_check (watching, start_kib, 64);
}

static void
test_unterminated_at_eof (void)
{
  static const char *documents[] = {
    "<Ableton MinorVersion=\"10.0_377\"><LiveSet><Locators",
    "<Ableton MinorVersion=\"10.0_377\"><LiveSet><Locators><Locators><Locator><Time Value=\"4",
    "<Ableton MinorVersion=\"10.0_377\"><LiveSet>",
    "<Ableton MinorVersion=\"10.0_377\"><LiveSet></LiveSet></Ablet",
    "<Ableton MinorVersion=\"10.0_377\"><!-- never closed",
  };
  static const char cut_root[] = "<Ableton MinorVersion=\"10.0_3";

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(GBytes) gz = ts_als_gzip (documents[i], strlen (documents[i]));

      g_test_message ("%s", documents[i]);
      assert_fails (documents[i], strlen (documents[i]), TS_PROJECT_ERROR_DAMAGED, TRUE);
      assert_bytes_fail (gz, TS_PROJECT_ERROR_DAMAGED, TRUE);
    }

  /* libxml2 never reports a root it did not finish reading, so only the
   * streaming reader can tell a cut-off root tag from non-XML. */
  assert_fails (cut_root, strlen (cut_root), TS_PROJECT_ERROR_DAMAGED, FALSE);
}

static void
test_deep_nesting (void)
{
  GString *doc = g_string_new ("<Ableton MinorVersion=\"10.0_377\">");
  g_autoptr(GBytes) gz = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (doc, "<a>");
  gz = ts_als_gzip (doc->str, doc->len);
  g_string_free (doc, TRUE);

  assert_bytes_fail (gz, TS_PROJECT_ERROR_DAMAGED, TRUE);
}

static void
test_many_attributes (void)
{
  GString *doc = g_string_new ("<Ableton MinorVersion=\"10.0_377\"><LiveSet><X");
  g_autoptr(GBytes) gz = NULL;

  for (guint i = 0; i < 500000; i++)
    g_string_append_printf (doc, " a%u=''", i);
  g_string_append (doc, "/></LiveSet></Ableton>");
  gz = ts_als_gzip (doc->str, doc->len);
  g_string_free (doc, TRUE);

  assert_bytes_fail (gz, TS_PROJECT_ERROR_DAMAGED, FALSE);
}

/* Random bytes, random bytes behind a gzip magic, gzip of random bytes and
 * randomly damaged sets: each read either fails cleanly or gives a set. */
static void
check_survives (const guint8 *data,
                gsize         length,
                gboolean      reference)
{
  for (guint pass = 0; pass < (reference ? 2u : 1u); pass++)
    {
      g_autoptr(GError) error = NULL;
      TsAbletonSet set = { 0 };
      gboolean ok;

      ok = pass == 0 ? ts_ableton_set_read (&set, data, length, "random.als", &error)
                     : ts_ableton_set_read_reference (&set, data, length, "random.als", &error);
      if (ok)
        {
          g_assert_no_error (error);
          g_assert_nonnull (set.tempo_events);
          g_assert_nonnull (set.locators);
          g_assert_cmpfloat (set.tempo, >, 0);
          g_assert_cmpuint (set.live_version, >=, 8);
          g_assert_cmpuint (set.live_version, <=, 12);
          g_assert_true (isnan (set.end_beat) || isfinite (set.end_beat));
          ts_ableton_set_clear (&set);
        }
      else
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == TS_PROJECT_ERROR);
          g_assert_true (g_str_has_prefix (error->message, "random.als: "));
          g_assert_null (set.locators);
        }
    }
}

/* The start of a set whose arrangement clips follow, and its end. */
static const char clips_head[] =
  "\t\t<Tracks><MidiTrack><DeviceChain><MainSequencer><ClipTimeable>"
  "<ArrangerAutomation><Events>\n";
static const char clips_tail[] =
  "</Events></ArrangerAutomation></ClipTimeable></MainSequencer></DeviceChain>"
  "</MidiTrack></Tracks>\n"
  "\t\t<MasterTrack><DeviceChain><Mixer><Tempo><Manual Value=\"125\"/>"
  "</Tempo></Mixer></DeviceChain></MasterTrack>\n\t</LiveSet>\n</Ableton>\n";

/* One number per clip: a quarter of a million clips cost no memory. */
static void
test_many_clips (void)
{
  GString *doc = g_string_new (set_header);
  g_autoptr(GBytes) gz = NULL;
  g_autoptr(GError) error = NULL;
  TsAbletonSet set = { 0 };
  TsAbletonSet reference = { 0 };
  guint64 start_kib = 0;
  gboolean watching;
  gsize length = 0;
  const guint8 *data;

  g_string_append (doc, clips_head);
  for (guint i = 0; i < 250000; i++)
    g_string_append_printf (doc, "<MidiClip Time=\"%u\"><CurrentEnd Value=\"%u.%02u\"/></MidiClip>\n",
                            i, i < 125000 ? i + 2 : i / 2, i % 100);
  g_string_append (doc, clips_tail);
  gz = ts_als_gzip (doc->str, doc->len);
  g_string_free (doc, TRUE);
  data = g_bytes_get_data (gz, &length);

  watching = memory_watch_start (&start_kib);
  g_assert_true (ts_ableton_set_read (&set, data, length, "clips.als", &error));
  g_assert_no_error (error);
  memory_watch_check (watching, start_kib, 16);
  g_assert_cmpfloat (set.end_beat, ==, 125001.99);

  g_assert_true (ts_ableton_set_read_reference (&reference, data, length, "clips.als", &error));
  g_assert_no_error (error);
  g_assert_cmpmem (&set.end_beat, sizeof (double), &reference.end_beat, sizeof (double));
  ts_ableton_set_clear (&set);
  ts_ableton_set_clear (&reference);
}

/* Clip ends of megabytes of digits: refused when they overflow, read when
 * they underflow, the same way by both readers and in bounded time. */
static void
test_clip_end_digits (void)
{
  static const struct { const char *before; char fill; const char *after; gboolean ok; } numbers[] = {
    { "1", '0', "", FALSE },
    { "-9", '9', ".5", FALSE },
    { "0.", '0', "1", TRUE },
    { "", '0', "7.25", TRUE },
  };
  gsize digits = 4 * MIB;
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      GString *doc = g_string_new (set_header);
      g_autoptr(GBytes) gz = NULL;

      g_string_append (doc, clips_head);
      g_string_append_printf (doc, "<MidiClip Time=\"0\"><CurrentEnd Value=\"%s", numbers[i].before);
      for (gsize k = 0; k < digits; k++)
        g_string_append_c (doc, numbers[i].fill);
      g_string_append_printf (doc, "%s\"/></MidiClip>\n", numbers[i].after);
      g_string_append (doc, clips_tail);
      gz = ts_als_gzip (doc->str, doc->len);
      g_string_free (doc, TRUE);

      g_test_message ("%s%c...%s", numbers[i].before, numbers[i].fill, numbers[i].after);
      if (numbers[i].ok)
        {
          g_autoptr(GError) error = NULL;
          TsAbletonSet set = { 0 };
          TsAbletonSet reference = { 0 };
          gsize length = 0;
          const guint8 *data = g_bytes_get_data (gz, &length);

          g_assert_true (ts_ableton_set_read (&set, data, length, "digits.als", &error));
          g_assert_no_error (error);
          g_assert_true (ts_ableton_set_read_reference (&reference, data, length, "digits.als",
                                                        &error));
          g_assert_no_error (error);
          g_assert_true (isfinite (set.end_beat));
          g_assert_cmpmem (&set.end_beat, sizeof (double), &reference.end_beat, sizeof (double));
          ts_ableton_set_clear (&set);
          ts_ableton_set_clear (&reference);
        }
      else
        assert_bytes_fail (gz, TS_PROJECT_ERROR_DAMAGED, TRUE);
    }

  g_assert_cmpint (g_get_monotonic_time () - start, <, 30 * G_USEC_PER_SEC);
}

static void
test_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (0x7453);
  g_autoptr(GBytes) plain = valid_set (FALSE);
  g_autoptr(GBytes) gz = valid_set (TRUE);
  guint8 buf[4096];

  for (guint round = 0; round < 300; round++)
    {
      gsize length = g_rand_int_range (rand, 0, sizeof buf);
      g_autoptr(GBytes) compressed = NULL;

      for (gsize i = 0; i < length; i++)
        buf[i] = g_rand_int_range (rand, 0, 256);
      check_survives (buf, length, TRUE);

      if (length >= 2)
        {
          buf[0] = 0x1f;
          buf[1] = 0x8b;
          check_survives (buf, length, TRUE);
        }

      compressed = ts_als_gzip (buf, length);
      check_survives (g_bytes_get_data (compressed, NULL), g_bytes_get_size (compressed), TRUE);
    }

  for (guint round = 0; round < 200; round++)
    {
      GBytes *source = round % 2 == 0 ? plain : gz;
      gsize length = 0;
      g_autofree guint8 *data = g_bytes_unref_to_data (g_bytes_ref (source), &length);
      guint n_flips = g_rand_int_range (rand, 1, 12);

      for (guint i = 0; i < n_flips; i++)
        data[g_rand_int_range (rand, 0, (gint32) length)] = g_rand_int_range (rand, 0, 256);
      if (g_rand_boolean (rand))
        length = g_rand_int_range (rand, 0, (gint32) length);
      check_survives (data, length, round % 4 < 2);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/hostile-input/empty", test_empty);
  g_test_add_func ("/hostile-input/truncated-gzip", test_truncated_gzip);
  g_test_add_func ("/hostile-input/cut-after-locators", test_cut_after_locators);
  g_test_add_func ("/hostile-input/corrupt-gzip", test_corrupt_gzip);
  g_test_add_func ("/hostile-input/gzip-of-non-xml", test_gzip_of_non_xml);
  g_test_add_func ("/hostile-input/xml-without-ableton", test_xml_without_ableton);
  g_test_add_func ("/hostile-input/zero-bomb", test_zero_bomb);
  g_test_add_func ("/hostile-input/blank-bomb", test_blank_bomb);
  g_test_add_func ("/hostile-input/text-bomb", test_text_bomb);
  g_test_add_func ("/hostile-input/big-but-valid", test_bomb_just_under_cap_is_read);
  g_test_add_func ("/hostile-input/huge-region", test_huge_region);
  g_test_add_func ("/hostile-input/xxe", test_xxe);
  g_test_add_func ("/hostile-input/billion-laughs", test_billion_laughs);
  g_test_add_func ("/hostile-input/huge-attribute", test_huge_attribute);
  g_test_add_func ("/hostile-input/unterminated-at-eof", test_unterminated_at_eof);
  g_test_add_func ("/hostile-input/deep-nesting", test_deep_nesting);
  g_test_add_func ("/hostile-input/many-attributes", test_many_attributes);
  g_test_add_func ("/hostile-input/many-clips", test_many_clips);
  g_test_add_func ("/hostile-input/clip-end-digits", test_clip_end_digits);
  g_test_add_func ("/hostile-input/random", test_random);

  return g_test_run ();
}
