/*
 * Unit tests of calendars/: time zones, file reading, and the expansion
 * of iCalendar into busy intervals (SPEC section 3), each against exact
 * UTC intervals.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libical/ical.h>

#include "cal.h"
#include "civil.h"
#include "status.h"

#define CRLF "\r\n"
#define HEAD "BEGIN:VCALENDAR" CRLF "VERSION:2.0" CRLF "PRODID:-//t//t//EN" CRLF
#define TAIL "END:VCALENDAR" CRLF
#define EV(body) "BEGIN:VEVENT" CRLF body "END:VEVENT" CRLF

/* UTC seconds of "YYYY-MM-DDTHH:MM:SSZ". */
static int64_t
utc(const char *s)
{
	int y, mo, d, h, mi, se;

	assert_int_equal(sscanf(s, "%d-%d-%dT%d:%d:%dZ", &y, &mo, &d, &h, &mi,
	    &se), 6);
	return civil_days(y, mo, d) * 86400 + h * 3600 + mi * 60 + se;
}

struct run {
	struct cal_busy_list l;
	char	*cause;
	int	 ret;
};

/* Expands text in [from, to) for an owner in zone. */
static void
run_opts(struct run *r, const char *text, const char *zone, bool transp,
    const char *from, const char *to)
{
	struct cal_expand_opts o = { utc(from), utc(to), zone, transp };

	memset(r, 0, sizeof *r);
	r->ret = cal_expand_text(text, strlen(text), "t.ics", &o, &r->l,
	    &r->cause);
}

static void
run(struct run *r, const char *text)
{
	run_opts(r, text, "America/Chicago", false, "1990-01-01T00:00:00Z",
	    "2040-01-01T00:00:00Z");
}

static void
run_free(struct run *r)
{
	cal_busy_list_release(&r->l);
	free(r->cause);
}

/*
 * Checks that r holds exactly the intervals given as pairs of UTC
 * strings, NULL-terminated.
 */
static void
expect(struct run *r, ...)
{
	va_list ap;
	const char *s, *e;
	size_t i = 0;

	if (r->ret != 0)
		fail_msg("expansion failed: %s", r->cause);
	va_start(ap, r);
	while ((s = va_arg(ap, const char *)) != NULL) {
		e = va_arg(ap, const char *);
		if (i >= r->l.n)
			fail_msg("only %zu intervals, expected %s", r->l.n, s);
		if (r->l.v[i].start != utc(s) || r->l.v[i].end != utc(e)) {
			char b1[32], b2[32];

			cal_format_rfc3339(NULL, r->l.v[i].start, b1, NULL);
			cal_format_rfc3339(NULL, r->l.v[i].end, b2, NULL);
			fail_msg("interval %zu is %s..%s, expected %s..%s", i,
			    b1, b2, s, e);
		}
		i++;
	}
	va_end(ap);
	assert_int_equal(r->l.n, i);
}

/* Expects IOP_EINPUT with a cause that starts with prefix. */
static void
expect_invalid(const char *text, const char *prefix)
{
	struct run r;

	run(&r, text);
	assert_int_equal(r.ret, IOP_EINPUT);
	assert_non_null(r.cause);
	if (strncmp(r.cause, prefix, strlen(prefix)) != 0)
		fail_msg("cause '%s' does not start with '%s'", r.cause,
		    prefix);
	assert_null(strchr(r.cause, '\n'));
	assert_int_equal(r.l.n, 0);
	run_free(&r);
}

/* Time zones. */

static void
tz_local_to_utc_ordinary_gap_and_fold(void **state)
{
	int64_t u, d = civil_days(2026, 3, 8), f = civil_days(2026, 11, 1);
	char *cause = NULL;

	(void)state;
	assert_int_equal(cal_local_to_utc("America/Chicago", d, 3600, &u,
	    &cause), 0);
	assert_int_equal(u, utc("2026-03-08T07:00:00Z"));
	/* 02:30 does not exist: it moves forward by the gap, to 03:30 CDT. */
	assert_int_equal(cal_local_to_utc("America/Chicago", d, 9000, &u,
	    &cause), 0);
	assert_int_equal(u, utc("2026-03-08T08:30:00Z"));
	assert_int_equal(cal_local_to_utc("America/Chicago", d, 10800, &u,
	    &cause), 0);
	assert_int_equal(u, utc("2026-03-08T08:00:00Z"));
	/* 01:30 happens twice: the first, in CDT. */
	assert_int_equal(cal_local_to_utc("America/Chicago", f, 5400, &u,
	    &cause), 0);
	assert_int_equal(u, utc("2026-11-01T06:30:00Z"));
	assert_int_equal(cal_local_to_utc("America/Chicago", f, 9000, &u,
	    &cause), 0);
	assert_int_equal(u, utc("2026-11-01T08:30:00Z"));
	assert_int_equal(cal_local_to_utc("UTC", d, 60, &u, &cause), 0);
	assert_int_equal(u, utc("2026-03-08T00:01:00Z"));
	assert_null(cause);
}

