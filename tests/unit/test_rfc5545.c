/*
 * The worked examples of RFC 5545 section 3.8.5.3 (Recurrence Rule) as
 * test vectors for cal_expand_text.
 *
 * Where the vectors come from: each test's DTSTART, EXDATE and RRULE are
 * the RFC's, character for character (folded lines joined), and its
 * expected instances are the RFC's "==>" lines written out, one string
 * per year, zone and month: "1997 EDT Sep 2-30" is 09:00 (the RFC's time
 * in every example) New York wall time on September 2 to 30, 1997; a
 * fifth field lists other times of that day ("1997 EDT Sep 2
 * 09:00,12:00").  Where the RFC elides a pattern ("2,4,6...24") the
 * elided days are written out; for rules that run forever the RFC lists
 * only the first instances, and so do we.
 *
 * The contract checked, for every example:
 * - each wall time is converted with cal_local_to_utc and must carry the
 *   offset of the RFC's zone label (EDT -4 h, EST -5 h), so that a wrong
 *   zone database cannot hide behind a matching expansion;
 * - the expansion, with New York from the system database (no VTIMEZONE)
 *   and again with the RFC's own section 3.6.5 VTIMEZONE for New York in
 *   the file, yields exactly the listed instances, zero length (the
 *   examples have no DTEND), sorted: all of them for a rule with COUNT or
 *   UNTIL, and for a rule without an end the first ones, up to the last
 *   the RFC lists;
 * - the same holds in windows that start at later instances, which makes
 *   the expansion of a rule without COUNT jump into the rule instead of
 *   walking it from DTSTART.
 * The RFC's FREQ=MINUTELY examples are invalid input here (SPEC section
 * 3): they must fail with IOP_EINPUT.  One example's listing contradicts
 * its own UNTIL; see test_rfc_every_3_hours_on_a_day.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "cal.h"
#include "civil.h"
#include "status.h"

#define CRLF	"\r\n"
#define NY	"America/New_York"
#define MAXINST	256

/* RFC 5545 section 3.6.5: "all the time zone rules for New York City". */
static const char ny_vtimezone[] =
    "BEGIN:VTIMEZONE" CRLF
    "TZID:America/New_York" CRLF
    "LAST-MODIFIED:20050809T050000Z" CRLF
    "BEGIN:DAYLIGHT" CRLF
    "DTSTART:19670430T020000" CRLF
    "RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=-1SU;UNTIL=19730429T070000Z" CRLF
    "TZOFFSETFROM:-0500" CRLF
    "TZOFFSETTO:-0400" CRLF
    "TZNAME:EDT" CRLF
    "END:DAYLIGHT" CRLF
    "BEGIN:STANDARD" CRLF
    "DTSTART:19671029T020000" CRLF
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU;UNTIL=20061029T060000Z" CRLF
    "TZOFFSETFROM:-0400" CRLF
    "TZOFFSETTO:-0500" CRLF
    "TZNAME:EST" CRLF
    "END:STANDARD" CRLF
    "BEGIN:DAYLIGHT" CRLF
    "DTSTART:19740106T020000" CRLF
    "RDATE:19750223T020000" CRLF
    "TZOFFSETFROM:-0500" CRLF
    "TZOFFSETTO:-0400" CRLF
    "TZNAME:EDT" CRLF
    "END:DAYLIGHT" CRLF
    "BEGIN:DAYLIGHT" CRLF
    "DTSTART:19760425T020000" CRLF
    "RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=-1SU;UNTIL=19860427T070000Z" CRLF
    "TZOFFSETFROM:-0500" CRLF
    "TZOFFSETTO:-0400" CRLF
    "TZNAME:EDT" CRLF
    "END:DAYLIGHT" CRLF
    "BEGIN:DAYLIGHT" CRLF
    "DTSTART:19870405T020000" CRLF
    "RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU;UNTIL=20060402T070000Z" CRLF
    "TZOFFSETFROM:-0500" CRLF
    "TZOFFSETTO:-0400" CRLF
    "TZNAME:EDT" CRLF
    "END:DAYLIGHT" CRLF
    "BEGIN:DAYLIGHT" CRLF
    "DTSTART:20070311T020000" CRLF
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU" CRLF
    "TZOFFSETFROM:-0500" CRLF
    "TZOFFSETTO:-0400" CRLF
    "TZNAME:EDT" CRLF
    "END:DAYLIGHT" CRLF
    "BEGIN:STANDARD" CRLF
    "DTSTART:20071104T020000" CRLF
    "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU" CRLF
    "TZOFFSETFROM:-0400" CRLF
    "TZOFFSETTO:-0500" CRLF
    "TZNAME:EST" CRLF
    "END:STANDARD" CRLF
    "END:VTIMEZONE" CRLF;

