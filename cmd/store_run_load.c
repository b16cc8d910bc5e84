/*
 * Loading a stored run back into a struct run: the runs row, then groups,
 * members, participants and sessions, each with one ordered SELECT, all
 * under one read snapshot so a concurrent solve cannot mix two runs.
 */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "run.h"
#include "status.h"
#include "store.h"
#include "store_impl.h"
#include "xmalloc.h"

static const char store_run_select[] =
    "SELECT id, created, timezone, program_name, start, weeks, max_hours,"
    " participants, placed, unplaced, groups_open, makeups, bound,"
    " time_limit FROM runs WHERE id = ?1";

static const char store_run_group_select[] =
    "SELECT id, open, clinician, track, capacity, timetable FROM run_groups"
    " WHERE run = ?1 ORDER BY id";

static const char store_run_member_select[] =
    "SELECT grp, participant FROM run_members WHERE run = ?1"
    " ORDER BY grp, participant";

static const char store_run_part_select[] =
    "SELECT id, placed, grp, reason, first_week, last_week, min_hours"
    " FROM run_participants WHERE run = ?1 ORDER BY id";

static const char store_run_session_select[] =
    "SELECT participant, grp, week, start_utc, end_utc, makeup"
    " FROM run_sessions WHERE run = ?1"
    " ORDER BY participant, start_utc, end_utc, grp, week";

/* Fills the header fields of r from the runs row the statement is on. */
static void
store_read_run(sqlite3_stmt *stmt, struct run *r)
{
	r->id = sqlite3_column_int(stmt, 0);
	r->created = store_column_text(stmt, 1);
	r->timezone = store_column_text(stmt, 2);
	r->program_name = store_column_text(stmt, 3);
	r->start = sqlite3_column_int64(stmt, 4);
	r->weeks = sqlite3_column_int(stmt, 5);
	r->max_hours = sqlite3_column_double(stmt, 6);
	r->participants = sqlite3_column_int(stmt, 7);
	r->placed = sqlite3_column_int(stmt, 8);
	r->unplaced = sqlite3_column_int(stmt, 9);
	r->groups_open = sqlite3_column_int(stmt, 10);
	r->makeups = sqlite3_column_int(stmt, 11);
	r->bound = sqlite3_column_int(stmt, 12);
	r->time_limit = sqlite3_column_double(stmt, 13);
}

/* The largest run id into *id, 0 when there is none. */
static int
store_latest_run(struct store *st, int *id, char **cause)
{
	sqlite3_stmt *stmt;
	int rc, ret;

	*id = 0;
	ret = store_prepare(st, "SELECT max(id) FROM runs", &stmt, cause);
	if (ret != 0)
		return ret;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int(stmt, 0);
	else
		ret = store_fail(st, rc, cause);
	sqlite3_finalize(stmt);
	return ret;
}

/* Prepares sql and binds run id to its ?1. */
static int
store_prepare_run(struct store *st, const char *sql, int id,
    sqlite3_stmt **stmt, char **cause)
{
	int rc, ret;

	if ((ret = store_prepare(st, sql, stmt, cause)) != 0)
		return ret;
	if ((rc = sqlite3_bind_int(*stmt, 1, id)) != SQLITE_OK) {
		ret = store_fail(st, rc, cause);
		sqlite3_finalize(*stmt);
		*stmt = NULL;
	}
	return ret;
}

/* Loads the runs row of id into r; IOP_ENOTFOUND when there is none. */
static int
store_load_header(struct store *st, int id, struct run *r, char **cause)
{
	sqlite3_stmt *stmt;
	int rc, ret;

	if ((ret = store_prepare_run(st, store_run_select, id, &stmt,
	    cause)) != 0)
		return ret;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		store_read_run(stmt, r);
	else if (rc == SQLITE_DONE) {
		*cause = xasprintf("%s: no run %d", st->path, id);
		ret = IOP_ENOTFOUND;
	} else
		ret = store_fail(st, rc, cause);
	sqlite3_finalize(stmt);
	return ret;
}

/* Loads the groups of run r->id, without members, sorted by id. */
static int
store_load_groups(struct store *st, struct run *r, char **cause)
{
	struct run_group *g;
	sqlite3_stmt *stmt;
	size_t cap = 0;
	int rc, ret;

	ret = store_prepare_run(st, store_run_group_select, r->id, &stmt,
	    cause);
	if (ret != 0)
		return ret;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		XGROW(r->groups, cap, r->ngroups + 1);
		g = &r->groups[r->ngroups++];
		memset(g, 0, sizeof *g);
		g->id = store_column_text(stmt, 0);
		g->open = sqlite3_column_int(stmt, 1) != 0;
		g->clinician = store_column_text(stmt, 2);
		g->track = store_column_text(stmt, 3);
		g->capacity = sqlite3_column_int(stmt, 4);
		g->timetable = store_column_text(stmt, 5);
	}
	if (rc != SQLITE_DONE)
		ret = store_fail(st, rc, cause);
	sqlite3_finalize(stmt);
	return ret;
}

static int
store_group_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct run_group *)elem)->id);
}

static int
store_part_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct run_participant *)elem)->id);
}

/* A row that names a group or participant the run does not hold. */
static int
store_dangling(struct store *st, int id, const char *what, const char *name,
    char **cause)
{
	*cause = xasprintf("%s: run %d: %s '%s' refers to nothing", st->path,
	    id, what, name != NULL ? name : "");
	return IOP_EINPUT;
}

/*
 * Loads the members of run r->id into its groups (already loaded, sorted
 * by id).  Rows come ordered by group, so each group fills in one stretch.
 */
