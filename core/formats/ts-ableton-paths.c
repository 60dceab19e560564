/* ts-ableton-paths.c - where the elements a Live set reader needs sit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both Live set readers follow the element path through this one table,
 * so they cannot disagree about which element means what.
 */
#define G_LOG_DOMAIN "ts-ableton-set"

#include "ts-ableton-paths-private.h"

#include <string.h>

/* A parent's children, up to four; the row after the last has no child
 * (TS_ALS_DOCUMENT, which is never a child). */
#define MAX_CHILDREN 4

#define CHILD(name, child, flags) { name, sizeof (name) - 1, TS_ALS_##child, flags }
#define ANY(child)                { NULL, 0, TS_ALS_##child, 0 }

#define FIRST TS_ALS_PATH_FIRST_ONLY
#define ITEM  TS_ALS_PATH_ITEM

/* Indexed by parent, so that finding an element's row costs no more than
 * the switch it replaces: nearly all elements have a parent with no rows. */
static const TsAlsPath paths[TS_ALS_N_CTX][MAX_CHILDREN + 1] = {
  [TS_ALS_DOCUMENT] = {
    CHILD ("Ableton",             ROOT,                0),
  },
  [TS_ALS_ROOT] = {
    CHILD ("LiveSet",             LIVE_SET,            FIRST),
  },
  [TS_ALS_LIVE_SET] = {
    CHILD ("MasterTrack",         MASTER,              FIRST),
    CHILD ("MainTrack",           MASTER,              FIRST),
    CHILD ("Locators",            LOCATORS_OUTER,      FIRST),
    CHILD ("Tracks",              TRACKS,              FIRST),
  },

  /* The tempo automation, Live 10+: an envelope whose target is the
   * tempo's AutomationTarget. */
  [TS_ALS_MASTER] = {
    CHILD ("AutomationEnvelopes", MASTER_ENVELOPES,    FIRST),
    CHILD ("DeviceChain",         MASTER_CHAIN,        FIRST),
    CHILD ("MasterChain",         MASTER_CHAIN,        FIRST),
  },
  [TS_ALS_MASTER_ENVELOPES] = {
    CHILD ("Envelopes",           ENVELOPES,           0),
  },
  [TS_ALS_ENVELOPES] = {
    CHILD ("AutomationEnvelope",  ENVELOPE,            ITEM),
  },
  [TS_ALS_ENVELOPE] = {
    CHILD ("EnvelopeTarget",      ENVELOPE_TARGET,     0),
    CHILD ("Automation",          ENVELOPE_AUTOMATION, 0),
  },
  [TS_ALS_ENVELOPE_TARGET] = {
    CHILD ("PointeeId",           POINTEE,             ITEM),
  },
  [TS_ALS_ENVELOPE_AUTOMATION] = {
    CHILD ("Events",              ENVELOPE_EVENTS,     0),
  },
  [TS_ALS_ENVELOPE_EVENTS] = {
    CHILD ("FloatEvent",          ENVELOPE_EVENT,      0),
  },

  /* The tempo, and its automation in Live 8 and 9. */
  [TS_ALS_MASTER_CHAIN] = {
    CHILD ("Mixer",               MIXER,               FIRST),
  },
  [TS_ALS_MIXER] = {
    CHILD ("Tempo",               TEMPO,               FIRST),
  },
  [TS_ALS_TEMPO] = {
    CHILD ("Manual",              MANUAL,              FIRST),
    CHILD ("AutomationTarget",    TEMPO_TARGET,        FIRST),
    CHILD ("ArrangerAutomation",  TEMPO_ARRANGER,      0),
  },
  [TS_ALS_TEMPO_ARRANGER] = {
    CHILD ("Events",              TEMPO_EVENTS,        0),
  },
  [TS_ALS_TEMPO_EVENTS] = {
    CHILD ("FloatEvent",          TEMPO_EVENT,         0),
  },

  [TS_ALS_LOCATORS_OUTER] = {
    CHILD ("Locators",            LOCATORS,            0),
  },
  [TS_ALS_LOCATORS] = {
    CHILD ("Locator",             LOCATOR,             ITEM),
  },
  [TS_ALS_LOCATOR] = {
    CHILD ("Time",                LOCATOR_TIME,        ITEM),
    CHILD ("Name",                LOCATOR_NAME,        ITEM),
  },

  /* The arrangement's clips, Live 8 to 12: Tracks/<any track>/DeviceChain/
   * MainSequencer/{Sample,ClipTimeable}/ArrangerAutomation/Events/
   * {AudioClip,MidiClip}. Everything else that looks like a clip is not
   * played as part of the arrangement: session clips (MainSequencer/
   * ClipSlotList), Live 11+ take lanes (Track/TakeLanes: what plays is
   * the comp on the main lane), a frozen track's render (DeviceChain/
   * FreezeSequencer) and the groove pool's clips (LiveSet/GroovePool).
   * Return, group and master tracks have no MainSequencer in any
   * version, so they hold no clips. */
  [TS_ALS_TRACKS] = {
    ANY   (                       TRACK),
  },
  [TS_ALS_TRACK] = {
    CHILD ("DeviceChain",         TRACK_CHAIN,         0),
  },
  [TS_ALS_TRACK_CHAIN] = {
    CHILD ("MainSequencer",       SEQUENCER,           0),
  },
  [TS_ALS_SEQUENCER] = {
    CHILD ("Sample",              TIMEABLE,            0),
    CHILD ("ClipTimeable",        TIMEABLE,            0),
  },
  [TS_ALS_TIMEABLE] = {
    CHILD ("ArrangerAutomation",  CLIP_ARRANGER,       0),
  },
  [TS_ALS_CLIP_ARRANGER] = {
    CHILD ("Events",              CLIP_EVENTS,         0),
  },
  [TS_ALS_CLIP_EVENTS] = {
    CHILD ("AudioClip",           CLIP,                ITEM),
    CHILD ("MidiClip",            CLIP,                ITEM),
  },
  [TS_ALS_CLIP] = {
    CHILD ("CurrentEnd",          CLIP_END,            ITEM),
  },
};

/* The collector keeps one bit per context for TS_ALS_PATH_FIRST_ONLY. */
G_STATIC_ASSERT (TS_ALS_N_CTX <= 64);

/**
 * ts_als_path_find:
 *
 * Returns: (nullable): the row for the element @name under @parent, or
 *   %NULL when the element has no context of its own (TS_ALS_OTHER)
 */
const TsAlsPath *
ts_als_path_find (TsAlsCtx    parent,
                  const char *name,
                  gsize       name_len)
{
  for (const TsAlsPath *path = paths[parent]; path->child != TS_ALS_DOCUMENT; path++)
    {
      if (path->name == NULL
          || (path->name_len == name_len && memcmp (path->name, name, name_len) == 0))
        return path;
    }
  return NULL;
}
