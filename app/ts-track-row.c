/* ts-track-row.c - one marker as the marker list shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ts-track-row"

#include "config.h"

#include "ts-track-row.h"

struct _TsTrackRow
{
  GObject  parent_instance;

  char    *key;
  guint    index;
  double   seconds;
  double   beat;
  char    *time;
  char    *title;
  char    *original_title;
  gboolean shown;
};

G_DEFINE_FINAL_TYPE (TsTrackRow, ts_track_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_INDEX,
  PROP_TIME,
  PROP_TITLE,
  PROP_SHOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ts_track_row_finalize (GObject *object)
{
  TsTrackRow *self = (TsTrackRow *)object;

  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->time, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->original_title, g_free);

  G_OBJECT_CLASS (ts_track_row_parent_class)->finalize (object);
}

static void
ts_track_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TsTrackRow *self = TS_TRACK_ROW (object);

  switch (prop_id)
    {
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;

    case PROP_TIME:
      g_value_set_string (value, self->time);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SHOWN:
      g_value_set_boolean (value, self->shown);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_track_row_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TsTrackRow *self = TS_TRACK_ROW (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      ts_track_row_set_title (self, g_value_get_string (value));
      break;

    case PROP_SHOWN:
      ts_track_row_set_shown (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ts_track_row_class_init (TsTrackRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ts_track_row_finalize;
  object_class->get_property = ts_track_row_get_property;
  object_class->set_property = ts_track_row_set_property;

  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TIME] =
    g_param_spec_string ("time", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHOWN] =
    g_param_spec_boolean ("shown", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ts_track_row_init (TsTrackRow *self)
{
  self->shown = TRUE;
}

/* Rows are made in the loading thread; they only get signal handlers once
 * the main thread puts them in the list. */
TsTrackRow *
ts_track_row_new (const TsTrack *track,
                  const char    *key)
{
  TsTrackRow *self;

  g_return_val_if_fail (track != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  self = g_object_new (TS_TYPE_TRACK_ROW, NULL);
  self->key = g_strdup (key);
  self->index = track->index;
  self->seconds = track->seconds;
  self->beat = track->beat;
  self->title = g_strdup (track->title ? track->title : "");
  self->original_title = g_strdup (self->title);

  return self;
}

const char *
ts_track_row_get_key (TsTrackRow *self)
{
  g_return_val_if_fail (TS_IS_TRACK_ROW (self), NULL);

  return self->key;
}

guint
ts_track_row_get_index (TsTrackRow *self)
{
  g_return_val_if_fail (TS_IS_TRACK_ROW (self), 0);

  return self->index;
}

double
ts_track_row_get_seconds (TsTrackRow *self)
{
  g_return_val_if_fail (TS_IS_TRACK_ROW (self), 0.0);

  return self->seconds;
}

double
ts_track_row_get_beat (TsTrackRow *self)
{
  g_return_val_if_fail (TS_IS_TRACK_ROW (self), 0.0);

  return self->beat;
}

const char *
ts_track_row_get_time (TsTrackRow *self)
{
  g_return_val_if_fail (TS_IS_TRACK_ROW (self), NULL);

  return self->time;
}

void
ts_track_row_update_time (TsTrackRow         *self,
                          const TsTimeFormat *format)
{
  g_autofree char *time = NULL;

  g_return_if_fail (TS_IS_TRACK_ROW (self));
  g_return_if_fail (format != NULL);

  time = ts_format_time (self->seconds, format);

  if (g_strcmp0 (time, self->time) != 0)
    {
      g_free (self->time);
      self->time = g_steal_pointer (&time);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME]);
    }
}

const char *
ts_track_row_get_title (TsTrackRow *self)
{
  g_return_val_if_fail (TS_IS_TRACK_ROW (self), NULL);

  return self->title;
}

void
ts_track_row_set_title (TsTrackRow *self,
                        const char *title)
{
  g_return_if_fail (TS_IS_TRACK_ROW (self));

  if (title == NULL)
    title = "";

  if (g_strcmp0 (title, self->title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }
}

const char *
ts_track_row_get_original_title (TsTrackRow *self)
{
  g_return_val_if_fail (TS_IS_TRACK_ROW (self), NULL);

  return self->original_title;
}

gboolean
ts_track_row_get_shown (TsTrackRow *self)
{
  g_return_val_if_fail (TS_IS_TRACK_ROW (self), FALSE);

  return self->shown;
}

void
ts_track_row_set_shown (TsTrackRow *self,
                        gboolean    shown)
{
  g_return_if_fail (TS_IS_TRACK_ROW (self));

  shown = !!shown;

  if (shown != self->shown)
    {
      self->shown = shown;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN]);
    }
}
