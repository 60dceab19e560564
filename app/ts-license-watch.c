/* ts-license-watch.c - the stored Pro licence refreshed while the app runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * At startup, then at the time the licence is next due (never more than
 * CHECK_INTERVAL apart, since a suspended machine's timers stop), the
 * stored licence is read and refreshed only if due: ts-license-updater.c
 * makes no request for a free user or a licence that is not due. Offline
 * nothing changes and Pro keeps working until the licence file's time to
 * live; ::locked is emitted only when the server's answer locks Pro,
 * which happens once, since a locked licence is never due again. Telling
 * the user is the application's.
 */
#define G_LOG_DOMAIN "ts-license-watch"

#include "config.h"

#include "ts-license-updater.h"
#include "ts-license-watch.h"

/* Often enough to notice a licence activated meanwhile, or a clock
 * changed; a check that is not due only reads a small file. */
#define CHECK_INTERVAL (6 * 60 * 60)
/* After a failed refresh: the licence stays due, and the server is not
 * asked more often than this. */
#define RETRY_INTERVAL (60 * 60)

struct _TsLicenseWatch
{
  GObject          parent_instance;

  TsLicenseClient *client;
  GCancellable    *cancellable;
  char            *path;
  guint            timeout_id;
};

G_DEFINE_FINAL_TYPE (TsLicenseWatch, ts_license_watch, G_TYPE_OBJECT)

enum {
  CHECKED,
  LOCKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void check (TsLicenseWatch *self);

static gboolean
on_timeout (gpointer user_data)
{
  TsLicenseWatch *self = user_data;

  self->timeout_id = 0;
  check (self);
  return G_SOURCE_REMOVE;
}

/* Seconds until the licence is next due, within the intervals. */
static guint
next_delay (TsLicenseWatch *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) due = ts_license_stored_get_refresh_due (self->path, now);
  GTimeSpan until;

  if (due == NULL)
    return CHECK_INTERVAL;
  until = g_date_time_difference (due, now) / G_TIME_SPAN_SECOND;
  return (guint) CLAMP (until, RETRY_INTERVAL, CHECK_INTERVAL);
}

/* Runs with no reference on @user_data: a watch disposed meanwhile has
 * cancelled the update, and is not touched then. */
static void
updated (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  TsLicenseWatch *self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean did_refresh = ts_license_update_stored_finish (TS_LICENSE_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (did_refresh)
    g_debug ("the licence was refreshed");
  else if (error != NULL && error->domain == TS_LICENSE_ERROR)
    g_signal_emit (self, signals[LOCKED], 0, error->message);
  else if (error != NULL)
    /* Offline, or the server failing: Pro keeps working, and a later
     * check tries again; nothing for the user to do yet. */
    g_debug ("the licence was not refreshed: %s", error->message);

  self->timeout_id = g_timeout_add_seconds (next_delay (self), on_timeout, self);
  g_signal_emit (self, signals[CHECKED], 0, did_refresh);
}

static void
check (TsLicenseWatch *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  ts_license_update_stored_async (self->client, self->path, now, self->cancellable,
                                  updated, self);
}

static void
ts_license_watch_dispose (GObject *object)
{
  TsLicenseWatch *self = (TsLicenseWatch *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);

  G_OBJECT_CLASS (ts_license_watch_parent_class)->dispose (object);
}

static void
ts_license_watch_finalize (GObject *object)
{
  TsLicenseWatch *self = (TsLicenseWatch *)object;

  g_clear_object (&self->client);
  g_clear_object (&self->cancellable);
  g_free (self->path);

  G_OBJECT_CLASS (ts_license_watch_parent_class)->finalize (object);
}

static void
ts_license_watch_class_init (TsLicenseWatchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ts_license_watch_dispose;
  object_class->finalize = ts_license_watch_finalize;

  /**
   * TsLicenseWatch::checked:
   * @refreshed: whether the licence was refreshed and stored
   *
   * A check of the stored licence finished, due or not, online or not.
   */
  signals[CHECKED] =
    g_signal_new ("checked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  /**
   * TsLicenseWatch::locked:
   * @message: why Pro is locked and what to do, as core words it (in
   *   lower case, to follow a program's name)
   *
   * The server's answer locked Pro, and the stored licence says so.
   */
  signals[LOCKED] =
    g_signal_new ("locked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ts_license_watch_init (TsLicenseWatch *self)
{
  self->cancellable = g_cancellable_new ();
}

/* The first check starts at once and ends in a later main loop
 * iteration, so handlers connected right after this see it. */
TsLicenseWatch *
ts_license_watch_new (const char      *path,
                      TsLicenseClient *client)
{
  TsLicenseWatch *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (TS_IS_LICENSE_CLIENT (client), NULL);

  self = g_object_new (TS_TYPE_LICENSE_WATCH, NULL);
  self->path = g_strdup (path);
  self->client = g_object_ref (client);
  check (self);
  return self;
}