/* One example: the RFC's lines and what it lists. */
struct rfc_example {
	const char *dtstart;		/* New York wall time */
	const char *rrule;
	const char *extra;		/* more VEVENT lines, or NULL */
	int	 forever;		/* no COUNT or UNTIL */
	const char *const *want;	/* NULL-terminated */
};

struct instances {
	int64_t	 v[MAXINST];
	size_t	 n;
};

static const char *const month_names[] = { "Jan", "Feb", "Mar", "Apr",
	"May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

static char *
xfmt(const char *fmt, ...)
{
	va_list ap;
	char *s;

	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) == -1)
		fail_msg("out of memory");
	va_end(ap);
	return s;
}

static void
format_utc(int64_t t, char *buf)
{
	char *cause = NULL;

	if (cal_format_rfc3339(NY, t, buf, &cause) != 0)
		fail_msg("%s", cause);
}

/* Adds wall time day, minute in New York, labelled abbr by the RFC. */
static void
add_instance(struct instances *in, int64_t day, int minute, const char *abbr,
    const char *line)
{
	char *cause = NULL;
	int64_t t, want;

	want = day * 86400 + minute * 60;
	if (strcmp(abbr, "EDT") == 0)
		want += 4 * 3600;
	else if (strcmp(abbr, "EST") == 0)
		want += 5 * 3600;
	else
		fail_msg("'%s': zone is not EDT or EST", line);
	if (cal_local_to_utc(NY, day, minute * 60, &t, &cause) != 0)
		fail_msg("%s", cause);
	if (t != want)
		fail_msg("'%s': the zone database disagrees with %s", line,
		    abbr);
	if (in->n >= MAXINST)
		fail_msg("more than %d instances", MAXINST);
	if (in->n > 0 && t <= in->v[in->n - 1])
		fail_msg("'%s': instances out of order", line);
	in->v[in->n++] = t;
}

/*
 * Parses one line "YYYY ZZZ Mon LIST [HH:MM,...]": LIST is days and
 * ranges of days ("2,4,9-11"), each at 09:00 or at the times given.
 */
static void
parse_line(struct instances *in, const char *line)
{
	char abbr[8], mon[8], days[256], times[512] = "09:00";
	char *tok, *save, *ttok, *tsave, tcopy[512];
	int year, month, a, b, d, minute, nf;

	nf = sscanf(line, "%d %7s %7s %255s %511s", &year, abbr, mon, days,
	    times);
	if (nf != 4 && nf != 5)
		fail_msg("'%s': malformed", line);
	for (month = 0; month < 12; month++)
		if (strcmp(mon, month_names[month]) == 0)
			break;
	if (month == 12)
		fail_msg("'%s': bad month", line);
	for (tok = strtok_r(days, ",", &save); tok != NULL;
	    tok = strtok_r(NULL, ",", &save)) {
		if (sscanf(tok, "%d-%d", &a, &b) == 2) {
			if (b < a)
				fail_msg("'%s': bad range", line);
		} else if (sscanf(tok, "%d", &a) == 1)
			b = a;
		else
			fail_msg("'%s': bad day '%s'", line, tok);
		for (d = a; d <= b; d++) {
			if (!civil_valid(year, month + 1, d))
				fail_msg("'%s': no day %d", line, d);
			snprintf(tcopy, sizeof tcopy, "%s", times);
			for (ttok = strtok_r(tcopy, ",", &tsave); ttok != NULL;
			    ttok = strtok_r(NULL, ",", &tsave)) {
				if (civil_parse_hhmm(ttok, &minute) != 0)
					fail_msg("'%s': bad time", line);
				add_instance(in, civil_days(year, month + 1,
				    d), minute, abbr, line);
			}
		}
	}
}

