/* ts-als-writer.c - writes Ableton Live sets for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "ts-als-writer"

#include "ts-als-writer.h"

#include <string.h>
#include <zlib.h>

typedef struct {
  double   beat;
  double   bpm;
  gboolean has_curve;
  double   curve[4];
} Event;

typedef struct {
  double  beat;
  char   *name_xml;
} Locator;

typedef struct {
  TsAlsTrack track;
  double     start;
  double     end;
  gboolean   session;
} Clip;

struct _TsAlsWriter {
  guint    live_version;
  double   tempo;
  gboolean master_envelopes;
  GArray  *events;
  GArray  *locators;
  GArray  *clips;
};

static void
locator_clear (Locator *locator)
{
  g_free (locator->name_xml);
}

TsAlsWriter *
ts_als_writer_new (guint  live_version,
                   double tempo)
{
  TsAlsWriter *self;

  g_return_val_if_fail (live_version >= 8 && live_version <= 12, NULL);

  self = g_new0 (TsAlsWriter, 1);
  self->live_version = live_version;
  self->tempo = tempo;
  self->master_envelopes = TRUE;
  self->events = g_array_new (FALSE, FALSE, sizeof (Event));
  self->locators = g_array_new (FALSE, FALSE, sizeof (Locator));
  g_array_set_clear_func (self->locators, (GDestroyNotify) locator_clear);
  self->clips = g_array_new (FALSE, FALSE, sizeof (Clip));
  return self;
}

void
ts_als_writer_free (TsAlsWriter *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->events);
  g_array_unref (self->locators);
  g_array_unref (self->clips);
  g_free (self);
}

void
ts_als_writer_add_locator_raw (TsAlsWriter *self,
                               double       beat,
                               const char  *name_xml)
{
  Locator locator = { beat, g_strdup (name_xml) };

  g_array_append_val (self->locators, locator);
}

void
ts_als_writer_add_locator (TsAlsWriter *self,
                           double       beat,
                           const char  *name)
{
  g_autofree char *escaped = g_markup_escape_text (name, -1);

  ts_als_writer_add_locator_raw (self, beat, escaped);
}

void
ts_als_writer_add_tempo_event (TsAlsWriter *self,
                               double       beat,
                               double       bpm)
{
  Event event = { beat, bpm, FALSE, { 0 } };

  g_array_append_val (self->events, event);
}

void
ts_als_writer_add_curved_tempo_event (TsAlsWriter *self,
                                      double       beat,
                                      double       bpm,
                                      double       curve1_x,
                                      double       curve1_y,
                                      double       curve2_x,
                                      double       curve2_y)
{
  Event event = { beat, bpm, TRUE, { curve1_x, curve1_y, curve2_x, curve2_y } };

  g_array_append_val (self->events, event);
}

void
ts_als_writer_add_clip (TsAlsWriter *self,
                        TsAlsTrack   track,
                        double       start_beat,
                        double       end_beat,
                        gboolean     session)
{
  Clip clip = { track, start_beat, end_beat, session };

  g_array_append_val (self->clips, clip);
}

void
ts_als_writer_set_master_envelopes (TsAlsWriter *self,
                                    gboolean     present)
{
  self->master_envelopes = present;
}

/* Appends @value so that it reads back as the same double. */
static void
append_number (GString *out,
               double   value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_dtostr (buf, sizeof buf, value));
}

static void
indent (GString *out,
        guint    depth)
{
  for (guint i = 0; i < depth; i++)
    g_string_append_c (out, '\t');
}

/* <Name Value="x" /> on its own line. */
static void
value_line (GString    *out,
            guint       depth,
            const char *element,
            const char *value)
{
  indent (out, depth);
  g_string_append_printf (out, "<%s Value=\"%s\" />\n", element, value);
}

static void
number_line (GString    *out,
             guint       depth,
             const char *element,
             double      value)
{
  indent (out, depth);
  g_string_append_printf (out, "<%s Value=\"", element);
  append_number (out, value);
  g_string_append (out, "\" />\n");
}

static void
open_line (GString    *out,
           guint       depth,
           const char *tag)
{
  indent (out, depth);
  g_string_append_printf (out, "<%s>\n", tag);
}

