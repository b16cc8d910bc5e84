/*
 * Reading one VEVENT: its times resolved to UTC and local wall time, its
 * length, its recurrence rule checked against hostile input, its RDATE,
 * EXDATE and RECURRENCE-ID, and whether it counts as busy.
 */
#include <stdlib.h>
#include <string.h>

#include "cal_int.h"
#include "status.h"
#include "xmalloc.h"

#define RULE_END	ICAL_RECURRENCE_ARRAY_MAX

/* The length from DTEND or DURATION, or the default of SPEC section 3. */
static int
event_length(struct cal_ctx *x, icalcomponent *c, struct cal_event *e)
{
	icalproperty *pe, *pd;
	struct icaldurationtype d;
	struct cal_when end;
	int ret;

	pe = icalcomponent_get_first_property(c, ICAL_DTEND_PROPERTY);
	pd = icalcomponent_get_first_property(c, ICAL_DURATION_PROPERTY);
	e->has_end = pe != NULL || pd != NULL;
	if (pe != NULL && pd != NULL)
		return cal_fail(x, cal_prop_line(x, c, pd),
		    "VEVENT has both DTEND and DURATION");
	if (pe != NULL) {
		if ((ret = cal_when_get(x, c, pe, icalproperty_get_dtend(pe),
		    &end)) != 0)
			return ret;
		if (e->start.is_date && end.is_date)
			e->dur.days = (end.wall - e->start.wall) / CAL_DAY;
		else
			e->dur.secs = end.utc - e->start.utc;
		if (e->dur.days < 0 || e->dur.secs < 0)
			return cal_fail(x, cal_prop_line(x, c, pe),
			    "DTEND is before DTSTART");
	} else if (pd != NULL) {
		d = icalproperty_get_duration(pd);
		if (d.is_neg)
			return cal_fail(x, cal_prop_line(x, c, pd),
			    "DURATION is negative");
		e->dur.days = (int64_t)d.weeks * 7 + d.days;
		e->dur.secs = (int64_t)d.hours * 3600 +
		    (int64_t)d.minutes * 60 + d.seconds;
	} else if (e->start.is_date)
		e->dur.days = 1;
	return 0;
}

static size_t
rule_len(const short *v)
{
	size_t n = 0;

	while (v[n] != RULE_END)
		n++;
	return n;
}

/*
 * True when some month of BYMONTH (all months when empty) has a day that
 * BYMONTHDAY names: libical would otherwise search for one hour by hour
 * or day by day until the year 2582.
 */
static bool
rule_days_exist(const struct icalrecurrencetype *r)
{
	size_t nm = rule_len(r->by_month), nd = rule_len(r->by_month_day);
	size_t i, j;
	int m, len, d;

	if (nd == 0)
		return true;
	for (i = 0; i < (nm == 0 ? 12 : nm); i++) {
		m = nm == 0 ? (int)i + 1 :
		    icalrecurrencetype_month_month(r->by_month[i]);
		len = m == 2 ? 29 : icaltime_days_in_month(m, 2001);
		for (j = 0; j < nd; j++) {
			d = r->by_month_day[j];
			if ((d > 0 ? d : -d) <= len)
				return true;
		}
	}
	return false;
}

/*
 * What makes rule r unusable, or NULL: what shift calendars never need
 * and what can run away (the caller frees the message).
 */
static char *
rule_problem(const struct icalrecurrencetype *r)
{
	const char *f = icalrecur_freq_to_string(r->freq);

	if (r->freq == ICAL_NO_RECURRENCE)
		return xstrdup("RRULE has no FREQ");
	if (r->freq == ICAL_SECONDLY_RECURRENCE ||
	    r->freq == ICAL_MINUTELY_RECURRENCE)
		return xasprintf("RRULE FREQ=%s is not supported: the "
		    "shortest period is HOURLY", f);
	if (r->freq == ICAL_HOURLY_RECURRENCE &&
	    (rule_len(r->by_year_day) || rule_len(r->by_week_no) ||
	    rule_len(r->by_set_pos) || rule_len(r->by_minute) ||
	    rule_len(r->by_second)))
		return xstrdup("RRULE FREQ=HOURLY supports only BYHOUR, "
		    "BYDAY, BYMONTHDAY and BYMONTH");
	if (r->count > CAL_MAX_COUNT)
		return xasprintf("RRULE COUNT=%d is above the limit of %d",
		    r->count, CAL_MAX_COUNT);
	if (!rule_days_exist(r))
		return xstrdup("RRULE never matches: no month has the days "
		    "of BYMONTHDAY");
	return NULL;
}

/* Reads the RRULE (at most one) into e, COUNT and UNTIL held apart. */
static int
event_rrule(struct cal_ctx *x, icalcomponent *c, struct cal_event *e)
{
	icalproperty *p;
	icalrecur_iterator *it;
	char *msg;
	int ret;

	if ((p = icalcomponent_get_first_property(c,
	    ICAL_RRULE_PROPERTY)) == NULL)
		return 0;
	e->rrule_prop = p;
	if (icalcomponent_get_next_property(c, ICAL_RRULE_PROPERTY) != NULL)
		return cal_fail(x, cal_prop_line(x, c, p),
		    "VEVENT has more than one RRULE");
	e->has_rrule = true;
	e->rrule = icalproperty_get_rrule(p);
	if ((msg = rule_problem(&e->rrule)) != NULL) {
		ret = cal_fail(x, cal_prop_line(x, c, p), "%s", msg);
		free(msg);
		return ret;
	}
	e->count = e->rrule.count;
	if (!icaltime_is_null_time(e->rrule.until)) {
		e->has_until = true;
		if ((ret = cal_when_get(x, c, p, e->rrule.until,
		    &e->until)) != 0)
			return ret;
		/* A local UNTIL is in DTSTART's zone. */
		if (!e->until.is_date && !icaltime_is_utc(e->rrule.until)) {
			e->until.zone = e->start.zone;
			e->until = cal_when_at(&e->until, e->until.wall);
		}
	}
	e->rrule.count = 0;
	e->rrule.until = icaltime_null_time();
	icalerror_clear_errno();
	it = icalrecur_iterator_new(e->rrule,
	    cal_tt_from_wall(e->start.wall, e->start.is_date));
	if (it == NULL)
		return cal_fail(x, cal_prop_line(x, c, p), "RRULE cannot be expanded "
		    "from this DTSTART");
	icalrecur_iterator_free(it);
	return 0;
}

