/* test-format-info.c - the format table covers the enum and agrees with
 * the MIME data the app installs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ts-als-writer.h"
#include "ts-flp-writer.h"
#include "ts-format-info.h"
#include "ts-project.h"

/* A designated initialiser left out is all zeros: every entry must be
 * filled in, whatever the static assert on the table's length says. */
static void
test_covers_enum (void)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) extensions = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < TS_N_FORMATS; i++)
    {
      const TsFormatInfo *info = ts_format_info_get (i);

      g_assert_nonnull (info->id);
      g_assert_true (g_hash_table_add (ids, (gpointer) info->id));
      g_assert_nonnull (info->label);
      g_assert_nonnull (info->plural_label);
      g_assert_nonnull (info->phrase);
      g_assert_nonnull (info->mime_type);
      g_assert_nonnull (info->sniff);
      g_assert_nonnull (info->extensions);
      g_assert_nonnull (info->extensions[0]);
      for (guint j = 0; info->extensions[j] != NULL; j++)
        {
          g_autofree char *lower = g_ascii_strdown (info->extensions[j], -1);

          /* The loader compares them with the lower-cased file name. */
          g_assert_cmpstr (info->extensions[j], ==, lower);
          g_assert_true (info->extensions[j][0] == '.');
          g_assert_true (g_hash_table_add (extensions, (gpointer) info->extensions[j]));
        }
      /* The tempo engine's grid arithmetic needs a power of two. */
      if (!isnan (info->tempo_grid))
        {
          int exponent;

          g_assert_cmpfloat (frexp (info->tempo_grid, &exponent), ==, 0.5);
        }
    }
}

/* The ids are what the JSON output says in "format": a contract. */
static void
test_ids_are_the_json_contract (void)
{
  g_assert_cmpstr (ts_format_info_get (TS_FORMAT_ABLETON)->id, ==, "ableton");
  g_assert_cmpstr (ts_format_info_get (TS_FORMAT_FL_STUDIO)->id, ==, "flstudio");
  g_assert_cmpstr (ts_format_info_get (TS_FORMAT_CUE)->id, ==, "cue");
}

static void
test_grids (void)
{
  g_assert_cmpfloat (ts_format_info_get (TS_FORMAT_ABLETON)->tempo_grid, ==, 0.25);
  g_assert_cmpfloat (ts_format_info_get (TS_FORMAT_FL_STUDIO)->tempo_grid, ==, 1.0 / 128.0);
  g_assert_true (isnan (ts_format_info_get (TS_FORMAT_CUE)->tempo_grid));
}

static void
test_join_phrases (void)
{
  g_autofree char *with = ts_format_info_join_phrases (TRUE, ", ", " or ");
  g_autofree char *without = ts_format_info_join_phrases (FALSE, ", ", " or ");

  g_assert_cmpstr (with, ==, "an Ableton Live set (.als), an FL Studio project (.flp) or a cue sheet (.cue)");
  g_assert_cmpstr (without, ==, "an Ableton Live set, an FL Studio project or a cue sheet");
}

/* One sample of each format, as the DAW writes it. */
static GBytes *
sample (TsFormat format)
{
  switch (format)
    {
    case TS_FORMAT_ABLETON:
      {
        g_autoptr(TsAlsWriter) writer = ts_als_writer_new (11, 120.0);

        ts_als_writer_add_locator (writer, 4.0, "TITLE \"Not a cue sheet\"");
        return ts_als_writer_to_bytes (writer, TRUE);
      }
    case TS_FORMAT_FL_STUDIO:
      {
        g_autoptr(TsFlpWriter) writer = ts_flp_writer_new (96, TS_FLP_TEXT_UTF16);

        ts_flp_writer_version (writer, "20.8.4.2576");
        ts_flp_writer_tempo (writer, 128000);
        ts_flp_writer_marker (writer, 0, 96 * 4, "TRACK 01 AUDIO");
        return ts_flp_writer_finish (writer);
      }
    case TS_FORMAT_CUE:
      {
        static const char cue[] =
          "REM COMMENT \"<Ableton>\"\n"
          "FILE \"mix.wav\" WAVE\n"
          "  TRACK 01 AUDIO\n"
          "    TITLE \"Opener\"\n"
          "    INDEX 01 00:00:00\n";

        return g_bytes_new_static (cue, strlen (cue));
      }
    }
  g_return_val_if_reached (NULL);
}

/* Each format's sniffer takes its own files and no other format's, even
 * when their text quotes another format's keywords: detection never
 * depends on which sniffer the loader happens to ask first. */
static void
test_sniffers_do_not_overlap (void)
{
  for (guint i = 0; i < TS_N_FORMATS; i++)
    {
      g_autoptr(GBytes) bytes = sample (i);
      gsize length;
      const guint8 *data = g_bytes_get_data (bytes, &length);

      for (guint j = 0; j < TS_N_FORMATS; j++)
        g_assert_cmpint (ts_format_info_get (j)->sniff (data, length), ==, i == j);
    }
}

/* Content first, whatever the name says; the name only for content no
 * sniffer knows, where each format's extension picks its own reader. */
