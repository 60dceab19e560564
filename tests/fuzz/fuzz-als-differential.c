/* fuzz-als-differential.c - the fast and the reference Live set reader agree
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fast reader finds the elements it needs with its own scanner and
 * decodes their attributes itself; the reference reader parses the whole
 * document with libxml2. On a
 * document both read they must agree to the bit, as test-ableton-set
 * checks on the fixtures; any input where they do not is a bug in one of
 * them, and aborts.
 */
#include "config.h"

#include <string.h>

#include "ts-ableton-reference.h"
#include "ts-ableton-set.h"
#include "ts-fuzz.h"

static gboolean
same_double (double a,
             double b)
{
  /* Bitwise, so that -0.0 and 0.0 or two NaNs are told apart. */
  return memcmp (&a, &b, sizeof a) == 0;
}

static const char *
find_difference (const TsAbletonSet *a,
                 const TsAbletonSet *b)
{
  if (g_strcmp0 (a->creator, b->creator) != 0)
    return "Creator";
  if (g_strcmp0 (a->minor_version, b->minor_version) != 0)
    return "MinorVersion";
  if (a->live_version != b->live_version)
    return "the Live version";
  if (!same_double (a->tempo, b->tempo))
    return "the tempo";
  if (!same_double (a->end_beat, b->end_beat))
    return "the end of the last clip";

  if (a->tempo_events->len != b->tempo_events->len)
    return "the number of tempo events";
  for (guint i = 0; i < a->tempo_events->len; i++)
    {
      TsAbletonTempoEvent ea, eb;

      ts_ableton_set_get_tempo_event (a, i, &ea);
      ts_ableton_set_get_tempo_event (b, i, &eb);
      if (!same_double (ea.beat, eb.beat) || !same_double (ea.bpm, eb.bpm) ||
          ea.has_curve != eb.has_curve ||
          !same_double (ea.curve1_x, eb.curve1_x) || !same_double (ea.curve1_y, eb.curve1_y) ||
          !same_double (ea.curve2_x, eb.curve2_x) || !same_double (ea.curve2_y, eb.curve2_y))
        return "a tempo event";
    }

  if (a->locators->len != b->locators->len)
    return "the number of locators";
  for (guint i = 0; i < a->locators->len; i++)
    {
      const TsAbletonLocator *la = &g_array_index (a->locators, TsAbletonLocator, i);
      const TsAbletonLocator *lb = &g_array_index (b->locators, TsAbletonLocator, i);

      if (!same_double (la->beat, lb->beat) || g_strcmp0 (la->name, lb->name) != 0)
        return "a locator";
    }

  return NULL;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) fast_error = NULL;
  g_autoptr(GError) reference_error = NULL;
  TsAbletonSet fast = { 0 };
  TsAbletonSet reference = { 0 };
  gboolean fast_ok;
  gboolean reference_ok;
  const char *difference;

  ts_fuzz_init ();

  fast_ok = ts_ableton_set_read (&fast, data, size, "fuzz.als", &fast_error);
  reference_ok = ts_ableton_set_read_reference (&reference, data, size, "fuzz.als", &reference_error);

  /* A document only one of them reads is a disagreement only when it is
   * valid; the fast reader does not parse the parts it skips, so it may
   * read what libxml2 calls malformed, and that is by design. Nor is a
   * set the reference read only up to a cut in its gzip stream known to
   * be valid: libxml2 stops at the failed read without parsing what it
   * had buffered before it, where the fast reader may find the damage
   * (`</Ableton5<` and then the cut, found by CI's 60 s). */
  if (reference_ok && !fast_ok && reference.warning == NULL)
    ts_fuzz_fail ("the reference reads the set, the fast reader says: %s", fast_error->message);

  if (fast_ok && reference_ok && (difference = find_difference (&fast, &reference)) != NULL)
    ts_fuzz_fail ("the fast and the reference reader differ in %s", difference);

  ts_ableton_set_clear (&fast);
  ts_ableton_set_clear (&reference);
  return 0;
}
