/* ts-flp-writer.c - writes FL Studio project fixtures byte by byte
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only what the tests need, laid out the way FL Studio 20 writes it: the
 * "FLhd" header (format 0, channel count, PPQ), then "FLdt" with the
 * events. Numbers are little-endian.
 */

#define G_LOG_DOMAIN "ts-flp-writer"

#include <string.h>

#include "ts-flp-writer.h"

struct _TsFlpWriter {
  guint16     ppq;
  TsFlpText   text;
  guint16     n_channels;
  GByteArray *events;
};

TsFlpWriter *
ts_flp_writer_new (guint16   ppq,
                   TsFlpText text)
{
  TsFlpWriter *self = g_new0 (TsFlpWriter, 1);

  self->ppq = ppq;
  self->text = text;
  self->events = g_byte_array_new ();
  return self;
}

void
ts_flp_writer_free (TsFlpWriter *self)
{
  g_byte_array_unref (self->events);
  g_free (self);
}

static void
put_u8 (GByteArray *out,
        guint8      value)
{
  g_byte_array_append (out, &value, 1);
}

static void
put_u16 (GByteArray *out,
         guint16     value)
{
  guint8 bytes[2] = { value & 0xFF, value >> 8 };

  g_byte_array_append (out, bytes, sizeof bytes);
}

static void
put_u32 (GByteArray *out,
         guint32     value)
{
  guint8 bytes[4] = { value & 0xFF, (value >> 8) & 0xFF, (value >> 16) & 0xFF, value >> 24 };

  g_byte_array_append (out, bytes, sizeof bytes);
}

static void
put_f64 (GByteArray *out,
         double      value)
{
  guint64 bits;

  memcpy (&bits, &value, sizeof bits);
  put_u32 (out, bits & 0xFFFFFFFF);
  put_u32 (out, bits >> 32);
}

static void
put_f32 (GByteArray *out,
         float       value)
{
  guint32 bits;

  memcpy (&bits, &value, sizeof bits);
  put_u32 (out, bits);
}

void
ts_flp_writer_byte (TsFlpWriter *self,
                    guint8       id,
                    guint8       value)
{
  g_assert (id < 64);
  put_u8 (self->events, id);
  put_u8 (self->events, value);
}

void
ts_flp_writer_word (TsFlpWriter *self,
                    guint8       id,
                    guint16      value)
{
  g_assert (id >= 64 && id < 128);
  put_u8 (self->events, id);
  put_u16 (self->events, value);
}

void
ts_flp_writer_dword (TsFlpWriter *self,
                     guint8       id,
                     guint32      value)
{
  g_assert (id >= 128 && id < 192);
  put_u8 (self->events, id);
  put_u32 (self->events, value);
}

void
ts_flp_writer_data (TsFlpWriter *self,
                    guint8       id,
                    const void  *data,
                    gsize        length)
{
  gsize size = length;

  g_assert (id >= 192);
  put_u8 (self->events, id);
  /* The length is a varint: 7 bits a byte, low bits first. */
  do
    {
      guint8 byte = size & 0x7F;

      size >>= 7;
      put_u8 (self->events, size != 0 ? byte | 0x80 : byte);
    }
  while (size != 0);
  g_byte_array_append (self->events, data, length);
}

void
ts_flp_writer_text (TsFlpWriter *self,
                    guint8       id,
                    const char  *utf8)
{
  g_autoptr(GByteArray) text = g_byte_array_new ();

  switch (self->text)
    {
    case TS_FLP_TEXT_ASCII:
      g_byte_array_append (text, (const guint8 *) utf8, strlen (utf8) + 1);
      break;
    case TS_FLP_TEXT_UTF16:
      {
        glong n_units = 0;
        g_autofree gunichar2 *units = g_utf8_to_utf16 (utf8, -1, NULL, &n_units, NULL);

        g_assert (units != NULL);
        for (glong i = 0; i <= n_units; i++)
          put_u16 (text, units[i]);
      }
      break;
    }
  ts_flp_writer_data (self, id, text->data, text->len);
}

void
ts_flp_writer_raw (TsFlpWriter *self,
                   const void  *data,
                   gsize        length)
{
  g_byte_array_append (self->events, data, length);
}

void
ts_flp_writer_version (TsFlpWriter *self,
                       const char  *version)
{
  /* The version stays 8-bit in every FL release. */
  ts_flp_writer_data (self, 199, version, strlen (version) + 1);
}

void
ts_flp_writer_tempo (TsFlpWriter *self,
                     guint32      milli_bpm)
{
  ts_flp_writer_dword (self, 156, milli_bpm);
}

