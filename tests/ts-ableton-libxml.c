/* ts-ableton-libxml.c - libxml2 reads a Live set's elements, for the
 * reference reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reference reader hands libxml2 the whole document, and the elements
 * go from here into the collector the fast reader fills, so that the two
 * differ only in how they find elements and read their attributes.
 */
#define G_LOG_DOMAIN "ts-ableton-set"

#include "config.h"

#include "ts-ableton-libxml.h"

#include <glib/gi18n-lib.h>

/* Nothing in a Live set refers to another file; refusing every external
 * entity also covers any libxml2 use that forgets XML_PARSE_NONET. */
static xmlParserInputPtr
refuse_external_entity (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  ctxt)
{
  return NULL;
}

void
ts_ableton_init_libxml (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      xmlSetExternalEntityLoader (refuse_external_entity);
      g_once_init_leave (&initialized, 1);
    }
}

/* libxml2 2.12 made the error it hands over const. */
#if LIBXML_VERSION >= 21200
typedef const xmlError *TsXmlErrorArg;
#else
typedef xmlErrorPtr TsXmlErrorArg;
#endif

/* libxml2's words are English, name its own functions ("xmlParseCharRef:
 * invalid xmlChar value 27") and are no message for a DJ: they go to the
 * debug log, and the first error's code and line are kept in the
 * TsAbletonXmlError at @arg for ts_ableton_describe_xml_error(). */
static void
keep_first_error (void          *arg,
                  TsXmlErrorArg  error)
{
  TsAbletonXmlError *first = arg;
  /* libxml2 quotes the file's bytes as they are: the log gets valid UTF-8. */
  g_autofree char *message = g_strchomp (g_utf8_make_valid (error->message != NULL ? error->message : "", -1));

  g_debug ("libxml2, line %d: %s", error->line, message);
  if (first->code == XML_ERR_OK && error->level >= XML_ERR_ERROR)
    {
      first->code = error->code;
      first->line = error->line;
    }
}

void
ts_ableton_watch_errors (xmlTextReaderPtr   reader,
                         TsAbletonXmlError *first)
{
  first->code = XML_ERR_OK;
  first->line = 0;
  xmlTextReaderSetStructuredErrorHandler (reader, keep_first_error, first);
}

/* What kind of fault a libxml2 error code is. libxml2 has some hundred
 * codes; these are the ones a damaged or hand-edited set gives, and any
 * other is broken XML. */
