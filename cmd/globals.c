/*
 * The global options, shared by the top level and every command through an
 * argp child, so `iopsched --json runs` and `iopsched runs --json` agree.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "command.h"
#include "exitcode.h"

struct globals globals;

enum { OPT_DB = 0x100, OPT_ALLOW_OUTSIDE };

static const struct argp_option global_options[] = {
	{ "db", OPT_DB, "PATH", 0,
	  "Database file (default: $IOPSCHED_DB, else ./iopsched.db)", 0 },
	{ "quiet", 'q', NULL, 0, "Print nothing on success", 0 },
	{ "json", 'j', NULL, 0, "Machine-readable JSON on stdout", 0 },
	{ "allow-outside", OPT_ALLOW_OUTSIDE, NULL, 0,
	  "Let a scenario name files outside its folder (absolute paths, "
	  "'..', symbolic links leading out)", 0 },
	{ NULL, 0, NULL, 0, NULL, 0 }
};

static error_t
global_parse(int key, char *arg, struct argp_state *state)
{
	(void)state;
	switch (key) {
	case OPT_DB:
		if (arg[0] == '\0')
			cmd_usage(state, "--db needs a non-empty path");
		globals.db = arg;
		return 0;
	case 'q':
		globals.quiet = true;
		return 0;
	case 'j':
		globals.json = true;
		return 0;
	case OPT_ALLOW_OUTSIDE:
		globals.allow_outside = true;
		return 0;
	default:
		return ARGP_ERR_UNKNOWN;
	}
}

const struct argp cmd_global_argp = {
	global_options, global_parse, NULL, NULL, NULL, NULL, NULL
};

const struct argp_child cmd_global_child[] = {
	{ &cmd_global_argp, 0, "Global options:", 1 },
	{ NULL, 0, NULL, 0 }
};

void
cmd_usage(const struct argp_state *state, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	for (char *p = msg; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	argp_error(state, "%s", msg);
}

const char *
cmd_db_path(void)
{
	const char *env;

	if (globals.db != NULL)
		return globals.db;
	env = getenv("IOPSCHED_DB");
	if (env != NULL && env[0] != '\0')
		return env;
	return "iopsched.db";
}

int
cmd_parse(const struct argp *argp, int argc, char **argv, void *input)
{
	error_t err;

	err = argp_parse(argp, argc, argv, 0, NULL, input);
	return err == 0 ? EXIT_OK : EXIT_USAGE;
}

int
cmd_run_number(const char *arg)
{
	char *end;
	long n = strtol(arg, &end, 10);

	if (end == arg || *end != '\0' || n < 1 || n > 1000000000L)
		return 0;
	return (int)n;
}
