/*
 * The scenario loader (cmd/scenario.h, SPEC section 2): what a good file
 * gives, every default, and for each validation rule the exact message.
 *
 * Rule cases start from tests/data/scenario/base.json, change it through
 * cJSON and load it from a temporary folder, so the expected message is
 * "TMP/t.json: ..." (or "TMP/roster.csv:LINE:COLUMN: ..." for a roster).
 */
#include <sys/stat.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <cjson/cJSON.h>

#include "scenario.h"
#include "status.h"
#include "xmalloc.h"

#define DATA "tests/data/scenario/"

static char tmpdir[] = "/tmp/test_scenario.XXXXXX";

/* The whole of path, NUL terminated (test failure when unreadable). */
static char *
slurp(const char *path, size_t *lenp)
{
	FILE *fp = fopen(path, "rb");
	char *buf;
	long n;

	assert_non_null(fp);
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	n = ftell(fp);
	assert_true(n >= 0);
	rewind(fp);
	buf = xmalloc((size_t)n + 1);
	assert_int_equal(fread(buf, 1, (size_t)n, fp), (size_t)n);
	buf[n] = '\0';
	fclose(fp);
	if (lenp != NULL)
		*lenp = (size_t)n;
	return buf;
}

static void
spill(const char *name, const char *text, size_t len)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fwrite(text, 1, len, fp), len);
	assert_int_equal(fclose(fp), 0);
	free(path);
}

/*
 * Sets (value: JSON text) or deletes (value NULL) the member at path, as
 * "groups[1].sessions[0].day", in root.
 */
static void
apply(cJSON *root, const char *path, const char *value)
{
	char buf[256], *tok, *next, *br;
	cJSON *cur = root, *v = NULL, *arr;
	long idx;

	assert_true(strlen(path) < sizeof buf);
	strcpy(buf, path);
	for (tok = buf; tok != NULL; tok = next) {
		if ((next = strchr(tok, '.')) != NULL)
			*next++ = '\0';
		idx = -1;
		if ((br = strchr(tok, '[')) != NULL) {
			*br = '\0';
			idx = strtol(br + 1, NULL, 10);
		}
		if (next != NULL) {
			cur = cJSON_GetObjectItemCaseSensitive(cur, tok);
			if (idx >= 0)
				cur = cJSON_GetArrayItem(cur, (int)idx);
			assert_non_null(cur);
			continue;
		}
		if (value != NULL)
			assert_non_null(v = cJSON_Parse(value));
		if (idx < 0 && v == NULL)
			cJSON_DeleteItemFromObjectCaseSensitive(cur, tok);
		else if (idx < 0 && cJSON_GetObjectItemCaseSensitive(cur, tok))
			cJSON_ReplaceItemInObjectCaseSensitive(cur, tok, v);
		else if (idx < 0)
			cJSON_AddItemToObject(cur, tok, v);
		else {
			assert_non_null(arr =
			    cJSON_GetObjectItemCaseSensitive(cur, tok));
			if (v == NULL)
				cJSON_DeleteItemFromArray(arr, (int)idx);
			else if (idx < cJSON_GetArraySize(arr))
				cJSON_ReplaceItemInArray(arr, (int)idx, v);
			else
				cJSON_AddItemToArray(arr, v);
		}
	}
}

/* One rule: changes to base.json (or a roster) and the message. */
struct rule_case {
	const char *name;
	const char *set[3][2];	/* path, JSON value or NULL to delete */
	const char *roster;	/* a data file to use as the roster */
	const char *cause;	/* after "TMP/t.json: " or "TMP/roster.csv:" */
	int	status;
};

/* Writes TMP/t.json from base.json with rc's changes (and the roster). */
static char *
write_case(const struct rule_case *rc)
{
	char *text, *out, *path;
	cJSON *root;
	size_t len;

	text = slurp(DATA "base.json", NULL);
	assert_non_null(root = cJSON_Parse(text));
	free(text);
	for (int i = 0; i < 3 && rc->set[i][0] != NULL; i++)
		apply(root, rc->set[i][0], rc->set[i][1]);
	if (rc->roster != NULL) {
		path = xasprintf(DATA "%s", rc->roster);
		text = slurp(path, &len);
		spill("roster.csv", text, len);
		free(text);
		free(path);
		apply(root, "participants", "\"roster.csv\"");
	}
	out = cJSON_Print(root);
	spill("t.json", out, strlen(out));
	cJSON_free(out);
	cJSON_Delete(root);
	return xasprintf("%s/t.json", tmpdir);
}

/* Loads path expecting failure; checks *sc was left released. */
static char *
load_fails(const char *path, int status)
{
	struct scenario sc, zero;
	char *cause = NULL;

	memset(&sc, 0x5a, sizeof sc);
	memset(&zero, 0, sizeof zero);
	assert_int_equal(scenario_load(path, &sc, &cause), status);
	assert_non_null(cause);
	assert_null(strchr(cause, '\n'));
	assert_memory_equal(&sc, &zero, sizeof sc);
	return cause;
}

static void
test_rule(void **state)
{
	const struct rule_case *rc = *state;
	char *path = write_case(rc), *want, *cause;

	cause = load_fails(path, rc->status ? rc->status : IOP_EINPUT);
	if (rc->roster != NULL)
		want = xasprintf("%s/roster.csv:%s", tmpdir, rc->cause);
	else
		want = xasprintf("%s: %s", path, rc->cause);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	free(path);
}

