/* ts-fuzz.h - what every fuzz target shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each fuzz-*.c defines LLVMFuzzerTestOneInput(). With -Dfuzzing=true
 * libFuzzer calls it; in every other build ts-fuzz-replay.c does, over
 * the regression inputs and the generated seeds, so that the ordinary
 * test suite runs every input a fuzzer ever crashed on.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int  LLVMFuzzerTestOneInput  (const guint8 *data,
                              size_t        size);

/* Keeps GLib's messages quiet: a reader says what is wrong through its
 * GError, and a fuzzer prints nothing it need not. A critical stays fatal
 * (g_return_if_fail on fuzzed input is a bug). */
void ts_fuzz_init            (void);

/* Aborts, so that the fuzzer keeps the input, with a message saying why. */
G_NORETURN void ts_fuzz_fail (const char *format,
                              ...) G_GNUC_PRINTF (1, 2);

G_END_DECLS
