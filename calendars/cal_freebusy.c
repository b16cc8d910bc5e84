/*
 * VFREEBUSY components: each FREEBUSY period is busy unless its FBTYPE is
 * FREE (RFC 5545 section 3.2.9; an unknown FBTYPE counts as BUSY).
 */
#include "cal_int.h"
#include "status.h"

static bool
fb_busy(icalproperty *p)
{
	icalparameter *fb;

	fb = icalproperty_get_first_parameter(p, ICAL_FBTYPE_PARAMETER);
	return fb == NULL || icalparameter_get_fbtype(fb) != ICAL_FBTYPE_FREE;
}

/* Resolves one period (UTC by RFC, floating read in the owner's zone). */
static int
fb_period(struct cal_ctx *x, icalcomponent *c, icalproperty *p,
    int64_t *start, int64_t *end)
{
	struct icalperiodtype per = icalproperty_get_freebusy(p);
	struct icaldurationtype d = per.duration;
	struct cal_when s, e;
	struct cal_dur len;
	int ret;

	if ((ret = cal_when_get(x, c, p, per.start, &s)) != 0)
		return ret;
	*start = s.utc;
	if (!icaltime_is_null_time(per.end)) {
		if ((ret = cal_when_get(x, c, p, per.end, &e)) != 0)
			return ret;
		*end = e.utc;
	} else {
		len.days = (int64_t)d.weeks * 7 + d.days;
		len.secs = (int64_t)d.hours * 3600 +
		    (int64_t)d.minutes * 60 + d.seconds;
		*end = d.is_neg ? *start - 1 : cal_dur_end(&s, &len);
	}
	if (*end < *start)
		return cal_fail(x, cal_prop_line(x, c, p),
		    "FREEBUSY period ends before it starts");
	return 0;
}

int
cal_freebusy_expand(struct cal_ctx *x, icalcomponent *c)
{
	icalproperty *p;
	const char *uid = icalcomponent_get_uid(c);
	int64_t start, end;
	int ret;

	for (p = icalcomponent_get_first_property(c, ICAL_FREEBUSY_PROPERTY);
	    p != NULL; p = icalcomponent_get_next_property(c,
	    ICAL_FREEBUSY_PROPERTY)) {
		if ((ret = fb_period(x, c, p, &start, &end)) != 0)
			return ret;
		if (fb_busy(p) && (ret = cal_emit(x, start, end, uid,
		    NULL)) != 0)
			return ret;
	}
	return 0;
}
