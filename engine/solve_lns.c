/*
 * Ruin and recreate (large neighbourhood search).  An open group, and the
 * next one in turn, are emptied (solve_ruin()), and the greedy
 * construction runs again with its ties broken by a different seed, so
 * that it can open groups in another order (opening G2 first may give G1's
 * members the makeups they need).  The result is kept when it scores
 * better, else undone.  Deterministic: seeds are the iteration numbers.
 */
#include <stdlib.h>

#include "rules.h"
#include "solve.h"
#include "xmalloc.h"

/* Removes guests of closed g, re-covering their weeks or unplacing them. */
static void
lns_evict_guests(struct solve_ctx *c, int g)
{
	const struct sched_group *gr = &c->m->groups[g];
	int n = c->m->weeks * gr->nsessions;
	struct sched_ilist hit = { NULL, 0, 0 };

	for (int k = 0; k < n; k++) {
		int i = gr->first_instance + k;

		while (c->st.attendees[i].n > 0) {
			int q = c->st.attendees[i].v[0];

			sched_state_remove_makeup(&c->st, q, i);
			sched_ilist_push(&hit, q);
		}
	}
	for (int k = 0; k < hit.n; k++)
		if (c->st.home[hit.v[k]] >= 0 &&
		    !solve_fix_weeks(c, hit.v[k], NULL))
			solve_remove(c, hit.v[k]);
	free(hit.v);
}

/*
 * Closes g: unplaces its members, re-covers or unplaces its guests, and
 * ruins in turn any group left below group_size.min or closed with guests,
 * so that the state is valid again afterwards (the repair step).
 */
void
solve_ruin(struct solve_ctx *c, int g)
{
	while (c->st.members[g].n > 0)
		solve_remove(c, c->st.members[g].v[c->st.members[g].n - 1]);
	lns_evict_guests(c, g);
	for (int h = 0; h < c->m->ngroups; h++)
		if (!rule_open_size_ok(c->m, c->st.nmem[h]) ||
		    (c->st.nmem[h] == 0 && c->st.guests[h] > 0))
			solve_ruin(c, h);
}

/* One ruin-and-recreate step around open group g; true when kept. */
static bool
lns_step(struct solve_ctx *c, int g, int h, unsigned seed)
{
	struct sched_score before = c->st.score;
	size_t mark = sched_state_mark(&c->st);

	solve_ruin(c, g);
	if (h >= 0 && h != g)
		solve_ruin(c, h);
	c->seed = seed;
	solve_construct(c);
	c->seed = 0;
	solve_place_unplaced(c);
	if (sched_score_cmp(&c->st.score, &before) > 0)
		return true;
	sched_state_undo(&c->st, mark);
	return false;
}

void
solve_lns(struct solve_ctx *c)
{
	int ng = c->m->ngroups, idle = 0;
	unsigned seed = 1;

	/* Construction resets the trail, so each step starts from mark 0. */
	while (!solve_out_of_work(c) && idle < 2 * ng + 8) {
		int g = (int)(solve_rank(seed, 0) % (unsigned)(ng ? ng : 1));
		int h = (int)(solve_rank(seed, 1) % (unsigned)(ng ? ng : 1));

		if (ng == 0)
			break;
		c->st.ntrail = 0;
		if (lns_step(c, g, seed % 2 ? h : -1, seed)) {
			solve_improve(c);
			idle = 0;
		} else
			idle++;
		seed++;
	}
	c->st.ntrail = 0;
}
