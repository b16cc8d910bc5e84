/* Symmetric difference of two busy-span lists, in seconds. */
#include "shifts_diff.h"

static int64_t
max64(int64_t a, int64_t b)
{
	return a > b ? a : b;
}

static int64_t
min64(int64_t a, int64_t b)
{
	return a < b ? a : b;
}

/* Seconds of s (normalized) inside [from, to). */
static int64_t
spans_measure(const struct sched_spans *s, int64_t from, int64_t to)
{
	int64_t total = 0;

	for (size_t i = 0; i < s->n; i++) {
		int64_t lo = max64(s->v[i].start, from);
		int64_t hi = min64(s->v[i].end, to);

		if (hi > lo)
			total += hi - lo;
	}
	return total;
}

/*
 * Seconds that a and b (both normalized) share inside [from, to): one
 * merge pass, advancing whichever span ends first.
 */
static int64_t
spans_common(const struct sched_spans *a, const struct sched_spans *b,
    int64_t from, int64_t to)
{
	int64_t total = 0;
	size_t i = 0, j = 0;

	while (i < a->n && j < b->n) {
		int64_t lo = max64(max64(a->v[i].start, b->v[j].start), from);
		int64_t hi = min64(min64(a->v[i].end, b->v[j].end), to);

		if (hi > lo)
			total += hi - lo;
		if (a->v[i].end < b->v[j].end)
			i++;
		else
			j++;
	}
	return total;
}

void
shifts_diff(const struct sched_spans *before, const struct sched_spans *after,
    int64_t from, int64_t to, struct shifts_change *out)
{
	int64_t common = spans_common(before, after, from, to);

	out->added = spans_measure(after, from, to) - common;
	out->removed = spans_measure(before, from, to) - common;
}
