/*
 * Everything iCalendar, through libical.  This is the only module that
 * includes libical; callers get UTC seconds and plain strings.
 *
 * All functions return 0 or a negative enum iop_status (engine/status.h)
 * and on failure fill *cause (caller frees) with one line that names the
 * file and, where it can, the line: "shifts/p001.ics:14: RRULE has no FREQ".
 */
#ifndef IOP_CAL_H
#define IOP_CAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One busy interval, [start, end) in UTC seconds. */
struct cal_busy {
	int64_t	start;
	int64_t	end;
	char	*uid;			/* owned; may be NULL */
	char	*summary;		/* owned; may be NULL */
};

struct cal_busy_list {
	struct cal_busy *v;
	size_t	n;
	size_t	cap;
};

/*
 * Limits that bound the work of one expansion, whatever the input: a rule
 * with a larger COUNT, a file that yields more intervals in the window, or
 * recurrences that need more iterator steps are invalid input.  Rules are
 * iterated from near the window (COUNT rules from DTSTART), so ordinary
 * calendars stay far below them.
 */
#define CAL_MAX_COUNT		100000	/* COUNT of one RRULE */
#define CAL_MAX_INSTANCES	100000	/* intervals of one file in the window */
#define CAL_MAX_STEPS		2000000	/* recurrence steps of one file */

struct cal_expand_opts {
	int64_t	from;			/* window, UTC seconds */
	int64_t	to;
	const char *zone;		/* owner's zone for floating and DATE values */
	bool	honor_transp;		/* clinician calendars: TRANSPARENT is free */
};

/*
 * Expands iCalendar text (name is used in messages only) into the busy
 * intervals of SPEC section 3 that overlap [from, to), whole, appended to
 * out sorted by start then end.  IOP_EINPUT when the text is not valid.
 */
int	cal_expand_text(const char *text, size_t len, const char *name,
	    const struct cal_expand_opts *o, struct cal_busy_list *out,
	    char **cause);

/*
 * Reads a whole file ("-" is stdin) into *text (caller frees), NUL
 * terminated, *len bytes.  IOP_ENOFILE when missing, unreadable or a
 * directory; IOP_EINPUT when larger than CAL_MAX_FILE_BYTES (for
 * cal_read_file_max, max bytes, a whole number of MiB).
 */
#define CAL_MAX_FILE_BYTES (16L * 1024 * 1024)
int	cal_read_file(const char *path, char **text, size_t *len, char **cause);
int	cal_read_file_max(const char *path, long max, char **text, size_t *len,
	    char **cause);

void	cal_busy_list_release(struct cal_busy_list *l);

/*
 * Only libical's parse of text (and freeing the tree), the step inside
 * cal_expand_text that the benchmark times on its own.  Returns 0, or
 * IOP_EINPUT when libical cannot parse it at all; checks nothing else.
 */
int	cal_parse_only(const char *text, size_t len);

/* Time zones, from the system database through libical. */

/* True when name is a zone libical can load (an Olson name or "UTC"). */
bool	cal_zone_valid(const char *name);
/*
 * UTC seconds of local wall time (days since 1970-01-01, seconds after
 * midnight) in zone.  A time in a spring-forward gap moves forward by the
 * gap; a repeated fall-back time is read as its first occurrence (RFC 5545
 * section 3.3.5).  IOP_EINPUT when the zone is unknown.
 */
int	cal_local_to_utc(const char *zone, int64_t days, int seconds,
	    int64_t *utc, char **cause);
/* Offset of zone from UTC at utc, in seconds (e.g. -21600 for CST). */
int	cal_utc_offset(const char *zone, int64_t utc, int *offset, char **cause);
/*
 * Formats utc as RFC 3339 local time in zone: "2026-12-07T18:00:00-06:00"
 * (buf at least 32 bytes); with zone NULL or "UTC", "...Z".
 */
int	cal_format_rfc3339(const char *zone, int64_t utc, char *buf,
	    char **cause);

/* Standard shift rotations (cal_rotation.c, which documents each one). */

#define CAL_ROTATION_MAX_WEEKS	520

struct cal_rotation {
	const char *pattern;	/* "24/48", "48/96", "kelly", "pitman", ... */
	const char *zone;	/* Olson name or "UTC" */
	int64_t	start_day;	/* cycle day 1, days since 1970-01-01 */
	int	shift_start;	/* minutes after local midnight; -1: default */
	int	shift_minutes;	/* length of a shift; 0: the pattern's own */
	int	weeks;		/* 1..CAL_ROTATION_MAX_WEEKS */
};

/*
 * Writes rotation r as RFC 5545 text into *text (CRLF lines; caller frees
 * with free): every shift that starts in the r->weeks weeks from
 * r->start_day, as one VEVENT with an RRULE per on-day of the cycle, times
 * in r->zone with its VTIMEZONE.  The same r gives the same bytes.
 * IOP_EUSAGE with *cause when the pattern, zone, start, length or weeks
 * are out of range or the pattern takes no other length.
 */
