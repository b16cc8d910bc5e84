/*
 * Saving and loading the scenario: the program row, and clinicians,
 * groups and participants by id with an active flag.  A save marks every
 * item inactive and then upserts what the scenario lists, so items it
 * dropped stay in the tables, inactive, for history.
 */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "scenario.h"
#include "status.h"
#include "store.h"
#include "store_impl.h"
#include "xmalloc.h"

static const char store_program_insert[] =
    "INSERT OR REPLACE INTO program (id, name, timezone, start, weeks,"
    " min_hours, max_hours, group_min, group_max, makeups_per_week,"
    " before_shift_minutes, after_shift_minutes, long_shift_hours,"
    " rest_after_long_shift_hours, windows, organizer_name,"
    " organizer_email, video_url, invite_title, crisis_text)"
    " VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
    " ?14, ?15, ?16, ?17, ?18, ?19)";

static const char store_program_select[] =
    "SELECT name, timezone, start, weeks, min_hours, max_hours, group_min,"
    " group_max, makeups_per_week, before_shift_minutes,"
    " after_shift_minutes, long_shift_hours, rest_after_long_shift_hours,"
    " windows, organizer_name, organizer_email, video_url, invite_title,"
    " crisis_text FROM program WHERE id = 1";

static const char store_clinician_upsert[] =
    "INSERT INTO clinicians (id, active, name, email, licensed_states,"
    " max_hours, max_groups, calendar_path, calendar_text, calendar_hash)"
    " VALUES (?1, 1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
    " ON CONFLICT(id) DO UPDATE SET active = 1, name = excluded.name,"
    " email = excluded.email, licensed_states = excluded.licensed_states,"
    " max_hours = excluded.max_hours, max_groups = excluded.max_groups,"
    " calendar_path = excluded.calendar_path,"
    " calendar_text = excluded.calendar_text,"
    " calendar_hash = excluded.calendar_hash";

static const char store_clinician_select[] =
    "SELECT id, name, email, licensed_states, max_hours, max_groups,"
    " calendar_path, calendar_text, calendar_hash FROM clinicians"
    " WHERE active = 1 ORDER BY id";

static const char store_group_upsert[] =
    "INSERT INTO groups (id, active, track, clinician_id, capacity,"
    " sessions) VALUES (?1, 1, ?2, ?3, ?4, ?5)"
    " ON CONFLICT(id) DO UPDATE SET active = 1, track = excluded.track,"
    " clinician_id = excluded.clinician_id, capacity = excluded.capacity,"
    " sessions = excluded.sessions";

static const char store_group_select[] =
    "SELECT id, track, clinician_id, capacity, sessions FROM groups"
    " WHERE active = 1 ORDER BY id";

static const char store_participant_upsert[] =
    "INSERT INTO participants (id, active, name, email, state, timezone,"
    " track, start, weeks, min_hours, agency, separate_from_agency,"
    " prefer, available, available_given, shifts_path, shifts_text,"
    " shifts_hash) VALUES (?1, 1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
    " ?11, ?12, ?13, ?14, ?15, ?16, ?17)"
    " ON CONFLICT(id) DO UPDATE SET active = 1, name = excluded.name,"
    " email = excluded.email, state = excluded.state,"
    " timezone = excluded.timezone, track = excluded.track,"
    " start = excluded.start, weeks = excluded.weeks,"
    " min_hours = excluded.min_hours, agency = excluded.agency,"
    " separate_from_agency = excluded.separate_from_agency,"
    " prefer = excluded.prefer, available = excluded.available,"
    " available_given = excluded.available_given,"
    " shifts_path = excluded.shifts_path,"
    " shifts_text = excluded.shifts_text,"
    " shifts_hash = excluded.shifts_hash";

static const char store_participant_select[] =
    "SELECT id, name, email, state, timezone, track, start, weeks,"
    " min_hours, agency, separate_from_agency, prefer, available,"
    " available_given, shifts_path, shifts_text, shifts_hash"
    " FROM participants WHERE active = 1 ORDER BY id";

