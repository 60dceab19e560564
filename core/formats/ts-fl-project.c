/* ts-fl-project.c - what Timestamps reads from an FL Studio project
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An .flp file is a 14-byte "FLhd" header (format, channel count, PPQ) and
 * an "FLdt" chunk of events. An event is one id byte and a payload whose
 * size follows from the id: 0-63 one byte, 64-127 two, 128-191 four, 192
 * and up a 7-bit varint length and then that many bytes.
 *
 * The file is read in one pass. Markers, names and the project facts are
 * taken as they pass by; the two payloads that need facts from elsewhere
 * in the file (automation points, playlists) are remembered as spans of
 * the input and decoded after the pass, so nothing is copied twice and
 * event order does not matter for them.
 *
 * Tempo automation clips are joined on the timeline the way dawtool
 * (offlinemark/dawtool, the reference for the conformance corpus) does it:
 *  - clips sorted by start; of clips starting together only the longest
 *    (by playlist length) plays;
 *  - a gap between clips holds the last tempo of the earlier clip until
 *    the next one starts, where the tempo jumps;
 *  - where a clip starts before the previous one's last point, the later
 *    clip wins from its start on; the earlier clip's curve is cut there;
 *  - muted clips are ignored;
 *  - every point of a clip is used, from the clip's start, regardless of
 *    the clip's length or trimmed start (what the reference does).
 */

#define G_LOG_DOMAIN "ts-fl-project"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "ts-cp1252.h"
#include "ts-display-text.h"
#include "ts-fl-project.h"
#include "ts-format-info.h"
#include "ts-marker.h"

G_DEFINE_QUARK (ts-fl-error-quark, ts_fl_error)

/* Event ids. */
enum {
  FL_EVENT_MARKER_NUMERATOR = 33,
  FL_EVENT_MARKER_DENOMINATOR = 34,
  FL_EVENT_NEW_CHANNEL = 64,
  FL_EVENT_NEW_PATTERN = 65,
  FL_EVENT_TEMPO_COARSE = 66,
  FL_EVENT_NEW_ARRANGEMENT = 99,
  FL_EVENT_CURRENT_ARRANGEMENT = 100,
  FL_EVENT_MARKER = 148,
  FL_EVENT_TEMPO = 156,
  FL_EVENT_VERSION = 199,
  FL_EVENT_MARKER_NAME = 205,
  FL_EVENT_AUTOMATION_CHANNEL = 227,
  FL_EVENT_PLAYLIST = 233,
  FL_EVENT_AUTOMATION_DATA = 234,
  FL_EVENT_ARRANGEMENT_NAME = 241,
};

#define FL_HEADER_SIZE 6
/* An automation channel targets parameter 5 of destination 0x4000: the
 * master tempo. */
#define FL_PARAM_TEMPO 5
#define FL_DESTINATION_MASTER 0x4000
/* Playlist items below this index are channels (automation clips, audio
 * clips); from it on they are patterns. */
#define FL_PATTERN_BASE 0x5000
/* Playlist tracks are stored counting down from this one. */
#define FL_LAST_TRACK 499
/* A tempo automation value v in 0..1 means (v + 0.5) * 120 BPM. */
#define FL_TEMPO_VALUE_SCALE 120.0
#define FL_TEMPO_VALUE_OFFSET 0.5
/* FL Studio's tempo for a new project, for files that store none. */
#define FL_DEFAULT_TEMPO 140.0

/* Automation data: a 21-byte header whose last field is the point count,
 * then 24 bytes per point: increment f64 (beats after the previous point,
 * 0 for the first), value f64 (0..1), tension f32 (0 is a straight line),
 * flags. */
#define FL_AUTOMATION_HEADER 21
#define FL_AUTOMATION_COUNT_OFFSET 17
#define FL_AUTOMATION_POINT_SIZE 24
#define FL_POINT_INCREMENT 0
#define FL_POINT_VALUE 8
#define FL_POINT_TENSION 16

/* Playlist item records grew with FL 21 (60 bytes) and FL 25 (80 bytes);
 * the first 32 bytes kept their layout. */
#define FL_PLAYLIST_ITEM_20 32
#define FL_PLAYLIST_ITEM_21 60
#define FL_PLAYLIST_ITEM_25 80
#define FL_PLAYLIST_FLAG_MUTED 0x2000

/* Limits no real project comes near; they keep hostile files from making
 * us allocate far more than the file's size. */
#define FL_MAX_ARRANGEMENTS 4096
#define FL_MAX_MARKERS 1000000
#define FL_MAX_TEMPO_POINTS (1u << 22)
/* Real projects have some ten thousand events and some thousand clips;
 * the counts keep the work a hostile file causes to what these allow. */
#define FL_MAX_EVENTS (1u << 24)
#define FL_MAX_PLAYLIST_ITEMS 1000000

typedef struct {
  gsize    offset;
  gsize    length;
} Span;

typedef struct {
  guint16  channel;
  Span     span;
} ChannelData;

typedef struct {
  guint    arrangement;
  Span     span;       /* empty when the event cannot hold one item */
} PlaylistData;

/* Indexes by channel number, stored plus one so that zero means "none".
 * Real projects number their channels from 0 to some hundreds, so the
 * table grows to the highest number seen rather than to 65 536. */
typedef struct {
  guint32 *slots;
  guint    len;
} ChannelTable;

typedef enum {
  CONTEXT_NONE,
  CONTEXT_PATTERN,
  CONTEXT_CHANNEL,
  CONTEXT_ARRANGEMENT,
} Context;

typedef struct {
  TsFlProject   *project;
  const guint8  *data;
  const char    *name;

  Context        context;
  guint16        pattern;
  int            channel;            /* -1 before the first channel */
  gboolean       seen_arrangement;   /* an arrangement event was read */
  gboolean       implicit_claimable; /* arrangement 0 exists without its event */
  gboolean       have_fine_tempo;
  int            current_id;         /* the current-arrangement event, or -1 */
  gboolean       utf16;

  GArray        *last_marker_array;  /* where the last marker went */
  guint          last_marker_index;
  guint          n_events;

  ChannelTable   tempo_lookup;       /* channel number -> tempo_channels index + 1 */
  ChannelTable   data_lookup;        /* channel number -> channel_data index + 1 */
  guint          n_markers;
  GArray        *channel_data;       /* ChannelData, one per channel */
  GArray        *playlists;          /* PlaylistData */
} Reader;

