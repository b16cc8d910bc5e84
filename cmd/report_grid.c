/*
 * The report's numbers, worked out once from a run and the model of the
 * scenario: no printing, no files.  A run records who attends which
 * session (UTC start) of which group; the model says which instance that
 * is and whether its clinician is free, so an instance runs exactly when
 * SPEC section 4 rule 1 says (open group, clinician not busy).
 */
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "xmalloc.h"

static const struct sched_group *
grid_model_group(const struct sched_model *m, const char *id)
{
	for (int g = 0; g < m->ngroups; g++)
		if (strcmp(m->groups[g].id, id) == 0)
			return &m->groups[g];
	return NULL;
}

static int
grid_group_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct run_group *)elem)->id);
}

/* The report group of the run's group id, or NULL. */
static struct report_group *
grid_find_group(const struct run *r, struct report_group *groups,
    const char *id)
{
	const struct run_group *rg;

	/* A run's groups are sorted by id (cmd/run.h). */
	rg = bsearch(id, r->groups, r->ngroups, sizeof *r->groups,
	    grid_group_cmp);
	return rg != NULL ? &groups[rg - r->groups] : NULL;
}

const struct report_cell *
report_grid_cell(const struct report_grid *g, const struct report_group *rgp,
    int w, int k)
{
	if (rgp->mg == NULL || w < 0 || w >= g->model_weeks || k < 0 ||
	    k >= rgp->mg->nsessions)
		return NULL;
	return &rgp->cells[w * rgp->mg->nsessions + k];
}

/* Lays out every group's cells and marks the instances that run. */
static void
grid_groups(const struct run *r, const struct sched_model *m,
    struct report_grid *g)
{
	g->ngroups = r->ngroups;
	g->groups = xcalloc(r->ngroups > 0 ? r->ngroups : 1, sizeof *g->groups);
	for (size_t k = 0; k < r->ngroups; k++) {
		struct report_group *rgp = &g->groups[k];
		int n;

		rgp->rg = &r->groups[k];
		if ((rgp->mg = grid_model_group(m, rgp->rg->id)) == NULL)
			continue;
		n = g->model_weeks * rgp->mg->nsessions;
		rgp->cells = xcalloc(n > 0 ? (size_t)n : 1, sizeof *rgp->cells);
		for (int i = 0; i < n; i++)
			rgp->cells[i].runs = rgp->rg->open && m->instances[
			    rgp->mg->first_instance + i].clinician_free;
	}
}

/* The cell session s of a run attended, or NULL when the model lacks it. */
static struct report_cell *
grid_session_cell(const struct run *r, const struct sched_model *m,
    struct report_grid *g, const struct run_session *s)
{
	struct report_group *rgp = grid_find_group(r, g->groups, s->group);
	int ns;

	if (rgp == NULL || rgp->mg == NULL || s->week < 0 ||
	    s->week >= g->model_weeks)
		return NULL;
	ns = rgp->mg->nsessions;
	for (int k = 0; k < ns; k++) {
		int i = rgp->mg->first_instance + s->week * ns + k;

		if (m->instances[i].start == s->start)
			return &rgp->cells[s->week * ns + k];
	}
	return NULL;
}

/* Each participant's minutes per week, and their seats in the cells. */
static void
grid_parts(const struct run *r, const struct sched_model *m,
    struct report_grid *g)
{
	size_t weeks = g->weeks > 0 ? (size_t)g->weeks : 1;

	g->nparts = r->nparts;
	g->parts = xcalloc(r->nparts > 0 ? r->nparts : 1, sizeof *g->parts);
	for (size_t p = 0; p < r->nparts; p++) {
		struct report_part *rp = &g->parts[p];

		rp->rp = &r->parts[p];
		rp->home = xcalloc(weeks, sizeof *rp->home);
		rp->makeup = xcalloc(weeks, sizeof *rp->makeup);
		for (size_t k = 0; k < rp->rp->nsessions; k++) {
			const struct run_session *s = &rp->rp->sessions[k];
			struct report_cell *c = grid_session_cell(r, m, g, s);
			int minutes = (int)((s->end - s->start) / 60);

			if (s->week >= 0 && s->week < g->weeks)
				*(s->makeup ? &rp->makeup[s->week] :
				    &rp->home[s->week]) += minutes;
			if (c == NULL)
				g->unmatched++;
			else if (s->makeup)
				c->makeups++;
			else
				c->home++;
		}
	}
}

/* Adds open group rgp's running sessions to its clinician's weeks. */
static void
grid_clin_group(const struct report_grid *g, const struct report_group *rgp,
    struct report_clin *c)
{
	c->open++;
	for (int w = 0; w < g->model_weeks; w++) {
		bool any = false;

		for (int k = 0; k < rgp->mg->nsessions; k++) {
			if (!report_grid_cell(g, rgp, w, k)->runs)
				continue;
			c->minutes[w] += rgp->mg->sessions[k].minutes;
			any = true;
		}
		c->groups[w] += any;
	}
}

static void
grid_clins(const struct sched_model *m, struct report_grid *g)
{
	size_t weeks = g->weeks > 0 ? (size_t)g->weeks : 1;

	g->nclins = (size_t)m->nclinicians;
	g->clins = xcalloc(g->nclins > 0 ? g->nclins : 1, sizeof *g->clins);
	for (size_t c = 0; c < g->nclins; c++) {
		g->clins[c].mc = &m->clinicians[c];
		g->clins[c].minutes = xcalloc(weeks, sizeof(int));
		g->clins[c].groups = xcalloc(weeks, sizeof(int));
	}
	for (size_t k = 0; k < g->ngroups; k++) {
		const struct report_group *rgp = &g->groups[k];

		/* The model's clinician leads the group today. */
		if (rgp->mg != NULL && rgp->rg->open)
			grid_clin_group(g, rgp, &g->clins[rgp->mg->clinician]);
	}
}

void
report_grid_build(const struct run *r, const struct sched_model *m,
    struct report_grid *g)
{
	memset(g, 0, sizeof *g);
	g->weeks = r->weeks;
	g->model_weeks = m->weeks < r->weeks ? m->weeks : r->weeks;
	grid_groups(r, m, g);
	grid_parts(r, m, g);
	grid_clins(m, g);
}

void
report_grid_release(struct report_grid *g)
{
	if (g == NULL)
		return;
	for (size_t k = 0; k < g->ngroups; k++)
		free(g->groups[k].cells);
	for (size_t p = 0; p < g->nparts; p++) {
		free(g->parts[p].home);
		free(g->parts[p].makeup);
	}
	for (size_t c = 0; c < g->nclins; c++) {
		free(g->clins[c].minutes);
		free(g->clins[c].groups);
	}
	free(g->groups);
	free(g->parts);
	free(g->clins);
	memset(g, 0, sizeof *g);
}
