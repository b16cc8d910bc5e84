/*
 * Runs: saving one (every group with its members, every participant with
 * their sessions), loading one back, listing them, and replacing one
 * participant's shift calendar.  A save reuses one prepared statement per
 * table, in the caller's transaction, so 3,000 participants with 36
 * sessions each is a few hundred thousand cheap steps.
 */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "run.h"
#include "scenario.h"
#include "status.h"
#include "store.h"
#include "store_impl.h"
#include "xmalloc.h"

static const char store_run_insert[] =
    "INSERT INTO runs (created, timezone, program_name, start, weeks,"
    " max_hours, participants, placed, unplaced, groups_open, makeups,"
    " bound, time_limit) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
    " ?11, ?12, ?13)";

static const char store_run_group_insert[] =
    "INSERT INTO run_groups (run, id, open, clinician, track, capacity)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

static const char store_run_part_insert[] =
    "INSERT INTO run_participants (run, id, placed, grp, reason,"
    " first_week, last_week, min_hours)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

static const char store_run_member_insert[] =
    "INSERT INTO run_members (run, grp, participant) VALUES (?1, ?2, ?3)";

static const char store_run_session_insert[] =
    "INSERT INTO run_sessions (run, participant, grp, week, start_utc,"
    " end_utc, makeup) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

static const char store_run_select[] =
    "SELECT id, created, timezone, program_name, start, weeks, max_hours,"
    " participants, placed, unplaced, groups_open, makeups, bound,"
    " time_limit FROM runs WHERE id = ?1";

static const char store_run_group_select[] =
    "SELECT id, open, clinician, track, capacity FROM run_groups"
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

static const char store_run_list_select[] =
    "SELECT id, created, participants, placed, unplaced, groups_open,"
    " makeups, bound FROM runs ORDER BY id";

static const char store_shifts_update[] =
    "UPDATE participants SET shifts_path = ?2, shifts_text = ?3,"
    " shifts_hash = ?4 WHERE id = ?1 AND active = 1";

/* The per-table insert statements of one run save. */
struct store_run_stmts {
	sqlite3_stmt *group;
	sqlite3_stmt *part;
	sqlite3_stmt *member;
	sqlite3_stmt *session;
};

/* Now, as RFC 3339 UTC with whole seconds (xmalloc'd). */
static char *
store_now(void)
{
	struct tm tm;
	time_t now = time(NULL);
	char buf[32];

	gmtime_r(&now, &tm);
	strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
	return xstrdup(buf);
}

/* Steps a bound insert, or reports the bind that failed. */
static int
store_insert(struct store *st, sqlite3_stmt *stmt, int bad, char **cause)
{
	if (bad) {
		sqlite3_reset(stmt);
		sqlite3_clear_bindings(stmt);
		return store_fail(st, sqlite3_errcode(st->db), cause);
	}
	return store_step_done(st, stmt, cause);
}

/* Inserts the runs row of r, created at created; sets *id. */
static int
store_insert_run(struct store *st, const struct run *r, const char *created,
    int *id, char **cause)
{
	sqlite3_stmt *stmt;
	int bad = 0, ret;

	if ((ret = store_prepare(st, store_run_insert, &stmt, cause)) != 0)
		return ret;
	bad |= store_bind_text(stmt, 1, created);
	bad |= store_bind_text(stmt, 2, r->timezone);
	bad |= store_bind_text(stmt, 3, r->program_name);
	bad |= sqlite3_bind_int64(stmt, 4, r->start);
	bad |= sqlite3_bind_int(stmt, 5, r->weeks);
	bad |= sqlite3_bind_double(stmt, 6, r->max_hours);
	bad |= sqlite3_bind_int(stmt, 7, r->participants);
	bad |= sqlite3_bind_int(stmt, 8, r->placed);
	bad |= sqlite3_bind_int(stmt, 9, r->unplaced);
	bad |= sqlite3_bind_int(stmt, 10, r->groups_open);
	bad |= sqlite3_bind_int(stmt, 11, r->makeups);
	bad |= sqlite3_bind_int(stmt, 12, r->bound);
	bad |= sqlite3_bind_double(stmt, 13, r->time_limit);
	ret = store_insert(st, stmt, bad, cause);
	sqlite3_finalize(stmt);
	if (ret == 0)
		*id = (int)sqlite3_last_insert_rowid(st->db);
	return ret;
}

/* Inserts group g of run id (not its members: participants come first). */
static int
store_insert_group(struct store *st, struct store_run_stmts *s, int id,
    const struct run_group *g, char **cause)
{
	int bad = 0;

	bad |= sqlite3_bind_int(s->group, 1, id);
	bad |= store_bind_text(s->group, 2, g->id);
	bad |= sqlite3_bind_int(s->group, 3, g->open);
	bad |= store_bind_text(s->group, 4, g->clinician);
	bad |= store_bind_text(s->group, 5, g->track);
	bad |= sqlite3_bind_int(s->group, 6, g->capacity);
	return store_insert(st, s->group, bad, cause);
}

/* Inserts the members of group g of run id. */
static int
store_insert_members(struct store *st, struct store_run_stmts *s, int id,
    const struct run_group *g, char **cause)
{
	size_t i;
	int bad, ret = 0;

	for (i = 0; ret == 0 && i < g->nmembers; i++) {
		bad = sqlite3_bind_int(s->member, 1, id);
		bad |= store_bind_text(s->member, 2, g->id);
		bad |= store_bind_text(s->member, 3, g->members[i]);
		ret = store_insert(st, s->member, bad, cause);
	}
	return ret;
}