static const char store_deactivate[] =
    "UPDATE clinicians SET active = 0 WHERE active = 1;"
    "UPDATE groups SET active = 0 WHERE active = 1;"
    "UPDATE participants SET active = 0 WHERE active = 1";

/* Binds path, text and hash of cal at idx, idx + 1 and idx + 2. */
static int
store_bind_calendar(sqlite3_stmt *stmt, int idx, const struct scn_calendar *cal)
{
	int rc;

	if ((rc = store_bind_text(stmt, idx, cal->path)) != SQLITE_OK ||
	    (rc = store_bind_blob(stmt, idx + 1, cal->text, cal->len)) !=
	    SQLITE_OK)
		return rc;
	return store_bind_text(stmt, idx + 2, cal->hash);
}

/* Reads what store_bind_calendar bound, from columns idx to idx + 2. */
static void
store_column_calendar(sqlite3_stmt *stmt, int idx, struct scn_calendar *cal)
{
	cal->path = store_column_text(stmt, idx);
	cal->text = store_column_blob(stmt, idx + 1, &cal->len);
	cal->hash = store_column_text(stmt, idx + 2);
}

/* A cause for a row whose JSON column did not parse. */
static int
store_malformed(struct store *st, const char *table, const char *id,
    const char *column, char **cause)
{
	*cause = xasprintf("%s: %s '%s': malformed %s in the database",
	    st->path, table, id != NULL ? id : "", column);
	return IOP_EINPUT;
}

/* Replaces the program row with p. */
static int
store_save_program(struct store *st, const struct scn_program *p,
    char **cause)
{
	sqlite3_stmt *stmt;
	char *windows;
	int bad = 0, ret;

	if ((ret = store_prepare(st, store_program_insert, &stmt, cause)) != 0)
		return ret;
	windows = store_windows_encode(p->windows, p->nwindows);
	bad |= store_bind_text(stmt, 1, p->name);
	bad |= store_bind_text(stmt, 2, p->timezone);
	bad |= sqlite3_bind_int64(stmt, 3, p->start);
	bad |= sqlite3_bind_int(stmt, 4, p->weeks);
	bad |= sqlite3_bind_double(stmt, 5, p->min_hours);
	bad |= sqlite3_bind_double(stmt, 6, p->max_hours);
	bad |= sqlite3_bind_int(stmt, 7, p->group_min);
	bad |= sqlite3_bind_int(stmt, 8, p->group_max);
	bad |= sqlite3_bind_int(stmt, 9, p->makeups_per_week);
	bad |= sqlite3_bind_int(stmt, 10, p->before_shift_minutes);
	bad |= sqlite3_bind_int(stmt, 11, p->after_shift_minutes);
	bad |= sqlite3_bind_double(stmt, 12, p->long_shift_hours);
	bad |= sqlite3_bind_double(stmt, 13, p->rest_after_long_shift_hours);
	bad |= store_bind_text(stmt, 14, windows);
	bad |= store_bind_text(stmt, 15, p->organizer_name);
	bad |= store_bind_text(stmt, 16, p->organizer_email);
	bad |= store_bind_text(stmt, 17, p->video_url);
	bad |= store_bind_text(stmt, 18, p->invite_title);
	bad |= store_bind_text(stmt, 19, p->crisis_text);
	ret = store_step_bound(st, stmt, bad, cause);
	sqlite3_finalize(stmt);
	free(windows);
	return ret;
}

/* Upserts one clinician with a reused statement. */
static int
store_save_clinician(struct store *st, sqlite3_stmt *stmt,
    const struct scn_clinician *c, char **cause)
{
	char *states;
	int bad = 0, ret;

	states = store_strings_encode(c->states, c->nstates);
	bad |= store_bind_text(stmt, 1, c->id);
	bad |= store_bind_text(stmt, 2, c->name);
	bad |= store_bind_text(stmt, 3, c->email);
	bad |= store_bind_text(stmt, 4, states);
	bad |= sqlite3_bind_double(stmt, 5, c->max_hours);
	bad |= sqlite3_bind_int(stmt, 6, c->max_groups);
	bad |= store_bind_calendar(stmt, 7, &c->calendar);
	ret = store_step_bound(st, stmt, bad, cause);
	free(states);
	return ret;
}

