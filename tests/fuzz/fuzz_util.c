/*
 * Checks shared by the fuzz targets.  A failed check aborts, which both
 * libFuzzer and tests/fuzz/replay.c report as a crash.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

void
fuzz_check_cause(const char *cause, const char *prefix)
{
	/* SPEC section 1: an error is one line that names the file first. */
	if (cause == NULL || strncmp(cause, prefix, strlen(prefix)) != 0)
		abort();
	for (const unsigned char *p = (const unsigned char *)cause; *p != '\0';
	    p++)
		if (*p < 0x20 || *p == 0x7f)
			abort();
}
