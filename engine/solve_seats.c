/*
 * The seat flow bound.  In any valid schedule each placed participant is a
 * home member of one group it has as a viable option, a group holds at
 * most its capacity, and a clinician's open groups hold at most the seats
 * of the best set of groups it could lead (its budget, solve_bound.c).
 * So the maximum flow in
 *
 *     source -1-> participant -> group -capacity-> clinician -budget-> sink
 *
 * bounds the optimum, and is at most both the plain matching of people to
 * seats and the clinicians' seat total: it sees that the people who could
 * fill one clinician's seats are the ones another needs.
 *
 * Augmenting paths in the style of Kuhn's matching, on an implicit graph:
 * a participant tries its groups; a group with room whose clinician has
 * budget left takes it; a group with room whose clinician is at budget
 * sends one of the clinician's members elsewhere (a backward step through
 * the clinician node); a full group sends one of its own members
 * elsewhere.  Groups and clinicians visited by a failed search keep their
 * marks until the next success (the residual graph has not changed), so
 * failures cost one pass over the graph between two successes.
 */
#include <stdlib.h>

#include "solve.h"
#include "xmalloc.h"

struct seats {
	const struct solve_ctx *c;
	const int *budget;		/* clinician: most members */
	int	*cused;			/* clinician: members now */
	int	*seat_of;		/* group x capacity: participant */
	int	*first_seat;		/* group: offset of its seats */
	int	*used;			/* group: seats taken, the first ones */
	int	*seen;			/* group: last search that visited it */
	int	*cseen;			/* clinician: the same */
	int	stamp;
};

static bool	seats_augment(struct seats *s, int p);

static int
seats_room(const struct seats *s, int g)
{
	return s->first_seat[g + 1] - s->first_seat[g] - s->used[g];
}

/* Seats p in g (room there and in its clinician's budget). */
static void
seats_take(struct seats *s, int p, int g)
{
	s->seat_of[s->first_seat[g] + s->used[g]++] = p;
	s->cused[s->c->m->groups[g].clinician]++;
}

/* Frees seat k of group g (its occupant has moved on). */
static void
seats_drop(struct seats *s, int g, int k)
{
	int last = s->first_seat[g] + --s->used[g];

	s->seat_of[k] = s->seat_of[last];
	s->seat_of[last] = -1;
	s->cused[s->c->m->groups[g].clinician]--;
}

/*
 * Clinician cl is at budget: moves one of its members elsewhere, which
 * frees a unit of budget.  True when one moved.
 */
static bool
seats_free_budget(struct seats *s, int cl)
{
	if (s->cseen[cl] == s->stamp)
		return false;
	s->cseen[cl] = s->stamp;
	for (int j = s->c->d->cg_first[cl]; j < s->c->d->cg_first[cl + 1];
	    j++) {
		int g = s->c->d->cg[j];

		/* The path passes g (backwards): mark it like any visit. */
		if (s->seen[g] == s->stamp)
			continue;
		s->seen[g] = s->stamp;
		for (int k = s->first_seat[g]; k < s->first_seat[g] +
		    s->used[g]; k++)
			if (seats_augment(s, s->seat_of[k])) {
				seats_drop(s, g, k);
				return true;
			}
	}
	return false;
}

/* One step into g for p: true when p now has a seat there. */
static bool
seats_enter(struct seats *s, int p, int g)
{
	int cl = s->c->m->groups[g].clinician;

	s->seen[g] = s->stamp;
	if (seats_room(s, g) > 0) {
		if (s->cused[cl] < s->budget[cl] || seats_free_budget(s, cl)) {
			seats_take(s, p, g);
			return true;
		}
		return false;
	}
	for (int k = s->first_seat[g]; k < s->first_seat[g + 1]; k++)
		if (seats_augment(s, s->seat_of[k])) {
			s->seat_of[k] = p;
			return true;
		}
	return false;
}

/* An augmenting path from p; the look-ahead takes a free seat at once. */
static bool
seats_augment(struct seats *s, int p)
{
	const struct solve_ctx *c = s->c;
	int first = c->d->opt_first[p], last = c->d->opt_first[p + 1];

	for (int o = first; o < last; o++) {
		int g = c->d->opts[o].group, cl = c->m->groups[g].clinician;

		if (c->viable[o] && s->seen[g] != s->stamp &&
		    seats_room(s, g) > 0 && s->cused[cl] < s->budget[cl]) {
			seats_take(s, p, g);
			return true;
		}
	}
	for (int o = first; o < last; o++) {
		int g = c->d->opts[o].group;

		if (c->viable[o] && s->seen[g] != s->stamp &&
		    seats_enter(s, p, g))
			return true;
	}
	return false;
}

/* Lays out the seats of the groups that may open. */
static void
seats_init(struct seats *s, const struct solve_ctx *c, const int *budget)
{
	const struct sched_model *m = c->m;
	size_t ng = (size_t)m->ngroups + 1, nc = (size_t)m->nclinicians + 2;
	int n = 0;

	s->c = c;
	s->budget = budget;
	s->first_seat = xcalloc(ng, sizeof(int));
	for (int g = 0; g < m->ngroups; g++) {
		s->first_seat[g] = n;
		n += c->potential[g] ? m->groups[g].capacity : 0;
	}
	s->first_seat[m->ngroups] = n;
	s->seat_of = xmalloc(((size_t)n + 1) * sizeof(int));
	for (int k = 0; k < n; k++)
		s->seat_of[k] = -1;
	s->used = xcalloc(ng, sizeof(int));
	s->seen = xcalloc(ng, sizeof(int));
	s->cused = xcalloc(nc, sizeof(int));
	s->cseen = xcalloc(nc, sizeof(int));
	s->stamp = 1;
}

static void
seats_release(struct seats *s)
{
	free(s->first_seat);
	free(s->seat_of);
	free(s->used);
	free(s->seen);
	free(s->cused);
	free(s->cseen);
}

int
solve_seat_flow(const struct solve_ctx *c, const int *budget)
{
	struct seats s;
	int flow = 0;

	seats_init(&s, c, budget);
	for (int p = 0; p < c->m->nparticipants; p++)
		if (c->nviable[p] > 0 && seats_augment(&s, p)) {
			flow++;
			s.stamp++;
		}
	seats_release(&s);
	return flow;
}
