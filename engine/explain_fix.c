/*
 * The one change that would place an unplaced participant: none when a
 * group has room as things stand (a new solve would place them); a rule that,
 * lifted alone in one group, lets them in (a free seat, a colleague
 * leaving, a makeup seat, the group opening, its clinician taking it on,
 * no pin, a licensed clinician), the smallest such change first; else a
 * group of their track, a licensed clinician, or a group meeting when
 * their shifts leave them free.
 */
#include "explain_int.h"

#define FIX_DAY	86400

/* How big a change lifting rule is; 0: it cannot be lifted alone. */
static int
fix_cost(int rule)
{
	switch (rule) {
	case SCHED_EXPLAIN_FULL:
	case SCHED_EXPLAIN_SESSION_FULL:
		return 1;
	case SCHED_EXPLAIN_AGENCY:
		return 2;
	case SCHED_EXPLAIN_MAKEUP:
		return 3;
	case SCHED_EXPLAIN_BELOW_MIN:
		return 4;
	case SCHED_EXPLAIN_CLINICIAN:
		return 5;
	case SCHED_EXPLAIN_PIN:
		return 6;
	case SCHED_EXPLAIN_LICENCE:
		return 7;
	default:
		return 0;
	}
}

/* A seat lifts the group's and its sessions' capacity alike. */
static unsigned
fix_lift(int rule)
{
	if (rule == SCHED_EXPLAIN_SESSION_FULL)
		rule = SCHED_EXPLAIN_FULL;
	return EXPLAIN_LIFT(rule);
}

/* The longest stretch, in minutes, p is available and not busy in a span. */
static int
fix_free_stretch(const struct sched_participant *pa, int64_t from, int64_t to)
{
	int64_t best = 0;

	for (size_t a = 0; a < pa->available.n; a++) {
		int64_t lo = pa->available.v[a].start, hi = pa->available.v[a].end;

		lo = lo > from ? lo : from;
		hi = hi < to ? hi : to;
		for (size_t b = 0; b < pa->busy.n && lo < hi; b++) {
			const struct sched_span *bs = &pa->busy.v[b];

			if (bs->end <= lo || bs->start >= hi)
				continue;
			if (bs->start - lo > best)
				best = bs->start - lo;
			lo = bs->end;
		}
		if (hi - lo > best)
			best = hi - lo;
	}
	return (int)(best / 60);
}

/* Weekdays of week w (bit 0 Monday) with a free stretch of need minutes. */
static unsigned
fix_free_days(const struct explain_ctx *x, int w, int need)
{
	const struct sched_participant *pa = &x->m->participants[x->p];
	unsigned days = 0;

	for (int d = 0; d < 7; d++) {
		int64_t from = x->m->week_start[w] + (int64_t)d * FIX_DAY;

		if (fix_free_stretch(pa, from, from + FIX_DAY) >= need)
			days |= 1u << d;
	}
	return days;
}

/* The shortest session of p's track, at least an hour. */
static int
fix_session_minutes(const struct explain_ctx *x)
{
	const struct sched_model *m = x->m;
	int need = 0;

	for (int g = 0; g < m->ngroups; g++) {
		if (m->groups[g].track != m->participants[x->p].track)
			continue;
		for (int k = 0; k < m->groups[g].nsessions; k++)
			if (need == 0 || m->groups[g].sessions[k].minutes < need)
				need = m->groups[g].sessions[k].minutes;
	}
	return need > 60 ? need : 60;
}

/* The smallest single lift in one group that places p; false if none. */
static bool
fix_single(struct explain_ctx *x, struct sched_explanation *e)
{
	int best = 0;

	for (int g = 0; g < e->ngroups; g++) {
		struct sched_explain_group tmp = e->groups[g];
		int rule = e->groups[g].rule, cost = fix_cost(rule);

		if (cost == 0 || (best > 0 && cost >= best) ||
		    explain_try(x, &tmp, fix_lift(rule)) != SCHED_EXPLAIN_FITS)
			continue;
		best = cost;
		e->fix.found = true;
		e->fix.rule = rule;
		e->fix.group = g;
		e->fix.peer = e->groups[g].peer;
	}
	return best > 0;
}

void
explain_fix(struct explain_ctx *x, struct sched_explanation *e)
{
	bool track = false, licensed = false;
	int short_week = -1;

	e->fix.group = e->fix.week = e->fix.peer = -1;
	for (int g = 0; g < e->ngroups; g++)
		if (e->groups[g].rule == SCHED_EXPLAIN_FITS) {
			e->fix.found = true;
			e->fix.rule = SCHED_EXPLAIN_FITS;
			e->fix.group = g;
			return;
		}
	if (fix_single(x, e))
		return;
	for (int g = 0; g < e->ngroups; g++) {
		const struct sched_explain_group *eg = &e->groups[g];

		track |= eg->rule != SCHED_EXPLAIN_TRACK;
		licensed |= eg->candidate;
		if (eg->candidate && short_week < 0 &&
		    eg->rule == SCHED_EXPLAIN_HOURS)
			short_week = eg->week;
	}
	e->fix.found = true;
	if (!track)
		e->fix.rule = SCHED_EXPLAIN_TRACK;
	else if (!licensed)
		e->fix.rule = SCHED_EXPLAIN_LICENCE;
	else if (short_week >= 0) {
		e->fix.rule = SCHED_EXPLAIN_HOURS;
		e->fix.week = short_week;
		e->fix.days = fix_free_days(x, short_week,
		    fix_session_minutes(x));
	} else
		e->fix.found = false;
}
