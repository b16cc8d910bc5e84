/*
 * iopsched demo: solves the bundled demo scenario in a temporary folder and
 * database, prints the schedule, and removes the folder.
 */
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "command.h"
#include "demo_files.h"
#include "exitcode.h"
#include "output.h"
#include "solve_flow.h"
#include "status.h"
#include "xmalloc.h"

static error_t
demo_parse(int key, char *arg, struct argp_state *state)
{
	switch (key) {
	case ARGP_KEY_INIT:
		state->child_inputs[0] = NULL;
		return 0;
	case ARGP_KEY_ARG:
		cmd_usage(state, "unexpected argument '%s'", arg);
		return 0;
	default:
		return ARGP_ERR_UNKNOWN;
	}
}

static const struct argp demo_argp = {
	NULL, demo_parse, NULL,
	"Solve the bundled demo scenario in a temporary database and print "
	"the schedule.", cmd_global_child, NULL, NULL
};

/* Writes the embedded fixture under dir, creating subfolders. */
static int
demo_unpack(const char *dir, char **cause)
{
	int rc = 0;

	for (const struct demo_file *f = demo_files; f->path && rc == 0; f++) {
		char *path = xasprintf("%s/%s", dir, f->path);
		char *slash = strrchr(path, '/');
		char *sub;

		*slash = '\0';
		sub = xstrdup(path);
		*slash = '/';
		/* Every fixture sits at most one folder deep. */
		if (strcmp(sub, dir) != 0 && mkdir(sub, 0700) != 0 &&
		    errno != EEXIST) {
			*cause = xasprintf("%s: %s", sub, strerror(errno));
			rc = IOP_ECREATE;
		}
		if (rc == 0)
			rc = atomic_write(sub, slash + 1, (const char *)f->data,
			    f->len, cause);
		free(sub);
		free(path);
	}
	return rc;
}

static int
demo_remove_one(const char *path, const struct stat *sb, int flag,
    struct FTW *ftw)
{
	(void)sb;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static int
demo_run(int argc, char **argv)
{
	char dir[] = "/tmp/iopsched-demo.XXXXXX";
	struct solve_args a = { NULL, NULL, 0, NULL, 0 };
	struct output_filter all = { NULL, NULL };
	struct run r;
	char *db, *cause = NULL;
	int code, rc;

	if ((code = cmd_parse(&demo_argp, argc, argv, NULL)) != EXIT_OK)
		return code;
	if (mkdtemp(dir) == NULL) {
		fprintf(stderr, "iopsched: cannot create a temporary folder: "
		    "%s\n", strerror(errno));
		return EXIT_CANTCREAT;
	}
	db = xasprintf("%s/demo.db", dir);
	a.scenario = xasprintf("%s/scenario.json", dir);
	rc = demo_unpack(dir, &cause);
	if (rc == 0)
		rc = solve_flow(db, &a, &r, &cause);
	nftw(dir, demo_remove_one, 16, FTW_DEPTH | FTW_PHYS);
	free(db);
	free((char *)a.scenario);
	if (rc != 0)
		return exit_report(rc, cause);
	if (globals.json) {
		char *doc = output_json(&r, &all);

		fputs(doc, stdout);
		free(doc);
	} else if (!globals.quiet)
		output_table(stdout, &r, &all);
	run_release(&r);
	return EXIT_OK;
}

const struct command cmd_demo = {
	"demo", "Solve the bundled demo scenario and print the schedule",
	demo_run
};
