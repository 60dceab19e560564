/* ts-license-store.c - the licence on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A key file in g_get_user_config_dir()/timestamps/license, readable by
 * its owner only since it holds the licence key, and written atomically
 * so that a crash never leaves half a licence.
 */

#define G_LOG_DOMAIN "ts-license"

#include "config.h"

#include <errno.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ts-license-private.h"
#include "ts-license-store.h"

#define GROUP "License"

/* A licence file, escaped, and a few times. */
#define MAX_STORE_SIZE (2 * TS_LICENSE_MAX_FILE_SIZE + 4096)

char *
ts_license_get_default_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "timestamps", "license", NULL);
}

static GDateTime *
get_time (GKeyFile   *key_file,
          const char *name)
{
  g_autofree char *text = g_key_file_get_string (key_file, GROUP, name, NULL);

  return text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;
}

static void
set_time (GKeyFile   *key_file,
          const char *name,
          GDateTime  *time)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *text = NULL;

  if (time == NULL)
    return;
  utc = g_date_time_to_utc (time);
  text = g_date_time_format_iso8601 (utc);
  g_key_file_set_string (key_file, GROUP, name, text);
}

/* The state the licence server locked the licence in; FALSE when the
 * stored value is not one it can lock in. */
static gboolean
get_locked_state (GKeyFile       *key_file,
                  gboolean       *locked,
                  TsLicenseState *state)
{
  g_autofree char *text = g_key_file_get_string (key_file, GROUP, "locked", NULL);

  *locked = text != NULL;
  if (text == NULL)
    return TRUE;
  if (g_strcmp0 (text, ts_license_state_to_string (TS_LICENSE_STATE_EXPIRED)) == 0)
    *state = TS_LICENSE_STATE_EXPIRED;
  else if (g_strcmp0 (text, ts_license_state_to_string (TS_LICENSE_STATE_REVOKED)) == 0)
    *state = TS_LICENSE_STATE_REVOKED;
  else
    return FALSE;
  return TRUE;
}

static TsLicense *
new_invalid (GDateTime *now)
{
  /* A source that cannot verify gives the invalid state. */
  TsLicenseStored stored = { .source = "", .checked = now };

  return ts_license_new_stored (&stored, ts_license_trusted_public_key (), now);
}

TsLicense *
ts_license_load (const char    *path,
                 const guint8  *public_key,
                 GDateTime     *now,
                 GError       **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *key = NULL;
  g_autofree char *file = NULL;
  g_autoptr(GDateTime) checked = NULL;
  g_autoptr(GDateTime) newest_trusted = NULL;
  TsLicenseState locked_state = TS_LICENSE_STATE_FREE;
  gboolean locked;
  GStatBuf info;
  gsize length;

  if (public_key == NULL)
    public_key = ts_license_trusted_public_key ();

  /* Its size is checked before it is read: anyone may have written it. */
  if (g_stat (path, &info) != 0)
    {
      if (errno == ENOENT)
        return ts_license_new ();
    }
  else if (info.st_size > MAX_STORE_SIZE)
    return new_invalid (now);
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: the file, then the system's reason. */
                   _("%s: cannot read the licence (%s)"), path, local_error->message);
      return NULL;
    }
  if (length > MAX_STORE_SIZE || !g_key_file_load_from_data (key_file, contents, length, G_KEY_FILE_NONE, NULL))
    return new_invalid (now);

  key = g_key_file_get_string (key_file, GROUP, "key", NULL);
  file = g_key_file_get_string (key_file, GROUP, "file", NULL);
  checked = get_time (key_file, "checked");
  newest_trusted = get_time (key_file, "newest-trusted");
  if ((key != NULL && file != NULL) || !get_locked_state (key_file, &locked, &locked_state))
    return new_invalid (now);

  return ts_license_new_stored (&(TsLicenseStored) {
                                  .source = key != NULL ? key : file,
                                  .source_is_file = file != NULL,
                                  .checked = checked,
                                  .newest_trusted = newest_trusted,
                                  .locked = locked,
                                  .locked_state = locked_state,
                                },
                                public_key, now);
}

gboolean
ts_license_save (const TsLicense  *self,
                 const char       *path,
                 GError          **error)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *data = NULL;
  TsLicenseStored stored = ts_license_get_stored (self);
  gsize length;

  if (stored.source != NULL)
    g_key_file_set_string (key_file, GROUP, stored.source_is_file ? "file" : "key", stored.source);
  set_time (key_file, "checked", stored.checked);
  set_time (key_file, "newest-trusted", stored.newest_trusted);
  if (stored.locked)
    g_key_file_set_string (key_file, GROUP, "locked", ts_license_state_to_string (stored.locked_state));
  data = g_key_file_to_data (key_file, &length, NULL);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("%s: cannot save the licence (%s)"), path, g_strerror (saved_errno));
      return FALSE;
    }
  if (!g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: the file, then the system's reason. */
                   _("%s: cannot save the licence (%s)"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}