static void
tz_offset_format_and_validity(void **state)
{
	char buf[32], *cause = NULL;
	int off;
	int64_t u;

	(void)state;
	assert_int_equal(cal_utc_offset("America/Chicago",
	    utc("2026-12-07T12:00:00Z"), &off, &cause), 0);
	assert_int_equal(off, -21600);
	assert_int_equal(cal_utc_offset("America/Chicago",
	    utc("2026-07-07T12:00:00Z"), &off, &cause), 0);
	assert_int_equal(off, -18000);
	assert_int_equal(cal_format_rfc3339("America/Chicago",
	    utc("2026-12-08T00:00:00Z"), buf, &cause), 0);
	assert_string_equal(buf, "2026-12-07T18:00:00-06:00");
	assert_int_equal(cal_format_rfc3339("Asia/Kolkata",
	    utc("2026-12-08T00:00:00Z"), buf, &cause), 0);
	assert_string_equal(buf, "2026-12-08T05:30:00+05:30");
	assert_int_equal(cal_format_rfc3339("UTC", utc("2026-12-08T00:00:00Z"),
	    buf, &cause), 0);
	assert_string_equal(buf, "2026-12-08T00:00:00Z");
	assert_int_equal(cal_format_rfc3339(NULL, 0, buf, &cause), 0);
	assert_string_equal(buf, "1970-01-01T00:00:00Z");
	assert_true(cal_zone_valid("UTC"));
	assert_true(cal_zone_valid("Europe/Berlin"));
	assert_false(cal_zone_valid("Central Standard Time"));
	assert_false(cal_zone_valid(""));
	assert_null(cause);
	assert_int_equal(cal_local_to_utc("Mars/Olympus", 0, 0, &u, &cause),
	    IOP_EINPUT);
	assert_non_null(strstr(cause, "Mars/Olympus"));
	free(cause);
}

/* Reading files. */

static void
read_file_missing_directory_big_and_ok(void **state)
{
	char path[] = "/tmp/test_calendarsXXXXXX", *text, *cause = NULL;
	size_t len;
	int fd;

	(void)state;
	assert_int_equal(cal_read_file("/nonexistent/x.ics", &text, &len,
	    &cause), IOP_ENOFILE);
	assert_non_null(strstr(cause, "'/nonexistent/x.ics'"));
	free(cause);
	cause = NULL;
	assert_int_equal(cal_read_file("/tmp", &text, &len, &cause),
	    IOP_ENOFILE);
	assert_non_null(strstr(cause, "'/tmp'"));
	free(cause);
	cause = NULL;
	assert_true((fd = mkstemp(path)) >= 0);
	assert_int_equal(write(fd, "BEGIN:VCALENDAR\n", 16), 16);
	assert_int_equal(cal_read_file(path, &text, &len, &cause), 0);
	assert_int_equal(len, 16);
	assert_string_equal(text, "BEGIN:VCALENDAR\n");
	free(text);
	assert_int_equal(ftruncate(fd, CAL_MAX_FILE_BYTES + 1), 0);
	assert_int_equal(cal_read_file(path, &text, &len, &cause),
	    IOP_EINPUT);
	assert_non_null(strstr(cause, path));
	free(cause);
	close(fd);
	unlink(path);
}

/* Daylight saving time. */

static void
daily_local_time_stays_local_across_dst(void **state)
{
	struct run r;

	(void)state;
	run_opts(&r, HEAD EV("UID:d" CRLF
	    "DTSTART;TZID=America/Chicago:20260307T070000" CRLF
	    "DTEND;TZID=America/Chicago:20260307T190000" CRLF
	    "RRULE:FREQ=DAILY" CRLF) TAIL, "UTC", false,
	    "2026-03-07T00:00:00Z", "2026-03-10T00:00:00Z");
	expect(&r, "2026-03-07T13:00:00Z", "2026-03-08T01:00:00Z",
	    "2026-03-08T12:00:00Z", "2026-03-09T00:00:00Z",
	    "2026-03-09T12:00:00Z", "2026-03-10T00:00:00Z", NULL);
	run_free(&r);
	run_opts(&r, HEAD EV("UID:d" CRLF
	    "DTSTART;TZID=America/Chicago:20260307T070000" CRLF
	    "DTEND;TZID=America/Chicago:20260307T190000" CRLF
	    "RRULE:FREQ=DAILY" CRLF) TAIL, "UTC", false,
	    "2026-10-31T00:00:00Z", "2026-11-03T00:00:00Z");
	expect(&r, "2026-10-31T12:00:00Z", "2026-11-01T00:00:00Z",
	    "2026-11-01T13:00:00Z", "2026-11-02T01:00:00Z",
	    "2026-11-02T13:00:00Z", "2026-11-03T01:00:00Z", NULL);
	run_free(&r);
}

