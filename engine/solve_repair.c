/*
 * Large-neighbourhood search with exact repair.  A neighbourhood is a few
 * clinicians of one track that share candidates: all their groups, the
 * participants at home in them and the unplaced who could be.  Those
 * participants are taken out, and the MIP of what is left free
 * (solve_mip_build_scoped(): their homes, their makeups anywhere with a
 * seat, which of the clinicians' groups open) is solved by GLPK with the
 * row "place more than before", so that any solution it finds is an
 * improvement.  The greedy moves of solve_improve.c and solve_lns.c see
 * one or two participants at a time; the MIP sees how forty of them can
 * trade homes and makeup seats at once, which is where they fall short.
 *
 * Determinism: neighbourhoods are taken in a fixed order, and each search
 * stops after as many branch-and-bound nodes as the work left pays for
 * (charged per nonzero of its MIP, at most REPAIR_NODES): counted, never
 * timed.
 */
#include <glpk.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "solve_mip.h"
#include "xmalloc.h"

/* Clinicians in a neighbourhood, and the most free participants. */
#define REPAIR_CLINICIANS	6
#define REPAIR_MAX_FREE		110
/*
 * Measured (gen_scenario.py, seed 1): on 600 and 1,000 participants it
 * places 3 and 2 more (5 and 3 with no work limit); at 3,000 a
 * neighbourhood's MIP takes about 0.1 s and 157 of them placed none
 * more, so larger models skip it.
 */
#define REPAIR_MAX_PEOPLE	1500
/*
 * Branch-and-bound nodes per neighbourhood, and the work charged per
 * nonzero of its MIP: for the root (presolve and LP) and per node,
 * measured on GLPK 5.0 against the steps-per-second rate of solve.c.
 */
#define REPAIR_NODES		40
#define REPAIR_ROOT_COST	64
#define REPAIR_NODE_COST	40

struct repair {
	struct solve_ctx *c;
	bool	*pfree;			/* participant */
	bool	*gfree;			/* group */
	int	*score;			/* clinician: candidates shared */
	bool	*mark;			/* participant: a candidate of the seed */
	int	nfree;
	int	placed_free;		/* of them placed before */
	int	nodes;			/* counted by the callback */
	int	max_nodes;
	bool	spent;			/* the work left pays for no node */
};

static void
repair_callback(glp_tree *T, void *info)
{
	struct repair *r = info;

	if (glp_ios_reason(T) == GLP_IBRANCH || glp_ios_reason(T) ==
	    GLP_ISELECT) {
		if (glp_ios_reason(T) == GLP_ISELECT)
			r->nodes++;
		if (r->nodes > r->max_nodes)
			glp_ios_terminate(T);
	}
}

/* True when clinician cl has a group of track t that may open. */
static bool
repair_leads(const struct solve_ctx *c, int cl, int t)
{
	for (int k = c->d->cg_first[cl]; k < c->d->cg_first[cl + 1]; k++)
		if (c->potential[c->d->cg[k]] &&
		    c->m->groups[c->d->cg[k]].track == t)
			return true;
	return false;
}

/* Marks the viable candidates of clinician cl's groups. */
static void
repair_mark_candidates(struct repair *r, int cl)
{
	const struct solve_ctx *c = r->c;

	for (int k = c->d->cg_first[cl]; k < c->d->cg_first[cl + 1]; k++) {
		const struct sched_ilist *l = &c->cands[c->d->cg[k]];

		for (int j = 0; j < l->n; j++)
			r->mark[l->v[j]] = true;
	}
}

/*
 * The neighbourhood of seed clinician k0 (track t): k0 and the want - 1
 * clinicians of track t whose groups' candidates most overlap k0's.
 */
static void
repair_pick(struct repair *r, int k0, int t, int want)
{
	struct solve_ctx *c = r->c;
	const struct sched_model *m = c->m;
	bool *taken = xcalloc((size_t)m->nclinicians, sizeof(bool));

	memset(r->mark, 0, (size_t)m->nparticipants * sizeof(bool));
	memset(r->score, 0, (size_t)m->nclinicians * sizeof(int));
	repair_mark_candidates(r, k0);
	for (int g = 0; g < m->ngroups; g++) {
		const struct sched_ilist *l = &c->cands[g];

		if (!c->potential[g] || m->groups[g].track != t)
			continue;
		for (int j = 0; j < l->n; j++)
			r->score[m->groups[g].clinician] += r->mark[l->v[j]];
		c->st.work += l->n;
	}
	taken[k0] = true;
	for (int n = 1; n < want; n++) {
		int best = -1;

		for (int cl = 0; cl < m->nclinicians; cl++)
			if (!taken[cl] && r->score[cl] > 0 &&
			    repair_leads(c, cl, t) &&
			    (best < 0 || r->score[cl] > r->score[best]))
				best = cl;
		if (best < 0)
			break;
		taken[best] = true;
	}
	memset(r->gfree, 0, (size_t)m->ngroups * sizeof(bool));
	for (int g = 0; g < m->ngroups; g++)
		r->gfree[g] = taken[m->groups[g].clinician];
	free(taken);
}

/*
 * The free participants: at home in a free group, or unplaced with a
 * viable option there.  False when there are too many.
 */
static bool
repair_free(struct repair *r)
{
	struct solve_ctx *c = r->c;
	const struct sched_model *m = c->m;

	r->nfree = r->placed_free = 0;
	for (int p = 0; p < m->nparticipants; p++) {
		bool f = false;

		if (c->st.home[p] >= 0)
			f = r->gfree[c->st.home[p]];
		else
			for (int o = c->d->opt_first[p];
			    o < c->d->opt_first[p + 1] && !f; o++)
				f = c->viable[o] && r->gfree[c->d->opts[o].group];
		r->pfree[p] = f;
		r->nfree += f;
		r->placed_free += f && c->st.home[p] >= 0;
	}
	c->st.work += m->nparticipants;
	return r->nfree <= REPAIR_MAX_FREE;
}

