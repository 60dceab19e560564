/* ts-bench-license.c - prints a Pro licence key signed with the test key,
 * for the benchmark of `timestamps-cli batch` (build-aux/bench.py)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only a -Dlicense_key=test build accepts it; the benchmark then falls
 * back to the licence the user has stored.
 */

#include "config.h"

#include <stdio.h>

#include "ts-license-issuer.h"

int
main (void)
{
  g_autoptr(TsLicenseIssuer) issuer = ts_license_issuer_new_test ();
  g_autofree char *key = ts_license_issuer_key_for (issuer, "bench", "pro", "\"2099-01-01T00:00:00Z\"");

  printf ("%s\n", key);
  return 0;
}
