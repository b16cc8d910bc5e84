/*
 * The schema, as numbered migrations.  Migration n takes a database from
 * PRAGMA user_version n - 1 to n, in one transaction, so a kill leaves the
 * file at one version or the next.  Never edit a migration that has
 * shipped: append a new one.
 *
 * Scenario tables hold the latest scenario, by id; items it no longer
 * lists keep their rows with active = 0.  Run tables are snapshots: they
 * copy ids rather than reference the scenario tables, so a run stays
 * readable whatever later scenarios do.  Small lists (windows, sessions,
 * licensed states) are JSON text in their row; calendar texts are BLOBs so
 * that their bytes and length come back exactly.
 */
#include <sqlite3.h>
#include <stdlib.h>

#include "status.h"
#include "store_impl.h"
#include "xmalloc.h"

/* PRAGMA application_id of an iopsched database: "IOPS". */
#define STORE_APPLICATION_ID 0x494f5053

static const char *const store_migrations[] = {
	/* 1: the scenario and the runs. */
	"PRAGMA application_id = 1229934675;"
	"CREATE TABLE program ("
	"  id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  name TEXT,"
	"  timezone TEXT NOT NULL,"
	"  start INTEGER NOT NULL,"
	"  weeks INTEGER NOT NULL,"
	"  min_hours REAL NOT NULL,"
	"  max_hours REAL NOT NULL,"
	"  group_min INTEGER NOT NULL,"
	"  group_max INTEGER NOT NULL,"
	"  makeups_per_week INTEGER NOT NULL,"
	"  before_shift_minutes INTEGER NOT NULL,"
	"  after_shift_minutes INTEGER NOT NULL,"
	"  long_shift_hours REAL NOT NULL,"
	"  rest_after_long_shift_hours REAL NOT NULL,"
	"  windows TEXT NOT NULL,"
	"  organizer_name TEXT,"
	"  organizer_email TEXT,"
	"  video_url TEXT,"
	"  invite_title TEXT,"
	"  crisis_text TEXT"
	");"
	"CREATE TABLE clinicians ("
	"  id TEXT PRIMARY KEY NOT NULL,"
	"  active INTEGER NOT NULL DEFAULT 1,"
	"  name TEXT,"
	"  email TEXT,"
	"  licensed_states TEXT NOT NULL,"
	"  max_hours REAL NOT NULL,"
	"  max_groups INTEGER NOT NULL,"
	"  calendar_path TEXT,"
	"  calendar_text BLOB,"
	"  calendar_hash TEXT"
	");"
	"CREATE TABLE groups ("
	"  id TEXT PRIMARY KEY NOT NULL,"
	"  active INTEGER NOT NULL DEFAULT 1,"
	"  track TEXT NOT NULL,"
	"  clinician_id TEXT NOT NULL REFERENCES clinicians(id),"
	"  capacity INTEGER NOT NULL,"
	"  sessions TEXT NOT NULL"
	");"
	"CREATE INDEX groups_by_clinician ON groups(clinician_id);"
	"CREATE TABLE participants ("
	"  id TEXT PRIMARY KEY NOT NULL,"
	"  active INTEGER NOT NULL DEFAULT 1,"
	"  name TEXT,"
	"  email TEXT,"
	"  state TEXT NOT NULL,"
	"  timezone TEXT,"
	"  track TEXT NOT NULL,"
	"  start INTEGER NOT NULL,"
	"  weeks INTEGER NOT NULL,"
	"  min_hours REAL NOT NULL,"
	"  agency TEXT,"
	"  separate_from_agency INTEGER NOT NULL,"
	"  prefer INTEGER NOT NULL,"
	"  available TEXT NOT NULL,"
	"  available_given INTEGER NOT NULL,"
	"  shifts_path TEXT,"
	"  shifts_text BLOB,"
	"  shifts_hash TEXT"
	");"
	"CREATE TABLE runs ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  created TEXT NOT NULL,"
	"  timezone TEXT NOT NULL,"
	"  program_name TEXT,"
	"  start INTEGER NOT NULL,"
	"  weeks INTEGER NOT NULL,"
	"  max_hours REAL NOT NULL,"
	"  participants INTEGER NOT NULL,"
	"  placed INTEGER NOT NULL,"
	"  unplaced INTEGER NOT NULL,"
	"  groups_open INTEGER NOT NULL,"
	"  makeups INTEGER NOT NULL,"
	"  bound INTEGER NOT NULL,"
	"  time_limit REAL NOT NULL"
	");"
	"CREATE TABLE run_groups ("
	"  run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
	"  id TEXT NOT NULL,"
	"  open INTEGER NOT NULL,"
	"  clinician TEXT,"
	"  track TEXT,"
	"  capacity INTEGER NOT NULL,"
	"  timetable TEXT,"
	"  PRIMARY KEY (run, id)"
	") WITHOUT ROWID;"
	"CREATE TABLE run_participants ("
	"  run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
	"  id TEXT NOT NULL,"
	"  placed INTEGER NOT NULL,"
	"  grp TEXT,"
	"  reason TEXT,"
	"  first_week INTEGER NOT NULL,"
	"  last_week INTEGER NOT NULL,"
	"  min_hours REAL NOT NULL,"
	"  PRIMARY KEY (run, id),"
	"  FOREIGN KEY (run, grp) REFERENCES run_groups(run, id)"
	") WITHOUT ROWID;"
	"CREATE TABLE run_members ("
	"  run INTEGER NOT NULL,"
	"  grp TEXT NOT NULL,"
	"  participant TEXT NOT NULL,"
	"  PRIMARY KEY (run, grp, participant),"
	"  FOREIGN KEY (run, grp) REFERENCES run_groups(run, id)"
	"    ON DELETE CASCADE,"
	"  FOREIGN KEY (run, participant) REFERENCES run_participants(run, id)"
	"    ON DELETE CASCADE"
	") WITHOUT ROWID;"
	"CREATE TABLE run_sessions ("
	"  run INTEGER NOT NULL,"
	"  participant TEXT NOT NULL,"
	"  grp TEXT NOT NULL,"
	"  week INTEGER NOT NULL,"
	"  start_utc INTEGER NOT NULL,"
	"  end_utc INTEGER NOT NULL,"
	"  makeup INTEGER NOT NULL,"
	"  FOREIGN KEY (run, participant) REFERENCES run_participants(run, id)"
	"    ON DELETE CASCADE,"
	"  FOREIGN KEY (run, grp) REFERENCES run_groups(run, id)"
	"    ON DELETE CASCADE"
	");"
	"CREATE INDEX run_sessions_by_participant"
	"  ON run_sessions(run, participant, start_utc);"
	"CREATE INDEX run_sessions_by_group ON run_sessions(run, grp);",

	/*
	 * 2: what publish sent.  A person's token names their feed and
	 * seeds their UIDs; their contact is kept for the CANCELs they get
	 * after leaving the scenario.  publish_events is the state each
	 * publish compares the latest run with; publish_outbox holds every
	 * message, sent (a time) or pending (NULL).
	 */
	"CREATE TABLE publish_people ("
	"  kind TEXT NOT NULL CHECK (kind IN ('participant', 'clinician')),"
	"  id TEXT NOT NULL,"
	"  token TEXT NOT NULL UNIQUE,"
	"  name TEXT,"
	"  email TEXT,"
	"  timezone TEXT,"
	"  PRIMARY KEY (kind, id)"
	") WITHOUT ROWID;"
	"CREATE TABLE publish_events ("
	"  token TEXT NOT NULL REFERENCES publish_people(token),"
	"  uid TEXT NOT NULL,"
	"  key TEXT NOT NULL,"
	"  sequence INTEGER NOT NULL,"
	"  active INTEGER NOT NULL,"
	"  hash TEXT NOT NULL,"
	"  stamp INTEGER NOT NULL,"
	"  body TEXT NOT NULL,"
	"  instances TEXT NOT NULL,"
	"  PRIMARY KEY (token, uid)"
	") WITHOUT ROWID;"
	"CREATE TABLE publish_outbox ("
	"  seq INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  token TEXT NOT NULL REFERENCES publish_people(token),"
	"  uid TEXT NOT NULL,"
	"  method TEXT NOT NULL CHECK (method IN ('REQUEST', 'CANCEL')),"
	"  sequence INTEGER NOT NULL,"
	"  to_name TEXT,"
	"  to_email TEXT NOT NULL,"
	"  subject TEXT NOT NULL,"
	"  text TEXT NOT NULL,"
	"  ical TEXT NOT NULL,"
	"  message_id TEXT NOT NULL UNIQUE,"
	"  label TEXT NOT NULL,"
	"  created INTEGER NOT NULL,"
	"  sent INTEGER"
	");"
	"CREATE INDEX publish_outbox_by_event ON publish_outbox(token, uid);"
	"CREATE INDEX publish_outbox_pending ON publish_outbox(sent, seq);"
};

