/* ts-webdav-client.h - the few WebDAV requests sync needs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TS_WEBDAV_ERROR (ts_webdav_error_quark ())

typedef enum {
  TS_WEBDAV_ERROR_INSECURE,       /* http:// to anything but this computer */
  TS_WEBDAV_ERROR_UNREACHABLE,    /* no connection, or it broke */
  TS_WEBDAV_ERROR_CREDENTIALS,    /* 401/403: wrong user name or password */
  TS_WEBDAV_ERROR_NOT_FOUND,      /* 404 */
  TS_WEBDAV_ERROR_CONFLICT,       /* 412: someone else changed it first */
  TS_WEBDAV_ERROR_QUOTA,          /* 507 */
  TS_WEBDAV_ERROR_LOCKED,         /* 423 */
  TS_WEBDAV_ERROR_SERVER,         /* 5xx and other surprises */
  TS_WEBDAV_ERROR_INVALID_ANSWER, /* an answer that cannot be read, or too large */
} TsWebdavError;

GQuark ts_webdav_error_quark (void);

/* Whether trying the same request later may work: the network, a full or
 * locked server, a server error, an answer cut short. */
gboolean ts_webdav_error_is_retryable (const GError *error);

/* One member of the collection. */
typedef struct {
  char *name;  /* the member's name in the collection, unescaped */
  char *etag;  /* normalised (ts_webdav_etag_normalise), NULL if none */
  gboolean is_collection;
} TsWebdavEntry;

void ts_webdav_entry_free (TsWebdavEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsWebdavEntry, ts_webdav_entry_free)

#define TS_TYPE_WEBDAV_CLIENT (ts_webdav_client_get_type ())
G_DECLARE_FINAL_TYPE (TsWebdavClient, ts_webdav_client, TS, WEBDAV_CLIENT, GObject)

/* url is the collection; https:// unless it is 127.0.0.1 or localhost. */
TsWebdavClient *ts_webdav_client_new            (const char     *url,
                                                 const char     *user,
                                                 const char     *password,
                                                 GError        **error);
const char     *ts_webdav_client_get_url        (TsWebdavClient *self);

/* Every request below exists twice: blocking, for a worker thread, and
 * asynchronous on the caller's thread-default main context (which runs the
 * blocking one in a thread: libsoup ≥ 3.2 sends from any thread). */

/* PROPFIND Depth 1: the members, without the collection itself, each with
 * its ETag. Fails rather than returning part of the listing. */
GPtrArray      *ts_webdav_client_list           (TsWebdavClient *self,
                                                 GCancellable   *cancellable,
                                                 GError        **error);
void            ts_webdav_client_list_async     (TsWebdavClient      *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
GPtrArray      *ts_webdav_client_list_finish    (TsWebdavClient *self,
                                                 GAsyncResult   *result,
                                                 GError        **error);

/* GET; etag (normalised) is NULL when the server sends none. */
GBytes         *ts_webdav_client_get            (TsWebdavClient *self,
                                                 const char     *name,
                                                 char          **etag,
                                                 GCancellable   *cancellable,
                                                 GError        **error);
void            ts_webdav_client_get_async      (TsWebdavClient      *self,
                                                 const char          *name,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
GBytes         *ts_webdav_client_get_finish     (TsWebdavClient *self,
                                                 GAsyncResult   *result,
                                                 char          **etag,
                                                 GError        **error);

/* PUT: with if_match NULL only creates (If-None-Match: *), else replaces
 * the version with that ETag only (If-Match). A server may send no ETag
 * back, so none is returned: list to learn it. */
gboolean        ts_webdav_client_put            (TsWebdavClient *self,
                                                 const char     *name,
                                                 GBytes         *body,
                                                 const char     *if_match,
                                                 GCancellable   *cancellable,
                                                 GError        **error);
void            ts_webdav_client_put_async      (TsWebdavClient      *self,
                                                 const char          *name,
                                                 GBytes              *body,
                                                 const char          *if_match,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean        ts_webdav_client_put_finish     (TsWebdavClient *self,
                                                 GAsyncResult   *result,
                                                 GError        **error);

/* DELETE of the version with that ETag only. */
gboolean        ts_webdav_client_delete         (TsWebdavClient *self,
                                                 const char     *name,
                                                 const char     *if_match,
                                                 GCancellable   *cancellable,
                                                 GError        **error);
void            ts_webdav_client_delete_async   (TsWebdavClient      *self,
                                                 const char          *name,
                                                 const char          *if_match,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
gboolean        ts_webdav_client_delete_finish  (TsWebdavClient *self,
                                                 GAsyncResult   *result,
                                                 GError        **error);

G_END_DECLS
