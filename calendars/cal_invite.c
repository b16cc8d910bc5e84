/*
 * One iTIP object (RFC 5546 section 3.2.2 REQUEST, 3.2.5 CANCEL): one
 * VEVENT, one UID, the organizer and the one attendee it goes to.  Every
 * invite goes to one person (CALENDARS.md, privacy), so ATTENDEE never
 * lists anyone else.
 */
#include <stdlib.h>

#include "cal.h"
#include "cal_feed_int.h"
#include "status.h"
#include "xmalloc.h"

/* The attendee: a required individual whose reply is not asked for. */
static icalproperty *
invite_attendee(const struct cal_party *party, enum cal_method method)
{
	icalproperty *p = cal_pub_address(icalproperty_new_attendee, party);

	icalproperty_add_parameter(p,
	    icalparameter_new_cutype(ICAL_CUTYPE_INDIVIDUAL));
	icalproperty_add_parameter(p,
	    icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
	if (method == CAL_REQUEST)
		icalproperty_add_parameter(p,
		    icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION));
	icalproperty_add_parameter(p, icalparameter_new_rsvp(ICAL_RSVP_FALSE));
	return p;
}

int
cal_invite_write(enum cal_method method, const char *zone, int64_t from,
    const struct cal_item *item, const struct cal_party *organizer,
    const struct cal_party *attendee, char **text, char **cause)
{
	icalcomponent *cal, *ev;
	int rc = 0;

	*text = NULL;
	cal = cal_pub_calendar(method == CAL_CANCEL ? ICAL_METHOD_CANCEL :
	    ICAL_METHOD_REQUEST, zone, from, cause);
	if (cal == NULL)
		return IOP_EINPUT;
	if ((ev = cal_pub_event(item, cause)) == NULL) {
		rc = IOP_EINPUT;
		goto out;
	}
	icalcomponent_add_property(ev,
	    cal_pub_address(icalproperty_new_organizer, organizer));
	icalcomponent_add_property(ev, invite_attendee(attendee, method));
	if (method == CAL_CANCEL)
		icalcomponent_add_property(ev,
		    icalproperty_new_status(ICAL_STATUS_CANCELLED));
	icalcomponent_add_component(cal, ev);
	if ((*text = cal_pub_text(cal, cause)) == NULL)
		rc = IOP_EINTERNAL;
out:
	icalcomponent_free(cal);
	return rc;
}
