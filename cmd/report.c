/*
 * iopsched report --out FILE.html [--run N]: writes a self-contained HTML
 * report of a stored run (default the latest) for coordinators.  The run
 * is laid over a model of the scenario the database holds now, as for
 * `explain`, so the report knows which session instances run
 * (cmd/report_grid.c); cmd/report_html*.c write it down.  The page names
 * participants: it is built in memory, written atomically with mode 0600,
 * and the memory is wiped, so no copy is left anywhere else.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic.h"
#include "command.h"
#include "exitcode.h"
#include "model_build.h"
#include "report.h"
#include "status.h"
#include "store.h"
#include "xmalloc.h"

struct report_opts {
	const char *out;
	int	run;
};

enum { OPT_RUN = 0x100, OPT_OUT };

static const struct argp_option report_options[] = {
	{ "out", OPT_OUT, "FILE", 0, "Write the report to FILE (required)", 0 },
	{ "run", OPT_RUN, "N", 0, "Report run N (default: the latest)", 0 },
	{ NULL, 0, NULL, 0, NULL, 0 }
};

static error_t
report_parse(int key, char *arg, struct argp_state *state)
{
	struct report_opts *o = state->input;

	switch (key) {
	case ARGP_KEY_INIT:
		state->child_inputs[0] = NULL;
		return 0;
	case OPT_RUN:
		if ((o->run = cmd_run_number(arg)) == 0)
			cmd_usage(state, "--run: '%s' is not a run number",
			    arg);
		return 0;
	case OPT_OUT:
		if (*arg == '\0')
			cmd_usage(state, "--out: needs a file name");
		o->out = arg;
		return 0;
	case ARGP_KEY_ARG:
		cmd_usage(state, "unexpected argument '%s'", arg);
		return 0;
	case ARGP_KEY_END:
		if (o->out == NULL)
			cmd_usage(state, "needs --out FILE.html");
		return 0;
	default:
		return ARGP_ERR_UNKNOWN;
	}
}

static const struct argp report_argp = {
	report_options, report_parse, NULL,
	"Write a self-contained HTML report of a stored run (default: the "
	"latest) for coordinators: each open group's week-by-week grid, each "
	"participant's hours per week, the unplaced with their reasons and "
	"each clinician's load.  It names participants, so it is written with "
	"mode 0600.", cmd_global_child, NULL, NULL
};

/* What report holds, released in one place. */
struct report_data {
	struct run r;
	struct scenario sc;
	struct sched_model m;
	struct report_grid g;
	bool	have_model, have_grid;
	char	*html;
	size_t	len;
};

static void
report_data_release(struct report_data *d)
{
	if (d->html != NULL) {
		/* The page names participants: leave no copy in memory. */
		explicit_bzero(d->html, d->len);
		free(d->html);
	}
	if (d->have_grid)
		report_grid_release(&d->g);
	if (d->have_model)
		sched_model_release(&d->m);
	scenario_release(&d->sc);
	run_release(&d->r);
}

static int
report_load(const struct report_opts *o, struct report_data *d, char **cause)
{
	struct store *st = NULL;
	int rc;

	if ((rc = store_open(cmd_db_path(), STORE_READ, &st, cause)) == 0)
		rc = store_load_run_scenario(st, o->run, &d->r, &d->sc,
		    cause);
	store_close(st);
	if (rc != 0)
		return rc;
	if ((rc = model_build(&d->sc, NULL, &d->m, cause)) != 0)
		return rc;
	d->have_model = true;
	report_grid_build(&d->r, &d->m, &d->g);
	d->have_grid = true;
	return 0;
}

/* Renders the page into d->html. */
static int
report_render(struct report_data *d, char **cause)
{
	struct report_view v = { &d->r, &d->sc, &d->m, &d->g };
	FILE *mem;
	int rc = 0;

	if ((mem = open_memstream(&d->html, &d->len)) == NULL)
		abort();	/* only when out of memory */
	if (report_html(mem, &v) != 0)
		rc = IOP_EINTERNAL;
	if (fclose(mem) != 0)
		rc = IOP_EINTERNAL;
	if (rc != 0)
		*cause = xstrdup("cannot build the report in memory");
	return rc;
}

/*
 * Writes d->html to path through atomic_write (mode 0600), first removing
 * what a killed report left in the folder (atomic_clean_dir).
 */
static int
report_write(const char *path, const struct report_data *d, char **cause)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	int rc;

	if (slash != NULL && slash[1] == '\0') {
		*cause = xasprintf("%s: not a file name", path);
		return IOP_ECREATE;
	}
	if (slash == NULL)
		dir = xstrdup(".");
	else if (slash == path)
		dir = xstrdup("/");
	else
		dir = xstrndup(path, (size_t)(slash - path));
	atomic_clean_dir(dir);
	rc = atomic_write(dir, slash != NULL ? slash + 1 : path, d->html,
	    d->len, cause);
	free(dir);
	return rc;
}

static void
report_print(const char *path, const struct report_data *d)
{
	cJSON *o;
	char *text;

	if (!globals.json) {
		if (!globals.quiet)
			printf("wrote %s: run %d, %d participants, %zu bytes\n",
			    path, d->r.id, d->r.participants, d->len);
		return;
	}
	o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "run", d->r.id);
	cJSON_AddStringToObject(o, "out", path);
	cJSON_AddNumberToObject(o, "bytes", (double)d->len);
	if ((text = cJSON_PrintUnformatted(o)) == NULL)
		abort();
	printf("%s\n", text);
	cJSON_free(text);
	cJSON_Delete(o);
}

static int
report_run(int argc, char **argv)
{
	struct report_opts o = { NULL, 0 };
	struct report_data d;
	char *cause = NULL;
	int code, rc;

	if ((code = cmd_parse(&report_argp, argc, argv, &o)) != EXIT_OK)
		return code;
	memset(&d, 0, sizeof d);
	if ((rc = report_load(&o, &d, &cause)) != 0 ||
	    (rc = report_render(&d, &cause)) != 0 ||
	    (rc = report_write(o.out, &d, &cause)) != 0)
		goto out;
	report_print(o.out, &d);
out:
	report_data_release(&d);
	return rc != 0 ? exit_report(rc, cause) : EXIT_OK;
}

const struct command cmd_report = {
	"report", "Write a self-contained HTML report of a run", report_run
};
