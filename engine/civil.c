/*
 * Civil-date arithmetic (Howard Hinnant's days_from_civil algorithm), so the
 * engine and the loader agree on what a date and a weekday are without
 * touching the C library's time-zone state.
 */
#include <stdio.h>
#include <string.h>

#include "civil.h"

static const char *const civil_days_names[7] = {
	"MO", "TU", "WE", "TH", "FR", "SA", "SU"
};

int64_t
civil_days(int y, int m, int d)
{
	int64_t yy = y - (m <= 2);
	int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
	int64_t yoe = yy - era * 400;
	int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void
civil_from_days(int64_t z, int *y, int *m, int *d)
{
	int64_t era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int
civil_weekday(int64_t days)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	int64_t w = (days + 3) % 7;

	return (int)(w < 0 ? w + 7 : w);
}

bool
civil_valid(int y, int m, int d)
{
	static const int mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int last;

	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
		return false;
	last = mdays[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		last = 29;
	return d <= last;
}

static bool
civil_digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

int
civil_parse_date(const char *s, int64_t *days)
{
	int y, m, d;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    !civil_digits(s, 4) || !civil_digits(s + 5, 2) ||
	    !civil_digits(s + 8, 2))
		return -1;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (!civil_valid(y, m, d))
		return -1;
	*days = civil_days(y, m, d);
	return 0;
}

int
civil_parse_hhmm(const char *s, int *minutes)
{
	int h, m;

	if (strlen(s) != 5 || s[2] != ':' || !civil_digits(s, 2) ||
	    !civil_digits(s + 3, 2))
		return -1;
	h = (s[0] - '0') * 10 + (s[1] - '0');
	m = (s[3] - '0') * 10 + (s[4] - '0');
	if (m > 59 || h > 24 || (h == 24 && m != 0))
		return -1;
	*minutes = h * 60 + m;
	return 0;
}

void
civil_format_date(int64_t days, char *buf)
{
	int y, m, d;

	civil_from_days(days, &y, &m, &d);
	/* Years outside 0..9999 cannot be written as YYYY: clamp them. */
	if (y < 0)
		y = 0;
	if (y > 9999)
		y = 9999;
	snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
	    (unsigned)d % 100u);
}

int
civil_day_code(const char *s)
{
	for (int i = 0; i < 7; i++)
		if (strcmp(s, civil_days_names[i]) == 0)
			return i;
	return -1;
}

const char *
civil_day_name(int day)
{
	return day >= 0 && day < 7 ? civil_days_names[day] : "??";
}