/* Inserts participant p of run id with their sessions. */
static int
store_insert_part(struct store *st, struct store_run_stmts *s, int id,
    const struct run_participant *p, char **cause)
{
	const struct run_session *ss;
	size_t i;
	int bad = 0, ret;

	bad |= sqlite3_bind_int(s->part, 1, id);
	bad |= store_bind_text(s->part, 2, p->id);
	bad |= sqlite3_bind_int(s->part, 3, p->placed);
	bad |= store_bind_text(s->part, 4, p->group);
	bad |= store_bind_text(s->part, 5, p->reason);
	bad |= sqlite3_bind_int(s->part, 6, p->first_week);
	bad |= sqlite3_bind_int(s->part, 7, p->last_week);
	bad |= sqlite3_bind_double(s->part, 8, p->min_hours);
	ret = store_insert(st, s->part, bad, cause);
	for (i = 0; ret == 0 && i < p->nsessions; i++) {
		ss = &p->sessions[i];
		bad = sqlite3_bind_int(s->session, 1, id);
		bad |= store_bind_text(s->session, 2, p->id);
		bad |= store_bind_text(s->session, 3, ss->group);
		bad |= sqlite3_bind_int(s->session, 4, ss->week);
		bad |= sqlite3_bind_int64(s->session, 5, ss->start);
		bad |= sqlite3_bind_int64(s->session, 6, ss->end);
		bad |= sqlite3_bind_int(s->session, 7, ss->makeup);
		ret = store_insert(st, s->session, bad, cause);
	}
	return ret;
}

/*
 * Inserts the groups, participants and members of r as run id, in the
 * order the foreign keys need.
 */
static int
store_insert_contents(struct store *st, const struct run *r, int id,
    char **cause)
{
	struct store_run_stmts s = { NULL, NULL, NULL, NULL };
	size_t i;
	int ret;

	if ((ret = store_prepare(st, store_run_group_insert, &s.group,
	    cause)) != 0 ||
	    (ret = store_prepare(st, store_run_part_insert, &s.part,
	    cause)) != 0 ||
	    (ret = store_prepare(st, store_run_member_insert, &s.member,
	    cause)) != 0 ||
	    (ret = store_prepare(st, store_run_session_insert, &s.session,
	    cause)) != 0)
		goto out;
	for (i = 0; ret == 0 && i < r->ngroups; i++)
		ret = store_insert_group(st, &s, id, &r->groups[i], cause);
	for (i = 0; ret == 0 && i < r->nparts; i++)
		ret = store_insert_part(st, &s, id, &r->parts[i], cause);
	for (i = 0; ret == 0 && i < r->ngroups; i++)
		ret = store_insert_members(st, &s, id, &r->groups[i], cause);
out:
	sqlite3_finalize(s.group);
	sqlite3_finalize(s.part);
	sqlite3_finalize(s.member);
	sqlite3_finalize(s.session);
	return ret;
}

int
store_save_run(struct store *st, struct run *r, char **cause)
{
	char *created = NULL;
	int id = 0, ret;

	if ((ret = store_require_tx(st, "store_save_run", cause)) != 0)
		return ret;
	if (r->created == NULL)
		created = store_now();
	ret = store_insert_run(st, r, created != NULL ? created : r->created,
	    &id, cause);
	if (ret == 0)
		ret = store_insert_contents(st, r, id, cause);
	if (ret != 0) {
		free(created);
		return ret;
	}
	if (created != NULL)
		r->created = created;
	r->id = id;
	return 0;
}

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
store_list_runs(struct store *st, struct store_run_info **out, size_t *n,
    char **cause)
{
	struct store_run_info *v = NULL, *ri;
	sqlite3_stmt *stmt;
	size_t cap = 0, count = 0;
	int rc, ret;

	*out = NULL;
	*n = 0;
	if ((ret = store_prepare(st, store_run_list_select, &stmt, cause)) != 0)
		return ret;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		XGROW(v, cap, count + 1);
		ri = &v[count++];
		ri->id = sqlite3_column_int(stmt, 0);
		ri->created = store_column_text(stmt, 1);
		ri->participants = sqlite3_column_int(stmt, 2);
		ri->placed = sqlite3_column_int(stmt, 3);
		ri->unplaced = sqlite3_column_int(stmt, 4);
		ri->groups_open = sqlite3_column_int(stmt, 5);
		ri->makeups = sqlite3_column_int(stmt, 6);
		ri->bound = sqlite3_column_int(stmt, 7);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		ret = store_fail(st, rc, cause);
		store_run_infos_free(v, count);
		return ret;
	}
	*out = v;
	*n = count;
	return 0;
}

void
store_run_infos_free(struct store_run_info *v, size_t n)
{
	size_t i;

	for (i = 0; v != NULL && i < n; i++)
		free(v[i].created);
	free(v);
}

int
store_set_shifts(struct store *st, const char *id, const char *path,
    const char *text, size_t len, char **cause)
{
	sqlite3_stmt *stmt;
	char *hash;
	int bad = 0, ret;

	if ((ret = store_prepare(st, store_shifts_update, &stmt, cause)) != 0)
		return ret;
	hash = text != NULL ? scenario_hash(text, len) : NULL;
	bad |= store_bind_text(stmt, 1, id);
	bad |= store_bind_text(stmt, 2, path);
	bad |= store_bind_blob(stmt, 3, text, len);
	bad |= store_bind_text(stmt, 4, hash);
	ret = store_insert(st, stmt, bad, cause);
	if (ret == 0 && sqlite3_changes(st->db) == 0) {
		*cause = xasprintf("%s: unknown participant '%s'", st->path, id);
		ret = IOP_ENOTFOUND;
	}
	sqlite3_finalize(stmt);
	free(hash);
	return ret;
}
