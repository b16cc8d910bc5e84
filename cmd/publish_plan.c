/*
 * What each person's calendar should hold now (SPEC section 6), from the
 * latest run, the stored scenario (names, e-mails, weekly sessions) and
 * its model (each instance's time and whether it runs).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "civil.h"
#include "publish_int.h"
#include "status.h"
#include "xmalloc.h"

/* The weeks of one weekly session that a calendar holds. */
struct plan_weeks {
	bool	*on;		/* per program week */
	int	weeks;
};

static int
plan_group(const struct sched_model *m, const char *id)
{
	for (int g = 0; g < m->ngroups; g++)
		if (strcmp(m->groups[g].id, id) == 0)
			return g;
	return -1;
}

static const struct sched_instance *
plan_instance(const struct sched_model *m, int g, int week, int s)
{
	const struct sched_group *gr = &m->groups[g];

	return &m->instances[gr->first_instance + week * gr->nsessions + s];
}

/* The session of group g that starts at utc in week, or -1. */
static int
plan_session_at(const struct sched_model *m, int g, int week, int64_t utc)
{
	if (week < 0 || week >= m->weeks)
		return -1;
	for (int s = 0; s < m->groups[g].nsessions; s++)
		if (plan_instance(m, g, week, s)->start == utc)
			return s;
	return -1;
}

static const struct scn_participant *
plan_participant(const struct scenario *sc, const char *id)
{
	for (size_t i = 0; i < sc->nparticipants; i++)
		if (strcmp(sc->participants[i].id, id) == 0)
			return &sc->participants[i];
	return NULL;
}

