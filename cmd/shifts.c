/*
 * iopsched shifts: Replace participant ID's shift calendar.
 * Its issue is still open; until then it says so and exits 70.
 */
#include "command.h"
#include "exitcode.h"

static error_t
shifts_parse(int key, char *arg, struct argp_state *state)
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

static const struct argp shifts_argp = {
	NULL, shifts_parse, "ID FILE.ics",
	"Replace participant ID's shift calendar (not implemented yet).", cmd_global_child, NULL, NULL
};

static int
shifts_run(int argc, char **argv)
{
	int code = cmd_parse(&shifts_argp, argc, argv, NULL);

	if (code != EXIT_OK)
		return code;
	return cmd_not_implemented("shifts");
}

const struct command cmd_shifts = {
	"shifts", "Replace participant ID's shift calendar", shifts_run
};