/* Upserts one group with a reused statement. */
static int
store_save_group(struct store *st, sqlite3_stmt *stmt,
    const struct scn_group *g, char **cause)
{
	char *sessions;
	int bad = 0, ret;

	sessions = store_sessions_encode(g->sessions, g->nsessions);
	bad |= store_bind_text(stmt, 1, g->id);
	bad |= store_bind_text(stmt, 2, g->track);
	bad |= store_bind_text(stmt, 3, g->clinician);
	bad |= sqlite3_bind_int(stmt, 4, g->capacity);
	bad |= store_bind_text(stmt, 5, sessions);
	ret = store_step_bound(st, stmt, bad, cause);
	free(sessions);
	return ret;
}

/* Upserts one participant with a reused statement. */
static int
store_save_participant(struct store *st, sqlite3_stmt *stmt,
    const struct scn_participant *p, char **cause)
{
	char *available;
	int bad = 0, ret;

	available = store_windows_encode(p->available, p->navailable);
	bad |= store_bind_text(stmt, 1, p->id);
	bad |= store_bind_text(stmt, 2, p->name);
	bad |= store_bind_text(stmt, 3, p->email);
	bad |= store_bind_text(stmt, 4, p->state);
	bad |= store_bind_text(stmt, 5, p->timezone);
	bad |= store_bind_text(stmt, 6, p->track);
	bad |= sqlite3_bind_int64(stmt, 7, p->start);
	bad |= sqlite3_bind_int(stmt, 8, p->weeks);
	bad |= sqlite3_bind_double(stmt, 9, p->min_hours);
	bad |= store_bind_text(stmt, 10, p->agency);
	bad |= sqlite3_bind_int(stmt, 11, p->separate_from_agency);
	bad |= sqlite3_bind_int(stmt, 12, p->prefer);
	bad |= store_bind_text(stmt, 13, available);
	bad |= sqlite3_bind_int(stmt, 14, p->available_given);
	bad |= store_bind_calendar(stmt, 15, &p->shifts);
	ret = store_step_bound(st, stmt, bad, cause);
	free(available);
	return ret;
}

/*
 * Upserts every clinician, group and participant of sc, in that order so
 * that a group's clinician exists before the group refers to it.
 */
static int
store_save_items(struct store *st, const struct scenario *sc, char **cause)
{
	sqlite3_stmt *cs = NULL, *gs = NULL, *ps = NULL;
	size_t i;
	int ret;

	if ((ret = store_prepare(st, store_clinician_upsert, &cs, cause)) != 0 ||
	    (ret = store_prepare(st, store_group_upsert, &gs, cause)) != 0 ||
	    (ret = store_prepare(st, store_participant_upsert, &ps, cause)) != 0)
		goto out;
	for (i = 0; ret == 0 && i < sc->nclinicians; i++)
		ret = store_save_clinician(st, cs, &sc->clinicians[i], cause);
	for (i = 0; ret == 0 && i < sc->ngroups; i++)
		ret = store_save_group(st, gs, &sc->groups[i], cause);
	for (i = 0; ret == 0 && i < sc->nparticipants; i++)
		ret = store_save_participant(st, ps, &sc->participants[i],
		    cause);
out:
	sqlite3_finalize(cs);
	sqlite3_finalize(gs);
	sqlite3_finalize(ps);
	return ret;
}

int
store_save_scenario(struct store *st, const struct scenario *sc, char **cause)
{
	int ret;

	if ((ret = store_require_tx(st, "store_save_scenario", cause)) != 0)
		return ret;
	if ((ret = store_save_program(st, &sc->program, cause)) != 0)
		return ret;
	if ((ret = store_exec(st, store_deactivate, cause)) != 0)
		return ret;
	return store_save_items(st, sc, cause);
}

