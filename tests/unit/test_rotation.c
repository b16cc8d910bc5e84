/*
 * Unit tests of cal_rotation_write: every pattern, written and read back
 * through cal_expand_text over weeks that hold a DST change, gives exactly
 * the shifts of its definition, which this file states again on its own
 * (the documented table, not the generator's encoding), with the expected
 * times computed from local wall times through cal_local_to_utc.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "civil.h"
#include "status.h"

#define DAY	86400

/* Shifts on cycle days first..last start offset minutes after S. */
struct span {
	int	first, last;
	int	offset;
};

/* A pattern as the man page defines it. */
struct pattern_def {
	const char *name;
	int	cycle;		/* days from the start; 0: weekly, 1 = Monday */
	int	start;		/* default S, minutes after midnight */
	int	length;		/* minutes, on the local clock */
	struct span on[6];	/* up to a span with first == 0 */
};

static const struct pattern_def defs[] = {
	{ "24/48", 3, 420, 1440, { { 1, 1, 0 } } },
	{ "48/96", 6, 420, 2880, { { 1, 1, 0 } } },
	{ "kelly", 9, 420, 1440, { { 1, 1, 0 }, { 3, 3, 0 }, { 5, 5, 0 } } },
	{ "pitman", 14, 420, 720,
	  { { 1, 2, 0 }, { 5, 7, 0 }, { 10, 11, 0 } } },
	{ "dupont", 28, 1140, 720,
	  { { 1, 4, 0 }, { 8, 10, 720 }, { 12, 14, 0 }, { 18, 21, 720 } } },
	{ "4on4off", 8, 420, 720, { { 1, 4, 0 } } },
	{ "panama", 28, 420, 720,
	  { { 1, 2, 0 }, { 5, 7, 0 }, { 10, 11, 0 }, { 15, 16, 720 },
	    { 19, 21, 720 }, { 24, 25, 720 } } },
	{ "4x10", 0, 420, 600, { { 1, 4, 0 } } },
	{ "5x8", 0, 480, 480, { { 1, 5, 0 } } },
};

#define NDEFS	(sizeof defs / sizeof defs[0])

struct interval {
	int64_t	start, end;
};

struct intervals {
	struct interval *v;
	size_t	n;
};

static const struct pattern_def *
def_find(const char *name)
{
	for (size_t i = 0; i < NDEFS; i++)
		if (strcmp(defs[i].name, name) == 0)
			return &defs[i];
	fail_msg("no definition of %s", name);
	return NULL;
}

static int64_t
local(const char *zone, int64_t day, int64_t minutes)
{
	char *cause = NULL;
	int64_t t;

	assert_int_equal(cal_local_to_utc(zone, day, (int)(minutes * 60), &t,
	    &cause), 0);
	return t;
}

/* The cycle day (1-based) or weekday (1 = Monday) of day. */
static int
def_position(const struct pattern_def *d, int64_t start_day, int64_t day)
{
	if (d->cycle == 0)
		return civil_weekday(day) + 1;
	return (int)((day - start_day) % d->cycle) + 1;
}

/* The shifts of r by its definition, in start order. */
static struct intervals
expected(const struct cal_rotation *r)
{
	const struct pattern_def *d = def_find(r->pattern);
	struct intervals e = { calloc((size_t)r->weeks * 7, sizeof *e.v), 0 };
	int s = r->shift_start >= 0 ? r->shift_start : d->start;
	int len = r->shift_minutes > 0 ? r->shift_minutes : d->length;
	int64_t day;
	int pos, m;

	for (day = r->start_day; day < r->start_day + r->weeks * 7; day++) {
		pos = def_position(d, r->start_day, day);
		for (const struct span *sp = d->on; sp->first != 0; sp++) {
			if (pos < sp->first || pos > sp->last)
				continue;
			m = (s + sp->offset) % 1440;
			e.v[e.n].start = local(r->zone, day, m);
			e.v[e.n++].end = local(r->zone, day, m + len);
		}
	}
	return e;
}

