/*
 * The publish state of migration 2: people and their tokens, the events
 * each was last sent, and the outbox.  See cmd/store.h for the contracts.
 */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "status.h"
#include "store.h"
#include "store_impl.h"
#include "xmalloc.h"

static const char pub_people_select[] =
    "SELECT kind, id, token, name, email, timezone FROM publish_people"
    " ORDER BY kind = 'clinician', id";

static const char pub_person_upsert[] =
    "INSERT INTO publish_people (kind, id, token, name, email, timezone)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (kind, id) DO UPDATE"
    " SET name = excluded.name, email = excluded.email,"
    " timezone = excluded.timezone";

static const char pub_events_select[] =
    "SELECT uid, key, sequence, active, hash, stamp, body, instances"
    " FROM publish_events WHERE token = ?1 ORDER BY uid";

static const char pub_event_upsert[] =
    "INSERT OR REPLACE INTO publish_events (token, uid, key, sequence,"
    " active, hash, stamp, body, instances)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

static const char pub_drop_pending[] =
    "DELETE FROM publish_outbox WHERE token = ?1 AND uid = ?2"
    " AND sent IS NULL";

static const char pub_ever_sent[] =
    "SELECT count(*) FROM publish_outbox WHERE token = ?1 AND uid = ?2"
    " AND sent IS NOT NULL";

static const char pub_insert_message[] =
    "INSERT INTO publish_outbox (token, uid, method, sequence, to_name,"
    " to_email, subject, text, ical, message_id, label, created)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";

static const char pub_pending_select[] =
    "SELECT seq, token, uid, method, sequence, to_name, to_email, subject,"
    " text, ical, message_id, label, created FROM publish_outbox"
    " WHERE sent IS NULL ORDER BY seq";

static const char pub_mark_sent[] =
    "UPDATE publish_outbox SET sent = ?2 WHERE seq = ?1 AND sent IS NULL";

const char *
store_pub_kind_name(enum store_pub_kind kind)
{
	return kind == STORE_PUB_CLINICIAN ? "clinician" : "participant";
}

void
store_pub_people_free(struct store_pub_person *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].id);
		free(v[i].token);
		free(v[i].name);
		free(v[i].email);
		free(v[i].timezone);
	}
	free(v);
}

static void
pub_read_person(sqlite3_stmt *stmt, struct store_pub_person *p)
{
	const unsigned char *kind = sqlite3_column_text(stmt, 0);

	p->kind = kind != NULL && strcmp((const char *)kind, "clinician") == 0 ?
	    STORE_PUB_CLINICIAN : STORE_PUB_PARTICIPANT;
	p->id = store_column_text(stmt, 1);
	p->token = store_column_text(stmt, 2);
	p->name = store_column_text(stmt, 3);
	p->email = store_column_text(stmt, 4);
	p->timezone = store_column_text(stmt, 5);
}

int
store_pub_people(struct store *st, struct store_pub_person **v, size_t *n,
    char **cause)
{
	sqlite3_stmt *stmt;
	size_t cap = 0;
	int rc, ret;

	*v = NULL;
	*n = 0;
	if ((ret = store_prepare(st, pub_people_select, &stmt, cause)) != 0)
		return ret;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		XGROW(*v, cap, *n + 1);
		pub_read_person(stmt, &(*v)[(*n)++]);
	}
	if (rc != SQLITE_DONE) {
		ret = store_fail(st, rc, cause);
		store_pub_people_free(*v, *n);
		*v = NULL;
		*n = 0;
	}
	sqlite3_finalize(stmt);
	return ret;
}

int
store_pub_person_put(struct store *st, const struct store_pub_person *p,
    char **cause)
{
	sqlite3_stmt *stmt;
	int bad = 0, ret;

	if ((ret = store_require_tx(st, "store_pub_person_put", cause)) != 0 ||
	    (ret = store_prepare(st, pub_person_upsert, &stmt, cause)) != 0)
		return ret;
	bad |= store_bind_text(stmt, 1, store_pub_kind_name(p->kind));
	bad |= store_bind_text(stmt, 2, p->id);
	bad |= store_bind_text(stmt, 3, p->token);
	bad |= store_bind_text(stmt, 4, p->name);
	bad |= store_bind_text(stmt, 5, p->email);
	bad |= store_bind_text(stmt, 6, p->timezone);
	ret = store_step_bound(st, stmt, bad, cause);
	sqlite3_finalize(stmt);
	return ret;
}