void
ts_flp_writer_marker (TsFlpWriter *self,
                      guint8       kind,
                      guint32      pulses,
                      const char  *name)
{
  g_assert (pulses <= 0xFFFFFF);
  ts_flp_writer_dword (self, 148, ((guint32) kind << 24) | pulses);
  /* FL writes the time signature with every marker. */
  ts_flp_writer_byte (self, 33, 4);
  ts_flp_writer_byte (self, 34, 4);
  if (name != NULL)
    ts_flp_writer_text (self, 205, name);
}

void
ts_flp_writer_pattern (TsFlpWriter *self,
                       guint16      pattern)
{
  ts_flp_writer_word (self, 65, pattern);
}

void
ts_flp_writer_arrangement (TsFlpWriter *self,
                           guint16      id,
                           const char  *name)
{
  ts_flp_writer_word (self, 99, id);
  if (name != NULL)
    ts_flp_writer_text (self, 241, name);
}

void
ts_flp_writer_current_arrangement (TsFlpWriter *self,
                                   guint16      id)
{
  ts_flp_writer_word (self, 100, id);
}

void
ts_flp_writer_automation_target (TsFlpWriter *self,
                                 guint16      channel,
                                 guint16      parameter,
                                 guint16      destination)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();

  put_u16 (data, 0);
  put_u16 (data, channel);
  put_u32 (data, 0);
  put_u16 (data, parameter);
  put_u16 (data, destination);
  put_u32 (data, 8);
  put_u32 (data, 0x1D5);
  ts_flp_writer_data (self, 227, data->data, data->len);
}

void
ts_flp_writer_automation_clip_counted (TsFlpWriter  *self,
                                       guint16       channel,
                                       guint32       count,
                                       const double *increments,
                                       const double *values,
                                       guint         n_points)
{
  ts_flp_writer_automation_clip_bent (self, channel, count, increments, values, NULL, n_points);
}

void
ts_flp_writer_automation_clip_bent (TsFlpWriter  *self,
                                    guint16       channel,
                                    guint32       count,
                                    const double *increments,
                                    const double *values,
                                    const float  *tensions,
                                    guint         n_points)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();
  static const guint8 trailer[16] = { 0 };

  ts_flp_writer_word (self, 64, channel);
  ts_flp_writer_byte (self, 21, 5);
  self->n_channels = MAX (self->n_channels, channel + 1);

  put_u32 (data, 1);
  put_u32 (data, 0x40);
  put_u8 (data, 0);
  put_u32 (data, 4);
  put_u32 (data, 3);
  put_u32 (data, count);
  for (guint i = 0; i < n_points; i++)
    {
      put_f64 (data, increments[i]);
      put_f64 (data, values[i]);
      put_f32 (data, tensions != NULL ? tensions[i] : 0.0f);
      put_u32 (data, i == 0 ? 0 : 2);
    }
  g_byte_array_append (data, trailer, sizeof trailer);
  ts_flp_writer_data (self, 234, data->data, data->len);
}

void
ts_flp_writer_automation_clip (TsFlpWriter  *self,
                               guint16       channel,
                               const double *increments,
                               const double *values,
                               guint         n_points)
{
  ts_flp_writer_automation_clip_counted (self, channel, n_points, increments, values, n_points);
}

void
ts_flp_writer_playlist (TsFlpWriter     *self,
                        const TsFlpItem *items,
                        guint            n_items,
                        gsize            record_size)
{
  g_autoptr(GByteArray) data = g_byte_array_new ();

  g_assert (record_size >= 32);
  for (guint i = 0; i < n_items; i++)
    {
      static const guint8 constants[4] = { 0x40, 0x64, 0x80, 0x80 };
      guint before = data->len;

      put_u32 (data, items[i].start);
      put_u16 (data, 0x5000);
      put_u16 (data, items[i].index);
      put_u32 (data, items[i].length);
      put_u16 (data, 499 - items[i].track);
      put_u16 (data, 0);
      put_u16 (data, 0x78);
      put_u16 (data, items[i].muted ? 0x2040 : 0x0040);
      g_byte_array_append (data, constants, sizeof constants);
      put_f32 (data, 0.0f);
      put_f32 (data, items[i].length / (float) self->ppq);
      while (data->len - before < record_size)
        put_u8 (data, 0);
    }
  ts_flp_writer_data (self, 233, data->data, data->len);
}

GBytes *
ts_flp_writer_finish (TsFlpWriter *self)
{
  g_autoptr(GByteArray) file = g_byte_array_new ();

  g_byte_array_append (file, (const guint8 *) "FLhd", 4);
  put_u32 (file, 6);
  put_u16 (file, 0);
  put_u16 (file, self->n_channels);
  put_u16 (file, self->ppq);
  g_byte_array_append (file, (const guint8 *) "FLdt", 4);
  put_u32 (file, self->events->len);
  g_byte_array_append (file, self->events->data, self->events->len);

  return g_byte_array_free_to_bytes (g_steal_pointer (&file));
}

double
ts_flp_value_from_bpm (double bpm)
{
  return bpm / 120.0 - 0.5;
}
