/*
 * Reads a feed or an invite back with libical and checks the rules that
 * publish promises (SPEC section 6, RFC 5545, RFC 5546 section 3.2).  The
 * tests call it on everything publish writes; publish itself calls it on
 * every object before it stores it, so a bug shows as exit 70, not as an
 * invite that calendar apps silently drop.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "cal_feed_int.h"
#include "status.h"
#include "xmalloc.h"

#define ITIP_MAX_LINE	75

static int
itip_fail(char **cause, char *msg)
{
	*cause = msg;
	return IOP_EINPUT;
}

/* CRLF after every line, none longer than 75 octets. */
static int
itip_lines(const char *text, char **cause)
{
	const char *line = text, *nl;
	int n = 1;

	for (; (nl = strchr(line, '\n')) != NULL; line = nl + 1, n++) {
		if (nl == line || nl[-1] != '\r')
			return itip_fail(cause, xasprintf("line %d: no CRLF",
			    n));
		if (nl - 1 - line > ITIP_MAX_LINE)
			return itip_fail(cause, xasprintf("line %d: %d "
			    "octets, more than %d", n, (int)(nl - 1 - line),
			    ITIP_MAX_LINE));
	}
	if (*line != '\0')
		return itip_fail(cause, xasprintf("line %d: no CRLF", n));
	return 0;
}

/* True when cal holds a VTIMEZONE whose TZID is tzid. */
static bool
itip_has_zone(icalcomponent *cal, const char *tzid)
{
	icalcompiter it;
	icalcomponent *vtz;

	it = icalcomponent_begin_component(cal, ICAL_VTIMEZONE_COMPONENT);
	for (; (vtz = icalcompiter_deref(&it)) != NULL;
	    icalcompiter_next(&it)) {
		icalproperty *p = icalcomponent_get_first_property(vtz,
		    ICAL_TZID_PROPERTY);

		if (p != NULL && strcmp(icalproperty_get_tzid(p), tzid) == 0)
			return true;
	}
	return false;
}

/* Every TZID parameter of ev names a VTIMEZONE of cal. */
static int
itip_tzids(icalcomponent *cal, icalcomponent *ev, char **cause)
{
	icalproperty *p;
	icalparameter *tz;

	for (p = icalcomponent_get_first_property(ev, ICAL_ANY_PROPERTY);
	    p != NULL; p = icalcomponent_get_next_property(ev,
	    ICAL_ANY_PROPERTY)) {
		tz = icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER);
		if (tz != NULL && !itip_has_zone(cal, icalparameter_get_tzid(tz)))
			return itip_fail(cause, xasprintf("TZID '%s' has no "
			    "VTIMEZONE", icalparameter_get_tzid(tz)));
	}
	return 0;
}

static int
itip_count(icalcomponent *ev, icalproperty_kind kind)
{
	return icalcomponent_count_properties(ev, kind);
}

/* The properties RFC 5546 section 3.2 requires of every VEVENT method. */
static int
itip_event_common(icalcomponent *ev, char **cause)
{
	static const struct {
		icalproperty_kind kind;
		const char *name;
	} once[] = {
		{ ICAL_UID_PROPERTY, "UID" },
		{ ICAL_DTSTAMP_PROPERTY, "DTSTAMP" },
		{ ICAL_DTSTART_PROPERTY, "DTSTART" },
		{ ICAL_SEQUENCE_PROPERTY, "SEQUENCE" },
	};

	for (size_t i = 0; i < sizeof once / sizeof once[0]; i++)
		if (itip_count(ev, once[i].kind) != 1)
			return itip_fail(cause, xasprintf("a VEVENT needs one "
			    "%s", once[i].name));
	if (itip_count(ev, ICAL_DTEND_PROPERTY) +
	    itip_count(ev, ICAL_DURATION_PROPERTY) > 1)
		return itip_fail(cause, xasprintf("DTEND and DURATION both "
		    "given"));
	if (!icaltime_is_utc(icalcomponent_get_dtstamp(ev)))
		return itip_fail(cause, xasprintf("DTSTAMP is not UTC"));
	return 0;
}

