/*
 * The SQLite store: the scenario (participants, groups, clinicians, their
 * calendar texts), the runs, and later what was published.  Schema changes
 * are numbered migrations tracked by PRAGMA user_version (cmd/store_schema.c).
 * Every write that must be atomic happens inside store_begin/commit.
 *
 * Ownership: struct store is opaque; store_close() frees it.  Loaded
 * scenarios and runs are the caller's to release.
 */
#ifndef IOP_STORE_H
#define IOP_STORE_H

#include <stddef.h>

#include "run.h"
#include "scenario.h"

struct store;

enum store_mode {
	STORE_READ,		/* the file must exist (IOP_ENOFILE); nothing created */
	STORE_WRITE		/* created if missing, migrated to the current schema */
};

/* Busy timeout before a locked database gives IOP_EBUSY, in milliseconds. */
#define STORE_BUSY_MS 5000

int	store_open(const char *path, enum store_mode mode, struct store **out,
	    char **cause);
/* Closes and frees st; NULL is a no-op. */
void	store_close(struct store *st);
/* Sets how long a locked database is waited for (tests use a short one). */
void	store_set_busy_timeout(struct store *st, int ms);

/* An IMMEDIATE transaction: takes the write lock now (or IOP_EBUSY). */
int	store_begin(struct store *st, char **cause);
int	store_commit(struct store *st, char **cause);
/* Rolls back an open transaction; safe to call when none is open. */
void	store_rollback(struct store *st);

/*
 * Inserts or updates everything in sc by id; clinicians, groups and
 * participants the scenario no longer lists become inactive (kept, not
 * scheduled).  Call inside a transaction.
 */
int	store_save_scenario(struct store *st, const struct scenario *sc,
	    char **cause);

/*
 * Loads the active scenario into *sc (caller releases).  IOP_ENOTFOUND
 * when the database holds none.
 */
int	store_load_scenario(struct store *st, struct scenario *sc, char **cause);

/*
 * Stores r as a new run and sets r->id.  Call inside a transaction (the
 * same one as the scenario save, so a kill leaves the old state whole).
 */
int	store_save_run(struct store *st, struct run *r, char **cause);

/*
 * Loads run id (0: the latest) into *r (caller releases).  IOP_ENOTFOUND
 * when there is no such run or no run at all.
 */
int	store_load_run(struct store *st, int id, struct run *r, char **cause);

/* One line of `runs`. */
struct store_run_info {
	int	id;
	char	*created;
	int	participants;
	int	placed;
	int	unplaced;
	int	groups_open;
	int	makeups;
	int	bound;
};

/* All runs, oldest first, into *out (caller frees with store_run_infos_free). */
int	store_list_runs(struct store *st, struct store_run_info **out, size_t *n,
	    char **cause);
void	store_run_infos_free(struct store_run_info *v, size_t n);

/*
 * Replaces participant id's stored shift calendar (text may be NULL to
 * clear it).  IOP_ENOTFOUND for an unknown participant.
 */
int	store_set_shifts(struct store *st, const char *id, const char *path,
	    const char *text, size_t len, char **cause);

#endif