static void
close_line (GString    *out,
            guint       depth,
            const char *element)
{
  indent (out, depth);
  g_string_append_printf (out, "</%s>\n", element);
}

static void
write_events (TsAlsWriter *self,
              GString     *out,
              guint        depth)
{
  for (guint i = 0; i < self->events->len; i++)
    {
      const Event *event = &g_array_index (self->events, Event, i);

      indent (out, depth);
      g_string_append (out, "<FloatEvent ");
      /* Live 8 and 9 write no Id. */
      if (self->live_version >= 10)
        g_string_append_printf (out, "Id=\"%u\" ", 90 + i);
      g_string_append (out, "Time=\"");
      append_number (out, event->beat);
      g_string_append (out, "\" Value=\"");
      append_number (out, event->bpm);
      g_string_append (out, "\"");
      if (event->has_curve)
        {
          static const char *names[] = {
            "CurveControl1X", "CurveControl1Y", "CurveControl2X", "CurveControl2Y",
          };

          for (guint k = 0; k < G_N_ELEMENTS (names); k++)
            {
              g_string_append_printf (out, " %s=\"", names[k]);
              append_number (out, event->curve[k]);
              g_string_append (out, "\"");
            }
        }
      g_string_append (out, " />\n");
    }
}

/* A second automation lane that is not the tempo: a reader that takes the
 * first FloatEvents it finds reads these instead. */
static void
write_decoy_float_events (GString *out,
                          guint    depth)
{
  indent (out, depth);
  g_string_append (out, "<FloatEvent Id=\"3\" Time=\"-63072000\" Value=\"0.5\" />\n");
  indent (out, depth);
  g_string_append (out, "<FloatEvent Id=\"4\" Time=\"8\" Value=\"0.25\" />\n");
}

static void
write_envelope (GString    *out,
                guint       depth,
                guint       id,
                const char *pointee,
                void      (*write_body) (TsAlsWriter *, GString *, guint),
                TsAlsWriter *self)
{
  indent (out, depth);
  g_string_append_printf (out, "<AutomationEnvelope Id=\"%u\">\n", id);
  open_line (out, depth + 1, "EnvelopeTarget");
  value_line (out, depth + 2, "PointeeId", pointee);
  close_line (out, depth + 1, "EnvelopeTarget");
  open_line (out, depth + 1, "Automation");
  open_line (out, depth + 2, "Events");
  write_body (self, out, depth + 3);
  close_line (out, depth + 2, "Events");
  open_line (out, depth + 2, "AutomationTransformViewState");
  value_line (out, depth + 3, "IsTransformPending", "false");
  indent (out, depth + 3);
  g_string_append (out, "<TimeAndValueTransforms />\n");
  close_line (out, depth + 2, "AutomationTransformViewState");
  close_line (out, depth + 1, "Automation");
  close_line (out, depth, "AutomationEnvelope");
}

static void
write_time_signature_event (TsAlsWriter *self,
                            GString     *out,
                            guint        depth)
{
  indent (out, depth);
  g_string_append (out, "<EnumEvent Id=\"0\" Time=\"-63072000\" Value=\"201\" />\n");
}

static void
write_track_decoy (TsAlsWriter *self,
                   GString     *out,
                   guint        depth)
{
  write_decoy_float_events (out, depth);
}

/* One clip, shaped as Live writes it (trimmed to what differs between
 * versions and what a reader could mistake for a position). */
