/* The engine's solution turned into a struct run for storing and printing. */
#ifndef IOP_RUN_BUILD_H
#define IOP_RUN_BUILD_H

#include "model.h"
#include "run.h"
#include "scenario.h"
#include "solution.h"

/*
 * Fills *r (caller releases) from the scenario sc, the model m built from
 * it and the solution s.  Groups and participants come sorted by id.
 */
void	run_build(const struct scenario *sc, const struct sched_model *m,
	    const struct sched_solution *s, double time_limit, struct run *r);

/* "MO 18:00-21:00, WE 18:00-21:00" for a group's weekly sessions (caller frees). */
char	*run_timetable(const struct scn_group *g);

#endif
