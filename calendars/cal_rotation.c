/*
 * Standard shift rotations, written as iCalendar with RRULEs (the
 * `rotation` command).  Cycle day 1 is the start date; the weekly patterns
 * follow the calendar week instead.  S is the shift start: the pattern's
 * default below, which the command overrides with --start's time or
 * --shift-start.
 *
 * pattern  cycle  shifts start on cycle days          S      length  --hours
 * -------  -----  ----------------------------------  -----  ------  -------
 * 24/48     3     1                                   07:00  24 h    no
 * 48/96     6     1 (one shift over days 1-2)         07:00  48 h    no
 * kelly     9     1, 3, 5                             07:00  24 h    no
 * pitman   14     1-2, 5-7, 10-11 (2-2-3)             07:00  12 h    yes
 * dupont   28     nights 1-4, 12-14 at S;             19:00  12 h    no
 *                 days 8-10, 18-21 at S + 12 h (07:00)
 * 4on4off   8     1-4                                 07:00  12 h    yes
 * panama   28     days 1-2, 5-7, 10-11 at S;          07:00  12 h    no
 *                 nights 15-16, 19-21, 24-25 at S + 12 h (19:00)
 *                 (the 2-2-3 of pitman, rotating days and nights)
 * 4x10     week   Monday-Thursday                     07:00  10 h    yes
 * 5x8      week   Monday-Friday                       08:00   8 h    yes
 *
 * Every shift runs from S to S + length on the local clock, so a 07:00
 * shift ends at 07:00 and a 19:00-07:00 night shift at 07:00 even across a
 * DST change (then lasting 23 or 25, or 11 or 13, real hours).  A length
 * of whole days (24 h, 48 h, --hours 24) is written as a nominal DURATION
 * (P1D, P2D), which means exactly that; any other length is an exact
 * DURATION (PT12H), and each shift that a DST change lengthens or
 * shortens gets an override (RECURRENCE-ID) with its real length.
 *
 * Each on-day of the cycle is one VEVENT with FREQ=DAILY;INTERVAL=cycle
 * (a weekly pattern is one VEVENT with FREQ=WEEKLY;BYDAY) and a COUNT that
 * ends the series with the last shift starting within the weeks asked
 * for.  Nothing depends on the clock or on chance: UIDs come from the
 * pattern, the start date and the cycle day, and DTSTAMP is the first
 * shift's start in UTC, so the same arguments give the same bytes (on the
 * same zone database).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "cal_int.h"
#include "civil.h"
#include "status.h"
#include "xmalloc.h"

#define ROT_DAY_MINUTES		1440
#define ROT_OTHER_SHIFT		(12 * 60)	/* 'B' shifts start S + 12 h */
/*
 * libical writes a time after 3000 as 00000000T000000 (found by `make
 * fuzz`), and the importer reads one after 2500 through the same time 400
 * years earlier (calendars/cal_tz.c), which the VTIMEZONE written here,
 * cut to start the year before the rotation, does not cover.  So the last
 * start year is the one whose 520 weeks end within 2499.
 */
#define ROT_MIN_YEAR		1900
#define ROT_MAX_YEAR		2489

struct rot_pattern {
	const char *name;
	const char *tag;	/* the name as it appears in UIDs */
	/* Per cycle day: '-' off, 'A' a shift at S, 'B' one at S + 12 h. */
	const char *days;
	bool	 weekly;	/* days[0] is Monday, not the start date */
	int	 start;		/* default S, minutes after midnight */
	int	 minutes;	/* default length */
	bool	 fixed;		/* the length is the pattern: no --hours */
	const char *summary_a;
	const char *summary_b;
};

static const struct rot_pattern rot_patterns[] = {
	{ "24/48", "24-48", "A--", false, 420, 1440, true,
	  "24/48 shift", NULL },
	{ "48/96", "48-96", "A-----", false, 420, 2880, true,
	  "48/96 shift", NULL },
	{ "kelly", "kelly", "A-A-A----", false, 420, 1440, true,
	  "Kelly shift", NULL },
	{ "pitman", "pitman", "AA--AAA--AA---", false, 420, 720, false,
	  "Pitman shift", NULL },
	{ "dupont", "dupont", "AAAA---BBB-AAA---BBBB-------", false, 1140,
	  720, true, "DuPont night shift", "DuPont day shift" },
	{ "4on4off", "4on4off", "AAAA----", false, 420, 720, false,
	  "4-on 4-off shift", NULL },
	{ "panama", "panama", "AA--AAA--AA---BB--BBB--BB---", false, 420, 720,
	  true, "Panama day shift", "Panama night shift" },
	{ "4x10", "4x10", "AAAA---", true, 420, 600, false,
	  "4x10 shift", NULL },
	{ "5x8", "5x8", "AAAAA--", true, 480, 480, false,
	  "5x8 shift", NULL },
};