static void
write_clip (TsAlsWriter *self,
            GString     *out,
            guint        depth,
            TsAlsTrack   track,
            guint        id,
            double       start,
            double       end)
{
  guint v = self->live_version;
  const char *element = track == TS_ALS_TRACK_AUDIO ? "AudioClip" : "MidiClip";

  indent (out, depth);
  g_string_append_printf (out, "<%s ", element);
  if (v >= 10)
    g_string_append_printf (out, "Id=\"%u\" ", id);
  g_string_append (out, "Time=\"");
  append_number (out, start);
  g_string_append (out, "\">\n");
  if (v >= 9)
    value_line (out, depth + 1, "LomId", "0");
  if (v >= 10)
    value_line (out, depth + 1, "LomIdView", "0");
  number_line (out, depth + 1, "CurrentStart", start);
  number_line (out, depth + 1, "CurrentEnd", end);
  open_line (out, depth + 1, "Loop");
  value_line (out, depth + 2, "LoopStart", "0");
  number_line (out, depth + 2, "LoopEnd", end - start);
  value_line (out, depth + 2, "StartRelative", "0");
  value_line (out, depth + 2, "LoopOn", "false");
  number_line (out, depth + 2, "OutMarker", TS_ALS_WRITER_DECOY_END);
  close_line (out, depth + 1, "Loop");
  value_line (out, depth + 1, "Name", "Clip");
  /* A clip envelope: automation inside the clip. */
  open_line (out, depth + 1, "Envelopes");
  open_line (out, depth + 2, "Envelopes");
  indent (out, depth + 3);
  g_string_append (out, "<ClipEnvelope Id=\"0\">\n");
  open_line (out, depth + 4, "EnvelopeTarget");
  value_line (out, depth + 5, "PointeeId", "8");
  close_line (out, depth + 4, "EnvelopeTarget");
  open_line (out, depth + 4, "Automation");
  open_line (out, depth + 5, "Events");
  write_decoy_float_events (out, depth + 6);
  close_line (out, depth + 5, "Events");
  close_line (out, depth + 4, "Automation");
  close_line (out, depth + 3, "ClipEnvelope");
  close_line (out, depth + 2, "Envelopes");
  close_line (out, depth + 1, "Envelopes");
  if (track == TS_ALS_TRACK_MIDI)
    {
      open_line (out, depth + 1, "Notes");
      open_line (out, depth + 2, "KeyTracks");
      indent (out, depth + 3);
      g_string_append (out, "<KeyTrack Id=\"0\">\n");
      open_line (out, depth + 4, "Notes");
      indent (out, depth + 5);
      g_string_append (out, "<MidiNoteEvent Time=\"0\" Duration=\"");
      append_number (out, TS_ALS_WRITER_DECOY_END);
      g_string_append (out, "\" Velocity=\"100\" OffVelocity=\"64\" IsEnabled=\"true\" />\n");
      close_line (out, depth + 4, "Notes");
      value_line (out, depth + 4, "MidiKey", "60");
      close_line (out, depth + 3, "KeyTrack");
      close_line (out, depth + 2, "KeyTracks");
      close_line (out, depth + 1, "Notes");
    }
  else
    {
      open_line (out, depth + 1, "SampleRef");
      open_line (out, depth + 2, "FileRef");
      value_line (out, depth + 3, "Name", "kick.wav");
      close_line (out, depth + 2, "FileRef");
      number_line (out, depth + 2, "DefaultDuration", TS_ALS_WRITER_DECOY_END);
      close_line (out, depth + 1, "SampleRef");
    }
  value_line (out, depth + 1, "Disabled", "false");
  close_line (out, depth, element);
}

/* A track's arrangement lane: Sample (audio) or ClipTimeable (MIDI) with
 * ArrangerAutomation/Events, holding @track's arrangement clips; with
 * @freeze, the audio lane of a frozen track's render, a decoy. */
static void
write_timeable (TsAlsWriter *self,
                GString     *out,
                guint        depth,
                TsAlsTrack   track,
                gboolean     freeze)
{
  const char *element = track == TS_ALS_TRACK_MIDI && !freeze ? "ClipTimeable" : "Sample";
  guint n = 0;

  open_line (out, depth, element);
  open_line (out, depth + 1, "ArrangerAutomation");
  open_line (out, depth + 2, "Events");
  if (freeze)
    write_clip (self, out, depth + 3, TS_ALS_TRACK_AUDIO, 0, 0, TS_ALS_WRITER_DECOY_END);
  for (guint i = 0; !freeze && i < self->clips->len; i++)
    {
      const Clip *clip = &g_array_index (self->clips, Clip, i);

      if (clip->track == track && !clip->session)
        write_clip (self, out, depth + 3, track, n++, clip->start, clip->end);
    }
  close_line (out, depth + 2, "Events");
  close_line (out, depth + 1, "ArrangerAutomation");
  close_line (out, depth, element);
}

