/*
 * The coordinator's HTML report of a run (`iopsched report`), computed
 * apart from its rendering: cmd/report_grid.c works out, from a stored run
 * and the model of the scenario the database holds, what every cell of
 * the report says (which session instances run and how full they are,
 * each participant's hours week by week, each clinician's load);
 * cmd/report_html*.c only writes it down.
 *
 * Ownership: a struct report_grid points into the run and the model it
 * was built from (they must outlive it) and owns its own arrays;
 * report_grid_release() frees them.
 */
#ifndef IOP_REPORT_H
#define IOP_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "model.h"
#include "run.h"
#include "scenario.h"

/* One session of a group in one program week. */
struct report_cell {
	bool	runs;		/* group open and clinician free (rule 1) */
	int	home;		/* home members attending */
	int	makeups;	/* participants attending as a makeup */
};

struct report_group {
	const struct run_group *rg;
	const struct sched_group *mg;	/* NULL: no longer in the scenario */
	struct report_cell *cells;	/* weeks * mg->nsessions, week-major */
};

struct report_part {
	const struct run_participant *rp;
	int	*home;		/* minutes per program week (grid weeks) */
	int	*makeup;
};

struct report_clin {
	const struct sched_clinician *mc;
	int	open;		/* open groups they lead in the run */
	int	*minutes;	/* per week: running sessions of their open groups */
	int	*groups;	/* per week: open groups with a running session */
};

struct report_grid {
	int	weeks;			/* the run's program weeks */
	int	model_weeks;		/* weeks with instances (<= weeks) */
	struct report_group *groups;	/* parallel to the run's groups */
	size_t	ngroups;
	struct report_part *parts;	/* parallel to the run's participants */
	size_t	nparts;
	struct report_clin *clins;	/* parallel to the model's clinicians */
	size_t	nclins;
	int	unmatched;		/* sessions of the run with no instance */
};

/*
 * Computes the report's numbers for run r over model m (prepared, built
 * from the scenario the database holds now) into *g (caller releases).
 * A session of r that matches no instance of m (the scenario changed) is
 * counted in g->unmatched and left out of the group grids.
 */
void	report_grid_build(const struct run *r, const struct sched_model *m,
	    struct report_grid *g);
void	report_grid_release(struct report_grid *g);

/* The cell of group rgp for week w, session k; NULL when out of range. */
const struct report_cell *report_grid_cell(const struct report_grid *g,
	    const struct report_group *rgp, int w, int k);

/* What the HTML needs besides the grid; nothing here is owned. */
struct report_view {
	const struct run *r;
	const struct scenario *sc;	/* names, limits, parameters */
	const struct sched_model *m;
	const struct report_grid *g;
};

/*
 * Writes the whole report, a self-contained HTML5 document, to out.
 * Returns 0, or -1 when a write fails (errno says why).
 */
int	report_html(FILE *out, const struct report_view *v);

#endif