#define ROT_NPATTERNS	(sizeof rot_patterns / sizeof rot_patterns[0])
#define ROT_NAMES	"24/48, 48/96, kelly, pitman, dupont, 4on4off, " \
			"panama, 4x10, 5x8"

/* One rotation being written. */
struct rot_build {
	const struct cal_rotation *r;
	const struct rot_pattern *p;
	icaltimezone *zone;		/* NULL: UTC */
	int	 start;			/* S, minutes after midnight */
	int	 minutes;		/* length of a shift */
	struct icaldurationtype length;
	struct icaltimetype stamp;	/* DTSTAMP */
	icalcomponent *cal;
};

/* One VEVENT and its RRULE: shifts from day at minute after midnight. */
struct rot_series {
	int64_t	 day;
	int	 minute;
	const char *summary;
	char	 which[16];		/* the UID's last part */
	char	*uid;
	struct icalrecurrencetype rule;
};

static const struct rot_pattern *
rot_find(const char *name)
{
	for (size_t i = 0; i < ROT_NPATTERNS; i++)
		if (name != NULL && strcmp(rot_patterns[i].name, name) == 0)
			return &rot_patterns[i];
	return NULL;
}

static int
rot_usage(char **cause, char *msg)
{
	*cause = msg;
	return IOP_EUSAGE;
}

/*
 * Checks r against the pattern table and sets b->p.  IOP_EUSAGE with
 * *cause on the first bad field.
 */
static int
rot_check(const struct cal_rotation *r, struct rot_build *b, char **cause)
{
	int y, m, d;

	if ((b->p = rot_find(r->pattern)) == NULL)
		return rot_usage(cause, xasprintf("unknown rotation pattern "
		    "'%s' (one of " ROT_NAMES ")", r->pattern != NULL ?
		    r->pattern : ""));
	if (cal_tz_load(r->zone) == NULL)
		return rot_usage(cause, xasprintf("unknown time zone '%s'",
		    r->zone != NULL ? r->zone : ""));
	if (r->weeks < 1 || r->weeks > CAL_ROTATION_MAX_WEEKS)
		return rot_usage(cause, xasprintf("weeks must be from 1 to "
		    "%d, not %d", CAL_ROTATION_MAX_WEEKS, r->weeks));
	civil_from_days(r->start_day, &y, &m, &d);
	if (y < ROT_MIN_YEAR || y > ROT_MAX_YEAR)
		return rot_usage(cause, xasprintf("the start year must be "
		    "from %d to %d", ROT_MIN_YEAR, ROT_MAX_YEAR));
	if (r->shift_start < -1 || r->shift_start >= ROT_DAY_MINUTES)
		return rot_usage(cause, xasprintf("a shift starts from 00:00 "
		    "to 23:59"));
	if (r->shift_minutes != 0 && b->p->fixed)
		return rot_usage(cause, xasprintf("pattern '%s' has fixed "
		    "shift lengths and takes no --hours", b->p->name));
	if (r->shift_minutes < 0 || r->shift_minutes > ROT_DAY_MINUTES)
		return rot_usage(cause, xasprintf("a shift lasts more than 0 "
		    "and at most 24 hours"));
	return 0;
}

/*
 * Fills b's zone, shift start and length from r and the pattern: whole
 * days as a nominal DURATION, anything else as exact hours and minutes.
 */
static void
rot_setup(const struct cal_rotation *r, struct rot_build *b)
{
	b->zone = strcmp(r->zone, "UTC") == 0 ? NULL : cal_tz_load(r->zone);
	b->start = r->shift_start >= 0 ? r->shift_start : b->p->start;
	b->minutes = r->shift_minutes != 0 ? r->shift_minutes :
	    b->p->minutes;
	b->length = icaldurationtype_null_duration();
	if (b->minutes % ROT_DAY_MINUTES == 0)
		b->length.days = (unsigned int)(b->minutes / ROT_DAY_MINUTES);
	else {
		b->length.hours = (unsigned int)(b->minutes / 60);
		b->length.minutes = (unsigned int)(b->minutes % 60);
	}
}