static void
write_clip_slot (TsAlsWriter *self,
                 GString     *out,
                 guint        depth,
                 guint        index,
                 TsAlsTrack   track,
                 const Clip  *clip)
{
  indent (out, depth);
  if (self->live_version >= 9)
    g_string_append_printf (out, "<ClipSlot Id=\"%u\">\n", index);
  else
    g_string_append (out, "<ClipSlot>\n");
  if (self->live_version >= 9)
    value_line (out, depth + 1, "LomId", "0");
  open_line (out, depth + 1, "ClipSlot");
  if (clip == NULL)
    {
      indent (out, depth + 2);
      g_string_append (out, "<Value />\n");
    }
  else
    {
      open_line (out, depth + 2, "Value");
      write_clip (self, out, depth + 3, track, index, clip->start, clip->end);
      close_line (out, depth + 2, "Value");
    }
  close_line (out, depth + 1, "ClipSlot");
  value_line (out, depth + 1, "HasStop", "true");
  close_line (out, depth, "ClipSlot");
}

/* Session clips, one per slot, and an empty slot. */
static void
write_clip_slots (TsAlsWriter *self,
                  GString     *out,
                  guint        depth,
                  TsAlsTrack   track)
{
  guint n = 0;

  open_line (out, depth, "ClipSlotList");
  for (guint i = 0; i < self->clips->len; i++)
    {
      const Clip *clip = &g_array_index (self->clips, Clip, i);

      if (clip->track == track && clip->session)
        write_clip_slot (self, out, depth + 1, n++, track, clip);
    }
  write_clip_slot (self, out, depth + 1, n, track, NULL);
  close_line (out, depth, "ClipSlotList");
}

/* MainSequencer (the track's clips) or FreezeSequencer (a frozen track's
 * render: a decoy). */
static void
write_sequencer (TsAlsWriter *self,
                 GString     *out,
                 guint        depth,
                 TsAlsTrack   track,
                 gboolean     freeze)
{
  const char *element = freeze ? "FreezeSequencer" : "MainSequencer";

  open_line (out, depth, element);
  open_line (out, depth + 1, "On");
  if (self->live_version <= 9)
    {
      /* Automation of the track's on switch: not a clip lane. */
      open_line (out, depth + 2, "ArrangerAutomation");
      open_line (out, depth + 3, "Events");
      indent (out, depth + 4);
      g_string_append (out, "<BoolEvent Time=\"-63072000\" Value=\"true\" />\n");
      close_line (out, depth + 3, "Events");
      close_line (out, depth + 2, "ArrangerAutomation");
    }
  else
    value_line (out, depth + 2, "Manual", "true");
  close_line (out, depth + 1, "On");
  if (freeze)
    {
      open_line (out, depth + 1, "ClipSlotList");
      close_line (out, depth + 1, "ClipSlotList");
    }
  else
    write_clip_slots (self, out, depth + 1, track);
  value_line (out, depth + 1, "MonitoringEnum", "1");
  write_timeable (self, out, depth + 1, track, freeze);
  close_line (out, depth, element);
}

/* Live 11+ comping: recorded takes, of which only the comp on the main
 * lane plays. */
static void
write_take_lanes (TsAlsWriter *self,
                  GString     *out,
                  guint        depth,
                  TsAlsTrack   track)
{
  open_line (out, depth, "TakeLanes");
  open_line (out, depth + 1, "TakeLanes");
  indent (out, depth + 2);
  g_string_append (out, "<TakeLane Id=\"0\">\n");
  value_line (out, depth + 3, "LomId", "0");
  open_line (out, depth + 3, "ClipAutomation");
  open_line (out, depth + 4, "Events");
  if (track == TS_ALS_TRACK_MIDI)
    write_clip (self, out, depth + 5, track, 0, 0, TS_ALS_WRITER_DECOY_END);
  close_line (out, depth + 4, "Events");
  close_line (out, depth + 3, "ClipAutomation");
  close_line (out, depth + 2, "TakeLane");
  close_line (out, depth + 1, "TakeLanes");
  close_line (out, depth, "TakeLanes");
}