#define SESSION(d, s, m) \
	"{\"day\":\"" d "\",\"start\":\"" s "\",\"minutes\":" #m "}"
#define SESSION10 \
	"{},{},{},{},{},{},{},{},{},{}"
#define WINDOW(d, f, t) \
	"[{\"days\":" d ",\"from\":\"" f "\",\"to\":\"" t "\"}]"

static struct rule_case rules[] = {
	/* Keys: unknown, missing, wrong type. */
	{ "unknown_top_level_key", { { "programme", "{}" } }, NULL,
	    "programme: unknown key", 0 },
	{ "unknown_program_key", { { "program.wekes", "3" } }, NULL,
	    "program.wekes: unknown key", 0 },
	{ "unknown_participant_key", { { "participants[1].emial", "\"a\"" } },
	    NULL, "participants[1].emial: unknown key", 0 },
	{ "unknown_session_key", { { "groups[0].sessions[2].room", "1" } },
	    NULL, "groups[0].sessions[2].room: unknown key", 0 },
	{ "missing_participants", { { "participants", NULL } }, NULL,
	    "missing required key 'participants'", 0 },
	{ "missing_program_timezone", { { "program.timezone", NULL } }, NULL,
	    "program: missing required key 'timezone'", 0 },
	{ "missing_program_start", { { "program.start", NULL } }, NULL,
	    "program: missing required key 'start'", 0 },
	{ "missing_program_weeks", { { "program.weeks", NULL } }, NULL,
	    "program: missing required key 'weeks'", 0 },
	{ "missing_program_min_hours",
	    { { "program.min_hours_per_week", NULL } }, NULL,
	    "program: missing required key 'min_hours_per_week'", 0 },
	{ "missing_program_group_size", { { "program.group_size", NULL } },
	    NULL, "program: missing required key 'group_size'", 0 },
	{ "missing_group_size_max", { { "program.group_size.max", NULL } },
	    NULL, "program.group_size: missing required key 'max'", 0 },
	{ "missing_clinician_id", { { "clinicians[1].id", NULL } }, NULL,
	    "clinicians[1]: missing required key 'id'", 0 },
	{ "missing_clinician_states",
	    { { "clinicians[0].licensed_states", NULL } }, NULL,
	    "clinicians[0]: missing required key 'licensed_states'", 0 },
	{ "missing_clinician_max_hours",
	    { { "clinicians[0].max_hours_per_week", NULL } }, NULL,
	    "clinicians[0]: missing required key 'max_hours_per_week'", 0 },
	{ "missing_group_id", { { "groups[1].id", NULL } }, NULL,
	    "groups[1]: missing required key 'id'", 0 },
	{ "missing_group_track", { { "groups[0].track", NULL } }, NULL,
	    "groups[0]: missing required key 'track'", 0 },
	{ "missing_group_clinician", { { "groups[0].clinician", NULL } }, NULL,
	    "groups[0]: missing required key 'clinician'", 0 },
	{ "missing_group_sessions", { { "groups[0].sessions", NULL } }, NULL,
	    "groups[0]: missing required key 'sessions'", 0 },
	{ "missing_participant_id", { { "participants[0].id", NULL } }, NULL,
	    "participants[0]: missing required key 'id'", 0 },
	{ "missing_participant_state", { { "participants[0].state", NULL } },
	    NULL, "participants[0]: missing required key 'state'", 0 },
	{ "missing_participant_track", { { "participants[1].track", NULL } },
	    NULL, "participants[1]: missing required key 'track'", 0 },
	{ "missing_participant_start", { { "participants[0].start", NULL } },
	    NULL, "participants[0]: missing required key 'start'", 0 },
	{ "missing_participant_weeks", { { "participants[0].weeks", NULL } },
	    NULL, "participants[0]: missing required key 'weeks'", 0 },
	{ "missing_window_to", { { "program.windows",
	    "[{\"days\":[\"MO\"],\"from\":\"17:00\"}]" } }, NULL,
	    "program.windows[0]: missing required key 'to'", 0 },
	{ "wrong_type_integer", { { "program.weeks", "\"12\"" } }, NULL,
	    "program.weeks: expected an integer, not a string", 0 },
	{ "wrong_type_string", { { "participants[0].state", "5" } }, NULL,
	    "participants[0].state: expected a string, not a number", 0 },
	{ "wrong_type_boolean",
	    { { "participants[0].separate_from_agency", "\"yes\"" } }, NULL,
	    "participants[0].separate_from_agency: expected true or false, "
	    "not a string", 0 },
	{ "wrong_type_object", { { "program.group_size", "[4, 12]" } }, NULL,
	    "program.group_size: expected an object, not a list", 0 },
	{ "wrong_type_list", { { "clinicians", "{}" } }, NULL,
	    "clinicians: expected a list", 0 },
	{ "wrong_type_participants", { { "participants", "5" } }, NULL,
	    "participants: expected a list or the name of a CSV roster", 0 },
	{ "wrong_type_null", { { "program.max_hours_per_week", "null" } },
	    NULL, "program.max_hours_per_week: expected a number, not null",
	    0 },
	/* Values outside their domain. */
	{ "negative_hours", { { "program.min_hours_per_week", "-1" } }, NULL,
	    "program.min_hours_per_week: -1 is negative", 0 },
	{ "negative_buffer",
	    { { "program.buffers", "{\"before_shift_minutes\": -5}" } }, NULL,
	    "program.buffers.before_shift_minutes: -5 is negative", 0 },
	{ "negative_max_groups", { { "clinicians[0].max_groups", "-1" } },
	    NULL, "clinicians[0].max_groups: -1 is negative", 0 },
	{ "negative_capacity", { { "groups[1].capacity", "-2" } }, NULL,
	    "groups[1].capacity: -2 is negative", 0 },
	{ "fractional_weeks", { { "program.weeks", "2.5" } }, NULL,
	    "program.weeks: 2.5 is not an integer", 0 },
	{ "fractional_capacity", { { "groups[0].capacity", "7.5" } }, NULL,
	    "groups[0].capacity: 7.5 is not an integer", 0 },
	{ "fractional_makeups", { { "program.makeups_per_week", "0.5" } },
	    NULL, "program.makeups_per_week: 0.5 is not an integer", 0 },
	{ "fractional_group_size", { { "program.group_size",
	    "{\"min\": 1.5, \"max\": 12}" } }, NULL,
	    "program.group_size.min: 1.5 is not an integer", 0 },
	{ "huge_weeks", { { "program.weeks", "1e10" } }, NULL,
	    "program.weeks: 1e+10 is more than 520", 0 },
	{ "group_size_min_above_max", { { "program.group_size",
	    "{\"min\": 13, \"max\": 12}" } }, NULL,
	    "program.group_size.min: 13 is more than max (12)", 0 },
	{ "min_hours_above_max_hours",
	    { { "program.min_hours_per_week", "20" } }, NULL,
	    "program.min_hours_per_week: 20 is more than max_hours_per_week "
	    "(19)", 0 },
	{ "unknown_session_day", { { "groups[1].sessions[0].day", "\"MX\"" } },
	    NULL, "groups[1].sessions[0].day: unknown day code 'MX'", 0 },
	{ "unknown_window_day", { { "program.windows",
	    WINDOW("[\"MO\",\"XX\"]", "17:00", "22:00") } }, NULL,
	    "program.windows[0].days[1]: unknown day code 'XX'", 0 },
	{ "lowercase_day_code", { { "groups[0].sessions[0].day", "\"mo\"" } },
	    NULL, "groups[0].sessions[0].day: unknown day code 'mo'", 0 },
	{ "day_listed_twice", { { "participants[0].available",
	    WINDOW("[\"MO\",\"MO\"]", "17:00", "22:00") } }, NULL,
	    "participants[0].available[0].days[1]: day 'MO' listed twice", 0 },
	{ "empty_days", { { "program.windows", WINDOW("[]", "17:00",
	    "22:00") } }, NULL, "program.windows[0].days: empty list", 0 },
	{ "empty_sessions", { { "groups[0].sessions", "[]" } }, NULL,
	    "groups[0].sessions: empty list", 0 },
	{ "unknown_prefer", { { "participants[0].prefer", "\"morning\"" } },
	    NULL, "participants[0].prefer: unknown prefer 'morning' (evening "
	    "or weekend)", 0 },
	{ "program_weeks_zero", { { "program.weeks", "0" } }, NULL,
	    "program.weeks: 0 is less than 1", 0 },
	{ "participant_weeks_zero", { { "participants[1].weeks", "0" } },
	    NULL, "participants[1].weeks: 0 is less than 1", 0 },
	{ "session_minutes_zero", { { "groups[0].sessions[0].minutes", "0" } },
	    NULL, "groups[0].sessions[0].minutes: 0 is less than 1", 0 },
	{ "session_minutes_negative",
	    { { "groups[0].sessions[0].minutes", "-30" } }, NULL,
	    "groups[0].sessions[0].minutes: -30 is less than 1", 0 },
	{ "time_not_hhmm", { { "groups[0].sessions[0].start", "\"6pm\"" } },
	    NULL, "groups[0].sessions[0].start: '6pm' is not a time (HH:MM)",
	    0 },
	{ "time_one_digit_hour", { { "program.windows",
	    WINDOW("[\"MO\"]", "9:00", "22:00") } }, NULL,
	    "program.windows[0].from: '9:00' is not a time (HH:MM)", 0 },
	{ "time_past_midnight", { { "program.windows",
	    WINDOW("[\"MO\"]", "17:00", "24:30") } }, NULL,
	    "program.windows[0].to: '24:30' is not a time (HH:MM)", 0 },
	{ "window_from_after_to", { { "program.windows",
	    WINDOW("[\"MO\"]", "22:00", "17:00") } }, NULL,
	    "program.windows[0].to: '17:00' is not after from '22:00'", 0 },
	{ "window_empty", { { "participants[1].available",
	    WINDOW("[\"SU\"]", "10:00", "10:00") } }, NULL,
	    "participants[1].available[0].to: '10:00' is not after from "
	    "'10:00'", 0 },
	{ "start_not_monday", { { "program.start", "\"2026-12-08\"" } }, NULL,
	    "program.start: '2026-12-08' is not a Monday", 0 },
	{ "bad_program_date", { { "program.start", "\"2026-02-30\"" } }, NULL,
	    "program.start: '2026-02-30' is not a date (YYYY-MM-DD)", 0 },
	{ "bad_participant_date",
	    { { "participants[1].start", "\"12/14/2026\"" } }, NULL,
	    "participants[1].start: '12/14/2026' is not a date (YYYY-MM-DD)",
	    0 },
	{ "bad_program_zone", { { "program.timezone", "\"Mars/Olympus\"" } },
	    NULL, "program.timezone: unknown time zone 'Mars/Olympus'", 0 },
	{ "bad_participant_zone",
	    { { "participants[0].timezone", "\"America/Chicag\"" } }, NULL,
	    "participants[0].timezone: unknown time zone 'America/Chicag'", 0 },
	{ "bad_participant_state", { { "participants[1].state", "\"XX\"" } },
	    NULL, "participants[1].state: 'XX' is not a USPS state code", 0 },
	{ "lowercase_state", { { "participants[0].state", "\"tx\"" } }, NULL,
	    "participants[0].state: 'tx' is not a USPS state code", 0 },
	{ "bad_licensed_state",
	    { { "clinicians[0].licensed_states", "[\"TX\", \"ZZ\"]" } }, NULL,
	    "clinicians[0].licensed_states[1]: 'ZZ' is not a USPS state code",
	    0 },
	{ "state_listed_twice",
	    { { "clinicians[1].licensed_states", "[\"CA\", \"CA\"]" } }, NULL,
	    "clinicians[1].licensed_states[1]: state 'CA' listed twice", 0 },
	{ "empty_id", { { "participants[0].id", "\"\"" } }, NULL,
	    "participants[0].id: empty string", 0 },
	{ "control_character_in_id", { { "groups[0].id", "\"G\\n1\"" } }, NULL,
	    "groups[0].id: control character in string", 0 },
	/* Cross-item rules. */
	{ "duplicate_clinician_id", { { "clinicians[1].id", "\"C1\"" } }, NULL,
	    "clinicians[1].id: duplicate id 'C1' (also clinicians[0])", 0 },
	{ "duplicate_group_id", { { "groups[1].id", "\"G1\"" } }, NULL,
	    "groups[1].id: duplicate id 'G1' (also groups[0])", 0 },
	{ "duplicate_participant_id", { { "participants[2]",
	    "{\"id\":\"P1\",\"state\":\"TX\",\"track\":\"t\","
	    "\"start\":\"2026-12-07\",\"weeks\":1}" } }, NULL,
	    "participants[2].id: duplicate id 'P1' (also participants[0])", 0 },
	{ "unknown_clinician", { { "groups[1].clinician", "\"C9\"" } }, NULL,
	    "groups[1].clinician: unknown clinician 'C9'", 0 },
	{ "session_outside_windows",
	    { { "groups[1].sessions[0].start", "\"16:00\"" } }, NULL,
	    "groups[1].sessions[0]: TU 16:00 for 120 minutes is outside every "
	    "program window", 0 },
	{ "session_past_window_end",
	    { { "groups[0].sessions[2].minutes", "721" } }, NULL,
	    "groups[0].sessions[2]: SA 09:00 for 721 minutes is outside every "
	    "program window", 0 },
	{ "session_across_two_windows", { { "program.windows",
	    "[{\"days\":[\"MO\",\"WE\",\"SA\"],\"from\":\"09:00\",\"to\":"
	    "\"19:00\"},{\"days\":[\"MO\",\"TU\"],\"from\":\"19:00\",\"to\":"
	    "\"22:00\"}]" } }, NULL,
	    "groups[0].sessions[0]: MO 18:00 for 180 minutes is outside every "
	    "program window", 0 },
	{ "sessions_overlap", { { "groups[0].sessions[3]",
	    SESSION("MO", "20:00", 60) } }, NULL,
	    "groups[0].sessions[3]: overlaps sessions[0]", 0 },
	{ "group_over_weekly_max", {
	    { "program.min_hours_per_week", "8" },
	    { "program.max_hours_per_week", "8.5" } }, NULL,
	    "groups[0].sessions: 540 minutes a week exceed the program's "
	    "max_hours_per_week (8.5)", 0 },
	{ "participant_after_program",
	    { { "participants[0].start", "\"2027-03-01\"" } }, NULL,
	    "participants[0].start: none of its 8 weeks from '2027-03-01' "
	    "falls inside the program (2026-12-07 to 2027-02-28)", 0 },
	{ "participant_before_program", {
	    { "participants[1].start", "\"2026-11-22\"" },
	    { "participants[1].weeks", "2" } }, NULL,
	    "participants[1].start: none of its 2 weeks from '2026-11-22' "
	    "falls inside the program (2026-12-07 to 2027-02-28)", 0 },
	/* Files. */
	{ "missing_shifts_file", { { "participants[0].shifts",
	    "\"nope.ics\"" } }, NULL, NULL, IOP_ENOFILE },
	{ "missing_calendar_file", { { "clinicians[0].calendar",
	    "\"cal/none.ics\"" } }, NULL, NULL, IOP_ENOFILE },
	{ "missing_roster", { { "participants", "\"nope.csv\"" } }, NULL,
	    NULL, IOP_ENOFILE },
	/* Paths out of the scenario's folder, and strings. */
	{ "shifts_climbing_out", { { "participants[0].shifts",
	    "\"cal/../../p.ics\"" } }, NULL, "participants[0].shifts: "
	    "'cal/../../p.ics' is outside the scenario's folder (it climbs out "
	    "with '..'; --allow-outside allows it)", 0 },
	{ "calendar_absolute", { { "clinicians[0].calendar",
	    "\"/etc/passwd\"" } }, NULL, "clinicians[0].calendar: "
	    "'/etc/passwd' is outside the scenario's folder (an absolute path; "
	    "--allow-outside allows it)", 0 },
	{ "roster_climbing_out", { { "participants", "\"../r.csv\"" } },
	    NULL, "participants: '../r.csv' is outside the scenario's folder "
	    "(it climbs out with '..'; --allow-outside allows it)", 0 },
	{ "email_with_two_addresses", { { "participants[0].email",
	    "\"a@b.example, c@d.example\"" } }, NULL, "participants[0].email: "
	    "'a@b.example, c@d.example' is not an e-mail address "
	    "(name@domain)", 0 },
	{ "email_without_at", { { "program.organizer",
	    "{\"email\":\"scheduling\"}" } }, NULL, "program.organizer.email: "
	    "'scheduling' is not an e-mail address (name@domain)", 0 },
	{ "name_with_bell", { { "participants[0].name", "\"A\\u0007B\"" } },
	    NULL, "participants[0].name: control character in string", 0 },
	{ "too_many_sessions", { { "groups[0].sessions",
	    "[" SESSION10 "," SESSION10 "," SESSION10 "," SESSION10 ","
	    SESSION10 ",{}]" } }, NULL, "groups[0].sessions: 51 sessions, "
	    "more than the limit of 50", 0 },
	/* CSV rosters. */
	{ "csv_unknown_column", { { NULL } }, "roster_unknown.csv",
	    "1:6: unknown column 'stat'", 0 },
	{ "csv_available_column", { { NULL } }, "roster_available.csv",
	    "1:6: 'available' is not allowed in a CSV roster", 0 },
	{ "csv_duplicate_column", { { NULL } }, "roster_dupcol.csv",
	    "1:6: column 'state' given twice", 0 },
	{ "csv_bad_boolean", { { NULL } }, "roster_bool.csv",
	    "2:6: 'yes' is not a boolean (true or false)", 0 },
	{ "csv_bad_number", { { NULL } }, "roster_number.csv",
	    "2:5: 'eight' is not a number", 0 },
	{ "csv_fractional_weeks", { { NULL } }, "roster_integer.csv",
	    "2:5: 2.5 is not an integer", 0 },
	{ "csv_ragged_row", { { NULL } }, "roster_ragged.csv",
	    "3:5: 4 fields where the header has 5", 0 },
	{ "csv_stray_quote", { { NULL } }, "roster_quote.csv",
	    "2:3: malformed field (a stray quote, or text after a closing "
	    "quote)", 0 },
	{ "csv_unclosed_quote", { { NULL } }, "roster_unclosed.csv",
	    "2:5: quoted field not closed at the end of the file", 0 },
	{ "csv_line_after_quoted_newline", { { NULL } }, "roster_state.csv",
	    "5:3: 'XX' is not a USPS state code", 0 },
	{ "csv_empty_required_cell", { { NULL } }, "roster_missing.csv",
	    "2:2: missing required key 'state'", 0 },
	{ "csv_duplicate_id", { { NULL } }, "roster_dupid.csv",
	    "5:1: duplicate id 'R1' (also line 2)", 0 },
	{ "csv_no_week_in_program", { { NULL } }, "roster_weeks.csv",
	    "3:4: none of its 8 weeks from '2027-06-07' falls inside the "
	    "program (2026-12-07 to 2027-02-28)", 0 },
};

