/*
 * Run to solution.  A run stores ids and UTC times; the model of today's
 * scenario may lack some of them, and says so rather than guessing.
 */
#include <stdlib.h>
#include <string.h>

#include "run_solution.h"
#include "xmalloc.h"

void
run_notes_add(struct run_notes *notes, char *text)
{
	notes->v = xreallocarray(notes->v, notes->n + 1, sizeof *notes->v);
	notes->v[notes->n++] = text;
}

void
run_notes_release(struct run_notes *notes)
{
	for (size_t k = 0; k < notes->n; k++)
		free(notes->v[k]);
	free(notes->v);
	memset(notes, 0, sizeof *notes);
}

static int
rs_group(const struct sched_model *m, const char *id)
{
	for (int g = 0; g < m->ngroups; g++)
		if (strcmp(m->groups[g].id, id) == 0)
			return g;
	return -1;
}

static int
rs_part_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct run_participant *)elem)->id);
}

/* The instance of group g that starts at start, or -1. */
static int
rs_instance(const struct sched_model *m, int g, int64_t start)
{
	const struct sched_group *gr = &m->groups[g];
	int n = m->weeks * gr->nsessions;

	for (int i = gr->first_instance; i < gr->first_instance + n; i++)
		if (m->instances[i].start == start)
			return i;
	return -1;
}

/* p's home and makeups from the run's record rp; counts what is lost. */
static void
rs_participant(const struct sched_model *m, const struct run_participant *rp,
    int p, struct sched_solution *s, int *lost)
{
	if (rp->group == NULL || (s->home[p] = rs_group(m, rp->group)) < 0)
		return;
	for (size_t k = 0; k < rp->nsessions; k++) {
		const struct run_session *rs = &rp->sessions[k];
		int g = rs_group(m, rs->group), i;

		if (!rs->makeup)
			continue;
		if (g < 0 || (i = rs_instance(m, g, rs->start)) < 0)
			(*lost)++;
		else
			sched_solution_add_makeup(s, m, p, i);
	}
}

/* One note for the participants of the run the scenario no longer has. */
static void
rs_people_gone(const struct sched_model *m, const struct run *r,
    struct run_notes *notes)
{
	int gone = 0;

	for (size_t k = 0; k < r->nparts; k++) {
		int p = 0;

		while (p < m->nparticipants &&
		    strcmp(m->participants[p].id, r->parts[k].id) != 0)
			p++;
		gone += p == m->nparticipants;
	}
	if (gone > 0)
		run_notes_add(notes, xasprintf("%d participant%s of run %d %s"
		    " no longer in the scenario", gone, gone == 1 ? "" : "s",
		    r->id, gone == 1 ? "is" : "are"));
}

/* One note per group of the run that the scenario no longer has. */
static void
rs_groups_gone(const struct sched_model *m, const struct run *r,
    struct run_notes *notes)
{
	for (size_t k = 0; k < r->ngroups; k++)
		if (rs_group(m, r->groups[k].id) < 0)
			run_notes_add(notes, xasprintf("group %s of run %d is no"
			    " longer in the scenario%s", r->groups[k].id, r->id,
			    r->groups[k].open ? "; its members count as"
			    " unplaced" : ""));
}

void
run_solution(const struct sched_model *m, const struct run *r,
    struct sched_solution *s, struct run_notes *notes)
{
	char *why = NULL;
	int lost = 0;

	memset(notes, 0, sizeof *notes);
	sched_solution_init(s, m);
	for (int p = 0; p < m->nparticipants; p++) {
		const struct run_participant *rp;

		/* A run's participants are sorted by id (cmd/run.h). */
		rp = bsearch(m->participants[p].id, r->parts, r->nparts,
		    sizeof *r->parts, rs_part_cmp);
		if (rp != NULL)
			rs_participant(m, rp, p, s, &lost);
	}
	rs_people_gone(m, r, notes);
	rs_groups_gone(m, r, notes);
	if (lost > 0)
		run_notes_add(notes, xasprintf("%d makeup%s of run %d no longer"
		    " match%s a session of the scenario", lost, lost == 1 ?
		    "" : "s", r->id, lost == 1 ? "es" : ""));
	if (sched_check(m, s, &why) != 0)
		run_notes_add(notes, xasprintf("run %d no longer fits the stored"
		    " scenario (%s); what follows uses the scenario as it is"
		    " now", r->id, why));
	free(why);
}
