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
 * directory; IOP_EINPUT when larger than CAL_MAX_FILE_BYTES.
 */
#define CAL_MAX_FILE_BYTES (16L * 1024 * 1024)
int	cal_read_file(const char *path, char **text, size_t *len, char **cause);

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

#endif