static inline guint16
read_u16 (const guint8 *p)
{
  return (guint16) (p[0] | (p[1] << 8));
}

static inline guint32
read_u32 (const guint8 *p)
{
  return (guint32) p[0] | ((guint32) p[1] << 8) | ((guint32) p[2] << 16) | ((guint32) p[3] << 24);
}

static inline double
read_f64 (const guint8 *p)
{
  guint64 bits = (guint64) read_u32 (p) | ((guint64) read_u32 (p + 4) << 32);
  double value;

  memcpy (&value, &bits, sizeof value);
  return value;
}

static inline float
read_f32 (const guint8 *p)
{
  guint32 bits = read_u32 (p);
  float value;

  memcpy (&value, &bits, sizeof value);
  return value;
}

/* FL 11 and older store 8-bit text in the Windows code page, up to the
 * first NUL. */
static char *
decode_8bit (const guint8 *data,
             gsize         length)
{
  const guint8 *nul = memchr (data, '\0', length);

  return ts_cp1252_to_utf8 (data, nul != NULL ? (gsize) (nul - data) : length);
}

/* UTF-16LE up to the first NUL; broken surrogates become U+FFFD instead of
 * failing the whole project over one name. */
static char *
decode_utf16 (const guint8 *data,
              gsize         length)
{
  GString *text = g_string_sized_new (length / 2);

  for (gsize i = 0; i + 1 < length; i += 2)
    {
      gunichar c = read_u16 (data + i);

      if (c == 0)
        break;
      if (c >= 0xD800 && c < 0xDC00)
        {
          gunichar low = i + 3 < length ? read_u16 (data + i + 2) : 0;

          if (low >= 0xDC00 && low < 0xE000)
            {
              c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
              i += 2;
            }
          else
            c = 0xFFFD;
        }
      else if (c >= 0xDC00 && c < 0xE000)
        c = 0xFFFD;
      g_string_append_unichar (text, c);
    }
  return g_string_free (text, FALSE);
}

static char *
reader_decode_raw (Reader       *reader,
                   const guint8 *data,
                   gsize         length)
{
  gboolean utf16 = reader->utf16;

  /* Without a version, a string ending in a 16-bit NUL is UTF-16. */
  if (reader->project->major_version == 0)
    utf16 = length >= 2 && length % 2 == 0 && data[length - 1] == 0 && data[length - 2] == 0;
  if (utf16)
    return decode_utf16 (data, length);
  return decode_8bit (data, length);
}

/* Names as the app shows them: FL's UTF-16 lets them hold any control
 * character. */
static char *
reader_decode_text (Reader       *reader,
                    const guint8 *data,
                    gsize         length)
{
  g_autofree char *raw = reader_decode_raw (reader, data, length);

  return ts_display_text_dup (raw);
}

static void
ts_fl_marker_clear (TsFlMarker *marker)
{
  g_clear_pointer (&marker->name, g_free);
}

static void
ts_fl_pattern_marker_clear (TsFlPatternMarker *marker)
{
  ts_fl_marker_clear (&marker->marker);
}

static void
ts_fl_arrangement_clear (TsFlArrangement *arrangement)
{
  g_clear_pointer (&arrangement->name, g_free);
  g_clear_pointer (&arrangement->markers, g_array_unref);
  g_clear_pointer (&arrangement->tempo_clips, g_array_unref);
  g_clear_pointer (&arrangement->tempo_points, g_array_unref);
}

static void
reader_add_arrangement (Reader  *reader,
                        guint16  id)
{
  TsFlArrangement arrangement = { 0 };

  arrangement.id = id;
  arrangement.markers = g_array_new (FALSE, TRUE, sizeof (TsFlMarker));
  g_array_set_clear_func (arrangement.markers, (GDestroyNotify) ts_fl_marker_clear);
  arrangement.tempo_clips = g_array_new (FALSE, FALSE, sizeof (TsFlTempoClip));
  arrangement.tempo_points = g_array_new (FALSE, FALSE, sizeof (TsTempoPoint));
  g_array_append_val (reader->project->arrangements, arrangement);
}

/* The arrangement that events belong to now. Before any arrangement event
 * (FL 12-19 have none; FL 20.8 writes some markers early) that is the
 * first arrangement, made on demand and claimed by the first event. */
static guint
reader_current_arrangement (Reader *reader)
{
  if (reader->project->arrangements->len == 0)
    {
      reader_add_arrangement (reader, 0);
      reader->implicit_claimable = TRUE;
    }
  return reader->project->arrangements->len - 1;
}

static gboolean
reader_new_arrangement (Reader   *reader,
                        guint16   id,
                        GError  **error)
{
  reader->seen_arrangement = TRUE;
  reader->context = CONTEXT_ARRANGEMENT;

  if (reader->implicit_claimable)
    {
      g_array_index (reader->project->arrangements, TsFlArrangement, 0).id = id;
      reader->implicit_claimable = FALSE;
      return TRUE;
    }

  if (reader->project->arrangements->len >= FL_MAX_ARRANGEMENTS)
    {
      g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_TOO_LARGE,
                   _("%s: the project has more than %u arrangements"),
                   reader->name, FL_MAX_ARRANGEMENTS);
      return FALSE;
    }
  reader_add_arrangement (reader, id);
  return TRUE;
}

static TsFlMarkerKind
marker_kind_from_byte (guint8 kind)
{
  switch (kind)
    {
    case TS_FL_MARKER_PLAIN:
    case TS_FL_MARKER_MARKER_LOOP:
    case TS_FL_MARKER_MARKER_SKIP:
    case TS_FL_MARKER_PAUSE:
    case TS_FL_MARKER_LOOP:
    case TS_FL_MARKER_START:
    case TS_FL_MARKER_TIME_SIGNATURE:
    case TS_FL_MARKER_PUNCH_IN:
    case TS_FL_MARKER_PUNCH_OUT:
      return kind;
    default:
      return TS_FL_MARKER_OTHER;
    }
}

