/*
 * Calendar arithmetic on civil (proleptic Gregorian) dates, with no time
 * zones: days are counted from 1970-01-01, weekdays from Monday = 0.
 */
#ifndef IOP_CIVIL_H
#define IOP_CIVIL_H

#include <stdbool.h>
#include <stdint.h>

/* Days since 1970-01-01 of y-m-d (m 1..12, d 1..31); no range check. */
int64_t	civil_days(int y, int m, int d);
/* The inverse of civil_days. */
void	civil_from_days(int64_t days, int *y, int *m, int *d);
/* 0 = Monday ... 6 = Sunday. */
int	civil_weekday(int64_t days);
bool	civil_valid(int y, int m, int d);
/*
 * Parses "YYYY-MM-DD" strictly into days since the epoch.  Returns 0, or -1
 * when the text is not a real date.
 */
int	civil_parse_date(const char *s, int64_t *days);
/* Parses "HH:MM" (00:00..24:00) into minutes of the day; -1 when malformed. */
int	civil_parse_hhmm(const char *s, int *minutes);
/* Writes "YYYY-MM-DD" into buf (at least 11 bytes). */
void	civil_format_date(int64_t days, char *buf);
/* Day code "MO".."SU" to 0..6, or -1. */
int	civil_day_code(const char *s);
/* 0..6 to "MO".."SU". */
const char *civil_day_name(int day);

#endif
