/*
 * The store's connection: opening (with the checks that give the right
 * exit status for a missing, unreadable or foreign file), transactions,
 * and the mapping of SQLite errors onto our status codes.
 */
#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "status.h"
#include "store.h"
#include "store_impl.h"
#include "xmalloc.h"

/* strerror(errnum) with a lowercase first letter, as our messages want. */
static char *
store_strerror(int errnum)
{
	char *s = xstrdup(strerror(errnum));

	s[0] = (char)tolower((unsigned char)s[0]);
	return s;
}

/*
 * SQLite's message in lower case, as ours are: SQLite writes some in
 * capitals ("FOREIGN KEY constraint failed").
 */
static char *
store_lower(const char *msg)
{
	char *s = xstrdup(msg != NULL ? msg : "unknown error"), *p;

	for (p = s; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	return s;
}

int
store_fail(struct store *st, int rc, char **cause)
{
	const char *msg;
	char *low;
	int ret;

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		*cause = xasprintf("%s: database is busy (another iopsched "
		    "holds it); try again", st->path);
		return IOP_EBUSY;
	case SQLITE_NOTADB:
		*cause = xasprintf("%s: not an iopsched database (file is not "
		    "a database)", st->path);
		return IOP_EINPUT;
	case SQLITE_CORRUPT:
		ret = IOP_EINPUT;
		break;
	case SQLITE_IOERR:
	case SQLITE_FULL:
	case SQLITE_CANTOPEN:
	case SQLITE_READONLY:
	case SQLITE_PROTOCOL:
	case SQLITE_PERM:
		ret = IOP_EIO;
		break;
	default:
		ret = IOP_EINTERNAL;
		break;
	}
	msg = st->db != NULL ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc);
	low = store_lower(msg);
	*cause = xasprintf("%s: %s", st->path, low);
	free(low);
	return ret;
}

int
store_prepare(struct store *st, const char *sql, sqlite3_stmt **stmt,
    char **cause)
{
	int rc;

	rc = sqlite3_prepare_v2(st->db, sql, -1, stmt, NULL);
	if (rc != SQLITE_OK) {
		*stmt = NULL;
		return store_fail(st, rc, cause);
	}
	return 0;
}

int
store_exec(struct store *st, const char *sql, char **cause)
{
	int rc;

	rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return store_fail(st, rc, cause);
	return 0;
}

int
store_step_done(struct store *st, sqlite3_stmt *stmt, char **cause)
{
	int rc, ret = 0;

	rc = sqlite3_step(stmt);
	/* Read the message before reset, which may replace it. */
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		ret = store_fail(st, rc, cause);
	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
	return ret;
}

int
store_step_bound(struct store *st, sqlite3_stmt *stmt, int bad, char **cause)
{
	int ret;

	if (bad) {
		ret = store_fail(st, sqlite3_errcode(st->db), cause);
		sqlite3_reset(stmt);
		sqlite3_clear_bindings(stmt);
		return ret;
	}
	return store_step_done(st, stmt, cause);
}

int
store_bind_text(sqlite3_stmt *stmt, int idx, const char *s)
{
	if (s == NULL)
		return sqlite3_bind_null(stmt, idx);
	return sqlite3_bind_text(stmt, idx, s, -1, SQLITE_STATIC);
}

char *
store_column_text(sqlite3_stmt *stmt, int idx)
{
	const unsigned char *s;

	if (sqlite3_column_type(stmt, idx) == SQLITE_NULL)
		return NULL;
	s = sqlite3_column_text(stmt, idx);
	return xstrdup(s != NULL ? (const char *)s : "");
}

int
store_bind_blob(sqlite3_stmt *stmt, int idx, const char *text, size_t len)
{
	if (text == NULL)
		return sqlite3_bind_null(stmt, idx);
	if (len == 0)
		return sqlite3_bind_zeroblob(stmt, idx, 0);
	return sqlite3_bind_blob64(stmt, idx, text, len, SQLITE_STATIC);
}

char *
store_column_blob(sqlite3_stmt *stmt, int idx, size_t *len)
{
	const void *p;
	char *text;
	int n;

	*len = 0;
	if (sqlite3_column_type(stmt, idx) == SQLITE_NULL)
		return NULL;
	p = sqlite3_column_blob(stmt, idx);
	n = sqlite3_column_bytes(stmt, idx);
	text = xmalloc((size_t)n + 1);
	if (n > 0)
		memcpy(text, p, (size_t)n);
	text[n] = '\0';
	*len = (size_t)n;
	return text;
}

int
store_read_begin(struct store *st, bool *began, char **cause)
{
	int ret;

	*began = false;
	if (!sqlite3_get_autocommit(st->db))
		return 0;
	if ((ret = store_exec(st, "BEGIN", cause)) != 0)
		return ret;
	*began = true;
	return 0;
}