static void
parse_want(struct instances *in, const char *const *want)
{
	size_t i;

	in->n = 0;
	for (i = 0; want[i] != NULL; i++)
		parse_line(in, want[i]);
	if (in->n == 0)
		fail_msg("no instances listed");
}

static char *
example_text(const struct rfc_example *ex, const char *rrule, bool vtimezone)
{
	return xfmt("BEGIN:VCALENDAR" CRLF "VERSION:2.0" CRLF
	    "PRODID:-//iopsched//rfc5545 vectors//EN" CRLF "%s"
	    "BEGIN:VEVENT" CRLF "UID:rfc5545-example" CRLF
	    "DTSTAMP:19970901T130000Z" CRLF
	    "DTSTART;TZID=America/New_York:%s" CRLF "%s%s"
	    "RRULE:%s" CRLF "END:VEVENT" CRLF "END:VCALENDAR" CRLF,
	    vtimezone ? ny_vtimezone : "", ex->dtstart,
	    ex->extra != NULL ? ex->extra : "", ex->extra != NULL ? CRLF : "",
	    rrule);
}

/*
 * Expands text in [from, to) and checks that it yields exactly the zero
 * length instances in[first..].
 */
static void
expect_window(const char *text, const char *what, int64_t from, int64_t to,
    const struct instances *in, size_t first)
{
	struct cal_expand_opts o = { from, to, "UTC", false };
	struct cal_busy_list l = { 0 };
	char *cause = NULL, b1[32], b2[32], b3[32];
	size_t i;
	int ret;

	ret = cal_expand_text(text, strlen(text), "rfc.ics", &o, &l, &cause);
	format_utc(from, b1);
	if (ret != 0)
		fail_msg("%s, from %s: %s", what, b1, cause);
	for (i = 0; i < l.n && first + i < in->n; i++) {
		if (l.v[i].start == in->v[first + i] && l.v[i].end ==
		    l.v[i].start)
			continue;
		format_utc(l.v[i].start, b2);
		format_utc(in->v[first + i], b3);
		fail_msg("%s, from %s: instance %zu is %s (%lld s long), "
		    "the RFC says %s", what, b1, first + i, b2,
		    (long long)(l.v[i].end - l.v[i].start), b3);
	}
	if (l.n != in->n - first) {
		if (l.n > i)
			format_utc(l.v[i].start, b2);
		fail_msg("%s, from %s: %zu instances, the RFC lists %zu%s%s",
		    what, b1, l.n, in->n - first, l.n > i ? "; extra " : "",
		    l.n > i ? b2 : "");
	}
	cal_busy_list_release(&l);
}

/*
 * Runs example ex with rule rrule (the RFC's, or its other form) against
 * its listed instances, with the system zone and with a VTIMEZONE, from
 * DTSTART and from later instances.
 */
static void
check_rule(const struct rfc_example *ex, const char *rrule)
{
	struct instances in;
	int64_t to;
	size_t first, stride;
	char *text;
	int vtz;

	parse_want(&in, ex->want);
	if (in.n == 0)
		return;
	/* A rule that never ends: up to its last listed instance. */
	to = ex->forever ? in.v[in.n - 1] + 1 : in.v[in.n - 1] + 40LL *
	    366 * 86400;
	stride = in.n > 12 ? in.n / 12 : 1;
	for (vtz = 0; vtz <= 1; vtz++) {
		text = example_text(ex, rrule, vtz);
		expect_window(text, vtz ? "with VTIMEZONE" : "system zone",
		    in.v[0] - 86400, to, &in, 0);
		for (first = 1; first < in.n; first += stride)
			expect_window(text, vtz ? "with VTIMEZONE" :
			    "system zone", in.v[first], to, &in, first);
		free(text);
	}
}

static void
check(const struct rfc_example *ex)
{
	check_rule(ex, ex->rrule);
}

