/*
 * The recurrence set of one master VEVENT (RFC 5545 section 3.8.5):
 * DTSTART, the RRULE's instances, the RDATEs, less the EXDATEs and the
 * instances that overrides (RECURRENCE-ID) replace.  libical's iterator
 * runs on floating wall time, so that every instance keeps its local time
 * across daylight-saving changes and is converted to UTC here (libical
 * gets the spring-forward gap wrong, issue #1402).
 */
#include <stdlib.h>
#include <string.h>

#include "cal_int.h"
#include "civil.h"
#include "status.h"
#include "xmalloc.h"

struct cand {
	struct cal_when at;		/* the instance's original start */
	bool	 has_end;		/* from an RDATE period */
	int64_t	 end;
};

struct cands {
	struct cand *v;
	size_t	 n, cap;
	int64_t	 lo, hi;		/* wall range worth generating */
};

static void
cand_add(struct cands *c, const struct cal_when *at, bool has_end,
    int64_t end)
{
	XGROW(c->v, c->cap, c->n + 1);
	c->v[c->n++] = (struct cand){ *at, has_end, end };
}

static int64_t
day_of(int64_t wall)
{
	return wall >= 0 ? wall / CAL_DAY : -((-wall + CAL_DAY - 1) / CAL_DAY);
}

/* How far override o moves its instances, in the master's wall time. */
static int64_t
shift_of(const struct cal_event *m, const struct cal_event *o)
{
	return cal_tz_utc_to_local(m->start.zone, o->start.utc) -
	    cal_tz_utc_to_local(m->start.zone, o->rid.utc);
}

static int64_t
abs64(int64_t v)
{
	return v < 0 ? -v : v;
}

/*
 * The wall range of original starts whose instances can reach the
 * window, widened by the longest length and shift in play.
 */
static void
cands_range(struct cal_ctx *x, const struct cal_event *m,
    struct cal_event *const *ovr, size_t n, struct cands *c)
{
	int64_t margin, len;
	size_t i;

	margin = m->dur.days * CAL_DAY + m->dur.secs;
	for (i = 0; i < n; i++) {
		if (!ovr[i]->future)
			continue;
		len = ovr[i]->dur.days * CAL_DAY + ovr[i]->dur.secs +
		    abs64(shift_of(m, ovr[i]));
		if (len > margin)
			margin = len;
	}
	margin += 2 * CAL_DAY;
	c->lo = cal_tz_utc_to_local(m->start.zone, x->o->from) - margin;
	c->hi = cal_tz_utc_to_local(m->start.zone, x->o->to) + margin;
}

/*
 * Where the iterator may start instead of DTSTART: a point on the rule's
 * own grid (same time of day, whole periods from DTSTART) at or before
 * lo, as libical's icalrecur_iterator_set_start aligns INTERVAL from
 * there.  Returns false when no jump is safe.
 */
static bool
rule_jump(const struct cal_event *m, int64_t lo, int64_t *to)
{
	int64_t w0 = m->start.wall, tod, period, k;
	int y, mo, d, interval = m->rrule.interval;

	if (m->count != 0 || lo <= w0)
		return false;
	tod = w0 - day_of(w0) * CAL_DAY;
	switch (m->rrule.freq) {
	case ICAL_HOURLY_RECURRENCE:
		if (24 % interval != 0)
			return false;
		period = (int64_t)interval * 3600;
		break;
	case ICAL_DAILY_RECURRENCE:
		period = (int64_t)interval * CAL_DAY;
		break;
	case ICAL_WEEKLY_RECURRENCE:
		period = (int64_t)interval * 7 * CAL_DAY;
		break;
	case ICAL_MONTHLY_RECURRENCE:
	case ICAL_YEARLY_RECURRENCE:
		civil_from_days(day_of(lo), &y, &mo, &d);
		if (m->rrule.freq == ICAL_YEARLY_RECURRENCE)
			mo = 1;
		*to = civil_days(y, mo, 1) * CAL_DAY + tod;
		return *to > w0;
	default:
		return false;
	}
	k = (lo - w0) / period;
	*to = w0 + k * period;
	return k > 0;
}

/* True when the rule's instance at wall w is past UNTIL. */
static bool
past_until(const struct cal_event *m, const struct cal_when *at)
{
	if (!m->has_until)
		return false;
	if (m->until.is_date)
		return day_of(at->wall) > day_of(m->until.wall);
	return at->utc > m->until.utc;
}

/*
 * libical's iterator ends, without an error, after the year 2582 (its
 * MAX_TIME_T_YEAR), so a rule still running there cannot be expanded
 * further; the instances after it must not just go missing (found by
 * the rotation fuzz target, reading its calendar back).
 */
#define RULE_WALL_END	INT64_C(19344441600)	/* 2583-01-01T00:00 */