/* Writes r, checks it worked, and returns the text. */
static char *
write_ok(const struct cal_rotation *r)
{
	char *text = NULL, *cause = NULL;
	int rc = cal_rotation_write(r, &text, &cause);

	if (rc != 0)
		fail_msg("%s: %s", r->pattern, cause != NULL ? cause : "?");
	assert_non_null(text);
	return text;
}

/* Writes r, expands it around its weeks and compares with expected(). */
static void
round_trip(const struct cal_rotation *r)
{
	struct cal_expand_opts o;
	struct cal_busy_list got = { 0 };
	struct intervals want = expected(r);
	char *text = write_ok(r), *cause = NULL;
	char a[40], b[40];

	o.from = local(r->zone, r->start_day - 1, 0);
	o.to = local(r->zone, r->start_day + r->weeks * 7 + 3, 0);
	o.zone = r->zone;
	o.honor_transp = false;
	if (cal_expand_text(text, strlen(text), "rotation.ics", &o, &got,
	    &cause) != 0)
		fail_msg("%s: %s", r->pattern, cause);
	assert_true(want.n > 0);
	for (size_t i = 0; i < want.n && i < got.n; i++) {
		if (got.v[i].start == want.v[i].start &&
		    got.v[i].end == want.v[i].end)
			continue;
		cal_format_rfc3339(r->zone, got.v[i].start, a, &cause);
		cal_format_rfc3339(r->zone, want.v[i].start, b, &cause);
		fail_msg("%s shift %zu: got %s +%llds, want %s +%llds",
		    r->pattern, i, a,
		    (long long)(got.v[i].end - got.v[i].start), b,
		    (long long)(want.v[i].end - want.v[i].start));
	}
	assert_int_equal(got.n, want.n);
	cal_busy_list_release(&got);
	free(want.v);
	free(text);
}

static struct cal_rotation
rot(const char *pattern, const char *zone, const char *date, int weeks)
{
	struct cal_rotation r = { pattern, zone, 0, -1, 0, weeks };

	assert_int_equal(civil_parse_date(date, &r.start_day), 0);
	return r;
}

/*
 * Each pattern with its defaults, over 8 weeks around the end of DST
 * (2026-11-01) and the start (2026-03-08) in Chicago, in Sydney (starts
 * 2026-10-04), and in UTC, from starts that are not Mondays.
 */
static void
test_pattern_round_trip(void **state)
{
	const struct pattern_def *d = *state;
	struct cal_rotation r;

	r = rot(d->name, "America/Chicago", "2026-10-14", 8);
	round_trip(&r);
	r = rot(d->name, "America/Chicago", "2026-02-19", 8);
	round_trip(&r);
	r = rot(d->name, "Australia/Sydney", "2026-09-20", 8);
	round_trip(&r);
	r = rot(d->name, "UTC", "2026-10-14", 8);
	round_trip(&r);
}

/* --shift-start and --hours move and stretch every shift. */
static void
test_overrides_round_trip(void **state)
{
	static const char *const adjustable[] = {
		"pitman", "4on4off", "4x10", "5x8"
	};
	struct cal_rotation r;

	(void)state;
	for (size_t i = 0; i < 4; i++) {
		r = rot(adjustable[i], "America/Chicago", "2026-10-14", 8);
		r.shift_start = 21 * 60;
		r.shift_minutes = 630;
		round_trip(&r);
		r = rot(adjustable[i], "America/Chicago", "2026-02-19", 8);
		r.shift_start = 18 * 60 + 45;
		r.shift_minutes = 1440;
		round_trip(&r);
	}
	r = rot("kelly", "Europe/London", "2026-10-14", 8);
	r.shift_start = 8 * 60;
	round_trip(&r);
	r = rot("dupont", "Europe/London", "2026-03-01", 8);
	r.shift_start = 18 * 60;
	round_trip(&r);
	r = rot("panama", "America/Chicago", "2026-02-19", 8);
	r.shift_start = 6 * 60;
	round_trip(&r);
}

