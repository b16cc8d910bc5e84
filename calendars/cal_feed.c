/*
 * A person's feed (SPEC section 6): METHOD:PUBLISH, the program zone's
 * VTIMEZONE whether or not an event uses it, and every event without
 * ATTENDEE, as RFC 5546 requires for PUBLISH.  Calendar apps poll it.
 */
#include <stdlib.h>

#include "cal.h"
#include "cal_feed_int.h"
#include "status.h"
#include "xmalloc.h"

/* How often a subscribed app should poll, RFC 7986 REFRESH-INTERVAL. */
#define FEED_REFRESH_HOURS	12

/* REFRESH-INTERVAL;VALUE=DURATION and, for older apps, X-PUBLISHED-TTL. */
static void
feed_refresh(icalcomponent *cal)
{
	struct icaldurationtype d = icaldurationtype_null_duration();
	icalproperty *p;

	d.hours = FEED_REFRESH_HOURS;
	p = icalproperty_new_refreshinterval(d);
	icalproperty_add_parameter(p,
	    icalparameter_new_value(ICAL_VALUE_DURATION));
	icalcomponent_add_property(cal, p);
	p = icalproperty_new_x(icaldurationtype_as_ical_string(d));
	icalproperty_set_x_name(p, "X-PUBLISHED-TTL");
	icalcomponent_add_property(cal, p);
}

/* X-WR-CALNAME, the name apps show for a subscribed calendar. */
static void
feed_name(icalcomponent *cal, const char *name)
{
	icalproperty *p;

	if (name == NULL || *name == '\0')
		return;
	p = icalproperty_new_x(name);
	icalproperty_set_x_name(p, "X-WR-CALNAME");
	icalcomponent_add_property(cal, p);
}

int
cal_feed_write(const char *zone, int64_t from, const char *name,
    const struct cal_party *organizer, const struct cal_item *v, size_t n,
    char **text, char **cause)
{
	icalcomponent *cal, *ev;
	int rc = 0;

	*text = NULL;
	if ((cal = cal_pub_calendar(ICAL_METHOD_PUBLISH, zone, from,
	    cause)) == NULL)
		return IOP_EINPUT;
	feed_name(cal, name);
	feed_refresh(cal);
	for (size_t i = 0; i < n; i++) {
		if ((ev = cal_pub_event(&v[i], cause)) == NULL) {
			rc = IOP_EINPUT;
			goto out;
		}
		if (organizer != NULL && organizer->email != NULL)
			icalcomponent_add_property(ev, cal_pub_address(
			    icalproperty_new_organizer, organizer));
		icalcomponent_add_component(cal, ev);
	}
	if ((*text = cal_pub_text(cal, cause)) == NULL)
		rc = IOP_EINTERNAL;
out:
	icalcomponent_free(cal);
	return rc;
}
