/*
 * iopsched report: Write a self-contained HTML report of a run.
 * Its issue is still open; until then it says so and exits 70.
 */
#include "command.h"
#include "exitcode.h"

static error_t
report_parse(int key, char *arg, struct argp_state *state)
{
	(void)arg;
	switch (key) {
	case ARGP_KEY_INIT:
		state->child_inputs[0] = NULL;
		return 0;
	case ARGP_KEY_ARG:
		return 0;
	default:
		return ARGP_ERR_UNKNOWN;
	}
}

static const struct argp report_argp = {
	NULL, report_parse, NULL,
	"Write a self-contained HTML report of a run (not implemented yet).", cmd_global_child, NULL, NULL
};

static int
report_run(int argc, char **argv)
{
	int code = cmd_parse(&report_argp, argc, argv, NULL);

	if (code != EXIT_OK)
		return code;
	return cmd_not_implemented("report");
}

const struct command cmd_report = {
	"report", "Write a self-contained HTML report of a run", report_run
};
