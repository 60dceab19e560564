/* ts-license.c - the Pro licence: activation and the state it gives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A licence is kept as given (a signed key or a licence file) and checked
 * again each time it is loaded, so that a stored licence edited by hand
 * is invalid rather than trusted. The key is a secret of its owner: it
 * never goes into a message or a log.
 */

#define G_LOG_DOMAIN "ts-license"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "ts-license-private.h"
#include "ts-license-store.h"

struct _TsLicense {
  TsLicenseState   state;
  char            *source;          /* the key or licence file, or NULL */
  gboolean         source_is_file;
  TsLicenseClaims *claims;          /* NULL when free or invalid */
  GDateTime       *newest_trusted;  /* the newest issue time seen */
  GDateTime       *checked;         /* when the licence was last verified */
  gboolean         locked;          /* the licence server said expired or revoked */
};

G_DEFINE_QUARK (ts-license-error-quark, ts_license_error)

const char *
ts_license_state_to_string (TsLicenseState state)
{
  switch (state)
    {
    case TS_LICENSE_STATE_FREE:
      return "free";
    case TS_LICENSE_STATE_ACTIVE:
      return "active";
    case TS_LICENSE_STATE_EXPIRED:
      return "expired";
    case TS_LICENSE_STATE_NEEDS_REFRESH:
      return "needs-refresh";
    case TS_LICENSE_STATE_INVALID:
      return "invalid";
    case TS_LICENSE_STATE_REVOKED:
      return "revoked";
    }
  g_return_val_if_reached (NULL);
}

TsLicense *
ts_license_new (void)
{
  TsLicense *self = g_new0 (TsLicense, 1);

  self->state = TS_LICENSE_STATE_FREE;
  return self;
}

static void
clear_licence (TsLicense *self)
{
  if (self->source != NULL)
    {
      /* Scrubbed, so a later leak of freed memory does not show it. */
      memset (self->source, 0, strlen (self->source));
      g_clear_pointer (&self->source, g_free);
    }
  g_clear_pointer (&self->claims, ts_license_claims_free);
  g_clear_pointer (&self->checked, g_date_time_unref);
  self->state = TS_LICENSE_STATE_FREE;
  self->locked = FALSE;
}

void
ts_license_free (TsLicense *self)
{
  clear_licence (self);
  g_clear_pointer (&self->newest_trusted, g_date_time_unref);
  g_free (self);
}

void
ts_license_trust_time (TsLicense *self,
                       GDateTime *time)
{
  if (time == NULL ||
      (self->newest_trusted != NULL && g_date_time_compare (self->newest_trusted, time) >= 0))
    return;
  g_clear_pointer (&self->newest_trusted, g_date_time_unref);
  self->newest_trusted = g_date_time_ref (time);
}

/* Takes @claims (verified from @source) when they are active at @now. */
static gboolean
adopt (TsLicense        *self,
       const char       *source,
       gsize             length,
       gboolean          source_is_file,
       TsLicenseClaims  *claims,
       GDateTime        *now,
       GError          **error)
{
  g_autoptr(TsLicenseClaims) owned = claims;
  TsLicenseState state;

  if (ts_license_clock_went_back (claims, now, self->newest_trusted))
    {
      g_set_error_literal (error, TS_LICENSE_ERROR, TS_LICENSE_ERROR_CLOCK,
                           _("this computer’s clock is behind the licence’s issue time; "
                             "set the clock right and try again"));
      return FALSE;
    }
  state = ts_license_claims_evaluate (claims, now, self->newest_trusted);
  if (state != TS_LICENSE_STATE_ACTIVE)
    {
      ts_license_set_state_error (error, state, claims);
      return FALSE;
    }

  clear_licence (self);
  self->state = state;
  self->source = g_strndup (source, length);
  self->source_is_file = source_is_file;
  self->checked = g_date_time_ref (now);
  ts_license_trust_time (self, claims->issued);
  self->claims = g_steal_pointer (&owned);
  return TRUE;
}