/* A rule case without a message: the status, and a cause naming the key. */
static void
test_file_rule(void **state)
{
	const struct rule_case *rc = *state;
	char *path = write_case(rc), *cause, *want;

	cause = load_fails(path, rc->status);
	want = xasprintf("%s: %s: ", path, rc->set[0][0]);
	assert_true(strncmp(cause, want, strlen(want)) == 0);
	free(want);
	free(cause);
	free(path);
}

static void
test_base_program_defaults(void **state)
{
	struct scenario sc;
	char *cause = NULL;

	(void)state;
	assert_int_equal(scenario_load(DATA "base.json", &sc, &cause), 0);
	assert_null(cause);
	assert_string_equal(sc.path, DATA "base.json");
	assert_null(sc.program.name);
	assert_string_equal(sc.program.timezone, "America/Chicago");
	assert_int_equal(sc.program.start, 20794);	/* 2026-12-07 */
	assert_int_equal(sc.program.weeks, 12);
	assert_true(sc.program.min_hours == 9);
	assert_true(sc.program.max_hours == 19);
	assert_int_equal(sc.program.group_min, 4);
	assert_int_equal(sc.program.group_max, 12);
	assert_int_equal(sc.program.makeups_per_week, 1);
	assert_int_equal(sc.program.before_shift_minutes, 0);
	assert_int_equal(sc.program.after_shift_minutes, 0);
	assert_true(sc.program.long_shift_hours == 0);
	assert_true(sc.program.rest_after_long_shift_hours == 0);
	assert_int_equal(sc.program.nwindows, 2);
	assert_int_equal(sc.program.windows[0].days, 0x1f);
	assert_int_equal(sc.program.windows[0].from, 17 * 60);
	assert_int_equal(sc.program.windows[0].to, 22 * 60);
	assert_int_equal(sc.program.windows[1].days, 0x60);
	assert_int_equal(sc.program.windows[1].from, 8 * 60);
	assert_int_equal(sc.program.windows[1].to, 21 * 60);
	assert_null(sc.program.organizer_name);
	assert_null(sc.program.organizer_email);
	assert_null(sc.program.video_url);
	assert_string_equal(sc.program.invite_title, "Group session");
	assert_null(sc.program.crisis_text);
	scenario_release(&sc);
	scenario_release(&sc);		/* a released scenario is empty */
}

