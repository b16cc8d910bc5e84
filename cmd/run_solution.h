/*
 * A stored run turned back into an engine solution over a model built from
 * the scenario as the database holds it now, for `explain`: home groups by
 * id, makeups by matching (group, start) to the model's instances.
 */
#ifndef IOP_RUN_SOLUTION_H
#define IOP_RUN_SOLUTION_H

#include <stddef.h>

#include "model.h"
#include "run.h"
#include "solution.h"

/* What of the run no longer matches the scenario, one sentence each. */
struct run_notes {
	char	**v;
	size_t	n;
};

/*
 * Fills *s (initialized here; caller releases) with r's placements over m.
 * A participant, group or session the scenario no longer has is left out
 * and described in *notes (caller releases with run_notes_release), as is
 * a result that breaks a rule under the current data.
 */
void	run_solution(const struct sched_model *m, const struct run *r,
	    struct sched_solution *s, struct run_notes *notes);
/* Appends a note (takes ownership of text). */
void	run_notes_add(struct run_notes *notes, char *text);
void	run_notes_release(struct run_notes *notes);

#endif
