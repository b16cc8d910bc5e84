/*
 * iopsched shifts ID FILE.ics: replaces participant ID's stored shift
 * calendar ("-" reads stdin), so that a nightly job can refresh each
 * person's agency feed before it re-solves, and says how many busy hours
 * inside the program changed.  The new file is validated the way `solve`
 * reads it before anything is written; the database must already exist.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cal.h"
#include "command.h"
#include "exitcode.h"
#include "model_build.h"
#include "output.h"
#include "shifts_diff.h"
#include "status.h"
#include "store.h"
#include "xmalloc.h"

struct shifts_opts {
	const char *id;
	const char *file;
};

/* The new calendar: its text and the name messages and the store use. */
struct shifts_input {
	const char *name;
	char	*text;
	size_t	 len;
};

static error_t
shifts_parse(int key, char *arg, struct argp_state *state)
{
	struct shifts_opts *o = state->input;

	switch (key) {
	case ARGP_KEY_INIT:
		state->child_inputs[0] = NULL;
		return 0;
	case ARGP_KEY_ARG:
		if (o->id == NULL)
			o->id = arg;
		else if (o->file == NULL)
			o->file = arg;
		else
			cmd_usage(state, "too many arguments");
		return 0;
	case ARGP_KEY_END:
		if (o->id == NULL || o->file == NULL)
			cmd_usage(state, "shifts needs a participant ID and a "
			    "FILE.ics ('-' for stdin)");
		return 0;
	default:
		return ARGP_ERR_UNKNOWN;
	}
}

static const struct argp shifts_argp = {
	NULL, shifts_parse, "ID FILE.ics",
	"Replace participant ID's shift calendar in the database with "
	"FILE.ics ('-' reads stdin) and print how many busy hours inside the "
	"program changed.  The file is checked first; nothing is written "
	"when it is not valid.", cmd_global_child, NULL, NULL
};

/* Index of the active participant id in sc, or IOP_ENOTFOUND. */
static int
shifts_find(const struct scenario *sc, const char *db, const char *id,
    size_t *index, char **cause)
{
	for (size_t i = 0; i < sc->nparticipants; i++)
		if (strcmp(sc->participants[i].id, id) == 0) {
			*index = i;
			return 0;
		}
	*cause = xasprintf("%s: unknown participant '%s'", db, id);
	return IOP_ENOTFOUND;
}

/*
 * Measures the change in participant index's buffered busy time inside
 * the program between the stored calendar and in.  IOP_EINPUT with
 * *cause when in is not valid iCalendar.
 */
static int
shifts_measure(const struct scenario *sc, size_t index,
    const struct shifts_input *in, struct shifts_change *ch, char **cause)
{
	const struct scn_calendar *old = &sc->participants[index].shifts;
	const struct scn_program *pg = &sc->program;
	struct sched_spans before = { 0 }, after = { 0 };
	int64_t from, to;
	int rc;

	if ((rc = model_participant_busy(sc, index, in->text, in->len,
	    in->name, &after, cause)) != 0 ||
	    (rc = model_participant_busy(sc, index, old->text, old->len,
	    old->path, &before, cause)) != 0 ||
	    (rc = model_day_start(sc, pg->start, &from, cause)) != 0 ||
	    (rc = model_day_start(sc, pg->start + 7 * (int64_t)pg->weeks, &to,
	    cause)) != 0)
		goto out;
	shifts_diff(&before, &after, from, to, ch);
out:
	sched_spans_release(&before);
	sched_spans_release(&after);
	return rc;
}

/*
 * In one transaction: finds participant id in the active scenario,
 * measures the change and stores in as their calendar.  Nothing is
 * written unless every step succeeds.
 */
static int
shifts_replace(const char *db, const char *id, const struct shifts_input *in,
    struct shifts_change *ch, char **cause)
{
	struct scenario sc = { 0 };
	struct store *st = NULL;
	size_t index;
	int rc;

	if ((rc = store_open(db, STORE_WRITE, &st, cause)) != 0 ||
	    (rc = store_begin(st, cause)) != 0 ||
	    (rc = store_load_scenario(st, &sc, cause)) != 0 ||
	    (rc = shifts_find(&sc, db, id, &index, cause)) != 0 ||
	    (rc = shifts_measure(&sc, index, in, ch, cause)) != 0 ||
	    (rc = store_set_shifts(st, id, in->name, in->text, in->len,
	    cause)) != 0)
		goto out;
	rc = store_commit(st, cause);
out:
	if (st != NULL)
		store_rollback(st);
	store_close(st);
	scenario_release(&sc);
	return rc;
}

static void
shifts_print(const char *id, const struct shifts_change *ch)
{
	double added = ch->added / 3600.0, removed = ch->removed / 3600.0;
	char buf[32], *text;
	cJSON *o;

	if (!globals.json) {
		if (!globals.quiet)
			printf("%s: %.1f busy hours changed inside the program "
			    "(%.1f added, %.1f removed)\n", id, added + removed,
			    added, removed);
		return;
	}
	o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "participant", id);
	output_hours(added + removed, buf, sizeof buf);
	cJSON_AddRawToObject(o, "changed_hours", buf);
	output_hours(added, buf, sizeof buf);
	cJSON_AddRawToObject(o, "added_hours", buf);
	output_hours(removed, buf, sizeof buf);
	cJSON_AddRawToObject(o, "removed_hours", buf);
	if ((text = cJSON_PrintUnformatted(o)) == NULL)
		abort();
	printf("%s\n", text);
	cJSON_free(text);
	cJSON_Delete(o);
}

static int
shifts_run(int argc, char **argv)
{
	struct shifts_opts o = { NULL, NULL };
	struct shifts_input in = { NULL, NULL, 0 };
	struct shifts_change ch;
	const char *db;
	char *cause = NULL;
	int code, rc;

	if ((code = cmd_parse(&shifts_argp, argc, argv, &o)) != EXIT_OK)
		return code;
	db = cmd_db_path();
	/* Only an existing database has a participant to update. */
	if (access(db, F_OK) != 0)
		return exit_report(IOP_ENOFILE,
		    xasprintf("%s: no such database", db));
	in.name = strcmp(o.file, "-") == 0 ? "<stdin>" : o.file;
	if ((rc = cal_read_file(o.file, &in.text, &in.len, &cause)) == 0)
		rc = shifts_replace(db, o.id, &in, &ch, &cause);
	free(in.text);
	if (rc != 0)
		return exit_report(rc, cause);
	shifts_print(o.id, &ch);
	return EXIT_OK;
}

const struct command cmd_shifts = {
	"shifts", "Replace participant ID's shift calendar", shifts_run
};