/* Fills p from the program row the statement is on. */
static int
store_read_program(struct store *st, sqlite3_stmt *stmt,
    struct scn_program *p, char **cause)
{
	char *windows;
	bool ok;

	p->name = store_column_text(stmt, 0);
	p->timezone = store_column_text(stmt, 1);
	p->start = sqlite3_column_int64(stmt, 2);
	p->weeks = sqlite3_column_int(stmt, 3);
	p->min_hours = sqlite3_column_double(stmt, 4);
	p->max_hours = sqlite3_column_double(stmt, 5);
	p->group_min = sqlite3_column_int(stmt, 6);
	p->group_max = sqlite3_column_int(stmt, 7);
	p->makeups_per_week = sqlite3_column_int(stmt, 8);
	p->before_shift_minutes = sqlite3_column_int(stmt, 9);
	p->after_shift_minutes = sqlite3_column_int(stmt, 10);
	p->long_shift_hours = sqlite3_column_double(stmt, 11);
	p->rest_after_long_shift_hours = sqlite3_column_double(stmt, 12);
	windows = store_column_text(stmt, 13);
	p->organizer_name = store_column_text(stmt, 14);
	p->organizer_email = store_column_text(stmt, 15);
	p->video_url = store_column_text(stmt, 16);
	p->invite_title = store_column_text(stmt, 17);
	p->crisis_text = store_column_text(stmt, 18);
	ok = store_windows_decode(windows, &p->windows, &p->nwindows);
	free(windows);
	if (!ok)
		return store_malformed(st, "program", p->name, "windows", cause);
	return 0;
}

/* Loads the program row; IOP_ENOTFOUND when no scenario was saved. */
static int
store_load_program(struct store *st, struct scn_program *p, char **cause)
{
	sqlite3_stmt *stmt;
	int rc, ret;

	if ((ret = store_prepare(st, store_program_select, &stmt, cause)) != 0)
		return ret;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		ret = store_read_program(st, stmt, p, cause);
	else if (rc == SQLITE_DONE) {
		*cause = xasprintf("%s: no scenario stored yet; run 'iopsched "
		    "solve SCENARIO.json' first", st->path);
		ret = IOP_ENOTFOUND;
	} else
		ret = store_fail(st, rc, cause);
	sqlite3_finalize(stmt);
	return ret;
}

/* Fills c from the clinician row the statement is on. */
static int
store_read_clinician(struct store *st, sqlite3_stmt *stmt,
    struct scn_clinician *c, char **cause)
{
	char *states;
	bool ok;

	c->id = store_column_text(stmt, 0);
	c->name = store_column_text(stmt, 1);
	c->email = store_column_text(stmt, 2);
	states = store_column_text(stmt, 3);
	c->max_hours = sqlite3_column_double(stmt, 4);
	c->max_groups = sqlite3_column_int(stmt, 5);
	store_column_calendar(stmt, 6, &c->calendar);
	ok = store_strings_decode(states, &c->states, &c->nstates);
	free(states);
	if (!ok)
		return store_malformed(st, "clinician", c->id,
		    "licensed_states", cause);
	return 0;
}

/* Fills g from the group row the statement is on. */
static int
store_read_group(struct store *st, sqlite3_stmt *stmt, struct scn_group *g,
    char **cause)
{
	char *sessions;
	bool ok;

	g->id = store_column_text(stmt, 0);
	g->track = store_column_text(stmt, 1);
	g->clinician = store_column_text(stmt, 2);
	g->capacity = sqlite3_column_int(stmt, 3);
	sessions = store_column_text(stmt, 4);
	ok = store_sessions_decode(sessions, &g->sessions, &g->nsessions);
	free(sessions);
	if (!ok)
		return store_malformed(st, "group", g->id, "sessions", cause);
	return 0;
}

/* Fills p from the participant row the statement is on. */
static int
store_read_participant(struct store *st, sqlite3_stmt *stmt,
    struct scn_participant *p, char **cause)
{
	char *available;
	bool ok;

