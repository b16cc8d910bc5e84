/*
 * What the files of `publish` share (cmd/publish*.c).  A publish runs in
 * three steps, each in a file of its own:
 *
 *   plan    (publish_plan.c)   what each person's calendar should hold now,
 *                              from the latest run and the stored scenario;
 *   diff    (publish_diff.c)   in one transaction, compare that with what
 *                              each person was last sent, raise SEQUENCEs,
 *                              queue REQUEST and CANCEL messages and update
 *                              the state; collect the feeds;
 *   deliver (publish_send.c)   write the feeds atomically, then hand each
 *                              pending message to the mbox or the sendmail
 *                              command, recording it as sent right after.
 *
 * Ownership: pub_plan_release and pub_feeds_release free what the plan and
 * diff steps fill in.
 */
#ifndef IOP_PUBLISH_INT_H
#define IOP_PUBLISH_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "run.h"
#include "scenario.h"
#include "store.h"

/* What program.crisis_text says when the scenario gives none. */
#define PUB_CRISIS_DEFAULT \
	"In a crisis, call or text 988 (Suicide & Crisis Lifeline)."

/* One event a person's calendar should hold now. */
struct pub_event {
	char	*key;		/* "series FR-NIGHTLY MO 18:00", "makeup ..." */
	char	*group;
	int64_t	first_day;	/* local date of the first instance */
	int	start_minute;	/* local */
	int	minutes;
	int	weeks;		/* 0: single event; else weekly COUNT */
	int64_t	*exdays;	/* local dates of weeks left out */
	size_t	nexdays;
	int64_t	*starts;	/* UTC starts of the instances it holds */
	size_t	nstarts;
	char	*roster;	/* clinicians: home members' names; may be NULL */
};

/* One person and the events their calendar should hold. */
struct pub_person {
	enum store_pub_kind kind;
	char	*id;
	char	*name;		/* may be NULL */
	char	*email;		/* may be NULL: a feed, no invites */
	char	*timezone;	/* for the plain-text part */
	struct pub_event *events;	/* sorted by key */
	size_t	nevents;
};

/* The program's words and addresses, as the scenario gives them. */
struct pub_program {
	char	*zone;
	int64_t	from;		/* program start, UTC: VTIMEZONE cut */
	char	*title;		/* invite_title */
	char	*crisis;	/* crisis_text or PUB_CRISIS_DEFAULT */
	char	*video_url;	/* may be NULL; "{group}" is the group id */
	char	*organizer_name;	/* may be NULL */
	char	*organizer_email;	/* NULL: no invites at all */
};

struct pub_plan {
	struct pub_program program;
	struct pub_person *people;	/* participants, then clinicians, by id */
	size_t	npeople;
};

/*
 * Fills *plan (caller releases) from run r, the stored scenario sc and its
 * model m (instance times and which instances run): per participant one
 * series per weekly session of the home group they attend and one event
 * per makeup, per clinician one series per weekly session of each open
 * group they lead.  IOP_EINPUT with *cause when the run names a group the
 * scenario no longer holds.
 */
int	pub_plan_build(const struct run *r, const struct scenario *sc,
	    const struct sched_model *m, struct pub_plan *plan, char **cause);
void	pub_plan_release(struct pub_plan *plan);

/*
 * The video link of group (xmalloc'd), or NULL when none is configured:
 * video_url with each "{group}" replaced by the group id, percent-encoded
 * (RFC 3986) so that any id makes a valid URI.
 */
char	*pub_video_url(const struct pub_program *p, const char *group);

/*
 * The group id in an event key, "series G MO 18:00" or "makeup G
 * 2026-12-24 18:00" (xmalloc'd), or NULL for another key.
 */
char	*pub_key_group(const char *key);

/* One feed to write: a token's file and its events as now stored. */
struct pub_feed {
	char	*token;
	char	**bodies;
	int	*sequences;
	int64_t	*stamps;
	char	**notes;	/* may hold NULLs */
	size_t	n;
};

struct pub_feeds {
	struct pub_feed *v;
	size_t	n;
};

void	pub_feeds_release(struct pub_feeds *f);

/* Counts for the summary line. */
struct pub_counts {
	int	feeds;
	int	queued;		/* messages queued by this publish */
	int	requests;	/* delivered now */
	int	cancels;
	int	pending;	/* left undelivered */
};

struct pub_diff_opts {
	bool	rosters;	/* --clinician-rosters */
	int64_t	now;		/* UTC seconds: DTSTAMP of what changes */
};

/*
 * Compares plan with the stored publish state, in the caller's
 * transaction: creates tokens for new people, updates contacts, raises
 * SEQUENCE and queues one message per event that is new, changed or gone
 * (to people with an e-mail, when the program has an organizer), and
 * fills *feeds (caller releases) with every person's events.
 */
int	pub_diff(struct store *st, const struct pub_plan *plan,
	    const struct pub_diff_opts *o, struct pub_feeds *feeds,
	    struct pub_counts *c, char **cause);

/* Writes every feed to dir/TOKEN.ics, atomically, mode 0600. */
int	pub_write_feeds(const char *dir, const struct pub_program *p,
	    const struct pub_feeds *feeds, char **cause);

/* How pending messages leave: at most one of mbox and sendmail. */
struct pub_send_opts {
	const char *mbox;	/* --mbox FILE */
	const char *sendmail;	/* --sendmail CMD */
};

/*
 * Delivers every pending message in queue order, each recorded as sent in
 * its own transaction right after it left: appended to the mbox under a
 * lock and fsync'd (publish_mbox.c), or piped to the command that then
 * exited 0 (publish_sendmail.c).  With neither, counts them as pending.
 * IOP_ETEMPFAIL when the command fails (the rest stay pending), IOP_EIO
 * or IOP_ECREATE when the mbox cannot be written.
 */
int	pub_deliver(struct store *st, const struct pub_program *p,
	    const struct pub_send_opts *o, struct pub_counts *c, char **cause);

/* Counts message m as delivered now. */
void	pub_count_sent(struct pub_counts *c, const struct store_pub_message *m);

int	pub_mbox_deliver(struct store *st, const char *path,
	    const struct pub_program *p, const struct store_pub_message *v,
	    size_t n, struct pub_counts *c, char **cause);
int	pub_sendmail_deliver(struct store *st, const char *cmd,
	    const struct pub_program *p, const struct store_pub_message *v,
	    size_t n, struct pub_counts *c, char **cause);

/*
 * The plain-text part of a message: title, each instance of instances
 * (see pub_instances_encode) in zone, the recipient's, the link (url may
 * be NULL) and, for a participant (group NULL), the crisis line; a
 * clinician's names the group.  Caller frees.
 */
char	*pub_text(const struct pub_program *p, const char *method,
	    bool update, const char *zone, const char *instances,
	    const char *url, const char *group);

/* "MINUTES:START,START,..." of e's instances (caller frees). */
char	*pub_instances_encode(const struct pub_event *e);

/* 128 random bits as 32 lowercase hex digits into buf (>= 33 bytes). */
int	pub_random_hex(char *buf, char **cause);

/* Lowercase hex SHA-256 of len bytes into hex (>= 65 bytes). */
void	pub_sha256_hex(const void *data, size_t len, char *hex);

#endif