static gboolean
reader_add_marker (Reader   *reader,
                   guint32   value,
                   GError  **error)
{
  TsFlMarker marker = { 0 };

  if (++reader->n_markers > FL_MAX_MARKERS)
    {
      g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_TOO_LARGE,
                   _("%s: the project has more than %u time markers"),
                   reader->name, FL_MAX_MARKERS);
      return FALSE;
    }

  marker.position = value & 0xFFFFFF;
  marker.raw_kind = value >> 24;
  marker.kind = marker_kind_from_byte (marker.raw_kind);
  marker.name = g_strdup ("");

  /* Markers that follow a pattern before the arrangements start are the
   * pattern's own (FL 20.7+ puts time markers in the piano roll too);
   * their positions count from the pattern, not the song. */
  if (reader->project->major_version >= 20 && !reader->seen_arrangement &&
      reader->context == CONTEXT_PATTERN)
    {
      TsFlPatternMarker pattern_marker = { reader->pattern, marker };

      g_array_append_val (reader->project->pattern_markers, pattern_marker);
      reader->last_marker_array = reader->project->pattern_markers;
    }
  else
    {
      guint index = reader_current_arrangement (reader);
      TsFlArrangement *arrangement = &g_array_index (reader->project->arrangements,
                                                     TsFlArrangement, index);

      g_array_append_val (arrangement->markers, marker);
      reader->last_marker_array = arrangement->markers;
    }
  reader->last_marker_index = reader->last_marker_array->len - 1;
  return TRUE;
}

/* The marker that name and time signature events describe: the one right
 * before them. Such an event before any marker has nothing to describe and
 * is skipped. */
static TsFlMarker *
reader_last_marker (Reader *reader)
{
  if (reader->last_marker_array == NULL)
    return NULL;
  if (reader->last_marker_array == reader->project->pattern_markers)
    return &g_array_index (reader->last_marker_array, TsFlPatternMarker,
                           reader->last_marker_index).marker;
  return &g_array_index (reader->last_marker_array, TsFlMarker, reader->last_marker_index);
}

static void
reader_set_version (Reader       *reader,
                    const guint8 *payload,
                    gsize         length)
{
  TsFlProject *project = reader->project;
  g_autofree char *raw = decode_8bit (payload, length);

  /* Shown as the DAW's version, so display text like the names. */
  g_free (project->version);
  project->version = g_strstrip (ts_display_text_dup (raw));
  project->major_version = (guint) MIN (g_ascii_strtoull (project->version, NULL, 10), 1000);
  /* Text is UTF-16 from FL 12 on; the version itself stays 8-bit. */
  reader->utf16 = project->major_version >= 12;
}

#define CHANNEL_TABLE_MIN 64

static guint32
channel_table_get (const ChannelTable *table,
                   guint16             channel)
{
  return channel < table->len ? table->slots[channel] : 0;
}

static void
channel_table_set (ChannelTable *table,
                   guint16       channel,
                   guint32       value)
{
  if (channel >= table->len)
    {
      guint len = MAX (table->len, CHANNEL_TABLE_MIN);

      while (len <= channel)
        len *= 2;
      table->slots = g_renew (guint32, table->slots, len);
      memset (table->slots + table->len, 0, (len - table->len) * sizeof *table->slots);
      table->len = len;
    }
  table->slots[channel] = value;
}

static void
reader_add_tempo_channel (Reader       *reader,
                          const guint8 *payload,
                          gsize         length)
{
  TsFlProject *project = reader->project;
  TsFlTempoChannel channel = { 0 };

  if (length < 12 || read_u16 (payload + 8) != FL_PARAM_TEMPO ||
      read_u16 (payload + 10) != FL_DESTINATION_MASTER)
    return;

  channel.channel = read_u16 (payload + 2);
  if (channel_table_get (&reader->tempo_lookup, channel.channel) != 0)
    return;
  channel_table_set (&reader->tempo_lookup, channel.channel, project->tempo_channels->len + 1);
  g_array_append_val (project->tempo_channels, channel);
}

static gboolean
reader_handle_event (Reader        *reader,
                     guint8         id,
                     guint32        value,
                     gsize          offset,
                     gsize          length,
                     GError       **error)
{
  TsFlProject *project = reader->project;
  const guint8 *payload = reader->data + offset;
  TsFlMarker *marker;

  switch (id)
    {
    case FL_EVENT_VERSION:
      reader_set_version (reader, payload, length);
      break;

    case FL_EVENT_TEMPO:
      project->tempo = value / 1000.0;
      reader->have_fine_tempo = TRUE;
      break;

    case FL_EVENT_TEMPO_COARSE:
      if (!reader->have_fine_tempo)
        project->tempo = value;
      break;

    case FL_EVENT_NEW_PATTERN:
      reader->context = CONTEXT_PATTERN;
      reader->pattern = (guint16) value;
      break;

    case FL_EVENT_NEW_CHANNEL:
      reader->context = CONTEXT_CHANNEL;
      reader->channel = (int) value;
      break;

    case FL_EVENT_NEW_ARRANGEMENT:
      return reader_new_arrangement (reader, (guint16) value, error);

    case FL_EVENT_ARRANGEMENT_NAME:
      if (reader->seen_arrangement)
        {
          TsFlArrangement *arrangement = &g_array_index (project->arrangements, TsFlArrangement,
                                                         project->arrangements->len - 1);

          g_free (arrangement->name);
          arrangement->name = reader_decode_text (reader, payload, length);
        }
      break;

    case FL_EVENT_CURRENT_ARRANGEMENT:
      reader->current_id = (int) value;
      break;

    case FL_EVENT_MARKER:
      return reader_add_marker (reader, value, error);

    case FL_EVENT_MARKER_NUMERATOR:
      if ((marker = reader_last_marker (reader)) != NULL)
        marker->numerator = (guint8) value;
      break;

    case FL_EVENT_MARKER_DENOMINATOR:
      if ((marker = reader_last_marker (reader)) != NULL)
        marker->denominator = (guint8) value;
      break;

    case FL_EVENT_MARKER_NAME:
      if ((marker = reader_last_marker (reader)) != NULL)
        {
          g_free (marker->name);
          marker->name = reader_decode_text (reader, payload, length);
        }
      break;

    case FL_EVENT_AUTOMATION_CHANNEL:
      reader_add_tempo_channel (reader, payload, length);
      break;

    case FL_EVENT_AUTOMATION_DATA:
      /* The last data event of a channel is the one that counts. */
      if (reader->channel >= 0 && reader->context == CONTEXT_CHANNEL)
        {
          ChannelData data = { (guint16) reader->channel, { offset, length } };
          guint32 known = channel_table_get (&reader->data_lookup, data.channel);

          if (known != 0)
            g_array_index (reader->channel_data, ChannelData, known - 1) = data;
          else
            {
              g_array_append_val (reader->channel_data, data);
              channel_table_set (&reader->data_lookup, data.channel, reader->channel_data->len);
            }
        }
      break;

    case FL_EVENT_PLAYLIST:
      /* Remembering a span costs more than a tiny event, so one that cannot
       * hold an item is remembered as an empty span, once per arrangement. */
      if (length > 0)
        {
          PlaylistData data = { reader_current_arrangement (reader), { offset, length } };
          PlaylistData *previous = reader->playlists->len > 0
            ? &g_array_index (reader->playlists, PlaylistData, reader->playlists->len - 1)
            : NULL;

          if (length < FL_PLAYLIST_ITEM_20)
            {
              data.span.length = 0;
              if (previous != NULL && previous->arrangement == data.arrangement &&
                  previous->span.length == 0)
                break;
            }
          g_array_append_val (reader->playlists, data);
        }
      break;

    default:
      break;
    }

  return TRUE;
}

