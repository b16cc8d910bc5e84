/*
 * The solver's private interface.  The search works on a struct
 * sched_state and asks rules.h before every change; each method is a file:
 * solve_bound.c (home minutes, viability, the upper bound),
 * solve_makeup.c (covering short weeks with makeups), solve_move.c
 * (insert and remove one participant), solve_construct.c (greedy group
 * opening), solve_improve.c (local search), solve_lns.c (ruin and
 * recreate), solve_repair.c (a neighbourhood's MIP), solve_reason.c (why someone stays unplaced) and solve.c
 * (the driver).
 */
#ifndef IOP_SOLVE_H
#define IOP_SOLVE_H

#include <stdbool.h>

#include "derived.h"
#include "model.h"
#include "solution.h"
#include "state.h"

/* Why solve_insert() refused; see solve_move.c. */
enum solve_fail_kind {
	SOLVE_FAIL_NONE = 0,
	SOLVE_FAIL_NOT_VIABLE,		/* the option can never be a home */
	SOLVE_FAIL_FULL,		/* home roll at capacity */
	SOLVE_FAIL_CLINICIAN,		/* a closed group its clinician can't add */
	SOLVE_FAIL_SESSION_FULL,	/* an instance p attends is full */
	SOLVE_FAIL_AGENCY,		/* a colleague to keep apart attends */
	SOLVE_FAIL_HOURS		/* a week no makeup can fix */
};

struct solve_fail {
	int	kind;			/* enum solve_fail_kind */
	int	instance;		/* SESSION_FULL, AGENCY */
	int	peer;			/* AGENCY */
	int	week;			/* HOURS */
};

struct solve_ctx {
	const struct sched_model *m;
	const struct sched_derived *d;
	struct sched_state st;
	long	work_limit;
	int	*hm;			/* option x week: home minutes */
	bool	*viable;		/* option: may be a home (fixpoint) */
	int	*short_week;		/* option: the week that made it not
					   viable, -1 none or its group can't
					   open */
	int	*short_minutes;		/* ... and the most minutes reachable */
	bool	*potential;		/* group: may open at all */
	bool	*potential0;		/* group: its clinician could lead it */
	int	*nviable;		/* participant: viable options */
	struct sched_ilist *cands;	/* group: participants it is viable for */
	int	bound;
	unsigned seed;			/* tie-break order; 0: by index */
};

/*
 * solve.c: a context on prepared model m with its bound worked out and
 * an empty state; solve_ctx_release() frees it.
 */
void	solve_ctx_init(struct solve_ctx *c, const struct sched_model *m);
void	solve_ctx_release(struct solve_ctx *c);

/* solve_bound.c */
void	solve_bound(struct solve_ctx *c);

/*
 * solve_seats.c: the most participants (with a viable option) that fit
 * the seats of the groups that may open, each clinician's groups holding
 * at most budget[clinician] together.
 */
int	solve_seat_flow(const struct solve_ctx *c, const int *budget);

/*
 * solve_reach.c: a participant's makeup candidates per week in groups that
 * may open, longest first, and the most minutes an option reaches with
 * them (home minutes plus the makeups_per_week longest that fit).
 */
struct reach_item;
struct solve_menu {
	int	p;
	int	*first;			/* week: offset into items */
	struct reach_item *items;	/* a week's candidates, unordered */
	int	cap;
	int	*top;			/* week x REACH_TOP: the longest items */
	int	*ntop;			/* week: how many of them */
};
void	solve_menu_build(const struct solve_ctx *c, int p,
	    const bool *potential, struct solve_menu *mn);
int	solve_menu_reach(const struct solve_ctx *c, const struct solve_menu *mn,
	    int o, int w);
void	solve_menu_release(struct solve_menu *mn);

/*
 * solve_makeup.c: true when instance i overlaps a home instance of its
 * week that p attends in option o.
 */
bool	solve_option_hits_home(const struct solve_ctx *c, int o, int i);

/*
 * solve_makeup.c: covers p's short weeks with makeups; false (with the
 * week in *bad_week unless NULL) may leave some added: undo to a mark.
 */
bool	solve_fix_weeks(struct solve_ctx *c, int p, int *bad_week);

/* solve_move.c */
bool	solve_insert(struct solve_ctx *c, int p, int g, struct solve_fail *f);
bool	solve_insert_deferred(struct solve_ctx *c, int p, int g,
	    struct solve_fail *f);
void	solve_remove(struct solve_ctx *c, int p);
bool	solve_drop_guests(struct solve_ctx *c, int g, bool unplace);
int	solve_best_insert(struct solve_ctx *c, int p, int except);
bool	solve_out_of_work(const struct solve_ctx *c);

/* solve_construct.c */
int	solve_place_unplaced(struct solve_ctx *c);
int	solve_place_near(struct solve_ctx *c, int g);
void	solve_settle(struct solve_ctx *c);
void	solve_construct(struct solve_ctx *c);
void	solve_construct_some(struct solve_ctx *c, const bool *only);

/*
 * solve_chain.c: places the unplaced (of the tracks set in tracks, all
 * when NULL) by ejection chains; returns how many.
 */
int	solve_chain(struct solve_ctx *c, const bool *tracks);

/* solve_improve.c */
void	solve_gather(struct solve_ctx *c, int g, bool full,
	    struct sched_ilist *from);
void	solve_improve(struct solve_ctx *c);
void	solve_improve_loop(struct solve_ctx *c);
void	solve_polish(struct solve_ctx *c);

/* solve_swap.c: true when some swap of open groups placed more. */
bool	solve_swap(struct solve_ctx *c);

/*
 * solve_repair.c: true when a neighbourhood's MIP placed more; it runs
 * only on models where it pays (solve_repair_pays(), a size test).
 */
bool	solve_repair(struct solve_ctx *c);
bool	solve_repair_pays(const struct solve_ctx *c);

/* solve_lns.c */
void	solve_ruin(struct solve_ctx *c, int g);
void	solve_lns(struct solve_ctx *c);

/* A deterministic tie-break rank of x under seed (x itself when 0). */
static inline unsigned
solve_rank(unsigned seed, int x)
{
	unsigned h;

	if (seed == 0)
		return (unsigned)x;
	h = seed * 0x9e3779b9u ^ ((unsigned)x + 0x7f4a7c15u) * 0x85ebca6bu;
	h ^= h >> 15;
	h *= 0xc2b2ae35u;
	h ^= h >> 13;
	return h;
}

/* solve_reason.c: a reason (caller frees) for unplaced p. */
char	*solve_reason(struct solve_ctx *c, int p);

/* Option index of (p, g) as a home candidate, or -1. */
static inline int
solve_option(const struct solve_ctx *c, int p, int g)
{
	return sched_option_find(c->m, p, g);
}

#endif