/* UTC seconds of local wall seconds in b's zone. */
static int64_t
rot_utc(const struct rot_build *b, int64_t wall)
{
	return b->zone == NULL ? wall : cal_tz_local_to_utc(b->zone, wall);
}

/*
 * The system zone's VTIMEZONE (a copy the caller owns) cut to observances
 * from January of the year before the start, with the plain Olson name as
 * its TZID instead of libical's prefixed one.
 */
static icalcomponent *
rot_vtimezone(const struct rot_build *b)
{
	icalcomponent *vtz;
	icalproperty *tzid;
	struct icaltimetype from;
	int y, m, d;

	vtz = icalcomponent_new_clone(icaltimezone_get_component(b->zone));
	if (vtz == NULL)
		return NULL;
	civil_from_days(b->r->start_day, &y, &m, &d);
	from = cal_tt_from_utc(civil_days(y - 1, 1, 1) * CAL_DAY);
	icaltimezone_truncate_vtimezone(vtz, from, icaltime_null_time(), 0);
	tzid = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY);
	if (tzid != NULL)
		icalproperty_set_tzid(tzid, b->r->zone);
	return vtz;
}

/* A date-time property at local wall seconds: TZID and a local value. */
static icalproperty *
rot_time(const struct rot_build *b, icalproperty *(*make)(
    struct icaltimetype), int64_t wall)
{
	icalproperty *prop;

	if (b->zone == NULL)
		return make(cal_tt_from_utc(wall));
	prop = make(cal_tt_from_wall(wall, false));
	icalproperty_add_parameter(prop, icalparameter_new_tzid(b->r->zone));
	return prop;
}

/* A new VEVENT with the series' UID, DTSTAMP and DTSTART. */
static icalcomponent *
rot_vevent(const struct rot_build *b, const struct rot_series *s,
    int64_t wall)
{
	icalcomponent *ev = icalcomponent_new_vevent();

	icalcomponent_add_property(ev, icalproperty_new_uid(s->uid));
	icalcomponent_add_property(ev, icalproperty_new_dtstamp(b->stamp));
	icalcomponent_add_property(ev, rot_time(b, icalproperty_new_dtstart,
	    wall));
	return ev;
}

/* The day of the series' shift after the one on day. */
static int64_t
rot_next_day(const struct rot_build *b, int64_t day)
{
	if (!b->p->weekly)
		return day + (int64_t)strlen(b->p->days);
	do
		day++;
	while (b->p->days[civil_weekday(day)] == '-');
	return day;
}

/*
 * A shift of exact length ends on the local clock at S + length only when
 * no DST change falls inside it: each one that has one gets an override
 * (RECURRENCE-ID) that lasts until that wall time, 11 or 13 hours for a
 * 12-hour night shift.
 */
static void
rot_wall_ends(struct rot_build *b, const struct rot_series *s)
{
	struct icaldurationtype d;
	icalcomponent *ev;
	int64_t day = s->day, wall, start, end;

	for (int i = 0; i < s->rule.count; i++, day = rot_next_day(b, day)) {
		wall = day * CAL_DAY + (int64_t)s->minute * 60;
		start = rot_utc(b, wall);
		end = rot_utc(b, wall + (int64_t)b->minutes * 60);
		if (end - start == (int64_t)b->minutes * 60)
			continue;
		ev = rot_vevent(b, s, wall);
		icalcomponent_add_property(ev, rot_time(b,
		    icalproperty_new_recurrenceid, wall));
		d = icaldurationtype_null_duration();
		d.hours = (unsigned int)((end - start) / 3600);
		d.minutes = (unsigned int)((end - start) / 60 % 60);
		icalcomponent_add_property(ev, icalproperty_new_duration(d));
		icalcomponent_add_property(ev,
		    icalproperty_new_summary(s->summary));
		icalcomponent_add_component(b->cal, ev);
	}
}

/*
 * Adds the VEVENT of series s, with a UID made of the pattern, the start
 * date and s->which, and the overrides its DST changes need.
 */
