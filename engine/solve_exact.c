/*
 * The exact method for small instances, on the full MIP of solve_mip.c:
 *   1. its LP relaxation (dual simplex) bounds the optimum; with the
 *      clinicians' subsets and the capped makeup minutes it is tight on
 *      the bench's models, often equal to the optimum;
 *   2. the dive fixes the open groups at the LP's rounding and solves the
 *      MIP that remains, which finds a schedule placing that many;
 *   3. on a small model (EXACT_TREE_COLS), GLPK's branch-and-cut on the
 *      whole MIP, seeded with the best schedule so far, proves the rest.
 *
 * Determinism: GLPK's simplex and branch-and-bound are deterministic, and
 * no limit here reads a clock.  The method runs only when the MIP is
 * small (EXACT_MAX_COLS, EXACT_MAX_NNZ, a size test), and each tree stops
 * after a number of nodes (counted in the callback) inversely
 * proportional to the MIP's size, so the same model always takes the same
 * path and a tree costs about the same time whatever the size.  When a tree is cut short, its best
 * open node still bounds the optimum.
 *
 * A MIP schedule replaces the heuristic's only when it places more
 * participants and passes every rule check; the MIP proves nothing about
 * the later levels of the preference order, which the improvement phase
 * then works on (solve.c).
 */
#include <glpk.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "solve_mip.h"
#include "xmalloc.h"

#define EXACT_MAX_COLS	60000
/* Above this, even listing the MIP's columns costs the heuristic time. */
#define EXACT_MAX_PEOPLE	1500
/*
 * Measured with GLPK 5.0 (gen_scenario.py): the LP takes 0.4 s at 79k
 * nonzeros (300 participants), 1.7 s at 159k (400), 3 s at 181k (450)
 * and about 13 s at 288k-333k (600), where it lowers the bound from the
 * flow's 428 to 414 on one seed.
 */
#define EXACT_MAX_NNZ	350000L
/* A tree stops after EXACT_TREE_WORK / nonzeros nodes, at least 10. */
#define EXACT_TREE_WORK	200000L
/*
 * The dive's tree, on the presolved remainder, stops after
 * EXACT_DIVE_NODES nodes up to EXACT_DIVE_NNZ nonzeros, and after fewer
 * in proportion to (EXACT_DIVE_NNZ / nonzeros)^2 above: a node's cost
 * grows about that fast (0.003 s at 79k nonzeros, 0.13 s at 159k, 1 s at
 * 333k), and the dive seldom finds more on larger models.
 */
#define EXACT_DIVE_NODES	150
#define EXACT_DIVE_GAP		1
#define EXACT_DIVE_NNZ		100000.0
#define EXACT_TREE_COLS	3000

struct exact_run {
	const struct solve_ctx *c;
	const struct solve_mip *mp;
	double	*start;			/* heuristic schedule, 1-based; NULL */
	int	bound;			/* proven by the tree so far */
	int	max_nodes;
	bool	cut;			/* the node limit stopped the search */
};

/* The largest integer not above v, allowing for simplex round-off. */
static int
exact_floor(double v)
{
	return (int)floor(v + 1e-4);
}

/*
 * The heuristic's schedule as a MIP point (caller frees), or NULL when a
 * makeup of it has no column (it then cannot seed the search).
 */
static double *
exact_point(const struct solve_ctx *c, const struct solve_mip *mp)
{
	const struct sched_model *m = c->m;
	double *x = xcalloc((size_t)mp->ncols + 1, sizeof(double));
	int k = 0;

	for (int g = 0; g < m->ngroups; g++)
		if (c->st.nmem[g] > 0) {
			if (!mp->col_y[g])
				goto fail;
			x[mp->col_y[g]] = 1;
		}
	for (int p = 0; p < m->nparticipants; p++) {
		const struct sched_ilist *l = &c->st.mk[p];
		int o;

		if (c->st.home[p] < 0)
			continue;
		o = solve_option(c, p, c->st.home[p]);
		if (o < 0 || !mp->col_x[o])
			goto fail;
		x[mp->col_x[o]] = 1;
		while (k < mp->nmk && mp->mk[k].p < p)
			k++;
		for (int j = 0; j < l->n; j++) {
			int q = k;

			while (q < mp->nmk && mp->mk[q].p == p &&
			    mp->mk[q].i != l->v[j])
				q++;
			if (q == mp->nmk || mp->mk[q].p != p)
				goto fail;
			x[mp->col_m0 + q] = 1;
		}
	}
	return x;
fail:
	free(x);
	return NULL;
}

/* Branch-and-bound callback: seeds the incumbent, enforces the node cap. */
static void
exact_callback(glp_tree *T, void *info)
{
	struct exact_run *run = info;
	int active, nodes, total, best;

	if (glp_ios_reason(T) == GLP_IHEUR && run->start != NULL &&
	    glp_ios_curr_node(T) == 1) {
		glp_ios_heur_sol(T, run->start);
		free(run->start);
		run->start = NULL;
	}
	glp_ios_tree_size(T, &active, &nodes, &total);
	if (total <= run->max_nodes || run->cut)
		return;
	run->cut = true;
	best = glp_ios_best_node(T);
	if (best != 0)
		run->bound = exact_floor(glp_ios_node_bound(T, best));
	glp_ios_terminate(T);
}

/*
 * Replaces c->st by the schedule of lp's MIP solution (lp: mp->lp or a
 * copy with its columns) when it is valid; true if so.
 */
