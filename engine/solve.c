/*
 * sched_solve(): the driver.  Bound and viability first (solve_bound.c),
 * then greedy construction (solve_construct.c), local search
 * (solve_improve.c) and ruin-and-recreate (solve_lns.c) on a struct
 * sched_state, on models small enough the exact method (solve_exact.c)
 * and exact repair of neighbourhoods (solve_repair.c), then the solution
 * is written out with a reason for every unplaced participant
 * (solve_reason.c) and checked by sched_check(): the solver never returns
 * a schedule the checker rejects.
 *
 * Effort is counted in state steps, never in wall-clock time, so that the
 * same input gives the same output.  A time limit is turned into a step
 * budget at a fixed rate.
 */
#include <assert.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "solve.h"
#include "solve_mip.h"
#include "status.h"
#include "xmalloc.h"

#define SOLVE_DEFAULT_WORK	20000000L
#define SOLVE_WORK_PER_SECOND	20000000.0
#define SOLVE_WORK_PER_PERSON	160000L	/* default effort per participant */
/*
 * ... up to this: at 20,000 participants (each with about 150 viable
 * groups) 3.2G steps, about 25 s, take the search within 1% of the bound,
 * inside the minute a region's run may take end to end.
 */
#define SOLVE_WORK_MAX		3200000000L
/* Where exact repair runs, it gets this fraction of the work. */
#define SOLVE_REPAIR_SHARE	3

/*
 * Heuristic effort: an explicit work limit, else the time limit at a
 * fixed rate, else a default that grows with the number of participants
 * (larger schedules need more steps to reach the same quality), capped.
 */
static long
solve_work_limit(const struct sched_model *m, const struct sched_solve_opts *o)
{
	long scaled = SOLVE_WORK_PER_PERSON * (long)m->nparticipants;

	if (o != NULL && o->work_limit > 0)
		return o->work_limit;
	if (o != NULL && o->time_limit > 0) {
		double w = o->time_limit * SOLVE_WORK_PER_SECOND;

		return w > 4e18 ? (long)4e18 : (long)w;
	}
	if (scaled > SOLVE_WORK_MAX)
		scaled = SOLVE_WORK_MAX;
	return scaled > SOLVE_DEFAULT_WORK ? scaled : SOLVE_DEFAULT_WORK;
}

void
solve_ctx_init(struct solve_ctx *c, const struct sched_model *m)
{
	memset(c, 0, sizeof *c);
	c->m = m;
	c->d = m->derived;
	sched_state_init(&c->st, m);
	solve_bound(c);
}

void
solve_ctx_release(struct solve_ctx *c)
{
	sched_state_release(&c->st);
	free(c->hm);
	free(c->viable);
	free(c->short_week);
	free(c->short_minutes);
	free(c->potential);
	free(c->potential0);
	free(c->nviable);
	if (c->cands != NULL)
		for (int g = 0; g < c->m->ngroups; g++)
			free(c->cands[g].v);
	free(c->cands);
}

/* p's makeups sorted by start, appended to s (participants in order). */
static void
solve_export_makeups(const struct solve_ctx *c, struct sched_solution *s,
    int p)
{
	const struct sched_ilist *l = &c->st.mk[p];

	for (int k = 0; k < l->n; k++)
		sched_solution_add_makeup(s, c->m, p, l->v[k]);
}

static void
solve_export(struct solve_ctx *c, struct sched_solution *s)
{
	sched_solution_init(s, c->m);
	for (int p = 0; p < c->m->nparticipants; p++) {
		s->home[p] = c->st.home[p];
		solve_export_makeups(c, s, p);
		if (s->home[p] < 0)
			s->reason[p] = solve_reason(c, p);
	}
	s->bound = c->bound;
	s->optimal = sched_placed_count(s) == c->bound;
}

int
sched_solve(const struct sched_model *m, const struct sched_solve_opts *o,
    struct sched_solution *s, char **cause)
{
	struct solve_ctx c;
	char *why = NULL;
	bool changed;
	long work;
	int rc = 0;

	if (m->derived == NULL) {
		sched_solution_init(s, m);
		*cause = xstrdup("solve: the model was not prepared");
		return IOP_EINTERNAL;
	}
	solve_ctx_init(&c, m);
	/*
	 * The greedy construction always completes (a schedule placing
	 * nobody helps no one); the limit bounds the improvement after it.
	 */
	c.work_limit = LONG_MAX;
	solve_construct(&c);
	work = solve_work_limit(m, o);
	c.work_limit = solve_repair_pays(&c) ? work - work /
	    SOLVE_REPAIR_SHARE : work;
	c.st.ntrail = 0;
	solve_improve(&c);
	solve_lns(&c);
	/* Hook: the exact method for small models (solve_exact.c). */
	changed = solve_exact(&c);
	/*
	 * Exact repair of neighbourhoods (solve_repair.c) on the rest of the
	 * work; a changed schedule, and where repair ran whatever work it
	 * left, then go to the local search and the polish.
	 */
	c.work_limit = work;
	changed |= solve_repair(&c);
	if (changed || solve_repair_pays(&c)) {
		c.st.ntrail = 0;
		solve_improve(&c);
		c.st.ntrail = 0;
		solve_polish(&c);
		c.st.ntrail = 0;
	}
	solve_export(&c, s);
	if (sched_placed_count(s) > s->bound) {
		*cause = xasprintf("solve: placed %d above the bound %d",
		    sched_placed_count(s), s->bound);
		rc = IOP_EINTERNAL;
	} else if (sched_check(m, s, &why) != 0) {
		*cause = xasprintf("solve: produced an invalid schedule: %s",
		    why);
		free(why);
		rc = IOP_EINTERNAL;
	}
	solve_ctx_release(&c);
	return rc;
}
