/*
 * iopsched rotation: Write an iCalendar file of a standard shift rotation.
 * Its issue is still open; until then it says so and exits 70.
 */
#include "command.h"
#include "exitcode.h"

static error_t
rotation_parse(int key, char *arg, struct argp_state *state)
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

static const struct argp rotation_argp = {
	NULL, rotation_parse, "PATTERN",
	"Write an iCalendar file of a standard shift rotation (not implemented yet).", cmd_global_child, NULL, NULL
};

static int
rotation_run(int argc, char **argv)
{
	int code = cmd_parse(&rotation_argp, argc, argv, NULL);

	if (code != EXIT_OK)
		return code;
	return cmd_not_implemented("rotation");
}

const struct command cmd_rotation = {
	"rotation", "Write an iCalendar file of a standard shift rotation", rotation_run
};