	p->id = store_column_text(stmt, 0);
	p->name = store_column_text(stmt, 1);
	p->email = store_column_text(stmt, 2);
	p->state = store_column_text(stmt, 3);
	p->timezone = store_column_text(stmt, 4);
	p->track = store_column_text(stmt, 5);
	p->start = sqlite3_column_int64(stmt, 6);
	p->weeks = sqlite3_column_int(stmt, 7);
	p->min_hours = sqlite3_column_double(stmt, 8);
	p->agency = store_column_text(stmt, 9);
	p->separate_from_agency = sqlite3_column_int(stmt, 10) != 0;
	p->prefer = sqlite3_column_int(stmt, 11);
	available = store_column_text(stmt, 12);
	p->available_given = sqlite3_column_int(stmt, 13) != 0;
	store_column_calendar(stmt, 14, &p->shifts);
	ok = store_windows_decode(available, &p->available, &p->navailable);
	free(available);
	if (!ok)
		return store_malformed(st, "participant", p->id, "available",
		    cause);
	return 0;
}

/* Loads the active clinicians, by id, into sc. */
static int
store_load_clinicians(struct store *st, struct scenario *sc, char **cause)
{
	sqlite3_stmt *stmt;
	size_t cap = 0;
	int rc, ret = 0;

	if ((ret = store_prepare(st, store_clinician_select, &stmt, cause)) != 0)
		return ret;
	while (ret == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		XGROW(sc->clinicians, cap, sc->nclinicians + 1);
		memset(&sc->clinicians[sc->nclinicians], 0,
		    sizeof *sc->clinicians);
		ret = store_read_clinician(st, stmt,
		    &sc->clinicians[sc->nclinicians++], cause);
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = store_fail(st, rc, cause);
	sqlite3_finalize(stmt);
	return ret;
}

/* Loads the active groups, by id, into sc. */
static int
store_load_groups(struct store *st, struct scenario *sc, char **cause)
{
	sqlite3_stmt *stmt;
	size_t cap = 0;
	int rc, ret = 0;

	if ((ret = store_prepare(st, store_group_select, &stmt, cause)) != 0)
		return ret;
	while (ret == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		XGROW(sc->groups, cap, sc->ngroups + 1);
		memset(&sc->groups[sc->ngroups], 0, sizeof *sc->groups);
		ret = store_read_group(st, stmt, &sc->groups[sc->ngroups++],
		    cause);
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = store_fail(st, rc, cause);
	sqlite3_finalize(stmt);
	return ret;
}

/* Loads the active participants, by id, into sc. */
static int
store_load_participants(struct store *st, struct scenario *sc, char **cause)
{
	sqlite3_stmt *stmt;
	size_t cap = 0;
	int rc, ret = 0;

	ret = store_prepare(st, store_participant_select, &stmt, cause);
	if (ret != 0)
		return ret;
	while (ret == 0 && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		XGROW(sc->participants, cap, sc->nparticipants + 1);
		memset(&sc->participants[sc->nparticipants], 0,
		    sizeof *sc->participants);
		ret = store_read_participant(st, stmt,
		    &sc->participants[sc->nparticipants++], cause);
	}
	if (ret == 0 && rc != SQLITE_DONE)
		ret = store_fail(st, rc, cause);
	sqlite3_finalize(stmt);
	return ret;
}

int
store_load_scenario(struct store *st, struct scenario *sc, char **cause)
{
	int ret;

	bool began;

	memset(sc, 0, sizeof *sc);
	if ((ret = store_read_begin(st, &began, cause)) != 0)
		return ret;
	if ((ret = store_load_program(st, &sc->program, cause)) != 0 ||
	    (ret = store_load_clinicians(st, sc, cause)) != 0 ||
	    (ret = store_load_groups(st, sc, cause)) != 0 ||
	    (ret = store_load_participants(st, sc, cause)) != 0)
		scenario_release(sc);
	store_read_end(st, began);
	return ret;
}
