/*
 * iopsched explain: Why participant ID is placed where it is, or why no group could take them.
 * Its issue is still open; until then it says so and exits 70.
 */
#include "command.h"
#include "exitcode.h"

static error_t
explain_parse(int key, char *arg, struct argp_state *state)
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

static const struct argp explain_argp = {
	NULL, explain_parse, "ID",
	"Why participant ID is placed where it is, or why no group could take them (not implemented yet).", cmd_global_child, NULL, NULL
};

static int
explain_run(int argc, char **argv)
{
	int code = cmd_parse(&explain_argp, argc, argv, NULL);

	if (code != EXIT_OK)
		return code;
	return cmd_not_implemented("explain");
}

const struct command cmd_explain = {
	"explain", "Why participant ID is placed where it is, or why no group could take them", explain_run
};
