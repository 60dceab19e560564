/* ts-project.c - a DAW project of any supported format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ts-project"

#include "config.h"

#include <errno.h>
#include <math.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ts-file-check.h"
#include "ts-project.h"
#include "ts-stage-probe.h"

static gboolean
format_read (TsFormat       format,
             TsProject     *self,
             const guint8  *data,
             gsize          length,
             const char    *display_name,
             GError       **error)
{
  self->format = format;
  switch (format)
    {
    case TS_FORMAT_ABLETON:
      return ts_ableton_set_read (&self->ableton, data, length, display_name, error);
    case TS_FORMAT_FL_STUDIO:
      return ts_fl_project_read (&self->fl, data, length, display_name, error);
    case TS_FORMAT_CUE:
      return ts_cue_sheet_read (&self->cue, data, length, display_name, error);
    }
  g_return_val_if_reached (FALSE);
}

/* The content decides first (gzip or XML for Ableton, magic numbers, cue
 * keywords), in the table's order: files get renamed and mislabeled,
 * content does not lie. The extension decides only when the content is
 * unrecognisable, so that a damaged set still gets the Ableton reader's
 * precise error instead of a generic one. */
static gboolean
detect_format (const guint8 *data,
               gsize         length,
               const char   *display_name,
               TsFormat     *format)
{
  g_autofree char *lower = NULL;

  for (guint i = 0; i < TS_N_FORMATS; i++)
    {
      if (ts_format_info_get (i)->sniff (data, length))
        {
          *format = i;
          return TRUE;
        }
    }

  lower = g_ascii_strdown (display_name, -1);
  for (guint i = 0; i < TS_N_FORMATS; i++)
    {
      const char * const *extensions = ts_format_info_get (i)->extensions;

      for (guint j = 0; extensions[j] != NULL; j++)
        {
          if (g_str_has_suffix (lower, extensions[j]))
            {
              *format = i;
              return TRUE;
            }
        }
    }

  return FALSE;
}

/**
 * ts_project_load_bytes:
 * @bytes: the whole file
 * @display_name: how the user knows the file; starts every error message
 *
 * Reads any supported format, recognised by its content first and its
 * extension second.
 */
TsProject *
ts_project_load_bytes (GBytes      *bytes,
                       const char  *display_name,
                       GError     **error)
{
  g_autoptr(TsProject) self = NULL;
  g_autofree char *backup = NULL;
  const guint8 *data;
  gsize length;
  TsFormat format;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = ts_project_error_file_name (display_name);

  data = g_bytes_get_data (bytes, &length);
  if (length == 0)
    {
      ts_project_error_empty (display_name, error);
      return NULL;
    }

  if (!ts_file_check_mistaken (data, length, display_name, error))
    return NULL;

  if (!detect_format (data, length, display_name, &format))
    {
      /* Translators: joins the other formats in "this is not %s". */
      const char *separator = C_("list of formats", ", ");
      /* Translators: joins the last two formats in "this is not %s". */
      const char *last_separator = C_("list of formats", " or ");
      g_autofree char *supported = ts_format_info_join_phrases (TRUE, separator, last_separator);

      g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_UNKNOWN_FORMAT,
                   /* Translators: the second %s lists the formats, e.g.
                    * "an Ableton Live set (.als), an FL Studio project (.flp)
                    * or a cue sheet (.cue)". */
                   _("%s: this is not %s"), display_name, supported);
      return NULL;
    }

  self = g_new0 (TsProject, 1);
  if (!format_read (format, self, data, length, display_name, error))
    return NULL;
  if (format == TS_FORMAT_ABLETON && (backup = ts_file_check_backup (display_name)) != NULL)
    {
      self->warnings = g_new0 (char *, 2);
      self->warnings[0] = g_steal_pointer (&backup);
    }
  return g_steal_pointer (&self);
}

/**
 * ts_project_load_path:
 * @path: a local file name
 * @display_name: (nullable): how error messages name the file; @path when
 *   %NULL
 *
 * Reads a local file through GLib alone: a command-line run then never
 * starts GIO, which costs more than reading a large set.
 */
TsProject *
ts_project_load_path (const char  *path,
                      const char  *display_name,
                      GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  if (display_name == NULL)
    display_name = path;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   /* Translators: the second %s is the system's reason. */
                   _("%s: the file cannot be read (%s)"), display_name, g_strerror (saved_errno));
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR,
                   _("%s: this is a folder, not a project file"), display_name);
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   _("%s: this is not a regular file"), display_name);
      return NULL;
    }
  if (!ts_file_check_size ((guint64) st.st_size, display_name, error))
    return NULL;

  /* Read, not mapped: a DAW saving over the file while we read it must
   * not be able to pull the pages away (SIGBUS). */
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code,
                   /* Translators: the second %s is the system's reason. */
                   _("%s: the file cannot be read (%s)"), display_name, local_error->message);
      return NULL;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  return ts_project_load_bytes (bytes, display_name, error);
}

void
ts_project_free (TsProject *self)
{
  if (self == NULL)
    return;

  switch (self->format)
    {
    case TS_FORMAT_ABLETON:
      ts_ableton_set_clear (&self->ableton);
      break;
    case TS_FORMAT_FL_STUDIO:
      ts_fl_project_clear (&self->fl);
      break;
    case TS_FORMAT_CUE:
      ts_cue_sheet_clear (&self->cue);
      break;
    }
  g_strfreev (self->warnings);
  g_free (self);
}