static void
test_base_item_defaults(void **state)
{
	struct scenario sc;
	char *cause = NULL;

	(void)state;
	assert_int_equal(scenario_load(DATA "base.json", &sc, &cause), 0);
	assert_int_equal(sc.nclinicians, 2);
	assert_string_equal(sc.clinicians[0].id, "C1");
	assert_null(sc.clinicians[0].name);
	assert_null(sc.clinicians[0].email);
	assert_int_equal(sc.clinicians[0].nstates, 2);
	assert_string_equal(sc.clinicians[0].states[1], "OK");
	assert_true(sc.clinicians[0].max_hours == 20);
	assert_int_equal(sc.clinicians[0].max_groups, -1);
	assert_null(sc.clinicians[0].calendar.path);
	assert_null(sc.clinicians[0].calendar.text);
	assert_null(sc.clinicians[0].calendar.hash);

	assert_int_equal(sc.ngroups, 2);
	assert_int_equal(sc.groups[0].capacity, 12);
	assert_string_equal(sc.groups[1].clinician, "C2");
	assert_int_equal(sc.groups[0].nsessions, 3);
	assert_int_equal(sc.groups[0].sessions[2].day, 5);
	assert_int_equal(sc.groups[0].sessions[2].start, 9 * 60);
	assert_int_equal(sc.groups[0].sessions[2].minutes, 180);

	assert_int_equal(sc.nparticipants, 2);
	assert_string_equal(sc.participants[1].id, "P2");
	assert_null(sc.participants[1].name);
	assert_null(sc.participants[1].email);
	assert_string_equal(sc.participants[1].state, "OK");
	assert_string_equal(sc.participants[1].timezone, "America/Chicago");
	assert_int_equal(sc.participants[1].start, 20803);
	assert_int_equal(sc.participants[1].weeks, 8);
	assert_true(sc.participants[1].min_hours == 9);
	assert_null(sc.participants[1].agency);
	assert_false(sc.participants[1].separate_from_agency);
	assert_int_equal(sc.participants[1].prefer, SCN_PREFER_NONE);
	assert_false(sc.participants[1].available_given);
	assert_int_equal(sc.participants[1].navailable, 2);
	assert_memory_equal(sc.participants[1].available, sc.program.windows,
	    2 * sizeof *sc.program.windows);
	assert_null(sc.participants[1].shifts.path);
	assert_null(sc.participants[1].shifts.text);
	scenario_release(&sc);
}