static void
write_track (TsAlsWriter *self,
             GString     *out,
             TsAlsTrack   track)
{
  guint v = self->live_version;
  gboolean audio = track == TS_ALS_TRACK_AUDIO;
  const char *element = audio ? "AudioTrack" : "MidiTrack";

  indent (out, 3);
  g_string_append_printf (out, "<%s Id=\"%u\">\n", element, audio ? 14 : 15);
  if (v >= 9)
    value_line (out, 4, "LomId", "0");
  open_line (out, 4, "Name");
  value_line (out, 5, "EffectiveName", audio ? "1-Audio" : "2-MIDI");
  value_line (out, 5, "UserName", "");
  close_line (out, 4, "Name");
  if (v >= 10 && audio)
    {
      open_line (out, 4, "AutomationEnvelopes");
      open_line (out, 5, "Envelopes");
      /* Same PointeeId as the master tempo: ids are per set, so a reader
       * must look at the master track only. */
      write_envelope (out, 6, 0, "8", write_track_decoy, self);
      close_line (out, 5, "Envelopes");
      close_line (out, 4, "AutomationEnvelopes");
    }
  if (v >= 11)
    write_take_lanes (self, out, 4, track);
  open_line (out, 4, "DeviceChain");
  open_line (out, 5, "Mixer");
  open_line (out, 6, "Volume");
  if (v <= 9 && audio)
    {
      open_line (out, 7, "ArrangerAutomation");
      open_line (out, 8, "Events");
      write_decoy_float_events (out, 9);
      close_line (out, 8, "Events");
      close_line (out, 7, "ArrangerAutomation");
    }
  value_line (out, 7, "Manual", "1");
  close_line (out, 6, "Volume");
  close_line (out, 5, "Mixer");
  write_sequencer (self, out, 5, track, FALSE);
  write_sequencer (self, out, 5, track, TRUE);
  close_line (out, 4, "DeviceChain");
  close_line (out, 3, element);
}

static void
write_tempo (TsAlsWriter *self,
             GString     *out,
             guint        depth)
{
  guint v = self->live_version;

  open_line (out, depth, "Tempo");
  if (v >= 9)
    value_line (out, depth + 1, "LomId", "0");
  if (v <= 9)
    {
      open_line (out, depth + 1, "ArrangerAutomation");
      if (self->events->len == 0)
        {
          indent (out, depth + 2);
          g_string_append (out, "<Events />\n");
        }
      else
        {
          open_line (out, depth + 2, "Events");
          write_events (self, out, depth + 3);
          close_line (out, depth + 2, "Events");
        }
      close_line (out, depth + 1, "ArrangerAutomation");
    }
  if (v >= 9)
    number_line (out, depth + 1, "Manual", self->tempo);
  open_line (out, depth + 1, "MidiControllerRange");
  value_line (out, depth + 2, "Min", "60");
  value_line (out, depth + 2, "Max", "200");
  close_line (out, depth + 1, "MidiControllerRange");
  if (v >= 9)
    {
      indent (out, depth + 1);
      g_string_append (out, "<AutomationTarget Id=\"8\">\n");
      value_line (out, depth + 2, "LockEnvelope", "0");
      close_line (out, depth + 1, "AutomationTarget");
      indent (out, depth + 1);
      g_string_append (out, "<ModulationTarget Id=\"9\">\n");
      value_line (out, depth + 2, "LockEnvelope", "0");
      close_line (out, depth + 1, "ModulationTarget");
    }
  else
    {
      indent (out, depth + 1);
      g_string_append (out, "<ModulationTarget Id=\"3\" />\n");
    }
  close_line (out, depth, "Tempo");
}