const char *
ts_project_get_daw_version (const TsProject *self)
{
  switch (self->format)
    {
    case TS_FORMAT_ABLETON:
      return self->ableton.creator;
    case TS_FORMAT_FL_STUDIO:
      return ts_fl_project_get_version (&self->fl);
    case TS_FORMAT_CUE:
      return ts_cue_sheet_get_writer (&self->cue);
    }
  g_return_val_if_reached (NULL);
}

double
ts_project_get_bpm (const TsProject *self)
{
  switch (self->format)
    {
    case TS_FORMAT_ABLETON:
      return self->ableton.tempo;
    case TS_FORMAT_FL_STUDIO:
      return self->fl.tempo;
    case TS_FORMAT_CUE:
      return NAN;
    }
  g_return_val_if_reached (0.0);
}

/* Whether the format has arrangements of its own (FL Studio's playlist
 * arrangements); the others are one timeline, reported as one
 * arrangement without a name. */
gboolean
ts_project_has_arrangements (const TsProject *self)
{
  switch (self->format)
    {
    case TS_FORMAT_ABLETON:
      return FALSE;
    case TS_FORMAT_FL_STUDIO:
      return TRUE;
    case TS_FORMAT_CUE:
      return FALSE;
    }
  g_return_val_if_reached (FALSE);
}

guint
ts_project_get_n_arrangements (const TsProject *self)
{
  switch (self->format)
    {
    case TS_FORMAT_ABLETON:
      return 1;
    case TS_FORMAT_FL_STUDIO:
      return ts_fl_project_get_n_arrangements (&self->fl);
    case TS_FORMAT_CUE:
      return 1;
    }
  g_return_val_if_reached (0);
}

/**
 * ts_project_get_arrangement_name:
 *
 * Returns: (nullable): the arrangement's name, or %NULL for formats
 *   without arrangements (ts_project_has_arrangements()), whose one
 *   timeline has no name to show
 */
const char *
ts_project_get_arrangement_name (const TsProject *self,
                                 guint            arrangement)
{
  g_return_val_if_fail (arrangement < ts_project_get_n_arrangements (self), NULL);

  switch (self->format)
    {
    case TS_FORMAT_ABLETON:
      return NULL;
    case TS_FORMAT_FL_STUDIO:
      return ts_fl_project_get_arrangement_name (&self->fl, arrangement);
    case TS_FORMAT_CUE:
      return NULL;
    }
  g_return_val_if_reached (NULL);
}

guint
ts_project_get_default_arrangement (const TsProject *self)
{
  switch (self->format)
    {
    case TS_FORMAT_ABLETON:
      return 0;
    case TS_FORMAT_FL_STUDIO:
      return ts_fl_project_get_default_arrangement (&self->fl);
    case TS_FORMAT_CUE:
      return 0;
    }
  g_return_val_if_reached (0);
}

/**
 * ts_project_default_skips_saved_arrangement:
 * @saved: (out) (optional): the arrangement current at save time, when
 *   %TRUE is returned
 *
 * Returns: whether the default arrangement was chosen for its markers
 *   over the one current at save time, which has none: the app says so
 *   ("Markers from “X”; “Y” has none")
 */
gboolean
ts_project_default_skips_saved_arrangement (const TsProject *self,
                                            guint           *saved)
{
  switch (self->format)
    {
    case TS_FORMAT_ABLETON:
      return FALSE;
    case TS_FORMAT_FL_STUDIO:
      return ts_fl_project_default_skips_current (&self->fl, saved);
    case TS_FORMAT_CUE:
      return FALSE;
    }
  g_return_val_if_reached (FALSE);
}

/* Whether @arrangement has a marker that becomes a track. */
gboolean
ts_project_arrangement_has_markers (const TsProject *self,
                                    guint            arrangement)
{
  g_auto(TsProjectFacts) facts = TS_PROJECT_FACTS_INIT;

  g_return_val_if_fail (arrangement < ts_project_get_n_arrangements (self), FALSE);

  switch (self->format)
    {
    case TS_FORMAT_ABLETON:
    case TS_FORMAT_CUE:
      /* One timeline: its markers are what deriving finds. */
      ts_project_derive (self, arrangement, &facts);
      return facts.markers->len > 0;
    case TS_FORMAT_FL_STUDIO:
      /* Without deriving each arrangement's tempo map. */
      return ts_fl_project_arrangement_has_markers (&self->fl, arrangement);
    }
  g_return_val_if_reached (FALSE);
}

/**
 * ts_project_derive:
 * @arrangement: below ts_project_get_n_arrangements()
 * @facts: (out caller-allocates): filled in, whatever it held; clear it
 *   with ts_project_facts_clear()
 *
 * The shared facts of @arrangement, each format's from its own function.
 */
void
ts_project_derive (const TsProject *self,
                   guint            arrangement,
                   TsProjectFacts  *facts)
{
  g_return_if_fail (arrangement < ts_project_get_n_arrangements (self));

  /* Deriving builds the tempo map, the step that grows with automation. */
  ts_stage_reached (TS_STAGE_TEMPO_MAP);

  switch (self->format)
    {
    case TS_FORMAT_ABLETON:
      ts_ableton_set_derive (&self->ableton, arrangement, facts);
      break;
    case TS_FORMAT_FL_STUDIO:
      ts_fl_project_derive (&self->fl, arrangement, facts);
      break;
    case TS_FORMAT_CUE:
      ts_cue_sheet_derive (&self->cue, arrangement, facts);
      break;
    }

  if (self->warnings != NULL)
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      g_strv_builder_addv (builder, (const char **) self->warnings);
      if (facts->warnings != NULL)
        g_strv_builder_addv (builder, (const char **) facts->warnings);
      g_strfreev (facts->warnings);
      facts->warnings = g_strv_builder_end (builder);
    }
}