/* The RFC's FREQ=MINUTELY examples: invalid input here (SPEC 3). */
static void
check_rejected(const char *rrule)
{
	static const struct rfc_example ex = { "19970902T090000", NULL, NULL,
	    0, NULL };
	struct cal_expand_opts o = { 0, 4102444800LL, "UTC", false };
	struct cal_busy_list l = { 0 };
	char *text, *cause = NULL;
	int vtz;

	for (vtz = 0; vtz <= 1; vtz++) {
		text = example_text(&ex, rrule, vtz);
		assert_int_equal(cal_expand_text(text, strlen(text), "rfc.ics",
		    &o, &l, &cause), IOP_EINPUT);
		assert_int_equal(l.n, 0);
		assert_non_null(cause);
		if (strstr(cause, "RRULE FREQ=MINUTELY is not supported") ==
		    NULL)
			fail_msg("cause: %s", cause);
		free(cause);
		cause = NULL;
		cal_busy_list_release(&l);
		free(text);
	}
}

#define RFC_TEST(name, dtstart, rrule, extra, forever, ...)		\
static void								\
name(void **state)							\
{									\
	static const char *const want[] = { __VA_ARGS__, NULL };	\
	static const struct rfc_example ex = { dtstart, rrule, extra,	\
	    forever, want };						\
									\
	(void)state;							\
	check(&ex);							\
}

#define COUNTED	0
#define FOREVER	1

/* Daily */

RFC_TEST(test_rfc_daily_10_occurrences, "19970902T090000",
    "FREQ=DAILY;COUNT=10", NULL, COUNTED,
    "1997 EDT Sep 2-11")

RFC_TEST(test_rfc_daily_until_dec_24_1997, "19970902T090000",
    "FREQ=DAILY;UNTIL=19971224T000000Z", NULL, COUNTED,
    "1997 EDT Sep 2-30",
    "1997 EDT Oct 1-25",
    "1997 EST Oct 26-31",
    "1997 EST Nov 1-30",
    "1997 EST Dec 1-23")

RFC_TEST(test_rfc_every_other_day_forever, "19970902T090000",
    "FREQ=DAILY;INTERVAL=2", NULL, FOREVER,
    "1997 EDT Sep 2,4,6,8,10,12,14,16,18,20,22,24,26,28,30",
    "1997 EDT Oct 2,4,6,8,10,12,14,16,18,20,22,24",
    "1997 EST Oct 26,28,30",
    "1997 EST Nov 1,3,5,7,9,11,13,15,17,19,21,23,25,27,29",
    "1997 EST Dec 1,3")

RFC_TEST(test_rfc_every_10_days_5_occurrences, "19970902T090000",
    "FREQ=DAILY;INTERVAL=10;COUNT=5", NULL, COUNTED,
    "1997 EDT Sep 2,12,22",
    "1997 EDT Oct 2,12")

#define JANUARY_3_YEARS							\
    "1998 EST Jan 1-31",						\
    "1999 EST Jan 1-31",						\
    "2000 EST Jan 1-31"

RFC_TEST(test_rfc_every_day_in_january_3_years_yearly, "19980101T090000",
    "FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;"
    "BYDAY=SU,MO,TU,WE,TH,FR,SA", NULL, COUNTED, JANUARY_3_YEARS)

RFC_TEST(test_rfc_every_day_in_january_3_years_daily, "19980101T090000",
    "FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1", NULL, COUNTED,
    JANUARY_3_YEARS)

/* Weekly */

RFC_TEST(test_rfc_weekly_10_occurrences, "19970902T090000",
    "FREQ=WEEKLY;COUNT=10", NULL, COUNTED,
    "1997 EDT Sep 2,9,16,23,30",
    "1997 EDT Oct 7,14,21",
    "1997 EST Oct 28",
    "1997 EST Nov 4")

RFC_TEST(test_rfc_weekly_until_dec_24_1997, "19970902T090000",
    "FREQ=WEEKLY;UNTIL=19971224T000000Z", NULL, COUNTED,
    "1997 EDT Sep 2,9,16,23,30",
    "1997 EDT Oct 7,14,21",
    "1997 EST Oct 28",
    "1997 EST Nov 4,11,18,25",
    "1997 EST Dec 2,9,16,23")

RFC_TEST(test_rfc_every_other_week_forever, "19970902T090000",
    "FREQ=WEEKLY;INTERVAL=2;WKST=SU", NULL, FOREVER,
    "1997 EDT Sep 2,16,30",
    "1997 EDT Oct 14",
    "1997 EST Oct 28",
    "1997 EST Nov 11,25",
    "1997 EST Dec 9,23",
    "1998 EST Jan 6,20",
    "1998 EST Feb 3,17")