static void
test_byte_order_mark_is_skipped(void **state)
{
	struct scenario sc;
	char *text, *bom, *path, *cause = NULL;
	size_t len;

	(void)state;
	text = slurp(DATA "base.json", &len);
	bom = xasprintf("\xef\xbb\xbf%s", text);
	spill("t.json", bom, len + 3);
	path = xasprintf("%s/t.json", tmpdir);
	assert_int_equal(scenario_load(path, &sc, &cause), 0);
	assert_int_equal(sc.nparticipants, 2);
	scenario_release(&sc);
	free(path);
	free(bom);
	free(text);
}

static void
test_full_every_field(void **state)
{
	struct scenario sc;
	struct scn_participant *p;
	char *cause = NULL, *ics;
	size_t len;

	(void)state;
	assert_int_equal(scenario_load(DATA "full.json", &sc, &cause), 0);
	assert_string_equal(sc.program.name, "Evening & Weekend IOP");
	assert_true(sc.program.min_hours == 6.5);
	assert_true(sc.program.max_hours == 15);
	assert_int_equal(sc.program.group_min, 2);
	assert_int_equal(sc.program.makeups_per_week, 2);
	assert_int_equal(sc.program.before_shift_minutes, 60);
	assert_int_equal(sc.program.after_shift_minutes, 45);
	assert_true(sc.program.long_shift_hours == 12);
	assert_true(sc.program.rest_after_long_shift_hours == 10.5);
	assert_int_equal(sc.program.nwindows, 2);
	assert_int_equal(sc.program.windows[0].days, 0x15);
	assert_int_equal(sc.program.windows[0].from, 17 * 60 + 30);
	assert_int_equal(sc.program.windows[1].days, 0x40);
	assert_int_equal(sc.program.windows[1].to, 1440);
	assert_string_equal(sc.program.organizer_name, "IOP Scheduling");
	assert_string_equal(sc.program.organizer_email,
	    "scheduling@example.org");
	assert_string_equal(sc.program.video_url,
	    "https://telehealth.example.org/room/{group}");
	assert_string_equal(sc.program.invite_title, "Evening group");
	assert_string_equal(sc.program.crisis_text,
	    "In a crisis, call or text 988.");
	assert_string_equal(sc.clinicians[0].name, "Dana Reyes");
	assert_true(sc.clinicians[0].max_hours == 20.5);
	assert_int_equal(sc.clinicians[0].max_groups, 3);
	assert_string_equal(sc.clinicians[0].calendar.path, "cal/c1.ics");
	ics = slurp(DATA "cal/c1.ics", &len);
	assert_int_equal(sc.clinicians[0].calendar.len, len);
	assert_string_equal(sc.clinicians[0].calendar.text, ics);
	free(ics);
	assert_int_equal(sc.groups[0].capacity, 8);
	assert_int_equal(sc.groups[0].sessions[1].day, 6);

	p = &sc.participants[0];
	assert_string_equal(p->name, "Sam \"Doc\" Lee");
	assert_string_equal(p->timezone, "America/Puerto_Rico");
	assert_int_equal(p->start, 20787);		/* 2026-11-30 */
	assert_true(p->min_hours == 7.25);
	assert_string_equal(p->agency, "Metro Fire");
	assert_true(p->separate_from_agency);
	assert_int_equal(p->prefer, SCN_PREFER_WEEKEND);
	assert_true(p->available_given);
	assert_int_equal(p->navailable, 1);
	assert_int_equal(p->available[0].days, 0x42);
	assert_int_equal(p->available[0].from, 6 * 60);
	assert_int_equal(p->available[0].to, 23 * 60 + 30);
	assert_string_equal(p->shifts.path, "cal/p001.ics");
	ics = slurp(DATA "cal/p001.ics", &len);
	assert_int_equal(p->shifts.len, len);
	assert_memory_equal(p->shifts.text, ics, len + 1);
	free(ics);
	assert_int_equal(strlen(p->shifts.hash), 16);
	ics = scenario_hash(p->shifts.text, p->shifts.len);
	assert_string_equal(p->shifts.hash, ics);
	free(ics);
	scenario_release(&sc);
}