static bool
exact_load(struct solve_ctx *c, const struct solve_mip *mp, glp_prob *lp)
{
	const struct sched_model *m = c->m;
	struct sched_state *st = &c->st;
	size_t mark = sched_state_mark(st);
	char *why = NULL;
	bool ok;

	for (int p = 0; p < m->nparticipants; p++)
		if (st->home[p] >= 0)
			solve_remove(c, p);
	solve_mip_load(c, mp, lp);
	ok = sched_check_state(st, &why) == 0;
	free(why);
	if (!ok)
		sched_state_undo(st, mark);
	return ok;
}

/*
 * Runs GLPK's branch-and-cut on lp under the node cap; returns the MIP
 * status (GLP_OPT only when the tree was searched to the end).
 */
static int
exact_tree(glp_prob *lp, struct exact_run *run, bool presolve)
{
	glp_iocp ip;
	long nodes = EXACT_TREE_WORK / (run->mp->nnz + 1);
	double shrink = EXACT_DIVE_NNZ / (double)(run->mp->nnz + 1);

	if (presolve)
		run->max_nodes = shrink >= 1 ? EXACT_DIVE_NODES :
		    (int)(EXACT_DIVE_NODES * shrink * shrink);
	else
		run->max_nodes = nodes < 10 ? 10 : (int)nodes;
	glp_init_iocp(&ip);
	ip.msg_lev = GLP_MSG_OFF;
	ip.cb_func = exact_callback;
	ip.cb_info = run;
	ip.presolve = presolve ? GLP_ON : GLP_OFF;
	ip.mir_cuts = GLP_ON;
	ip.cov_cuts = GLP_ON;
	if (glp_intopt(lp, &ip) != 0 && !run->cut)
		return GLP_UNDEF;
	if (run->cut && glp_mip_status(lp) == GLP_OPT)
		return GLP_FEAS;
	return glp_mip_status(lp);
}

/*
 * The dive: fixes every open flag y at the LP's rounding and solves the
 * MIP that remains, far smaller once GLPK's presolver drops the closed
 * groups.  Loads its schedule when it places more; true if so.
 */
static bool
exact_dive(struct solve_ctx *c, const struct solve_mip *mp)
{
	glp_prob *q = glp_create_prob();
	struct exact_run run;
	bool changed = false;
	int status;

	glp_copy_prob(q, mp->lp, GLP_OFF);
	for (int g = 0; g < c->m->ngroups; g++)
		if (mp->col_y[g]) {
			double v = glp_get_col_prim(mp->lp, mp->col_y[g]);

			glp_set_col_bnds(q, mp->col_y[g], GLP_FX, v >= 0.5,
			    v >= 0.5);
		}
	memset(&run, 0, sizeof run);
	run.c = c;
	run.mp = mp;
	run.bound = c->bound;
	status = exact_tree(q, &run, true);
	if ((status == GLP_OPT || status == GLP_FEAS) &&
	    exact_floor(glp_mip_obj_val(q)) > c->st.score.placed)
		changed = exact_load(c, mp, q);
	glp_delete_prob(q);
	return changed;
}

/*
 * Lowers c->bound to b, unless b is below what the state already places:
 * such a b would be wrong (round-off or a modelling bug), and a false
 * proof is the worst answer the solver could give.
 */
static void
exact_lower_bound(struct solve_ctx *c, int b)
{
	if (b < c->bound && b >= c->st.score.placed)
		c->bound = b;
}

/* Solves mp's LP relaxation (dual simplex); false when it fails. */
static bool
exact_relax(struct solve_mip *mp)
{
	glp_smcp sp;

	glp_scale_prob(mp->lp, GLP_SF_AUTO);
	glp_init_smcp(&sp);
	sp.msg_lev = GLP_MSG_OFF;
	sp.meth = GLP_DUALP;
	return glp_simplex(mp->lp, &sp) == 0 &&
	    glp_get_status(mp->lp) == GLP_OPT;
}

bool
solve_exact(struct solve_ctx *c)
{
	struct solve_mip mp;
	struct exact_run run;
	bool changed = false;
	int status;

	if (c->st.score.placed >= c->bound ||
	    c->m->nparticipants > EXACT_MAX_PEOPLE)
		return false;
	glp_term_out(GLP_OFF);
	solve_mip_build(c, EXACT_MAX_COLS, &mp);
	if (mp.nrows == 0 || mp.nnz > EXACT_MAX_NNZ || !exact_relax(&mp))
		goto out;
	exact_lower_bound(c, exact_floor(glp_get_obj_val(mp.lp)));
	if (c->st.score.placed >= c->bound)
		goto out;
	/*
	 * The dive finds the one more that closes a gap of one (M's 172 of
	 * 173); on wider gaps it measured nothing for 4 to 156 s.
	 */
	if (c->bound - c->st.score.placed <= EXACT_DIVE_GAP)
		changed = exact_dive(c, &mp);
	if (c->st.score.placed >= c->bound || mp.ncols > EXACT_TREE_COLS)
		goto out;
	memset(&run, 0, sizeof run);
	run.c = c;
	run.mp = &mp;
	run.start = exact_point(c, &mp);
	run.bound = c->bound;
	status = exact_tree(mp.lp, &run, false);
	free(run.start);
	if (status == GLP_OPT)
		run.bound = exact_floor(glp_mip_obj_val(mp.lp));
	if ((status == GLP_OPT || status == GLP_FEAS) &&
	    exact_floor(glp_mip_obj_val(mp.lp)) > c->st.score.placed)
		changed |= exact_load(c, &mp, mp.lp);
	exact_lower_bound(c, run.bound);
out:
	solve_mip_release(&mp);
	return changed;
}
