/*
 * The diff step of publish: what each person's calendar should hold now
 * against what they were last sent.  A new event is a REQUEST at SEQUENCE
 * 0; one whose text changed, or that returns after a CANCEL, a REQUEST
 * with SEQUENCE raised; one that is gone a CANCEL with SEQUENCE raised.
 * State and queue change in the caller's transaction, so a kill leaves
 * both as they were or both updated.
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "publish_int.h"
#include "status.h"
#include "xmalloc.h"

/* The domain part of UIDs, which carry no name, e-mail or id. */
#define PUB_UID_DOMAIN	"iopsched"

struct diff_ctx {
	struct store *st;
	const struct pub_plan *plan;
	const struct pub_diff_opts *o;
	struct pub_feeds *feeds;
	struct pub_counts *c;
	char	**cause;
};

/* One person as the diff sees them: planned, stored, or both. */
struct diff_person {
	const struct pub_person *planned;	/* NULL: no longer scheduled */
	const struct store_pub_person *stored;	/* NULL: first publish */
	struct store_pub_person contact;	/* what is stored after */
	char	token[33];			/* for contact.token */
	struct store_pub_event *events;		/* stored, by UID */
	size_t	nevents;
	bool	*seen;				/* per stored event */
	struct pub_feed *feed;
};

/* A UID: hash of the person's secret token and the event's key. */
static char *
diff_uid(const char *token, const char *key)
{
	char *seed = xasprintf("%s\n%s", token, key);
	char hex[65];

	pub_sha256_hex(seed, strlen(seed), hex);
	free(seed);
	return xasprintf("%.32s@" PUB_UID_DOMAIN, hex);
}

/* The DESCRIPTION of an event: the link and crisis line, or the group. */
static char *
diff_description(const struct diff_ctx *x, const struct diff_person *dp,
    const struct pub_event *e, const char *url)
{
	if (dp->contact.kind == STORE_PUB_CLINICIAN)
		return xasprintf("Group %s", e->group);
	if (url != NULL)
		return xasprintf("Join by video: %s\n\n%s", url,
		    x->plan->program.crisis);
	return xstrdup(x->plan->program.crisis);
}

/* Writes e's VEVENT with uid into *body. */
static int
diff_body(const struct diff_ctx *x, const struct diff_person *dp,
    const struct pub_event *e, const char *uid, char **body)
{
	struct cal_event_spec spec;
	char *url = pub_video_url(&x->plan->program, e->group);
	char *desc = diff_description(x, dp, e, url);
	int rc;

	spec.uid = uid;
	spec.zone = x->plan->program.zone;
	spec.first_day = e->first_day;
	spec.start_minute = e->start_minute;
	spec.minutes = e->minutes;
	spec.weeks = e->weeks;
	spec.exdays = e->exdays;
	spec.nexdays = e->nexdays;
	spec.summary = x->plan->program.title;
	spec.description = desc;
	spec.url = url;
	rc = cal_event_write(&spec, body, x->cause);
	free(url);
	free(desc);
	return rc;
}

/* The stored event of dp with uid, or NULL. */
static struct store_pub_event *
diff_find(struct diff_person *dp, const char *uid, size_t *at)
{
	for (size_t i = 0; i < dp->nevents; i++)
		if (strcmp(dp->events[i].uid, uid) == 0) {
			*at = i;
			return &dp->events[i];
		}
	return NULL;
}

static const char *
diff_subject_word(enum cal_method method, bool update)
{
	if (method == CAL_CANCEL)
		return "Cancelled";
	return update ? "Updated invitation" : "Invitation";
}

/* The domain of the organizer's address, for Message-IDs. */
static const char *
diff_domain(const struct pub_program *p)
{
	const char *at = strrchr(p->organizer_email, '@');

	return at != NULL && at[1] != '\0' ? at + 1 : PUB_UID_DOMAIN;
}

/* Fills m's iTIP object, checked, and its plain text. */
static int
diff_compose(const struct diff_ctx *x, const struct diff_person *dp,
    const struct store_pub_event *e, enum cal_method method, bool update,
    struct store_pub_message *m)
{
	const struct pub_program *p = &x->plan->program;
	struct cal_party org = { p->organizer_name, p->organizer_email };
	struct cal_party att = { dp->contact.name, dp->contact.email };
	struct cal_item item = { e->body, e->sequence, e->stamp, NULL };
	char *why = NULL, *group = NULL, *url;
	int rc;