static void
test_hash_is_fnv1a_64(void **state)
{
	static const char *const vec[][2] = {
		{ "", "cbf29ce484222325" },
		{ "a", "af63dc4c8601ec8c" },
		{ "foobar", "85944171f73967e8" },
	};
	char *h;

	(void)state;
	for (size_t i = 0; i < sizeof vec / sizeof vec[0]; i++) {
		h = scenario_hash(vec[i][0], strlen(vec[i][0]));
		assert_string_equal(h, vec[i][1]);
		free(h);
	}
}

static void
test_csv_roster_good(void **state)
{
	struct scenario sc;
	struct scn_participant *p;
	char *cause = NULL;

	(void)state;
	assert_int_equal(scenario_load(DATA "roster.json", &sc, &cause), 0);
	assert_int_equal(sc.nparticipants, 3);
	p = &sc.participants[0];
	assert_string_equal(p->id, "R1");
	assert_string_equal(p->name, "Lee, Sam");
	assert_string_equal(p->agency, "Metro Fire, Station 3");
	assert_true(p->separate_from_agency);
	assert_int_equal(p->prefer, SCN_PREFER_EVENING);
	assert_true(p->min_hours == 7.5);
	assert_string_equal(p->email, "sam@example.org");
	assert_string_equal(p->shifts.path, "cal/p001.ics");
	assert_non_null(p->shifts.text);
	assert_false(p->available_given);
	p = &sc.participants[1];
	assert_string_equal(p->name, "Multi\r\nLine \"Name\"");
	assert_string_equal(p->state, "OK");
	assert_int_equal(p->weeks, 4);
	assert_true(p->min_hours == 9);		/* empty cell: default */
	assert_null(p->agency);
	assert_false(p->separate_from_agency);
	assert_null(p->email);
	assert_null(p->shifts.path);
	p = &sc.participants[2];
	assert_null(p->name);
	assert_true(p->min_hours == 0);
	assert_int_equal(p->prefer, SCN_PREFER_WEEKEND);
	scenario_release(&sc);
}

