/* ts-ableton-reference.c - the reference Live set reader, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libxml2's streaming reader over the whole document, into the collector
 * the shipped reader uses. It shares none of the fast reader's scanner,
 * attribute decoding or tempo point fast path, so where both agree on a
 * set, those are right; it is far too slow to ship.
 */
#define G_LOG_DOMAIN "ts-ableton-reference"

#include "config.h"

#include "ts-ableton-reference.h"

#include <glib/gi18n-lib.h>

#include "ts-ableton-libxml.h"

typedef struct {
  TsGzipSource *src;
  const char   *display_name;
  GError       *source_error;
} SlowInput;

static int
slow_read (void *context,
           char *buffer,
           int   len)
{
  SlowInput *input = context;
  gssize n;

  if (input->source_error != NULL || len < 0)
    return -1;
  n = ts_ableton_source_read (input->src, input->display_name,
                              (guint8 *) buffer, (gsize) len, &input->source_error);
  return n < 0 ? -1 : (int) n;
}

/* The reader parses ahead of what it reports, so when it fails, the
 * document it was building tells what it had seen: a document type
 * declaration, or an Ableton root. Asking for the document makes it the
 * caller's to free, after the reader. */
static void
slow_peek (xmlTextReaderPtr  reader,
           xmlDocPtr        *doc,
           gboolean         *saw_doctype,
           gboolean         *saw_ableton)
{
  xmlNodePtr root;

  *doc = xmlTextReaderCurrentDoc (reader);
  root = *doc != NULL ? xmlDocGetRootElement (*doc) : NULL;
  *saw_doctype = *doc != NULL && ((*doc)->intSubset != NULL || (*doc)->extSubset != NULL);
  *saw_ableton = root != NULL && xmlStrEqual (root->name, BAD_CAST "Ableton");
}

static gboolean
read_slow (TsAbletonCollector  *c,
           TsGzipSource        *src,
           GError             **error)
{
  SlowInput input = { src, c->display_name, NULL };
  TsAbletonXmlError first_error;
  g_autofree char *wrong = NULL;
  xmlTextReaderPtr reader;
  xmlDocPtr doc = NULL;
  gboolean saw_root = FALSE;
  gboolean broken = FALSE;
  gboolean ok;

  ts_ableton_init_libxml ();

  reader = xmlReaderForIO (slow_read, NULL, &input, NULL, NULL, TS_ABLETON_LIBXML_OPTIONS);
  if (reader == NULL)
    {
      return ts_ableton_malformed (c, error, _("the XML reader could not start"));
    }
  ts_ableton_watch_errors (reader, &first_error);

  ok = ts_ableton_read_elements (c, reader, TS_ALS_DOCUMENT, &saw_root, &broken, error);

  if (broken)
    {
      if (input.source_error != NULL)
        g_propagate_error (error, g_steal_pointer (&input.source_error));
      else if (ts_gzip_source_get_produced (src) == 0)
        ts_project_error_empty (c->display_name, error);
      else
        {
          gboolean saw_doctype, saw_ableton;

          slow_peek (reader, &doc, &saw_doctype, &saw_ableton);
          wrong = ts_ableton_describe_xml_error (&first_error);
          if (saw_doctype)
            ts_ableton_refuse_doctype (c, error);
          else if (saw_root || saw_ableton)
            ts_ableton_malformed (c, error, "%s", wrong);
          else
            ts_ableton_not_a_set (c->display_name,
                                  first_error.code != XML_ERR_OK ? wrong : _("the content is not XML"),
                                  error);
        }
    }
  else if (ok && ts_gzip_source_get_produced (src) == 0)
    ok = ts_project_error_empty (c->display_name, error);

  xmlFreeTextReader (reader);
  if (doc != NULL)
    xmlFreeDoc (doc);
  g_clear_error (&input.source_error);
  return ok;
}

/**
 * ts_ableton_set_read_reference:
 *
 * Reads the same facts as ts_ableton_set_read(), and fails with the same
 * error codes, by running libxml2's streaming reader over the whole
 * document with the same safety options (no network, no DTD loading, no
 * entity expansion).
 */
gboolean
ts_ableton_set_read_reference (TsAbletonSet  *set,
                               const guint8  *data,
                               gsize          length,
                               const char    *display_name,
                               GError       **error)
{
  return ts_ableton_read_with (set, data, length, display_name, read_slow, error);
}