#define TU_TH_FIVE_WEEKS						\
    "1997 EDT Sep 2,4,9,11,16,18,23,25,30",				\
    "1997 EDT Oct 2"

RFC_TEST(test_rfc_weekly_tu_th_five_weeks_until, "19970902T090000",
    "FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH", NULL,
    COUNTED, TU_TH_FIVE_WEEKS)

RFC_TEST(test_rfc_weekly_tu_th_five_weeks_count, "19970902T090000",
    "FREQ=WEEKLY;COUNT=10;WKST=SU;BYDAY=TU,TH", NULL, COUNTED,
    TU_TH_FIVE_WEEKS)

RFC_TEST(test_rfc_every_other_week_mo_we_fr_until_dec_24, "19970901T090000",
    "FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR",
    NULL, COUNTED,
    "1997 EDT Sep 1,3,5,15,17,19,29",
    "1997 EDT Oct 1,3,13,15,17",
    "1997 EST Oct 27,29,31",
    "1997 EST Nov 10,12,14,24,26,28",
    "1997 EST Dec 8,10,12,22")

RFC_TEST(test_rfc_every_other_week_tu_th_8_occurrences, "19970902T090000",
    "FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH", NULL, COUNTED,
    "1997 EDT Sep 2,4,16,18,30",
    "1997 EDT Oct 2,14,16")

/* Monthly */

RFC_TEST(test_rfc_monthly_first_friday_10_occurrences, "19970905T090000",
    "FREQ=MONTHLY;COUNT=10;BYDAY=1FR", NULL, COUNTED,
    "1997 EDT Sep 5",
    "1997 EDT Oct 3",
    "1997 EST Nov 7",
    "1997 EST Dec 5",
    "1998 EST Jan 2",
    "1998 EST Feb 6",
    "1998 EST Mar 6",
    "1998 EST Apr 3",
    "1998 EDT May 1",
    "1998 EDT Jun 5")

RFC_TEST(test_rfc_monthly_first_friday_until_dec_24, "19970905T090000",
    "FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR", NULL, COUNTED,
    "1997 EDT Sep 5",
    "1997 EDT Oct 3",
    "1997 EST Nov 7",
    "1997 EST Dec 5")

RFC_TEST(test_rfc_every_other_month_first_last_sunday_10, "19970907T090000",
    "FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU", NULL, COUNTED,
    "1997 EDT Sep 7,28",
    "1997 EST Nov 2,30",
    "1998 EST Jan 4,25",
    "1998 EST Mar 1,29",
    "1998 EDT May 3,31")

RFC_TEST(test_rfc_monthly_second_to_last_monday_6_months, "19970922T090000",
    "FREQ=MONTHLY;COUNT=6;BYDAY=-2MO", NULL, COUNTED,
    "1997 EDT Sep 22",
    "1997 EDT Oct 20",
    "1997 EST Nov 17",
    "1997 EST Dec 22",
    "1998 EST Jan 19",
    "1998 EST Feb 16")

RFC_TEST(test_rfc_monthly_third_to_last_day_forever, "19970928T090000",
    "FREQ=MONTHLY;BYMONTHDAY=-3", NULL, FOREVER,
    "1997 EDT Sep 28",
    "1997 EST Oct 29",
    "1997 EST Nov 28",
    "1997 EST Dec 29",
    "1998 EST Jan 29",
    "1998 EST Feb 26")

RFC_TEST(test_rfc_monthly_2nd_and_15th_10_occurrences, "19970902T090000",
    "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15", NULL, COUNTED,
    "1997 EDT Sep 2,15",
    "1997 EDT Oct 2,15",
    "1997 EST Nov 2,15",
    "1997 EST Dec 2,15",
    "1998 EST Jan 2,15")

RFC_TEST(test_rfc_monthly_first_and_last_day_10_occurrences,
    "19970930T090000", "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1", NULL,
    COUNTED,
    "1997 EDT Sep 30",
    "1997 EDT Oct 1",
    "1997 EST Oct 31",
    "1997 EST Nov 1,30",
    "1997 EST Dec 1,31",
    "1998 EST Jan 1,31",
    "1998 EST Feb 1")