/* REQUEST and CANCEL: organizer, one attendee, SUMMARY or STATUS. */
static int
itip_event_method(icalcomponent *ev, icalproperty_method m, char **cause)
{
	if (itip_count(ev, ICAL_ORGANIZER_PROPERTY) != 1)
		return itip_fail(cause, xasprintf("no ORGANIZER"));
	if (m == ICAL_METHOD_PUBLISH)
		return itip_count(ev, ICAL_ATTENDEE_PROPERTY) == 0 ? 0 :
		    itip_fail(cause, xasprintf("PUBLISH with an ATTENDEE"));
	if (itip_count(ev, ICAL_ATTENDEE_PROPERTY) != 1)
		return itip_fail(cause, xasprintf("not exactly one ATTENDEE"));
	if (m == ICAL_METHOD_REQUEST &&
	    itip_count(ev, ICAL_SUMMARY_PROPERTY) != 1)
		return itip_fail(cause, xasprintf("REQUEST without SUMMARY"));
	if (m == ICAL_METHOD_CANCEL &&
	    icalcomponent_get_status(ev) != ICAL_STATUS_CANCELLED)
		return itip_fail(cause, xasprintf("CANCEL without "
		    "STATUS:CANCELLED"));
	return 0;
}

/* Checks each VEVENT of cal; fills info from the last one. */
static int
itip_events(icalcomponent *cal, icalproperty_method m,
    struct cal_itip_info *info, char **cause)
{
	icalcompiter it;
	icalcomponent *ev;
	int rc = 0;

	it = icalcomponent_begin_component(cal, ICAL_VEVENT_COMPONENT);
	for (; rc == 0 && (ev = icalcompiter_deref(&it)) != NULL;
	    icalcompiter_next(&it)) {
		if ((rc = itip_event_common(ev, cause)) == 0)
			rc = itip_event_method(ev, m, cause);
		if (rc == 0)
			rc = itip_tzids(cal, ev, cause);
		info->nevents++;
		info->sequence = icalcomponent_get_sequence(ev);
		snprintf(info->uid, sizeof info->uid, "%s",
		    icalcomponent_get_uid(ev));
		info->cancelled =
		    icalcomponent_get_status(ev) == ICAL_STATUS_CANCELLED;
	}
	if (rc == 0 && m != ICAL_METHOD_PUBLISH && info->nevents != 1)
		rc = itip_fail(cause, xasprintf("%s with %zu VEVENTs, not one",
		    info->method, info->nevents));
	return rc;
}

/* VERSION, PRODID and a known METHOD on the VCALENDAR. */
static int
itip_calendar(icalcomponent *cal, icalproperty_method *m,
    struct cal_itip_info *info, char **cause)
{
	if (icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT)
		return itip_fail(cause, xasprintf("not one VCALENDAR"));
	if (itip_count(cal, ICAL_VERSION_PROPERTY) != 1 ||
	    itip_count(cal, ICAL_PRODID_PROPERTY) != 1 ||
	    itip_count(cal, ICAL_METHOD_PROPERTY) != 1)
		return itip_fail(cause, xasprintf("VCALENDAR needs one "
		    "VERSION, PRODID and METHOD"));
	*m = icalcomponent_get_method(cal);
	if (*m != ICAL_METHOD_PUBLISH && *m != ICAL_METHOD_REQUEST &&
	    *m != ICAL_METHOD_CANCEL)
		return itip_fail(cause, xasprintf("unexpected METHOD"));
	snprintf(info->method, sizeof info->method, "%s",
	    icalproperty_method_to_string(*m));
	return 0;
}

int
cal_itip_check(const char *text, struct cal_itip_info *info, char **cause)
{
	struct cal_itip_info local;
	icalproperty_method m;
	icalcomponent *cal;
	int rc;

	if (info == NULL)
		info = &local;
	memset(info, 0, sizeof *info);
	if ((rc = itip_lines(text, cause)) != 0)
		return rc;
	if ((cal = icalparser_parse_string(text)) == NULL)
		return itip_fail(cause, xasprintf("libical cannot parse it"));
	if ((rc = itip_calendar(cal, &m, info, cause)) == 0 &&
	    icalcomponent_count_errors(cal) != 0)
		rc = itip_fail(cause, xasprintf("libical reports %d errors",
		    icalcomponent_count_errors(cal)));
	if (rc == 0)
		rc = itip_events(cal, m, info, cause);
	if (rc == 0 && (!icalrestriction_check(cal) ||
	    icalcomponent_count_errors(cal) != 0))
		rc = itip_fail(cause, xasprintf("%s breaks RFC 5546's "
		    "restriction tables", info->method));
	icalcomponent_free(cal);
	return rc;
}
