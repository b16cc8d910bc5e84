/* iopsched schedule: print a stored run as a table, CSV or JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "exitcode.h"
#include "output.h"
#include "status.h"
#include "store.h"

enum schedule_format { FMT_TABLE, FMT_CSV, FMT_JSON };

struct schedule_opts {
	int	run;
	struct output_filter filter;
	int	format;
	bool	format_given;
};

enum { OPT_RUN = 0x100, OPT_PART, OPT_CLIN, OPT_FORMAT };

static const struct argp_option schedule_options[] = {
	{ "run", OPT_RUN, "N", 0, "Print run N (default: the latest)", 0 },
	{ "participant", OPT_PART, "ID", 0, "Only this participant", 0 },
	{ "clinician", OPT_CLIN, "ID", 0, "Only this clinician's groups", 0 },
	{ "format", OPT_FORMAT, "FORMAT", 0, "table (default), csv or json", 0 },
	{ NULL, 0, NULL, 0, NULL, 0 }
};

static error_t
schedule_parse(int key, char *arg, struct argp_state *state)
{
	struct schedule_opts *o = state->input;

	switch (key) {
	case ARGP_KEY_INIT:
		state->child_inputs[0] = NULL;
		return 0;
	case OPT_RUN:
		if ((o->run = cmd_run_number(arg)) == 0)
			cmd_usage(state, "--run: '%s' is not a run number",
			    arg);
		return 0;
	case OPT_PART:
		o->filter.participant = arg;
		return 0;
	case OPT_CLIN:
		o->filter.clinician = arg;
		return 0;
	case OPT_FORMAT:
		o->format_given = true;
		if (strcmp(arg, "table") == 0)
			o->format = FMT_TABLE;
		else if (strcmp(arg, "csv") == 0)
			o->format = FMT_CSV;
		else if (strcmp(arg, "json") == 0)
			o->format = FMT_JSON;
		else
			cmd_usage(state, "--format: '%s' is not table, csv or "
			    "json", arg);
		return 0;
	case ARGP_KEY_ARG:
		cmd_usage(state, "unexpected argument '%s'", arg);
		return 0;
	default:
		return ARGP_ERR_UNKNOWN;
	}
}

static const struct argp schedule_argp = {
	schedule_options, schedule_parse, NULL,
	"Print a stored run (default: the latest).", cmd_global_child, NULL,
	NULL
};

static void
schedule_print(const struct run *r, const struct schedule_opts *o)
{
	char *text = NULL;

	switch (o->format) {
	case FMT_JSON:
		text = output_json(r, &o->filter);
		break;
	case FMT_CSV:
		text = output_csv(r, &o->filter);
		break;
	default:
		output_table(stdout, r, &o->filter);
		return;
	}
	fputs(text, stdout);
	free(text);
}

static int
schedule_run(int argc, char **argv)
{
	struct schedule_opts o = { 0, { NULL, NULL }, FMT_TABLE, false };
	struct store *st = NULL;
	struct run r = { 0 };
	char *cause = NULL;
	int code, rc;

	if ((code = cmd_parse(&schedule_argp, argc, argv, &o)) != EXIT_OK)
		return code;
	if (globals.json && !o.format_given)
		o.format = FMT_JSON;
	rc = store_open(cmd_db_path(), STORE_READ, &st, &cause);
	if (rc == 0)
		rc = store_load_run(st, o.run, &r, &cause);
	store_close(st);
	if (rc == 0)
		rc = output_filter_check(&r, &o.filter, cmd_db_path(),
		    &cause);
	if (rc != 0) {
		run_release(&r);
		return exit_report(rc, cause);
	}
	schedule_print(&r, &o);
	run_release(&r);
	return EXIT_OK;
}

const struct command cmd_schedule = {
	"schedule", "Print a stored run as a table, CSV or JSON", schedule_run
};
