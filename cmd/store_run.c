/*
 * Runs: saving one (every group with its members, every participant with
 * their sessions), listing them, and replacing one participant's shift
 * calendar (loading is cmd/store_run_load.c).  A save reuses one prepared statement per
 * table, in the caller's transaction, so 3,000 participants with 36
 * sessions each is a few hundred thousand cheap steps.
 */
#include <sqlite3.h>
#include <stdlib.h>
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
    "INSERT INTO run_groups (run, id, open, clinician, track, capacity,"
    " timetable) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

static const char store_run_part_insert[] =
    "INSERT INTO run_participants (run, id, placed, grp, reason,"
    " first_week, last_week, min_hours)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

static const char store_run_member_insert[] =
    "INSERT INTO run_members (run, grp, participant) VALUES (?1, ?2, ?3)";

static const char store_run_session_insert[] =
    "INSERT INTO run_sessions (run, participant, grp, week, start_utc,"
    " end_utc, makeup) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

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
	ret = store_step_bound(st, stmt, bad, cause);
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
	bad |= store_bind_text(s->group, 7, g->timetable);
	return store_step_bound(st, s->group, bad, cause);
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
		ret = store_step_bound(st, s->member, bad, cause);
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
	ret = store_step_bound(st, s->part, bad, cause);
	for (i = 0; ret == 0 && i < p->nsessions; i++) {
		ss = &p->sessions[i];
		bad = sqlite3_bind_int(s->session, 1, id);
		bad |= store_bind_text(s->session, 2, p->id);
		bad |= store_bind_text(s->session, 3, ss->group);
		bad |= sqlite3_bind_int(s->session, 4, ss->week);
		bad |= sqlite3_bind_int64(s->session, 5, ss->start);
		bad |= sqlite3_bind_int64(s->session, 6, ss->end);
		bad |= sqlite3_bind_int(s->session, 7, ss->makeup);
		ret = store_step_bound(st, s->session, bad, cause);
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
	ret = store_step_bound(st, stmt, bad, cause);
	if (ret == 0 && sqlite3_changes(st->db) == 0) {
		*cause = xasprintf("%s: unknown participant '%s'", st->path, id);
		ret = IOP_ENOTFOUND;
	}
	sqlite3_finalize(stmt);
	free(hash);
	return ret;
}
