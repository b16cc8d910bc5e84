/*
 * The SQLite store: opening (missing, foreign and newer files), the
 * schema version, scenario and run round trips, inactive items, busy
 * databases and rollbacks.  Each test works in its own temporary folder.
 */
#include <sys/stat.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "run.h"
#include "scenario.h"
#include "status.h"
#include "store.h"
#include "store_impl.h"
#include "xmalloc.h"

/* A calendar with a NUL inside: its length, not strlen, is the truth. */
static const char shifts_with_nul[] = "BEGIN:VCALENDAR\r\nX\0Y\r\nEND:VCALENDAR\r\n";

struct fixture {
	char	 dir[64];
	char	*db;
};

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);

	strcpy(f->dir, "/tmp/iopsched-test-store-XXXXXX");
	if (mkdtemp(f->dir) == NULL) {
		free(f);
		return -1;
	}
	f->db = xasprintf("%s/iopsched.db", f->dir);
	*state = f;
	return 0;
}

static void
remove_suffixed(const char *base, const char *suffix)
{
	char *p = xasprintf("%s%s", base, suffix);

	unlink(p);
	free(p);
}

static int
teardown(void **state)
{
	struct fixture *f = *state;
	char *other = xasprintf("%s/other", f->dir);

	remove_suffixed(f->db, "");
	remove_suffixed(f->db, "-wal");
	remove_suffixed(f->db, "-shm");
	remove_suffixed(f->db, "-journal");
	rmdir(other);
	free(other);
	rmdir(f->dir);
	free(f->db);
	free(f);
	return 0;
}

static void
assert_str_or_null(const char *want, const char *got)
{
	if (want == NULL)
		assert_null(got);
	else {
		assert_non_null(got);
		assert_string_equal(want, got);
	}
}

static void
assert_cause_starts(const char *cause, const char *path)
{
	assert_non_null(cause);
	assert_int_equal(strncmp(cause, path, strlen(path)), 0);
	assert_null(strchr(cause, '\n'));
	assert_true(cause[strlen(cause) - 1] != '.');
}

/* Opens f->db for writing, which must succeed. */
static struct store *
open_write(struct fixture *f)
{
	struct store *st = NULL;
	char *cause = NULL;

	if (store_open(f->db, STORE_WRITE, &st, &cause) != 0)
		fail_msg("store_open: %s", cause);
	return st;
}

static void
set_calendar(struct scn_calendar *c, const char *path, const char *text,
    size_t len, const char *hash)
{
	c->path = path ? xstrdup(path) : NULL;
	if (text != NULL) {
		c->text = xmalloc(len + 1);
		memcpy(c->text, text, len);
		c->text[len] = '\0';
	}
	c->len = len;
	c->hash = hash ? xstrdup(hash) : NULL;
}

static void
make_program(struct scn_program *p)
{
	p->name = xstrdup("Evening & Weekend IOP");
	p->timezone = xstrdup("America/Chicago");
	p->start = 20794;
	p->weeks = 12;
	p->min_hours = 0.1 + 0.2;		/* not exact in binary */
	p->max_hours = 19.5;
	p->group_min = 4;
	p->group_max = 12;
	p->makeups_per_week = 1;
	p->before_shift_minutes = 60;
	p->after_shift_minutes = 45;
	p->long_shift_hours = 12;
	p->rest_after_long_shift_hours = 10.25;
	p->nwindows = 2;
	p->windows = xcalloc(2, sizeof *p->windows);
	p->windows[0] = (struct scn_window){ 0x1f, 17 * 60, 22 * 60 };
	p->windows[1] = (struct scn_window){ 0x60, 8 * 60, 21 * 60 };
	p->organizer_name = xstrdup("IOP Scheduling");
	p->organizer_email = NULL;
	p->video_url = xstrdup("https://telehealth.example.org/room/{group}");
	p->invite_title = xstrdup("Group session");
	p->crisis_text = NULL;
}

static void
make_clinicians(struct scenario *sc)
{
	struct scn_clinician *c;

	sc->nclinicians = 2;
	sc->clinicians = xcalloc(2, sizeof *sc->clinicians);
	c = &sc->clinicians[0];
	c->id = xstrdup("C1");
	c->name = xstrdup("Dana O'Neil");
	c->email = xstrdup("dana@example.org");
	c->nstates = 2;
	c->states = xcalloc(2, sizeof *c->states);
	c->states[0] = xstrdup("TX");
	c->states[1] = xstrdup("OK");
	c->max_hours = 20.75;
	c->max_groups = 3;
	set_calendar(&c->calendar, "calendars/c1.ics", "BEGIN:VCALENDAR\r\n",
	    17, "00ff");
	c = &sc->clinicians[1];
	c->id = xstrdup("C2");
	c->nstates = 1;
	c->states = xcalloc(1, sizeof *c->states);
	c->states[0] = xstrdup("PR");
	c->max_hours = 9;
	c->max_groups = -1;
}

