/*
 * Greedy construction.  Every closed group that may open is tried: it is
 * filled with unplaced participants for whom it is viable (those who had
 * it before first, then those with the fewest other options, then by
 * index) up to its capacity, and the group whose trial gains most (SPEC 4
 * preference order: placed, kept, ...) and reaches group_size.min opens;
 * gains are kept in a heap and re-evaluated lazily (construct_open()).
 * After each opening, the unplaced near the new group are offered the
 * open groups again, since it may supply their makeups.
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

	for (int p = 0; p < c->m->nparticipants && !solve_out_of_work(c); p++)
		if (c->st.home[p] < 0 && c->nviable[p] > 0 &&
		    solve_best_insert(c, p, -1) >= 0)
			placed++;
	return placed;
}

/*
 * Offers the unplaced participants compatible with g (g's candidates, and
 * those g may now give a makeup) the open groups; returns how many took.
 */
int
solve_place_near(struct solve_ctx *c, int g)
{
	const struct sched_derived *d = c->d;
	int placed = 0;

	for (int k = d->gp_first[g]; k < d->gp_first[g + 1] &&
	    !solve_out_of_work(c); k++) {
		int p = d->gp[k];

		if (c->st.home[p] < 0 && c->nviable[p] > 0 &&
		    solve_best_insert(c, p, -1) >= 0)
			placed++;
	}
	return placed;
}

/*
 * A closed group waiting to open, keyed by what its trial fill gained
 * (a score difference) when last evaluated.
 */
struct construct_entry {
	struct sched_score gain;
	unsigned rank;
	int	g;
};

struct construct_heap {
	struct construct_entry *v;
	int	n;
};

/* True when entry a should open before entry b. */
static bool
construct_before(const struct construct_entry *a,
    const struct construct_entry *b)
{
	int cmp = sched_score_cmp(&a->gain, &b->gain);

	if (cmp != 0)
		return cmp > 0;
	if (a->rank != b->rank)
		return a->rank < b->rank;
	return a->g < b->g;
}

static void
construct_heap_push(struct construct_heap *h, const struct construct_entry *e)
{
	int k = h->n++;

	while (k > 0 && construct_before(e, &h->v[(k - 1) / 2])) {
		h->v[k] = h->v[(k - 1) / 2];
		k = (k - 1) / 2;
	}
	h->v[k] = *e;
}

static struct construct_entry
construct_heap_pop(struct construct_heap *h)
{
	struct construct_entry top = h->v[0], last = h->v[--h->n];
	int k = 0;

	for (;;) {
		int j = 2 * k + 1;

		if (j >= h->n)
			break;
		if (j + 1 < h->n && construct_before(&h->v[j + 1], &h->v[j]))
			j++;
		if (!construct_before(&h->v[j], &last))
			break;
		h->v[k] = h->v[j];
		k = j;
	}
	if (h->n > 0)
		h->v[k] = last;
	return top;
}

/* True when g is closed and could open now. */
static bool
construct_openable(const struct solve_ctx *c, int g)
{
	return c->potential[g] && c->st.nmem[g] == 0 &&
	    rule_clinician_can_open(&c->st, g);
}

/*
 * Fills closed g for a trial.  Returns true with the fill left in place
 * and *gain set when g reaches group_size.min; false with the state
 * unchanged otherwise.
 */
static bool
construct_try(struct solve_ctx *c, int g, bool deferred,
    struct construct_entry *e)
{
	struct sched_score before = c->st.score;
	size_t mark = sched_state_mark(&c->st);

	construct_fill(c, g, deferred);
	if (c->st.nmem[g] == 0 || !rule_open_size_ok(c->m, c->st.nmem[g])) {
		sched_state_undo(&c->st, mark);
		return false;
	}
	e->g = g;
	e->rank = solve_rank(c->seed, g);
	e->gain.placed = c->st.score.placed - before.placed;
	e->gain.kept = c->st.score.kept - before.kept;
	e->gain.open = c->st.score.open - before.open;
	e->gain.makeups = c->st.score.makeups - before.makeups;
	e->gain.against = c->st.score.against - before.against;
	return true;
}

/*
 * Lazy greedy opening: every openable group is evaluated once and kept
 * in a heap by its gain; the best is re-evaluated and opened when it still
 * beats every stored gain, else pushed back with its fresh gain.  Gains
 * mostly only shrink as people are placed, so few groups are evaluated
 * more than once per opening: near-linear where trying every group each
 * time was quadratic.  only, when not NULL, limits the groups tried.
 * Returns the number of groups opened.
 */
static int
construct_open(struct solve_ctx *c, bool deferred, const bool *only)
{
	struct construct_heap h;
	struct construct_entry e;
	int opened = 0;

	h.n = 0;
	h.v = xmalloc(((size_t)c->m->ngroups + 1) * sizeof h.v[0]);
	for (int g = 0; g < c->m->ngroups && !solve_out_of_work(c); g++) {
		size_t mark = sched_state_mark(&c->st);

		if ((only != NULL && !only[g]) || !construct_openable(c, g) ||
		    !construct_try(c, g, deferred, &e))
			continue;
		sched_state_undo(&c->st, mark);
		construct_heap_push(&h, &e);
	}
	while (h.n > 0 && !solve_out_of_work(c)) {
		struct construct_entry top = construct_heap_pop(&h);
		size_t mark = sched_state_mark(&c->st);

		if (!construct_openable(c, top.g) ||
		    !construct_try(c, top.g, deferred, &e))
			continue;
		if (h.n > 0 && !construct_before(&e, &h.v[0])) {
			sched_state_undo(&c->st, mark);
			construct_heap_push(&h, &e);
			continue;
		}
		opened++;
		if (!deferred)
			solve_place_near(c, top.g);
	}
	free(h.v);
	return opened;
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

/*
 * Groups that can only open together (each supplies the others' makeups):
 * opens them with members' short weeks deferred, then settles, and keeps
 * the result when it scores better.
 */
static void
construct_together(struct solve_ctx *c, const bool *only)
{
	struct sched_score before = c->st.score;
	size_t mark = sched_state_mark(&c->st);

	if (construct_open(c, true, only) == 0)
		return;
	solve_settle(c);
	solve_place_unplaced(c);
	if (sched_score_cmp(&c->st.score, &before) <= 0)
		sched_state_undo(&c->st, mark);
}

/*
 * Greedy construction over the groups only allows (all when NULL): opens
 * groups, each member covered on insertion, then those that need each
 * other, then again one at a time.
 */
void
solve_construct_some(struct solve_ctx *c, const bool *only)
{
	construct_open(c, false, only);
	construct_together(c, only);
	construct_open(c, false, only);
}

void
solve_construct(struct solve_ctx *c)
{
	solve_construct_some(c, NULL);
}
