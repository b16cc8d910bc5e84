/*
 * The solve pipeline shared by `solve` and `demo`: load and store the
 * scenario, build the model, solve, store the run, write the files.
 */
#ifndef IOP_SOLVE_FLOW_H
#define IOP_SOLVE_FLOW_H

#include "model.h"
#include "run.h"

struct solve_args {
	const char *scenario;		/* NULL: what the database holds */
	const char *out_dir;		/* NULL: no schedule files */
	double	time_limit;		/* seconds, 0: default */
	const char *const *pins;	/* --pin ID[=GROUP], npins of them */
	size_t	npins;
};

/*
 * Runs the pipeline on the database at db_path and fills *r (caller
 * releases) with the stored run.  Nothing is stored unless everything
 * succeeds.  The scenario may name files outside its folder only with
 * globals.allow_outside (--allow-outside).  Returns 0 or a negative
 * status with *cause.
 */
int	solve_flow(const char *db_path, const struct solve_args *a,
	    struct run *r, char **cause);

/*
 * Applies --pin arguments "ID=GROUP" or "ID" (the home group of the
 * previous run, which model_build put in previous_home) to m's pinned_home.
 * Returns 0, or IOP_ENOTFOUND with *cause for an unknown participant or
 * group or a bare ID with no previous home (cmd/solve_pin.c).
 */
int	solve_pins(struct sched_model *m, const char *const *pins, size_t n,
	    char **cause);

#endif
