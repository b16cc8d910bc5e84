/*
 * iopsched calendar expand FILE --from DATE --to DATE [--tz ZONE]
 * [--honor-transp] [--format json|table]: what busy time iopsched reads in
 * a calendar file (SPEC section 3), as JSON lines or a local-time table.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "civil.h"
#include "command.h"
#include "exitcode.h"
#include "output.h"
#include "status.h"
#include "xmalloc.h"

struct calendar_opts {
	const char *sub;
	const char *file;
	const char *from;
	const char *to;
	const char *tz;
	bool	honor_transp;
	bool	table;
};

enum { OPT_FROM = 0x100, OPT_TO, OPT_TZ, OPT_TRANSP, OPT_FORMAT };

static const struct argp_option calendar_options[] = {
	{ "from", OPT_FROM, "DATE", 0, "Window start, YYYY-MM-DD (required)", 0 },
	{ "to", OPT_TO, "DATE", 0, "Window end, exclusive (required)", 0 },
	{ "tz", OPT_TZ, "ZONE", 0,
	  "Zone of the window and of floating times (default UTC)", 0 },
	{ "honor-transp", OPT_TRANSP, NULL, 0,
	  "Read TRANSP:TRANSPARENT as free (a clinician's calendar)", 0 },
	{ "format", OPT_FORMAT, "FORMAT", 0,
	  "json (default, JSON lines) or table (local times)", 0 },
	{ NULL, 0, NULL, 0, NULL, 0 }
};

static error_t
calendar_parse(int key, char *arg, struct argp_state *state)
{
	struct calendar_opts *o = state->input;

	switch (key) {
	case ARGP_KEY_INIT:
		state->child_inputs[0] = NULL;
		return 0;
	case OPT_FROM: o->from = arg; return 0;
	case OPT_TO: o->to = arg; return 0;
	case OPT_TZ: o->tz = arg; return 0;
	case OPT_TRANSP: o->honor_transp = true; return 0;
	case OPT_FORMAT:
		if (strcmp(arg, "table") != 0 && strcmp(arg, "json") != 0)
			cmd_usage(state, "--format: '%s' is not json or table",
			    arg);
		o->table = strcmp(arg, "table") == 0;
		return 0;
	case ARGP_KEY_ARG:
		if (o->sub == NULL)
			o->sub = arg;
		else if (o->file == NULL)
			o->file = arg;
		else
			cmd_usage(state, "too many arguments");
		return 0;
	case ARGP_KEY_END:
		if (o->sub == NULL || strcmp(o->sub, "expand") != 0)
			cmd_usage(state, "the only subcommand is 'expand'");
		if (o->file == NULL)
			cmd_usage(state, "expand needs a FILE ('-' for stdin)");
		if (o->from == NULL || o->to == NULL)
			cmd_usage(state, "expand needs --from and --to");
		return 0;
	default:
		return ARGP_ERR_UNKNOWN;
	}
}

static const struct argp calendar_argp = {
	calendar_options, calendar_parse, "expand FILE",
	"Print the busy intervals FILE contributes between --from 00:00 and "
	"--to 00:00 in --tz, one JSON object a line, sorted by start then end.",
	cmd_global_child, NULL, NULL
};

/* The window in UTC; a usage error when a date or the zone is bad. */
static int
calendar_window(const struct calendar_opts *o, int64_t *from, int64_t *to,
    char **cause)
{
	int64_t df, dt;
	int rc;

	if (civil_parse_date(o->from, &df) != 0 ||
	    civil_parse_date(o->to, &dt) != 0) {
		*cause = xasprintf("--from and --to need dates as YYYY-MM-DD");
		return IOP_EUSAGE;
	}
	if (!cal_zone_valid(o->tz)) {
		*cause = xasprintf("--tz: unknown time zone '%s'", o->tz);
		return IOP_EUSAGE;
	}
	if (dt <= df) {
		*cause = xasprintf("--to must be after --from");
		return IOP_EUSAGE;
	}
	rc = cal_local_to_utc(o->tz, df, 0, from, cause);
	if (rc == 0)
		rc = cal_local_to_utc(o->tz, dt, 0, to, cause);
	return rc;
}

static void
calendar_print_json(const struct cal_busy *b)
{
	cJSON *o = cJSON_CreateObject();
	char buf[40], *cause = NULL, *text;

	cal_format_rfc3339(NULL, b->start, buf, &cause);
	cJSON_AddStringToObject(o, "start", buf);
	cal_format_rfc3339(NULL, b->end, buf, &cause);
	cJSON_AddStringToObject(o, "end", buf);
	free(cause);
	cJSON_AddStringToObject(o, "uid", b->uid != NULL ? b->uid : "");
	cJSON_AddStringToObject(o, "summary",
	    b->summary != NULL ? b->summary : "");
	text = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	if (text == NULL)
		abort();
	printf("%s\n", text);
	cJSON_free(text);
}

static void
calendar_print_row(const char *zone, const struct cal_busy *b)
{
	char s[40], e[40], *cause = NULL;

	cal_format_rfc3339(zone, b->start, s, &cause);
	cal_format_rfc3339(zone, b->end, e, &cause);
	free(cause);
	s[10] = ' ';
	s[16] = '\0';
	e[10] = ' ';
	e[16] = '\0';
	printf("%s  %s  %6.2f h  ", s, e,
	    (double)(b->end - b->start) / 3600.0);
	output_text(stdout, b->summary != NULL ? b->summary : "");
	putchar('\n');
}

static int
calendar_run(int argc, char **argv)
{
	struct calendar_opts o = { 0 };
	struct cal_expand_opts eo = { 0 };
	struct cal_busy_list busy = { 0 };
	char *text = NULL, *cause = NULL;
	size_t len = 0;
	int code, rc;

	o.tz = "UTC";
	if ((code = cmd_parse(&calendar_argp, argc, argv, &o)) != EXIT_OK)
		return code;
	rc = calendar_window(&o, &eo.from, &eo.to, &cause);
	if (rc == 0)
		rc = cal_read_file(o.file, &text, &len, &cause);
	if (rc == 0) {
		eo.zone = o.tz;
		eo.honor_transp = o.honor_transp;
		rc = cal_expand_text(text, len,
		    strcmp(o.file, "-") == 0 ? "<stdin>" : o.file, &eo, &busy,
		    &cause);
	}
	free(text);
	if (rc != 0) {
		cal_busy_list_release(&busy);
		return exit_report(rc, cause);
	}
	if (o.table)
		printf("%-16s  %-16s  %8s  %s   (times in %s)\n", "START", "END",
		    "LENGTH", "SUMMARY", o.tz);
	for (size_t i = 0; i < busy.n; i++) {
		if (o.table)
			calendar_print_row(o.tz, &busy.v[i]);
		else
			calendar_print_json(&busy.v[i]);
	}
	cal_busy_list_release(&busy);
	return EXIT_OK;
}

const struct command cmd_calendar = {
	"calendar", "Print the busy intervals of an iCalendar file",
	calendar_run
};