static void
daily_time_in_gap_moves_on_gap_day_only(void **state)
{
	struct run r;

	(void)state;
	run_opts(&r, HEAD EV("UID:g" CRLF
	    "DTSTART;TZID=America/Chicago:20260306T023000" CRLF
	    "DURATION:PT1H" CRLF "RRULE:FREQ=DAILY" CRLF) TAIL, "UTC", false,
	    "2026-03-07T00:00:00Z", "2026-03-10T00:00:00Z");
	expect(&r, "2026-03-07T08:30:00Z", "2026-03-07T09:30:00Z",
	    "2026-03-08T08:30:00Z", "2026-03-08T09:30:00Z",
	    "2026-03-09T07:30:00Z", "2026-03-09T08:30:00Z", NULL);
	run_free(&r);
}

static void
duration_days_nominal_hours_exact(void **state)
{
	struct run r;

	(void)state;
	run_opts(&r, HEAD EV("UID:p" CRLF
	    "DTSTART;TZID=America/Chicago:20260307T120000" CRLF
	    "DURATION:P1D" CRLF) EV("UID:q" CRLF
	    "DTSTART;TZID=America/Chicago:20261031T120000" CRLF
	    "DURATION:P1DT1H" CRLF) EV("UID:h" CRLF
	    "DTSTART;TZID=America/Chicago:20260307T130000" CRLF
	    "DURATION:PT24H" CRLF) TAIL, "UTC", false,
	    "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
	/* 23 h, 24 h exact, and 25 h + 1 h. */
	expect(&r, "2026-03-07T18:00:00Z", "2026-03-08T17:00:00Z",
	    "2026-03-07T19:00:00Z", "2026-03-08T19:00:00Z",
	    "2026-10-31T17:00:00Z", "2026-11-01T19:00:00Z", NULL);
	run_free(&r);
}

static void
dtend_length_is_exact_for_every_instance(void **state)
{
	struct run r;

	(void)state;
	/* 22:00 to 10:00 is 12 h; the instance across the change too. */
	run_opts(&r, HEAD EV("UID:n" CRLF
	    "DTSTART;TZID=America/Chicago:20260306T220000" CRLF
	    "DTEND;TZID=America/Chicago:20260307T100000" CRLF
	    "RRULE:FREQ=DAILY;COUNT=3" CRLF) TAIL, "UTC", false,
	    "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z");
	expect(&r, "2026-03-07T04:00:00Z", "2026-03-07T16:00:00Z",
	    "2026-03-08T04:00:00Z", "2026-03-08T16:00:00Z",
	    "2026-03-09T03:00:00Z", "2026-03-09T15:00:00Z", NULL);
	run_free(&r);
}

/* RRULE, COUNT, UNTIL and DTSTART. */

static void
until_in_utc_against_zoned_start_is_inclusive(void **state)
{
	struct run r;

	(void)state;
	run(&r, HEAD EV("UID:u" CRLF
	    "DTSTART;TZID=America/Chicago:20261207T180000" CRLF
	    "DURATION:PT3H" CRLF
	    "RRULE:FREQ=DAILY;UNTIL=20261209T000000Z" CRLF) TAIL);
	expect(&r, "2026-12-08T00:00:00Z", "2026-12-08T03:00:00Z",
	    "2026-12-09T00:00:00Z", "2026-12-09T03:00:00Z", NULL);
	run_free(&r);
}

static void
dtstart_is_first_instance_and_counts(void **state)
{
	struct run r;

	(void)state;
	/* 2026-12-08 is a Tuesday; the rule says Mondays. */
	run(&r, HEAD EV("UID:s" CRLF "DTSTART:20261208T100000Z" CRLF
	    "DURATION:PT1H" CRLF "RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3" CRLF)
	    TAIL);
	expect(&r, "2026-12-08T10:00:00Z", "2026-12-08T11:00:00Z",
	    "2026-12-14T10:00:00Z", "2026-12-14T11:00:00Z",
	    "2026-12-21T10:00:00Z", "2026-12-21T11:00:00Z", NULL);
	run_free(&r);
}

/*
 * BYSETPOS picks the last workday of each month, checked in 2026 far from
 * DTSTART so the iterator jumps ahead (the RFC's own vectors, with their
 * 1997 dates, are in test_rfc5545.c).
 */
static void
last_workday_of_month_far_from_dtstart(void **state)
{
	struct run r;

	(void)state;
	run_opts(&r, HEAD EV("UID:r4" CRLF
	    "DTSTART;TZID=America/New_York:19970930T090000" CRLF
	    "RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1" CRLF) TAIL,
	    "UTC", false, "2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z");
	expect(&r, "2026-01-30T14:00:00Z", "2026-01-30T14:00:00Z",
	    "2026-02-27T14:00:00Z", "2026-02-27T14:00:00Z",
	    "2026-03-31T13:00:00Z", "2026-03-31T13:00:00Z",
	    "2026-04-30T13:00:00Z", "2026-04-30T13:00:00Z",
	    "2026-05-29T13:00:00Z", "2026-05-29T13:00:00Z", NULL);
	run_free(&r);
}

static const char *const jump_rules[] = {
	"FREQ=MONTHLY;INTERVAL=5;BYDAY=2TU,-1FR",
	"FREQ=WEEKLY;INTERVAL=3;BYDAY=TU,SA",
	"FREQ=DAILY;INTERVAL=3",
	"FREQ=DAILY;BYHOUR=7,19",
	"FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
	"FREQ=HOURLY;INTERVAL=6",
	"FREQ=HOURLY;INTERVAL=5",
};

/* Expands rule in a window years after DTSTART with and without COUNT. */
static void
jump_matches_walk(const char *rule)
{
	char a[512], b[512];
	struct run r, c;
	size_t i;

	snprintf(a, sizeof a, HEAD EV("UID:j" CRLF
	    "DTSTART;TZID=America/Chicago:20200103T070000" CRLF
	    "DURATION:PT2H" CRLF "RRULE:%s" CRLF) TAIL, rule);
	snprintf(b, sizeof b, HEAD EV("UID:j" CRLF
	    "DTSTART;TZID=America/Chicago:20200103T070000" CRLF
	    "DURATION:PT2H" CRLF "RRULE:%s;COUNT=90000" CRLF) TAIL, rule);
	run_opts(&r, a, "UTC", false, "2026-01-01T00:00:00Z",
	    "2027-01-01T00:00:00Z");
	run_opts(&c, b, "UTC", false, "2026-01-01T00:00:00Z",
	    "2027-01-01T00:00:00Z");
	assert_int_equal(r.ret, 0);
	assert_int_equal(c.ret, 0);
	if (r.l.n != c.l.n || r.l.n == 0)
		fail_msg("%s: %zu instances, %zu walked", rule, r.l.n, c.l.n);
	for (i = 0; i < r.l.n; i++)
		assert_int_equal(r.l.v[i].start, c.l.v[i].start);
	run_free(&r);
	run_free(&c);
}

static void
old_rule_jumps_to_window_in_phase(void **state)
{
	struct run r;
	size_t i;

	(void)state;
	/* Every other week since 2001; 2026-12-07 is out of phase. */
	run_opts(&r, HEAD EV("UID:j" CRLF
	    "DTSTART;TZID=America/Chicago:20010101T070000" CRLF
	    "DURATION:PT12H" CRLF "RRULE:FREQ=WEEKLY;INTERVAL=2" CRLF) TAIL,
	    "UTC", false, "2026-12-02T00:00:00Z", "2026-12-29T00:00:00Z");
	expect(&r, "2026-12-14T13:00:00Z", "2026-12-15T01:00:00Z",
	    "2026-12-28T13:00:00Z", "2026-12-29T01:00:00Z", NULL);
	run_free(&r);
	/* Rules with a COUNT are walked from DTSTART: same answers. */
	for (i = 0; i < sizeof jump_rules / sizeof *jump_rules; i++)
		jump_matches_walk(jump_rules[i]);
}

/* RDATE, EXDATE and overrides. */

static void
rdate_tzid_date_and_period(void **state)
{
	struct run r;

	(void)state;
	run(&r, HEAD EV("UID:rd" CRLF
	    "DTSTART;TZID=America/Chicago:20261207T180000" CRLF
	    "DURATION:PT3H" CRLF
	    "RDATE;TZID=America/Chicago:20261209T180000,20261210T190000" CRLF
	    "RDATE;VALUE=PERIOD:20261212T150000Z/20261212T160000Z" CRLF) TAIL);
	expect(&r, "2026-12-08T00:00:00Z", "2026-12-08T03:00:00Z",
	    "2026-12-10T00:00:00Z", "2026-12-10T03:00:00Z",
	    "2026-12-11T01:00:00Z", "2026-12-11T04:00:00Z",
	    "2026-12-12T15:00:00Z", "2026-12-12T16:00:00Z", NULL);
	run_free(&r);
	run(&r, HEAD EV("UID:rdd" CRLF "DTSTART;VALUE=DATE:20261207" CRLF
	    "RDATE;VALUE=DATE:20261209" CRLF) TAIL);
	expect(&r, "2026-12-07T06:00:00Z", "2026-12-08T06:00:00Z",
	    "2026-12-09T06:00:00Z", "2026-12-10T06:00:00Z", NULL);
	run_free(&r);
}

static void
exdate_with_tzid_removes_instance(void **state)
{
	struct run r;

	(void)state;
	run(&r, HEAD EV("UID:ex" CRLF
	    "DTSTART;TZID=America/Chicago:20261207T180000" CRLF
	    "DURATION:PT3H" CRLF "RRULE:FREQ=DAILY;COUNT=3" CRLF
	    "EXDATE;TZID=America/Chicago:20261208T180000" CRLF) TAIL);
	expect(&r, "2026-12-08T00:00:00Z", "2026-12-08T03:00:00Z",
	    "2026-12-10T00:00:00Z", "2026-12-10T03:00:00Z", NULL);
	run_free(&r);
}

#define SERIES "UID:ov" CRLF "SUMMARY:Shift" CRLF \
	"DTSTART;TZID=America/Chicago:20261207T070000" CRLF \
	"DTEND;TZID=America/Chicago:20261207T190000" CRLF \
	"RRULE:FREQ=DAILY;COUNT=4" CRLF

static void
override_moves_shortens_and_cancels(void **state)
{
	struct run r;

	(void)state;
	run(&r, HEAD EV(SERIES) EV("UID:ov" CRLF "SUMMARY:Moved" CRLF
	    "RECURRENCE-ID;TZID=America/Chicago:20261208T070000" CRLF
	    "DTSTART;TZID=America/Chicago:20261208T090000" CRLF
	    "DTEND;TZID=America/Chicago:20261208T120000" CRLF)
	    EV("UID:ov" CRLF "STATUS:CANCELLED" CRLF
	    "RECURRENCE-ID;TZID=America/Chicago:20261209T070000" CRLF
	    "DTSTART;TZID=America/Chicago:20261209T070000" CRLF) TAIL);
	expect(&r, "2026-12-07T13:00:00Z", "2026-12-08T01:00:00Z",
	    "2026-12-08T15:00:00Z", "2026-12-08T18:00:00Z",
	    "2026-12-10T13:00:00Z", "2026-12-11T01:00:00Z", NULL);
	assert_string_equal(r.l.v[1].summary, "Moved");
	assert_string_equal(r.l.v[1].uid, "ov");
	run_free(&r);
}

static void
thisandfuture_shifts_later_instances(void **state)
{
	struct run r;

	(void)state;
	run(&r, HEAD EV(SERIES) EV("UID:ov" CRLF
	    "RECURRENCE-ID;RANGE=THISANDFUTURE;TZID=America/Chicago:"
	    "20261208T070000" CRLF
	    "DTSTART;TZID=America/Chicago:20261208T080000" CRLF
	    "DTEND;TZID=America/Chicago:20261208T100000" CRLF) TAIL);
	expect(&r, "2026-12-07T13:00:00Z", "2026-12-08T01:00:00Z",
	    "2026-12-08T14:00:00Z", "2026-12-08T16:00:00Z",
	    "2026-12-09T14:00:00Z", "2026-12-09T16:00:00Z",
	    "2026-12-10T14:00:00Z", "2026-12-10T16:00:00Z", NULL);
	run_free(&r);
}

/* All-day, floating, defaults. */

static void
all_day_covers_owner_days_across_dst(void **state)
{
	struct run r;

	(void)state;
	run(&r, HEAD EV("UID:ad" CRLF "DTSTART;VALUE=DATE:20260307" CRLF
	    "DTEND;VALUE=DATE:20260310" CRLF) EV("UID:one" CRLF
	    "DTSTART;VALUE=DATE:20261207" CRLF) TAIL);
	expect(&r, "2026-03-07T06:00:00Z", "2026-03-10T05:00:00Z",
	    "2026-12-07T06:00:00Z", "2026-12-08T06:00:00Z", NULL);
	run_free(&r);
	run_opts(&r, HEAD EV("UID:one" CRLF "DTSTART;VALUE=DATE:20261207" CRLF)
	    TAIL, "Europe/Berlin", false, "2026-01-01T00:00:00Z",
	    "2027-01-01T00:00:00Z");
	expect(&r, "2026-12-06T23:00:00Z", "2026-12-07T23:00:00Z", NULL);
	run_free(&r);
}

static void
floating_time_in_owner_zone_and_zero_length(void **state)
{
	struct run r;

	(void)state;
	run(&r, HEAD EV("UID:fl" CRLF "DTSTART:20261207T180000" CRLF
	    "DTEND:20261207T210000" CRLF) EV("UID:z" CRLF
	    "DTSTART:20261208T100000Z" CRLF) TAIL);
	expect(&r, "2026-12-08T00:00:00Z", "2026-12-08T03:00:00Z",
	    "2026-12-08T10:00:00Z", "2026-12-08T10:00:00Z", NULL);
	run_free(&r);
}

/* STATUS, TRANSP, VFREEBUSY, several VCALENDARs. */

static void
cancelled_is_free_and_transp_only_when_honored(void **state)
{
	const char *ics = HEAD EV("UID:c" CRLF "STATUS:CANCELLED" CRLF
	    "DTSTART:20261207T100000Z" CRLF "DURATION:PT1H" CRLF)
	    EV("UID:t" CRLF "TRANSP:TRANSPARENT" CRLF
	    "DTSTART:20261207T120000Z" CRLF "DURATION:PT1H" CRLF)
	    EV("UID:o" CRLF "TRANSP:OPAQUE" CRLF
	    "DTSTART:20261207T140000Z" CRLF "DURATION:PT1H" CRLF) TAIL;
	struct run r;

	(void)state;
	run_opts(&r, ics, "UTC", false, "2026-01-01T00:00:00Z",
	    "2027-01-01T00:00:00Z");
	expect(&r, "2026-12-07T12:00:00Z", "2026-12-07T13:00:00Z",
	    "2026-12-07T14:00:00Z", "2026-12-07T15:00:00Z", NULL);
	run_free(&r);
	run_opts(&r, ics, "UTC", true, "2026-01-01T00:00:00Z",
	    "2027-01-01T00:00:00Z");
	expect(&r, "2026-12-07T14:00:00Z", "2026-12-07T15:00:00Z", NULL);
	run_free(&r);
}

static void
vfreebusy_fbtypes(void **state)
{
	struct run r;

	(void)state;
	run(&r, HEAD "BEGIN:VFREEBUSY" CRLF "UID:fb" CRLF
	    "FREEBUSY:20261207T100000Z/PT1H" CRLF
	    "FREEBUSY;FBTYPE=FREE:20261207T120000Z/PT1H" CRLF
	    "FREEBUSY;FBTYPE=BUSY-TENTATIVE:20261207T140000Z/20261207T150000Z,"
	    "20261207T160000Z/PT30M" CRLF
	    "FREEBUSY;FBTYPE=BUSY-UNAVAILABLE:20261207T170000Z/PT1H" CRLF
	    "END:VFREEBUSY" CRLF TAIL);
	expect(&r, "2026-12-07T10:00:00Z", "2026-12-07T11:00:00Z",
	    "2026-12-07T14:00:00Z", "2026-12-07T15:00:00Z",
	    "2026-12-07T16:00:00Z", "2026-12-07T16:30:00Z",
	    "2026-12-07T17:00:00Z", "2026-12-07T18:00:00Z", NULL);
	assert_string_equal(r.l.v[0].uid, "fb");
	assert_null(r.l.v[0].summary);
	run_free(&r);
}

static void
two_vcalendars_lf_folding_utf8(void **state)
{
	struct run r;

	(void)state;
	run(&r, "BEGIN:VCALENDAR\nVERSION:2.0\nBEGIN:VEVENT\nUID:b\n"
	    "SUMMARY:Nachtdienst \xc3\xbc\n ber Weihnachten\n"
	    "DTSTART:20261208T\n 100000Z\nDURATION:PT1H\nEND:VEVENT\n"
	    "END:VCALENDAR\n" HEAD EV("UID:a" CRLF
	    "DTSTART:20261207T100000Z" CRLF "DURATION:PT1H" CRLF) TAIL);
	expect(&r, "2026-12-07T10:00:00Z", "2026-12-07T11:00:00Z",
	    "2026-12-08T10:00:00Z", "2026-12-08T11:00:00Z", NULL);
	assert_string_equal(r.l.v[1].summary,
	    "Nachtdienst \xc3\xbc" "ber Weihnachten");
	run_free(&r);
}

static void
file_vtimezone_is_used(void **state)
{
	struct run r;

	(void)state;
	/* A made-up zone 3 h east of UTC that only the file defines. */
	run(&r, HEAD "BEGIN:VTIMEZONE" CRLF "TZID:Custom Zone" CRLF
	    "BEGIN:STANDARD" CRLF "DTSTART:19700101T000000" CRLF
	    "TZOFFSETFROM:+0300" CRLF "TZOFFSETTO:+0300" CRLF
	    "END:STANDARD" CRLF "END:VTIMEZONE" CRLF EV("UID:v" CRLF
	    "DTSTART;TZID=Custom Zone:20261207T100000" CRLF
	    "DURATION:PT1H" CRLF) TAIL);
	expect(&r, "2026-12-07T07:00:00Z", "2026-12-07T08:00:00Z", NULL);
	run_free(&r);
}

static void
window_keeps_whole_overlapping_intervals_sorted(void **state)
{
	struct run r;

	(void)state;
	run_opts(&r, HEAD EV("UID:w2" CRLF "DTSTART:20261207T060000Z" CRLF
	    "DURATION:PT1H" CRLF) EV("UID:w1" CRLF
	    "DTSTART:20261206T200000Z" CRLF "DURATION:PT12H" CRLF)
	    EV("UID:w3" CRLF "DTSTART:20261206T200000Z" CRLF
	    "DURATION:PT4H" CRLF) EV("UID:out" CRLF
	    "DTSTART:20261208T000000Z" CRLF "DURATION:PT4H" CRLF) TAIL,
	    "UTC", false, "2026-12-07T00:00:00Z", "2026-12-08T00:00:00Z");
	expect(&r, "2026-12-06T20:00:00Z", "2026-12-07T08:00:00Z",
	    "2026-12-07T06:00:00Z", "2026-12-07T07:00:00Z", NULL);
	assert_string_equal(r.l.v[0].uid, "w1");
	run_free(&r);
}

/* Invalid input. */

static void
invalid_structure(void **state)
{
	(void)state;
	expect_invalid("", "t.ics: ");
	expect_invalid("hello world\n", "t.ics:1: not iCalendar");
	expect_invalid("{\"json\": true}\n", "t.ics:1: not iCalendar");
	expect_invalid(HEAD EV("UID:x" CRLF "DTSTART:20261207T100000Z" CRLF),
	    "t.ics:1: BEGIN:VCALENDAR has no END");
	expect_invalid(HEAD "BEGIN:VEVENT" CRLF "UID:x" CRLF
	    "DTSTART:20261207T100000Z" CRLF "END:VTODO" CRLF TAIL,
	    "t.ics:7: END:VTODO does not match BEGIN:VEVENT on line 4");
	expect_invalid(HEAD EV("UID:x" CRLF) TAIL,
	    "t.ics:4: VEVENT has no DTSTART");
}

static void
invalid_dates_and_lengths(void **state)
{
	(void)state;
	expect_invalid(HEAD EV("UID:x" CRLF "DTSTART:20241301T250000" CRLF)
	    TAIL, "t.ics:6: DTSTART: impossible date");
	expect_invalid(HEAD EV("UID:x" CRLF "DTSTART:20240230T100000Z" CRLF)
	    TAIL, "t.ics:6: DTSTART: impossible date");
	expect_invalid(HEAD EV("UID:x" CRLF "DTSTART:20241207T100000Z" CRLF
	    "DTEND:20241207T090000Z" CRLF) TAIL,
	    "t.ics:7: DTEND is before DTSTART");
	expect_invalid(HEAD EV("UID:x" CRLF
	    "DTSTART;TZID=Central Standard Time:20241207T100000" CRLF) TAIL,
	    "t.ics:6: DTSTART: unknown TZID 'Central Standard Time'");
	expect_invalid(HEAD EV("UID:x" CRLF "DTSTART:20241207T100000Z" CRLF
	    "EXDATE;TZID=Nowhere/Land:20241207T100000" CRLF) TAIL,
	    "t.ics:7: EXDATE: unknown TZID");
	expect_invalid(HEAD EV("UID:x" CRLF "DTSTART:not-a-date" CRLF) TAIL,
	    "t.ics:6: bad DTSTART value");
}

/*
 * Text from the file quoted in a message cannot break its line or reach
 * the terminal: a bare CR or an escape sequence becomes '?'.
 */
static void
messages_quote_control_characters(void **state)
{
	(void)state;
	expect_invalid("BEGIN:VCALENDAR\rBEGIN:X" CRLF,
	    "t.ics:1: not iCalendar: expected BEGIN:VCALENDAR, found "
	    "BEGIN:VCALENDAR?BEGIN:X");
	expect_invalid(HEAD EV("UID:x" CRLF "DTSTART:2024\x1b[31m" CRLF) TAIL,
	    "t.ics:6: bad DTSTART value '2024?[31m'");
}

static void
invalid_rules(void **state)
{
	(void)state;
	expect_invalid(HEAD EV("UID:x" CRLF "DTSTART:20241207T100000Z" CRLF
	    "RRULE:COUNT=3" CRLF) TAIL, "t.ics:7: RRULE has no FREQ");
	expect_invalid(HEAD EV("UID:x" CRLF "DTSTART:20241207T100000Z" CRLF
	    "RRULE:FREQ=DAILY;COUNT=3;UNTIL=20250101T000000Z" CRLF) TAIL,
	    "t.ics:7: RRULE has both COUNT and UNTIL");
	expect_invalid(HEAD EV("UID:x" CRLF "DTSTART:20241207T100000Z" CRLF
	    "RRULE:FREQ=FORTNIGHTLY" CRLF) TAIL, "t.ics:7: bad RRULE");
	expect_invalid(HEAD EV("UID:x" CRLF "DTSTART:20241207T100000Z" CRLF
	    "RRULE:FREQ=SECONDLY" CRLF) TAIL,
	    "t.ics:7: RRULE FREQ=SECONDLY is not supported");
	expect_invalid(HEAD EV("UID:x" CRLF "DTSTART:20241207T100000Z" CRLF
	    "RRULE:FREQ=MINUTELY;COUNT=5" CRLF) TAIL,
	    "t.ics:7: RRULE FREQ=MINUTELY is not supported");
	expect_invalid(HEAD EV("UID:x" CRLF "DTSTART:20241207T100000Z" CRLF
	    "RRULE:FREQ=HOURLY;BYMONTH=2;BYMONTHDAY=30" CRLF) TAIL,
	    "t.ics:7: RRULE never matches");
	expect_invalid(HEAD EV("UID:x" CRLF "DTSTART:20241207T100000Z" CRLF
	    "RRULE:FREQ=DAILY;COUNT=50000000" CRLF) TAIL,
	    "t.ics:7: RRULE COUNT=50000000 is above the limit");
	expect_invalid(HEAD EV("UID:x" CRLF "DTSTART:20241207T100000Z" CRLF
	    "RRULE:FREQ=DAILY;UNTIL=20251301T000000Z" CRLF) TAIL,
	    "t.ics:7: RRULE: impossible date");
}

static void
hostile_rules_finish_quickly(void **state)
{
	struct run r;
	clock_t t0 = clock();

	(void)state;
	/* Hourly for ever since 1990, window in 2026: a jump, not a walk. */
	run_opts(&r, HEAD EV("UID:h" CRLF "DTSTART:19900101T000000Z" CRLF
	    "RRULE:FREQ=HOURLY;INTERVAL=4" CRLF) TAIL, "UTC", false,
	    "2026-12-07T00:00:00Z", "2026-12-08T00:00:00Z");
	assert_int_equal(r.ret, 0);
	assert_int_equal(r.l.n, 6);
	assert_int_equal(r.l.v[0].start, utc("2026-12-07T00:00:00Z"));
	run_free(&r);
	/* A window of centuries hits the instance cap, not the clock. */
	run_opts(&r, HEAD EV("UID:h" CRLF "DTSTART:19900101T000000Z" CRLF
	    "RRULE:FREQ=HOURLY" CRLF) TAIL, "UTC", false,
	    "1990-01-01T00:00:00Z", "2500-01-01T00:00:00Z");
	assert_int_equal(r.ret, IOP_EINPUT);
	if (strstr(r.cause, "in the window") == NULL)
		fail_msg("cause: %s", r.cause);
	run_free(&r);
	assert_true((double)(clock() - t0) / CLOCKS_PER_SEC < 5.0);
}

/*
 * Times after 2500 read the zone 400 years earlier, under the rules in
 * force since 2007 (DST from the second Sunday of March), not the ones
 * of 2003 (from the first Sunday of April).
 */
static void
far_future_uses_current_dst_rules(void **state)
{
	static const char *const years[] = { "2403", "2803" };
	char text[512], from[32], to[32], start[32], end[32];
	struct run r;

	(void)state;
	for (size_t i = 0; i < 2; i++) {
		snprintf(text, sizeof text, HEAD EV("UID:f" CRLF
		    "DTSTART;TZID=America/Chicago:%s0320T070000" CRLF
		    "DURATION:PT1H" CRLF) TAIL, years[i]);
		snprintf(from, sizeof from, "%s-03-01T00:00:00Z", years[i]);
		snprintf(to, sizeof to, "%s-04-01T00:00:00Z", years[i]);
		snprintf(start, sizeof start, "%s-03-20T12:00:00Z", years[i]);
		snprintf(end, sizeof end, "%s-03-20T13:00:00Z", years[i]);
		run_opts(&r, text, "America/Chicago", false, from, to);
		expect(&r, start, end, NULL);
		run_free(&r);
	}
}

/*
 * libical's iterator stops after 2582: a window past it is an error, not
 * a silent end to the rule; up to it the rule expands.
 */
static void
rule_past_2582_is_invalid_not_cut(void **state)
{
	static const char text[] = HEAD EV("UID:y" CRLF
	    "DTSTART:25821229T080000Z" CRLF "DURATION:PT8H" CRLF
	    "RRULE:FREQ=DAILY" CRLF) TAIL;
	struct run r;

	(void)state;
	run_opts(&r, text, "UTC", false, "2582-12-29T00:00:00Z",
	    "2583-01-01T00:00:00Z");
	expect(&r, "2582-12-29T08:00:00Z", "2582-12-29T16:00:00Z",
	    "2582-12-30T08:00:00Z", "2582-12-30T16:00:00Z",
	    "2582-12-31T08:00:00Z", "2582-12-31T16:00:00Z", NULL);
	run_free(&r);
	run_opts(&r, text, "UTC", false, "2582-12-29T00:00:00Z",
	    "2583-01-03T00:00:00Z");
	assert_int_equal(r.ret, IOP_EINPUT);
	assert_string_equal(r.cause,
	    "t.ics:8: RRULE cannot be expanded past the year 2582");
	run_free(&r);
}

static int
teardown_all(void **state)
{
	(void)state;
	icaltimezone_free_builtin_timezones();
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tz_local_to_utc_ordinary_gap_and_fold),
		cmocka_unit_test(tz_offset_format_and_validity),
		cmocka_unit_test(read_file_missing_directory_big_and_ok),
		cmocka_unit_test(daily_local_time_stays_local_across_dst),
		cmocka_unit_test(daily_time_in_gap_moves_on_gap_day_only),
		cmocka_unit_test(duration_days_nominal_hours_exact),
		cmocka_unit_test(dtend_length_is_exact_for_every_instance),
		cmocka_unit_test(until_in_utc_against_zoned_start_is_inclusive),
		cmocka_unit_test(dtstart_is_first_instance_and_counts),
		cmocka_unit_test(last_workday_of_month_far_from_dtstart),
		cmocka_unit_test(old_rule_jumps_to_window_in_phase),
		cmocka_unit_test(rdate_tzid_date_and_period),
		cmocka_unit_test(exdate_with_tzid_removes_instance),
		cmocka_unit_test(override_moves_shortens_and_cancels),
		cmocka_unit_test(thisandfuture_shifts_later_instances),
		cmocka_unit_test(all_day_covers_owner_days_across_dst),
		cmocka_unit_test(floating_time_in_owner_zone_and_zero_length),
		cmocka_unit_test(cancelled_is_free_and_transp_only_when_honored),
		cmocka_unit_test(vfreebusy_fbtypes),
		cmocka_unit_test(two_vcalendars_lf_folding_utf8),
		cmocka_unit_test(file_vtimezone_is_used),
		cmocka_unit_test(window_keeps_whole_overlapping_intervals_sorted),
		cmocka_unit_test(invalid_structure),
		cmocka_unit_test(invalid_dates_and_lengths),
		cmocka_unit_test(messages_quote_control_characters),
		cmocka_unit_test(invalid_rules),
		cmocka_unit_test(hostile_rules_finish_quickly),
		cmocka_unit_test(far_future_uses_current_dst_rules),
		cmocka_unit_test(rule_past_2582_is_invalid_not_cut),
	};

	return cmocka_run_group_tests(tests, NULL, teardown_all);
}
