/* ts-license-updater.c - the stored Pro licence refreshed when it is due
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the app runs at startup and on a timer. The stored licence is
 * read first, and the server is asked only when the licence file is due:
 * free users, and Pro users between refreshes, never touch the network.
 */

#define G_LOG_DOMAIN "ts-license"

#include "config.h"

#include "ts-license-updater.h"

typedef struct {
  char       *path;
  GDateTime  *now;
  TsLicense  *license;
} Update;

static void
update_free (Update *update)
{
  g_free (update->path);
  g_date_time_unref (update->now);
  ts_license_free (update->license);
  g_free (update);
}

static gboolean
is_due (const TsLicense *license,
        GDateTime       *now)
{
  g_autoptr(GDateTime) due = ts_license_get_refresh_due (license);

  return due != NULL && g_date_time_compare (due, now) <= 0;
}

static void
refreshed (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Update *update = g_task_get_task_data (task);
  g_autoptr(TsLicenseRefresh) refresh = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) verdict_error = NULL;
  gboolean taken;

  refresh = ts_license_client_refresh_finish (TS_LICENSE_CLIENT (source), result, &error);
  if (refresh == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* A lock is stored too, so that Pro stops in every process and the
   * next start does not ask again (a locked licence is never due). */
  taken = ts_license_apply_refresh (update->license, refresh, update->now, &verdict_error);
  if (!ts_license_save (update->license, update->path, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else if (!taken)
    g_task_return_error (task, g_steal_pointer (&verdict_error));
  else
    g_task_return_boolean (task, TRUE);
}

void
ts_license_update_stored_async (TsLicenseClient     *client,
                                const char          *path,
                                GDateTime           *now,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  TsLicense *license;
  Update *update;

  g_return_if_fail (TS_IS_LICENSE_CLIENT (client));
  g_return_if_fail (path != NULL);
  g_return_if_fail (now != NULL);

  task = g_task_new (client, cancellable, callback, user_data);
  g_task_set_source_tag (task, ts_license_update_stored_async);

  license = ts_license_load (path, NULL, now, &error);
  if (license == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!is_due (license, now))
    {
      ts_license_free (license);
      g_task_return_boolean (task, FALSE);
      return;
    }

  update = g_new0 (Update, 1);
  update->path = g_strdup (path);
  update->now = g_date_time_ref (now);
  update->license = license;
  g_task_set_task_data (task, update, (GDestroyNotify) update_free);
  ts_license_client_refresh_async (client, license, cancellable, refreshed, g_steal_pointer (&task));
}

gboolean
ts_license_update_stored_finish (TsLicenseClient  *client,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ts_license_update_stored_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

GDateTime *
ts_license_stored_get_refresh_due (const char *path,
                                   GDateTime  *now)
{
  g_autoptr(TsLicense) license = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  license = ts_license_load (path, NULL, now, &error);
  if (license == NULL)
    {
      /* Nothing could be refreshed from it either: the update says why. */
      g_debug ("%s", error->message);
      return NULL;
    }
  return ts_license_get_refresh_due (license);
}
