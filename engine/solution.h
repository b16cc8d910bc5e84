/*
 * A schedule: who is in which home group and which makeups they take.
 * Everything else (which instances run, who attends what, hours) follows
 * from these choices by the rules of SPEC section 4; the helpers below
 * derive it, so the checker, the solver and the output agree.
 *
 * Ownership: a struct sched_solution owns its arrays and reason strings;
 * sched_solution_release() frees them.
 */
#ifndef IOP_SOLUTION_H
#define IOP_SOLUTION_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

struct sched_makeup {
	int	participant;
	int	instance;
};

struct sched_solution {
	int	nparticipants;
	int	*home;			/* per participant: group index, -1 unplaced */
	struct sched_makeup *makeups;	/* sorted by participant, then instance start */
	size_t	nmakeups;
	size_t	makeups_cap;
	char	**reason;		/* per participant: why unplaced, NULL if placed */
	int	bound;			/* proven upper bound on placed participants */
	bool	optimal;		/* the search proved placed == optimum */
};

/* Allocates an empty solution (everyone unplaced) for m. */
void	sched_solution_init(struct sched_solution *s, const struct sched_model *m);
void	sched_solution_release(struct sched_solution *s);

/*
 * Adds makeup (p, instance i) to s, keeping s->makeups sorted by
 * participant, then instance start (then index).  m prepared.
 */
void	sched_solution_add_makeup(struct sched_solution *s,
	    const struct sched_model *m, int p, int i);

/* Derived views; m prepared, s any solution (valid or not). */
bool	sched_group_open(const struct sched_model *m,
	    const struct sched_solution *s, int g);
bool	sched_instance_runs(const struct sched_model *m,
	    const struct sched_solution *s, int i);
/* True when p attends instance i, home or makeup. *makeup says which. */
bool	sched_attends(const struct sched_model *m,
	    const struct sched_solution *s, int p, int i, bool *makeup);
/* Minutes p attends in program week w. */
int	sched_week_minutes(const struct sched_model *m,
	    const struct sched_solution *s, int p, int w);
int	sched_placed_count(const struct sched_solution *s);
int	sched_open_count(const struct sched_model *m,
	    const struct sched_solution *s);

/*
 * One attended session of a participant, for output.  Lists come sorted by
 * start.
 */
struct sched_attendance {
	int	instance;
	bool	makeup;
};
/*
 * Fills *out (caller frees with free()) with p's attended instances sorted
 * by start; returns their count.
 */
size_t	sched_participant_sessions(const struct sched_model *m,
	    const struct sched_solution *s, int p, struct sched_attendance **out);

/*
 * Checks every rule of SPEC section 4.  Returns 0 when s is valid, or
 * IOP_EINPUT with *cause (caller frees) naming the first broken rule, e.g.
 * "rule 6: group G1 instance 2026-12-07 week 0 session 1 holds 13 > capacity 12".
 */
int	sched_check(const struct sched_model *m, const struct sched_solution *s,
	    char **cause);

struct sched_solve_opts {
	double	time_limit;		/* seconds; 0: default */
	long	work_limit;		/* deterministic effort cap; 0: default */
};

/*
 * Finds a valid schedule for m, preferring the order of SPEC section 4.
 * Deterministic: the same model and options give the same solution.
 * Fills s (initialized by the callee; caller releases).  Every unplaced
 * participant gets a reason.  Returns 0, or a negative status with *cause.
 */
int	sched_solve(const struct sched_model *m, const struct sched_solve_opts *o,
	    struct sched_solution *s, char **cause);

#endif
