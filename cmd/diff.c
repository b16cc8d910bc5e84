/*
 * iopsched diff: Who moved, joined or left between runs A and B.
 * Its issue is still open; until then it says so and exits 70.
 */
#include "command.h"
#include "exitcode.h"

static error_t
diff_parse(int key, char *arg, struct argp_state *state)
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

static const struct argp diff_argp = {
	NULL, diff_parse, "A B",
	"Who moved, joined or left between runs A and B (not implemented yet).", cmd_global_child, NULL, NULL
};

static int
diff_run(int argc, char **argv)
{
	int code = cmd_parse(&diff_argp, argc, argv, NULL);

	if (code != EXIT_OK)
		return code;
	return cmd_not_implemented("diff");
}

const struct command cmd_diff = {
	"diff", "Who moved, joined or left between runs A and B", diff_run
};