	rc = cal_invite_write(method, p->zone, p->from, &item, &org, &att,
	    &m->ical, x->cause);
	if (rc == 0 && cal_itip_check(m->ical, NULL, &why) != 0) {
		*x->cause = xasprintf("internal error: an invite breaks "
		    "iTIP: %s", why);
		free(why);
		return IOP_EINTERNAL;
	}
	if (rc != 0)
		return rc;
	group = pub_key_group(e->key);
	url = group != NULL ? pub_video_url(p, group) : NULL;
	m->text = pub_text(p, method == CAL_CANCEL ? "CANCEL" : "REQUEST",
	    update, dp->contact.timezone != NULL ? dp->contact.timezone :
	    p->zone, e->instances, url,
	    dp->contact.kind == STORE_PUB_CLINICIAN ? group : NULL);
	free(group);
	free(url);
	m->subject = xasprintf("%s: %s", diff_subject_word(method, update),
	    p->title);
	return 0;
}

/* Queues the message for event e, when there is someone to send it to. */
static int
diff_enqueue(const struct diff_ctx *x, const struct diff_person *dp,
    const struct store_pub_event *e, enum cal_method method, bool update)
{
	struct store_pub_message m;
	char id[33];
	bool queued;
	int rc;

	if (x->plan->program.organizer_email == NULL ||
	    dp->contact.email == NULL || *dp->contact.email == '\0')
		return 0;
	memset(&m, 0, sizeof m);
	if ((rc = pub_random_hex(id, x->cause)) != 0 ||
	    (rc = diff_compose(x, dp, e, method, update, &m)) != 0)
		goto out;
	m.token = dp->contact.token;
	m.uid = e->uid;
	m.method = xstrdup(method == CAL_CANCEL ? "CANCEL" : "REQUEST");
	m.sequence = e->sequence;
	m.to_name = dp->contact.name;
	m.to_email = dp->contact.email;
	m.message_id = xasprintf("%s@%s", id, diff_domain(&x->plan->program));
	m.label = xasprintf("%s %s: %s %s (SEQUENCE %d)",
	    store_pub_kind_name(dp->contact.kind), dp->contact.id, m.method,
	    e->key, e->sequence);
	m.created = x->o->now;
	rc = store_pub_enqueue(x->st, &m, &queued, x->cause);
	if (rc == 0 && queued)
		x->c->queued++;
out:
	free(m.method);
	free(m.ical);
	free(m.text);
	free(m.subject);
	free(m.message_id);
	free(m.label);
	return rc;
}

/* Adds an active event to dp's feed. */
static void
diff_feed_add(struct diff_person *dp, const struct store_pub_event *e,
    const char *note)
{
	struct pub_feed *f = dp->feed;
	size_t n = f->n + 1;

	f->bodies = xreallocarray(f->bodies, n, sizeof f->bodies[0]);
	f->sequences = xreallocarray(f->sequences, n, sizeof f->sequences[0]);
	f->stamps = xreallocarray(f->stamps, n, sizeof f->stamps[0]);
	f->notes = xreallocarray(f->notes, n, sizeof f->notes[0]);
	f->bodies[f->n] = xstrdup(e->body);
	f->sequences[f->n] = e->sequence;
	f->stamps[f->n] = e->stamp;
	f->notes[f->n] = note != NULL ? xstrdup(note) : NULL;
	f->n = n;
}

/*
 * One planned event: compares it with the stored one of the same UID and
 * stores and queues what changed.
 */
static int
diff_event(const struct diff_ctx *x, struct diff_person *dp,
    const struct pub_event *pe)
{
	struct store_pub_event now = { 0 }, *old;
	char hash[65];
	size_t at = 0;
	bool update;
	int rc;

	now.uid = diff_uid(dp->contact.token, pe->key);
	if ((rc = diff_body(x, dp, pe, now.uid, &now.body)) != 0)
		goto out;
	pub_sha256_hex(now.body, strlen(now.body), hash);
	now.hash = hash;
	now.key = pe->key;
	now.active = true;
	now.instances = pub_instances_encode(pe);
	old = diff_find(dp, now.uid, &at);
	if (old != NULL)
		dp->seen[at] = true;
	if (old != NULL && old->active && strcmp(old->hash, hash) == 0) {
		diff_feed_add(dp, old, x->o->rosters ? pe->roster : NULL);
		goto out;
	}
	update = old != NULL && old->active;
	now.sequence = old != NULL ? old->sequence + 1 : 0;
	now.stamp = x->o->now;
	if ((rc = store_pub_event_put(x->st, dp->contact.token, &now,
	    x->cause)) == 0)
		rc = diff_enqueue(x, dp, &now, CAL_REQUEST, update);
	diff_feed_add(dp, &now, x->o->rosters ? pe->roster : NULL);
out:
	free(now.uid);
	free(now.body);
	free(now.instances);
	return rc;
}

