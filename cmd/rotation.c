/*
 * iopsched rotation PATTERN --start DATETIME --tz ZONE --weeks N
 * [--shift-start HH:MM] [--hours H]: write an iCalendar file of a standard
 * shift rotation to stdout.  The patterns and how their shifts are written
 * are documented in calendars/cal_rotation.c.
 */
#include <stdio.h>
#include <stdlib.h>

#include "cal.h"
#include "command.h"
#include "exitcode.h"
#include "rotation_args.h"

struct rotation_opts {
	struct cal_rotation rot;
	int	start_time;		/* --start's time; -1: a date only */
	int	shift_start;		/* --shift-start; -1: not given */
	bool	has_start;
};

enum { OPT_START = 0x100, OPT_TZ, OPT_WEEKS, OPT_SHIFT_START, OPT_HOURS };

static const struct argp_option rotation_options[] = {
	{ "start", OPT_START, "DATETIME", 0, "Cycle day 1 and its first "
	  "shift's start, YYYY-MM-DDTHH:MM, or a date YYYY-MM-DD for the "
	  "pattern's default time (required)", 0 },
	{ "tz", OPT_TZ, "ZONE", 0, "Time zone of the shifts (required)", 0 },
	{ "weeks", OPT_WEEKS, "N", 0,
	  "Shifts that start in N weeks from the start date, 1 to 520 "
	  "(required)", 0 },
	{ "shift-start", OPT_SHIFT_START, "HH:MM", 0,
	  "Shift start, over --start's time (dupont: the night shift's)", 0 },
	{ "hours", OPT_HOURS, "H", 0, "Shift length in hours, more than 0 "
	  "and at most 24 (not for 24/48, 48/96, kelly and dupont)", 0 },
	{ NULL, 0, NULL, 0, NULL, 0 }
};

static void
rotation_arg(struct rotation_opts *o, char *arg, struct argp_state *state)
{
	if (o->rot.pattern != NULL)
		cmd_usage(state, "too many arguments");
	o->rot.pattern = arg;
}

static void
rotation_end(struct rotation_opts *o, struct argp_state *state)
{
	if (o->rot.pattern == NULL)
		cmd_usage(state, "rotation needs a PATTERN");
	if (!o->has_start || o->rot.zone == NULL || o->rot.weeks == 0)
		cmd_usage(state, "rotation needs --start, --tz and --weeks");
	if (o->shift_start >= 0)
		o->rot.shift_start = o->shift_start;
	else
		o->rot.shift_start = o->start_time;
}

static error_t
rotation_parse(int key, char *arg, struct argp_state *state)
{
	struct rotation_opts *o = state->input;

	switch (key) {
	case ARGP_KEY_INIT:
		state->child_inputs[0] = NULL;
		return 0;
	case OPT_START:
		if (rotation_parse_start(arg, &o->rot.start_day,
		    &o->start_time) != 0)
			cmd_usage(state, "--start: '%s' is not "
			    "YYYY-MM-DDTHH:MM or YYYY-MM-DD", arg);
		o->has_start = true;
		return 0;
	case OPT_TZ:
		if (!cal_zone_valid(arg))
			cmd_usage(state, "--tz: unknown time zone '%s'", arg);
		o->rot.zone = arg;
		return 0;
	case OPT_WEEKS:
		if ((o->rot.weeks = rotation_parse_weeks(arg)) < 0)
			cmd_usage(state, "--weeks: '%s' is not a number of "
			    "weeks from 1 to %d", arg, CAL_ROTATION_MAX_WEEKS);
		return 0;
	case OPT_SHIFT_START:
		if ((o->shift_start = rotation_parse_clock(arg)) < 0)
			cmd_usage(state, "--shift-start: '%s' is not a time "
			    "HH:MM from 00:00 to 23:59", arg);
		return 0;
	case OPT_HOURS:
		if ((o->rot.shift_minutes = rotation_parse_hours(arg)) < 0)
			cmd_usage(state, "--hours: '%s' is not a number of "
			    "hours above 0 and at most 24, in whole minutes",
			    arg);
		return 0;
	case ARGP_KEY_ARG:
		rotation_arg(o, arg, state);
		return 0;
	case ARGP_KEY_END:
		rotation_end(o, state);
		return 0;
	default:
		return ARGP_ERR_UNKNOWN;
	}
}

static const struct argp rotation_argp = {
	rotation_options, rotation_parse, "PATTERN",
	"Write an iCalendar file (RFC 5545, with RRULEs) of a standard shift "
	"rotation to standard output: every shift that starts in --weeks "
	"weeks from --start's date, which is day 1 of the cycle.\v"
	"PATTERN (cycle: shift days, default start and length):\n"
	"  24/48    3 days: day 1, 07:00, 24 h\n"
	"  48/96    6 days: day 1, 07:00, 48 h\n"
	"  kelly    9 days: days 1, 3, 5, 07:00, 24 h\n"
	"  pitman  14 days: days 1-2, 5-7, 10-11, 07:00, 12 h\n"
	"  dupont  28 days: nights 1-4, 12-14 at 19:00; days 8-10, 18-21 "
	"at 07:00; 12 h\n"
	"  4on4off  8 days: days 1-4, 07:00, 12 h\n"
	"  panama  28 days: days 1-2, 5-7, 10-11 at 07:00; nights 15-16, "
	"19-21, 24-25 at 19:00; 12 h\n"
	"  4x10    Monday to Thursday, 07:00, 10 h\n"
	"  5x8     Monday to Friday, 08:00, 8 h\n"
	"Every shift runs from its start to start + length on the local "
	"clock, so one that spans a DST change lasts an hour more or less.",
	cmd_global_child, NULL, NULL
};

static int
rotation_run(int argc, char **argv)
{
	struct rotation_opts o = { { 0 }, -1, -1, false };
	char *text = NULL, *cause = NULL;
	int code, rc;

	if ((code = cmd_parse(&rotation_argp, argc, argv, &o)) != EXIT_OK)
		return code;
	if ((rc = cal_rotation_write(&o.rot, &text, &cause)) != 0)
		return exit_report(rc, cause);
	fputs(text, stdout);
	free(text);
	return EXIT_OK;
}

const struct command cmd_rotation = {
	"rotation", "Write an iCalendar file of a standard shift rotation",
	rotation_run
};