static gboolean
truncated (Reader  *reader,
           GError **error)
{
  g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_TRUNCATED,
               _("%s: the file ends in the middle of an event"), reader->name);
  return FALSE;
}

/* The event loop: every size comes from the file, so every one is checked
 * against what is left before it is used. */
static gboolean
reader_read_events (Reader  *reader,
                    gsize    start,
                    gsize    end,
                    GError **error)
{
  const guint8 *data = reader->data;
  gsize pos = start;

  while (pos < end)
    {
      guint8 id = data[pos++];
      guint32 value = 0;
      gsize payload = pos;
      gsize length;

      if (++reader->n_events > FL_MAX_EVENTS)
        {
          g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_TOO_LARGE,
                       _("%s: the project has more than %u events, more than Timestamps reads"),
                       reader->name, FL_MAX_EVENTS);
          return FALSE;
        }

      if (id < 64)
        length = 1;
      else if (id < 128)
        length = 2;
      else if (id < 192)
        length = 4;
      else
        {
          guint64 size = 0;
          guint shift = 0;
          guint8 byte;

          do
            {
              if (pos >= end)
                return truncated (reader, error);
              if (shift > 28)
                {
                  g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED,
                               _("%s: an event has an impossible length"), reader->name);
                  return FALSE;
                }
              byte = data[pos++];
              size |= (guint64) (byte & 0x7F) << shift;
              shift += 7;
            }
          while (byte & 0x80);

          if (size > end - pos)
            return truncated (reader, error);
          payload = pos;
          length = (gsize) size;
        }

      if (length > end - payload)
        return truncated (reader, error);

      if (id < 64)
        value = data[payload];
      else if (id < 128)
        value = read_u16 (data + payload);
      else if (id < 192)
        value = read_u32 (data + payload);

      if (!reader_handle_event (reader, id, value, payload, length, error))
        return FALSE;
      pos = payload + length;
    }

  return TRUE;
}

/* Finds each tempo channel's points and checks them, so that joining
 * clips can read them without checking again. */
static gboolean
reader_check_points (Reader  *reader,
                     GError **error)
{
  TsFlProject *project = reader->project;

  for (guint i = 0; i < project->tempo_channels->len; i++)
    {
      TsFlTempoChannel *channel = &g_array_index (project->tempo_channels, TsFlTempoChannel, i);
      guint32 known = channel_table_get (&reader->data_lookup, channel->channel);
      const ChannelData *found;
      const guint8 *p;
      guint32 count;

      if (known == 0)
        continue;
      found = &g_array_index (reader->channel_data, ChannelData, known - 1);

      if (found->span.length < FL_AUTOMATION_HEADER)
        {
          g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED,
                       _("%s: the tempo automation clip in channel %u is damaged"),
                       reader->name, channel->channel);
          return FALSE;
        }
      p = reader->data + found->span.offset;
      count = read_u32 (p + FL_AUTOMATION_COUNT_OFFSET);
      if (count > (found->span.length - FL_AUTOMATION_HEADER) / FL_AUTOMATION_POINT_SIZE)
        {
          g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED,
                       /* Translators: %s is the file name, then the channel
                        * number and the number of points. */
                       g_dngettext (GETTEXT_PACKAGE,
                                    "%s: the tempo automation clip in channel %u claims %u point "
                                    "but holds fewer",
                                    "%s: the tempo automation clip in channel %u claims %u points "
                                    "but holds fewer", count),
                       reader->name, channel->channel, count);
          return FALSE;
        }

      channel->records = found->span.offset + FL_AUTOMATION_HEADER;
      p = reader->data + channel->records;
      for (guint32 k = 0; k < count; k++, p += FL_AUTOMATION_POINT_SIZE)
        {
          double increment = read_f64 (p + FL_POINT_INCREMENT);

          /* The last point's tension bends nothing. */
          if (k + 1 < count && read_f32 (p + FL_POINT_TENSION) != 0.0f)
            channel->bends = TRUE;
          if (!isfinite (increment) || increment < 0.0 || !isfinite (read_f64 (p + FL_POINT_VALUE)))
            {
              g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED,
                           _("%s: the tempo automation clip in channel %u has a point "
                             "that is not a number"), reader->name, channel->channel);
              return FALSE;
            }
        }
      channel->n_points = count;
    }

  return TRUE;
}

static inline int
tempo_channel_index (const Reader *reader,
                     guint16       channel)
{
  return (int) channel_table_get (&reader->tempo_lookup, channel) - 1;
}

/* The record size for this version, or the one that fits when a version
 * we do not know wrote another; 0 when none does. */
