/*
 * Local search from the constructed schedule.  Each move is tried on the
 * state, kept when the score (SPEC 4 preference order) improves and the
 * schedule stays valid, and undone otherwise:
 *   place   an unplaced participant into an open group;
 *   eject   a member of a group an unplaced participant could join moves
 *           to another open group to make room (or leaves, when that lets
 *           more in);
 *   open    a closed group, filled with the unplaced and with members other
 *           groups can spare without falling below group_size.min;
 *   close   an open group, its members moved to other open groups;
 *   swap    a clinician's open group for one of its closed ones
 *           (solve_swap.c);
 *   move    one participant to another open group (kept, fewer makeups,
 *           fewer sessions against preference).
 * Passes repeat until none improves or the work limit is reached.
 */
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "solve.h"
#include "xmalloc.h"

/* Keeps the changes since mark when they beat before; true if kept. */
static bool
improve_settle(struct solve_ctx *c, size_t mark,
    const struct sched_score *before)
{
	if (sched_score_cmp(&c->st.score, before) > 0) {
		if (mark == 0)
			c->st.ntrail = 0;
		return true;
	}
	sched_state_undo(&c->st, mark);
	return false;
}

/* A copy of g's member list (caller frees). */
static int *
improve_members(const struct solve_ctx *c, int g, int *n)
{
	*n = c->st.members[g].n;
	int *v = xmalloc(((size_t)*n + 1) * sizeof(int));

	memcpy(v, c->st.members[g].v, (size_t)*n * sizeof(int));
	return v;
}

/* Offers open g to its unplaced candidates. */
static void
improve_refill(struct solve_ctx *c, int g)
{
	const struct sched_ilist *cl = &c->cands[g];
	struct solve_fail f;

	for (int k = 0; k < cl->n; k++)
		if (c->st.home[cl->v[k]] < 0)
			solve_insert(c, cl->v[k], g, &f);
}

/*
 * Makes room for unplaced p in open g by moving one member elsewhere, or
 * by leaving it out when that lets more of g's candidates in.
 */
static bool
improve_eject_into(struct solve_ctx *c, int p, int g)
{
	struct sched_score before = c->st.score;
	struct solve_fail f;
	int n, *mem = improve_members(c, g, &n);
	bool done = false;

	for (int k = 0; k < n && !done && !solve_out_of_work(c); k++) {
		size_t mark = sched_state_mark(&c->st);

		solve_remove(c, mem[k]);
		if (!solve_insert(c, p, g, &f)) {
			sched_state_undo(&c->st, mark);
			continue;
		}
		if (solve_best_insert(c, mem[k], g) < 0)
			improve_refill(c, g);
		done = improve_settle(c, mark, &before);
	}
	free(mem);
	return done;
}

static bool
improve_eject(struct solve_ctx *c)
{
	bool any = false;

	for (int p = 0; p < c->m->nparticipants; p++) {
		if (c->st.home[p] >= 0 || c->nviable[p] == 0)
			continue;
		for (int o = c->d->opt_first[p]; o < c->d->opt_first[p + 1] &&
		    c->st.home[p] < 0 && !solve_out_of_work(c); o++) {
			int g = c->d->opts[o].group;

			if (c->viable[o] && c->st.nmem[g] > 0 &&
			    improve_eject_into(c, p, g))
				any = true;
		}
	}
	return any;
}

/*
 * Fills closed g with the unplaced, then with members others can spare
 * (their groups kept at group_size.min): until g may open or, when full,
 * until it is at capacity.  from, unless NULL, lists the groups that gave
 * members, whose freed seats someone unplaced may take.
 */
void
solve_gather(struct solve_ctx *c, int g, bool full, struct sched_ilist *from)
{
	const struct sched_ilist *cl = &c->cands[g];
	struct solve_fail f;

	for (int k = 0; k < cl->n; k++)
		if (c->st.home[cl->v[k]] < 0 &&
		    rule_capacity_fits(c->m, g, c->st.nmem[g] + 1))
			solve_insert(c, cl->v[k], g, &f);
	for (int k = 0; k < cl->n && (full ?
	    rule_capacity_fits(c->m, g, c->st.nmem[g] + 1) :
	    c->st.nmem[g] == 0 || !rule_open_size_ok(c->m, c->st.nmem[g]));
	    k++) {
		int q = cl->v[k], h = c->st.home[q];
		size_t mark = sched_state_mark(&c->st);

		if (h < 0 || h == g || c->st.nmem[h] - 1 < c->m->group_min ||
		    c->m->participants[q].previous_home == h)
			continue;
		solve_remove(c, q);
		if (!solve_insert(c, q, g, &f))
			sched_state_undo(&c->st, mark);
		else if (from != NULL)
			sched_ilist_push(from, h);
	}
}

