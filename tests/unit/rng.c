/*
 * The tests' random numbers: a tiny PRNG (xorshift32) so that random
 * models are the same everywhere, and random weekly session lists.
 */
#include <stdio.h>

#include "rng.h"

uint32_t
rnd(uint32_t *x)
{
	*x ^= *x << 13;
	*x ^= *x >> 17;
	*x ^= *x << 5;
	return *x;
}

int
rn(uint32_t *x, int n)
{
	return (int)(rnd(x) % (uint32_t)n);
}

void
random_sessions(uint32_t *x, char *buf, size_t len, int n)
{
	static const char *const days[] = { "MO", "TU", "WE", "TH", "FR",
	    "SA", "SU" };
	size_t used = 0;

	buf[0] = '\0';
	for (int k = 0; k < n; k++) {
		int start = 8 * 60 + 30 * rn(x, 25);

		used += (size_t)snprintf(buf + used, len - used, "%s%s %02d:%02d %d",
		    k ? ", " : "", days[rn(x, 7)], start / 60, start % 60,
		    60 * (1 + rn(x, 3)));
	}
}