static gsize
playlist_item_size (const TsFlProject *project,
                    gsize              length)
{
  static const gsize sizes[] = { FL_PLAYLIST_ITEM_20, FL_PLAYLIST_ITEM_21, FL_PLAYLIST_ITEM_25 };
  gsize preferred;

  if (project->major_version >= 25)
    preferred = FL_PLAYLIST_ITEM_25;
  else if (project->major_version >= 21)
    preferred = FL_PLAYLIST_ITEM_21;
  else
    preferred = FL_PLAYLIST_ITEM_20;

  if (length % preferred == 0)
    return preferred;
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      if (length % sizes[i] == 0)
        return sizes[i];
    }
  return 0;
}

/* Every item counts towards where the arrangement ends; only items of
 * tempo automation channels become tempo clips. */
static gboolean
reader_decode_playlists (Reader  *reader,
                         GError **error)
{
  TsFlProject *project = reader->project;
  gboolean has_tempo = project->tempo_channels->len > 0;

  for (guint i = 0; i < reader->playlists->len; i++)
    {
      const PlaylistData *playlist = &g_array_index (reader->playlists, PlaylistData, i);
      TsFlArrangement *arrangement = &g_array_index (project->arrangements, TsFlArrangement,
                                                     playlist->arrangement);
      gsize size = playlist->span.length > 0 ? playlist_item_size (project, playlist->span.length) : 0;
      const guint8 *p = reader->data + playlist->span.offset;
      guint64 end = arrangement->end;

      if (size == 0)
        {
          /* Without tempo automation the playlist only gives the end, so
           * the markers still read and the end is unknown. */
          if (!has_tempo)
            {
              arrangement->unreadable = TRUE;
              continue;
            }
          /* reader_finish_arrangements() has named every arrangement. */
          g_set_error (error, TS_FL_ERROR, TS_FL_ERROR_UNKNOWN_PLAYLIST,
                       /* Translators: the second %s is the arrangement's name. */
                       _("%s: the playlist of arrangement “%s” has a layout this version "
                         "cannot read, so its tempo automation is unknown"),
                       reader->name, arrangement->name);
          return FALSE;
        }

      arrangement->n_items = (guint) MIN ((gsize) arrangement->n_items + playlist->span.length / size,
                                          G_MAXUINT);
      if (arrangement->n_items > FL_MAX_PLAYLIST_ITEMS)
        {
          g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_TOO_LARGE,
                       /* Translators: the second %s is the arrangement's name. */
                       _("%s: arrangement “%s” has more than %u clips in its playlist, more than "
                         "Timestamps reads"),
                       reader->name, arrangement->name, FL_MAX_PLAYLIST_ITEMS);
          return FALSE;
        }
      for (gsize offset = 0; offset < playlist->span.length; offset += size)
        {
          const guint8 *item = p + offset;
          guint32 start = read_u32 (item);
          guint32 length = read_u32 (item + 8);
          guint16 index;
          guint16 track;
          TsFlTempoClip clip;

          end = MAX (end, (guint64) start + length);
          if (!has_tempo)
            continue;

          index = read_u16 (item + 6);
          if (index >= FL_PATTERN_BASE || tempo_channel_index (reader, index) < 0)
            continue;

          track = read_u16 (item + 12);
          clip.start = start;
          clip.length = length;
          clip.channel = index;
          clip.track = track <= FL_LAST_TRACK ? FL_LAST_TRACK - track : 0;
          clip.muted = (read_u16 (item + 18) & FL_PLAYLIST_FLAG_MUTED) != 0;
          g_array_append_val (arrangement->tempo_clips, clip);
        }
      arrangement->end = end;
    }

  return TRUE;
}

typedef struct {
  guint32  start;
  guint32  length;
  guint    channel;   /* index into tempo_channels */
  guint    item;      /* playlist order */
  double   start_beat;
} Clip;

/* By start; clips starting together keep the order in which the reference
 * meets them: channels as declared, then the playlist. */
static int
compare_clips (gconstpointer a,
               gconstpointer b)
{
  const Clip *ca = a;
  const Clip *cb = b;

  if (ca->start != cb->start)
    return ca->start < cb->start ? -1 : 1;
  if (ca->channel != cb->channel)
    return ca->channel < cb->channel ? -1 : 1;
  return ca->item < cb->item ? -1 : ca->item > cb->item;
}

static inline double
tempo_from_value (double value)
{
  return (value + FL_TEMPO_VALUE_OFFSET) * FL_TEMPO_VALUE_SCALE;
}

/* The joined curve, written into an array sized for the worst case. */
typedef struct {
  TsTempoPoint *points;
  guint         len;
} Curve;

static inline void
append_point (Curve  *curve,
              double  beat,
              double  bpm)
{
  curve->points[curve->len].beat = beat;
  curve->points[curve->len].bpm = bpm;
  curve->len++;
}

static inline const TsFlTempoChannel *
clip_channel (const Reader *reader,
              const Clip   *clip)
{
  return &g_array_index (reader->project->tempo_channels, TsFlTempoChannel, clip->channel);
}

/* The record of point @k of @channel, checked by reader_check_points(). */
static inline const guint8 *
point_record (const Reader           *reader,
              const TsFlTempoChannel *channel,
              guint                   k)
{
  return reader->data + channel->records + (gsize) k * FL_AUTOMATION_POINT_SIZE;
}

static inline double
point_increment (const guint8 *record)
{
  return read_f64 (record + FL_POINT_INCREMENT);
}

static inline double
point_bpm (const guint8 *record)
{
  return tempo_from_value (read_f64 (record + FL_POINT_VALUE));
}

/* A clip's points on the timeline up to (not including) @until: each
 * point's increment counts from the previous point, the first from the
 * clip's start. Where @until cuts a segment, a point there carries the
 * segment's tempo at the cut, so the curve up to it is unchanged. */