RFC_TEST(test_rfc_every_18_months_10th_to_15th_10_occurrences,
    "19970910T090000",
    "FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15", NULL,
    COUNTED,
    "1997 EDT Sep 10-15",
    "1999 EST Mar 10-13")

RFC_TEST(test_rfc_every_tuesday_every_other_month, "19970902T090000",
    "FREQ=MONTHLY;INTERVAL=2;BYDAY=TU", NULL, FOREVER,
    "1997 EDT Sep 2,9,16,23,30",
    "1997 EST Nov 4,11,18,25",
    "1998 EST Jan 6,13,20,27",
    "1998 EST Mar 3,10,17,24,31")

/* Yearly */

RFC_TEST(test_rfc_yearly_june_july_10_occurrences, "19970610T090000",
    "FREQ=YEARLY;COUNT=10;BYMONTH=6,7", NULL, COUNTED,
    "1997 EDT Jun 10", "1997 EDT Jul 10",
    "1998 EDT Jun 10", "1998 EDT Jul 10",
    "1999 EDT Jun 10", "1999 EDT Jul 10",
    "2000 EDT Jun 10", "2000 EDT Jul 10",
    "2001 EDT Jun 10", "2001 EDT Jul 10")

RFC_TEST(test_rfc_every_other_year_jan_feb_mar_10_occurrences,
    "19970310T090000", "FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3",
    NULL, COUNTED,
    "1997 EST Mar 10",
    "1999 EST Jan 10", "1999 EST Feb 10", "1999 EST Mar 10",
    "2001 EST Jan 10", "2001 EST Feb 10", "2001 EST Mar 10",
    "2003 EST Jan 10", "2003 EST Feb 10", "2003 EST Mar 10")

RFC_TEST(test_rfc_every_third_year_1st_100th_200th_day_10,
    "19970101T090000", "FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200",
    NULL, COUNTED,
    "1997 EST Jan 1",
    "1997 EDT Apr 10", "1997 EDT Jul 19",
    "2000 EST Jan 1",
    "2000 EDT Apr 9", "2000 EDT Jul 18",
    "2003 EST Jan 1",
    "2003 EDT Apr 10", "2003 EDT Jul 19",
    "2006 EST Jan 1")

RFC_TEST(test_rfc_every_20th_monday_of_the_year_forever, "19970519T090000",
    "FREQ=YEARLY;BYDAY=20MO", NULL, FOREVER,
    "1997 EDT May 19",
    "1998 EDT May 18",
    "1999 EDT May 17")

RFC_TEST(test_rfc_monday_of_week_number_20_forever, "19970512T090000",
    "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", NULL, FOREVER,
    "1997 EDT May 12",
    "1998 EDT May 11",
    "1999 EDT May 17")

RFC_TEST(test_rfc_every_thursday_in_march_forever, "19970313T090000",
    "FREQ=YEARLY;BYMONTH=3;BYDAY=TH", NULL, FOREVER,
    "1997 EST Mar 13,20,27",
    "1998 EST Mar 5,12,19,26",
    "1999 EST Mar 4,11,18,25")

RFC_TEST(test_rfc_every_thursday_in_june_july_august_forever,
    "19970605T090000", "FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8", NULL, FOREVER,
    "1997 EDT Jun 5,12,19,26", "1997 EDT Jul 3,10,17,24,31",
    "1997 EDT Aug 7,14,21,28",
    "1998 EDT Jun 4,11,18,25", "1998 EDT Jul 2,9,16,23,30",
    "1998 EDT Aug 6,13,20,27",
    "1999 EDT Jun 3,10,17,24", "1999 EDT Jul 1,8,15,22,29",
    "1999 EDT Aug 5,12,19,26")

/* Combinations of BY parts */

RFC_TEST(test_rfc_every_friday_the_13th_forever, "19970902T090000",
    "FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13",
    "EXDATE;TZID=America/New_York:19970902T090000", FOREVER,
    "1998 EST Feb 13",
    "1998 EST Mar 13",
    "1998 EST Nov 13",
    "1999 EDT Aug 13",
    "2000 EDT Oct 13")

