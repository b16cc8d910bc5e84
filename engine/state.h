/*
 * A schedule being built or checked: the choices (home groups, makeups)
 * with every count the rules need kept up to date incrementally, and a
 * trail so that a trial change can be undone.  The checker fills one from a
 * struct sched_solution; the solver edits one.
 *
 * The state never refuses a change: rules.h says what is allowed.  It
 * tolerates invalid schedules (an incompatible home, a makeup anywhere) so
 * that the checker can describe them.
 *
 * Ownership: sched_state_release() frees what sched_state_init() made.
 */
#ifndef IOP_STATE_H
#define IOP_STATE_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

struct sched_ilist {
	int	*v;
	int	n;
	int	cap;
};

enum sched_op {
	SCHED_OP_SET_HOME,
	SCHED_OP_CLEAR_HOME,
	SCHED_OP_ADD_MAKEUP,
	SCHED_OP_REMOVE_MAKEUP
};

struct sched_trail_entry {
	int	op;			/* enum sched_op */
	int	p;
	int	arg;			/* group or instance */
};

/* The solver's preference order, SPEC section 4, best first. */
struct sched_score {
	int	placed;			/* more is better */
	int	kept;			/* more is better */
	int	open;			/* fewer is better */
	int	makeups;		/* fewer is better */
	int	against;		/* fewer is better */
};

struct sched_state {
	const struct sched_model *m;
	int	*home;			/* per participant, -1 none */
	int	*home_opt;		/* per participant: home's option, or -1
					   (a lookup the search asks millions
					   of times) */
	int	*nmem;			/* per group: home members */
	struct sched_ilist *members;	/* per group */
	int	*guests;		/* per group: makeups into it */
	int	*att;			/* per instance: attendees if it runs */
	struct sched_ilist *attendees;	/* per instance */
	struct sched_ilist *mk;		/* per participant: makeup instances */
	int	*wmin;			/* per participant x week: minutes */
	int	*clin_groups;		/* per clinician: open groups */
	int	*clin_minutes;		/* per clinician: weekly minutes */
	struct sched_score score;
	struct sched_trail_entry *trail;
	size_t	ntrail;
	size_t	trail_cap;
	long	work;			/* elementary steps done, for limits */
};

void	sched_state_init(struct sched_state *st, const struct sched_model *m);
void	sched_state_release(struct sched_state *st);

/* True when p attends instance i of its home group g when g is open. */
bool	sched_state_home_attends(const struct sched_state *st, int p, int g,
	    int i);
/* True when instance i counts against p's preference. */
bool	sched_state_against(const struct sched_model *m, int p, int i);

void	sched_state_set_home(struct sched_state *st, int p, int g);
void	sched_state_clear_home(struct sched_state *st, int p);
void	sched_state_add_makeup(struct sched_state *st, int p, int i);
void	sched_state_remove_makeup(struct sched_state *st, int p, int i);

/* Marks the trail; sched_state_undo() rolls back to a mark. */
size_t	sched_state_mark(const struct sched_state *st);
void	sched_state_undo(struct sched_state *st, size_t mark);

/* Minutes p attends in week w. */
static inline int
sched_state_week(const struct sched_state *st, int p, int w)
{
	return st->wmin[(size_t)p * (size_t)st->m->weeks + (size_t)w];
}

/* Negative, zero or positive as a is worse than, as good as, better than b. */
int	sched_score_cmp(const struct sched_score *a,
	    const struct sched_score *b);

void	sched_ilist_push(struct sched_ilist *l, int x);
/* Removes one occurrence of x (order not kept); false when absent. */
bool	sched_ilist_remove(struct sched_ilist *l, int x);

#endif
