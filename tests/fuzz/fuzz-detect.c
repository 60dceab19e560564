/* fuzz-detect.c - the loader's format detection over any input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The first byte picks the name the file is dropped under, since the
 * extension decides when the content does not; the rest is the file.
 */
#include "config.h"

#include "ts-format-info.h"
#include "ts-fuzz.h"
#include "ts-project.h"

static const char *const names[] = {
  "fuzz", "fuzz.als", "fuzz.flp", "fuzz.cue", "fuzz.ALS", "._fuzz.als",
  "fuzz.alc", "fuzz.adg", "fuzz.fst", "fuzz.zip", "fuzz.wav", "fuzz.als.zip",
};

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TsProject) project = NULL;
  const char *name;

  ts_fuzz_init ();

  if (size == 0)
    return 0;
  name = names[data[0] % G_N_ELEMENTS (names)];
  bytes = g_bytes_new (data + 1, size - 1);

  for (guint i = 0; i < TS_N_FORMATS; i++)
    ts_format_info_get (i)->sniff (data + 1, size - 1);

  project = ts_project_load_bytes (bytes, name, &error);
  if (project == NULL && (error == NULL || error->message == NULL || error->message[0] == '\0'))
    ts_fuzz_fail ("%s: a rejected file has no error message", name);
  if (project != NULL && error != NULL)
    ts_fuzz_fail ("%s: read, with an error set", name);
  return 0;
}
