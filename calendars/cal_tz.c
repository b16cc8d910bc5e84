/*
 * Time zones through libical's icaltimezone, which reads the system
 * database (/usr/share/zoneinfo) on Debian.  libical's own local-to-UTC
 * conversion is an hour off in a spring-forward gap (libical issue #1402)
 * and picks the second of two repeated times, so the conversion here is
 * done from offsets, which libical gets right.
 */
#include <stdio.h>
#include <string.h>

#include "cal.h"
#include "cal_int.h"
#include "civil.h"
#include "status.h"
#include "xmalloc.h"

#define DAY_SECONDS	86400

#define CAL_TZ_CACHE 16

icaltimezone *
cal_tz_load(const char *name)
{
	/*
	 * libical finds a builtin zone by a linear strcmp over every zone
	 * name, which dominated model building (one lookup per local time
	 * converted).  Builtin zones live until the process ends, so a small
	 * cache of recent names is safe.
	 */
	static struct {
		char	 name[64];
		icaltimezone *zone;
	} cache[CAL_TZ_CACHE];
	static unsigned next;
	icaltimezone *z;

	if (name == NULL || *name == '\0')
		return NULL;
	if (strcmp(name, "UTC") == 0)
		return icaltimezone_get_utc_timezone();
	for (unsigned i = 0; i < CAL_TZ_CACHE; i++)
		if (cache[i].zone != NULL && strcmp(cache[i].name, name) == 0)
			return cache[i].zone;
	icalerror_clear_errno();
	z = icaltimezone_get_builtin_timezone(name);
	if (z != NULL && strlen(name) < sizeof cache[0].name) {
		snprintf(cache[next].name, sizeof cache[next].name, "%s", name);
		cache[next].zone = z;
		next = (next + 1) % CAL_TZ_CACHE;
	}
	return z;
}

struct icaltimetype
cal_tt_from_utc(int64_t utc)
{
	struct icaltimetype t = icaltime_null_time();
	int64_t days, secs;

	days = utc / DAY_SECONDS;
	secs = utc % DAY_SECONDS;
	if (secs < 0) {
		secs += DAY_SECONDS;
		days--;
	}
	civil_from_days(days, &t.year, &t.month, &t.day);
	t.hour = (int)(secs / 3600);
	t.minute = (int)(secs / 60 % 60);
	t.second = (int)(secs % 60);
	t.zone = icaltimezone_get_utc_timezone();
	return t;
}

int64_t
cal_tt_wall(struct icaltimetype t)
{
	int64_t days = civil_days(t.year, t.month, t.day);

	if (t.is_date)
		return days * DAY_SECONDS;
	return days * DAY_SECONDS + t.hour * 3600 + t.minute * 60 + t.second;
}

/*
 * libical caches a zone's transitions only up to the year 2582 and
 * expands them all again on every lookup past it, at tens of milliseconds
 * each, so a file of far-future dates could take hours (found by `make
 * fuzz`).  The Gregorian calendar repeats every 400 years (146097 days,
 * whole weeks) and so do the yearly rules that govern those years, so a
 * later time is first folded back into [2100, 2500): after the last rule
 * change the zone database schedules (2087).  [2000, 2400), as before,
 * gave 2403 the United States' rules of 2003.
 */
#define TZ_FOLD_FROM	INT64_C(16725225600)	/* 2500-01-01T00:00:00Z */
#define TZ_CYCLE	(INT64_C(146097) * DAY_SECONDS)

int
cal_tz_offset(icaltimezone *z, int64_t utc)
{
	struct icaltimetype t;

	if (z == NULL || z == icaltimezone_get_utc_timezone())
		return 0;
	if (utc >= TZ_FOLD_FROM)
		utc -= ((utc - TZ_FOLD_FROM) / TZ_CYCLE + 1) * TZ_CYCLE;
	t = cal_tt_from_utc(utc);
	return icaltimezone_get_utc_offset_of_utc_time(z, &t, NULL);
}

/*
 * A local time maps to utc = local - offset for an offset in force at that
 * utc.  The offsets a day before and after bracket any transition near it:
 * the earlier one, when it fits, gives the first of two repeated times;
 * when neither fits the time is in a gap and the earlier offset moves it
 * forward by the gap.
 */
int64_t
cal_tz_local_to_utc(icaltimezone *z, int64_t local)
{
	int before, after;

	before = cal_tz_offset(z, local - DAY_SECONDS);
	after = cal_tz_offset(z, local + DAY_SECONDS);
	if (cal_tz_offset(z, local - before) == before)
		return local - before;
	if (cal_tz_offset(z, local - after) == after)
		return local - after;
	return local - before;
}

static int
unknown_zone(const char *zone, char **cause)
{
	if (cause != NULL)
		*cause = xasprintf("unknown time zone '%s'",
		    zone != NULL ? zone : "");
	return IOP_EINPUT;
}

bool
cal_zone_valid(const char *name)
{
	return cal_tz_load(name) != NULL;
}

int
cal_local_to_utc(const char *zone, int64_t days, int seconds, int64_t *utc,
    char **cause)
{
	icaltimezone *z;

	if ((z = cal_tz_load(zone)) == NULL)
		return unknown_zone(zone, cause);
	*utc = cal_tz_local_to_utc(z, days * DAY_SECONDS + seconds);
	return 0;
}

int
cal_utc_offset(const char *zone, int64_t utc, int *offset, char **cause)
{
	icaltimezone *z;

	if ((z = cal_tz_load(zone)) == NULL)
		return unknown_zone(zone, cause);
	*offset = cal_tz_offset(z, utc);
	return 0;
}

/*
 * Writes utc as RFC 3339 in zone into buf (at least 32 bytes): local time
 * with its numeric offset, or "Z" for UTC.  IOP_EINPUT for an unknown zone.
 */
int
cal_format_rfc3339(const char *zone, int64_t utc, char *buf, char **cause)
{
	struct icaltimetype t;
	icaltimezone *z = NULL;
	int off = 0, aoff;

	if (zone != NULL && strcmp(zone, "UTC") != 0) {
		if ((z = cal_tz_load(zone)) == NULL)
			return unknown_zone(zone, cause);
		off = cal_tz_offset(z, utc);
	}
	t = cal_tt_from_utc(utc + off);
	if (z == NULL) {
		snprintf(buf, 32, "%04d-%02d-%02dT%02d:%02d:%02dZ", t.year,
		    t.month, t.day, t.hour, t.minute, t.second);
		return 0;
	}
	aoff = off < 0 ? -off : off;
	snprintf(buf, 32, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", t.year,
	    t.month, t.day, t.hour, t.minute, t.second, off < 0 ? '-' : '+',
	    aoff / 3600, aoff / 60 % 60);
	return 0;
}

int64_t
cal_tz_utc_to_local(icaltimezone *z, int64_t utc)
{
	return utc + cal_tz_offset(z, utc);
}

struct icaltimetype
cal_tt_from_wall(int64_t wall, bool is_date)
{
	struct icaltimetype t = cal_tt_from_utc(wall);

	t.zone = NULL;
	if (is_date) {
		t.is_date = 1;
		t.hour = t.minute = t.second = 0;
	}
	return t;
}