static void
test_detection (void)
{
  for (guint i = 0; i < TS_N_FORMATS; i++)
    {
      g_autoptr(GBytes) bytes = sample (i);
      g_autoptr(GError) error = NULL;
      g_autoptr(TsProject) project = ts_project_load_bytes (bytes, "renamed.txt", &error);

      g_assert_no_error (error);
      g_assert_cmpint (project->format, ==, i);
    }

  for (guint i = 0; i < TS_N_FORMATS; i++)
    {
      const char * const *extensions = ts_format_info_get (i)->extensions;

      for (guint j = 0; extensions[j] != NULL; j++)
        {
          g_autoptr(GBytes) junk = g_bytes_new_static ("\x01junk", 5);
          g_autofree char *name = g_strconcat ("MIX", extensions[j], NULL);
          g_autoptr(GError) error = NULL;
          g_autoptr(GError) generic = NULL;
          g_autoptr(TsProject) project = ts_project_load_bytes (junk, name, &error);
          g_autoptr(TsProject) no_extension = ts_project_load_bytes (junk, "MIX", &generic);

          g_assert_null (project);
          g_assert_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_UNKNOWN_FORMAT);
          g_assert_true (g_str_has_prefix (error->message, name));

          /* The format's own reader refuses it, in its own words rather
           * than the loader's list of every format. */
          g_assert_null (no_extension);
          g_assert_error (generic, TS_PROJECT_ERROR, TS_PROJECT_ERROR_UNKNOWN_FORMAT);
          g_assert_cmpstr (error->message + strlen (name), !=, generic->message + strlen ("MIX"));
        }
    }
}

typedef struct {
  GHashTable *globs;  /* MIME type -> GPtrArray of glob patterns */
  GPtrArray  *current;
} MimeData;

static void
mime_start_element (GMarkupParseContext  *context,
                    const char           *element,
                    const char          **names,
                    const char          **values,
                    gpointer              user_data,
                    GError              **error)
{
  MimeData *data = user_data;
  const char *attribute;

  if (g_str_equal (element, "mime-type")
      && g_markup_collect_attributes (element, names, values, error,
                                      G_MARKUP_COLLECT_STRING, "type", &attribute,
                                      G_MARKUP_COLLECT_INVALID))
    {
      data->current = g_ptr_array_new_with_free_func (g_free);
      g_assert_true (g_hash_table_insert (data->globs, g_strdup (attribute), data->current));
    }
  else if (g_str_equal (element, "glob")
           && g_markup_collect_attributes (element, names, values, error,
                                           G_MARKUP_COLLECT_STRING, "pattern", &attribute,
                                           G_MARKUP_COLLECT_INVALID))
    {
      g_assert_nonnull (data->current);
      g_ptr_array_add (data->current, g_strdup (attribute));
    }
}

/* The shared-mime-info file declares the types the system does not know,
 * with one glob per extension in the table, and nothing else. */
static void
test_mime_xml_agrees (void)
{
  static const GMarkupParser parser = { .start_element = mime_start_element };
  g_autofree char *path = g_build_filename (TS_RESOURCES_DIR, APP_ID ".mime.xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GHashTable) globs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_ptr_array_unref);
  MimeData data = { globs, NULL };
  guint n_declared = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  context = g_markup_parse_context_new (&parser, G_MARKUP_IGNORE_QUALIFIED, &data, NULL);
  g_assert_true (g_markup_parse_context_parse (context, contents, -1, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < TS_N_FORMATS; i++)
    {
      const TsFormatInfo *info = ts_format_info_get (i);
      GPtrArray *declared = g_hash_table_lookup (globs, info->mime_type);
      guint n_extensions = g_strv_length ((char **) info->extensions);

      if (info->mime_type_shared)
        {
          g_assert_null (declared);
          continue;
        }
      g_assert_nonnull (declared);
      n_declared++;
      g_assert_cmpuint (declared->len, ==, n_extensions);
      for (guint j = 0; j < n_extensions; j++)
        {
          g_autofree char *glob = g_strconcat ("*", info->extensions[j], NULL);

          g_assert_cmpstr (g_ptr_array_index (declared, j), ==, glob);
        }
    }
  g_assert_cmpuint (g_hash_table_size (globs), ==, n_declared);
}

/* The desktop file registers the app for exactly the table's types. */
static void
test_desktop_file_agrees (void)
{
  g_autofree char *path = g_build_filename (TS_RESOURCES_DIR, APP_ID ".desktop.in", NULL);
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) types = NULL;

  g_assert_true (g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  types = g_key_file_get_string_list (key_file, G_KEY_FILE_DESKTOP_GROUP,
                                      G_KEY_FILE_DESKTOP_KEY_MIME_TYPE, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (g_strv_length (types), ==, TS_N_FORMATS);
  for (guint i = 0; i < TS_N_FORMATS; i++)
    g_assert_cmpstr (types[i], ==, ts_format_info_get (i)->mime_type);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/format-info/covers-enum", test_covers_enum);
  g_test_add_func ("/format-info/ids-are-the-json-contract", test_ids_are_the_json_contract);
  g_test_add_func ("/format-info/grids", test_grids);
  g_test_add_func ("/format-info/join-phrases", test_join_phrases);
  g_test_add_func ("/format-info/sniffers-do-not-overlap", test_sniffers_do_not_overlap);
  g_test_add_func ("/format-info/detection", test_detection);
  g_test_add_func ("/format-info/mime-xml-agrees", test_mime_xml_agrees);
  g_test_add_func ("/format-info/desktop-file-agrees", test_desktop_file_agrees);

  return g_test_run ();
}