static int
store_load_members(struct store *st, struct run *r, char **cause)
{
	struct run_group *g = NULL;
	const char *grp;
	sqlite3_stmt *stmt;
	size_t cap = 0;
	int rc, ret;

	ret = store_prepare_run(st, store_run_member_select, r->id, &stmt,
	    cause);
	if (ret != 0)
		return ret;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		grp = (const char *)sqlite3_column_text(stmt, 0);
		if (grp == NULL || g == NULL || strcmp(grp, g->id) != 0) {
			g = grp == NULL ? NULL : bsearch(grp, r->groups,
			    r->ngroups, sizeof *r->groups, store_group_cmp);
			if (g == NULL) {
				ret = store_dangling(st, r->id, "member group",
				    grp, cause);
				break;
			}
			cap = g->nmembers;
		}
		XGROW(g->members, cap, g->nmembers + 1);
		g->members[g->nmembers++] = store_column_text(stmt, 1);
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = store_fail(st, rc, cause);
	sqlite3_finalize(stmt);
	return ret;
}

/* Loads the participants of run r->id, without sessions, sorted by id. */
static int
store_load_parts(struct store *st, struct run *r, char **cause)
{
	struct run_participant *p;
	sqlite3_stmt *stmt;
	size_t cap = 0;
	int rc, ret;

	ret = store_prepare_run(st, store_run_part_select, r->id, &stmt,
	    cause);
	if (ret != 0)
		return ret;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		XGROW(r->parts, cap, r->nparts + 1);
		p = &r->parts[r->nparts++];
		memset(p, 0, sizeof *p);
		p->id = store_column_text(stmt, 0);
		p->placed = sqlite3_column_int(stmt, 1) != 0;
		p->group = store_column_text(stmt, 2);
		p->reason = store_column_text(stmt, 3);
		p->first_week = sqlite3_column_int(stmt, 4);
		p->last_week = sqlite3_column_int(stmt, 5);
		p->min_hours = sqlite3_column_double(stmt, 6);
	}
	if (rc != SQLITE_DONE)
		ret = store_fail(st, rc, cause);
	sqlite3_finalize(stmt);
	return ret;
}

/* Appends the session on the statement's row to p. */
static void
store_read_session(sqlite3_stmt *stmt, struct run_participant *p,
    size_t *cap)
{
	struct run_session *s;

	XGROW(p->sessions, *cap, p->nsessions + 1);
	s = &p->sessions[p->nsessions++];
	s->group = store_column_text(stmt, 1);
	s->week = sqlite3_column_int(stmt, 2);
	s->start = sqlite3_column_int64(stmt, 3);
	s->end = sqlite3_column_int64(stmt, 4);
	s->makeup = sqlite3_column_int(stmt, 5) != 0;
}

/*
 * Loads the sessions of run r->id into its participants (already loaded,
 * sorted by id), each participant's sorted by start.
 */
static int
store_load_sessions(struct store *st, struct run *r, char **cause)
{
	struct run_participant *p = NULL;
	const char *pid;
	sqlite3_stmt *stmt;
	size_t cap = 0;
	int rc, ret;

	ret = store_prepare_run(st, store_run_session_select, r->id, &stmt,
	    cause);
	if (ret != 0)
		return ret;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		pid = (const char *)sqlite3_column_text(stmt, 0);
		if (pid == NULL || p == NULL || strcmp(pid, p->id) != 0) {
			p = pid == NULL ? NULL : bsearch(pid, r->parts,
			    r->nparts, sizeof *r->parts, store_part_cmp);
			if (p == NULL) {
				ret = store_dangling(st, r->id,
				    "session participant", pid, cause);
				break;
			}
			cap = p->nsessions;
		}
		store_read_session(stmt, p, &cap);
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = store_fail(st, rc, cause);
	sqlite3_finalize(stmt);
	return ret;
}

/* Loads run id (0: the latest) under the caller's read snapshot. */
static int
store_load_all(struct store *st, int id, struct run *r, char **cause)
{
	int ret;

	if (id == 0) {
		if ((ret = store_latest_run(st, &id, cause)) != 0)
			return ret;
		if (id == 0) {
			*cause = xasprintf("%s: no run yet", st->path);
			return IOP_ENOTFOUND;
		}
	}
	if ((ret = store_load_header(st, id, r, cause)) != 0 ||
	    (ret = store_load_groups(st, r, cause)) != 0 ||
	    (ret = store_load_members(st, r, cause)) != 0 ||
	    (ret = store_load_parts(st, r, cause)) != 0)
		return ret;
	return store_load_sessions(st, r, cause);
}

int
store_load_run(struct store *st, int id, struct run *r, char **cause)
{
	bool began;
	int ret;

	memset(r, 0, sizeof *r);
	if (id < 0) {
		*cause = xasprintf("%s: no run %d", st->path, id);
		return IOP_ENOTFOUND;
	}
	if ((ret = store_read_begin(st, &began, cause)) != 0)
		return ret;
	ret = store_load_all(st, id, r, cause);
	store_read_end(st, began);
	if (ret != 0)
		run_release(r);
	return ret;
}

int
store_load_run_scenario(struct store *st, int id, struct run *r,
    struct scenario *sc, char **cause)
{
	bool began;
	int ret;

	memset(r, 0, sizeof *r);
	memset(sc, 0, sizeof *sc);
	if ((ret = store_read_begin(st, &began, cause)) != 0)
		return ret;
	if ((ret = store_load_run(st, id, r, cause)) == 0)
		ret = store_load_scenario(st, sc, cause);
	store_read_end(st, began);
	return ret;
}
