/*
 * iopsched publish: Write iCalendar feeds and send invites for the latest run.
 * Its issue is still open; until then it says so and exits 70.
 */
#include "command.h"
#include "exitcode.h"

static error_t
publish_parse(int key, char *arg, struct argp_state *state)
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

static const struct argp publish_argp = {
	NULL, publish_parse, NULL,
	"Write iCalendar feeds and send invites for the latest run (not implemented yet).", cmd_global_child, NULL, NULL
};

static int
publish_run(int argc, char **argv)
{
	int code = cmd_parse(&publish_argp, argc, argv, NULL);

	if (code != EXIT_OK)
		return code;
	return cmd_not_implemented("publish");
}

const struct command cmd_publish = {
	"publish", "Write iCalendar feeds and send invites for the latest run", publish_run
};
