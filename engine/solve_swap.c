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
#include <string.h>

#include "rules.h"
#include "solve.h"
#include "xmalloc.h"

/*
 * Empties open g: its members leave, the makeups others held in it are
 * covered elsewhere or their takers leave too.  False (undo to a mark)
 * when a leaver would take its own group below group_size.min.
 */
static bool
swap_vacate(struct solve_ctx *c, int g)
{
	const struct sched_model *m = c->m;
	const struct sched_group *gr = &m->groups[g];
	struct sched_ilist hit = { NULL, 0, 0 };
	bool ok = true;

	while (c->st.members[g].n > 0)
		solve_remove(c, c->st.members[g].v[c->st.members[g].n - 1]);
	for (int k = 0; k < m->weeks * gr->nsessions; k++) {
		int i = gr->first_instance + k;

		while (c->st.attendees[i].n > 0) {
			int q = c->st.attendees[i].v[0];

			sched_state_remove_makeup(&c->st, q, i);
			sched_ilist_push(&hit, q);
		}
	}
	for (int k = 0; k < hit.n && ok; k++) {
		int q = hit.v[k], h = c->st.home[q];

		if (h < 0 || solve_fix_weeks(c, q, NULL))
			continue;
		solve_remove(c, q);
		ok = c->st.nmem[h] == 0 || rule_open_size_ok(m, c->st.nmem[h]);
	}
	free(hit.v);
	return ok;
}

/*
 * Fills closed h: the unplaced first, then members of other groups up to
 * h's capacity (a move keeps the count; the seat it frees may take
 * someone unplaced), each source group kept at group_size.min.  The
 * groups that gave members are listed in from.
 */
static void
swap_fill(struct solve_ctx *c, int h, struct sched_ilist *from)
{
	const struct sched_ilist *cl = &c->cands[h];
	struct solve_fail f;

	for (int k = 0; k < cl->n; k++)
		if (c->st.home[cl->v[k]] < 0 &&
		    rule_capacity_fits(c->m, h, c->st.nmem[h] + 1))
			solve_insert(c, cl->v[k], h, &f);
	for (int k = 0; k < cl->n &&
	    rule_capacity_fits(c->m, h, c->st.nmem[h] + 1); k++) {
		int q = cl->v[k], src = c->st.home[q];
		size_t mark = sched_state_mark(&c->st);

		if (src < 0 || src == h || c->st.nmem[src] - 1 < c->m->group_min
		    || c->m->participants[q].previous_home == src)
			continue;
		solve_remove(c, q);
		if (solve_insert(c, q, h, &f))
			sched_ilist_push(from, src);
		else
			sched_state_undo(&c->st, mark);
	}
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
	swap_fill(c, h, &from);
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
	int *by = xcalloc((size_t)m->ngroups + 1, sizeof(int));
	int *first = xcalloc((size_t)m->nclinicians + 2, sizeof(int));
	int *at = xcalloc((size_t)m->nclinicians + 1, sizeof(int));
	bool any = false;

	/* Groups by clinician, so each pair is found without a scan. */
	for (int g = 0; g < m->ngroups; g++)
		first[m->groups[g].clinician + 1]++;
	for (int cl = 0; cl < m->nclinicians; cl++)
		first[cl + 1] += first[cl];
	for (int g = 0; g < m->ngroups; g++)
		by[first[m->groups[g].clinician] +
		    at[m->groups[g].clinician]++] = g;
	free(at);
	for (int g = 0; g < m->ngroups && !solve_out_of_work(c); g++) {
		int cl = m->groups[g].clinician;

		if (c->st.nmem[g] == 0)
			continue;
		for (int k = first[cl]; k < first[cl + 1] &&
		    c->st.nmem[g] > 0 && !solve_out_of_work(c); k++)
			any |= swap_try(c, g, by[k]);
	}
	free(by);
	free(first);
	return any;
}
