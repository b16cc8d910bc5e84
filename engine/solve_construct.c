/*
 * Greedy construction.  Repeatedly, every closed group that may open is
 * tried: it is filled with unplaced participants for whom it is viable
 * (those who had it before first, then those with the fewest other
 * options, then by index) up to its capacity, and the trial with the best
 * score (SPEC 4 preference order: placed, kept, ...) that reaches
 * group_size.min is kept.  After each opening, the unplaced are offered
 * the open groups again, since the new group may supply their makeups.
 */
#include <stdlib.h>

#include "rules.h"
#include "solve.h"
#include "xmalloc.h"

/* Fill order of p for group g; lower comes first. */
static long long
construct_key(const struct solve_ctx *c, int p, int g)
{
	long long prev = c->m->participants[p].previous_home == g ? 0 : 1;

	/* Recreating (solve_lns.c) varies the order to escape the greedy's. */
	switch (c->seed % 3) {
	case 1:
		return solve_rank(c->seed, p);
	case 2:
		return ((long long)c->nviable[p] << 32) + solve_rank(c->seed, p);
	default:
		return (prev << 52) + ((long long)c->nviable[p] << 32) +
		    solve_rank(c->seed, p);
	}
}

struct construct_slot {
	long long key;
	int	p;
};

static int
construct_slot_cmp(const void *a, const void *b)
{
	const struct construct_slot *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (x->p > y->p) - (x->p < y->p);
}

/*
 * Inserts unplaced candidates of g in fill order; returns how many.
 * deferred: leave their short weeks for solve_settle().
 */
static int
construct_fill(struct solve_ctx *c, int g, bool deferred)
{
	const struct sched_ilist *cl = &c->cands[g];
	struct construct_slot *order;
	struct solve_fail f;
	int n = 0, added = 0;

	order = xmalloc(((size_t)cl->n + 1) * sizeof order[0]);
	for (int k = 0; k < cl->n; k++)
		if (c->st.home[cl->v[k]] < 0) {
			order[n].key = construct_key(c, cl->v[k], g);
			order[n++].p = cl->v[k];
		}
	qsort(order, (size_t)n, sizeof order[0], construct_slot_cmp);
	for (int k = 0; k < n && rule_capacity_fits(c->m, g,
	    c->st.nmem[g] + 1); k++)
		added += deferred ?
		    solve_insert_deferred(c, order[k].p, g, &f) :
		    solve_insert(c, order[k].p, g, &f);
	free(order);
	return added;
}

/* Offers every unplaced participant the open groups; returns how many took. */
int
solve_place_unplaced(struct solve_ctx *c)
{
	int placed = 0;

	for (int p = 0; p < c->m->nparticipants; p++)
		if (c->st.home[p] < 0 && c->nviable[p] > 0 &&
		    solve_best_insert(c, p, -1) >= 0)
			placed++;
	return placed;
}

/* Tries opening each closed group; returns the best to open, or -1. */
static int
construct_pick(struct solve_ctx *c, bool deferred)
{
	struct sched_score best = { 0, 0, 0, 0, 0 };
	int bestg = -1;

	for (int g = 0; g < c->m->ngroups; g++) {
		size_t mark = sched_state_mark(&c->st);

		if (!c->potential[g] || c->st.nmem[g] > 0 ||
		    !rule_clinician_can_open(&c->st, g))
			continue;
		construct_fill(c, g, deferred);
		if (c->st.nmem[g] > 0 && rule_open_size_ok(c->m, c->st.nmem[g])) {
			int cmp = bestg < 0 ? 1 :
			    sched_score_cmp(&c->st.score, &best);

			if (cmp > 0 || (cmp == 0 && solve_rank(c->seed, g) <
			    solve_rank(c->seed, bestg))) {
				best = c->st.score;
				bestg = g;
			}
		}
		sched_state_undo(&c->st, mark);
	}
	return bestg;
}

/* True when p's weeks all lie within the hours. */
static bool
construct_covered(const struct solve_ctx *c, int p)
{
	const struct sched_participant *pa = &c->m->participants[p];

	for (int w = pa->first_week; w <= pa->last_week; w++)
		if (!rule_hours_week_ok(c->m, p, sched_state_week(&c->st, p, w)))
			return false;
	return true;
}

/*
 * Makes a state with deferred members valid again: covers everyone's short
 * weeks with makeups, unplaces those it can't, and ruins the groups that
 * leaves below group_size.min (solve_ruin() repairs what follows).
 */
void
solve_settle(struct solve_ctx *c)
{
	for (int p = 0; p < c->m->nparticipants; p++)
		if (c->st.home[p] >= 0 && !construct_covered(c, p) &&
		    !solve_fix_weeks(c, p, NULL))
			solve_remove(c, p);
	for (int g = 0; g < c->m->ngroups; g++)
		if (!rule_open_size_ok(c->m, c->st.nmem[g]) ||
		    (c->st.nmem[g] == 0 && c->st.guests[g] > 0))
			solve_ruin(c, g);
}

/* Opens groups one at a time, each member covered on insertion. */
static void
construct_strict(struct solve_ctx *c)
{
	int g;

	while ((g = construct_pick(c, false)) >= 0) {
		construct_fill(c, g, false);
		solve_place_unplaced(c);
	}
}

/*
 * Groups that can only open together (each supplies the others' makeups):
 * opens them with members' short weeks deferred, then settles, and keeps
 * the result when it scores better.
 */
static void
construct_together(struct solve_ctx *c)
{
	struct sched_score before = c->st.score;
	size_t mark = sched_state_mark(&c->st);
	int g;

	while ((g = construct_pick(c, true)) >= 0)
		construct_fill(c, g, true);
	solve_settle(c);
	solve_place_unplaced(c);
	if (sched_score_cmp(&c->st.score, &before) <= 0)
		sched_state_undo(&c->st, mark);
}

void
solve_construct(struct solve_ctx *c)
{
	construct_strict(c);
	construct_together(c);
	construct_strict(c);
}