static void
render_clip (const Reader *reader,
             const Clip   *clip,
             double        until,
             Curve        *out)
{
  const TsFlTempoChannel *channel = clip_channel (reader, clip);
  const guint8 *record = point_record (reader, channel, 0);
  double beat = clip->start_beat;
  double prev_beat = 0.0;
  double prev_bpm = 0.0;

  for (guint i = 0; i < channel->n_points; i++, record += FL_AUTOMATION_POINT_SIZE)
    {
      double bpm = point_bpm (record);

      beat = beat + point_increment (record);
      if (beat > until)
        {
          double cut_bpm = bpm;

          /* Points exactly on the cut already carry its tempo. */
          if (i > 0 && prev_beat == until)
            return;
          if (i > 0 && prev_bpm == bpm)
            cut_bpm = prev_bpm;
          else if (i > 0)
            cut_bpm = prev_bpm + (bpm - prev_bpm) * (until - prev_beat) / (beat - prev_beat);
          append_point (out, until, cut_bpm);
          return;
        }
      append_point (out, beat, bpm);
      prev_beat = beat;
      prev_bpm = bpm;
    }
}

static double
clip_last_beat (const Reader *reader,
                const Clip   *clip)
{
  const TsFlTempoChannel *channel = clip_channel (reader, clip);
  const guint8 *record = point_record (reader, channel, 0);
  double beat = clip->start_beat;

  for (guint i = 0; i < channel->n_points; i++, record += FL_AUTOMATION_POINT_SIZE)
    beat = beat + point_increment (record);
  return beat;
}

static gboolean
reader_join_clips (Reader          *reader,
                   TsFlArrangement *arrangement,
                   GError         **error)
{
  TsFlProject *project = reader->project;
  g_autoptr(GArray) clips = g_array_sized_new (FALSE, FALSE, sizeof (Clip),
                                               arrangement->tempo_clips->len);
  Curve out = { NULL, 0 };
  gboolean sorted = TRUE;
  guint kept = 0;
  gsize total = 1;

  for (guint i = 0; i < arrangement->tempo_clips->len; i++)
    {
      const TsFlTempoClip *placed = &g_array_index (arrangement->tempo_clips, TsFlTempoClip, i);
      int channel = tempo_channel_index (reader, placed->channel);
      Clip clip;

      /* A clip without points says nothing about the tempo. */
      if (placed->muted || channel < 0 ||
          g_array_index (project->tempo_channels, TsFlTempoChannel, channel).n_points == 0)
        continue;

      clip.start = placed->start;
      clip.length = placed->length;
      clip.channel = (guint) channel;
      clip.item = i;
      clip.start_beat = placed->start / (double) project->ppq;
      if (clips->len > 0 && compare_clips (&g_array_index (clips, Clip, clips->len - 1), &clip) > 0)
        sorted = FALSE;
      g_array_append_val (clips, clip);
    }
  if (clips->len == 0)
    return TRUE;

  /* Playlists are usually in time order already. */
  if (!sorted)
    g_array_sort (clips, compare_clips);

  /* Of clips starting together the longest plays; among equally long
   * ones, the last in the order above. */
  for (guint i = 0; i < clips->len; )
    {
      guint best = i;
      guint j = i + 1;

      for (; j < clips->len && g_array_index (clips, Clip, j).start == g_array_index (clips, Clip, i).start; j++)
        {
          if (g_array_index (clips, Clip, j).length >= g_array_index (clips, Clip, best).length)
            best = j;
        }
      g_array_index (clips, Clip, kept++) = g_array_index (clips, Clip, best);
      i = j;
    }
  g_array_set_size (clips, kept);

  /* Each clip adds its points and at most one joining point; one more may
   * open the curve. Counting first keeps hostile files (many placements
   * of a long clip) from growing the curve past any real project's. */
  for (guint i = 0; i < clips->len; i++)
    {
      total += clip_channel (reader, &g_array_index (clips, Clip, i))->n_points + 1;
      if (total >= FL_MAX_TEMPO_POINTS)
        {
          g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_TOO_LARGE,
                       _("%s: arrangement “%s” has more than %u tempo automation points"),
                       reader->name, arrangement->name, FL_MAX_TEMPO_POINTS);
          return FALSE;
        }
    }
  g_array_set_size (arrangement->tempo_points, (guint) total + 1);
  out.points = (TsTempoPoint *) (gpointer) arrangement->tempo_points->data;

  for (guint i = 0; i < clips->len; i++)
    {
      const Clip *current = &g_array_index (clips, Clip, i);
      const TsFlTempoChannel *channel = clip_channel (reader, current);
      const guint8 *first = point_record (reader, channel, 0);
      const guint8 *last = point_record (reader, channel, channel->n_points - 1);
      double next_start;
      double last_beat;

      /* Before the first clip its first tempo holds from the start. */
      if (i == 0 && current->start_beat + point_increment (first) != 0.0)
        append_point (&out, 0.0, point_bpm (first));

      if (i + 1 == clips->len)
        {
          render_clip (reader, current, INFINITY, &out);
          break;
        }

      next_start = g_array_index (clips, Clip, i + 1).start_beat;
      last_beat = clip_last_beat (reader, current);
      if (next_start >= last_beat)
        {
          render_clip (reader, current, INFINITY, &out);
          /* A gap: the last tempo holds until the next clip starts. */
          if (next_start > last_beat)
            append_point (&out, next_start, point_bpm (last));
        }
      else
        {
          /* An overlap: the later clip takes over from its start. */
          render_clip (reader, current, next_start, &out);
        }
    }

  /* The tempo engine reads one point as "no automation"; a lone clip
   * point still sets the tempo, so state it twice. */
  if (out.len == 1)
    append_point (&out, out.points[0].beat, out.points[0].bpm);
  g_array_set_size (arrangement->tempo_points, out.len);

  /* A point's tension bends the segment after it, which the tempo engine
   * (like the reference) takes as a straight line. */
  for (guint i = 0; i < clips->len && !arrangement->has_curves; i++)
    arrangement->has_curves = clip_channel (reader, &g_array_index (clips, Clip, i))->bends;

  return TRUE;
}

static void
reader_finish_arrangements (Reader *reader)
{
  TsFlProject *project = reader->project;

  reader_current_arrangement (reader);
  for (guint i = 0; i < project->arrangements->len; i++)
    {
      TsFlArrangement *arrangement = &g_array_index (project->arrangements, TsFlArrangement, i);

      /* FL's own names for arrangements it has not been told to call
       * anything else. */
      if (arrangement->name == NULL || arrangement->name[0] == '\0')
        {
          g_free (arrangement->name);
          arrangement->name = i == 0 ? g_strdup ("Arrangement")
                                     : g_strdup_printf ("Arrangement %u", i + 1);
        }
      if (reader->current_id >= 0 && project->current_arrangement < 0 &&
          arrangement->id == reader->current_id)
        project->current_arrangement = (int) i;
    }
}

