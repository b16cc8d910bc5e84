/*
 * iopsched: the entry point.  Parses the global options up to the command
 * name, finds the command in the table and hands it the rest of argv.
 */
#include <argp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "exitcode.h"

const char *argp_program_version = "iopsched " IOPSCHED_VERSION;
const char *argp_program_bug_address = NULL;

static const struct command *const commands[] = {
	&cmd_demo,
	&cmd_solve,
	&cmd_schedule,
	&cmd_explain,
	&cmd_runs,
	&cmd_diff,
	&cmd_publish,
	&cmd_shifts,
	&cmd_calendar,
	&cmd_rotation,
	&cmd_report,
	NULL
};

/* Where the command name sits in argv; set by main_parse. */
struct main_state {
	int	command_index;
};

static char *
main_help_filter(int key, const char *text, void *input)
{
	char *list, *out;
	size_t len = 0;

	(void)input;
	if (key != ARGP_KEY_HELP_POST_DOC)
		return (char *)text;
	for (size_t i = 0; commands[i] != NULL; i++)
		len += strlen(commands[i]->name) + strlen(commands[i]->doc) + 16;
	list = malloc(len + strlen(text) + 32);
	if (list == NULL)
		return (char *)text;
	out = list;
	out += sprintf(out, "Commands:\n");
	for (size_t i = 0; commands[i] != NULL; i++)
		out += sprintf(out, "  %-10s %s\n", commands[i]->name,
		    commands[i]->doc);
	sprintf(out, "\n%s", text);
	return list;
}

static error_t
main_parse(int key, char *arg, struct argp_state *state)
{
	struct main_state *ms = state->input;

	(void)arg;
	switch (key) {
	case ARGP_KEY_INIT:
		state->child_inputs[0] = NULL;
		return 0;
	case ARGP_KEY_ARG:
		/* The command name: stop here, the rest is the command's. */
		ms->command_index = state->next - 1;
		state->next = state->argc;
		return 0;
	case ARGP_KEY_NO_ARGS:
		cmd_usage(state, "a command is required");
		return 0;
	default:
		return ARGP_ERR_UNKNOWN;
	}
}

static const struct argp main_argp = {
	NULL, main_parse, "COMMAND [ARG...]",
	"Places shift workers into evening and weekend IOP groups around their "
	"shift calendars.\v"
	"Run 'iopsched COMMAND --help' for a command's options.  Exit status: "
	"0 success, 1 unplaced with --fail-on-unplaced, 64 usage, 65 invalid "
	"input or unknown id, 66 missing input, 70 internal, 73 cannot create "
	"output, 74 I/O error, 75 database busy or sendmail failed.",
	cmd_global_child, main_help_filter, NULL
};

static char main_name[] = "iopsched";

static const struct command *
main_find(const char *name)
{
	for (size_t i = 0; commands[i] != NULL; i++)
		if (strcmp(commands[i]->name, name) == 0)
			return commands[i];
	return NULL;
}

int
main(int argc, char **argv)
{
	struct main_state ms = { -1 };
	const struct command *cmd;
	char *name;
	int code;

	argp_err_exit_status = EXIT_USAGE;
	/* Messages say "iopsched: ...", however the binary was called. */
	if (argc > 0)
		argv[0] = main_name;
	if (argp_parse(&main_argp, argc, argv, ARGP_IN_ORDER, NULL, &ms) != 0)
		return EXIT_USAGE;
	cmd = main_find(argv[ms.command_index]);
	if (cmd == NULL) {
		for (char *p = argv[ms.command_index]; *p != '\0'; p++)
			if ((unsigned char)*p < 0x20 || *p == 0x7f)
				*p = '?';
		fprintf(stderr, "iopsched: unknown command '%s'\n"
		    "Try 'iopsched --help' for the list of commands.\n",
		    argv[ms.command_index]);
		return EXIT_USAGE;
	}
	/* The command sees "iopsched NAME" as its program name. */
	name = malloc(strlen(cmd->name) + sizeof "iopsched ");
	if (name == NULL)
		return EXIT_SOFTWARE;
	sprintf(name, "iopsched %s", cmd->name);
	argv[ms.command_index] = name;
	code = cmd->run(argc - ms.command_index, argv + ms.command_index);
	free(name);
	return exit_close_stdout(code);
}
