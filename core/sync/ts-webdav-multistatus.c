/* ts-webdav-multistatus.c - reading a PROPFIND answer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A 207 Multi-Status (RFC 4918, section 13) lists one <response> per
 * member: its <href> and, in the <propstat> whose <status> is 200, the
 * <getetag> and <resourcetype> asked for. The server is not trusted: the
 * caller caps the size before this runs, a document with a DTD (where
 * entity bombs and external entities live) is refused, libxml2 keeps its
 * default depth and text limits, and a member outside the collection
 * makes the whole listing invalid rather than silently shorter.
 */

#define G_LOG_DOMAIN "ts-webdav"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "ts-webdav-etag.h"
#include "ts-webdav-multistatus.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)

static gboolean
is_dav (xmlNode    *node,
        const char *name)
{
  return node->type == XML_ELEMENT_NODE && node->ns != NULL && node->ns->href != NULL
         && strcmp ((const char *) node->ns->href, "DAV:") == 0
         && strcmp ((const char *) node->name, name) == 0;
}

static xmlNode *
first_dav_child (xmlNode    *node,
                 const char *name)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    if (is_dav (child, name))
      return child;
  return NULL;
}

static char *
text_of (xmlNode *node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *text = g_strstrip (g_strdup ((const char *) content));

  xmlFree (content);
  return text;
}

/* "HTTP/1.1 200 OK" */
static gboolean
status_is_ok (xmlNode *propstat)
{
  xmlNode *status = first_dav_child (propstat, "status");
  g_autofree char *text = status != NULL ? text_of (status) : NULL;
  char **fields;
  gboolean ok;

  if (text == NULL)
    return FALSE;
  fields = g_strsplit (text, " ", 3);
  ok = fields[0] != NULL && fields[1] != NULL && strcmp (fields[1], "200") == 0;
  g_strfreev (fields);
  return ok;
}

/* The unescaped path of an href, which may be a whole URL. */
static char *
href_path (const char *href)
{
  g_autoptr(GUri) uri = NULL;

  if (href[0] == '/')
    return g_uri_unescape_string (href, NULL);
  uri = g_uri_parse (href, G_URI_FLAGS_ENCODED_PATH, NULL);
  if (uri == NULL)
    return NULL;
  return g_uri_unescape_string (g_uri_get_path (uri), NULL);
}

static void
set_invalid (GError    **error,
             const char *what)
{
  g_set_error (error, TS_WEBDAV_ERROR, TS_WEBDAV_ERROR_INVALID_ANSWER,
               /* Translators: %s says what is wrong, in English, for support. */
               _("the sync server sent a folder listing Timestamps cannot read (%s); "
                 "check that the address is a WebDAV folder"), what);
}

/* Adds the response's member to entries unless it is the collection. */
static gboolean
read_response (xmlNode     *response,
               const char  *collection_path,
               GPtrArray   *entries,
               GError     **error)
{
  xmlNode *href = first_dav_child (response, "href");
  g_autofree char *href_text = NULL;
  g_autofree char *path = NULL;
  g_autoptr(TsWebdavEntry) entry = NULL;
  gsize collection_length = strlen (collection_path);
  gsize path_length;

  if (href == NULL)
    {
      set_invalid (error, "a response without href");
      return FALSE;
    }
  href_text = text_of (href);
  path = href_path (href_text);
  if (path == NULL)
    {
      set_invalid (error, "an href that is no address");
      return FALSE;
    }
  path_length = strlen (path);
  /* The collection itself, which may come without its trailing slash. */
  if (strcmp (path, collection_path) == 0
      || (path_length + 1 == collection_length && strncmp (path, collection_path, path_length) == 0))
    return TRUE;
  if (!g_str_has_prefix (path, collection_path))
    {
      set_invalid (error, "a member outside the folder");
      return FALSE;
    }

  entry = g_new0 (TsWebdavEntry, 1);
  if (path[path_length - 1] == '/')
    path[--path_length] = '\0';
  entry->name = g_strdup (path + collection_length);
  if (*entry->name == '\0' || strchr (entry->name, '/') != NULL)
    {
      set_invalid (error, "a member deeper than the folder");
      return FALSE;
    }

  for (xmlNode *propstat = response->children; propstat != NULL; propstat = propstat->next)
    {
      xmlNode *prop;
      xmlNode *node;

      if (!is_dav (propstat, "propstat") || !status_is_ok (propstat)
          || (prop = first_dav_child (propstat, "prop")) == NULL)
        continue;
      if ((node = first_dav_child (prop, "getetag")) != NULL)
        {
          g_autofree char *etag = text_of (node);

          g_free (entry->etag);
          entry->etag = ts_webdav_etag_normalise (etag);
        }
      if ((node = first_dav_child (prop, "resourcetype")) != NULL)
        entry->is_collection = first_dav_child (node, "collection") != NULL;
    }
  g_ptr_array_add (entries, g_steal_pointer (&entry));
  return TRUE;
}

GPtrArray *
ts_webdav_multistatus_parse (GBytes      *body,
                             const char  *collection_path,
                             GError     **error)
{
  gsize size;
  const char *data = g_bytes_get_data (body, &size);
  g_autoptr(xmlDoc) doc = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) ts_webdav_entry_free);
  xmlNode *root;

  g_return_val_if_fail (g_str_has_suffix (collection_path, "/"), NULL);

  if (size > TS_WEBDAV_MAX_LISTING_SIZE || size > G_MAXINT)
    {
      set_invalid (error, "far too large");
      return NULL;
    }
  doc = xmlReadMemory (data != NULL ? data : "", (int) size, NULL, NULL,
                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL)
    {
      set_invalid (error, "not XML");
      return NULL;
    }
  if (doc->intSubset != NULL || doc->extSubset != NULL)
    {
      set_invalid (error, "a document type declaration");
      return NULL;
    }
  root = xmlDocGetRootElement (doc);
  if (root == NULL || !is_dav (root, "multistatus"))
    {
      set_invalid (error, "no multistatus");
      return NULL;
    }
  for (xmlNode *response = root->children; response != NULL; response = response->next)
    if (is_dav (response, "response") && !read_response (response, collection_path, entries, error))
      return NULL;
  return g_steal_pointer (&entries);
}
