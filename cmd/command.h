/*
 * The command table.  Each cmd/<name>.c exports one struct command; the
 * NULL-terminated table in cmd/main.c lists them.  Global options are
 * parsed before the command name by main and after it through the argp
 * child every command includes (cmd_global_child).
 */
#ifndef IOP_COMMAND_H
#define IOP_COMMAND_H

#include <argp.h>
#include <stdbool.h>

struct globals {
	const char *db;		/* --db, else $IOPSCHED_DB, else "iopsched.db" */
	bool	quiet;		/* --quiet */
	bool	json;		/* --json */
	bool	allow_outside;	/* --allow-outside: scenario files anywhere */
};

extern struct globals globals;

/* The argp child that adds --db, --quiet and --json to a command. */
extern const struct argp_child cmd_global_child[];
extern const struct argp cmd_global_argp;

struct command {
	const char *name;
	const char *doc;	/* one line for the command list */
	/*
	 * Runs the command with argv[0] set to "iopsched NAME"; returns an
	 * exit code of cmd/exitcode.h.  Prints its own results and errors.
	 */
	int	(*run)(int argc, char **argv);
};

extern const struct command cmd_demo;
extern const struct command cmd_solve;
extern const struct command cmd_schedule;
extern const struct command cmd_explain;
extern const struct command cmd_runs;
extern const struct command cmd_diff;
extern const struct command cmd_publish;
extern const struct command cmd_shifts;
extern const struct command cmd_calendar;
extern const struct command cmd_rotation;
extern const struct command cmd_report;

/*
 * Parses argv with a command's argp (globals included) and returns 0, or
 * the usage exit code argp chose (argp prints the message).
 */
int	cmd_parse(const struct argp *argp, int argc, char **argv, void *input);

/*
 * argp_error() (which exits 64) with the message's control characters as
 * '?', so that an argument holding a newline still makes one line.
 */
void	cmd_usage(const struct argp_state *state, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* The database path after option and environment defaults. */
const char *cmd_db_path(void);

/* Parses a run number (1 or more); 0 when malformed. */
int	cmd_run_number(const char *arg);


#endif
