/* iopsched solve [SCENARIO.json]: load, solve, store a run, summarize. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "exitcode.h"
#include "output.h"
#include "solve_flow.h"
#include "xmalloc.h"

struct solve_opts {
	struct solve_args args;
	const char **pins;		/* --pin arguments, caller frees */
	bool	fail_on_unplaced;
};

enum { OPT_OUT = 0x100, OPT_FAIL, OPT_LIMIT, OPT_PIN };

static const struct argp_option solve_options[] = {
	{ "out", OPT_OUT, "DIR", 0,
	  "Also write schedule.json and schedule.csv into DIR", 0 },
	{ "fail-on-unplaced", OPT_FAIL, NULL, 0,
	  "Exit 1 when anyone is unplaced", 0 },
	{ "time-limit", OPT_LIMIT, "SECONDS", 0, "Bound the search", 0 },
	{ "pin", OPT_PIN, "ID[=GROUP]", 0, "Keep participant ID in GROUP "
	  "(default: its home group in the previous run); repeatable", 0 },
	{ NULL, 0, NULL, 0, NULL, 0 }
};

static error_t
solve_parse(int key, char *arg, struct argp_state *state)
{
	struct solve_opts *o = state->input;
	char *end;

	switch (key) {
	case ARGP_KEY_INIT:
		state->child_inputs[0] = NULL;
		return 0;
	case OPT_OUT:
		if (arg[0] == '\0')
			cmd_usage(state, "--out needs a non-empty path");
		o->args.out_dir = arg;
		return 0;
	case OPT_FAIL:
		o->fail_on_unplaced = true;
		return 0;
	case OPT_LIMIT:
		errno = 0;
		o->args.time_limit = strtod(arg, &end);
		if (errno != 0 || end == arg || *end != '\0' ||
		    !(o->args.time_limit > 0) || o->args.time_limit > 1e6)
			cmd_usage(state, "--time-limit: '%s' is not a positive "
			    "number of seconds", arg);
		return 0;
	case OPT_PIN:
		if (arg[0] == '\0' || arg[0] == '=' ||
		    arg[strlen(arg) - 1] == '=')
			cmd_usage(state, "--pin: '%s' is not ID or ID=GROUP",
			    arg);
		o->pins = xreallocarray(o->pins, o->args.npins + 1,
		    sizeof *o->pins);
		o->pins[o->args.npins++] = arg;
		o->args.pins = o->pins;
		return 0;
	case ARGP_KEY_ARG:
		if (o->args.scenario != NULL)
			cmd_usage(state, "too many arguments");
		o->args.scenario = arg;
		return 0;
	default:
		return ARGP_ERR_UNKNOWN;
	}
}

static const struct argp solve_argp = {
	solve_options, solve_parse, "[SCENARIO.json]",
	"Load SCENARIO (insert or update by id) into the database, solve, and "
	"store the result as a new run.  Without SCENARIO, solve what the "
	"database holds.  --pin keeps a participant in a group: one the "
	"pinned group can't take stays unplaced, with a reason that says so.", cmd_global_child, NULL, NULL
};

static int
solve_run(int argc, char **argv)
{
	struct solve_opts o = { { NULL, NULL, 0, NULL, 0 }, NULL, false };
	struct output_filter all = { NULL, NULL };
	struct run r;
	char *cause = NULL;
	int code, rc;

	if ((code = cmd_parse(&solve_argp, argc, argv, &o)) != EXIT_OK) {
		free(o.pins);
		return code;
	}
	rc = solve_flow(cmd_db_path(), &o.args, &r, &cause);
	free(o.pins);
	if (rc != 0)
		return exit_report(rc, cause);
	if (globals.json) {
		char *doc = output_json(&r, &all);

		fputs(doc, stdout);
		free(doc);
	} else if (!globals.quiet)
		output_summary(stdout, &r);
	code = o.fail_on_unplaced && r.unplaced > 0 ? EXIT_UNPLACED : EXIT_OK;
	run_release(&r);
	return code;
}

const struct command cmd_solve = {
	"solve", "Solve a scenario and store the schedule as a new run",
	solve_run
};