RFC_TEST(test_rfc_first_saturday_after_first_sunday_forever,
    "19970913T090000", "FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13",
    NULL, FOREVER,
    "1997 EDT Sep 13",
    "1997 EDT Oct 11",
    "1997 EST Nov 8",
    "1997 EST Dec 13",
    "1998 EST Jan 10",
    "1998 EST Feb 7",
    "1998 EST Mar 7",
    "1998 EDT Apr 11",
    "1998 EDT May 9",
    "1998 EDT Jun 13")

RFC_TEST(test_rfc_us_presidential_election_day_forever, "19961105T090000",
    "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8",
    NULL, FOREVER,
    "1996 EST Nov 5",
    "2000 EST Nov 7",
    "2004 EST Nov 2")

RFC_TEST(test_rfc_third_tu_we_th_of_month_3_months, "19970904T090000",
    "FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3", NULL, COUNTED,
    "1997 EDT Sep 4",
    "1997 EDT Oct 7",
    "1997 EST Nov 6")

RFC_TEST(test_rfc_second_to_last_weekday_of_month, "19970929T090000",
    "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2", NULL, FOREVER,
    "1997 EDT Sep 29",
    "1997 EST Oct 30",
    "1997 EST Nov 27",
    "1997 EST Dec 30",
    "1998 EST Jan 29",
    "1998 EST Feb 26",
    "1998 EST Mar 30")

/* Hourly and minutely */

/*
 * "Every 3 hours from 9:00 AM to 5:00 PM on a specific day": the RFC
 * lists 09:00, 12:00 and 15:00 EDT, but its UNTIL=19970902T170000Z is
 * 13:00 EDT, and UNTIL bounds the set inclusively (section 3.3.10), so
 * the rule as written has only 09:00 and 12:00.  The listing is the
 * example's intent ("to 5:00 PM"): it is checked with an UNTIL that
 * reaches 15:00 EDT (19:00Z) and with 5:00 PM EDT itself (21:00Z); the
 * rule as written is checked against UNTIL's meaning.
 */
static void
test_rfc_every_3_hours_on_a_day(void **state)
{
	static const char *const listed[] = {
		"1997 EDT Sep 2 09:00,12:00,15:00", NULL };
	static const char *const until_13[] = {
		"1997 EDT Sep 2 09:00,12:00", NULL };
	static const struct rfc_example ex = { "19970902T090000",
	    "FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z", NULL, COUNTED,
	    listed };
	static const struct rfc_example as_written = { "19970902T090000",
	    "FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T170000Z", NULL, COUNTED,
	    until_13 };

	(void)state;
	check_rule(&ex, "FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T190000Z");
	check_rule(&ex, "FREQ=HOURLY;INTERVAL=3;UNTIL=19970902T210000Z");
	check(&as_written);
}

static void
test_rfc_every_15_minutes_6_occurrences_rejected(void **state)
{
	(void)state;
	check_rejected("FREQ=MINUTELY;INTERVAL=15;COUNT=6");
}

static void
test_rfc_every_hour_and_a_half_4_occurrences_rejected(void **state)
{
	(void)state;
	check_rejected("FREQ=MINUTELY;INTERVAL=90;COUNT=4");
}

#define EVERY_20_MINUTES						\
    "09:00,09:20,09:40,10:00,10:20,10:40,11:00,11:20,11:40,12:00,"	\
    "12:20,12:40,13:00,13:20,13:40,14:00,14:20,14:40,15:00,15:20,"	\
    "15:40,16:00,16:20,16:40"

RFC_TEST(test_rfc_every_20_minutes_9_to_16_40_daily, "19970902T090000",
    "FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40", NULL,
    FOREVER,
    "1997 EDT Sep 2 " EVERY_20_MINUTES,
    "1997 EDT Sep 3 " EVERY_20_MINUTES)

static void
test_rfc_every_20_minutes_9_to_16_40_minutely_rejected(void **state)
{
	(void)state;
	check_rejected("FREQ=MINUTELY;INTERVAL=20;"
	    "BYHOUR=9,10,11,12,13,14,15,16");
}

/* WKST and invalid dates */

RFC_TEST(test_rfc_wkst_mo, "19970805T090000",
    "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO", NULL, COUNTED,
    "1997 EDT Aug 5,10,19,24")