static void
write_master_track (TsAlsWriter *self,
                    GString     *out)
{
  guint v = self->live_version;
  const char *track = v >= 12 ? "MainTrack" : "MasterTrack";
  const char *chain = v == 8 ? "MasterChain" : "DeviceChain";

  indent (out, 2);
  if (v >= 12)
    g_string_append (out, "<MainTrack SelectedToolPanel=\"7\" SelectedTransformationName=\"\" "
                          "SelectedGeneratorName=\"\">\n");
  else
    g_string_append (out, "<MasterTrack>\n");
  if (v >= 9)
    value_line (out, 3, "LomId", "0");
  open_line (out, 3, "Name");
  value_line (out, 4, "EffectiveName", v >= 12 ? "Main" : "Master");
  value_line (out, 4, "UserName", "");
  close_line (out, 3, "Name");
  value_line (out, 3, v >= 12 ? "Color" : "ColorIndex", "143");

  if (v >= 10 && self->master_envelopes)
    {
      open_line (out, 3, "AutomationEnvelopes");
      open_line (out, 4, "Envelopes");
      write_envelope (out, 5, 0, "10", write_time_signature_event, self);
      if (self->events->len > 0)
        write_envelope (out, 5, 1, "8", write_events, self);
      close_line (out, 4, "Envelopes");
      close_line (out, 3, "AutomationEnvelopes");
    }
  value_line (out, 3, "TrackGroupId", "-1");

  open_line (out, 3, chain);
  open_line (out, 4, "AutomationLanes");
  open_line (out, 5, "AutomationLanes");
  close_line (out, 5, "AutomationLanes");
  close_line (out, 4, "AutomationLanes");
  open_line (out, 4, "Mixer");
  if (v >= 9)
    value_line (out, 5, "LomId", "0");
  open_line (out, 5, "Volume");
  if (v == 9)
    {
      open_line (out, 6, "ArrangerAutomation");
      open_line (out, 7, "Events");
      write_decoy_float_events (out, 8);
      close_line (out, 7, "Events");
      close_line (out, 6, "ArrangerAutomation");
    }
  value_line (out, 6, "Manual", "1");
  close_line (out, 5, "Volume");
  write_tempo (self, out, 5);
  if (v >= 10)
    {
      open_line (out, 5, "TimeSignature");
      value_line (out, 6, "LomId", "0");
      value_line (out, 6, "Manual", "201");
      indent (out, 6);
      g_string_append (out, "<AutomationTarget Id=\"10\">\n");
      value_line (out, 7, "LockEnvelope", "0");
      close_line (out, 6, "AutomationTarget");
      close_line (out, 5, "TimeSignature");
    }
  close_line (out, 4, "Mixer");
  close_line (out, 3, chain);
  close_line (out, 2, track);
}

static void
write_scenes (TsAlsWriter *self,
              GString     *out)
{
  open_line (out, 2, "Scenes");
  for (guint i = 0; i < 2; i++)
    {
      indent (out, 3);
      g_string_append_printf (out, "<Scene Id=\"%u\">\n", i);
      value_line (out, 4, "Name", "");
      /* Scene tempos: a reader matching any <Tempo> finds these first. */
      if (self->live_version >= 11)
        {
          value_line (out, 4, "Tempo", "99");
          value_line (out, 4, "IsTempoEnabled", "false");
        }
      close_line (out, 3, "Scene");
    }
  close_line (out, 2, "Scenes");
}

/* A groove extracted from a clip keeps a copy of the clip (Live 9+). */
static void
write_groove_pool (TsAlsWriter *self,
                   GString     *out)
{
  open_line (out, 2, "GroovePool");
  open_line (out, 3, "Grooves");
  indent (out, 4);
  g_string_append (out, "<Groove Id=\"0\">\n");
  open_line (out, 5, "Clip");
  open_line (out, 6, "Value");
  write_clip (self, out, 7, TS_ALS_TRACK_MIDI, 0, 0, TS_ALS_WRITER_DECOY_END);
  close_line (out, 6, "Value");
  close_line (out, 5, "Clip");
  close_line (out, 4, "Groove");
  close_line (out, 3, "Grooves");
  close_line (out, 2, "GroovePool");
}

static void
write_locators (TsAlsWriter *self,
                GString     *out)
{
  open_line (out, 2, "Locators");
  if (self->locators->len == 0)
    {
      indent (out, 3);
      g_string_append (out, "<Locators />\n");
    }
  else
    {
      open_line (out, 3, "Locators");
      for (guint i = 0; i < self->locators->len; i++)
        {
          const Locator *locator = &g_array_index (self->locators, Locator, i);

          indent (out, 4);
          if (self->live_version == 8)
            g_string_append (out, "<Locator>\n");
          else
            g_string_append_printf (out, "<Locator Id=\"%u\">\n", i * 16);
          if (self->live_version >= 9)
            value_line (out, 5, "LomId", "0");
          number_line (out, 5, "Time", locator->beat);
          value_line (out, 5, "Name", locator->name_xml);
          value_line (out, 5, "Annotation", "");
          value_line (out, 5, "IsSongStart", "false");
          close_line (out, 4, "Locator");
        }
      close_line (out, 3, "Locators");
    }
  close_line (out, 2, "Locators");
}