static void
test_duplicate_key(void **state)
{
	static const char text[] = "{\"program\": {\"timezone\": \"UTC\",\n"
	    "\"start\": \"2026-12-07\", \"weeks\": 1, \"weeks\": 2}}\n";
	char *path = xasprintf("%s/t.json", tmpdir), *cause, *want;

	(void)state;
	spill("t.json", text, sizeof text - 1);
	cause = load_fails(path, IOP_EINPUT);
	want = xasprintf("%s: program.weeks: key given twice", path);
	assert_string_equal(cause, want);
	free(want);
	free(cause);
	free(path);
}

/* Writes text as TMP/t.json and expects "TMP/t.json: " + want. */
static void
expect_text(const char *text, const char *want)
{
	char *path = xasprintf("%s/t.json", tmpdir), *cause, *full;

	spill("t.json", text, strlen(text));
	cause = load_fails(path, IOP_EINPUT);
	full = xasprintf("%s: %s", path, want);
	assert_string_equal(cause, full);
	free(full);
	free(cause);
	free(path);
}

static void
test_syntax_error_names_line(void **state)
{
	(void)state;
	expect_text("{\n  \"program\": {\n    \"weeks\": 12,\n  },\n}\n",
	    "line 4: JSON syntax error near ','");
	expect_text("{\"program\": {\"weeks\": 12}\n",
	    "line 2: JSON syntax error at the end of the file");
	expect_text("", "line 1: JSON syntax error at the end of the file");
	expect_text("{} x", "line 1: JSON syntax error near 'x'");
}

static void
test_not_utf8_or_not_object(void **state)
{
	(void)state;
	expect_text("{\n\"program\": \"\xff\"}",
	    "line 2: not valid UTF-8 text");
	expect_text("[1, 2]", "expected a JSON object");
}

static void
test_missing_and_directory_are_enofile(void **state)
{
	char *cause;

	(void)state;
	cause = load_fails(DATA "no-such.json", IOP_ENOFILE);
	free(cause);
	cause = load_fails(DATA "cal", IOP_ENOFILE);
	free(cause);
}

static void
test_validate_on_stored_data(void **state)
{
	struct scenario sc;
	char *cause = NULL;

	(void)state;
	assert_int_equal(scenario_load(DATA "base.json", &sc, &cause), 0);
	assert_int_equal(scenario_validate(&sc, "iopsched.db", &cause), 0);
	assert_null(cause);
	free(sc.groups[0].clinician);
	sc.groups[0].clinician = xstrdup("CX");
	assert_int_equal(scenario_validate(&sc, "iopsched.db", &cause),
	    IOP_EINPUT);
	assert_string_equal(cause,
	    "iopsched.db: groups[0].clinician: unknown clinician 'CX'");
	free(cause);
	scenario_release(&sc);
}

