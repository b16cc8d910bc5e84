/* iopsched runs: the stored runs, oldest first. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>

#include "command.h"
#include "exitcode.h"
#include "store.h"

static error_t
runs_parse(int key, char *arg, struct argp_state *state)
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

static const struct argp runs_argp = {
	NULL, runs_parse, NULL, "List the stored runs, oldest first.",
	cmd_global_child, NULL, NULL
};

static void
runs_print_json(const struct store_run_info *v, size_t n)
{
	cJSON *arr = cJSON_CreateArray();
	char *text;

	for (size_t i = 0; i < n; i++) {
		cJSON *o = cJSON_CreateObject();

		cJSON_AddNumberToObject(o, "run", v[i].id);
		cJSON_AddStringToObject(o, "created", v[i].created);
		cJSON_AddNumberToObject(o, "participants", v[i].participants);
		cJSON_AddNumberToObject(o, "placed", v[i].placed);
		cJSON_AddNumberToObject(o, "unplaced", v[i].unplaced);
		cJSON_AddNumberToObject(o, "groups_open", v[i].groups_open);
		cJSON_AddNumberToObject(o, "makeups", v[i].makeups);
		cJSON_AddNumberToObject(o, "bound", v[i].bound);
		cJSON_AddItemToArray(arr, o);
	}
	text = cJSON_Print(arr);
	cJSON_Delete(arr);
	if (text == NULL)
		abort();
	printf("%s\n", text);
	cJSON_free(text);
}

static void
runs_print_table(const struct store_run_info *v, size_t n)
{
	printf("%5s  %-20s  %6s  %6s  %8s  %6s  %7s  %5s\n", "RUN", "CREATED",
	    "PEOPLE", "PLACED", "UNPLACED", "GROUPS", "MAKEUPS", "BOUND");
	for (size_t i = 0; i < n; i++)
		printf("%5d  %-20s  %6d  %6d  %8d  %6d  %7d  %5d\n", v[i].id,
		    v[i].created, v[i].participants, v[i].placed,
		    v[i].unplaced, v[i].groups_open, v[i].makeups, v[i].bound);
}

static int
runs_run(int argc, char **argv)
{
	struct store *st = NULL;
	struct store_run_info *v = NULL;
	size_t n = 0;
	char *cause = NULL;
	int code, rc;

	if ((code = cmd_parse(&runs_argp, argc, argv, NULL)) != EXIT_OK)
		return code;
	rc = store_open(cmd_db_path(), STORE_READ, &st, &cause);
	if (rc == 0)
		rc = store_list_runs(st, &v, &n, &cause);
	store_close(st);
	if (rc != 0)
		return exit_report(rc, cause);
	if (globals.json)
		runs_print_json(v, n);
	else if (n == 0)
		printf("no runs yet\n");
	else
		runs_print_table(v, n);
	store_run_infos_free(v, n);
	return EXIT_OK;
}

const struct command cmd_runs = {
	"runs", "List the stored runs", runs_run
};
