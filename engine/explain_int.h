/*
 * What explain.c, explain_group.c and explain_fix.c share: the schedule
 * with p taken out, which every "could p join g" question is asked of.
 * Engine-private.
 */
#ifndef IOP_EXPLAIN_INT_H
#define IOP_EXPLAIN_INT_H

#include "explain.h"
#include "state.h"

struct explain_ctx {
	const struct sched_model *m;
	struct sched_state st;		/* the schedule without p */
	int	p;
};

/* A set of rules to look past, for "would lifting this one place p". */
#define EXPLAIN_LIFT(rule)	(1u << (rule))

/*
 * The first rule, not in lift, that keeps x->p out of eg->group while the
 * rest of the schedule stays; fills eg's details and returns the rule
 * (SCHED_EXPLAIN_FITS when none).  eg's minutes arrays must be filled.
 * The state is left as it was.
 */
int	explain_try(struct explain_ctx *x, struct sched_explain_group *eg,
	    unsigned lift);

/* Fills e->fix for unplaced p from e->groups. */
void	explain_fix(struct explain_ctx *x, struct sched_explanation *e);

#endif
