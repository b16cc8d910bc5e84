/*
 * Internals of the calendars module, shared by its files only.  Nothing
 * outside calendars/ includes this header.
 *
 * The expansion of one file runs in four steps: cal_lines.c checks the
 * text's BEGIN/END structure and remembers where each component and
 * property starts (libical keeps no line numbers); libical parses;
 * cal_event.c reads and validates every VEVENT into a struct cal_event
 * with its times resolved; cal_expand.c and cal_recur.c turn the events,
 * grouped by UID, into busy intervals, and cal_freebusy.c adds VFREEBUSY
 * periods.
 */
#ifndef IOP_CAL_INT_H
#define IOP_CAL_INT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>

#include <libical/ical.h>

#include "cal.h"

#define CAL_DAY		86400

/* Time zones (cal_tz.c). */

/*
 * The zone called name: "UTC" or an Olson name from the system database.
 * NULL when libical cannot load it.  The zone belongs to libical.
 */
icaltimezone	*cal_tz_load(const char *name);
/* Offset of z from UTC at utc, in seconds; z NULL means UTC. */
int		 cal_tz_offset(icaltimezone *z, int64_t utc);
/*
 * UTC seconds of a local wall time (seconds since 1970-01-01T00:00 local)
 * in z, RFC 5545 section 3.3.5: a time in a spring-forward gap moves
 * forward by the gap, a repeated time is its first occurrence.
 */
int64_t		 cal_tz_local_to_utc(icaltimezone *z, int64_t local);
/* The wall time in z of utc, as seconds since 1970-01-01T00:00 local. */
int64_t		 cal_tz_utc_to_local(icaltimezone *z, int64_t utc);
/* The wall clock of t (its zone ignored) as seconds since the epoch. */
int64_t		 cal_tt_wall(struct icaltimetype t);
/* A floating icaltimetype of wall seconds (a DATE when is_date). */
struct icaltimetype cal_tt_from_wall(int64_t wall, bool is_date);
/* A UTC icaltimetype for utc seconds. */
struct icaltimetype cal_tt_from_utc(int64_t utc);

/* Line numbers of the text (cal_lines.c). */

struct cal_tcomp {
	char	*name;			/* upper case, e.g. "VEVENT" */
	int	 line;			/* of its BEGIN */
	icalcomponent *comp;		/* libical's, once bound */
};

struct cal_tprop {
	char	*name;			/* upper case */
	int	 line;
	size_t	 comp;			/* index in lines.comps */
};

struct cal_lines {
	struct cal_tcomp *comps;	/* in text (pre-)order */
	size_t	 ncomps, capcomps;
	struct cal_tprop *props;
	size_t	 nprops, capprops;
	bool	 bound;			/* comps[].comp are valid */
};

/*
 * Scans text for line numbers and checks its structure: content lines,
 * BEGIN/END nesting, VCALENDAR at the top, UTF-8.  IOP_EINPUT with
 * *cause "name:line: problem" when it is not iCalendar.
 */
int	cal_lines_scan(const char *text, size_t len, const char *name,
	    struct cal_lines *m, char **cause);
/* Pairs libical's components (pre-order under root) with the text's. */
void	cal_lines_bind(struct cal_lines *m, icalcomponent *root);
/* Line of c's BEGIN, or 0 when unknown. */
int	cal_lines_comp(const struct cal_lines *m, icalcomponent *c);
/*
 * Line of the nth (from 0) property called pname in c, else c's BEGIN
 * line, else 0.
 */
int	cal_lines_prop(const struct cal_lines *m, icalcomponent *c,
	    const char *pname, size_t nth);
void	cal_lines_release(struct cal_lines *m);

/* One expansion (cal_expand.c). */

struct cal_ctx {
	const char *name;
	const struct cal_expand_opts *o;
	icaltimezone *owner;		/* for floating and DATE values */
	struct cal_lines lines;
	struct cal_busy_list *out;
	size_t	 steps;			/* recurrence steps so far */
	size_t	 emitted;		/* intervals appended so far */
	char	**cause;
	icaltimezone *tz_file;		/* the last VTIMEZONE zone shared */
	icaltimezone *tz_shared;	/* and its shared twin */
};

