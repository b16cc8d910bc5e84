/*
 * What the store's files share and nobody else sees: the connection, the
 * error mapping and the small statement helpers.  Only cmd/store*.c
 * include this header.
 */
#ifndef IOP_STORE_IMPL_H
#define IOP_STORE_IMPL_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store.h"

struct store {
	sqlite3	*db;
	char	*path;			/* as given, first word of every cause */
	bool	 readonly;		/* opened SQLITE_OPEN_READONLY */
};

/* The schema version this build writes and understands. */
extern const int store_schema_version;

/*
 * Brings the schema of st up to store_schema_version, one migration per
 * transaction.  IOP_EINPUT for a database of a newer version or one that
 * is not iopsched's; IOP_EBUSY when another process holds the lock.
 */
int	store_migrate(struct store *st, char **cause);

/*
 * Turns SQLite result code rc (the last error on st->db) into a status
 * and a one-line cause starting with the database path.  Busy and locked
 * give IOP_EBUSY; a file that is not a database gives IOP_EINPUT.
 */
int	store_fail(struct store *st, int rc, char **cause);

/* Prepares sql into *stmt; on failure returns store_fail(). */
int	store_prepare(struct store *st, const char *sql, sqlite3_stmt **stmt,
	    char **cause);

/* Runs sql, which binds nothing and returns no rows we need. */
int	store_exec(struct store *st, const char *sql, char **cause);

/*
 * Steps a statement that returns no row and resets it for reuse.
 * Returns 0 or store_fail().
 */
int	store_step_done(struct store *st, sqlite3_stmt *stmt, char **cause);

/*
 * Like store_step_done, for a statement just bound: bad is nonzero when a
 * bind failed, which is reported instead of stepping.
 */
int	store_step_bound(struct store *st, sqlite3_stmt *stmt, int bad,
	    char **cause);

/* Binds s, or NULL when s is NULL. */
int	store_bind_text(sqlite3_stmt *stmt, int idx, const char *s);

/*
 * Gives several SELECTs one snapshot: opens a read transaction unless one
 * is open already (*began tells store_read_end whether to close it).
 */
int	store_read_begin(struct store *st, bool *began, char **cause);
void	store_read_end(struct store *st, bool began);

/* IOP_EINTERNAL unless a transaction is open: what names the caller. */
int	store_require_tx(struct store *st, const char *what, char **cause);

/* Binds len bytes of text as a BLOB, or NULL when text is NULL. */
int	store_bind_blob(sqlite3_stmt *stmt, int idx, const char *text,
	    size_t len);

/*
 * A NUL-terminated copy of BLOB column idx (xmalloc'd) and its length in
 * *len, or NULL for SQL NULL.
 */
char	*store_column_blob(sqlite3_stmt *stmt, int idx, size_t *len);

/* A copy of column idx as a string (xstrdup), or NULL for SQL NULL. */
char	*store_column_text(sqlite3_stmt *stmt, int idx);

/*
 * JSON codecs for the small lists kept in a row (cmd/store_json.c).  The
 * encoders return an xmalloc'd string; the decoders fill a new array
 * (caller frees) and return false, with nothing allocated, on malformed
 * text.
 */
char	*store_windows_encode(const struct scn_window *w, size_t n);
bool	 store_windows_decode(const char *json, struct scn_window **w,
	    size_t *n);
char	*store_sessions_encode(const struct scn_session *s, size_t n);
bool	 store_sessions_decode(const char *json, struct scn_session **s,
	    size_t *n);
char	*store_strings_encode(char *const *v, size_t n);
bool	 store_strings_decode(const char *json, char ***v, size_t *n);

#endif
