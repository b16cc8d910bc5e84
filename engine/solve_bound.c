/*
 * The upper bound, and the viability of each (participant, group) option
 * the search starts from.
 *
 * An option (p, g) is viable when g may open and, in every week of p, p's
 * home minutes in g (fixed: p attends every running home instance) stay
 * within the maximum and, with the makeups_per_week longest makeups p could
 * attend in other groups that may open (ignoring capacity and overlaps
 * between makeups), reach the minimum.  A group may open while at least
 * group_size.min participants have it as a viable option and its clinician
 * could lead it alone; the two are iterated to a fixpoint.  Every group open
 * in an optimal schedule survives each round (its members' options stay
 * viable, their makeups lie in surviving groups), so every placed
 * participant of an optimum has a viable option: their count bounds the
 * optimum.  The bound is then capped per track by the capacities of the
 * groups that may open, per clinician by the seats of the best set of
 * groups it could lead (hours, max_groups, no clashes; a group's seats
 * are its capacity or, when fewer, its viable candidates), and by a maximum
 * flow of participants to the seats of their viable groups within those
 * clinician budgets (solve_seats.c).
 */
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "solve.h"
#include "xmalloc.h"

/* Fills c->hm: minutes p attends of each option's running home instances. */
static void
bound_home_minutes(struct solve_ctx *c)
{
	const struct sched_model *m = c->m;
	int W = m->weeks;

	c->hm = xcalloc((size_t)c->d->nopts * (size_t)W + 1, sizeof(int));
	for (int p = 0; p < m->nparticipants; p++)
		for (int o = c->d->opt_first[p]; o < c->d->opt_first[p + 1];
		    o++) {
			const struct sched_group *gr =
			    &m->groups[c->d->opts[o].group];
			int n = W * gr->nsessions;

			for (int k = 0; k < n; k++) {
				const struct sched_instance *in =
				    &m->instances[gr->first_instance + k];

				if (in->clinician_free &&
				    sched_option_bit(c->d, o, k))
					c->hm[(size_t)o * W + in->week] +=
					    in->minutes;
			}
		}
}

/*
 * Decides option o of p under the current c->potential; records the first
 * week that fails (what was last recorded stays when the group can't open:
 * -1 when it never could).
 */
static bool
bound_option_viable(struct solve_ctx *c, struct solve_menu *mn, int p, int o)
{
	const struct sched_model *m = c->m;
	const struct sched_participant *pa = &m->participants[p];
	int g = c->d->opts[o].group;

	if (!c->potential[g] || !rule_home_allowed(m, p, g))
		return false;
	for (int w = pa->first_week; w <= pa->last_week; w++) {
		int home = c->hm[(size_t)o * m->weeks + w], most = home;

		if (home >= pa->min_minutes && home <= m->max_minutes)
			continue;
		if (home < pa->min_minutes) {
			if (mn->p != p)
				solve_menu_build(c, p, c->potential, mn);
			if ((most = solve_menu_reach(c, mn, o, w)) >=
			    pa->min_minutes)
				continue;
		}
		c->short_week[o] = w;
		c->short_minutes[o] = most;
		return false;
	}
	return true;
}

/*
 * One round: re-decides the options still viable of the participants
 * marked in dirty (potential only shrinks, so a lost option stays lost);
 * then marks, for the next round, the participants of every group that
 * lost hope: nobody else's options can change.  True when one did.
 */
static bool
bound_round(struct solve_ctx *c, bool *dirty)
{
	const struct sched_model *m = c->m;
	int *count = xcalloc((size_t)m->ngroups + 1, sizeof(int));
	int need = m->group_min > 1 ? m->group_min : 1;
	struct solve_menu mn = { .p = -1 };
	bool changed = false;

	/* The menu is built lazily, once per participant and round. */
	for (int p = 0; p < m->nparticipants; p++)
		for (int o = c->d->opt_first[p]; o < c->d->opt_first[p + 1];
		    o++) {
			if (c->viable[o] && dirty[p])
				c->viable[o] = bound_option_viable(c, &mn, p,
				    o);
			count[c->d->opts[o].group] += c->viable[o];
		}
	solve_menu_release(&mn);
	memset(dirty, 0, (size_t)m->nparticipants * sizeof(bool));
	for (int g = 0; g < m->ngroups; g++)
		if (c->potential[g] && count[g] < need) {
			c->potential[g] = false;
			changed = true;
			for (int k = c->d->gp_first[g]; k < c->d->gp_first[g + 1];
			    k++)
				dirty[c->d->gp[k]] = true;
		}
	free(count);
	return changed;
}

/* Groups a clinician could lead alone, with room for group_size.min. */
static void
bound_potential(struct solve_ctx *c)
{
	const struct sched_model *m = c->m;
	int need = m->group_min > 1 ? m->group_min : 1;

	c->potential = xcalloc((size_t)m->ngroups + 1, sizeof(bool));
	for (int g = 0; g < m->ngroups; g++) {
		const struct sched_group *gr = &m->groups[g];
		const struct sched_clinician *cl = &m->clinicians[gr->clinician];

		c->potential[g] = gr->capacity >= need && cl->max_groups != 0 &&
		    gr->weekly_minutes <= cl->max_minutes;
	}
}

/*
 * The most members g could have: its capacity, or fewer when fewer
 * participants have it as a viable option.
 */