void
store_pub_events_free(struct store_pub_event *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].uid);
		free(v[i].key);
		free(v[i].hash);
		free(v[i].body);
		free(v[i].instances);
	}
	free(v);
}

static void
pub_read_event(sqlite3_stmt *stmt, struct store_pub_event *e)
{
	e->uid = store_column_text(stmt, 0);
	e->key = store_column_text(stmt, 1);
	e->sequence = sqlite3_column_int(stmt, 2);
	e->active = sqlite3_column_int(stmt, 3) != 0;
	e->hash = store_column_text(stmt, 4);
	e->stamp = sqlite3_column_int64(stmt, 5);
	e->body = store_column_text(stmt, 6);
	e->instances = store_column_text(stmt, 7);
}

int
store_pub_events(struct store *st, const char *token,
    struct store_pub_event **v, size_t *n, char **cause)
{
	sqlite3_stmt *stmt;
	size_t cap = 0;
	int rc, ret;

	*v = NULL;
	*n = 0;
	if ((ret = store_prepare(st, pub_events_select, &stmt, cause)) != 0)
		return ret;
	if (store_bind_text(stmt, 1, token) != SQLITE_OK) {
		ret = store_fail(st, SQLITE_ERROR, cause);
		goto out;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		XGROW(*v, cap, *n + 1);
		pub_read_event(stmt, &(*v)[(*n)++]);
	}
	if (rc != SQLITE_DONE) {
		ret = store_fail(st, rc, cause);
		store_pub_events_free(*v, *n);
		*v = NULL;
		*n = 0;
	}
out:
	sqlite3_finalize(stmt);
	return ret;
}

int
store_pub_event_put(struct store *st, const char *token,
    const struct store_pub_event *e, char **cause)
{
	sqlite3_stmt *stmt;
	int bad = 0, ret;

	if ((ret = store_require_tx(st, "store_pub_event_put", cause)) != 0 ||
	    (ret = store_prepare(st, pub_event_upsert, &stmt, cause)) != 0)
		return ret;
	bad |= store_bind_text(stmt, 1, token);
	bad |= store_bind_text(stmt, 2, e->uid);
	bad |= store_bind_text(stmt, 3, e->key);
	bad |= sqlite3_bind_int(stmt, 4, e->sequence);
	bad |= sqlite3_bind_int(stmt, 5, e->active);
	bad |= store_bind_text(stmt, 6, e->hash);
	bad |= sqlite3_bind_int64(stmt, 7, e->stamp);
	bad |= store_bind_text(stmt, 8, e->body);
	bad |= store_bind_text(stmt, 9, e->instances);
	ret = store_step_bound(st, stmt, bad, cause);
	sqlite3_finalize(stmt);
	return ret;
}

/* Runs sql, bound to token and uid, that returns no row. */
static int
pub_exec_event(struct store *st, const char *sql, const char *token,
    const char *uid, char **cause)
{
	sqlite3_stmt *stmt;
	int bad = 0, ret;

	if ((ret = store_prepare(st, sql, &stmt, cause)) != 0)
		return ret;
	bad |= store_bind_text(stmt, 1, token);
	bad |= store_bind_text(stmt, 2, uid);
	ret = store_step_bound(st, stmt, bad, cause);
	sqlite3_finalize(stmt);
	return ret;
}

/* Sets *sent when a message of token's uid was ever delivered. */
static int
pub_was_sent(struct store *st, const char *token, const char *uid,
    bool *sent, char **cause)
{
	sqlite3_stmt *stmt;
	int bad = 0, rc, ret;

	if ((ret = store_prepare(st, pub_ever_sent, &stmt, cause)) != 0)
		return ret;
	bad |= store_bind_text(stmt, 1, token);
	bad |= store_bind_text(stmt, 2, uid);
	rc = bad ? SQLITE_ERROR : sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*sent = sqlite3_column_int(stmt, 0) > 0;
	else
		ret = store_fail(st, rc, cause);
	sqlite3_finalize(stmt);
	return ret;
}