gboolean
ts_license_activate (TsLicense     *self,
                     const char    *key,
                     const guint8  *public_key,
                     GDateTime     *now,
                     GError       **error)
{
  gsize length = strnlen (key, TS_LICENSE_MAX_KEY_SIZE + 1);
  TsLicenseClaims *claims;

  claims = ts_license_claims_from_key (key, length, public_key ? public_key : ts_license_trusted_public_key (),
                                       error);
  if (claims == NULL)
    return FALSE;
  return adopt (self, key, length, FALSE, claims, now, error);
}

gboolean
ts_license_import (TsLicense     *self,
                   const char    *text,
                   gsize          length,
                   const guint8  *public_key,
                   GDateTime     *now,
                   GError       **error)
{
  TsLicenseClaims *claims;

  claims = ts_license_claims_from_file (text, length, public_key ? public_key : ts_license_trusted_public_key (),
                                        error);
  if (claims == NULL)
    return FALSE;
  return adopt (self, text, length, TRUE, claims, now, error);
}

/* The newest trusted time stays: it guards the clock, whichever licence
 * comes next. */
void
ts_license_deactivate (TsLicense *self)
{
  clear_licence (self);
}

TsLicenseState
ts_license_get_state (const TsLicense *self)
{
  return self->state;
}

const char *
ts_license_get_plan (const TsLicense *self)
{
  return self->claims != NULL ? self->claims->plan : NULL;
}

const char *
ts_license_get_licensee (const TsLicense *self)
{
  return self->claims != NULL ? self->claims->email : NULL;
}

GDateTime *
ts_license_get_expiry (const TsLicense *self)
{
  return self->claims != NULL ? self->claims->expiry : NULL;
}

GDateTime *
ts_license_get_checked (const TsLicense *self)
{
  return self->checked;
}

const TsLicenseClaims *
ts_license_get_claims (const TsLicense *self)
{
  return self->claims;
}

/* The licence and its key stay: a later refresh unlocks it again once
 * the licence is renewed or reinstated. */
void
ts_license_lock (TsLicense      *self,
                 TsLicenseState  state,
                 GDateTime      *now)
{
  g_return_if_fail (self->claims != NULL);
  g_return_if_fail (state == TS_LICENSE_STATE_EXPIRED || state == TS_LICENSE_STATE_REVOKED);

  self->state = state;
  self->locked = TRUE;
  g_clear_pointer (&self->checked, g_date_time_unref);
  self->checked = g_date_time_ref (now);
}

/* For ts-license-store.c. */
TsLicenseStored
ts_license_get_stored (const TsLicense *self)
{
  return (TsLicenseStored) {
    .source = self->source,
    .source_is_file = self->source_is_file,
    .checked = self->checked,
    .newest_trusted = self->newest_trusted,
    .locked = self->locked,
    .locked_state = self->state,
  };
}

/* For ts-license-store.c: what was saved, checked again at @now. */
TsLicense *
ts_license_new_stored (const TsLicenseStored  *stored,
                       const guint8           *public_key,
                       GDateTime              *now)
{
  g_autoptr(TsLicense) self = ts_license_new ();
  gsize length;

  if (stored->newest_trusted != NULL)
    self->newest_trusted = g_date_time_ref (stored->newest_trusted);
  if (stored->source == NULL)
    return g_steal_pointer (&self);

  length = strlen (stored->source);
  self->claims = stored->source_is_file
    ? ts_license_claims_from_file (stored->source, length, public_key, NULL)
    : ts_license_claims_from_key (stored->source, length, public_key, NULL);
  if (self->claims == NULL || stored->checked == NULL)
    {
      g_clear_pointer (&self->claims, ts_license_claims_free);
      self->state = TS_LICENSE_STATE_INVALID;
      return g_steal_pointer (&self);
    }

  self->source = g_strdup (stored->source);
  self->source_is_file = stored->source_is_file;
  self->checked = g_date_time_ref (stored->checked);
  self->state = ts_license_claims_evaluate (self->claims, now, self->newest_trusted);
  /* What the server said outweighs what the licence claims offline. */
  if (stored->locked)
    {
      self->locked = TRUE;
      self->state = stored->locked_state;
    }
  return g_steal_pointer (&self);
}
