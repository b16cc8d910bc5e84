/* The exhaustive placement oracle of tests/unit/brute.h. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "brute.h"
#include "solution.h"

/*
 * Exhaustive search.  Every assignment of homes; for each, every choice
 * of at most one makeup in each short week (enough with makeups_per_week
 * at most 1, which is all this search is used for), checked by
 * sched_check().
 */
struct brute {
	long	max_leaves;
	const struct sched_model *m;
	struct sched_solution s;
	int	pairs[40][2];		/* short (participant, week) */
	int	npairs;
	int	chosen[40];
	long	leaves;
};

static bool
brute_leaf(struct brute *b)
{
	char *cause = NULL;
	int rc;

	b->leaves++;
	b->s.nmakeups = 0;
	for (int k = 0; k < b->npairs; k++)
		if (b->chosen[k] >= 0)
			sched_solution_add_makeup(&b->s, b->m, b->pairs[k][0],
			    b->chosen[k]);
	rc = sched_check(b->m, &b->s, &cause);
	free(cause);
	return rc == 0;
}

static bool
brute_makeups(struct brute *b, int k)
{
	const struct sched_model *m = b->m;

	if (b->leaves > b->max_leaves)
		return false;
	if (k == b->npairs)
		return brute_leaf(b);
	for (int i = -1; i < m->ninstances; i++) {
		int p = b->pairs[k][0];

		if (i >= 0 && (m->instances[i].week != b->pairs[k][1] ||
		    m->instances[i].group == b->s.home[p] ||
		    !sched_compatible(m, p, m->instances[i].group) ||
		    !sched_can_attend(m, p, i)))
			continue;
		b->chosen[k] = i;
		if (brute_makeups(b, k + 1))
			return true;
	}
	return false;
}

static bool
brute_homes_valid(struct brute *b)
{
	const struct sched_model *m = b->m;
	char *cause = NULL;
	int rc;

	b->s.nmakeups = 0;
	rc = sched_check(m, &b->s, &cause);
	if (rc == 0 || strncmp(cause, "rule 5:", 7) != 0 ||
	    m->makeups_per_week == 0) {
		free(cause);
		return rc == 0;
	}
	free(cause);
	b->npairs = 0;
	for (int p = 0; p < m->nparticipants; p++) {
		if (b->s.home[p] < 0)
			continue;
		for (int w = m->participants[p].first_week;
		    w <= m->participants[p].last_week; w++)
			if (sched_week_minutes(m, &b->s, p, w) <
			    m->participants[p].min_minutes && b->npairs < 40) {
				b->pairs[b->npairs][0] = p;
				b->pairs[b->npairs++][1] = w;
			}
	}
	return brute_makeups(b, 0);
}

int
brute_optimum(const struct sched_model *m, long max_leaves)
{
	struct brute b;
	long combos = 1;
	int best = 0, choices = m->ngroups + 1;

	memset(&b, 0, sizeof b);
	b.m = m;
	b.max_leaves = max_leaves;
	sched_solution_init(&b.s, m);
	for (int p = 0; p < m->nparticipants; p++)
		combos *= choices;
	for (long code = 0; code < combos; code++) {
		long c = code;
		int placed = 0;

		for (int p = 0; p < m->nparticipants; p++) {
			b.s.home[p] = (int)(c % choices) - 1;
			placed += b.s.home[p] >= 0;
			c /= choices;
		}
		if (placed > best && brute_homes_valid(&b))
			best = placed;
	}
	sched_solution_release(&b.s);
	return b.leaves > b.max_leaves ? -1 : best;
}