/* Adds the row "more free participants placed than before". */
static void
repair_row_more(struct repair *r, const struct solve_mip *mp)
{
	int n = 0, row = glp_add_rows(mp->lp, 1);
	int *ind = xcalloc((size_t)mp->ncols + 1, sizeof(int));
	double *val = xcalloc((size_t)mp->ncols + 1, sizeof(double));

	for (int o = 0; o < r->c->d->nopts; o++)
		if (mp->col_x[o]) {
			ind[++n] = mp->col_x[o];
			val[n] = 1;
		}
	glp_set_mat_row(mp->lp, row, n, ind, val);
	glp_set_row_bnds(mp->lp, row, GLP_LO, r->placed_free + 1, 0);
	free(ind);
	free(val);
}

/* Every rule of SPEC section 4 holds in c->st. */
static bool
repair_valid(const struct solve_ctx *c)
{
	char *why = NULL;
	bool ok = sched_check_state(&c->st, &why) == 0;

	free(why);
	return ok;
}

/* The nodes the work left pays for, at most REPAIR_NODES. */
static int
repair_nodes(const struct solve_ctx *c, const struct solve_mip *mp)
{
	long size = mp->nnz + mp->ncols + 1;
	long left = c->work_limit - c->st.work - size * REPAIR_ROOT_COST;
	long n = left / (size * REPAIR_NODE_COST);

	return n < 1 ? 0 : n > REPAIR_NODES ? REPAIR_NODES : (int)n;
}

/* Solves the neighbourhood in r; true when it placed more (kept). */
static bool
repair_step(struct repair *r)
{
	struct solve_ctx *c = r->c;
	struct sched_score before = c->st.score;
	size_t mark = sched_state_mark(&c->st);
	struct solve_mip mp;
	glp_iocp ip;
	bool kept = false;
	int st;

	for (int p = 0; p < c->m->nparticipants; p++)
		if (r->pfree[p])
			solve_remove(c, p);
	solve_mip_build_scoped(c, r->pfree, r->gfree, &mp);
	r->max_nodes = repair_nodes(c, &mp);
	if (r->max_nodes == 0) {
		/* A search stopped before its root finds nothing. */
		r->spent = true;
		solve_mip_release(&mp);
		sched_state_undo(&c->st, mark);
		return false;
	}
	repair_row_more(r, &mp);
	glp_init_iocp(&ip);
	ip.msg_lev = GLP_MSG_OFF;
	ip.presolve = GLP_ON;
	ip.cb_func = repair_callback;
	ip.cb_info = r;
	r->nodes = 0;
	(void)glp_intopt(mp.lp, &ip);
	c->st.work += (mp.nnz + mp.ncols) * (REPAIR_ROOT_COST +
	    REPAIR_NODE_COST * (long)r->nodes);
	st = glp_mip_status(mp.lp);
	if (st == GLP_OPT || st == GLP_FEAS) {
		solve_mip_load(c, &mp, mp.lp);
		kept = sched_score_cmp(&c->st.score, &before) > 0 &&
		    repair_valid(c);
	}
	solve_mip_release(&mp);
	if (!kept)
		sched_state_undo(&c->st, mark);
	return kept;
}

/*
 * A track of clinician cl with an open group, or -1.  Seeds are
 * clinicians with an open group: where places are decided.
 */
static int
repair_seed_track(const struct solve_ctx *c, int cl)
{
	for (int k = c->d->cg_first[cl]; k < c->d->cg_first[cl + 1]; k++)
		if (c->st.nmem[c->d->cg[k]] > 0)
			return c->m->groups[c->d->cg[k]].track;
	return -1;
}

bool
solve_repair_pays(const struct solve_ctx *c)
{
	return c->m->nparticipants <= REPAIR_MAX_PEOPLE;
}

bool
solve_repair(struct solve_ctx *c)
{
	const struct sched_model *m = c->m;
	struct repair r;
	bool any = false;
	int idle = 0;

	if (m->nclinicians == 0 || !solve_repair_pays(c) ||
	    c->st.score.placed >= c->bound)
		return false;
	memset(&r, 0, sizeof r);
	r.c = c;
	r.pfree = xcalloc((size_t)m->nparticipants + 1, sizeof(bool));
	r.gfree = xcalloc((size_t)m->ngroups + 1, sizeof(bool));
	r.mark = xcalloc((size_t)m->nparticipants + 1, sizeof(bool));
	r.score = xcalloc((size_t)m->nclinicians + 1, sizeof(int));
	glp_term_out(GLP_OFF);
	/* Round robin over the seeds until a whole round finds nothing. */
	for (int k0 = 0; idle < m->nclinicians && !solve_out_of_work(c) &&
	    !r.spent && c->st.score.placed < c->bound;
	    k0 = (k0 + 1) % m->nclinicians) {
		int t = repair_seed_track(c, k0);

		idle++;
		if (t < 0)
			continue;
		/* As many clinicians as keep the MIP small. */
		for (int want = REPAIR_CLINICIANS; want > 0; want--) {
			repair_pick(&r, k0, t, want);
			if (repair_free(&r))
				break;
		}
		c->st.ntrail = 0;
		if (r.nfree <= REPAIR_MAX_FREE && repair_step(&r)) {
			any = true;
			idle = 0;
		}
	}
	c->st.ntrail = 0;
	free(r.pfree);
	free(r.gfree);
	free(r.mark);
	free(r.score);
	return any;
}