/*
 * Shifts that start or end in the spring-forward gap or the repeated hour
 * of the fall: the wall time moves forward by the gap, and a repeated time
 * is its first occurrence (RFC 5545 section 3.3.5).
 */
static void
test_shift_start_in_dst_change(void **state)
{
	static const struct {
		const char *pattern, *date;
		int start;
	} cases[] = {
		{ "24/48", "2026-03-05", 150 },	/* starts Mar 8 02:30 */
		{ "kelly", "2026-03-03", 150 },	/* ends Mar 8 02:30 */
		{ "pitman", "2026-03-07", 150 },
		{ "4on4off", "2026-03-05", 150 },
		{ "24/48", "2026-10-29", 90 },	/* starts Nov 1 01:30 */
		{ "kelly", "2026-10-31", 90 },	/* ends Nov 1 01:30 */
		{ "pitman", "2026-10-31", 90 },
		{ "4on4off", "2026-10-30", 90 },
	};
	struct cal_rotation r;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		r = rot(cases[i].pattern, "America/Chicago", cases[i].date, 2);
		r.shift_start = cases[i].start;
		round_trip(&r);
	}
}

/* The longest series: 520 weeks, 2600 shifts of 5x8. */
static void
test_520_weeks(void **state)
{
	struct cal_rotation r = rot("5x8", "America/Chicago", "2026-01-05",
	    520);
	struct intervals e;

	(void)state;
	e = expected(&r);
	assert_int_equal(e.n, 2600);
	free(e.v);
	round_trip(&r);
	r = rot("dupont", "America/Chicago", "2026-01-05", 520);
	round_trip(&r);
}

/*
 * The last start year, whose 520 weeks end in 2499, the last year the
 * importer reads without folding, over the DST changes; and the first.
 */
static void
test_first_and_last_years(void **state)
{
	struct cal_rotation r = rot("5x8", "Asia/Kolkata", "2489-12-31", 520);

	(void)state;
	r.shift_start = 23 * 60 + 59;
	r.shift_minutes = 1440;
	round_trip(&r);
	r = rot("pitman", "America/Chicago", "2489-12-31", 520);
	round_trip(&r);
	r = rot("kelly", "America/St_Johns", "1900-01-01", 4);
	round_trip(&r);
}