static void
make_groups(struct scenario *sc)
{
	struct scn_group *g;

	sc->ngroups = 2;
	sc->groups = xcalloc(2, sizeof *sc->groups);
	g = &sc->groups[0];
	g->id = xstrdup("G1");
	g->track = xstrdup("first-responder");
	g->clinician = xstrdup("C1");
	g->capacity = 12;
	g->nsessions = 3;
	g->sessions = xcalloc(3, sizeof *g->sessions);
	g->sessions[0] = (struct scn_session){ 0, 18 * 60, 180 };
	g->sessions[1] = (struct scn_session){ 2, 18 * 60, 180 };
	g->sessions[2] = (struct scn_session){ 5, 9 * 60, 180 };
	g = &sc->groups[1];
	g->id = xstrdup("G2");
	g->track = xstrdup("nurses");
	g->clinician = xstrdup("C2");
	g->capacity = 8;
	g->nsessions = 1;
	g->sessions = xcalloc(1, sizeof *g->sessions);
	g->sessions[0] = (struct scn_session){ 6, 8 * 60 + 30, 90 };
}

static void
make_participant(struct scn_participant *p, int i)
{
	p->id = xasprintf("P%03d", i + 1);
	p->name = i % 2 ? NULL : xasprintf("Person %d", i + 1);
	p->email = i % 3 ? NULL : xasprintf("p%d@example.org", i + 1);
	p->state = xstrdup("TX");
	p->timezone = xstrdup(i % 2 ? "America/Denver" : "America/Chicago");
	p->track = xstrdup("first-responder");
	p->start = 20794 + 7 * i;
	p->weeks = 8 + i;
	p->min_hours = 9 + i / 3.0;
	p->agency = i == 1 ? NULL : xstrdup("Metro Fire");
	p->separate_from_agency = i == 0;
	p->prefer = i % 3;
	p->available_given = i == 0;
	p->navailable = 1 + (i == 0);
	p->available = xcalloc(p->navailable, sizeof *p->available);
	p->available[0] = (struct scn_window){ 0x1f, 17 * 60, 22 * 60 };
	if (i == 0) {
		p->available[1] = (struct scn_window){ 0x40, 0, 1440 };
		set_calendar(&p->shifts, "calendars/p001.ics", shifts_with_nul,
		    sizeof shifts_with_nul - 1, "deadbeef");
	} else if (i == 1)
		set_calendar(&p->shifts, "empty.ics", "", 0, "cbf29ce484222325");
}

/* A scenario with n participants, every optional field both ways. */
static void
make_scenario(struct scenario *sc, int n)
{
	int i;

	memset(sc, 0, sizeof *sc);
	sc->path = xstrdup("scenario.json");
	make_program(&sc->program);
	make_clinicians(sc);
	make_groups(sc);
	sc->nparticipants = (size_t)n;
	sc->participants = xcalloc((size_t)n, sizeof *sc->participants);
	for (i = 0; i < n; i++)
		make_participant(&sc->participants[i], i);
}

static void
assert_windows_equal(const struct scn_window *a, size_t na,
    const struct scn_window *b, size_t nb)
{
	size_t i;

	assert_int_equal(na, nb);
	for (i = 0; i < na; i++) {
		assert_int_equal(a[i].days, b[i].days);
		assert_int_equal(a[i].from, b[i].from);
		assert_int_equal(a[i].to, b[i].to);
	}
}

static void
assert_calendar_equal(const struct scn_calendar *a,
    const struct scn_calendar *b)
{
	assert_str_or_null(a->path, b->path);
	assert_str_or_null(a->hash, b->hash);
	assert_int_equal(a->len, b->len);
	if (a->text == NULL)
		assert_null(b->text);
	else {
		assert_non_null(b->text);
		assert_memory_equal(a->text, b->text, a->len + 1);
	}
}