RFC_TEST(test_rfc_wkst_su, "19970805T090000",
    "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU", NULL, COUNTED,
    "1997 EDT Aug 5,17,19,31")

RFC_TEST(test_rfc_invalid_date_february_30_ignored, "20070115T090000",
    "FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5", NULL, COUNTED,
    "2007 EST Jan 15,30",
    "2007 EST Feb 15",
    "2007 EDT Mar 15,30")

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
		cmocka_unit_test(test_rfc_daily_10_occurrences),
		cmocka_unit_test(test_rfc_daily_until_dec_24_1997),
		cmocka_unit_test(test_rfc_every_other_day_forever),
		cmocka_unit_test(test_rfc_every_10_days_5_occurrences),
		cmocka_unit_test(test_rfc_every_day_in_january_3_years_yearly),
		cmocka_unit_test(test_rfc_every_day_in_january_3_years_daily),
		cmocka_unit_test(test_rfc_weekly_10_occurrences),
		cmocka_unit_test(test_rfc_weekly_until_dec_24_1997),
		cmocka_unit_test(test_rfc_every_other_week_forever),
		cmocka_unit_test(test_rfc_weekly_tu_th_five_weeks_until),
		cmocka_unit_test(test_rfc_weekly_tu_th_five_weeks_count),
		cmocka_unit_test(
		    test_rfc_every_other_week_mo_we_fr_until_dec_24),
		cmocka_unit_test(test_rfc_every_other_week_tu_th_8_occurrences),
		cmocka_unit_test(test_rfc_monthly_first_friday_10_occurrences),
		cmocka_unit_test(test_rfc_monthly_first_friday_until_dec_24),
		cmocka_unit_test(
		    test_rfc_every_other_month_first_last_sunday_10),
		cmocka_unit_test(
		    test_rfc_monthly_second_to_last_monday_6_months),
		cmocka_unit_test(test_rfc_monthly_third_to_last_day_forever),
		cmocka_unit_test(test_rfc_monthly_2nd_and_15th_10_occurrences),
		cmocka_unit_test(
		    test_rfc_monthly_first_and_last_day_10_occurrences),
		cmocka_unit_test(
		    test_rfc_every_18_months_10th_to_15th_10_occurrences),
		cmocka_unit_test(test_rfc_every_tuesday_every_other_month),
		cmocka_unit_test(test_rfc_yearly_june_july_10_occurrences),
		cmocka_unit_test(
		    test_rfc_every_other_year_jan_feb_mar_10_occurrences),
		cmocka_unit_test(
		    test_rfc_every_third_year_1st_100th_200th_day_10),
		cmocka_unit_test(
		    test_rfc_every_20th_monday_of_the_year_forever),
		cmocka_unit_test(test_rfc_monday_of_week_number_20_forever),
		cmocka_unit_test(test_rfc_every_thursday_in_march_forever),
		cmocka_unit_test(
		    test_rfc_every_thursday_in_june_july_august_forever),
		cmocka_unit_test(test_rfc_every_friday_the_13th_forever),
		cmocka_unit_test(
		    test_rfc_first_saturday_after_first_sunday_forever),
		cmocka_unit_test(test_rfc_us_presidential_election_day_forever),
		cmocka_unit_test(test_rfc_third_tu_we_th_of_month_3_months),
		cmocka_unit_test(test_rfc_second_to_last_weekday_of_month),
		cmocka_unit_test(test_rfc_every_3_hours_on_a_day),
		cmocka_unit_test(
		    test_rfc_every_15_minutes_6_occurrences_rejected),
		cmocka_unit_test(
		    test_rfc_every_hour_and_a_half_4_occurrences_rejected),
		cmocka_unit_test(test_rfc_every_20_minutes_9_to_16_40_daily),
		cmocka_unit_test(
		    test_rfc_every_20_minutes_9_to_16_40_minutely_rejected),
		cmocka_unit_test(test_rfc_wkst_mo),
		cmocka_unit_test(test_rfc_wkst_su),
		cmocka_unit_test(test_rfc_invalid_date_february_30_ignored),
	};

	return cmocka_run_group_tests(tests, NULL, teardown_all);
}