static int
bound_seats(const struct solve_ctx *c, int g)
{
	int cap = c->m->groups[g].capacity;

	return c->cands[g].n < cap ? c->cands[g].n : cap;
}

static int
bound_int_desc(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x < y) - (x > y);
}

/*
 * The most seats clinician cl could offer: the best set of its groups
 * that may open within its weekly hours, max_groups and without clashes,
 * by enumeration when it leads few groups, else its max_groups largest.
 */
static int
bound_clinician_best(const struct solve_ctx *c, int cl, const int *gs, int n)
{
	const struct sched_model *m = c->m;
	const struct sched_clinician *cc = &m->clinicians[cl];
	int *caps, best = 0;

	if (n > 14) {
		caps = xcalloc((size_t)n + 1, sizeof(int));
		for (int k = 0; k < n; k++)
			caps[k] = bound_seats(c, gs[k]);
		qsort(caps, (size_t)n, sizeof caps[0], bound_int_desc);
		for (int k = 0; k < n && (cc->max_groups < 0 ||
		    k < cc->max_groups); k++)
			best += caps[k];
		free(caps);
		return best;
	}
	for (unsigned set = 1; set < (1u << n); set++) {
		int count = 0, minutes = 0, seats = 0;
		bool ok = true;

		for (int k = 0; k < n && ok; k++) {
			if (!(set & (1u << k)))
				continue;
			count++;
			minutes += m->groups[gs[k]].weekly_minutes;
			seats += bound_seats(c, gs[k]);
			for (int j = 0; j < k && ok; j++)
				ok = !(set & (1u << j)) ||
				    !rule_clinician_groups_conflict(m, gs[j],
				    gs[k]);
		}
		if (ok && minutes <= cc->max_minutes && (cc->max_groups < 0 ||
		    count <= cc->max_groups) && seats > best)
			best = seats;
	}
	return best;
}

/* Seats the clinicians could offer together; budget[cl] gets each's. */
static int
bound_clinician_seats(const struct solve_ctx *c, int *budget)
{
	const struct sched_model *m = c->m;
	int *gs = xcalloc((size_t)m->ngroups + 1, sizeof(int)), seats = 0;

	for (int cl = 0; cl < m->nclinicians; cl++) {
		int n = 0;

		for (int k = c->d->cg_first[cl]; k < c->d->cg_first[cl + 1]; k++)
			if (c->potential[c->d->cg[k]])
				gs[n++] = c->d->cg[k];
		budget[cl] = bound_clinician_best(c, cl, gs, n);
		seats += budget[cl];
	}
	free(gs);
	return seats;
}

/* The per-track cap: viable participants, at most the seats of the track. */
static int
bound_tracks(const struct solve_ctx *c)
{
	const struct sched_model *m = c->m;
	long *seats = xcalloc((size_t)m->ntracks + 1, sizeof(long));
	long *people = xcalloc((size_t)m->ntracks + 1, sizeof(long));
	long total = 0;

	for (int g = 0; g < m->ngroups; g++)
		if (c->potential[g])
			seats[m->groups[g].track] += bound_seats(c, g);
	for (int p = 0; p < m->nparticipants; p++)
		if (c->nviable[p] > 0)
			people[m->participants[p].track]++;
	for (int t = 0; t < m->ntracks; t++)
		total += people[t] < seats[t] ? people[t] : seats[t];
	free(seats);
	free(people);
	return (int)total;
}

void
solve_bound(struct solve_ctx *c)
{
	const struct sched_model *m = c->m;
	size_t nopts = (size_t)c->d->nopts + 1;
	bool *dirty;
	int seats, *budget;

	bound_home_minutes(c);
	bound_potential(c);
	c->potential0 = xmalloc(((size_t)m->ngroups + 1) * sizeof(bool));
	memcpy(c->potential0, c->potential, (size_t)m->ngroups * sizeof(bool));
	c->viable = xcalloc(nopts, sizeof(bool));
	c->short_week = xcalloc(nopts, sizeof(int));
	c->short_minutes = xcalloc(nopts, sizeof(int));
	for (size_t o = 0; o < nopts; o++) {
		c->short_week[o] = -1;
		c->viable[o] = true;
	}
	dirty = xmalloc(((size_t)m->nparticipants + 1) * sizeof(bool));
	memset(dirty, 1, ((size_t)m->nparticipants + 1) * sizeof(bool));
	while (bound_round(c, dirty))
		;
	free(dirty);
	c->nviable = xcalloc((size_t)m->nparticipants + 1, sizeof(int));
	c->cands = xcalloc((size_t)m->ngroups + 1, sizeof(c->cands[0]));
	for (int p = 0; p < m->nparticipants; p++)
		for (int o = c->d->opt_first[p]; o < c->d->opt_first[p + 1];
		    o++)
			if (c->viable[o]) {
				c->nviable[p]++;
				sched_ilist_push(&c->cands[c->d->opts[o].group],
				    p);
			}
	c->bound = bound_tracks(c);
	budget = xcalloc((size_t)m->nclinicians + 1, sizeof(int));
	seats = bound_clinician_seats(c, budget);
	if (seats < c->bound)
		c->bound = seats;
	seats = solve_seat_flow(c, budget);
	if (seats < c->bound)
		c->bound = seats;
	free(budget);
}