const int store_schema_version =
    (int)(sizeof store_migrations / sizeof store_migrations[0]);

/*
 * Reads an integer PRAGMA (user_version, application_id) into *value, which
 * is 0 on error.
 */
static int
store_pragma_int(struct store *st, const char *sql, int *value, char **cause)
{
	sqlite3_stmt *stmt;
	int rc, ret;

	*value = 0;
	if ((ret = store_prepare(st, sql, &stmt, cause)) != 0)
		return ret;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*value = sqlite3_column_int(stmt, 0);
		ret = 0;
	} else
		ret = store_fail(st, rc, cause);
	sqlite3_finalize(stmt);
	return ret;
}

/*
 * Refuses a database that another program made (or a newer iopsched):
 * version 0 must mean an empty file, and any later version must carry our
 * application id.
 */
static int
store_check_owner(struct store *st, int version, char **cause)
{
	int value, ret;

	if (version > store_schema_version) {
		*cause = xasprintf("%s: database schema version %d is newer "
		    "than this iopsched supports (%d); upgrade iopsched",
		    st->path, version, store_schema_version);
		return IOP_EINPUT;
	}
	if (version == 0)
		ret = store_pragma_int(st, "SELECT count(*) FROM sqlite_master",
		    &value, cause);
	else {
		ret = store_pragma_int(st, "PRAGMA application_id", &value,
		    cause);
		value = value != STORE_APPLICATION_ID;
	}
	if (ret != 0)
		return ret;
	if (value != 0) {
		*cause = xasprintf("%s: not an iopsched database", st->path);
		return IOP_EINPUT;
	}
	return 0;
}

