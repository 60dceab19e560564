/* ts-flp-writer.h - writes FL Studio project fixtures byte by byte
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _TsFlpWriter TsFlpWriter;

/* A playlist item as FL 20 stores it (the first 32 bytes of every later
 * layout too). */
typedef struct {
  guint32   start;     /* pulses */
  guint32   length;    /* pulses */
  guint16   index;     /* channel number, or 0x5000 + pattern */
  guint16   track;     /* 0 = the first playlist track */
  gboolean  muted;
} TsFlpItem;

/* How text events are encoded: FL 11 writes 8-bit text, FL 12 and later
 * UTF-16LE. Both end in a NUL. */
typedef enum {
  TS_FLP_TEXT_ASCII,
  TS_FLP_TEXT_UTF16,
} TsFlpText;

TsFlpWriter *ts_flp_writer_new                 (guint16          ppq,
                                                TsFlpText        text);
void         ts_flp_writer_free                (TsFlpWriter     *self);

/* Raw events. @id picks the payload size as FL does. */
void         ts_flp_writer_byte                (TsFlpWriter     *self,
                                                guint8           id,
                                                guint8           value);
void         ts_flp_writer_word                (TsFlpWriter     *self,
                                                guint8           id,
                                                guint16          value);
void         ts_flp_writer_dword               (TsFlpWriter     *self,
                                                guint8           id,
                                                guint32          value);
void         ts_flp_writer_data                (TsFlpWriter     *self,
                                                guint8           id,
                                                const void      *data,
                                                gsize            length);
void         ts_flp_writer_text                (TsFlpWriter     *self,
                                                guint8           id,
                                                const char      *utf8);
/* Appends bytes as they are, for broken files. */
void         ts_flp_writer_raw                 (TsFlpWriter     *self,
                                                const void      *data,
                                                gsize            length);

/* What FL writes. */
void         ts_flp_writer_version             (TsFlpWriter     *self,
                                                const char      *version);
void         ts_flp_writer_tempo               (TsFlpWriter     *self,
                                                guint32          milli_bpm);
void         ts_flp_writer_marker              (TsFlpWriter     *self,
                                                guint8           kind,
                                                guint32          pulses,
                                                const char      *name);
void         ts_flp_writer_pattern             (TsFlpWriter     *self,
                                                guint16          pattern);
void         ts_flp_writer_arrangement         (TsFlpWriter     *self,
                                                guint16          id,
                                                const char      *name);
void         ts_flp_writer_current_arrangement (TsFlpWriter     *self,
                                                guint16          id);
/* Declares @channel an automation clip of @parameter at @destination;
 * parameter 5 at destination 0x4000 is the master tempo. */
void         ts_flp_writer_automation_target   (TsFlpWriter     *self,
                                                guint16          channel,
                                                guint16          parameter,
                                                guint16          destination);
/* A channel of type 5 (automation clip) with these points; @values are
 * FL's 0..1, @increments beats after the previous point. */
void         ts_flp_writer_automation_clip     (TsFlpWriter     *self,
                                                guint16          channel,
                                                const double    *increments,
                                                const double    *values,
                                                guint            n_points);
/* Like ts_flp_writer_automation_clip() with a point count that need not
 * match the points written. */
void         ts_flp_writer_automation_clip_counted (TsFlpWriter  *self,
                                                guint16          channel,
                                                guint32          count,
                                                const double    *increments,
                                                const double    *values,
                                                guint            n_points);
/* Like ts_flp_writer_automation_clip_counted() with each point's
 * tension, which bends the segment after it; NULL for straight lines. */
void         ts_flp_writer_automation_clip_bent (TsFlpWriter    *self,
                                                guint16          channel,
                                                guint32          count,
                                                const double    *increments,
                                                const double    *values,
                                                const float     *tensions,
                                                guint            n_points);
/* A playlist event with @record_size bytes per item (32 for FL 20, 60 for
 * FL 21-24, 80 for FL 25). */
void         ts_flp_writer_playlist            (TsFlpWriter     *self,
                                                const TsFlpItem *items,
                                                guint            n_items,
                                                gsize            record_size);

/* The file: header, "FLdt" and the events written so far. */
GBytes      *ts_flp_writer_finish              (TsFlpWriter     *self);

/* The tempo automation value (0..1) FL stores for @bpm. */
double       ts_flp_value_from_bpm             (double           bpm);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsFlpWriter, ts_flp_writer_free)

G_END_DECLS
