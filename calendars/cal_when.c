/*
 * DATE and DATE-TIME values: range checks libical does not make, TZID
 * resolution (libical's getters ignore TZID on RDATE and RECURRENCE-ID and
 * turn an unknown TZID into a floating time silently), and instance ends.
 */
#include <stdlib.h>
#include <string.h>

#include "cal_int.h"
#include "civil.h"
#include "status.h"

static bool
tt_valid(struct icaltimetype t)
{
	if (t.year < 1 || t.year > 9999 || t.month < 1 || t.month > 12 ||
	    t.day < 1 || t.day > icaltime_days_in_month(t.month, t.year))
		return false;
	if (t.is_date)
		return true;
	return t.hour >= 0 && t.hour <= 23 && t.minute >= 0 &&
	    t.minute <= 59 && t.second >= 0 && t.second <= 60;
}

/*
 * The zone a TZID names: a VTIMEZONE of an enclosing component (the
 * VCALENDAR; its shared twin, see cal_tzshare.c), else the system zone
 * of that name.
 */
static icaltimezone *
tzid_zone(struct cal_ctx *x, icalcomponent *comp, const char *tzid)
{
	icaltimezone *z = NULL;
	icalcomponent *c;

	for (c = comp; c != NULL && z == NULL; c = icalcomponent_get_parent(c))
		if (icalcomponent_isa(c) == ICAL_VCALENDAR_COMPONENT)
			z = icalcomponent_get_timezone(c, tzid);
	if (z != NULL)
		return cal_tz_shared(x, z);
	z = cal_tz_load(tzid);
	if (z == NULL && tzid[0] == '/')
		z = icaltimezone_get_builtin_timezone_from_tzid(tzid);
	return z;
}

int
cal_when_get(struct cal_ctx *x, icalcomponent *comp, icalproperty *p,
    struct icaltimetype t, struct cal_when *w)
{
	icalparameter *tzp;
	const char *tzid;
	char *s;

	memset(w, 0, sizeof *w);
	if (!tt_valid(t)) {
		s = icalproperty_get_value_as_string_r(p);
		cal_fail(x, cal_prop_line(x, comp, p), "%s: impossible date "
		    "or time '%s'", icalproperty_get_property_name(p),
		    s != NULL ? s : "");
		free(s);
		return IOP_EINPUT;
	}
	w->is_date = t.is_date != 0;
	w->wall = cal_tt_wall(t);
	w->zone = x->owner;
	if (icaltime_is_utc(t))
		w->zone = icaltimezone_get_utc_timezone();
	else if (!w->is_date && (tzp = icalproperty_get_first_parameter(p,
	    ICAL_TZID_PARAMETER)) != NULL) {
		tzid = icalparameter_get_tzid(tzp);
		if (tzid == NULL || (w->zone = tzid_zone(x, comp, tzid)) == NULL)
			return cal_fail(x, cal_prop_line(x, comp, p),
			    "%s: unknown TZID '%s' and no VTIMEZONE for it",
			    icalproperty_get_property_name(p),
			    tzid != NULL ? tzid : "");
	}
	w->utc = cal_tz_local_to_utc(w->zone, w->wall);
	return 0;
}

struct cal_when
cal_when_at(const struct cal_when *w, int64_t wall)
{
	struct cal_when r = *w;

	r.wall = wall;
	r.utc = cal_tz_local_to_utc(w->zone, wall);
	return r;
}

int64_t
cal_dur_end(const struct cal_when *start, const struct cal_dur *d)
{
	int64_t end = start->utc;

	if (d->days != 0)
		end = cal_tz_local_to_utc(start->zone,
		    start->wall + d->days * CAL_DAY);
	return end + d->secs;
}

static int64_t
floor_day(int64_t wall)
{
	return wall >= 0 ? wall / CAL_DAY : -((-wall + CAL_DAY - 1) / CAL_DAY);
}

bool
cal_when_same(const struct cal_when *a, const struct cal_when *b)
{
	if (a->is_date || b->is_date)
		return floor_day(a->wall) == floor_day(b->wall);
	return a->utc == b->utc;
}
