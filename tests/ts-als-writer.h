/* ts-als-writer.h - writes Ableton Live sets for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Builds the XML of a set the way each Live major line lays it out:
 *
 * - Live 8: MasterTrack/MasterChain/Mixer/Tempo, no Tempo/Manual (the
 *   static tempo is the first tempo event), events in
 *   Tempo/ArrangerAutomation/Events, FloatEvents and Locators without Id;
 * - Live 9: MasterTrack/DeviceChain/Mixer/Tempo with Manual, events in
 *   Tempo/ArrangerAutomation/Events;
 * - Live 10, 11: events in the MasterTrack's AutomationEnvelope whose
 *   PointeeId is the Tempo's AutomationTarget Id (Live 11: curve handles);
 * - Live 12: the same under MainTrack.
 *
 * Clips go on an audio track (MainSequencer/Sample) and a MIDI track
 * (MainSequencer/ClipTimeable): arrangement clips in
 * ArrangerAutomation/Events, session clips in ClipSlotList/ClipSlot/
 * ClipSlot/Value.
 *
 * Each set also carries the decoys a reader must not be fooled by: an
 * audio track with its own automation (FloatEvents), a time-signature
 * envelope on the master, scene tempos (Live 11+), a Live 9 master
 * volume automation, and clips that are not in the arrangement, all
 * ending at TS_ALS_WRITER_DECOY_END: a frozen render in the audio track's
 * FreezeSequencer, a take lane clip on the MIDI track (Live 11+) and a
 * groove pool clip (Live 9+). Clips carry clip envelopes and, on the
 * MIDI track, notes.
 *
 * Usage:
 *
 *     g_autoptr(TsAlsWriter) w = ts_als_writer_new (10, 120.0);
 *     ts_als_writer_add_tempo_event (w, TS_ABLETON_SENTINEL_BEAT, 120.0);
 *     ts_als_writer_add_tempo_event (w, 16.0, 140.0);
 *     ts_als_writer_add_locator (w, 32.0, "Artist - Title");
 *     g_autoptr(GBytes) bytes = ts_als_writer_to_bytes (w, TRUE);
 *
 * Events are written in the order they are added, exactly as given: the
 * writer adds no sentinel event of its own.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _TsAlsWriter TsAlsWriter;

typedef enum {
  TS_ALS_TRACK_AUDIO,
  TS_ALS_TRACK_MIDI,
} TsAlsTrack;

/* Where every decoy clip ends: later than any clip a test adds. */
#define TS_ALS_WRITER_DECOY_END 99999.0

/* @live_version: 8 to 12. @tempo: Tempo/Manual (not written for Live 8). */
TsAlsWriter *ts_als_writer_new                    (guint        live_version,
                                                   double       tempo);
void         ts_als_writer_free                   (TsAlsWriter *self);

/* Escapes @name (UTF-8) for XML. */
void         ts_als_writer_add_locator            (TsAlsWriter *self,
                                                   double       beat,
                                                   const char  *name);
/* Writes @name_xml into the attribute as it is: for entity tests
 * ("AC&#x2F;DC &amp; Co"). */
void         ts_als_writer_add_locator_raw        (TsAlsWriter *self,
                                                   double       beat,
                                                   const char  *name_xml);
void         ts_als_writer_add_tempo_event        (TsAlsWriter *self,
                                                   double       beat,
                                                   double       bpm);
/* Live 11+ bezier handles of the segment that starts at this event. */
void         ts_als_writer_add_curved_tempo_event (TsAlsWriter *self,
                                                   double       beat,
                                                   double       bpm,
                                                   double       curve1_x,
                                                   double       curve1_y,
                                                   double       curve2_x,
                                                   double       curve2_y);
/* A clip on @track from @start_beat to @end_beat (its CurrentStart and
 * CurrentEnd): in the Arrangement View, or with @session in the next clip
 * slot of the Session View. Clips are written in the order they are
 * added. */
void         ts_als_writer_add_clip               (TsAlsWriter *self,
                                                   TsAlsTrack   track,
                                                   double       start_beat,
                                                   double       end_beat,
                                                   gboolean     session);
/* Live 10+: leave out the master track's AutomationEnvelopes element (a
 * real-world variant; the set then has no tempo automation). */
void         ts_als_writer_set_master_envelopes   (TsAlsWriter *self,
                                                   gboolean     present);

char        *ts_als_writer_to_xml                 (TsAlsWriter *self);
GBytes      *ts_als_writer_to_bytes               (TsAlsWriter *self,
                                                   gboolean     gzip);
gboolean     ts_als_writer_write_file             (TsAlsWriter *self,
                                                   const char  *path,
                                                   gboolean     gzip,
                                                   GError     **error);

/* Gzip-compresses @data the way Live does (one gzip member). */
GBytes      *ts_als_gzip                          (const void  *data,
                                                   gsize        length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TsAlsWriter, ts_als_writer_free)

G_END_DECLS