static char *
plan_dup(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

/* "series G MO 18:00" or "makeup G 2026-12-24 18:00". */
static char *
plan_key(const char *group, const struct sched_session *ss, int64_t day,
    bool makeup)
{
	char date[11];

	if (!makeup)
		return xasprintf("series %s %s %02d:%02d", group,
		    civil_day_name(ss->day), ss->start_minute / 60,
		    ss->start_minute % 60);
	civil_format_date(day, date);
	return xasprintf("makeup %s %s %02d:%02d", group, date,
	    ss->start_minute / 60, ss->start_minute % 60);
}

static struct pub_event *
plan_add_event(struct pub_person *p, size_t *cap)
{
	XGROW(p->events, *cap, p->nevents + 1);
	memset(&p->events[p->nevents], 0, sizeof p->events[0]);
	return &p->events[p->nevents++];
}

/*
 * Adds the series of session s of group g over the weeks in w (at least
 * one): from the first to the last, with an EXDATE for each week between
 * that w leaves out.
 */
static void
plan_series(const struct scenario *sc, const struct sched_model *m, int g,
    int s, const struct plan_weeks *w, struct pub_person *p, size_t *cap)
{
	const struct sched_session *ss = &m->groups[g].sessions[s];
	struct pub_event *e;
	int first = 0, last = w->weeks - 1;

	while (first < w->weeks && !w->on[first])
		first++;
	while (last >= first && !w->on[last])
		last--;
	if (first > last)
		return;
	e = plan_add_event(p, cap);
	e->group = xstrdup(m->groups[g].id);
	e->key = plan_key(e->group, ss, 0, false);
	e->first_day = sc->program.start + 7 * first + ss->day;
	e->start_minute = ss->start_minute;
	e->minutes = ss->minutes;
	e->weeks = last - first + 1;
	e->exdays = xcalloc((size_t)e->weeks, sizeof e->exdays[0]);
	e->starts = xcalloc((size_t)e->weeks, sizeof e->starts[0]);
	for (int k = first; k <= last; k++) {
		if (w->on[k])
			e->starts[e->nstarts++] = plan_instance(m, g, k,
			    s)->start;
		else
			e->exdays[e->nexdays++] = sc->program.start + 7 * k +
			    ss->day;
	}
}

/* Adds a single event for the makeup in session s of group g, week. */
static void
plan_makeup(const struct scenario *sc, const struct sched_model *m, int g,
    int s, int week, struct pub_person *p, size_t *cap)
{
	const struct sched_session *ss = &m->groups[g].sessions[s];
	struct pub_event *e = plan_add_event(p, cap);

	e->group = xstrdup(m->groups[g].id);
	e->first_day = sc->program.start + 7 * week + ss->day;
	e->key = plan_key(e->group, ss, e->first_day, true);
	e->start_minute = ss->start_minute;
	e->minutes = ss->minutes;
	e->starts = xmalloc(sizeof e->starts[0]);
	e->starts[e->nstarts++] = plan_instance(m, g, week, s)->start;
}

static int
plan_unknown_group(const char *group, char **cause)
{
	*cause = xasprintf("the latest run names group '%s', which the stored "
	    "scenario no longer holds; run solve first", group);
	return IOP_EINPUT;
}

/* A participant's events: home series and makeups. */
static int
plan_participant_events(const struct scenario *sc,
    const struct sched_model *m, const struct run_participant *rp,
    struct pub_person *p, char **cause)
{
	struct plan_weeks w = { NULL, m->weeks };
	size_t cap = 0;
	int g = -1, mg, s;

	if (rp->group != NULL && (g = plan_group(m, rp->group)) < 0)
		return plan_unknown_group(rp->group, cause);
	w.on = xcalloc((size_t)m->weeks + 1, sizeof w.on[0]);
	for (s = 0; g >= 0 && s < m->groups[g].nsessions; s++) {
		memset(w.on, 0, (size_t)m->weeks * sizeof w.on[0]);
		for (size_t i = 0; i < rp->nsessions; i++) {
			const struct run_session *rs = &rp->sessions[i];

			if (!rs->makeup && strcmp(rs->group, rp->group) == 0 &&
			    plan_session_at(m, g, rs->week, rs->start) == s)
				w.on[rs->week] = true;
		}
		plan_series(sc, m, g, s, &w, p, &cap);
	}
	free(w.on);
	for (size_t i = 0; i < rp->nsessions; i++) {
		const struct run_session *rs = &rp->sessions[i];

		if (!rs->makeup)
			continue;
		if ((mg = plan_group(m, rs->group)) < 0)
			return plan_unknown_group(rs->group, cause);
		if ((s = plan_session_at(m, mg, rs->week, rs->start)) >= 0)
			plan_makeup(sc, m, mg, s, rs->week, p, &cap);
	}
	return 0;
}

/* The names of group rg's home members, for --clinician-rosters. */
static char *
plan_roster(const struct scenario *sc, const struct run_group *rg)
{
	char *roster = xasprintf("Members:"), *next;

	for (size_t i = 0; i < rg->nmembers; i++) {
		const struct scn_participant *sp = plan_participant(sc,
		    rg->members[i]);
		const char *name = sp != NULL && sp->name != NULL ? sp->name :
		    rg->members[i];

		next = xasprintf("%s%s %s", roster, i > 0 ? "," : "", name);
		free(roster);
		roster = next;
	}
	return roster;
}

/* A clinician's events: a series per weekly session of each open group. */
static int
plan_clinician_events(const struct scenario *sc, const struct sched_model *m,
    const struct run *r, struct pub_person *p, char **cause)
{
	struct plan_weeks w = { NULL, m->weeks };
	size_t cap = 0, before;
	int g;

	w.on = xcalloc((size_t)m->weeks + 1, sizeof w.on[0]);
	for (size_t i = 0; i < r->ngroups; i++) {
		const struct run_group *rg = &r->groups[i];

		if (!rg->open || rg->clinician == NULL ||
		    strcmp(rg->clinician, p->id) != 0)
			continue;
		if ((g = plan_group(m, rg->id)) < 0) {
			free(w.on);
			return plan_unknown_group(rg->id, cause);
		}
		for (int s = 0; s < m->groups[g].nsessions; s++) {
			for (int k = 0; k < m->weeks; k++)
				w.on[k] = plan_instance(m, g, k,
				    s)->clinician_free;
			before = p->nevents;
			plan_series(sc, m, g, s, &w, p, &cap);
			if (p->nevents > before)
				p->events[before].roster = plan_roster(sc, rg);
		}
	}
	free(w.on);
	return 0;
}

static int
plan_event_cmp(const void *a, const void *b)
{
	return strcmp(((const struct pub_event *)a)->key,
	    ((const struct pub_event *)b)->key);
}

static int
plan_clinician_cmp(const void *a, const void *b)
{
	return strcmp(((const struct pub_person *)a)->id,
	    ((const struct pub_person *)b)->id);
}

static void
plan_program(const struct scenario *sc, const struct sched_model *m,
    struct pub_program *p)
{
	const struct scn_program *sp = &sc->program;

	p->zone = xstrdup(sp->timezone);
	p->from = m->weeks > 0 ? m->week_start[0] : sp->start * 86400;
	p->title = xstrdup(sp->invite_title != NULL ? sp->invite_title :
	    "Group session");
	p->crisis = xstrdup(sp->crisis_text != NULL ? sp->crisis_text :
	    PUB_CRISIS_DEFAULT);
	p->video_url = plan_dup(sp->video_url);
	p->organizer_name = plan_dup(sp->organizer_name);
	p->organizer_email = plan_dup(sp->organizer_email);
}

/* Appends the participants of r, then the clinicians of sc, sorted. */
static int
plan_people(const struct run *r, const struct scenario *sc,
    const struct sched_model *m, struct pub_plan *plan, char **cause)
{
	struct pub_person *p;
	int rc = 0;

	plan->people = xcalloc(r->nparts + sc->nclinicians + 1,
	    sizeof plan->people[0]);
	for (size_t i = 0; rc == 0 && i < r->nparts; i++) {
		const struct scn_participant *sp = plan_participant(sc,
		    r->parts[i].id);

		p = &plan->people[plan->npeople++];
		p->kind = STORE_PUB_PARTICIPANT;
		p->id = xstrdup(r->parts[i].id);
		p->name = plan_dup(sp != NULL ? sp->name : NULL);
		p->email = plan_dup(sp != NULL ? sp->email : NULL);
		p->timezone = xstrdup(sp != NULL && sp->timezone != NULL ?
		    sp->timezone : sc->program.timezone);
		rc = plan_participant_events(sc, m, &r->parts[i], p, cause);
	}
	for (size_t i = 0; rc == 0 && i < sc->nclinicians; i++) {
		p = &plan->people[plan->npeople++];
		p->kind = STORE_PUB_CLINICIAN;
		p->id = xstrdup(sc->clinicians[i].id);
		p->name = plan_dup(sc->clinicians[i].name);
		p->email = plan_dup(sc->clinicians[i].email);
		p->timezone = xstrdup(sc->program.timezone);
		rc = plan_clinician_events(sc, m, r, p, cause);
	}
	qsort(plan->people + r->nparts, plan->npeople - r->nparts,
	    sizeof plan->people[0], plan_clinician_cmp);
	return rc;
}

int
pub_plan_build(const struct run *r, const struct scenario *sc,
    const struct sched_model *m, struct pub_plan *plan, char **cause)
{
	int rc;

	memset(plan, 0, sizeof *plan);
	plan_program(sc, m, &plan->program);
	if ((rc = plan_people(r, sc, m, plan, cause)) != 0) {
		pub_plan_release(plan);
		return rc;
	}
	for (size_t i = 0; i < plan->npeople; i++)
		if (plan->people[i].nevents > 1)
			qsort(plan->people[i].events,
			    plan->people[i].nevents,
			    sizeof plan->people[i].events[0], plan_event_cmp);
	return 0;
}

static void
plan_person_release(struct pub_person *p)
{
	for (size_t j = 0; j < p->nevents; j++) {
		free(p->events[j].key);
		free(p->events[j].group);
		free(p->events[j].exdays);
		free(p->events[j].starts);
		free(p->events[j].roster);
	}
	free(p->events);
	free(p->id);
	free(p->name);
	free(p->email);
	free(p->timezone);
}

void
pub_plan_release(struct pub_plan *plan)
{
	struct pub_program *p = &plan->program;

	for (size_t i = 0; i < plan->npeople; i++)
		plan_person_release(&plan->people[i]);
	free(plan->people);
	free(p->zone);
	free(p->title);
	free(p->crisis);
	free(p->video_url);
	free(p->organizer_name);
	free(p->organizer_email);
	memset(plan, 0, sizeof *plan);
}

char *
pub_key_group(const char *key)
{
	const char *end;

	if (strncmp(key, "series ", 7) != 0 && strncmp(key, "makeup ", 7) != 0)
		return NULL;
	/* The group id may hold spaces: it ends before the last two words. */
	if ((end = strrchr(key + 7, ' ')) == NULL)
		return NULL;
	while (--end > key + 7 && *end != ' ')
		;
	return end > key + 7 ? xstrndup(key + 7, (size_t)(end - key - 7)) :
	    NULL;
}

/* group percent-encoded as a URI path segment, RFC 3986 (caller frees). */
static char *
plan_uri_segment(const char *group)
{
	static const char hex[] = "0123456789ABCDEF";
	char *out = xmalloc(3 * strlen(group) + 1), *o = out;

	for (const unsigned char *s = (const unsigned char *)group; *s != '\0';
	    s++) {
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || strchr("-._~", *s) != NULL)
			*o++ = (char)*s;
		else {
			*o++ = '%';
			*o++ = hex[*s >> 4];
			*o++ = hex[*s & 15];
		}
	}
	*o = '\0';
	return out;
}

char *
pub_video_url(const struct pub_program *p, const char *group)
{
	const char *s, *at;
	char *out, *next, *seg;

	if (p->video_url == NULL || *p->video_url == '\0')
		return NULL;
	seg = plan_uri_segment(group);
	out = xstrdup("");
	for (s = p->video_url; (at = strstr(s, "{group}")) != NULL; s = at + 7) {
		next = xasprintf("%s%.*s%s", out, (int)(at - s), s, seg);
		free(out);
		out = next;
	}
	next = xasprintf("%s%s", out, s);
	free(out);
	free(seg);
	return next;
}
