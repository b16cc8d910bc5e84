/*
 * The solve pipeline.  Input is validated before the database is touched;
 * the scenario save and the run save share one IMMEDIATE transaction, so a
 * failure or a kill at any point leaves the previous state whole.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atomic.h"
#include "command.h"
#include "model_build.h"
#include "output.h"
#include "run_build.h"
#include "solution.h"
#include "solve_flow.h"
#include "status.h"
#include "store.h"
#include "xmalloc.h"

static int
flow_previous(struct store *st, struct run *prev, bool *have, char **cause)
{
	int rc = store_load_run(st, 0, prev, cause);

	*have = rc == 0;
	if (rc == IOP_ENOTFOUND) {
		free(*cause);
		*cause = NULL;
		return 0;
	}
	return rc;
}

/* Model, solve and run, from the scenario the store holds. */
static int
flow_solve(struct store *st, const struct solve_args *a, struct run *r,
    char **cause)
{
	struct scenario sc = { 0 };
	struct sched_model m = { 0 };
	struct sched_solution s = { 0 };
	struct sched_solve_opts o = { 0 };
	struct run prev = { 0 };
	bool have_prev = false, have_model = false, have_sol = false;
	int rc;

	if ((rc = store_load_scenario(st, &sc, cause)) != 0)
		goto out;
	/* Name calendars in messages from where the user stands. */
	if (a->scenario != NULL)
		sc.path = xstrdup(a->scenario);
	if ((rc = flow_previous(st, &prev, &have_prev, cause)) != 0)
		goto out;
	if ((rc = model_build(&sc, have_prev ? &prev : NULL, &m, cause)) != 0)
		goto out;
	have_model = true;
	if ((rc = solve_pins(&m, a->pins, a->npins, cause)) != 0)
		goto out;
	o.time_limit = a->time_limit;
	if ((rc = sched_solve(&m, &o, &s, cause)) != 0)
		goto out;
	have_sol = true;
	{
		int changed = r->calendars_changed;

		run_build(&sc, &m, &s, a->time_limit, r);
		r->calendars_changed = changed;
	}
	rc = store_save_run(st, r, cause);
out:
	if (have_sol)
		sched_solution_release(&s);
	if (have_model)
		sched_model_release(&m);
	if (have_prev)
		run_release(&prev);
	scenario_release(&sc);
	return rc;
}

static int
flow_part_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct scn_participant *)elem)->id);
}

/*
 * Counts the participants of sc whose shift calendar text differs from the
 * one stored (by hash), so a re-import says what it changed.  A database
 * with no scenario yet counts nothing.
 */
static int
flow_changed_shifts(struct store *st, const struct scenario *sc, int *changed,
    char **cause)
{
	struct scenario old = { 0 };
	int rc = store_load_scenario(st, &old, cause);

	*changed = 0;
	if (rc == IOP_ENOTFOUND) {
		free(*cause);
		*cause = NULL;
		return 0;
	}
	if (rc != 0)
		return rc;
	for (size_t i = 0; i < sc->nparticipants; i++) {
		const struct scn_participant *p = &sc->participants[i];
		const struct scn_participant *o;
		const char *h_new = p->shifts.hash, *h_old;

		o = bsearch(p->id, old.participants, old.nparticipants,
		    sizeof *old.participants, flow_part_cmp);
		if (o == NULL)
			continue;
		h_old = o->shifts.hash;
		if ((h_new == NULL) != (h_old == NULL) ||
		    (h_new != NULL && strcmp(h_new, h_old) != 0))
			(*changed)++;
	}
	scenario_release(&old);
	return 0;
}

static int
flow_write_files(const char *dir, const struct run *r, char **cause)
{
	struct output_filter all = { NULL, NULL };
	char *json = output_json(r, &all), *csv = output_csv(r, &all);
	int rc;

	rc = atomic_write(dir, "schedule.json", json, strlen(json), cause);
	if (rc == 0)
		rc = atomic_write(dir, "schedule.csv", csv, strlen(csv), cause);
	free(json);
	free(csv);
	return rc;
}

int
solve_flow(const char *db_path, const struct solve_args *a, struct run *r,
    char **cause)
{
	struct scenario sc = { 0 };
	struct store *st = NULL;
	bool loaded = false;
	int rc;

	memset(r, 0, sizeof *r);
	if (a->scenario != NULL) {
		if ((rc = scenario_load_with(a->scenario,
		    globals.allow_outside ? SCN_LOAD_ANYWHERE : 0, &sc,
		    cause)) != 0)
			return rc;
		loaded = true;
	} else if (access(db_path, F_OK) != 0) {
		*cause = xasprintf("%s: no scenario stored yet; run "
		    "'iopsched solve SCENARIO.json' first", db_path);
		return IOP_ENOTFOUND;
	}
	if (a->out_dir != NULL &&
	    (rc = atomic_prepare_dir(a->out_dir, cause)) != 0)
		goto out;
	if ((rc = store_open(db_path, STORE_WRITE, &st, cause)) != 0 ||
	    (rc = store_begin(st, cause)) != 0)
		goto out;
	if (loaded && ((rc = flow_changed_shifts(st, &sc,
	    &r->calendars_changed, cause)) != 0 ||
	    (rc = store_save_scenario(st, &sc, cause)) != 0))
		goto out;
	if ((rc = flow_solve(st, a, r, cause)) != 0 ||
	    (rc = store_commit(st, cause)) != 0)
		goto out;
	if (a->out_dir != NULL)
		rc = flow_write_files(a->out_dir, r, cause);
out:
	if (st != NULL)
		store_rollback(st);
	store_close(st);
	if (loaded)
		scenario_release(&sc);
	if (rc != 0)
		run_release(r);
	return rc;
}