/* Same arguments, same bytes; the pieces the issue asks for are there. */
static void
test_output_is_deterministic_and_plain(void **state)
{
	struct cal_rotation r = rot("kelly", "America/Chicago", "2026-10-14",
	    8);
	char *a, *b;

	(void)state;
	a = write_ok(&r);
	b = write_ok(&r);
	assert_string_equal(a, b);
	assert_non_null(strstr(a, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
	assert_non_null(strstr(a, "\r\nTZID:America/Chicago\r\n"));
	assert_null(strstr(a, "freeassociation"));
	assert_non_null(strstr(a, "\r\nUID:rotation-kelly-20261014-day1@"
	    "iopsched\r\nDTSTAMP:20261014T120000Z\r\nDTSTART;TZID=America/"
	    "Chicago:20261014T070000\r\nDURATION:P1D\r\nRRULE:FREQ=DAILY;"
	    "COUNT=7;INTERVAL=9\r\n"));
	assert_non_null(strstr(a, "UID:rotation-kelly-20261014-day5@"));
	assert_null(strstr(a, "day2@"));
	free(a);
	free(b);
	r = rot("48/96", "America/Chicago", "2026-10-14", 8);
	a = write_ok(&r);
	assert_non_null(strstr(a, "\r\nDURATION:P2D\r\n"));
	free(a);
	r = rot("4x10", "America/Chicago", "2026-10-14", 8);
	a = write_ok(&r);
	assert_non_null(strstr(a, "\r\nDTSTART;TZID=America/Chicago:"
	    "20261014T070000\r\nDURATION:PT10H\r\nRRULE:FREQ=WEEKLY;COUNT=32;"
	    "BYDAY=MO,TU,WE,TH\r\n"));
	free(a);
}

/* A night shift across the fall change is one override of 13 hours. */
static void
test_dst_night_is_an_override(void **state)
{
	struct cal_rotation r = rot("dupont", "America/Chicago", "2026-10-29",
	    1);
	char *a;

	(void)state;
	a = write_ok(&r);
	assert_non_null(strstr(a, "\r\nRECURRENCE-ID;TZID=America/Chicago:"
	    "20261031T190000\r\nDURATION:PT13H\r\n"));
	free(a);
}

/* In UTC: no VTIMEZONE and UTC times. */
static void
test_utc_has_no_vtimezone(void **state)
{
	struct cal_rotation r = rot("pitman", "UTC", "2026-10-14", 2);
	char *a;

	(void)state;
	a = write_ok(&r);
	assert_null(strstr(a, "VTIMEZONE"));
	assert_non_null(strstr(a, "\r\nDTSTART:20261014T070000Z\r\n"));
	free(a);
}

static void
expect_usage(struct cal_rotation r, const char *msg)
{
	char *text = NULL, *cause = NULL;

	assert_int_equal(cal_rotation_write(&r, &text, &cause), IOP_EUSAGE);
	assert_null(text);
	assert_non_null(cause);
	if (strstr(cause, msg) == NULL)
		fail_msg("cause '%s' lacks '%s'", cause, msg);
	free(cause);
}

static void
test_bad_arguments_are_usage_errors(void **state)
{
	struct cal_rotation r;

	(void)state;
	r = rot("kelly", "America/Chicago", "2026-10-14", 8);
	r.pattern = "2-2-3";
	expect_usage(r, "unknown rotation pattern '2-2-3'");
	r.pattern = NULL;
	expect_usage(r, "unknown rotation pattern ''");
	r = rot("kelly", "Nowhere/City", "2026-10-14", 8);
	expect_usage(r, "unknown time zone 'Nowhere/City'");
	r = rot("kelly", "America/Chicago", "2026-10-14", 0);
	expect_usage(r, "weeks must be from 1 to 520, not 0");
	r.weeks = 521;
	expect_usage(r, "not 521");
	r = rot("kelly", "America/Chicago", "1899-12-31", 8);
	expect_usage(r, "start year");
	r = rot("kelly", "America/Chicago", "2490-01-01", 8);
	expect_usage(r, "from 1900 to 2489");
	r = rot("pitman", "America/Chicago", "2026-10-14", 8);
	r.shift_start = 1440;
	expect_usage(r, "00:00 to 23:59");
	r.shift_start = -1;
	r.shift_minutes = 1441;
	expect_usage(r, "at most 24 hours");
	r.shift_minutes = -5;
	expect_usage(r, "at most 24 hours");
	static const char *const fixed[] = {
		"24/48", "48/96", "kelly", "dupont"
	};
	for (size_t i = 0; i < 4; i++) {
		r = rot(fixed[i], "America/Chicago", "2026-10-14", 8);
		r.shift_minutes = 720;
		expect_usage(r, "takes no --hours");
	}
}

int
main(void)
{
	struct CMUnitTest tests[NDEFS + 8];
	char names[NDEFS][64];
	size_t n = 0;

	for (size_t i = 0; i < NDEFS; i++) {
		snprintf(names[i], sizeof names[i], "%s round trip over DST "
		    "changes", defs[i].name);
		tests[n++] = (struct CMUnitTest){ names[i],
		    test_pattern_round_trip, NULL, NULL, (void *)&defs[i] };
	}
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(
	    test_overrides_round_trip);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(
	    test_shift_start_in_dst_change);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(test_520_weeks);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(
	    test_first_and_last_years);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(
	    test_output_is_deterministic_and_plain);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(
	    test_dst_night_is_an_override);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(
	    test_utc_has_no_vtimezone);
	tests[n++] = (struct CMUnitTest)cmocka_unit_test(
	    test_bad_arguments_are_usage_errors);
	return _cmocka_run_group_tests("rotation", tests, n, NULL, NULL);
}
