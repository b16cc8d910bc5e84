/*
 * The search's elementary moves: insert one participant into a group (with
 * the makeups its short weeks need), take one out, and re-cover the guests
 * of a group that closes.  Every move asks rules.h first or undoes itself,
 * so the state stays valid except for rule 7, which needs several members
 * at once: callers check sched_state's member counts before accepting.
 */
#include <stdlib.h>

#include "rules.h"
#include "solve.h"

bool
solve_out_of_work(const struct solve_ctx *c)
{
	return c->st.work > c->work_limit;
}

/* Checks g's running instances p would attend (rules 6 and 9). */
static bool
move_sessions_fit(struct solve_ctx *c, int p, int g, int o,
    struct solve_fail *f)
{
	const struct sched_model *m = c->m;
	const struct sched_group *gr = &m->groups[g];
	int n = m->weeks * gr->nsessions;

	for (int k = 0; k < n; k++) {
		int i = gr->first_instance + k, q;

		if (!m->instances[i].clinician_free ||
		    !sched_option_bit(c->d, o, k))
			continue;
		c->st.work++;
		if (!rule_capacity_fits(m, g, c->st.att[i] + 1)) {
			f->kind = SOLVE_FAIL_SESSION_FULL;
			f->instance = i;
			return false;
		}
		if ((q = rule_agency_blocker(&c->st, p, i)) >= 0) {
			f->kind = SOLVE_FAIL_AGENCY;
			f->instance = i;
			f->peer = q;
			return false;
		}
	}
	return true;
}

/*
 * Makes g the home of unplaced p, adding makeups for short weeks.  Returns
 * true, or false with the state unchanged and *f saying why.  g may be
 * closed (this opens it; rule 7 is the caller's business).
 */
static bool
move_insert(struct solve_ctx *c, int p, int g, struct solve_fail *f,
    bool cover)
{
	int o = solve_option(c, p, g);
	size_t mark;

	f->kind = SOLVE_FAIL_NONE;
	if (o < 0 || !c->viable[o]) {
		f->kind = SOLVE_FAIL_NOT_VIABLE;
		return false;
	}
	if (!rule_capacity_fits(c->m, g, c->st.nmem[g] + 1)) {
		f->kind = SOLVE_FAIL_FULL;
		return false;
	}
	if (c->st.nmem[g] == 0 && !rule_clinician_can_open(&c->st, g)) {
		f->kind = SOLVE_FAIL_CLINICIAN;
		return false;
	}
	if (!move_sessions_fit(c, p, g, o, f))
		return false;
	mark = sched_state_mark(&c->st);
	sched_state_set_home(&c->st, p, g);
	if (cover && !solve_fix_weeks(c, p, &f->week)) {
		sched_state_undo(&c->st, mark);
		f->kind = SOLVE_FAIL_HOURS;
		return false;
	}
	return true;
}

bool
solve_insert(struct solve_ctx *c, int p, int g, struct solve_fail *f)
{
	return move_insert(c, p, g, f, true);
}

/*
 * Like solve_insert() but leaves short weeks uncovered, for groups that
 * will supply each other's makeups once all are open: the caller runs
 * solve_settle() before the state counts as valid.
 */
bool
solve_insert_deferred(struct solve_ctx *c, int p, int g, struct solve_fail *f)
{
	return move_insert(c, p, g, f, false);
}

/* Unplaces p: drops its makeups and its home. */
void
solve_remove(struct solve_ctx *c, int p)
{
	while (c->st.mk[p].n > 0)
		sched_state_remove_makeup(&c->st, p,
		    c->st.mk[p].v[c->st.mk[p].n - 1]);
	if (c->st.home[p] >= 0)
		sched_state_clear_home(&c->st, p);
}

/*
 * Group g has just closed: removes the makeups others held in it and
 * covers their weeks again elsewhere.  A guest that can't be covered
 * leaves when unplace is set (its own group may then fall below
 * group_size.min: the caller's business); otherwise the result is false
 * (undo to a mark).
 */
bool
solve_drop_guests(struct solve_ctx *c, int g, bool unplace)
{
	const struct sched_group *gr = &c->m->groups[g];
	int n = c->m->weeks * gr->nsessions, ok = 1;
	struct sched_ilist hit = { NULL, 0, 0 };

	if (c->st.guests[g] == 0)
		return true;
	for (int k = 0; k < n; k++) {
		int i = gr->first_instance + k;

		while (c->st.attendees[i].n > 0) {
			int q = c->st.attendees[i].v[0];

			sched_state_remove_makeup(&c->st, q, i);
			sched_ilist_push(&hit, q);
		}
	}
	for (int k = 0; k < hit.n && ok; k++) {
		int q = hit.v[k];

		if (unplace && c->st.home[q] < 0)
			continue;	/* left already */
		ok = solve_fix_weeks(c, q, NULL);
		if (!ok && unplace) {
			solve_remove(c, q);
			ok = 1;
		}
	}
	free(hit.v);
	return ok;
}

/*
 * Puts unplaced p into the open group (not except) that gives the best
 * score; returns the group, or -1 with the state unchanged.
 */
int
solve_best_insert(struct solve_ctx *c, int p, int except)
{
	struct sched_score best = { 0, 0, 0, 0, 0 };
	struct solve_fail f;
	int bestg = -1;

	for (int o = c->d->opt_first[p]; o < c->d->opt_first[p + 1]; o++) {
		int g = c->d->opts[o].group;
		size_t mark = sched_state_mark(&c->st);

		c->st.work++;	/* a look costs time even when it fails */
		if (!c->viable[o] || g == except || c->st.nmem[g] == 0 ||
		    !rule_capacity_fits(c->m, g, c->st.nmem[g] + 1))
			continue;
		if (!solve_insert(c, p, g, &f))
			continue;
		if (bestg < 0 || sched_score_cmp(&c->st.score, &best) > 0) {
			best = c->st.score;
			bestg = g;
		}
		sched_state_undo(&c->st, mark);
	}
	if (bestg >= 0 && !solve_insert(c, p, bestg, &f))
		return -1;	/* cannot happen: the same move just worked */
	return bestg;
}