gboolean
ts_fl_project_looks_like (const guint8 *data,
                          gsize         length)
{
  return length >= 4 && memcmp (data, "FLhd", 4) == 0;
}

/**
 * ts_fl_project_read:
 * @project: an uninitialised project; free what a successful read leaves
 *   with ts_fl_project_clear() (a failed one clears it itself)
 * @data: (array length=length): the whole file
 * @display_name: how error messages name the file
 *
 * Reads a project in one pass over @data, which is not kept.
 */
gboolean
ts_fl_project_read (TsFlProject   *project,
                    const guint8  *data,
                    gsize          length,
                    const char    *display_name,
                    GError       **error)
{
  Reader reader = { 0 };
  gsize header_length;
  gsize chunk;
  gsize chunk_length;
  gboolean ok = FALSE;

  g_return_val_if_fail (project != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  memset (project, 0, sizeof *project);
  project->current_arrangement = -1;
  project->tempo = FL_DEFAULT_TEMPO;
  project->arrangements = g_array_new (FALSE, TRUE, sizeof (TsFlArrangement));
  g_array_set_clear_func (project->arrangements, (GDestroyNotify) ts_fl_arrangement_clear);
  project->tempo_channels = g_array_new (FALSE, TRUE, sizeof (TsFlTempoChannel));
  project->pattern_markers = g_array_new (FALSE, TRUE, sizeof (TsFlPatternMarker));
  g_array_set_clear_func (project->pattern_markers, (GDestroyNotify) ts_fl_pattern_marker_clear);

  reader.project = project;
  reader.data = data;
  reader.name = ts_project_error_file_name (display_name);
  reader.channel = -1;
  reader.current_id = -1;
  reader.channel_data = g_array_new (FALSE, FALSE, sizeof (ChannelData));
  reader.playlists = g_array_new (FALSE, FALSE, sizeof (PlaylistData));

  if (length == 0)
    {
      ts_project_error_empty (reader.name, error);
      goto out;
    }
  if (!ts_fl_project_looks_like (data, length))
    {
      g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_UNKNOWN_FORMAT,
                   _("%s: this is not an FL Studio project (it does not start with “FLhd”)"),
                   reader.name);
      goto out;
    }
  if (length < 8)
    {
      g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_TRUNCATED,
                   _("%s: the file ends in the middle of its header"), reader.name);
      goto out;
    }
  header_length = read_u32 (data + 4);
  if (header_length < FL_HEADER_SIZE)
    {
      g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED,
                   _("%s: the project header is too short"), reader.name);
      goto out;
    }
  if (header_length > length - 8 || length - 8 - header_length < 8)
    {
      g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_TRUNCATED,
                   _("%s: the file ends before its events start"), reader.name);
      goto out;
    }
  project->format = read_u16 (data + 8);
  project->n_channels = read_u16 (data + 10);
  project->ppq = read_u16 (data + 12);
  if (project->ppq == 0)
    {
      g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED,
                   _("%s: the project header gives no timing resolution (PPQ 0)"), reader.name);
      goto out;
    }

  chunk = 8 + header_length;
  if (memcmp (data + chunk, "FLdt", 4) != 0)
    {
      g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED,
                   _("%s: the project has no event data (“FLdt”) after its header"), reader.name);
      goto out;
    }
  chunk_length = read_u32 (data + chunk + 4);
  chunk += 8;
  if (chunk_length > length - chunk)
    {
      /* Numbers as text: gettext cannot see through G_GSIZE_FORMAT. */
      g_autofree char *there = g_strdup_printf ("%" G_GSIZE_FORMAT, length - chunk);
      g_autofree char *needed = g_strdup_printf ("%" G_GSIZE_FORMAT, (gsize) chunk_length);

      g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_TRUNCATED,
                   /* Translators: %s is the file name, then the bytes there
                    * are and the bytes the events need. */
                   _("%s: the file ends before its events do (%s of %s bytes are there)"),
                   reader.name, there, needed);
      goto out;
    }

  if (!reader_read_events (&reader, chunk, chunk + chunk_length, error))
    goto out;

  if (!isfinite (project->tempo) || project->tempo <= 0.0)
    {
      g_set_error (error, TS_PROJECT_ERROR, TS_PROJECT_ERROR_DAMAGED,
                   _("%s: the project tempo is 0 BPM"), reader.name);
      goto out;
    }

  reader_finish_arrangements (&reader);
  if (!reader_check_points (&reader, error) ||
      !reader_decode_playlists (&reader, error))
    goto out;

  for (guint i = 0; i < project->arrangements->len; i++)
    {
      if (!reader_join_clips (&reader, &g_array_index (project->arrangements, TsFlArrangement, i),
                              error))
        goto out;
    }

  project->version_text = project->version != NULL && project->version[0] != '\0'
    ? g_strconcat ("FL Studio ", project->version, NULL)
    : g_strdup ("FL Studio");
  ok = TRUE;

out:
  g_free (reader.tempo_lookup.slots);
  g_free (reader.data_lookup.slots);
  g_array_unref (reader.channel_data);
  g_array_unref (reader.playlists);
  if (!ok)
    ts_fl_project_clear (project);
  return ok;
}

void
ts_fl_project_clear (TsFlProject *project)
{
  g_return_if_fail (project != NULL);

  g_clear_pointer (&project->version, g_free);
  g_clear_pointer (&project->version_text, g_free);
  g_clear_pointer (&project->arrangements, g_array_unref);
  g_clear_pointer (&project->tempo_channels, g_array_unref);
  g_clear_pointer (&project->pattern_markers, g_array_unref);
  project->current_arrangement = -1;
}

const char *
ts_fl_project_get_version (const TsFlProject *project)
{
  g_return_val_if_fail (project != NULL, NULL);
  return project->version_text;
}

guint
ts_fl_project_get_n_arrangements (const TsFlProject *project)
{
  g_return_val_if_fail (project != NULL, 0);
  return project->arrangements->len;
}

