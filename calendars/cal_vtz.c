/*
 * The VCALENDAR that every feed and invite starts from, with the program
 * zone's VTIMEZONE (CALENDARS.md: the system zone's component, truncated
 * to recent years, renamed to the plain Olson name).
 */
#include <stdlib.h>

#include "cal.h"
#include "cal_feed_int.h"
#include "cal_int.h"
#include "civil.h"
#include "status.h"
#include "xmalloc.h"

/*
 * A copy of zone's VTIMEZONE from January of the year before from's, with
 * TZID zone; NULL when libical has no component for it.
 */
static icalcomponent *
cal_pub_vtimezone(icaltimezone *z, const char *zone, int64_t from)
{
	icalcomponent *vtz, *sys;
	icalproperty *tzid;
	int y, m, d;

	if ((sys = icaltimezone_get_component(z)) == NULL)
		return NULL;
	vtz = icalcomponent_new_clone(sys);
	civil_from_days(from / CAL_DAY, &y, &m, &d);
	icaltimezone_truncate_vtimezone(vtz,
	    cal_tt_from_utc(civil_days(y - 1, 1, 1) * CAL_DAY),
	    icaltime_null_time(), 0);
	tzid = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY);
	if (tzid != NULL)
		icalproperty_set_tzid(tzid, zone);
	return vtz;
}

icalcomponent *
cal_pub_calendar(icalproperty_method method, const char *zone, int64_t from,
    char **cause)
{
	icalcomponent *cal, *vtz = NULL;
	icaltimezone *z;

	/* UTC needs no VTIMEZONE: its times are written with a Z. */
	if ((z = cal_tz_load(zone)) == NULL ||
	    (z != icaltimezone_get_utc_timezone() &&
	    (vtz = cal_pub_vtimezone(z, zone, from)) == NULL)) {
		*cause = xasprintf("unknown time zone '%s'", zone != NULL ?
		    zone : "");
		return NULL;
	}
	cal = icalcomponent_new_vcalendar();
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_prodid(CAL_PRODID));
	icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
	icalcomponent_add_property(cal, icalproperty_new_method(method));
	if (vtz != NULL)
		icalcomponent_add_component(cal, vtz);
	return cal;
}

icalproperty *
cal_pub_address(icalproperty *(*make)(const char *),
    const struct cal_party *party)
{
	char *uri = xasprintf("mailto:%s", party->email), *cn, *o;
	icalproperty *p = make(uri);

	free(uri);
	if (party->name == NULL || *party->name == '\0')
		return p;
	/*
	 * CN carries a line break as RFC 6868 "^n" but no CR, which libical
	 * would turn into a space; it drops CR from TEXT, and so do we here.
	 */
	cn = o = xstrdup(party->name);
	for (const char *s = party->name; *s != '\0'; s++)
		if (*s != '\r')
			*o++ = *s;
	*o = '\0';
	icalproperty_add_parameter(p, icalparameter_new_cn(cn));
	free(cn);
	return p;
}

char *
cal_pub_text(icalcomponent *c, char **cause)
{
	char *text = icalcomponent_as_ical_string_r(c);

	if (text == NULL)
		*cause = xasprintf("libical could not write the calendar");
	return text;
}
