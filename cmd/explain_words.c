/*
 * The wording of `explain`: what keeps a participant out of a group and
 * what one change would place them, from the engine's structured answer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "civil.h"
#include "explain_view.h"
#include "states.h"
#include "xmalloc.h"

static const char *const rule_names[] = {
	[SCHED_EXPLAIN_FITS] = "fits",
	[SCHED_EXPLAIN_HOME] = "home",
	[SCHED_EXPLAIN_TRACK] = "track",
	[SCHED_EXPLAIN_LICENCE] = "licence",
	[SCHED_EXPLAIN_PIN] = "pin",
	[SCHED_EXPLAIN_OVER_HOURS] = "over_hours",
	[SCHED_EXPLAIN_HOURS] = "hours",
	[SCHED_EXPLAIN_FULL] = "full",
	[SCHED_EXPLAIN_CLINICIAN] = "clinician",
	[SCHED_EXPLAIN_BELOW_MIN] = "below_min",
	[SCHED_EXPLAIN_SESSION_FULL] = "session_full",
	[SCHED_EXPLAIN_AGENCY] = "agency",
	[SCHED_EXPLAIN_MAKEUP] = "makeup"
};

const char *
explain_rule_name(int rule)
{
	if (rule < 0 || rule >= (int)(sizeof rule_names / sizeof rule_names[0]))
		return "unknown";
	return rule_names[rule];
}

char *
explain_hours(int minutes, char *buf)
{
	snprintf(buf, 16, "%.1f", minutes / 60.0);
	return buf;
}

/* "MO 18:00 in week of 2026-12-14" for instance i. */
static char *
words_session(const struct sched_model *m, int i)
{
	const struct sched_instance *in = &m->instances[i];
	const struct sched_session *s =
	    &m->groups[in->group].sessions[in->session];
	char week[32];

	return xasprintf("%s %02d:%02d in %s", civil_day_name(s->day),
	    s->start_minute / 60, s->start_minute % 60,
	    sched_week_label(m, in->week, week));
}

static char *
words_clinician(const struct sched_model *m,
    const struct sched_explain_group *eg)
{
	const struct sched_clinician *c =
	    &m->clinicians[m->groups[eg->group].clinician];
	char h[16];

	switch (eg->limit) {
	case SCHED_LIMIT_GROUPS:
		return xasprintf("closed: clinician %s already leads max_groups"
		    " %d open group%s", c->id, c->max_groups,
		    c->max_groups == 1 ? "" : "s");
	case SCHED_LIMIT_HOURS:
		return xasprintf("closed: it would take clinician %s past %s h"
		    " of weekly sessions", c->id,
		    explain_hours(c->max_minutes, h));
	default:
		return xasprintf("closed: clinician %s leads %s, whose sessions"
		    " overlap it", c->id, m->groups[eg->clash].id);
	}
}

/* The rules about hours and capacity, which need numbers. */
static char *
words_numbers(const struct explain_view *v,
    const struct sched_explain_group *eg)
{
	const struct sched_model *m = v->m;
	const struct sched_participant *pa = &m->participants[v->e->participant];
	char week[32], h[16], lim[16];

	switch (eg->rule) {
	case SCHED_EXPLAIN_OVER_HOURS:
		return xasprintf("its sessions give %s h in %s, above the %s h"
		    " maximum", explain_hours(eg->minutes, h),
		    sched_week_label(m, eg->week, week),
		    explain_hours(m->max_minutes, lim));
	case SCHED_EXPLAIN_HOURS:
		return xasprintf("shifts leave at most %s h in %s, makeups"
		    " counted (needs %s h)", explain_hours(eg->minutes, h),
		    sched_week_label(m, eg->week, week),
		    explain_hours(pa->min_minutes, lim));
	case SCHED_EXPLAIN_FULL:
		return xasprintf("full: %d of %d seats taken", eg->members,
		    m->groups[eg->group].capacity);
	case SCHED_EXPLAIN_BELOW_MIN:
		return xasprintf("closed: opening it takes group_size.min %d"
		    " members", m->group_min);
	default:
		return xasprintf("no makeup with room in %s",
		    sched_week_label(m, eg->week, week));
	}
}