/* Reads one RDATE: a DATE, a DATE-TIME or a PERIOD. */
static int
event_rdate(struct cal_ctx *x, icalcomponent *c, icalproperty *p,
    struct cal_rdate *rd)
{
	struct icaldatetimeperiodtype v = icalproperty_get_rdate(p);
	struct icalperiodtype *per = &v.period;
	struct icaldurationtype d;
	struct cal_when end;
	struct cal_dur len = { 0, 0 };
	int ret;

	memset(rd, 0, sizeof *rd);
	if (!icaltime_is_null_time(v.time))
		return cal_when_get(x, c, p, v.time, &rd->at);
	if ((ret = cal_when_get(x, c, p, per->start, &rd->at)) != 0)
		return ret;
	rd->has_end = true;
	if (!icaltime_is_null_time(per->end)) {
		if ((ret = cal_when_get(x, c, p, per->end, &end)) != 0)
			return ret;
		rd->end = end.utc;
	} else {
		d = per->duration;
		if (d.is_neg)
			return cal_fail(x, cal_prop_line(x, c, p),
			    "RDATE period has a negative duration");
		len.days = (int64_t)d.weeks * 7 + d.days;
		len.secs = (int64_t)d.hours * 3600 +
		    (int64_t)d.minutes * 60 + d.seconds;
		rd->end = cal_dur_end(&rd->at, &len);
	}
	if (rd->end < rd->at.utc)
		return cal_fail(x, cal_prop_line(x, c, p),
		    "RDATE period ends before it starts");
	return 0;
}

/* Reads every RDATE and EXDATE. */
static int
event_lists(struct cal_ctx *x, icalcomponent *c, struct cal_event *e)
{
	icalproperty *p;
	size_t cap = 0;
	int ret;

	for (p = icalcomponent_get_first_property(c, ICAL_RDATE_PROPERTY);
	    p != NULL; p = icalcomponent_get_next_property(c,
	    ICAL_RDATE_PROPERTY)) {
		XGROW(e->rdates, cap, e->nrdates + 1);
		if ((ret = event_rdate(x, c, p, &e->rdates[e->nrdates])) != 0)
			return ret;
		e->nrdates++;
	}
	cap = 0;
	for (p = icalcomponent_get_first_property(c, ICAL_EXDATE_PROPERTY);
	    p != NULL; p = icalcomponent_get_next_property(c,
	    ICAL_EXDATE_PROPERTY)) {
		XGROW(e->exdates, cap, e->nexdates + 1);
		if ((ret = cal_when_get(x, c, p, icalproperty_get_exdate(p),
		    &e->exdates[e->nexdates])) != 0)
			return ret;
		e->nexdates++;
	}
	return 0;
}

/* Reads RECURRENCE-ID and its RANGE, making e an override. */
static int
event_rid(struct cal_ctx *x, icalcomponent *c, struct cal_event *e)
{
	icalproperty *p;
	icalparameter *range;
	int ret;

	if ((p = icalcomponent_get_first_property(c,
	    ICAL_RECURRENCEID_PROPERTY)) == NULL)
		return 0;
	e->has_rid = true;
	if ((ret = cal_when_get(x, c, p, icalproperty_get_recurrenceid(p),
	    &e->rid)) != 0)
		return ret;
	range = icalproperty_get_first_parameter(p, ICAL_RANGE_PARAMETER);
	e->future = range != NULL &&
	    icalparameter_get_range(range) == ICAL_RANGE_THISANDFUTURE;
	return 0;
}

int
cal_event_read(struct cal_ctx *x, icalcomponent *c, struct cal_event *e)
{
	icalproperty *p;
	int ret;

	memset(e, 0, sizeof *e);
	e->comp = c;
	e->uid = icalcomponent_get_uid(c);
	e->summary = icalcomponent_get_summary(c);
	if ((p = icalcomponent_get_first_property(c,
	    ICAL_DTSTART_PROPERTY)) == NULL)
		return cal_fail(x, cal_lines_comp(&x->lines, c),
		    "VEVENT has no DTSTART");
	if ((ret = cal_when_get(x, c, p, icalproperty_get_dtstart(p),
	    &e->start)) != 0 ||
	    (ret = event_length(x, c, e)) != 0 ||
	    (ret = event_rrule(x, c, e)) != 0 ||
	    (ret = event_lists(x, c, e)) != 0 ||
	    (ret = event_rid(x, c, e)) != 0)
		return ret;
	e->busy = icalcomponent_get_status(c) != ICAL_STATUS_CANCELLED;
	p = icalcomponent_get_first_property(c, ICAL_TRANSP_PROPERTY);
	if (p != NULL && x->o->honor_transp &&
	    (icalproperty_get_transp(p) == ICAL_TRANSP_TRANSPARENT ||
	    icalproperty_get_transp(p) == ICAL_TRANSP_TRANSPARENTNOCONFLICT))
		e->busy = false;
	return 0;
}

void
cal_event_release(struct cal_event *e)
{
	free(e->rdates);
	free(e->exdates);
	e->rdates = NULL;
	e->exdates = NULL;
}