static void
test_participant_from_week_before_loads(void **state)
{
	static struct rule_case rc = { "early", {
	    { "participants[0].start", "\"2026-12-06\"" },
	    { "participants[0].weeks", "2" } }, NULL, NULL, 0 };
	struct scenario sc;
	char *path, *cause = NULL;

	(void)state;
	path = write_case(&rc);
	assert_int_equal(scenario_load(path, &sc, &cause), 0);
	assert_int_equal(sc.participants[0].start, 20793);
	scenario_release(&sc);
	free(path);
}

/*
 * cJSON would cut "P\u0000X" to "P": the loader refuses it, naming the
 * line, while an escaped backslash before "u0000" is only text.
 */
static void
test_nul_escape_is_refused(void **state)
{
	struct scenario sc;
	char *text, *at, *edit, *path, *cause = NULL;

	(void)state;
	text = slurp(DATA "base.json", NULL);
	assert_non_null(at = strstr(text, "\"P1\""));
	edit = xasprintf("%.*s\"P\\\\u0000X\"%s", (int)(at - text), text,
	    at + 4);
	spill("t.json", edit, strlen(edit));
	path = xasprintf("%s/t.json", tmpdir);
	assert_int_equal(scenario_load(path, &sc, &cause), 0);
	assert_string_equal(sc.participants[0].id, "P\\u0000X");
	scenario_release(&sc);
	free(edit);
	edit = xasprintf("%.*s\"P\\u0000X\"%s", (int)(at - text), text,
	    at + 4);
	spill("t.json", edit, strlen(edit));
	cause = load_fails(path, IOP_EINPUT);
	free(edit);
	edit = xasprintf("%s: line 22: \\u0000 (a NUL character) in a string",
	    path);
	assert_string_equal(cause, edit);
	free(cause);
	free(edit);
	free(path);
	free(text);
}

/*
 * A file inside the scenario's folder loads however the path gets there;
 * one outside (here by an absolute path) only with SCN_LOAD_ANYWHERE.
 */
static void
test_paths_inside_or_anywhere(void **state)
{
	struct rule_case rc = { "paths", { { "participants[0].shifts",
	    "\"sub/.././p.ics\"" } }, NULL, NULL, 0 };
	struct scenario sc;
	char *ics, *path, *sub, *file, *abs, *cause = NULL;
	size_t len;

	(void)state;
	ics = slurp(DATA "cal/p001.ics", &len);
	spill("p.ics", ics, len);
	sub = xasprintf("%s/sub", tmpdir);
	assert_int_equal(mkdir(sub, 0700), 0);
	path = write_case(&rc);
	assert_int_equal(scenario_load(path, &sc, &cause), 0);
	assert_memory_equal(sc.participants[0].shifts.text, ics, len);
	scenario_release(&sc);
	free(path);
	file = xasprintf("%s/p.ics", tmpdir);
	abs = xasprintf("\"%s\"", file);
	rc.set[0][1] = abs;
	path = write_case(&rc);
	free(load_fails(path, IOP_EINPUT));
	assert_int_equal(scenario_load_with(path, SCN_LOAD_ANYWHERE, &sc,
	    &cause), 0);
	assert_memory_equal(sc.participants[0].shifts.text, ics, len);
	scenario_release(&sc);
	unlink(file);
	rmdir(sub);
	free(path);
	free(abs);
	free(file);
	free(sub);
	free(ics);
}

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char *path;

	(void)state;
	path = xasprintf("%s/t.json", tmpdir);
	unlink(path);
	free(path);
	path = xasprintf("%s/roster.csv", tmpdir);
	unlink(path);
	free(path);
	return rmdir(tmpdir);
}

int
main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_base_program_defaults),
		cmocka_unit_test(test_base_item_defaults),
		cmocka_unit_test(test_byte_order_mark_is_skipped),
		cmocka_unit_test(test_full_every_field),
		cmocka_unit_test(test_hash_is_fnv1a_64),
		cmocka_unit_test(test_csv_roster_good),
		cmocka_unit_test(test_duplicate_key),
		cmocka_unit_test(test_syntax_error_names_line),
		cmocka_unit_test(test_not_utf8_or_not_object),
		cmocka_unit_test(test_missing_and_directory_are_enofile),
		cmocka_unit_test(test_validate_on_stored_data),
		cmocka_unit_test(test_participant_from_week_before_loads),
		cmocka_unit_test(test_nul_escape_is_refused),
		cmocka_unit_test(test_paths_inside_or_anywhere),
	};
	size_t nfixed = sizeof fixed / sizeof fixed[0];
	size_t nrules = sizeof rules / sizeof rules[0];
	struct CMUnitTest *all;
	int failed;

	all = xcalloc(nfixed + nrules, sizeof *all);
	memcpy(all, fixed, sizeof fixed);
	for (size_t i = 0; i < nrules; i++) {
		all[nfixed + i].name = rules[i].name;
		all[nfixed + i].test_func = rules[i].cause != NULL ?
		    test_rule : test_file_rule;
		all[nfixed + i].initial_state = &rules[i];
	}
	failed = _cmocka_run_group_tests("scenario", all, nfixed + nrules,
	    setup, teardown);
	free(all);
	return failed;
}