void
store_read_end(struct store *st, bool began)
{
	/* A read transaction has nothing to keep: ending it cannot lose. */
	if (began)
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

int
store_require_tx(struct store *st, const char *what, char **cause)
{
	if (!sqlite3_get_autocommit(st->db))
		return 0;
	*cause = xasprintf("%s: %s called outside a transaction", st->path,
	    what);
	return IOP_EINTERNAL;
}

/*
 * Decides how to open path before SQLite sees it, because SQLite opens a
 * directory or an unreadable file lazily and reports it late and vaguely.
 * Sets *flags for sqlite3_open_v2.  IOP_ENOFILE when a database to read is
 * missing, a directory or unreadable; IOP_ECREATE when one to write is not
 * writable.
 */
static int
store_check_file(const char *path, enum store_mode mode, int *flags,
    char **cause)
{
	struct stat sb;
	char *err;

	if (stat(path, &sb) == -1) {
		if (errno == ENOENT && mode == STORE_WRITE) {
			*flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
			return 0;
		}
		if (errno == ENOENT) {
			*cause = xasprintf("%s: no such database", path);
			return IOP_ENOFILE;
		}
		err = store_strerror(errno);
		*cause = xasprintf("%s: %s", path, err);
		free(err);
		return mode == STORE_WRITE ? IOP_ECREATE : IOP_ENOFILE;
	}
	if (S_ISDIR(sb.st_mode)) {
		*cause = xasprintf("%s: is a directory, not a database", path);
		return IOP_ENOFILE;
	}
	if (!S_ISREG(sb.st_mode)) {
		*cause = xasprintf("%s: not a regular file", path);
		return IOP_ENOFILE;
	}
	if (access(path, R_OK) == -1) {
		*cause = xasprintf("%s: permission denied", path);
		return IOP_ENOFILE;
	}
	if (access(path, W_OK) == 0) {
		/* Even a reader wants write access: WAL readers use -shm. */
		*flags = SQLITE_OPEN_READWRITE;
		return 0;
	}
	if (mode == STORE_WRITE) {
		*cause = xasprintf("%s: permission denied (database is not "
		    "writable)", path);
		return IOP_ECREATE;
	}
	*flags = SQLITE_OPEN_READONLY;
	return 0;
}

/*
 * Switches the file to WAL (a no-op once it is).  SQLite answers BUSY at
 * once, without calling the busy handler, where waiting could deadlock:
 * this connection reading while another writes, as when two iopsched
 * create one database together.  So this retries, up to the busy timeout.
 */
static int
store_wal(struct store *st, char **cause)
{
	int rc, waited = 0;

	while ((rc = sqlite3_exec(st->db, "PRAGMA journal_mode = WAL", NULL,
	    NULL, NULL)) != SQLITE_OK && (rc & 0xff) == SQLITE_BUSY &&
	    waited < STORE_BUSY_MS)
		waited += sqlite3_sleep(10);
	return rc == SQLITE_OK ? 0 : store_fail(st, rc, cause);
}

/* Connection settings every store uses, then the schema migrations. */
static int
store_configure(struct store *st, char **cause)
{
	int ret;

	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, STORE_BUSY_MS);
	if ((ret = store_exec(st, "PRAGMA foreign_keys = ON", cause)) != 0)
		return ret;
	/* Reads the header first, so a foreign file fails as NOTADB here. */
	if ((ret = store_migrate(st, cause)) != 0)
		return ret;
	if (!st->readonly && (ret = store_wal(st, cause)) != 0)
		return ret;
	return 0;
}

int
store_open(const char *path, enum store_mode mode, struct store **out,
    char **cause)
{
	struct store *st;
	int flags, rc, ret;

	*out = NULL;
	if ((ret = store_check_file(path, mode, &flags, cause)) != 0)
		return ret;
	st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	st->readonly = (flags & SQLITE_OPEN_READONLY) != 0;
	rc = sqlite3_open_v2(path, &st->db, flags, NULL);
	if (rc != SQLITE_OK) {
		ret = store_fail(st, rc, cause);
		if (ret == IOP_EIO || ret == IOP_EINTERNAL)
			ret = mode == STORE_WRITE ? IOP_ECREATE : IOP_ENOFILE;
		goto out;
	}
	ret = store_configure(st, cause);
out:
	if (ret != 0) {
		store_close(st);
		return ret;
	}
	*out = st;
	return 0;
}

void
store_close(struct store *st)
{
	if (st == NULL)
		return;
	store_rollback(st);
	sqlite3_close_v2(st->db);
	free(st->path);
	free(st);
}

void
store_set_busy_timeout(struct store *st, int ms)
{
	sqlite3_busy_timeout(st->db, ms);
}

int
store_begin(struct store *st, char **cause)
{
	return store_exec(st, "BEGIN IMMEDIATE", cause);
}

int
store_commit(struct store *st, char **cause)
{
	int ret;

	if ((ret = store_exec(st, "COMMIT", cause)) != 0)
		store_rollback(st);
	return ret;
}

void
store_rollback(struct store *st)
{
	if (st == NULL || st->db == NULL || sqlite3_get_autocommit(st->db))
		return;
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}
