/* ts-cli-allocator.c - the C library's allocator, set for one short run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A set is read on two threads: one inflates, one scans. Once a second
 * thread has run, every page the process gives back to the kernel
 * (munmap(), mremap(), a heap trimmed) makes the kernel interrupt the
 * other core to flush its TLB, and on the virtual machines we measure on
 * that costs up to a millisecond each. glibc gives pages back all the
 * time by default: blocks of 128 KiB and more (a set's 100 000 tempo
 * points, the tempo map, the inflate ring) get their own mapping that
 * each resize moves and each free unmaps, and the first allocation in a
 * helper thread maps a new 64 MiB arena for it. A run of timestamps-cli
 * allocates a few MiB in all and then exits, so it keeps everything in
 * one heap instead: with the other core busy, `bench/als100000.als`
 * then takes a tenth less time, with a third of the context switches
 * (with both cores free, about the same). The app, which runs for hours,
 * keeps glibc's defaults and gives memory back.
 */

#define G_LOG_DOMAIN "timestamps-cli"

#include "config.h"

#include "ts-cli-allocator.h"

#if HAVE_MALLOPT
#include <malloc.h>
#endif

/* The most glibc takes on a 64-bit system (less on a 32-bit one, where
 * mallopt() refuses it and the default stays): blocks above this are
 * rare enough that mapping them costs nothing that shows. */
#define ONE_HEAP_UP_TO (32 * 1024 * 1024)

void
ts_cli_allocator_tune (void)
{
#if HAVE_MALLOPT
  /* Helper threads allocate little; they share the main thread's heap. */
  mallopt (M_ARENA_MAX, 1);
  mallopt (M_MMAP_THRESHOLD, ONE_HEAP_UP_TO);
  mallopt (M_TRIM_THRESHOLD, ONE_HEAP_UP_TO);
#endif
}
