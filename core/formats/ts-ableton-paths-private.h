/* ts-ableton-paths-private.h - where the elements a Live set reader needs sit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Where an element sits. Elements whose attributes the reader needs have
 * a context of their own; a "region" is a part of the set that the fast
 * reader's messages about broken XML name (see fast_start() in
 * ts-ableton-set.c). The values are the scanner's tags, so
 * TS_ALS_DOCUMENT is its "no parent", 0. */
typedef enum {
  TS_ALS_DOCUMENT = 0,
  TS_ALS_OTHER,
  TS_ALS_ROOT,                 /* Ableton */
  TS_ALS_LIVE_SET,             /* Ableton/LiveSet */
  TS_ALS_MASTER,               /* LiveSet/MasterTrack (Live 12: MainTrack) */
  TS_ALS_MASTER_ENVELOPES,     /* MasterTrack/AutomationEnvelopes */
  TS_ALS_ENVELOPES,            /* .../AutomationEnvelopes/Envelopes */
  TS_ALS_ENVELOPE,             /* .../Envelopes/AutomationEnvelope */
  TS_ALS_ENVELOPE_TARGET,      /* AutomationEnvelope/EnvelopeTarget (region) */
  TS_ALS_POINTEE,              /* EnvelopeTarget/PointeeId */
  TS_ALS_ENVELOPE_AUTOMATION,  /* AutomationEnvelope/Automation */
  TS_ALS_ENVELOPE_EVENTS,      /* Automation/Events */
  TS_ALS_ENVELOPE_EVENT,       /* Automation/Events/FloatEvent */
  TS_ALS_MASTER_CHAIN,         /* MasterTrack/DeviceChain (Live 8: MasterChain) */
  TS_ALS_MIXER,                /* .../Mixer */
  TS_ALS_TEMPO,                /* Mixer/Tempo */
  TS_ALS_MANUAL,               /* Tempo/Manual (region) */
  TS_ALS_TEMPO_TARGET,         /* Tempo/AutomationTarget (region) */
  TS_ALS_TEMPO_ARRANGER,       /* Tempo/ArrangerAutomation (Live 8, 9) */
  TS_ALS_TEMPO_EVENTS,         /* ArrangerAutomation/Events */
  TS_ALS_TEMPO_EVENT,          /* ArrangerAutomation/Events/FloatEvent */
  TS_ALS_LOCATORS_OUTER,       /* LiveSet/Locators (region) */
  TS_ALS_LOCATORS,             /* Locators/Locators */
  TS_ALS_LOCATOR,              /* Locators/Locator */
  TS_ALS_LOCATOR_TIME,         /* Locator/Time */
  TS_ALS_LOCATOR_NAME,         /* Locator/Name */
  TS_ALS_TRACKS,               /* LiveSet/Tracks */
  TS_ALS_TRACK,                /* Tracks/AudioTrack, MidiTrack, ... */
  TS_ALS_TRACK_CHAIN,          /* Track/DeviceChain */
  TS_ALS_SEQUENCER,            /* DeviceChain/MainSequencer */
  TS_ALS_TIMEABLE,             /* MainSequencer/Sample (audio), ClipTimeable (MIDI) */
  TS_ALS_CLIP_ARRANGER,        /* Sample/ArrangerAutomation */
  TS_ALS_CLIP_EVENTS,          /* ArrangerAutomation/Events */
  TS_ALS_CLIP,                 /* Events/AudioClip, MidiClip */
  TS_ALS_CLIP_END,             /* Clip/CurrentEnd */
} TsAlsCtx;

#define TS_ALS_N_CTX (TS_ALS_CLIP_END + 1)

typedef enum {
  /* Only the first such element in the set counts; later ones are
   * TS_ALS_OTHER. */
  TS_ALS_PATH_FIRST_ONLY = 1 << 0,
  /* Entering starts an item (an envelope, a locator, a clip) or one of
   * its parts: the collector keeps state for it. */
  TS_ALS_PATH_ITEM       = 1 << 1,
} TsAlsPathFlags;

/* One row of the path table: an element @name, under the parent whose
 * rows these are, has the context @child. */
typedef struct {
  const char     *name;      /* NULL: any element */
  guint           name_len;
  TsAlsCtx        child;
  TsAlsPathFlags  flags;
} TsAlsPath;

const TsAlsPath *ts_als_path_find (TsAlsCtx    parent,
                                   const char *name,
                                   gsize       name_len);

G_END_DECLS