int	cal_rotation_write(const struct cal_rotation *r, char **text,
	    char **cause);

/*
 * Feeds and invites (SPEC section 6): cal_invite_event.c writes one event,
 * cal_feed.c a person's feed, cal_invite.c one iTIP object, cal_vtz.c the
 * VTIMEZONE they share, cal_itip_check.c reads any of them back.
 */

/* One event of a person's calendar: a weekly series or a single session. */
struct cal_event_spec {
	const char *uid;
	const char *zone;	/* the program's zone: TZID of every time */
	int64_t	first_day;	/* local date of the first instance */
	int	start_minute;	/* local start, minutes after midnight */
	int	minutes;	/* length of each instance */
	int	weeks;		/* 0: a single event; else weekly, COUNT=weeks */
	const int64_t *exdays;	/* local dates of the weeks left out */
	size_t	nexdays;
	const char *summary;
	const char *description;	/* may be NULL */
	const char *url;	/* the video link: URL, LOCATION, CONFERENCE */
};

/*
 * Writes the VEVENT of e into *text (CRLF lines, caller frees): UID,
 * DTSTART and DTEND with TZID, RRULE and EXDATE for a series, SUMMARY,
 * DESCRIPTION, CLASS:PRIVATE, URL, LOCATION and CONFERENCE; no SEQUENCE,
 * DTSTAMP, ORGANIZER or ATTENDEE, which feeds and invites add.  The same
 * e gives the same bytes.  IOP_EINPUT when the zone is unknown.
 */
int	cal_event_write(const struct cal_event_spec *e, char **text,
	    char **cause);

/* An event as stored: cal_event_write's text and what changes with it. */
struct cal_item {
	const char *body;	/* a VEVENT written by cal_event_write */
	int	sequence;
	int64_t	stamp;		/* DTSTAMP, UTC seconds */
	const char *note;	/* appended to DESCRIPTION; may be NULL */
};


/* A calendar user: the organizer or an attendee. */
struct cal_party {
	const char *name;	/* CN; may be NULL */
	const char *email;
};

/*
 * Writes a METHOD:PUBLISH feed of the n items into *text (caller frees):
 * the VTIMEZONE of zone (always, so that an empty feed is still a valid
 * calendar with the program's zone), then each VEVENT with its SEQUENCE
 * and DTSTAMP, and the ORGANIZER that RFC 5546 requires of PUBLISH when
 * organizer is not NULL, without ATTENDEE.  name, if not NULL, becomes
 * X-WR-CALNAME.  from is the earliest time (UTC) the VTIMEZONE must
 * cover.  IOP_EINPUT when a body cannot be read back or the zone is
 * unknown.
 */
int	cal_feed_write(const char *zone, int64_t from, const char *name,
	    const struct cal_party *organizer, const struct cal_item *v,
	    size_t n, char **text, char **cause);

enum cal_method { CAL_REQUEST, CAL_CANCEL };

/*
 * Writes one iTIP object (RFC 5546) of item for attendee into *text
 * (caller frees): METHOD:REQUEST, or METHOD:CANCEL with STATUS:CANCELLED,
 * the VTIMEZONE of zone, and the VEVENT with SEQUENCE, DTSTAMP, ORGANIZER
 * and one ATTENDEE.  IOP_EINPUT as for cal_feed_write.
 */
int	cal_invite_write(enum cal_method method, const char *zone,
	    int64_t from, const struct cal_item *item,
	    const struct cal_party *organizer, const struct cal_party *attendee,
	    char **text, char **cause);

/* What cal_itip_check found in an iCalendar object. */
struct cal_itip_info {
	char	method[16];	/* "PUBLISH", "REQUEST", "CANCEL" */
	size_t	nevents;
	int	sequence;	/* of the last VEVENT */
	char	uid[128];	/* of the last VEVENT */
	bool	cancelled;	/* STATUS:CANCELLED on the last VEVENT */
};

/*
 * Reads text back with libical and checks it as RFC 5545 and RFC 5546
 * section 3.2 require for its METHOD: CRLF lines of at most 75 octets,
 * one VCALENDAR with VERSION, PRODID and METHOD, a VTIMEZONE for every
 * TZID used, no property libical rejects; every VEVENT with UID,
 * DTSTAMP (UTC), DTSTART, SEQUENCE and ORGANIZER; for PUBLISH no
 * ATTENDEE; for REQUEST and CANCEL one VEVENT with one ATTENDEE, SUMMARY
 * for a REQUEST and STATUS:CANCELLED for a CANCEL; and libical's RFC
 * 5546 restriction tables (icalrestriction_check).
 * Fills *info when not NULL.  IOP_EINPUT with *cause naming the rule.
 */
int	cal_itip_check(const char *text, struct cal_itip_info *info,
	    char **cause);

#endif