char *
explain_rule_text(const struct explain_view *v,
    const struct sched_explain_group *eg)
{
	const struct sched_model *m = v->m;
	const struct sched_participant *pa = &m->participants[v->e->participant];
	const struct sched_group *gr = &m->groups[eg->group];
	char *s, *r;

	switch (eg->rule) {
	case SCHED_EXPLAIN_FITS:
		return xstrdup("has room: could take them as things stand");
	case SCHED_EXPLAIN_HOME:
		return xstrdup("home group");
	case SCHED_EXPLAIN_TRACK:
		return xasprintf("track %s, not %s", m->tracks[gr->track],
		    m->tracks[pa->track]);
	case SCHED_EXPLAIN_LICENCE:
		return xasprintf("clinician %s is not licensed in %s",
		    m->clinicians[gr->clinician].id, states_code(pa->state));
	case SCHED_EXPLAIN_PIN:
		return xasprintf("pinned to %s", m->groups[pa->pinned_home].id);
	case SCHED_EXPLAIN_CLINICIAN:
		return words_clinician(m, eg);
	case SCHED_EXPLAIN_SESSION_FULL:
		s = words_session(m, eg->instance);
		r = xasprintf("full on %s (capacity %d)", s, gr->capacity);
		free(s);
		return r;
	case SCHED_EXPLAIN_AGENCY:
		s = words_session(m, eg->instance);
		r = xasprintf("agency separation from %s (%s)",
		    m->participants[eg->peer].id, s);
		free(s);
		return r;
	default:
		return words_numbers(v, eg);
	}
}

/* "SA or SU" from a weekday set; NULL when empty (caller frees). */
static char *
words_days(unsigned days)
{
	char *s = NULL, *t;
	int n = 0, seen = 0;

	for (int d = 0; d < 7; d++)
		n += (days >> d) & 1;
	for (int d = 0; d < 7; d++) {
		if (!((days >> d) & 1))
			continue;
		seen++;
		t = xasprintf("%s%s%s", s != NULL ? s : "", seen == 1 ? "" :
		    seen == n ? " or " : ", ", civil_day_name(d));
		free(s);
		s = t;
	}
	return s;
}

/* The fixes that change the hours or the group of p's track. */
static char *
words_fix_any(const struct explain_view *v)
{
	const struct sched_model *m = v->m;
	const struct sched_participant *pa = &m->participants[v->e->participant];
	const struct sched_explain_fix *f = &v->e->fix;
	const char *track = m->tracks[pa->track];
	char week[32], *days, *r;

	switch (f->rule) {
	case SCHED_EXPLAIN_TRACK:
		return xasprintf("a %s group", track);
	case SCHED_EXPLAIN_LICENCE:
		return xasprintf("a %s group with a clinician licensed in %s",
		    track, states_code(pa->state));
	default:
		days = words_days(f->days);
		sched_week_label(m, f->week, week);
		r = days != NULL ? xasprintf("a %s group on %s, when their"
		    " shifts leave them free in %s", track, days, week) :
		    xasprintf("a %s group at a time their shifts leave free in"
		    " %s", track, week);
		free(days);
		return r;
	}
}

char *
explain_fix_text(const struct explain_view *v)
{
	const struct sched_model *m = v->m;
	const struct sched_explain_fix *f = &v->e->fix;
	const char *g = f->group >= 0 ? m->groups[f->group].id : NULL;

	if (!f->found)
		return NULL;
	if (g == NULL)
		return words_fix_any(v);
	switch (f->rule) {
	case SCHED_EXPLAIN_FITS:
		return xasprintf("nothing: %s has room as things stand, so a"
		    " new solve can place them", g);
	case SCHED_EXPLAIN_FULL:
	case SCHED_EXPLAIN_SESSION_FULL:
		return xasprintf("a free seat in %s", g);
	case SCHED_EXPLAIN_AGENCY:
		return xasprintf("%s leaving %s", m->participants[f->peer].id, g);
	case SCHED_EXPLAIN_MAKEUP:
		return xasprintf("a makeup seat with room, with %s as home", g);
	case SCHED_EXPLAIN_BELOW_MIN:
		return xasprintf("opening %s (it needs %d members)", g,
		    m->group_min);
	case SCHED_EXPLAIN_CLINICIAN:
		return xasprintf("clinician %s taking on %s",
		    m->clinicians[m->groups[f->group].clinician].id, g);
	case SCHED_EXPLAIN_PIN:
		return xasprintf("no pin: %s would take them", g);
	default:
		return xasprintf("a clinician licensed in %s for %s",
		    states_code(m->participants[v->e->participant].state), g);
	}
}
