/* The stored run's destructor: struct run owns every string and array. */
#include <stdlib.h>
#include <string.h>

#include "run.h"

static void
run_group_release(struct run_group *g)
{
	size_t i;

	free(g->id);
	free(g->clinician);
	free(g->track);
	free(g->timetable);
	for (i = 0; i < g->nmembers; i++)
		free(g->members[i]);
	free(g->members);
}

static void
run_participant_release(struct run_participant *p)
{
	size_t i;

	free(p->id);
	free(p->group);
	free(p->reason);
	for (i = 0; i < p->nsessions; i++)
		free(p->sessions[i].group);
	free(p->sessions);
}

/*
 * Frees everything r holds and leaves it zeroed, ready for reuse; r itself
 * is the caller's.  NULL is a no-op.
 */
void
run_release(struct run *r)
{
	size_t i;

	if (r == NULL)
		return;
	free(r->created);
	free(r->timezone);
	free(r->program_name);
	for (i = 0; i < r->ngroups; i++)
		run_group_release(&r->groups[i]);
	free(r->groups);
	for (i = 0; i < r->nparts; i++)
		run_participant_release(&r->parts[i]);
	free(r->parts);
	memset(r, 0, sizeof *r);
}