/*
 * Makes msg one line, in place, as SPEC section 1 wants every error:
 * control characters, which quoted text from the file may hold (a bare
 * CR, a tab, an escape sequence), become '?'.  Returns msg.
 */
char	*cal_one_line(char *msg);
/*
 * Fills *x->cause (once) with "name:line: message" (line 0: "name:
 * message"), made one line, and returns IOP_EINPUT.
 */
int	cal_fail(struct cal_ctx *x, int line, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* Line of property p (its kind's nth occurrence) in c, or c's line. */
int	cal_prop_line(struct cal_ctx *x, icalcomponent *c, icalproperty *p);
/*
 * Appends [start, end) to the output when it overlaps the window;
 * IOP_EINPUT past CAL_MAX_INSTANCES.
 */
int	cal_emit(struct cal_ctx *x, int64_t start, int64_t end,
	    const char *uid, const char *summary);

/* Time values of properties (cal_when.c). */

/* A resolved DATE or DATE-TIME value. */
struct cal_when {
	int64_t	 wall;			/* local wall seconds in zone */
	int64_t	 utc;
	icaltimezone *zone;		/* UTC, TZID's, or the owner's */
	bool	 is_date;
};

/* A length: nominal days (local midnight to midnight) plus exact seconds. */
struct cal_dur {
	int64_t	 days;
	int64_t	 secs;
};

/*
 * Resolves t, the value of property p of comp (TZID through the
 * VCALENDAR's VTIMEZONE, else the system zone; floating and DATE in the
 * owner's zone), checking that it is a real date and time.
 */
int	cal_when_get(struct cal_ctx *x, icalcomponent *comp, icalproperty *p,
	    struct icaltimetype t, struct cal_when *w);
/* The same instant as w's wall time shifted by wall seconds. */
struct cal_when cal_when_at(const struct cal_when *w, int64_t wall);
/* End (UTC) of an instance starting at start that lasts d. */
int64_t	cal_dur_end(const struct cal_when *start, const struct cal_dur *d);
/* True when a and b name the same instance (by day when one is a DATE). */
bool	cal_when_same(const struct cal_when *a, const struct cal_when *b);

/* Shared VTIMEZONE zones (cal_tzshare.c). */

/*
 * The process-wide zone of the same VTIMEZONE text as z, a zone of the
 * file being read, so that libical works out its transitions once for
 * all files; z itself when no more can be kept.  Owned by the module.
 */
icaltimezone	*cal_tz_shared(struct cal_ctx *x, icaltimezone *z);

/* Events (cal_event.c). */

struct cal_rdate {
	struct cal_when at;
	bool	 has_end;		/* a PERIOD */
	int64_t	 end;			/* UTC */
};

struct cal_event {
	icalcomponent *comp;
	const char *uid;		/* libical's; may be NULL */
	const char *summary;
	struct cal_when start;
	struct cal_dur dur;
	bool	 has_end;		/* DTEND or DURATION given */
	bool	 busy;			/* after STATUS and TRANSP */
	bool	 has_rrule;
	struct icalrecurrencetype rrule;	/* without COUNT and UNTIL */
	int	 count;			/* 0: none */
	bool	 has_until;
	struct cal_when until;
	icalproperty *rrule_prop;
	struct cal_rdate *rdates;
	size_t	 nrdates;
	struct cal_when *exdates;
	size_t	 nexdates;
	bool	 has_rid;		/* an override */
	struct cal_when rid;
	bool	 future;		/* RANGE=THISANDFUTURE */
};

/* Reads and checks VEVENT comp into *e; cal_event_release frees it. */
int	cal_event_read(struct cal_ctx *x, icalcomponent *comp,
	    struct cal_event *e);
void	cal_event_release(struct cal_event *e);

/* Recurrences (cal_recur.c). */

/*
 * Emits the instances of master m (NULL: none) that no override in ovr
 * (n of them, same UID) replaces, and, when emit_overrides, the
 * overrides themselves.
 */
int	cal_recur_expand(struct cal_ctx *x, const struct cal_event *m,
	    struct cal_event *const *ovr, size_t n, bool emit_overrides);

/* VFREEBUSY (cal_freebusy.c). */

/* Emits the busy FREEBUSY periods of VFREEBUSY comp. */
int	cal_freebusy_expand(struct cal_ctx *x, icalcomponent *comp);

#endif
