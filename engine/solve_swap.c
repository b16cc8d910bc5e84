/*
 * The swap neighbourhood: a clinician at its limit (max_groups, hours or
 * a clash) leads open group g; one of its closed groups h might gather
 * more people.  Neither "open" nor "close" can find that alone: h can't
 * open while g is open, and closing g loses its members unless all of them
 * fit elsewhere.  A swap closes g (its members and the guests it hosted
 * become free), opens h with the unplaced and with members others can
 * spare, offers everyone near g and h the open groups again, and is kept
 * when the score (SPEC 4 order) improves.  On the bench's models the
 * optimum differs from the greedy mostly by such swaps.
 */
#include <stdlib.h>

#include "rules.h"
#include "solve.h"

/*
 * Empties open g: its members leave, the makeups others held in it are
 * covered elsewhere or their takers leave too.  False (undo to a mark)
 * when a leaver took its own group below group_size.min.
 */
static bool
swap_vacate(struct solve_ctx *c, int g)
{
	while (c->st.members[g].n > 0)
		solve_remove(c, c->st.members[g].v[c->st.members[g].n - 1]);
	(void)solve_drop_guests(c, g, true);
	for (int h = 0; h < c->m->ngroups; h++)
		if (c->st.nmem[h] > 0 && !rule_open_size_ok(c->m, c->st.nmem[h]))
			return false;
	return true;
}

/* Closes open g and opens closed h instead; true when kept. */
static bool
swap_one(struct solve_ctx *c, int g, int h)
{
	struct sched_score before = c->st.score;
	size_t mark = sched_state_mark(&c->st);
	struct sched_ilist from = { NULL, 0, 0 };
	bool kept = false;

	if (!swap_vacate(c, g) || !rule_clinician_can_open(&c->st, h))
		goto out;
	solve_gather(c, h, true, &from);
	if (c->st.nmem[h] == 0 || !rule_open_size_ok(c->m, c->st.nmem[h]))
		goto out;
	solve_place_near(c, g);
	for (int k = 0; k < from.n; k++)
		solve_place_near(c, from.v[k]);
	kept = sched_score_cmp(&c->st.score, &before) > 0;
out:
	free(from.v);
	if (!kept) {
		sched_state_undo(&c->st, mark);
		return false;
	}
	if (mark == 0)
		c->st.ntrail = 0;
	return true;
}

/* Tries h, a closed group of g's clinician that can't open beside g. */
static bool
swap_try(struct solve_ctx *c, int g, int h)
{
	if (h == g || !c->potential[h] || c->st.nmem[h] > 0 ||
	    c->m->groups[h].clinician != c->m->groups[g].clinician ||
	    rule_clinician_can_open(&c->st, h))
		return false;
	return swap_one(c, g, h);
}

bool
solve_swap(struct solve_ctx *c)
{
	const struct sched_model *m = c->m;
	const struct sched_derived *d = c->d;
	bool any = false;

	for (int g = 0; g < m->ngroups && !solve_out_of_work(c); g++) {
		int cl = m->groups[g].clinician;

		for (int k = d->cg_first[cl]; k < d->cg_first[cl + 1] &&
		    c->st.nmem[g] > 0 && !solve_out_of_work(c); k++)
			any |= swap_try(c, g, d->cg[k]);
	}
	return any;
}
