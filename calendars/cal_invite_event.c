/*
 * One event of a person's calendar as iCalendar text (SPEC section 6): a
 * weekly series at the session's local time in the program's zone, from
 * the first to the last instance with an EXDATE for each week left out,
 * or a single makeup session.  The text is what publish stores, hashes to
 * see whether anything changed, and reads back for feeds and invites.
 */
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "cal_feed_int.h"
#include "cal_int.h"
#include "status.h"
#include "xmalloc.h"

/* One event being written. */
struct ev_build {
	const struct cal_event_spec *e;
	icaltimezone *zone;		/* NULL: UTC */
	icalcomponent *ev;
};

/*
 * A date-time property at local day and minute: TZID and local wall time,
 * or UTC with a Z when the zone is UTC.
 */
static icalproperty *
ev_time(const struct ev_build *b, icalproperty *(*make)(struct icaltimetype),
    int64_t day, int minute)
{
	int64_t wall = day * CAL_DAY + (int64_t)minute * 60;
	icalproperty *prop;

	if (b->zone == NULL)
		return make(cal_tt_from_utc(wall));
	prop = make(cal_tt_from_wall(wall, false));
	icalproperty_add_parameter(prop, icalparameter_new_tzid(b->e->zone));
	return prop;
}

/* RRULE:FREQ=WEEKLY;COUNT=weeks and an EXDATE per week left out. */
static void
ev_recurrence(struct ev_build *b)
{
	const struct cal_event_spec *e = b->e;
	struct icalrecurrencetype rule;

	icalrecurrencetype_clear(&rule);
	rule.freq = ICAL_WEEKLY_RECURRENCE;
	rule.count = e->weeks;
	icalcomponent_add_property(b->ev, icalproperty_new_rrule(rule));
	for (size_t i = 0; i < e->nexdays; i++)
		icalcomponent_add_property(b->ev, ev_time(b,
		    icalproperty_new_exdate, e->exdays[i], e->start_minute));
}

/* URL, LOCATION and RFC 7986 CONFERENCE with VALUE=URI;FEATURE=VIDEO. */
static void
ev_link(struct ev_build *b)
{
	const char *url = b->e->url;
	icalproperty *conf;

	icalcomponent_add_property(b->ev, icalproperty_new_url(url));
	icalcomponent_add_property(b->ev, icalproperty_new_location(url));
	conf = icalproperty_new_conference(url);
	icalproperty_add_parameter(conf,
	    icalparameter_new_value(ICAL_VALUE_URI));
	icalproperty_add_parameter(conf,
	    icalparameter_new_feature(ICAL_FEATURE_VIDEO));
	icalcomponent_add_property(b->ev, conf);
}

/* The end of the first instance: start plus minutes on the wall clock. */
static void
ev_end(struct ev_build *b)
{
	const struct cal_event_spec *e = b->e;
	int end = e->start_minute + e->minutes;

	icalcomponent_add_property(b->ev, ev_time(b, icalproperty_new_dtend,
	    e->first_day + end / 1440, end % 1440));
}

int
cal_event_write(const struct cal_event_spec *e, char **text, char **cause)
{
	struct ev_build b = { e, NULL, NULL };
	icaltimezone *z;

	*text = NULL;
	if ((z = cal_tz_load(e->zone)) == NULL) {
		*cause = xasprintf("unknown time zone '%s'", e->zone != NULL ?
		    e->zone : "");
		return IOP_EINPUT;
	}
	b.zone = z == icaltimezone_get_utc_timezone() ? NULL : z;
	b.ev = icalcomponent_new_vevent();
	icalcomponent_add_property(b.ev, icalproperty_new_uid(e->uid));
	icalcomponent_add_property(b.ev, ev_time(&b, icalproperty_new_dtstart,
	    e->first_day, e->start_minute));
	ev_end(&b);
	if (e->weeks > 0)
		ev_recurrence(&b);
	icalcomponent_add_property(b.ev, icalproperty_new_summary(e->summary));
	if (e->description != NULL && *e->description != '\0')
		icalcomponent_add_property(b.ev,
		    icalproperty_new_description(e->description));
	icalcomponent_add_property(b.ev,
	    icalproperty_new_class(ICAL_CLASS_PRIVATE));
	icalcomponent_add_property(b.ev,
	    icalproperty_new_transp(ICAL_TRANSP_OPAQUE));
	if (e->url != NULL && *e->url != '\0')
		ev_link(&b);
	*text = cal_pub_text(b.ev, cause);
	icalcomponent_free(b.ev);
	return *text != NULL ? 0 : IOP_EINTERNAL;
}

icalcomponent *
cal_pub_event(const struct cal_item *item, char **cause)
{
	icalcomponent *ev;
	icalproperty *desc;
	char *joined;

	ev = icalcomponent_new_from_string(item->body);
	if (ev == NULL || icalcomponent_isa(ev) != ICAL_VEVENT_COMPONENT) {
		if (ev != NULL)
			icalcomponent_free(ev);
		*cause = xasprintf("a stored event is not a VEVENT");
		return NULL;
	}
	icalcomponent_add_property(ev,
	    icalproperty_new_sequence(item->sequence));
	icalcomponent_add_property(ev,
	    icalproperty_new_dtstamp(cal_tt_from_utc(item->stamp)));
	if (item->note == NULL || *item->note == '\0')
		return ev;
	desc = icalcomponent_get_first_property(ev, ICAL_DESCRIPTION_PROPERTY);
	if (desc == NULL) {
		icalcomponent_add_property(ev,
		    icalproperty_new_description(item->note));
		return ev;
	}
	joined = xasprintf("%s\n\n%s", icalproperty_get_description(desc),
	    item->note);
	icalproperty_set_description(desc, joined);
	free(joined);
	return ev;
}