static void
rot_series(struct rot_build *b, struct rot_series *s)
{
	icalcomponent *ev;
	char date[11];

	civil_format_date(b->r->start_day, date);
	s->uid = xasprintf("rotation-%s-%.4s%.2s%.2s-%s@iopsched", b->p->tag,
	    date, date + 5, date + 8, s->which);
	ev = rot_vevent(b, s, s->day * CAL_DAY + (int64_t)s->minute * 60);
	icalcomponent_add_property(ev, icalproperty_new_duration(b->length));
	icalcomponent_add_property(ev, icalproperty_new_rrule(s->rule));
	icalcomponent_add_property(ev, icalproperty_new_summary(s->summary));
	icalcomponent_add_component(b->cal, ev);
	if (b->minutes % ROT_DAY_MINUTES != 0)
		rot_wall_ends(b, s);
	free(s->uid);
}

/*
 * One series per on-day k (0-based) of the cycle: every cycle days from
 * the start date + k, as many times as a shift starts in the weeks.
 */
static void
rot_cycle_events(struct rot_build *b)
{
	const struct rot_pattern *p = b->p;
	int cycle = (int)strlen(p->days), span = 7 * b->r->weeks;
	struct rot_series s;

	for (int k = 0; k < cycle && k < span; k++) {
		if (p->days[k] == '-')
			continue;
		memset(&s, 0, sizeof s);
		icalrecurrencetype_clear(&s.rule);
		s.rule.freq = ICAL_DAILY_RECURRENCE;
		s.rule.interval = (short)cycle;
		s.rule.count = (span - k + cycle - 1) / cycle;
		snprintf(s.which, sizeof s.which, "day%d", k + 1);
		s.day = b->r->start_day + k;
		s.minute = b->start;
		s.summary = p->summary_a;
		if (p->days[k] == 'B') {
			s.minute = (b->start + ROT_OTHER_SHIFT) %
			    ROT_DAY_MINUTES;
			s.summary = p->summary_b;
		}
		rot_series(b, &s);
	}
}

/*
 * One series on the pattern's weekdays, from the first of them on or
 * after the start date: N weeks hold each weekday N times.
 */
static void
rot_weekly_event(struct rot_build *b)
{
	static const icalrecurrencetype_weekday wd[7] = {
		ICAL_MONDAY_WEEKDAY, ICAL_TUESDAY_WEEKDAY,
		ICAL_WEDNESDAY_WEEKDAY, ICAL_THURSDAY_WEEKDAY,
		ICAL_FRIDAY_WEEKDAY, ICAL_SATURDAY_WEEKDAY, ICAL_SUNDAY_WEEKDAY
	};
	const struct rot_pattern *p = b->p;
	struct rot_series s;
	int n = 0;

	memset(&s, 0, sizeof s);
	icalrecurrencetype_clear(&s.rule);
	s.rule.freq = ICAL_WEEKLY_RECURRENCE;
	for (int i = 0; i < 7; i++)
		if (p->days[i] != '-')
			s.rule.by_day[n++] = (short)wd[i];
	s.rule.count = n * b->r->weeks;
	s.day = b->r->start_day;
	while (p->days[civil_weekday(s.day)] == '-')
		s.day++;
	s.minute = b->start;
	s.summary = p->summary_a;
	snprintf(s.which, sizeof s.which, "week");
	rot_series(b, &s);
}

int
cal_rotation_write(const struct cal_rotation *r, char **text, char **cause)
{
	struct rot_build b = { 0 };
	icalcomponent *vtz;
	int rc;

	*text = NULL;
	b.r = r;
	if ((rc = rot_check(r, &b, cause)) != 0)
		return rc;
	rot_setup(r, &b);
	b.stamp = cal_tt_from_utc(rot_utc(&b,
	    r->start_day * CAL_DAY + (int64_t)b.start * 60));
	b.cal = icalcomponent_new_vcalendar();
	icalcomponent_add_property(b.cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(b.cal,
	    icalproperty_new_prodid("-//iopsched//rotation//EN"));
	icalcomponent_add_property(b.cal,
	    icalproperty_new_calscale("GREGORIAN"));
	if (b.zone != NULL) {
		if ((vtz = rot_vtimezone(&b)) == NULL) {
			rc = IOP_EINTERNAL;
			*cause = xasprintf("no VTIMEZONE for '%s'", r->zone);
			goto out;
		}
		icalcomponent_add_component(b.cal, vtz);
	}
	if (b.p->weekly)
		rot_weekly_event(&b);
	else
		rot_cycle_events(&b);
	if ((*text = icalcomponent_as_ical_string_r(b.cal)) == NULL) {
		rc = IOP_EINTERNAL;
		*cause = xasprintf("libical could not write the calendar");
	}
out:
	icalcomponent_free(b.cal);
	return rc;
}