static TsAbletonXmlFault
fault_of_code (int code)
{
  static const int character[] = {
    XML_ERR_INVALID_HEX_CHARREF, XML_ERR_INVALID_DEC_CHARREF, XML_ERR_INVALID_CHARREF,
    XML_ERR_INVALID_CHAR,
  };
  static const int encoding[] = {
    XML_ERR_UNKNOWN_ENCODING, XML_ERR_UNSUPPORTED_ENCODING, XML_ERR_INVALID_ENCODING,
  };
  static const int entity[] = {
    XML_ERR_ENTITYREF_NO_NAME, XML_ERR_ENTITYREF_SEMICOL_MISSING, XML_ERR_UNDECLARED_ENTITY,
    XML_WAR_UNDECLARED_ENTITY, XML_ERR_UNPARSED_ENTITY, XML_ERR_ENTITY_IS_EXTERNAL,
    XML_ERR_ENTITY_IS_PARAMETER, XML_ERR_ENTITY_LOOP, XML_ERR_ENTITY_BOUNDARY,
  };
  static const int tag[] = {
    XML_ERR_GT_REQUIRED, XML_ERR_LTSLASH_REQUIRED, XML_ERR_TAG_NAME_MISMATCH,
    XML_ERR_TAG_NOT_FINISHED, XML_ERR_NAME_REQUIRED, XML_ERR_LT_REQUIRED,
  };
  static const int attribute[] = {
    XML_ERR_LT_IN_ATTRIBUTE, XML_ERR_ATTRIBUTE_NOT_STARTED, XML_ERR_ATTRIBUTE_NOT_FINISHED,
    XML_ERR_ATTRIBUTE_WITHOUT_VALUE, XML_ERR_ATTRIBUTE_REDEFINED, XML_ERR_STRING_NOT_STARTED,
    XML_ERR_STRING_NOT_CLOSED,
  };
  static const int after_end[] = {
    XML_ERR_DOCUMENT_END,
  };
  static const int too_large[] = {
    XML_ERR_NO_MEMORY, XML_ERR_NAME_TOO_LONG,
  };
  static const struct { const int *codes; gsize n; TsAbletonXmlFault fault; } kinds[] = {
    { character, G_N_ELEMENTS (character), TS_ABLETON_XML_CHARACTER },
    { encoding, G_N_ELEMENTS (encoding), TS_ABLETON_XML_ENCODING },
    { entity, G_N_ELEMENTS (entity), TS_ABLETON_XML_ENTITY },
    { tag, G_N_ELEMENTS (tag), TS_ABLETON_XML_TAG },
    { attribute, G_N_ELEMENTS (attribute), TS_ABLETON_XML_ATTRIBUTE },
    { after_end, G_N_ELEMENTS (after_end), TS_ABLETON_XML_AFTER_END },
    { too_large, G_N_ELEMENTS (too_large), TS_ABLETON_XML_TOO_LARGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    for (gsize j = 0; j < kinds[i].n; j++)
      if (kinds[i].codes[j] == code)
        return kinds[i].fault;
  return TS_ABLETON_XML_BROKEN;
}

/**
 * ts_ableton_describe_xml_error:
 * @first: what ts_ableton_watch_errors() kept
 *
 * Returns: (transfer full): what is wrong with the XML and on which line
 *   of the file, translated
 */
char *
ts_ableton_describe_xml_error (const TsAbletonXmlError *first)
{
  return ts_ableton_describe_xml_fault (fault_of_code (first->code),
                                        first->code != XML_ERR_OK && first->line > 0
                                        ? (guint64) first->line : 0);
}

/* The value of the attribute @name of the element @reader is on. */
static char *
reader_attr (xmlTextReaderPtr  reader,
             const char       *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, BAD_CAST name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static gboolean
reader_value (TsAbletonCollector  *c,
              xmlTextReaderPtr     reader,
              const char          *what,
              gboolean            *has,
              double              *out,
              GError             **error)
{
  g_autofree char *value = reader_attr (reader, "Value");

  if (value == NULL)
    /* Translators: %s names a value, e.g. "the position of a locator". */
    return ts_ableton_malformed (c, error, _("%s has no value"), what);
  *has = TRUE;
  return ts_ableton_parse_number (c, value, strlen (value), what, out, error);
}

static gboolean
reader_event (TsAbletonCollector  *c,
              xmlTextReaderPtr     reader,
              TsAbletonEvents     *events,
              GError             **error)
{
  TsAbletonEventFields fields = { 0 };
  gboolean ok = TRUE;

  if (xmlTextReaderMoveToFirstAttribute (reader) == 1)
    {
      do
        {
          const char *name = (const char *) xmlTextReaderConstName (reader);
          const char *value = (const char *) xmlTextReaderConstValue (reader);

          if (value == NULL)
            value = "";
          ok = ts_ableton_event_field (c, &fields, name, strlen (name),
                                       value, strlen (value), error);
        }
      while (ok && xmlTextReaderMoveToNextAttribute (reader) == 1);
      xmlTextReaderMoveToElement (reader);
    }

  return ok && ts_ableton_event_finish (c, &fields, events, error);
}

/* Reads what the set needs from the attributes of the element @reader is
 * on, whose context is @ctx. */
static gboolean
collector_read (TsAbletonCollector  *c,
                TsAlsCtx             ctx,
                xmlTextReaderPtr     reader,
                GError             **error)
{
  switch (ctx)
    {
    case TS_ALS_ROOT:
      c->creator = reader_attr (reader, "Creator");
      c->minor_version = reader_attr (reader, "MinorVersion");
      return TRUE;

    case TS_ALS_MANUAL:
      /* Translators: names a value; starts the sentence "%s is not a number". */
      return reader_value (c, reader, _("the master tempo"), &c->has_manual, &c->manual, error);

    case TS_ALS_TEMPO_TARGET:
      {
        g_autofree char *id = reader_attr (reader, "Id");

        if (id == NULL)
          return ts_ableton_malformed (c, error, _("the master tempo has no automation id"));
        c->has_target = TRUE;
        /* Translators: names a value; starts the sentence "%s is not a number". */
        return ts_ableton_parse_id (c, id, _("the master tempo's automation id"), &c->target, error);
      }

    case TS_ALS_POINTEE:
      {
        g_autofree char *id = reader_attr (reader, "Value");

        if (id == NULL)
          return ts_ableton_malformed (c, error, _("an automation envelope has no target"));
        c->envelope->has_pointee = TRUE;
        /* Translators: names a value; starts the sentence "%s is not a number". */
        return ts_ableton_parse_id (c, id, _("the target of an automation envelope"),
                                    &c->envelope->pointee, error);
      }

    case TS_ALS_ENVELOPE_EVENT:
    case TS_ALS_TEMPO_EVENT:
      return reader_event (c, reader, ts_ableton_collector_events (c, ctx), error);

    case TS_ALS_LOCATOR_TIME:
      /* Translators: names a value; starts the sentence "%s is not a number". */
      return reader_value (c, reader, _("the position of a locator"),
                           &c->locator_has_time, &c->locator_beat, error);

    case TS_ALS_LOCATOR_NAME:
      c->locator_name = reader_attr (reader, "Value");
      return TRUE;

    case TS_ALS_CLIP_END:
      return reader_value (c, reader, ts_ableton_clip_end_what (),
                           &c->clip_has_end, &c->clip_end, error);

    case TS_ALS_DOCUMENT:
    case TS_ALS_OTHER:
    case TS_ALS_LIVE_SET:
    case TS_ALS_MASTER:
    case TS_ALS_MASTER_ENVELOPES:
    case TS_ALS_ENVELOPES:
    case TS_ALS_ENVELOPE:
    case TS_ALS_ENVELOPE_TARGET:
    case TS_ALS_ENVELOPE_AUTOMATION:
    case TS_ALS_ENVELOPE_EVENTS:
    case TS_ALS_MASTER_CHAIN:
    case TS_ALS_MIXER:
    case TS_ALS_TEMPO:
    case TS_ALS_TEMPO_ARRANGER:
    case TS_ALS_TEMPO_EVENTS:
    case TS_ALS_LOCATORS_OUTER:
    case TS_ALS_LOCATORS:
    case TS_ALS_LOCATOR:
    case TS_ALS_TRACKS:
    case TS_ALS_TRACK:
    case TS_ALS_TRACK_CHAIN:
    case TS_ALS_SEQUENCER:
    case TS_ALS_TIMEABLE:
    case TS_ALS_CLIP_ARRANGER:
    case TS_ALS_CLIP_EVENTS:
    case TS_ALS_CLIP:
      return TRUE;
    }

  g_return_val_if_reached (FALSE);
}

/* Runs the collector over what @reader reads: a whole document when
 * @first is TS_ALS_DOCUMENT, else one element whose context is @first (a
 * region the fast reader found). Fails with @error set when the set is
 * wrong, or with *@broken set (and no error) when libxml2 stopped. */
gboolean
ts_ableton_read_elements (TsAbletonCollector  *c,
                          xmlTextReaderPtr     reader,
                          TsAlsCtx             first,
                          gboolean            *saw_element,
                          gboolean            *broken,
                          GError             **error)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (TsAlsCtx));
  int ret;

  *saw_element = FALSE;
  *broken = FALSE;

  while ((ret = xmlTextReaderRead (reader)) == 1)
    {
      switch (xmlTextReaderNodeType (reader))
        {
        case XML_READER_TYPE_DOCUMENT_TYPE:
          return ts_ableton_refuse_doctype (c, error);

        case XML_READER_TYPE_ELEMENT:
          {
            gboolean is_empty = xmlTextReaderIsEmptyElement (reader) == 1;
            TsAlsCtx ctx = first;

            if (stack->len > 0 || first == TS_ALS_DOCUMENT)
              {
                TsAlsCtx parent = stack->len > 0
                                  ? g_array_index (stack, TsAlsCtx, stack->len - 1)
                                  : TS_ALS_DOCUMENT;
                const char *name = (const char *) xmlTextReaderConstName (reader);

                if (!ts_ableton_collector_enter (c, parent, name, strlen (name), &ctx, error))
                  return FALSE;
              }
            *saw_element = TRUE;

            if (!collector_read (c, ctx, reader, error))
              return FALSE;
            if (is_empty)
              {
                if (!ts_ableton_collector_leave (c, ctx, error))
                  return FALSE;
              }
            else
              g_array_append_val (stack, ctx);
          }
          break;

        case XML_READER_TYPE_END_ELEMENT:
          {
            TsAlsCtx ctx = g_array_index (stack, TsAlsCtx, stack->len - 1);

            g_array_set_size (stack, stack->len - 1);
            if (!ts_ableton_collector_leave (c, ctx, error))
              return FALSE;
          }
          break;

        default:
          break;
        }
    }

  *broken = ret < 0;
  return !*broken;
}