static void
assert_program_equal(const struct scn_program *a, const struct scn_program *b)
{
	assert_str_or_null(a->name, b->name);
	assert_str_or_null(a->timezone, b->timezone);
	assert_int_equal(a->start, b->start);
	assert_int_equal(a->weeks, b->weeks);
	assert_true(a->min_hours == b->min_hours);
	assert_true(a->max_hours == b->max_hours);
	assert_int_equal(a->group_min, b->group_min);
	assert_int_equal(a->group_max, b->group_max);
	assert_int_equal(a->makeups_per_week, b->makeups_per_week);
	assert_int_equal(a->before_shift_minutes, b->before_shift_minutes);
	assert_int_equal(a->after_shift_minutes, b->after_shift_minutes);
	assert_true(a->long_shift_hours == b->long_shift_hours);
	assert_true(a->rest_after_long_shift_hours ==
	    b->rest_after_long_shift_hours);
	assert_windows_equal(a->windows, a->nwindows, b->windows, b->nwindows);
	assert_str_or_null(a->organizer_name, b->organizer_name);
	assert_str_or_null(a->organizer_email, b->organizer_email);
	assert_str_or_null(a->video_url, b->video_url);
	assert_str_or_null(a->invite_title, b->invite_title);
	assert_str_or_null(a->crisis_text, b->crisis_text);
}

static void
assert_clinician_equal(const struct scn_clinician *a,
    const struct scn_clinician *b)
{
	size_t i;

	assert_string_equal(a->id, b->id);
	assert_str_or_null(a->name, b->name);
	assert_str_or_null(a->email, b->email);
	assert_int_equal(a->nstates, b->nstates);
	for (i = 0; i < a->nstates; i++)
		assert_string_equal(a->states[i], b->states[i]);
	assert_true(a->max_hours == b->max_hours);
	assert_int_equal(a->max_groups, b->max_groups);
	assert_calendar_equal(&a->calendar, &b->calendar);
}

static void
assert_group_equal(const struct scn_group *a, const struct scn_group *b)
{
	size_t i;

	assert_string_equal(a->id, b->id);
	assert_string_equal(a->track, b->track);
	assert_string_equal(a->clinician, b->clinician);
	assert_int_equal(a->capacity, b->capacity);
	assert_int_equal(a->nsessions, b->nsessions);
	for (i = 0; i < a->nsessions; i++) {
		assert_int_equal(a->sessions[i].day, b->sessions[i].day);
		assert_int_equal(a->sessions[i].start, b->sessions[i].start);
		assert_int_equal(a->sessions[i].minutes,
		    b->sessions[i].minutes);
	}
}

static void
assert_participant_equal(const struct scn_participant *a,
    const struct scn_participant *b)
{
	assert_string_equal(a->id, b->id);
	assert_str_or_null(a->name, b->name);
	assert_str_or_null(a->email, b->email);
	assert_str_or_null(a->state, b->state);
	assert_str_or_null(a->timezone, b->timezone);
	assert_str_or_null(a->track, b->track);
	assert_int_equal(a->start, b->start);
	assert_int_equal(a->weeks, b->weeks);
	assert_true(a->min_hours == b->min_hours);
	assert_str_or_null(a->agency, b->agency);
	assert_int_equal(a->separate_from_agency, b->separate_from_agency);
	assert_int_equal(a->prefer, b->prefer);
	assert_windows_equal(a->available, a->navailable, b->available,
	    b->navailable);
	assert_int_equal(a->available_given, b->available_given);
	assert_calendar_equal(&a->shifts, &b->shifts);
}

static void
assert_scenario_equal(const struct scenario *a, const struct scenario *b)
{
	size_t i;

	assert_null(b->path);
	assert_program_equal(&a->program, &b->program);
	assert_int_equal(a->nclinicians, b->nclinicians);
	for (i = 0; i < a->nclinicians; i++)
		assert_clinician_equal(&a->clinicians[i], &b->clinicians[i]);
	assert_int_equal(a->ngroups, b->ngroups);
	for (i = 0; i < a->ngroups; i++)
		assert_group_equal(&a->groups[i], &b->groups[i]);
	assert_int_equal(a->nparticipants, b->nparticipants);
	for (i = 0; i < a->nparticipants; i++)
		assert_participant_equal(&a->participants[i],
		    &b->participants[i]);
}

/* Saves sc in its own transaction, which must succeed. */
static void
save_scenario(struct store *st, const struct scenario *sc)
{
	char *cause = NULL;

	if (store_begin(st, &cause) != 0 ||
	    store_save_scenario(st, sc, &cause) != 0 ||
	    store_commit(st, &cause) != 0)
		fail_msg("save scenario: %s", cause);
}

