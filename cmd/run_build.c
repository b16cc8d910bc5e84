/*
 * Solution to run: ids instead of indices, sorted lists, and the derived
 * attendance (which the store keeps so that `schedule` needs no re-solve).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "civil.h"
#include "run_build.h"
#include "xmalloc.h"

char *
run_timetable(const struct scn_group *g)
{
	size_t cap = g->nsessions * 24 + 1, used = 0;
	char *buf = xmalloc(cap);

	buf[0] = '\0';
	for (size_t k = 0; k < g->nsessions; k++) {
		const struct scn_session *ss = &g->sessions[k];
		int end = ss->start + ss->minutes;

		used += (size_t)snprintf(buf + used, cap - used,
		    "%s%s %02d:%02d-%02d:%02d", k ? ", " : "",
		    civil_day_name(ss->day), ss->start / 60, ss->start % 60,
		    (end / 60) % 24, end % 60);
	}
	return buf;
}

/* Sorts an index array by the id each index names. */
static const char *const *run_sort_ids;

static int
run_sort_cmp(const void *a, const void *b)
{
	return strcmp(run_sort_ids[*(const int *)a],
	    run_sort_ids[*(const int *)b]);
}

static int *
run_order(const char *const *ids, int n)
{
	int *order = xcalloc((size_t)n, sizeof *order);

	for (int i = 0; i < n; i++)
		order[i] = i;
	run_sort_ids = ids;
	qsort(order, (size_t)n, sizeof *order, run_sort_cmp);
	run_sort_ids = NULL;
	return order;
}

static int
run_str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
run_build_group(const struct scenario *sc, const struct sched_model *m,
    const struct sched_solution *s, int g, struct run_group *rg)
{
	const struct sched_group *mg = &m->groups[g];

	rg->id = xstrdup(mg->id);
	rg->open = sched_group_open(m, s, g);
	rg->clinician = xstrdup(m->clinicians[mg->clinician].id);
	rg->track = xstrdup(m->tracks[mg->track]);
	rg->capacity = mg->capacity;
	rg->timetable = run_timetable(&sc->groups[g]);
	for (int p = 0; p < m->nparticipants; p++)
		if (s->home[p] == g)
			rg->nmembers++;
	rg->members = xcalloc(rg->nmembers, sizeof *rg->members);
	rg->nmembers = 0;
	for (int p = 0; p < m->nparticipants; p++)
		if (s->home[p] == g)
			rg->members[rg->nmembers++] =
			    xstrdup(m->participants[p].id);
	qsort(rg->members, rg->nmembers, sizeof *rg->members, run_str_cmp);
}

static void
run_build_participant(const struct scenario *sc, const struct sched_model *m,
    const struct sched_solution *s, int p, struct run_participant *rp)
{
	const struct sched_participant *mp = &m->participants[p];
	struct sched_attendance *att = NULL;
	size_t n;

	rp->id = xstrdup(mp->id);
	rp->placed = s->home[p] >= 0;
	rp->group = rp->placed ? xstrdup(m->groups[s->home[p]].id) : NULL;
	if (!rp->placed)
		rp->reason = xstrdup(s->reason[p] != NULL ? s->reason[p] :
		    "no valid placement found");
	rp->first_week = mp->first_week;
	rp->last_week = mp->last_week;
	rp->min_hours = sc->participants[p].min_hours;
	n = sched_participant_sessions(m, s, p, &att);
	rp->sessions = xcalloc(n, sizeof *rp->sessions);
	rp->nsessions = n;
	for (size_t k = 0; k < n; k++) {
		const struct sched_instance *in = &m->instances[att[k].instance];

		rp->sessions[k].group = xstrdup(m->groups[in->group].id);
		rp->sessions[k].week = in->week;
		rp->sessions[k].start = in->start;
		rp->sessions[k].end = in->end;
		rp->sessions[k].makeup = att[k].makeup;
	}
	free(att);
}

void
run_build(const struct scenario *sc, const struct sched_model *m,
    const struct sched_solution *s, double time_limit, struct run *r)
{
	const char **ids;
	int *order;

	memset(r, 0, sizeof *r);
	r->timezone = xstrdup(sc->program.timezone);
	r->program_name = sc->program.name ? xstrdup(sc->program.name) : NULL;
	r->start = sc->program.start;
	r->weeks = sc->program.weeks;
	r->max_hours = sc->program.max_hours;
	r->time_limit = time_limit;
	r->participants = m->nparticipants;
	r->placed = sched_placed_count(s);
	r->unplaced = r->participants - r->placed;
	r->groups_open = sched_open_count(m, s);
	r->makeups = (int)s->nmakeups;
	r->bound = s->bound;

	ids = xcalloc((size_t)m->ngroups + 1, sizeof *ids);
	for (int g = 0; g < m->ngroups; g++)
		ids[g] = m->groups[g].id;
	order = run_order(ids, m->ngroups);
	r->ngroups = (size_t)m->ngroups;
	r->groups = xcalloc(r->ngroups, sizeof *r->groups);
	for (int k = 0; k < m->ngroups; k++)
		run_build_group(sc, m, s, order[k], &r->groups[k]);
	free(order);
	free(ids);

	ids = xcalloc((size_t)m->nparticipants + 1, sizeof *ids);
	for (int p = 0; p < m->nparticipants; p++)
		ids[p] = m->participants[p].id;
	order = run_order(ids, m->nparticipants);
	r->nparts = (size_t)m->nparticipants;
	r->parts = xcalloc(r->nparts, sizeof *r->parts);
	for (int k = 0; k < m->nparticipants; k++)
		run_build_participant(sc, m, s, order[k], &r->parts[k]);
	free(order);
	free(ids);
}