/*
 * Applies the migration after version, in the caller's transaction, and
 * records the new version.  The version is our own constant, not input:
 * PRAGMA takes no bound parameters.
 */
static int
store_apply(struct store *st, int version, char **cause)
{
	char *sql;
	int ret;

	if ((ret = store_exec(st, store_migrations[version], cause)) != 0)
		return ret;
	sql = xasprintf("PRAGMA user_version = %d", version + 1);
	ret = store_exec(st, sql, cause);
	free(sql);
	return ret;
}

/*
 * One step: under the write lock, re-reads the version (another process
 * may have migrated meanwhile) and applies the next migration.  Sets
 * *done when the schema is current.
 */
static int
store_migrate_step(struct store *st, bool *done, char **cause)
{
	int version, ret;

	if ((ret = store_begin(st, cause)) != 0)
		return ret;
	ret = store_pragma_int(st, "PRAGMA user_version", &version, cause);
	if (ret == 0)
		ret = store_check_owner(st, version, cause);
	if (ret == 0 && version < store_schema_version)
		ret = store_apply(st, version, cause);
	if (ret != 0) {
		store_rollback(st);
		return ret;
	}
	*done = version + 1 >= store_schema_version;
	return store_commit(st, cause);
}

int
store_migrate(struct store *st, char **cause)
{
	bool began, done = false;
	int version, ret;

	/*
	 * One snapshot for both reads: another iopsched creating the schema
	 * between them would make a new file look like a foreign one.
	 */
	if ((ret = store_read_begin(st, &began, cause)) != 0)
		return ret;
	ret = store_pragma_int(st, "PRAGMA user_version", &version, cause);
	if (ret == 0)
		ret = store_check_owner(st, version, cause);
	store_read_end(st, began);
	if (ret != 0 || version == store_schema_version)
		return ret;
	if (st->readonly) {
		*cause = xasprintf("%s: database schema version %d is older "
		    "than this iopsched's (%d) and the file is read-only",
		    st->path, version, store_schema_version);
		return IOP_EINPUT;
	}
	while (!done)
		if ((ret = store_migrate_step(st, &done, cause)) != 0)
			return ret;
	return 0;
}