/* Runs a one-integer query on a separate raw connection. */
static int
raw_int(const char *db, const char *sql)
{
	sqlite3 *raw;
	sqlite3_stmt *stmt;
	int v = -1;

	assert_int_equal(sqlite3_open_v2(db, &raw, SQLITE_OPEN_READONLY,
	    NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(raw, sql, -1, &stmt, NULL),
	    SQLITE_OK);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		v = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	sqlite3_close(raw);
	return v;
}

static void
raw_exec(const char *db, const char *sql)
{
	sqlite3 *raw;

	assert_int_equal(sqlite3_open(db, &raw), SQLITE_OK);
	assert_int_equal(sqlite3_exec(raw, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
}

static void
test_open_read_missing_is_enofile_and_creates_nothing(void **state)
{
	struct fixture *f = *state;
	struct store *st = NULL;
	char *cause = NULL;

	assert_int_equal(store_open(f->db, STORE_READ, &st, &cause),
	    IOP_ENOFILE);
	assert_null(st);
	assert_cause_starts(cause, f->db);
	assert_non_null(strstr(cause, "no such database"));
	assert_int_equal(access(f->db, F_OK), -1);
	free(cause);
}

static void
test_open_directory_is_enofile(void **state)
{
	struct fixture *f = *state;
	struct store *st = NULL;
	char *cause = NULL, *dir = xasprintf("%s/other", f->dir);

	assert_int_equal(mkdir(dir, 0700), 0);
	assert_int_equal(store_open(dir, STORE_READ, &st, &cause),
	    IOP_ENOFILE);
	assert_cause_starts(cause, dir);
	free(cause);
	cause = NULL;
	assert_int_equal(store_open(dir, STORE_WRITE, &st, &cause),
	    IOP_ENOFILE);
	assert_null(st);
	free(cause);
	free(dir);
}

static void
test_open_text_file_is_einput(void **state)
{
	struct fixture *f = *state;
	struct store *st = NULL;
	char *cause = NULL;
	FILE *fp;

	assert_non_null(fp = fopen(f->db, "w"));
	for (int i = 0; i < 100; i++)
		fputs("this is not a database, just some text\n", fp);
	fclose(fp);
	assert_int_equal(store_open(f->db, STORE_READ, &st, &cause),
	    IOP_EINPUT);
	assert_null(st);
	assert_cause_starts(cause, f->db);
	free(cause);
	cause = NULL;
	assert_int_equal(store_open(f->db, STORE_WRITE, &st, &cause),
	    IOP_EINPUT);
	free(cause);
}

static void
test_open_foreign_sqlite_is_einput(void **state)
{
	struct fixture *f = *state;
	struct store *st = NULL;
	char *cause = NULL;

	raw_exec(f->db, "CREATE TABLE music (title TEXT)");
	assert_int_equal(store_open(f->db, STORE_WRITE, &st, &cause),
	    IOP_EINPUT);
	assert_non_null(strstr(cause, "not an iopsched database"));
	free(cause);
	/* Nothing of ours was added to it. */
	assert_int_equal(raw_int(f->db, "PRAGMA user_version"), 0);
}

static void
test_migrations_set_user_version(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_write(f);

	store_close(st);
	assert_true(store_schema_version >= 1);
	assert_int_equal(raw_int(f->db, "PRAGMA user_version"),
	    store_schema_version);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM sqlite_master"
	    " WHERE type = 'table' AND name IN ('program', 'clinicians',"
	    " 'groups', 'participants', 'runs', 'run_groups', 'run_members',"
	    " 'run_participants', 'run_sessions')"), 9);
	assert_int_equal(raw_int(f->db, "SELECT journal_mode = 'wal'"
	    " FROM pragma_journal_mode"), 1);
	assert_int_equal(raw_int(f->db, "PRAGMA application_id"), 0x494f5053);
	/* Opening again is a no-op: nothing to migrate. */
	st = open_write(f);
	store_close(st);
	assert_int_equal(raw_int(f->db, "PRAGMA user_version"),
	    store_schema_version);
}

static void
test_newer_schema_is_einput(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_write(f);
	char *cause = NULL;

	store_close(st);
	raw_exec(f->db, "PRAGMA user_version = 999");
	assert_int_equal(store_open(f->db, STORE_READ, &st, &cause),
	    IOP_EINPUT);
	assert_cause_starts(cause, f->db);
	assert_non_null(strstr(cause, "newer"));
	free(cause);
}

static void
test_load_scenario_when_none_is_enotfound(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_write(f);
	struct scenario sc;
	char *cause = NULL;

	assert_int_equal(store_load_scenario(st, &sc, &cause), IOP_ENOTFOUND);
	assert_cause_starts(cause, f->db);
	assert_non_null(strstr(cause, "no scenario stored yet"));
	free(cause);
	store_close(st);
}

static void
test_save_scenario_outside_transaction_fails(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_write(f);
	struct scenario sc;
	char *cause = NULL;

	make_scenario(&sc, 2);
	assert_int_equal(store_save_scenario(st, &sc, &cause),
	    IOP_EINTERNAL);
	free(cause);
	scenario_release(&sc);
	store_close(st);
}

static void
test_scenario_round_trip(void **state)
{
	struct fixture *f = *state;
	struct scenario sc, back;
	struct store *st = open_write(f);
	char *cause = NULL;

	make_scenario(&sc, 5);
	save_scenario(st, &sc);
	store_close(st);
	if (store_open(f->db, STORE_READ, &st, &cause) != 0)
		fail_msg("%s", cause);
	if (store_load_scenario(st, &back, &cause) != 0)
		fail_msg("%s", cause);
	assert_scenario_equal(&sc, &back);
	scenario_release(&back);
	scenario_release(&sc);
	store_close(st);
}

static void
test_dropped_items_become_inactive_and_are_kept(void **state)
{
	struct fixture *f = *state;
	struct scn_participant tmp;
	struct scenario sc, back;
	struct store *st = open_write(f);
	char *cause = NULL;

	make_scenario(&sc, 3);
	save_scenario(st, &sc);
	/* Drop P002 and G2 (moved past the end), and rename P003. */
	tmp = sc.participants[1];
	sc.participants[1] = sc.participants[2];
	sc.participants[2] = tmp;
	free(sc.participants[1].name);
	sc.participants[1].name = xstrdup("Renamed");
	sc.nparticipants = 2;
	sc.ngroups = 1;
	save_scenario(st, &sc);
	if (store_load_scenario(st, &back, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(back.nparticipants, 2);
	assert_string_equal(back.participants[0].id, "P001");
	assert_string_equal(back.participants[1].id, "P003");
	assert_string_equal(back.participants[1].name, "Renamed");
	assert_int_equal(back.ngroups, 1);
	assert_int_equal(back.nclinicians, 2);
	scenario_release(&back);
	assert_int_equal(raw_int(f->db, "SELECT count(*) FROM participants"),
	    3);
	assert_int_equal(raw_int(f->db, "SELECT active FROM participants"
	    " WHERE id = 'P002'"), 0);
	assert_int_equal(raw_int(f->db, "SELECT active FROM groups"
	    " WHERE id = 'G2'"), 0);
	/* Listed again, P002 comes back. */
	sc.nparticipants = 3;
	sc.ngroups = 2;
	save_scenario(st, &sc);
	if (store_load_scenario(st, &back, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(back.nparticipants, 3);
	assert_string_equal(back.participants[1].id, "P002");
	assert_int_equal(back.ngroups, 2);
	scenario_release(&back);
	scenario_release(&sc);
	store_close(st);
}

static void
test_set_shifts_replaces_calendar(void **state)
{
	struct fixture *f = *state;
	struct scenario sc, back;
	struct store *st = open_write(f);
	char *cause = NULL, *hash;

	make_scenario(&sc, 3);
	save_scenario(st, &sc);
	if (store_set_shifts(st, "P003", "new.ics", shifts_with_nul,
	    sizeof shifts_with_nul - 1, &cause) != 0)
		fail_msg("%s", cause);
	if (store_set_shifts(st, "P001", NULL, NULL, 0, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(store_set_shifts(st, "P404", "x.ics", "", 0, &cause),
	    IOP_ENOTFOUND);
	assert_cause_starts(cause, f->db);
	assert_non_null(strstr(cause, "unknown participant 'P404'"));
	free(cause);
	if (store_load_scenario(st, &back, &cause) != 0)
		fail_msg("%s", cause);
	assert_null(back.participants[0].shifts.text);
	assert_null(back.participants[0].shifts.hash);
	assert_string_equal(back.participants[2].shifts.path, "new.ics");
	assert_int_equal(back.participants[2].shifts.len,
	    sizeof shifts_with_nul - 1);
	assert_memory_equal(back.participants[2].shifts.text, shifts_with_nul,
	    sizeof shifts_with_nul);
	hash = scenario_hash(shifts_with_nul, sizeof shifts_with_nul - 1);
	assert_string_equal(back.participants[2].shifts.hash, hash);
	free(hash);
	scenario_release(&back);
	scenario_release(&sc);
	store_close(st);
}

static void
make_session(struct run_session *s, const char *group, int week,
    int64_t start, bool makeup)
{
	s->group = xstrdup(group);
	s->week = week;
	s->start = start;
	s->end = start + 3 * 3600;
	s->makeup = makeup;
}

/* A run of two groups and three participants; tag varies the values. */
static void
make_run(struct run *r, int tag)
{
	struct run_participant *p;
	int64_t t0 = INT64_C(1796680800) + tag;

	memset(r, 0, sizeof *r);
	r->timezone = xstrdup("America/Chicago");
	r->program_name = tag ? NULL : xstrdup("Evening IOP");
	r->start = 20794;
	r->weeks = 12 + tag;
	r->max_hours = 19.1;
	r->participants = 3;
	r->placed = 2;
	r->unplaced = 1;
	r->groups_open = 1;
	r->makeups = 1;
	r->bound = 2 + tag;
	r->time_limit = 2.5;
	r->ngroups = 2;
	r->groups = xcalloc(2, sizeof *r->groups);
	r->groups[0] = (struct run_group){ .id = xstrdup("G1"), .open = true,
	    .clinician = xstrdup("C1"), .track = xstrdup("first-responder"),
	    .capacity = 12, .timetable = xstrdup("MO 18:00-21:00, SA 09:00-12:00"),
	    .nmembers = 2 };
	r->groups[0].members = xcalloc(2, sizeof (char *));
	r->groups[0].members[0] = xstrdup("P001");
	r->groups[0].members[1] = xstrdup("P002");
	r->groups[1] = (struct run_group){ .id = xstrdup("G2"), .open = false,
	    .clinician = xstrdup("C2"), .track = xstrdup("first-responder"),
	    .capacity = 8 };
	r->nparts = 3;
	r->parts = xcalloc(3, sizeof *r->parts);
	p = &r->parts[0];
	*p = (struct run_participant){ .id = xstrdup("P001"), .placed = true,
	    .group = xstrdup("G1"), .first_week = 0, .last_week = 11,
	    .min_hours = 9 + 1 / 3.0, .nsessions = 3 };
	p->sessions = xcalloc(3, sizeof *p->sessions);
	make_session(&p->sessions[0], "G1", 0, t0, false);
	make_session(&p->sessions[1], "G2", 0, t0 + 86400, true);
	make_session(&p->sessions[2], "G1", 1, t0 + 7 * 86400, false);
	p = &r->parts[1];
	*p = (struct run_participant){ .id = xstrdup("P002"), .placed = true,
	    .group = xstrdup("G1"), .first_week = 2, .last_week = 5,
	    .min_hours = 9, .nsessions = 1 };
	p->sessions = xcalloc(1, sizeof *p->sessions);
	make_session(&p->sessions[0], "G1", 2, t0 + 14 * 86400, false);
	p = &r->parts[2];
	*p = (struct run_participant){ .id = xstrdup("P003"), .placed = false,
	    .reason = xstrdup("shifts leave at most 6.0 h in week of "
	    "2026-12-14"), .first_week = 0, .last_week = 7, .min_hours = 9 };
}

static void
assert_run_equal(const struct run *a, const struct run *b)
{
	size_t i, j;

	assert_int_equal(a->id, b->id);
	assert_str_or_null(a->created, b->created);
	assert_str_or_null(a->timezone, b->timezone);
	assert_str_or_null(a->program_name, b->program_name);
	assert_int_equal(a->start, b->start);
	assert_int_equal(a->weeks, b->weeks);
	assert_true(a->max_hours == b->max_hours);
	assert_int_equal(a->participants, b->participants);
	assert_int_equal(a->placed, b->placed);
	assert_int_equal(a->unplaced, b->unplaced);
	assert_int_equal(a->groups_open, b->groups_open);
	assert_int_equal(a->makeups, b->makeups);
	assert_int_equal(a->bound, b->bound);
	assert_true(a->time_limit == b->time_limit);
	assert_int_equal(a->ngroups, b->ngroups);
	for (i = 0; i < a->ngroups; i++) {
		const struct run_group *ga = &a->groups[i], *gb = &b->groups[i];

		assert_string_equal(ga->id, gb->id);
		assert_int_equal(ga->open, gb->open);
		assert_str_or_null(ga->clinician, gb->clinician);
		assert_str_or_null(ga->track, gb->track);
		assert_int_equal(ga->capacity, gb->capacity);
		assert_str_or_null(ga->timetable, gb->timetable);
		assert_int_equal(ga->nmembers, gb->nmembers);
		for (j = 0; j < ga->nmembers; j++)
			assert_string_equal(ga->members[j], gb->members[j]);
	}
	assert_int_equal(a->nparts, b->nparts);
	for (i = 0; i < a->nparts; i++) {
		const struct run_participant *pa = &a->parts[i];
		const struct run_participant *pb = &b->parts[i];

		assert_string_equal(pa->id, pb->id);
		assert_int_equal(pa->placed, pb->placed);
		assert_str_or_null(pa->group, pb->group);
		assert_str_or_null(pa->reason, pb->reason);
		assert_int_equal(pa->first_week, pb->first_week);
		assert_int_equal(pa->last_week, pb->last_week);
		assert_true(pa->min_hours == pb->min_hours);
		assert_int_equal(pa->nsessions, pb->nsessions);
		for (j = 0; j < pa->nsessions; j++) {
			assert_string_equal(pa->sessions[j].group,
			    pb->sessions[j].group);
			assert_int_equal(pa->sessions[j].week,
			    pb->sessions[j].week);
			assert_int_equal(pa->sessions[j].start,
			    pb->sessions[j].start);
			assert_int_equal(pa->sessions[j].end,
			    pb->sessions[j].end);
			assert_int_equal(pa->sessions[j].makeup,
			    pb->sessions[j].makeup);
		}
	}
}

/* Saves r in its own transaction, which must succeed. */
static void
save_run(struct store *st, struct run *r)
{
	char *cause = NULL;

	if (store_begin(st, &cause) != 0 || store_save_run(st, r, &cause) != 0 ||
	    store_commit(st, &cause) != 0)
		fail_msg("save run: %s", cause);
}

static void
test_run_round_trip(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_write(f);
	struct run r, back;
	char *cause = NULL;

	make_run(&r, 0);
	save_run(st, &r);
	assert_true(r.id > 0);
	assert_non_null(r.created);
	assert_int_equal(strlen(r.created), 20);
	assert_int_equal(r.created[19], 'Z');
	store_close(st);
	if (store_open(f->db, STORE_READ, &st, &cause) != 0)
		fail_msg("%s", cause);
	if (store_load_run(st, r.id, &back, &cause) != 0)
		fail_msg("%s", cause);
	assert_run_equal(&r, &back);
	run_release(&back);
	run_release(&r);
	store_close(st);
}

static void
test_latest_run_and_list(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_write(f);
	struct store_run_info *infos;
	struct run a, b, back;
	size_t n;
	char *cause = NULL;

	make_run(&a, 0);
	make_run(&b, 1);
	b.created = xstrdup("2026-12-01T08:00:00Z");
	save_run(st, &a);
	save_run(st, &b);
	assert_true(b.id > a.id);
	assert_string_equal(b.created, "2026-12-01T08:00:00Z");
	if (store_load_run(st, 0, &back, &cause) != 0)
		fail_msg("%s", cause);
	assert_run_equal(&b, &back);
	run_release(&back);
	if (store_load_run(st, a.id, &back, &cause) != 0)
		fail_msg("%s", cause);
	assert_run_equal(&a, &back);
	run_release(&back);
	if (store_list_runs(st, &infos, &n, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(n, 2);
	assert_int_equal(infos[0].id, a.id);
	assert_int_equal(infos[1].id, b.id);
	assert_string_equal(infos[1].created, b.created);
	assert_int_equal(infos[1].bound, 3);
	assert_int_equal(infos[0].placed, 2);
	store_run_infos_free(infos, n);
	run_release(&a);
	run_release(&b);
	store_close(st);
}

static void
test_unknown_run_is_enotfound(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_write(f);
	struct run r, back;
	char *cause = NULL;

	assert_int_equal(store_load_run(st, 0, &back, &cause), IOP_ENOTFOUND);
	assert_cause_starts(cause, f->db);
	assert_non_null(strstr(cause, "no run yet"));
	free(cause);
	cause = NULL;
	make_run(&r, 0);
	save_run(st, &r);
	assert_int_equal(store_load_run(st, r.id + 41, &back, &cause),
	    IOP_ENOTFOUND);
	assert_cause_starts(cause, f->db);
	assert_non_null(strstr(cause, "no run "));
	free(cause);
	assert_null(back.parts);
	run_release(&r);
	store_close(st);
}

static void
test_busy_database_is_ebusy(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_write(f), *reader;
	struct run r, back;
	sqlite3 *other;
	char *cause = NULL;

	make_run(&r, 0);
	save_run(st, &r);
	assert_int_equal(sqlite3_open(f->db, &other), SQLITE_OK);
	assert_int_equal(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL,
	    NULL), SQLITE_OK);
	store_set_busy_timeout(st, 50);
	assert_int_equal(store_begin(st, &cause), IOP_EBUSY);
	assert_cause_starts(cause, f->db);
	assert_non_null(strstr(cause, "database is busy"));
	free(cause);
	cause = NULL;
	/* A reader is not blocked by the writer (WAL). */
	if (store_open(f->db, STORE_READ, &reader, &cause) != 0)
		fail_msg("%s", cause);
	if (store_load_run(reader, 0, &back, &cause) != 0)
		fail_msg("%s", cause);
	assert_run_equal(&r, &back);
	run_release(&back);
	store_close(reader);
	sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(other);
	assert_int_equal(store_begin(st, &cause), 0);
	store_rollback(st);
	run_release(&r);
	store_close(st);
}

static void
test_rollback_keeps_previous_run(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_write(f);
	struct store_run_info *infos;
	struct run a, b, back;
	size_t n;
	char *cause = NULL;

	make_run(&a, 0);
	save_run(st, &a);
	make_run(&b, 1);
	assert_int_equal(store_begin(st, &cause), 0);
	assert_int_equal(store_save_run(st, &b, &cause), 0);
	store_rollback(st);
	store_rollback(st);		/* safe with none open */
	if (store_load_run(st, 0, &back, &cause) != 0)
		fail_msg("%s", cause);
	assert_run_equal(&a, &back);
	run_release(&back);
	if (store_list_runs(st, &infos, &n, &cause) != 0)
		fail_msg("%s", cause);
	assert_int_equal(n, 1);
	store_run_infos_free(infos, n);
	run_release(&a);
	run_release(&b);
	store_close(st);
}

static void
test_read_only_file_reads_but_does_not_write(void **state)
{
	struct fixture *f = *state;
	struct store *st;
	struct run r, back;
	char *cause = NULL;

	if (geteuid() == 0)
		skip();			/* root may write anything */
	st = open_write(f);
	make_run(&r, 0);
	save_run(st, &r);
	store_close(st);
	assert_int_equal(chmod(f->db, 0444), 0);
	assert_int_equal(store_open(f->db, STORE_WRITE, &st, &cause),
	    IOP_ECREATE);
	assert_cause_starts(cause, f->db);
	free(cause);
	cause = NULL;
	if (store_open(f->db, STORE_READ, &st, &cause) != 0)
		fail_msg("%s", cause);
	if (store_load_run(st, 0, &back, &cause) != 0)
		fail_msg("%s", cause);
	assert_run_equal(&r, &back);
	run_release(&back);
	run_release(&r);
	store_close(st);
}

static void
test_large_run_round_trip(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_write(f);
	struct run r, back;
	struct run_participant *p;
	char *cause = NULL;
	size_t i, j;

	memset(&r, 0, sizeof r);
	r.timezone = xstrdup("America/Chicago");
	r.weeks = 12;
	r.ngroups = 1;
	r.groups = xcalloc(1, sizeof *r.groups);
	r.groups[0].id = xstrdup("G1");
	r.nparts = 3000;
	r.parts = xcalloc(r.nparts, sizeof *r.parts);
	for (i = 0; i < r.nparts; i++) {
		p = &r.parts[i];
		p->id = xasprintf("P%05zu", i);
		p->placed = true;
		p->group = xstrdup("G1");
		p->nsessions = 36;
		p->sessions = xcalloc(36, sizeof *p->sessions);
		for (j = 0; j < 36; j++)
			make_session(&p->sessions[j], "G1", (int)j / 3,
			    (int64_t)(j * 86400 + i), j % 5 == 0);
	}
	save_run(st, &r);
	if (store_load_run(st, 0, &back, &cause) != 0)
		fail_msg("%s", cause);
	assert_run_equal(&r, &back);
	run_release(&back);
	run_release(&r);
	store_close(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    test_open_read_missing_is_enofile_and_creates_nothing,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_directory_is_enofile,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_open_text_file_is_einput,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_open_foreign_sqlite_is_einput, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_migrations_set_user_version, setup, teardown),
		cmocka_unit_test_setup_teardown(test_newer_schema_is_einput,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_read_only_file_reads_but_does_not_write, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_load_scenario_when_none_is_enotfound, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_save_scenario_outside_transaction_fails, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_scenario_round_trip,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_dropped_items_become_inactive_and_are_kept, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_set_shifts_replaces_calendar, setup, teardown),
		cmocka_unit_test_setup_teardown(test_run_round_trip, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_latest_run_and_list,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_run_is_enotfound,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_busy_database_is_ebusy,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_rollback_keeps_previous_run, setup, teardown),
		cmocka_unit_test_setup_teardown(test_large_run_round_trip,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
