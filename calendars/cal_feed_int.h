/*
 * What the feed and invite writers of the calendars module share
 * (cal_vtz.c, cal_invite_event.c, cal_feed.c, cal_invite.c): nothing
 * outside calendars/ includes this header.
 */
#ifndef IOP_CAL_FEED_INT_H
#define IOP_CAL_FEED_INT_H

#include <stdint.h>

#include <libical/ical.h>

#include "cal.h"

#define CAL_PRODID	"-//iopsched//publish//EN"

/*
 * A new VCALENDAR with VERSION, PRODID, CALSCALE, the METHOD method and
 * the VTIMEZONE of zone cut to observances from the January of the year
 * before from (UTC), its TZID the plain Olson name.  NULL with *cause
 * (IOP_EINPUT) when the zone is unknown.  The caller frees it.
 */
icalcomponent	*cal_pub_calendar(icalproperty_method method, const char *zone,
		    int64_t from, char **cause);

/*
 * Reads a VEVENT written by cal_event_write back into a component the
 * caller frees, with SEQUENCE and DTSTAMP of item added and item->note
 * appended to its DESCRIPTION.  NULL with *cause when it is not one.
 */
icalcomponent	*cal_pub_event(const struct cal_item *item, char **cause);

/*
 * A mailto: CAL-ADDRESS property of party, made by make, with its CN
 * (RFC 6868 encoded by libical; CR dropped).
 */
icalproperty	*cal_pub_address(icalproperty *(*make)(const char *),
		    const struct cal_party *party);

/* Writes c as text (caller frees); NULL with *cause when libical fails. */
char		*cal_pub_text(icalcomponent *c, char **cause);

#endif
