/*
 * One participant of a scenario (SPEC section 2), from a JSON object or a
 * CSV roster record turned into one, and the "participants" list.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario_int.h"
#include "states.h"
#include "status.h"
#include "xmalloc.h"

static const struct {
	const char *key;
	enum scn_type type;
} scn_participant_fields[] = {
	{ "id", SCN_T_STRING }, { "name", SCN_T_STRING },
	{ "email", SCN_T_STRING }, { "state", SCN_T_STRING },
	{ "timezone", SCN_T_STRING }, { "track", SCN_T_STRING },
	{ "start", SCN_T_STRING }, { "weeks", SCN_T_NUMBER },
	{ "min_hours_per_week", SCN_T_NUMBER }, { "agency", SCN_T_STRING },
	{ "separate_from_agency", SCN_T_BOOL }, { "shifts", SCN_T_STRING },
	{ "prefer", SCN_T_STRING }, { "available", SCN_T_LIST }
};
#define SCN_NFIELDS \
	(sizeof scn_participant_fields / sizeof scn_participant_fields[0])
_Static_assert(SCN_NFIELDS == SCN_PARTICIPANT_FIELDS,
    "SCN_PARTICIPANT_FIELDS counts the participant fields");

static const char *const scn_participant_keys[] = {
	"id", "name", "email", "state", "timezone", "track", "start", "weeks",
	"min_hours_per_week", "agency", "separate_from_agency", "shifts",
	"prefer", "available", NULL
};

int
scn_participant_field(const char *key)
{
	for (size_t i = 0; i < SCN_NFIELDS; i++)
		if (strcmp(scn_participant_fields[i].key, key) == 0)
			return (int)scn_participant_fields[i].type;
	return -1;
}

static int
scn_state(struct scn_ctx *c, const struct scn_where *w, const cJSON *obj,
    char **out)
{
	char qb[SCN_QBUF];
	int ret;

	if ((ret = scn_get_string(c, w, obj, "state", SCN_STR_ID, true,
	    out)) != 0)
		return ret;
	if (states_index(*out) == -1)
		return scn_fail(c, w, "state", "'%s' is not a USPS state code",
		    scn_quote(*out, qb));
	return 0;
}

static int
scn_prefer(struct scn_ctx *c, const struct scn_where *w, const cJSON *obj,
    int *out)
{
	char *s = NULL, qb[SCN_QBUF];
	int ret;

	if ((ret = scn_get_string(c, w, obj, "prefer", SCN_STR_TEXT, false,
	    &s)) != 0 || s == NULL)
		return ret;
	if (strcmp(s, "evening") == 0)
		*out = SCN_PREFER_EVENING;
	else if (strcmp(s, "weekend") == 0)
		*out = SCN_PREFER_WEEKEND;
	else
		ret = scn_fail(c, w, "prefer",
		    "unknown prefer '%s' (evening or weekend)",
		    scn_quote(s, qb));
	free(s);
	return ret;
}

/* Fills in the program's defaults for what a participant may leave out. */
static void
scn_participant_defaults(const struct scn_program *pg,
    struct scn_participant *p)
{
	p->timezone = xstrdup(pg->timezone);
	p->min_hours = pg->min_hours;
	p->prefer = SCN_PREFER_NONE;
	p->available = xcalloc(pg->nwindows, sizeof *p->available);
	memcpy(p->available, pg->windows, pg->nwindows * sizeof *pg->windows);
	p->navailable = pg->nwindows;
	p->available_given = false;
}

/*
 * Reads the participant object at w into p (zeroed by the caller, which
 * owns what p holds even on failure).
 */
int
scn_parse_participant(struct scn_ctx *c, const struct scn_where *w,
    const cJSON *obj, const struct scn_program *pg,
    struct scn_participant *p)
{
	int ret;

	if ((ret = scn_check_object(c, w, obj, scn_participant_keys)) != 0)
		return ret;
	scn_participant_defaults(pg, p);
	if ((ret = scn_get_string(c, w, obj, "id", SCN_STR_ID, true,
	    &p->id)) != 0 ||
	    (ret = scn_get_string(c, w, obj, "name", SCN_STR_NAME, false,
	    &p->name)) != 0 ||
	    (ret = scn_get_string(c, w, obj, "email", SCN_STR_EMAIL, false,
	    &p->email)) != 0 ||
	    (ret = scn_state(c, w, obj, &p->state)) != 0 ||
	    (ret = scn_get_zone(c, w, obj, "timezone", false,
	    &p->timezone)) != 0 ||
	    (ret = scn_get_string(c, w, obj, "track", SCN_STR_ID, true,
	    &p->track)) != 0 ||
	    (ret = scn_get_date(c, w, obj, "start", true, &p->start)) != 0 ||
	    (ret = scn_get_int(c, w, obj, "weeks", 1, SCN_MAX_COUNT, true,
	    &p->weeks)) != 0 ||
	    (ret = scn_get_double(c, w, obj, "min_hours_per_week",
	    SCN_MAX_HOURS, false, &p->min_hours)) != 0 ||
	    (ret = scn_get_string(c, w, obj, "agency", SCN_STR_ID, false,
	    &p->agency)) != 0 ||
	    (ret = scn_get_bool(c, w, obj, "separate_from_agency",
	    &p->separate_from_agency)) != 0 ||
	    (ret = scn_get_calendar(c, w, obj, "shifts", &p->shifts)) != 0 ||
	    (ret = scn_prefer(c, w, obj, &p->prefer)) != 0 ||
	    (ret = scn_get_windows(c, w, obj, "available", &p->available,
	    &p->navailable, &p->available_given)) != 0)
		return ret;
	return 0;
}

/* Reads the participants list arr into sc (which owns them on failure). */
int
scn_parse_participants(struct scn_ctx *c, const cJSON *arr,
    struct scenario *sc)
{
	struct scn_where w = { NULL, 0 };
	const cJSON *item;
	char path[48];
	size_t i = 0;
	int ret;

	if ((ret = scn_check_count(c, NULL, "participants", arr,
	    SCN_MAX_PARTICIPANTS, "participants")) != 0)
		return ret;
	sc->nparticipants = (size_t)cJSON_GetArraySize(arr);
	sc->participants = xcalloc(sc->nparticipants,
	    sizeof *sc->participants);
	cJSON_ArrayForEach(item, arr) {
		snprintf(path, sizeof path, "participants[%zu]", i);
		w.path = path;
		if ((ret = scn_parse_participant(c, &w, item, &sc->program,
		    &sc->participants[i++])) != 0)
			return ret;
	}
	return 0;
}
