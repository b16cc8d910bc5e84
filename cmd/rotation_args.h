/*
 * The values of the `rotation` command's options (cmd/rotation.c), parsed
 * on their own so that tests and the fuzzer reach them without argp.
 * Each returns -1 when its text is malformed or out of range.
 */
#ifndef IOP_ROTATION_ARGS_H
#define IOP_ROTATION_ARGS_H

#include <stdint.h>

/*
 * --start: "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM" into days since 1970-01-01
 * and minutes after midnight (-1 for a date only).  Returns 0 or -1.
 */
int	rotation_parse_start(const char *s, int64_t *day, int *minutes);

/* --weeks: whole weeks, 1 to CAL_ROTATION_MAX_WEEKS. */
int	rotation_parse_weeks(const char *s);

/* --shift-start: "HH:MM" from 00:00 to 23:59, as minutes. */
int	rotation_parse_clock(const char *s);

/* --hours: a decimal of whole minutes, above 0 and at most 24, as minutes. */
int	rotation_parse_hours(const char *s);

#endif