/* A stored active event that the plan no longer holds: CANCEL it. */
static int
diff_cancel(const struct diff_ctx *x, struct diff_person *dp,
    struct store_pub_event *e)
{
	int rc;

	e->sequence++;
	e->active = false;
	e->stamp = x->o->now;
	if ((rc = store_pub_event_put(x->st, dp->contact.token, e,
	    x->cause)) != 0)
		return rc;
	return diff_enqueue(x, dp, e, CAL_CANCEL, false);
}

/* Sets dp's contact: the plan's, on the stored token or a new one. */
static int
diff_contact(const struct diff_ctx *x, struct diff_person *dp)
{
	const struct pub_person *p = dp->planned;

	assert(p != NULL || dp->stored != NULL);
	if (dp->stored != NULL)
		snprintf(dp->token, sizeof dp->token, "%s", dp->stored->token);
	else if (pub_random_hex(dp->token, x->cause) != 0)
		return IOP_EINTERNAL;
	if (p == NULL) {
		dp->contact = *dp->stored;
		return 0;
	}
	dp->contact.kind = p->kind;
	dp->contact.id = p->id;
	dp->contact.token = dp->token;
	dp->contact.name = p->name;
	dp->contact.email = p->email;
	dp->contact.timezone = p->timezone;
	return store_pub_person_put(x->st, &dp->contact, x->cause);
}

/* The whole diff of one person. */
static int
diff_person(const struct diff_ctx *x, struct diff_person *dp)
{
	int rc;

	if ((rc = diff_contact(x, dp)) != 0 ||
	    (rc = store_pub_events(x->st, dp->contact.token, &dp->events,
	    &dp->nevents, x->cause)) != 0)
		return rc;
	dp->seen = xcalloc(dp->nevents + 1, sizeof dp->seen[0]);
	dp->feed = &x->feeds->v[x->feeds->n++];
	memset(dp->feed, 0, sizeof *dp->feed);
	dp->feed->token = xstrdup(dp->contact.token);
	for (size_t i = 0; rc == 0 && dp->planned != NULL &&
	    i < dp->planned->nevents; i++)
		rc = diff_event(x, dp, &dp->planned->events[i]);
	for (size_t i = 0; rc == 0 && i < dp->nevents; i++)
		if (!dp->seen[i] && dp->events[i].active)
			rc = diff_cancel(x, dp, &dp->events[i]);
	store_pub_events_free(dp->events, dp->nevents);
	free(dp->seen);
	return rc;
}

static const struct store_pub_person *
diff_stored(const struct store_pub_person *v, size_t n,
    enum store_pub_kind kind, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (v[i].kind == kind && strcmp(v[i].id, id) == 0)
			return &v[i];
	return NULL;
}

int
pub_diff(struct store *st, const struct pub_plan *plan,
    const struct pub_diff_opts *o, struct pub_feeds *feeds,
    struct pub_counts *c, char **cause)
{
	struct diff_ctx x = { st, plan, o, feeds, c, cause };
	struct store_pub_person *stored;
	struct diff_person dp;
	size_t nstored, cap;
	int rc;

	memset(feeds, 0, sizeof *feeds);
	if ((rc = store_pub_people(st, &stored, &nstored, cause)) != 0)
		return rc;
	/* One slot per person: feeds->v never moves under a diff_person. */
	cap = plan->npeople + nstored + 1;
	feeds->v = xcalloc(cap, sizeof feeds->v[0]);
	for (size_t i = 0; rc == 0 && i < plan->npeople; i++) {
		memset(&dp, 0, sizeof dp);
		dp.planned = &plan->people[i];
		dp.stored = diff_stored(stored, nstored, dp.planned->kind,
		    dp.planned->id);
		rc = diff_person(&x, &dp);
	}
	for (size_t i = 0; rc == 0 && i < nstored; i++) {
		bool planned = false;

		for (size_t j = 0; !planned && j < plan->npeople; j++)
			planned = plan->people[j].kind == stored[i].kind &&
			    strcmp(plan->people[j].id, stored[i].id) == 0;
		if (planned)
			continue;
		memset(&dp, 0, sizeof dp);
		dp.stored = &stored[i];
		rc = diff_person(&x, &dp);
	}
	store_pub_people_free(stored, nstored);
	return rc;
}

void
pub_feeds_release(struct pub_feeds *f)
{
	for (size_t i = 0; i < f->n; i++) {
		struct pub_feed *fd = &f->v[i];

		for (size_t j = 0; j < fd->n; j++) {
			free(fd->bodies[j]);
			free(fd->notes[j]);
		}
		free(fd->bodies);
		free(fd->sequences);
		free(fd->stamps);
		free(fd->notes);
		free(fd->token);
	}
	free(f->v);
	memset(f, 0, sizeof *f);
}