char *
ts_als_writer_to_xml (TsAlsWriter *self)
{
  static const char *roots[] = {
    [8] = "MajorVersion=\"4\" MinorVersion=\"8.1_226\" Creator=\"Ableton Live 8.1.4\"",
    [9] = "MajorVersion=\"4\" MinorVersion=\"9.5_327\" Creator=\"Ableton Live 9.7.1\" "
          "Revision=\"a024ca1056497a82a40d53766ce27f7e0af87a1d\"",
    [10] = "MajorVersion=\"5\" MinorVersion=\"10.0_377\" SchemaChangeCount=\"3\" "
           "Creator=\"Ableton Live 10.1.7\" Revision=\"f7eb4c8e0a49802359f4e078b341fdfb9d547a77\"",
    [11] = "MajorVersion=\"5\" MinorVersion=\"11.0_11300\" SchemaChangeCount=\"7\" "
           "Creator=\"Ableton Live 11.3.42\" Revision=\"0ef7bb48c0a166460ea30e4c844f15d268eb410b\"",
    [12] = "MajorVersion=\"5\" MinorVersion=\"12.0_12203\" SchemaChangeCount=\"3\" "
           "Creator=\"Ableton Live 12.2.6\" Revision=\"54fbddc6d0dc7047766a6a04b12063b5f6fe4b68\"",
  };
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

  g_string_append_printf (out, "<Ableton %s>\n", roots[self->live_version]);
  open_line (out, 1, "LiveSet");
  if (self->live_version >= 10)
    value_line (out, 2, "NextPointeeId", "22016");
  value_line (out, 2, "OverwriteProtectionNumber", "2561");
  open_line (out, 2, "Tracks");
  write_track (self, out, TS_ALS_TRACK_AUDIO);
  write_track (self, out, TS_ALS_TRACK_MIDI);
  close_line (out, 2, "Tracks");
  write_master_track (self, out);
  if (self->live_version >= 9)
    write_groove_pool (self, out);
  write_scenes (self, out);
  write_locators (self, out);
  close_line (out, 1, "LiveSet");
  g_string_append (out, "</Ableton>\n");

  return g_string_free (out, FALSE);
}

GBytes *
ts_als_gzip (const void *data,
             gsize       length)
{
  z_stream zs = { 0 };
  GByteArray *out = g_byte_array_new ();
  const guint8 *in = data;
  gsize offset = 0;
  int ret;

  /* 16 + MAX_WBITS: a gzip wrapper, as Live writes. */
  ret = deflateInit2 (&zs, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  g_assert (ret == Z_OK);

  do
    {
      guint8 chunk[64 * 1024];
      gsize piece = MIN (length - offset, (gsize) G_MAXUINT32 / 2);

      zs.next_in = (Bytef *) in + offset;
      zs.avail_in = (uInt) piece;
      offset += piece;
      do
        {
          zs.next_out = chunk;
          zs.avail_out = sizeof chunk;
          ret = deflate (&zs, offset == length ? Z_FINISH : Z_NO_FLUSH);
          g_assert (ret != Z_STREAM_ERROR);
          g_byte_array_append (out, chunk, sizeof chunk - zs.avail_out);
        }
      while (zs.avail_out == 0);
    }
  while (offset < length);
  g_assert (ret == Z_STREAM_END);
  deflateEnd (&zs);

  return g_byte_array_free_to_bytes (out);
}

GBytes *
ts_als_writer_to_bytes (TsAlsWriter *self,
                        gboolean     gzip)
{
  char *xml = ts_als_writer_to_xml (self);
  gsize length = strlen (xml);
  GBytes *compressed;

  if (!gzip)
    return g_bytes_new_take (xml, length);

  compressed = ts_als_gzip (xml, length);
  g_free (xml);
  return compressed;
}

gboolean
ts_als_writer_write_file (TsAlsWriter  *self,
                          const char   *path,
                          gboolean      gzip,
                          GError      **error)
{
  g_autoptr(GBytes) bytes = ts_als_writer_to_bytes (self, gzip);
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  return g_file_set_contents (path, data, (gssize) length, error);
}
