/*
 * The solver's integer-programming methods, on GLPK (Debian libglpk-dev):
 * solve_mip.c writes the full model of SPEC section 4 as a MIP over the
 * viable options (solve_bound.c), and solve_exact.c bounds the optimum of
 * a small instance by its LP relaxation and solves it.  Engine-private; GLPK's terminal
 * output is always off, so the engine still prints nothing.
 */
#ifndef IOP_SOLVE_MIP_H
#define IOP_SOLVE_MIP_H

#include <stdbool.h>

#include "solve.h"

struct glp_prob;

/* One makeup variable: participant p at instance i. */
struct solve_mip_makeup {
	int	p;
	int	i;
};

/*
 * The full MIP.  Columns: y (group open) for groups that may open, x
 * (home) for viable options, m (makeup) for (participant, instance)
 * pairs that could serve a short week.  Column numbers are 1-based as
 * in GLPK; 0 means "no such variable".
 */
struct solve_mip {
	struct glp_prob *lp;
	int	*col_y;			/* per group */
	int	*col_x;			/* per option */
	struct solve_mip_makeup *mk;	/* makeup variables, in column order */
	int	nmk;
	int	col_m0;			/* column of mk[0] */
	int	ncols;
	int	nrows;
	long	nnz;
	/*
	 * A neighbourhood (solve_repair.c), or NULL for the whole model:
	 * only free participants get columns, homes only in free groups,
	 * and what the others in c->st hold is fixed (seats taken, groups
	 * kept open, colleagues to keep apart).
	 */
	const bool *pfree;		/* per participant */
	const bool *gfree;		/* per group: all of some clinicians */
};

/*
 * Builds the full MIP of c's model (solve_bound() done) maximizing the
 * number placed.  Every valid schedule maps to an integral point of it
 * with that objective, and every integral point is a valid schedule.
 * With more than max_cols columns it stops before writing any row
 * (mp->nrows 0).  Caller frees with solve_mip_release().
 */
void	solve_mip_build(const struct solve_ctx *c, int max_cols,
	    struct solve_mip *mp);
/*
 * The MIP of a neighbourhood: participants pfree (none of them in c->st)
 * and the groups gfree, every group of some clinicians, that may open or
 * close.  The rest of c->st stays as it is: its seats, its open groups
 * (a free group holding a fixed guest stays open) and its colleagues to
 * keep apart are constants.  The objective counts the free placed.
 */
void	solve_mip_build_scoped(const struct solve_ctx *c, const bool *pfree,
	    const bool *gfree, struct solve_mip *mp);
void	solve_mip_release(struct solve_mip *mp);

/*
 * Sets in c->st the homes and makeups that lp's MIP solution (lp: mp->lp
 * or a copy with its columns) has at 1; the participants they belong to
 * must have none yet.
 */
void	solve_mip_load(struct solve_ctx *c, const struct solve_mip *mp,
	    struct glp_prob *lp);

/*
 * The sets of groups gs[0..n) (n <= 31, all of clinician cl) that cl
 * could lead together under rule 8 (weekly minutes, max_groups, no
 * clash), as bit masks over gs; the empty set is left out.  Returns their
 * count; *sets is the caller's to free.
 */
int	solve_mip_subsets(const struct solve_ctx *c, int cl, const int *gs,
	    int n, unsigned **sets);

/*
 * On a model small enough (a fixed size test, never a clock), solves the
 * full MIP.  When it proves an optimum, c->bound becomes the optimum and,
 * if it places more than c->st, the state is replaced by the MIP's
 * schedule.  Returns true when the state changed.
 */
bool	solve_exact(struct solve_ctx *c);

#endif