/* Adds the RRULE's instances (after DTSTART) that fall in c's range. */
static int
rule_cands(struct cal_ctx *x, const struct cal_event *m, struct cands *c)
{
	icalrecur_iterator *it;
	struct icaltimetype t;
	struct cal_when at;
	int64_t jump, w;
	int seen = 1, ret = 0;

	icalerror_clear_errno();
	it = icalrecur_iterator_new(m->rrule,
	    cal_tt_from_wall(m->start.wall, m->start.is_date));
	if (it == NULL)
		return cal_fail(x, cal_prop_line(x, m->comp, m->rrule_prop),
		    "RRULE cannot be expanded");
	if (rule_jump(m, c->lo, &jump))
		icalrecur_iterator_set_start(it,
		    cal_tt_from_wall(jump, m->start.is_date));
	for (;;) {
		t = icalrecur_iterator_next(it);
		if (icaltime_is_null_time(t)) {
			if (cal_tz_utc_to_local(m->start.zone, x->o->to) >
			    RULE_WALL_END)
				ret = cal_fail(x, cal_prop_line(x, m->comp,
				    m->rrule_prop), "RRULE cannot be expanded "
				    "past the year 2582");
			break;
		}
		if (++x->steps > CAL_MAX_STEPS) {
			ret = cal_fail(x, cal_prop_line(x, m->comp,
			    m->rrule_prop), "recurrences need "
			    "more than %d steps", CAL_MAX_STEPS);
			goto out;
		}
		if ((w = cal_tt_wall(t)) <= m->start.wall)
			continue;
		if (m->count != 0 && ++seen > m->count)
			break;
		at = cal_when_at(&m->start, w);
		if (past_until(m, &at) || w > c->hi)
			break;
		if (w < c->lo)
			continue;
		if (c->n >= 2 * (size_t)CAL_MAX_INSTANCES) {
			ret = cal_fail(x, cal_prop_line(x, m->comp,
			    m->rrule_prop), "RRULE yields more than %d "
			    "instances in the window", 2 * CAL_MAX_INSTANCES);
			goto out;
		}
		cand_add(c, &at, false, 0);
	}
out:
	icalrecur_iterator_free(it);
	return ret;
}

static int
cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->at.utc != y->at.utc)
		return x->at.utc < y->at.utc ? -1 : 1;
	return (int)y->has_end - (int)x->has_end;
}

/* The THISANDFUTURE override in force at instance at, if any. */
static const struct cal_event *
future_of(struct cal_event *const *ovr, size_t n, const struct cal_when *at)
{
	const struct cal_event *best = NULL;
	size_t i;

	for (i = 0; i < n; i++)
		if (ovr[i]->future && ovr[i]->rid.utc < at->utc &&
		    (best == NULL || ovr[i]->rid.utc > best->rid.utc))
			best = ovr[i];
	return best;
}

/* Emits the instance of candidate c unless excluded or overridden. */
static int
cand_emit(struct cal_ctx *x, const struct cal_event *m,
    struct cal_event *const *ovr, size_t n, const struct cand *c)
{
	const struct cal_event *f;
	struct cal_when s;
	size_t i;

	for (i = 0; i < n; i++)
		if (cal_when_same(&ovr[i]->rid, &c->at))
			return 0;
	for (i = 0; i < m->nexdates; i++)
		if (cal_when_same(&m->exdates[i], &c->at))
			return 0;
	if ((f = future_of(ovr, n, &c->at)) != NULL) {
		if (!f->busy)
			return 0;
		s = cal_when_at(&c->at, c->at.wall + shift_of(m, f));
		return cal_emit(x, s.utc, cal_dur_end(&s, f->has_end ?
		    &f->dur : &m->dur), m->uid, f->summary);
	}
	if (!m->busy)
		return 0;
	return cal_emit(x, c->at.utc, c->has_end ? c->end :
	    cal_dur_end(&c->at, &m->dur), m->uid, m->summary);
}

/*
 * Emits override o from its own DTSTART; without DTEND or DURATION it
 * keeps its master's length.
 */
static int
override_emit(struct cal_ctx *x, const struct cal_event *m,
    const struct cal_event *o)
{
	if (!o->busy)
		return 0;
	return cal_emit(x, o->start.utc, cal_dur_end(&o->start,
	    o->has_end || m == NULL ? &o->dur : &m->dur), o->uid, o->summary);
}

int
cal_recur_expand(struct cal_ctx *x, const struct cal_event *m,
    struct cal_event *const *ovr, size_t n, bool emit_overrides)
{
	struct cands c = { 0 };
	size_t i;
	int ret = 0;

	for (i = 0; m == NULL && i < n && ret == 0; i++)
		ret = override_emit(x, NULL, ovr[i]);
	if (m == NULL)
		return ret;
	cands_range(x, m, ovr, n, &c);
	cand_add(&c, &m->start, false, 0);
	if (m->has_rrule && (ret = rule_cands(x, m, &c)) != 0)
		goto out;
	for (i = 0; i < m->nrdates; i++)
		cand_add(&c, &m->rdates[i].at, m->rdates[i].has_end,
		    m->rdates[i].end);
	qsort(c.v, c.n, sizeof *c.v, cand_cmp);
	for (i = 0; i < c.n && ret == 0; i++)
		if (i == 0 || c.v[i].at.utc != c.v[i - 1].at.utc)
			ret = cand_emit(x, m, ovr, n, &c.v[i]);
	for (i = 0; emit_overrides && i < n && ret == 0; i++)
		ret = override_emit(x, m, ovr[i]);
out:
	free(c.v);
	return ret;
}
