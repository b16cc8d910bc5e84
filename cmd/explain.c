/*
 * iopsched explain ID [--run N]: why participant ID is placed where a
 * stored run put them, or why no group could take them.  The run is laid
 * over a model of the scenario the database holds now (cmd/run_solution.c)
 * and the engine answers group by group (engine/explain.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "exitcode.h"
#include "explain_view.h"
#include "model_build.h"
#include "status.h"
#include "store.h"
#include "xmalloc.h"

struct explain_opts {
	const char *id;
	int	run;
};

enum { OPT_RUN = 0x100 };

static const struct argp_option explain_options[] = {
	{ "run", OPT_RUN, "N", 0, "Explain run N (default: the latest)", 0 },
	{ NULL, 0, NULL, 0, NULL, 0 }
};

static error_t
explain_parse(int key, char *arg, struct argp_state *state)
{
	struct explain_opts *o = state->input;

	switch (key) {
	case ARGP_KEY_INIT:
		state->child_inputs[0] = NULL;
		return 0;
	case OPT_RUN:
		if ((o->run = cmd_run_number(arg)) == 0)
			cmd_usage(state, "--run: '%s' is not a run number",
			    arg);
		return 0;
	case ARGP_KEY_ARG:
		if (o->id != NULL)
			cmd_usage(state, "too many arguments");
		o->id = arg;
		return 0;
	case ARGP_KEY_END:
		if (o->id == NULL)
			cmd_usage(state, "needs a participant ID");
		return 0;
	default:
		return ARGP_ERR_UNKNOWN;
	}
}

static const struct argp explain_argp = {
	explain_options, explain_parse, "ID",
	"Why participant ID is placed where a stored run (default: the latest) "
	"put them, or why no group could take them: per group of their track, "
	"the hours they could attend each week and the rule that rules it out, "
	"and the one change that would place them.", cmd_global_child, NULL,
	NULL
};

/* What explain holds, released in one place. */
struct explain_data {
	struct run r;
	struct scenario sc;
	struct sched_model m;
	struct sched_solution s;
	struct sched_explanation e;
	struct run_notes notes;
	bool	have_model, have_sol, have_expl;
};

static void
explain_data_release(struct explain_data *d)
{
	if (d->have_expl)
		sched_explanation_release(&d->e);
	if (d->have_sol)
		sched_solution_release(&d->s);
	if (d->have_model)
		sched_model_release(&d->m);
	run_notes_release(&d->notes);
	scenario_release(&d->sc);
	run_release(&d->r);
}

static int
explain_load(const struct explain_opts *o, struct explain_data *d,
    char **cause)
{
	struct store *st = NULL;
	int rc;

	if ((rc = store_open(cmd_db_path(), STORE_READ, &st, cause)) == 0)
		rc = store_load_run_scenario(st, o->run, &d->r, &d->sc,
		    cause);
	store_close(st);
	return rc;
}

static int
explain_part_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct run_participant *)elem)->id);
}

static int
explain_index(const struct sched_model *m, const char *id)
{
	for (int p = 0; p < m->nparticipants; p++)
		if (strcmp(m->participants[p].id, id) == 0)
			return p;
	return -1;
}

/*
 * Builds the model of today's scenario and, when participant id is in it,
 * the engine's explanation of them under the run; fills v's m and e.
 */
static int
explain_analyse(struct explain_data *d, const char *id,
    struct explain_view *v, char **cause)
{
	int rc, p;

	if ((rc = model_build(&d->sc, &d->r, &d->m, cause)) != 0)
		return rc;
	d->have_model = true;
	if ((p = explain_index(&d->m, id)) < 0)
		return 0;	/* no longer in the scenario */
	run_solution(&d->m, &d->r, &d->s, &d->notes);
	d->have_sol = true;
	sched_explain(&d->m, &d->s, p, &d->e);
	d->have_expl = true;
	v->m = &d->m;
	v->e = &d->e;
	return 0;
}

static int
explain_run(int argc, char **argv)
{
	struct explain_opts o = { NULL, 0 };
	struct explain_data d;
	struct explain_view v;
	char *cause = NULL, *doc;
	int code, rc;

	if ((code = cmd_parse(&explain_argp, argc, argv, &o)) != EXIT_OK)
		return code;
	memset(&d, 0, sizeof d);
	memset(&v, 0, sizeof v);
	if ((rc = explain_load(&o, &d, &cause)) != 0 ||
	    (rc = explain_analyse(&d, o.id, &v, &cause)) != 0)
		goto out;
	v.id = o.id;
	v.r = &d.r;
	v.notes = &d.notes;
	v.rp = bsearch(o.id, d.r.parts, d.r.nparts, sizeof *d.r.parts,
	    explain_part_cmp);
	if (v.rp == NULL && v.m == NULL) {
		cause = xasprintf("%s: unknown participant '%s'",
		    cmd_db_path(), o.id);
		rc = IOP_ENOTFOUND;
		goto out;
	}
	if (globals.json) {
		doc = explain_json(&v);
		fputs(doc, stdout);
		free(doc);
	} else if (!globals.quiet)
		explain_print_text(stdout, &v);
out:
	explain_data_release(&d);
	return rc != 0 ? exit_report(rc, cause) : EXIT_OK;
}

const struct command cmd_explain = {
	"explain", "Why participant ID is placed where it is, or why no group "
	"could take them", explain_run
};