static bool
improve_open(struct solve_ctx *c)
{
	bool any = false;

	for (int g = 0; g < c->m->ngroups && !solve_out_of_work(c); g++) {
		struct sched_score before = c->st.score;
		size_t mark = sched_state_mark(&c->st);

		if (!c->potential[g] || c->st.nmem[g] > 0 ||
		    !rule_clinician_can_open(&c->st, g))
			continue;
		solve_gather(c, g, false, NULL);
		if (c->st.nmem[g] == 0 ||
		    !rule_open_size_ok(c->m, c->st.nmem[g])) {
			sched_state_undo(&c->st, mark);
			continue;
		}
		solve_place_near(c, g);
		any |= improve_settle(c, mark, &before);
	}
	return any;
}

/* Closes open g, moving its members to other open groups. */
static bool
improve_close_one(struct solve_ctx *c, int g)
{
	struct sched_score before = c->st.score;
	size_t mark = sched_state_mark(&c->st);
	int n, *mem = improve_members(c, g, &n);
	bool ok = true;

	for (int k = 0; k < n; k++)
		solve_remove(c, mem[k]);
	ok = solve_drop_guests(c, g, false);
	for (int k = 0; k < n && ok; k++)
		ok = solve_best_insert(c, mem[k], g) >= 0;
	free(mem);
	if (!ok) {
		sched_state_undo(&c->st, mark);
		return false;
	}
	return improve_settle(c, mark, &before);
}

static bool
improve_close(struct solve_ctx *c)
{
	bool any = false;

	for (int g = 0; g < c->m->ngroups && !solve_out_of_work(c); g++)
		if (c->st.nmem[g] > 0 && improve_close_one(c, g))
			any = true;
	return any;
}

/* Moves placed p to another open group when that scores better. */
static bool
improve_move_one(struct solve_ctx *c, int p)
{
	int h = c->st.home[p];

	for (int o = c->d->opt_first[p]; o < c->d->opt_first[p + 1]; o++) {
		struct sched_score before = c->st.score;
		size_t mark = sched_state_mark(&c->st);
		int g = c->d->opts[o].group;
		struct solve_fail f;

		if (g == h || !c->viable[o] || c->st.nmem[g] == 0)
			continue;
		solve_remove(c, p);
		if (rule_open_size_ok(c->m, c->st.nmem[h]) &&
		    (c->st.nmem[h] > 0 || solve_drop_guests(c, h, false)) &&
		    solve_insert(c, p, g, &f) &&
		    improve_settle(c, mark, &before))
			return true;
		sched_state_undo(&c->st, mark);
	}
	return false;
}

static bool
improve_move(struct solve_ctx *c)
{
	bool any = false;

	for (int p = 0; p < c->m->nparticipants && !solve_out_of_work(c); p++)
		if (c->st.home[p] >= 0 && improve_move_one(c, p))
			any = true;
	return any;
}

static bool
improve_chain(struct solve_ctx *c)
{
	return solve_chain(c, NULL) > 0;
}

/*
 * Runs the moves that place more people or open fewer groups until none
 * helps.
 */
void
solve_improve_loop(struct solve_ctx *c)
{
	bool again = true;

	while (again && !solve_out_of_work(c)) {
		struct sched_score before = c->st.score;

		solve_place_unplaced(c);
		c->st.ntrail = 0;
		(void)improve_chain(c);
		(void)improve_open(c);
		(void)improve_close(c);
		(void)solve_swap(c);
		if (c->st.score.placed == before.placed)
			(void)improve_eject(c);
		/* Another round only while the count placed or open moves. */
		again = c->st.score.placed != before.placed ||
		    c->st.score.open != before.open;
	}
}

/* solve_improve_loop() within three quarters of the work left. */
void
solve_improve(struct solve_ctx *c)
{
	long limit = c->work_limit;

	/*
	 * Leave a quarter for ruin and recreate and the polish: on large
	 * models these moves gain several times more per step than ruin
	 * and recreate, which rebuilds a whole track each time.
	 */
	if (c->st.work < limit)
		c->work_limit = c->st.work + (limit - c->st.work) / 4 * 3;
	solve_improve_loop(c);
	c->work_limit = limit;
}

/* One pass of the moves that mostly save makeups and against-sessions. */
void
solve_polish(struct solve_ctx *c)
{
	improve_move(c);
	improve_eject(c);
}
