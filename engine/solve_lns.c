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
	(void)solve_drop_guests(c, g, true);
	c->st.work += c->m->ngroups;
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

	bool *only = xcalloc((size_t)c->m->ngroups + 1, sizeof(bool));
	bool *tracks = xcalloc((size_t)c->m->ntracks + 1, sizeof(bool));
	bool kept;

	tracks[c->m->groups[g].track] = true;
	if (h >= 0)
		tracks[c->m->groups[h].track] = true;
	for (int k = 0; k < c->m->ngroups; k++)
		only[k] = tracks[c->m->groups[k].track];
	solve_ruin(c, g);
	if (h >= 0 && h != g)
		solve_ruin(c, h);
	c->seed = seed;
	/* Every third step recreates everywhere, as wide as ruin reaches. */
	solve_construct_some(c, seed % 3 == 0 ? NULL : only);
	c->seed = 0;
	if (seed % 3 == 0)
		solve_place_unplaced(c);
	solve_chain(c, tracks);
	kept = sched_score_cmp(&c->st.score, &before) > 0;
	free(only);
	free(tracks);
	if (kept)
		return true;
	sched_state_undo(&c->st, mark);
	return false;
}

/*
 * The k-th open group after a seeded rank order (k taken modulo the open
 * count); -1 when none is open.
 */
static int
lns_open_group(struct solve_ctx *c, unsigned seed, int salt)
{
	unsigned best = 0;
	int bestg = -1;

	for (int g = 0; g < c->m->ngroups; g++) {
		unsigned r = solve_rank(seed * 2u + (unsigned)salt + 1u, g);

		c->st.work++;
		if (c->st.nmem[g] > 0 && (bestg < 0 || r < best)) {
			best = r;
			bestg = g;
		}
	}
	return bestg;
}

/*
 * A second open group to ruin with g: one of the same track that shares
 * candidates with it (the first such member's other open group), or -1.
 */
static int
lns_partner(const struct solve_ctx *c, int g, unsigned seed)
{
	const struct sched_ilist *mem = &c->st.members[g];

	if (mem->n == 0)
		return -1;
	for (int k = 0; k < mem->n; k++) {
		int q = mem->v[(k + (int)(seed % (unsigned)mem->n)) % mem->n];

		for (int o = c->d->opt_first[q]; o < c->d->opt_first[q + 1];
		    o++) {
			int h = c->d->opts[o].group;

			if (h != g && c->viable[o] && c->st.nmem[h] > 0)
				return h;
		}
	}
	return -1;
}

void
solve_lns(struct solve_ctx *c)
{
	int ng = c->m->ngroups, idle = 0;
	long limit = c->work_limit;
	unsigned seed = 1;

	/* Keep a tenth of the work left for the polish. */
	if (c->st.work < limit)
		c->work_limit = c->st.work + (limit - c->st.work) / 10 * 9;

	/* Construction resets the trail, so each step starts from mark 0. */
	while (!solve_out_of_work(c) && idle < 8 * ng + 64) {
		int g = lns_open_group(c, seed, 0), h;

		if (g < 0)
			break;
		h = seed % 2 ? lns_partner(c, g, seed) : -1;
		c->st.ntrail = 0;
		if (lns_step(c, g, h, seed)) {
			solve_improve_loop(c);
			idle = 0;
		}
		else
			idle++;
		seed++;
	}
	c->work_limit = limit;
	c->st.ntrail = 0;
	solve_polish(c);
	c->st.ntrail = 0;
}
