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
 *
 * The first touch of each 4 KiB page costs a fault, in which the kernel
 * zeroes the page and charges it to the cgroup: on these machines about
 * 2 us, and 100 000 tempo points touch some 1 500 pages. Where the kernel
 * is asked to (transparent huge pages set to "madvise", Debian's default)
 * it backs a region with 2 MiB pages instead, one fault each. So the CLI
 * reserves its heap up front and asks for huge pages past its first MiB:
 * a small project allocates less than that and never has a 2 MiB page
 * cleared for a few KiB, a large one faults a tenth as often.
 */

#define G_LOG_DOMAIN "timestamps-cli"

#include "config.h"

#include "ts-cli-allocator.h"

#if HAVE_MALLOPT
#include <malloc.h>
#endif
#if defined (G_OS_UNIX) && HAVE_MADV_HUGEPAGE
#include <stdlib.h>
#include <sys/mman.h>
#define RESERVE_HUGE_HEAP 1
#else
#define RESERVE_HUGE_HEAP 0
#endif

/* The most glibc takes on a 64-bit system (less on a 32-bit one, where
 * mallopt() refuses it and the default stays): blocks above this are
 * rare enough that mapping them costs nothing that shows. */
#define ONE_HEAP_UP_TO (32 * 1024 * 1024)

#if HAVE_MALLOPT && RESERVE_HUGE_HEAP
/* Below the trim threshold, so that freeing the reserve keeps it in the
 * heap; more than the largest bench project needs. */
#define HEAP_RESERVE (24 * 1024 * 1024)
#define SMALL_PAGES_FIRST (1024 * 1024)
#define HUGE_PAGE (2 * 1024 * 1024)

/* Grows the heap by HEAP_RESERVE now, while nothing lives at its top, and
 * marks that part of it for huge pages. Growing it reserves addresses,
 * not memory: the kernel still gives pages as they are first touched.
 * One cost: calloc() now clears every block it hands out, as it can no
 * longer tell that fresh heap is zero, so the readers allocate no large
 * zeroed tables they use little of. */
static void
reserve_huge_heap (void)
{
  guint8 *reserve = malloc (HEAP_RESERVE);
  guintptr start;
  guintptr end;

  if (reserve == NULL)
    return;
  start = ((guintptr) reserve + SMALL_PAGES_FIRST + HUGE_PAGE - 1) & ~(guintptr) (HUGE_PAGE - 1);
  end = ((guintptr) reserve + HEAP_RESERVE) & ~(guintptr) (HUGE_PAGE - 1);
  /* Only a hint: a kernel without transparent huge pages refuses it, and
   * the heap works as before. */
  if (end > start)
    (void) madvise ((void *) start, end - start, MADV_HUGEPAGE);
  free (reserve);
}
#endif

void
ts_cli_allocator_tune (void)
{
#if HAVE_MALLOPT
  /* Helper threads allocate little; they share the main thread's heap. */
  mallopt (M_ARENA_MAX, 1);
  mallopt (M_MMAP_THRESHOLD, ONE_HEAP_UP_TO);
  mallopt (M_TRIM_THRESHOLD, ONE_HEAP_UP_TO);
#if RESERVE_HUGE_HEAP
  reserve_huge_heap ();
#endif
#endif
}