static int
pub_insert(struct store *st, const struct store_pub_message *m, char **cause)
{
	sqlite3_stmt *stmt;
	int bad = 0, ret;

	if ((ret = store_prepare(st, pub_insert_message, &stmt, cause)) != 0)
		return ret;
	bad |= store_bind_text(stmt, 1, m->token);
	bad |= store_bind_text(stmt, 2, m->uid);
	bad |= store_bind_text(stmt, 3, m->method);
	bad |= sqlite3_bind_int(stmt, 4, m->sequence);
	bad |= store_bind_text(stmt, 5, m->to_name);
	bad |= store_bind_text(stmt, 6, m->to_email);
	bad |= store_bind_text(stmt, 7, m->subject);
	bad |= store_bind_text(stmt, 8, m->text);
	bad |= store_bind_text(stmt, 9, m->ical);
	bad |= store_bind_text(stmt, 10, m->message_id);
	bad |= store_bind_text(stmt, 11, m->label);
	bad |= sqlite3_bind_int64(stmt, 12, m->created);
	ret = store_step_bound(st, stmt, bad, cause);
	sqlite3_finalize(stmt);
	return ret;
}

int
store_pub_enqueue(struct store *st, const struct store_pub_message *m,
    bool *queued, char **cause)
{
	bool sent = false;
	int ret;

	*queued = false;
	if ((ret = store_require_tx(st, "store_pub_enqueue", cause)) != 0 ||
	    (ret = pub_exec_event(st, pub_drop_pending, m->token, m->uid,
	    cause)) != 0)
		return ret;
	if (strcmp(m->method, "CANCEL") == 0 &&
	    ((ret = pub_was_sent(st, m->token, m->uid, &sent, cause)) != 0 ||
	    !sent))
		return ret;
	if ((ret = pub_insert(st, m, cause)) == 0)
		*queued = true;
	return ret;
}

void
store_pub_messages_free(struct store_pub_message *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].token);
		free(v[i].uid);
		free(v[i].method);
		free(v[i].to_name);
		free(v[i].to_email);
		free(v[i].subject);
		free(v[i].text);
		free(v[i].ical);
		free(v[i].message_id);
		free(v[i].label);
	}
	free(v);
}

static void
pub_read_message(sqlite3_stmt *stmt, struct store_pub_message *m)
{
	m->seq = sqlite3_column_int64(stmt, 0);
	m->token = store_column_text(stmt, 1);
	m->uid = store_column_text(stmt, 2);
	m->method = store_column_text(stmt, 3);
	m->sequence = sqlite3_column_int(stmt, 4);
	m->to_name = store_column_text(stmt, 5);
	m->to_email = store_column_text(stmt, 6);
	m->subject = store_column_text(stmt, 7);
	m->text = store_column_text(stmt, 8);
	m->ical = store_column_text(stmt, 9);
	m->message_id = store_column_text(stmt, 10);
	m->label = store_column_text(stmt, 11);
	m->created = sqlite3_column_int64(stmt, 12);
}

int
store_pub_pending(struct store *st, struct store_pub_message **v, size_t *n,
    char **cause)
{
	sqlite3_stmt *stmt;
	size_t cap = 0;
	int rc, ret;

	*v = NULL;
	*n = 0;
	if ((ret = store_prepare(st, pub_pending_select, &stmt, cause)) != 0)
		return ret;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		XGROW(*v, cap, *n + 1);
		pub_read_message(stmt, &(*v)[(*n)++]);
	}
	if (rc != SQLITE_DONE) {
		ret = store_fail(st, rc, cause);
		store_pub_messages_free(*v, *n);
		*v = NULL;
		*n = 0;
	}
	sqlite3_finalize(stmt);
	return ret;
}

int
store_pub_mark_sent(struct store *st, int64_t seq, int64_t when, char **cause)
{
	sqlite3_stmt *stmt;
	int bad = 0, ret;

	if ((ret = store_begin(st, cause)) != 0)
		return ret;
	if ((ret = store_prepare(st, pub_mark_sent, &stmt, cause)) != 0)
		goto out;
	bad |= sqlite3_bind_int64(stmt, 1, seq);
	bad |= sqlite3_bind_int64(stmt, 2, when);
	ret = store_step_bound(st, stmt, bad, cause);
	sqlite3_finalize(stmt);
out:
	if (ret != 0) {
		store_rollback(st);
		return ret;
	}
	return store_commit(st, cause);
}