static const TsFlArrangement *
get_arrangement (const TsFlProject *project,
                 guint              arrangement)
{
  g_return_val_if_fail (project != NULL, NULL);
  g_return_val_if_fail (arrangement < project->arrangements->len, NULL);
  return &g_array_index (project->arrangements, TsFlArrangement, arrangement);
}

const char *
ts_fl_project_get_arrangement_name (const TsFlProject *project,
                                    guint              arrangement)
{
  const TsFlArrangement *self = get_arrangement (project, arrangement);

  return self != NULL ? self->name : NULL;
}

/* Whether @arrangement has a timestamp: a plain marker; loop, skip and
 * time signature markers steer playback and are no tracks. */
gboolean
ts_fl_project_arrangement_has_markers (const TsFlProject *project,
                                       guint              arrangement)
{
  const TsFlArrangement *self = get_arrangement (project, arrangement);

  if (self == NULL)
    return FALSE;
  for (guint i = 0; i < self->markers->len; i++)
    {
      if (g_array_index (self->markers, TsFlMarker, i).kind == TS_FL_MARKER_PLAIN)
        return TRUE;
    }
  return FALSE;
}

static int
first_with_markers (const TsFlProject *project)
{
  for (guint i = 0; i < project->arrangements->len; i++)
    {
      if (ts_fl_project_arrangement_has_markers (project, i))
        return (int) i;
    }
  return -1;
}

/* The arrangement current at save time, unless it has no timestamps and
 * another has: a DJ who saved while looking at an empty arrangement still
 * wants the tracklist. Then, and when the file does not say which was
 * current, the first one with timestamps; else the first. */
guint
ts_fl_project_get_default_arrangement (const TsFlProject *project)
{
  int with_markers;

  g_return_val_if_fail (project != NULL, 0);

  if (project->current_arrangement >= 0 &&
      ts_fl_project_arrangement_has_markers (project, (guint) project->current_arrangement))
    return (guint) project->current_arrangement;
  with_markers = first_with_markers (project);
  if (with_markers >= 0)
    return (guint) with_markers;
  return project->current_arrangement >= 0 ? (guint) project->current_arrangement : 0;
}

/**
 * ts_fl_project_default_skips_current:
 * @current: (out) (optional): the arrangement current at save time, when
 *   %TRUE is returned
 *
 * Returns: whether ts_fl_project_get_default_arrangement() passed over the
 *   arrangement current at save time because it has no timestamps, so
 *   that the app can say why it shows another
 */
gboolean
ts_fl_project_default_skips_current (const TsFlProject *project,
                                     guint             *current)
{
  g_return_val_if_fail (project != NULL, FALSE);

  if (project->current_arrangement < 0 ||
      ts_fl_project_get_default_arrangement (project) == (guint) project->current_arrangement)
    return FALSE;
  if (current != NULL)
    *current = (guint) project->current_arrangement;
  return TRUE;
}

gboolean
ts_fl_project_has_curved_automation (const TsFlProject *project,
                                     guint              arrangement)
{
  const TsFlArrangement *self = get_arrangement (project, arrangement);

  return self != NULL && self->has_curves;
}

TsTempoMap *
ts_fl_project_build_tempo_map (const TsFlProject *project,
                               guint              arrangement)
{
  const TsFlArrangement *self = get_arrangement (project, arrangement);

  if (self == NULL)
    return NULL;
  return ts_tempo_map_new_for_array (project->tempo, ts_format_info_get (TS_FORMAT_FL_STUDIO)->tempo_grid,
                                     self->tempo_points);
}

/* The plain markers of @arrangement as #TsMarker, in file order. */
GArray *
ts_fl_project_collect_markers (const TsFlProject *project,
                               guint              arrangement)
{
  const TsFlArrangement *self = get_arrangement (project, arrangement);
  GArray *markers;

  if (self == NULL)
    return NULL;

  markers = ts_marker_array_new ();
  for (guint i = 0; i < self->markers->len; i++)
    {
      const TsFlMarker *fl = &g_array_index (self->markers, TsFlMarker, i);
      TsMarker marker;

      if (fl->kind != TS_FL_MARKER_PLAIN)
        continue;
      marker.title = g_strstrip (g_strdup (fl->name));
      marker.beat = fl->position / (double) project->ppq;
      marker.seconds = 0.0;
      g_array_append_val (markers, marker);
    }
  return markers;
}

/**
 * ts_fl_project_get_end_beat:
 *
 * Where the last playlist item of @arrangement ends, in beats: audio,
 * automation and other channel clips and pattern clips alike. Muted items
 * count: FL Studio's manual has the song-mode render run to the end of the
 * last bar containing data, and a muted clip is still data on the
 * playlist. FL rounds that up to the bar and carries on to a later time
 * marker; that is left to the caller, which knows the markers.
 *
 * Returns: the beat, or NAN when the arrangement has no playlist items or
 *   one of its playlist events could not be read
 */
double
ts_fl_project_get_end_beat (const TsFlProject *project,
                            guint              arrangement)
{
  const TsFlArrangement *self = get_arrangement (project, arrangement);

  if (self == NULL || self->n_items == 0 || self->unreadable)
    return NAN;
  return self->end / (double) project->ppq;
}

/**
 * ts_fl_project_derive:
 * @arrangement: index into the project's arrangements
 * @facts: (out caller-allocates): filled in, whatever it held
 *
 * The shared facts of @arrangement, from which a tracklist is made. The
 * names of all arrangements come along: FL keeps them apart, and the
 * user picks one by name.
 */
void
ts_fl_project_derive (const TsFlProject *project,
                      guint              arrangement,
                      TsProjectFacts    *facts)
{
  guint n = ts_fl_project_get_n_arrangements (project);

  g_return_if_fail (arrangement < n);

  facts->tempo_map = ts_fl_project_build_tempo_map (project, arrangement);
  facts->markers = ts_fl_project_collect_markers (project, arrangement);
  facts->end_beat = ts_fl_project_get_end_beat (project, arrangement);
  facts->curved_automation = ts_fl_project_has_curved_automation (project, arrangement);
  facts->arrangements = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    facts->arrangements[i] = g_strdup (ts_fl_project_get_arrangement_name (project, i));
  facts->warnings = NULL;
}
