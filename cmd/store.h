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
/*
 * Run id and the stored scenario in one read transaction, so that a
 * solve committing in between cannot pair run N with run N+1's scenario
 * (explain, report).
 */
int	store_load_run_scenario(struct store *st, int id, struct run *r,
	    struct scenario *sc, char **cause);

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

/*
 * Publish state (cmd/store_publish.c, schema migration 2): per person a
 * random token (feed file name, seed of every UID) and last known contact;
 * per person and UID what was last queued to them (SEQUENCE, content hash,
 * active or cancelled, the event text); and the outbox of messages, each
 * pending until delivered.  Writes happen inside a transaction.
 */
enum store_pub_kind { STORE_PUB_PARTICIPANT, STORE_PUB_CLINICIAN };

/* "participant" or "clinician". */
const char *store_pub_kind_name(enum store_pub_kind kind);

struct store_pub_person {
	enum store_pub_kind kind;
	char	*id;
	char	*token;		/* 32 hex digits */
	char	*name;		/* may be NULL */
	char	*email;		/* may be NULL */
	char	*timezone;	/* may be NULL */
};

/* Everyone ever published, by kind then id (caller frees with ..._free). */
int	store_pub_people(struct store *st, struct store_pub_person **v,
	    size_t *n, char **cause);
void	store_pub_people_free(struct store_pub_person *v, size_t n);
/* Inserts p or updates its contact (the token never changes). */
int	store_pub_person_put(struct store *st, const struct store_pub_person *p,
	    char **cause);

struct store_pub_event {
	char	*uid;
	char	*key;		/* what it is, for --dry-run */
	int	sequence;
	bool	active;		/* false: cancelled */
	char	*hash;		/* of body */
	int64_t	stamp;		/* UTC seconds of the last change */
	char	*body;		/* VEVENT text, see cal_event_write */
	char	*instances;	/* "MINUTES:START,..." for the plain text */
};

/* token's events, by UID (caller frees with store_pub_events_free). */
int	store_pub_events(struct store *st, const char *token,
	    struct store_pub_event **v, size_t *n, char **cause);
void	store_pub_events_free(struct store_pub_event *v, size_t n);
int	store_pub_event_put(struct store *st, const char *token,
	    const struct store_pub_event *e, char **cause);

struct store_pub_message {
	int64_t	seq;		/* queue order */
	char	*token;
	char	*uid;
	char	*method;	/* "REQUEST" or "CANCEL" */
	int	sequence;
	char	*to_name;	/* may be NULL */
	char	*to_email;
	char	*subject;
	char	*text;		/* plain-text part */
	char	*ical;		/* the iTIP object */
	char	*message_id;	/* without angle brackets */
	int64_t	created;
	char	*label;		/* "participant P01: series ...", --dry-run */
};

/*
 * Queues m (m->seq ignored), first dropping the undelivered messages of
 * the same token and UID, which m supersedes.  A CANCEL of an event whose
 * invite was never delivered is not queued at all: *queued says.
 */
int	store_pub_enqueue(struct store *st, const struct store_pub_message *m,
	    bool *queued, char **cause);
/* The undelivered messages in queue order (caller frees with ..._free). */
int	store_pub_pending(struct store *st, struct store_pub_message **v,
	    size_t *n, char **cause);
void	store_pub_messages_free(struct store_pub_message *v, size_t n);
/* Records message seq as delivered at when, in a transaction of its own. */
int	store_pub_mark_sent(struct store *st, int64_t seq, int64_t when,
	    char **cause);

#endif
