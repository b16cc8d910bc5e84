/*
 * Parsing the values of the `rotation` command's options; cmd/rotation.c
 * turns a -1 into the usage message that names the option.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "civil.h"
#include "rotation_args.h"

#define DAY_MINUTES	(24 * 60)

int
rotation_parse_start(const char *s, int64_t *day, int *minutes)
{
	char date[11];

	if (strlen(s) == 10) {
		*minutes = -1;
		return civil_parse_date(s, day);
	}
	if (strlen(s) != 16 || s[10] != 'T')
		return -1;
	memcpy(date, s, 10);
	date[10] = '\0';
	if (civil_parse_date(date, day) != 0 ||
	    civil_parse_hhmm(s + 11, minutes) != 0 || *minutes >= DAY_MINUTES)
		return -1;
	return 0;
}

int
rotation_parse_weeks(const char *s)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || n < 1 ||
	    n > CAL_ROTATION_MAX_WEEKS)
		return -1;
	return (int)n;
}

int
rotation_parse_clock(const char *s)
{
	int minutes;

	/* civil_parse_hhmm takes 24:00, the end of a day, not a start. */
	if (civil_parse_hhmm(s, &minutes) != 0 || minutes >= DAY_MINUTES)
		return -1;
	return minutes;
}

int
rotation_parse_hours(const char *s)
{
	char *end;
	double h, m;

	errno = 0;
	h = strtod(s, &end);
	if (errno != 0 || end == s || *end != '\0' || !(h > 0) || h > 24)
		return -1;
	m = h * 60;
	if (fabs(m - round(m)) > 1e-6 || round(m) < 1)
		return -1;
	return (int)round(m);
}
