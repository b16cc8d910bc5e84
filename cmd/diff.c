/*
 * iopsched diff A B: who moved, joined or left between stored runs A and
 * B, and which groups opened or closed (cmd/run_diff.c), as a table or,
 * with --json, one document.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "command.h"
#include "exitcode.h"
#include "run_diff.h"
#include "store.h"

struct diff_opts {
	int	run[2];
	int	nruns;
};

static error_t
diff_parse(int key, char *arg, struct argp_state *state)
{
	struct diff_opts *o = state->input;

	switch (key) {
	case ARGP_KEY_INIT:
		state->child_inputs[0] = NULL;
		return 0;
	case ARGP_KEY_ARG:
		if (o->nruns == 2)
			cmd_usage(state, "too many arguments");
		if ((o->run[o->nruns++] = cmd_run_number(arg)) == 0)
			cmd_usage(state, "'%s' is not a run number", arg);
		return 0;
	case ARGP_KEY_END:
		if (o->nruns < 2)
			cmd_usage(state, "needs two run numbers A and B");
		return 0;
	default:
		return ARGP_ERR_UNKNOWN;
	}
}

static const struct argp diff_argp = {
	NULL, diff_parse, "A B",
	"Who moved, joined or left between stored runs A and B, and which "
	"groups opened or closed.", cmd_global_child, NULL, NULL
};

static void
diff_print_json(const struct run *a, const struct run *b,
    const struct run_diff *d)
{
	cJSON *doc = cJSON_CreateObject(), *sum, *arr, *groups;
	char *text;

	cJSON_AddNumberToObject(doc, "from", a->id);
	cJSON_AddNumberToObject(doc, "to", b->id);
	sum = cJSON_AddObjectToObject(doc, "summary");
	for (int k = RUN_DIFF_MOVED; k <= RUN_DIFF_CLOSED; k++)
		cJSON_AddNumberToObject(sum, run_diff_kind_name(k), d->count[k]);
	cJSON_AddNumberToObject(sum, "unchanged", d->unchanged);
	arr = cJSON_AddArrayToObject(doc, "participants");
	groups = cJSON_AddArrayToObject(doc, "groups");
	for (size_t k = 0; k < d->n; k++) {
		const struct run_diff_change *c = &d->v[k];
		cJSON *o = cJSON_CreateObject();

		cJSON_AddStringToObject(o, "id", c->id);
		cJSON_AddStringToObject(o, "change", run_diff_kind_name(c->kind));
		if (c->kind <= RUN_DIFF_LEFT) {
			if (c->from != NULL)
				cJSON_AddStringToObject(o, "from", c->from);
			else
				cJSON_AddNullToObject(o, "from");
			if (c->to != NULL)
				cJSON_AddStringToObject(o, "to", c->to);
			else
				cJSON_AddNullToObject(o, "to");
		}
		if (c->why != NULL)
			cJSON_AddStringToObject(o, "why", c->why);
		else
			cJSON_AddNullToObject(o, "why");
		cJSON_AddItemToArray(c->kind <= RUN_DIFF_LEFT ? arr : groups, o);
	}
	text = cJSON_Print(doc);
	cJSON_Delete(doc);
	if (text == NULL)
		abort();	/* cJSON fails only when out of memory */
	printf("%s\n", text);
	cJSON_free(text);
}

static void
diff_print_table(const struct run *a, const struct run *b,
    const struct run_diff *d)
{
	printf("run %d -> run %d: %d moved, %d joined, %d left, %d unchanged;"
	    " %d group%s opened, %d closed\n", a->id, b->id,
	    d->count[RUN_DIFF_MOVED], d->count[RUN_DIFF_JOINED],
	    d->count[RUN_DIFF_LEFT], d->unchanged, d->count[RUN_DIFF_OPENED],
	    d->count[RUN_DIFF_OPENED] == 1 ? "" : "s",
	    d->count[RUN_DIFF_CLOSED]);
	if (d->n == 0)
		return;
	printf("\n%-7s  %-12s  %-12s  %-12s  %s\n", "CHANGE", "ID", "FROM",
	    "TO", "WHY");
	for (size_t k = 0; k < d->n; k++) {
		const struct run_diff_change *c = &d->v[k];

		const char *to = c->to != NULL ? c->to : "-";

		printf("%-7s  %-12s  %-12s  %s", run_diff_kind_name(c->kind),
		    c->id, c->from != NULL ? c->from : "-", to);
		if (c->why != NULL)
			printf("%*s  %s", strlen(to) < 12 ? 12 - (int)strlen(to) :
			    0, "", c->why);
		putchar('\n');
	}
}

static int
diff_run(int argc, char **argv)
{
	struct diff_opts o = { { 0, 0 }, 0 };
	struct store *st = NULL;
	struct run a = { 0 }, b = { 0 };
	struct run_diff d;
	char *cause = NULL;
	int code, rc;

	if ((code = cmd_parse(&diff_argp, argc, argv, &o)) != EXIT_OK)
		return code;
	if ((rc = store_open(cmd_db_path(), STORE_READ, &st, &cause)) == 0 &&
	    (rc = store_load_run(st, o.run[0], &a, &cause)) == 0)
		rc = store_load_run(st, o.run[1], &b, &cause);
	store_close(st);
	if (rc != 0)
		goto out;
	run_diff(&a, &b, &d);
	if (globals.json)
		diff_print_json(&a, &b, &d);
	else if (!globals.quiet)
		diff_print_table(&a, &b, &d);
	run_diff_release(&d);
out:
	run_release(&a);
	run_release(&b);
	return rc != 0 ? exit_report(rc, cause) : EXIT_OK;
}

const struct command cmd_diff = {
	"diff", "Who moved, joined or left between runs A and B", diff_run
};
