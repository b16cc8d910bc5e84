/*
 * The "clinicians" and "groups" lists of a scenario (SPEC section 2), each
 * item on its own; what ties items together is in scenario_check.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "civil.h"
#include "scenario_int.h"
#include "states.h"
#include "status.h"
#include "xmalloc.h"

static const char *const scn_clinician_keys[] = {
	"id", "name", "email", "licensed_states", "max_hours_per_week",
	"max_groups", "calendar", NULL
};
static const char *const scn_group_keys[] = {
	"id", "track", "clinician", "capacity", "sessions", NULL
};
static const char *const scn_session_keys[] = {
	"day", "start", "minutes", NULL
};

/* Reads a clinician's licensed_states: USPS codes, each once. */
static int
scn_states(struct scn_ctx *c, const struct scn_where *w, const cJSON *obj,
    struct scn_clinician *cl)
{
	const cJSON *arr, *s;
	char key[48], qb[SCN_QBUF];
	int ret;

	if ((ret = scn_get_array(c, w, obj, "licensed_states", true,
	    &arr)) != 0)
		return ret;
	cl->states = xcalloc((size_t)cJSON_GetArraySize(arr),
	    sizeof *cl->states);
	cJSON_ArrayForEach(s, arr) {
		snprintf(key, sizeof key, "licensed_states[%zu]", cl->nstates);
		if ((ret = scn_check_string(c, w, key, s, SCN_STR_TEXT)) != 0)
			return ret;
		if (states_index(s->valuestring) == -1)
			return scn_fail(c, w, key,
			    "'%s' is not a USPS state code",
			    scn_quote(s->valuestring, qb));
		for (size_t i = 0; i < cl->nstates; i++)
			if (strcmp(cl->states[i], s->valuestring) == 0)
				return scn_fail(c, w, key,
				    "state '%s' listed twice", s->valuestring);
		cl->states[cl->nstates++] = xstrdup(s->valuestring);
	}
	return 0;
}

static int
scn_clinician(struct scn_ctx *c, const struct scn_where *w, const cJSON *obj,
    struct scn_clinician *cl)
{
	int ret;

	cl->max_groups = -1;
	if ((ret = scn_check_object(c, w, obj, scn_clinician_keys)) != 0 ||
	    (ret = scn_get_string(c, w, obj, "id", SCN_STR_ID, true,
	    &cl->id)) != 0 ||
	    (ret = scn_get_string(c, w, obj, "name", SCN_STR_NAME, false,
	    &cl->name)) != 0 ||
	    (ret = scn_get_string(c, w, obj, "email", SCN_STR_EMAIL, false,
	    &cl->email)) != 0 ||
	    (ret = scn_states(c, w, obj, cl)) != 0 ||
	    (ret = scn_get_double(c, w, obj, "max_hours_per_week",
	    SCN_MAX_HOURS, true, &cl->max_hours)) != 0 ||
	    (ret = scn_get_int(c, w, obj, "max_groups", 0, SCN_MAX_COUNT,
	    false, &cl->max_groups)) != 0 ||
	    (ret = scn_get_calendar(c, w, obj, "calendar",
	    &cl->calendar)) != 0)
		return ret;
	return 0;
}

/* Reads the clinicians list arr into sc (which owns them even on failure). */
int
scn_parse_clinicians(struct scn_ctx *c, const cJSON *arr, struct scenario *sc)
{
	struct scn_where w = { NULL, 0 };
	const cJSON *item;
	char path[48];
	size_t i = 0;
	int ret;

	if ((ret = scn_check_count(c, NULL, "clinicians", arr,
	    SCN_MAX_CLINICIANS, "clinicians")) != 0)
		return ret;
	sc->nclinicians = (size_t)cJSON_GetArraySize(arr);
	sc->clinicians = xcalloc(sc->nclinicians, sizeof *sc->clinicians);
	cJSON_ArrayForEach(item, arr) {
		snprintf(path, sizeof path, "clinicians[%zu]", i);
		w.path = path;
		if ((ret = scn_clinician(c, &w, item,
		    &sc->clinicians[i++])) != 0)
			return ret;
	}
	return 0;
}

/* Reads one {"day", "start", "minutes"} session at w. */
static int
scn_session(struct scn_ctx *c, const struct scn_where *w, const cJSON *obj,
    struct scn_session *s)
{
	const cJSON *day;
	char qb[SCN_QBUF];
	int ret;

	if ((ret = scn_check_object(c, w, obj, scn_session_keys)) != 0)
		return ret;
	if ((day = cJSON_GetObjectItemCaseSensitive(obj, "day")) == NULL)
		return scn_missing(c, w, "day");
	if ((ret = scn_check_string(c, w, "day", day, SCN_STR_TEXT)) != 0)
		return ret;
	if ((s->day = civil_day_code(day->valuestring)) == -1)
		return scn_fail(c, w, "day", "unknown day code '%s'",
		    scn_quote(day->valuestring, qb));
	if ((ret = scn_get_hhmm(c, w, obj, "start", &s->start)) != 0 ||
	    (ret = scn_get_int(c, w, obj, "minutes", 1, 24 * 60, true,
	    &s->minutes)) != 0)
		return ret;
	return 0;
}

static int
scn_sessions(struct scn_ctx *c, const struct scn_where *w, const cJSON *obj,
    struct scn_group *g)
{
	struct scn_where at = { NULL, 0 };
	const cJSON *arr, *item;
	char *path;
	int ret;

	if ((ret = scn_get_array(c, w, obj, "sessions", true, &arr)) != 0 ||
	    (ret = scn_check_count(c, w, "sessions", arr, SCN_MAX_SESSIONS,
	    "sessions")) != 0)
		return ret;
	g->sessions = xcalloc((size_t)cJSON_GetArraySize(arr),
	    sizeof *g->sessions);
	cJSON_ArrayForEach(item, arr) {
		at.path = path = scn_child_path(w, "sessions", g->nsessions);
		ret = scn_session(c, &at, item, &g->sessions[g->nsessions++]);
		free(path);
		if (ret != 0)
			return ret;
	}
	return 0;
}

static int
scn_group(struct scn_ctx *c, const struct scn_where *w, const cJSON *obj,
    const struct scn_program *pg, struct scn_group *g)
{
	int ret;

	g->capacity = pg->group_max;
	if ((ret = scn_check_object(c, w, obj, scn_group_keys)) != 0 ||
	    (ret = scn_get_string(c, w, obj, "id", SCN_STR_ID, true,
	    &g->id)) != 0 ||
	    (ret = scn_get_string(c, w, obj, "track", SCN_STR_ID, true,
	    &g->track)) != 0 ||
	    (ret = scn_get_string(c, w, obj, "clinician", SCN_STR_ID, true,
	    &g->clinician)) != 0 ||
	    (ret = scn_get_int(c, w, obj, "capacity", 0, SCN_MAX_COUNT,
	    false, &g->capacity)) != 0 ||
	    (ret = scn_sessions(c, w, obj, g)) != 0)
		return ret;
	return 0;
}

/* Reads the groups list arr into sc (which owns them even on failure). */
int
scn_parse_groups(struct scn_ctx *c, const cJSON *arr, struct scenario *sc)
{
	struct scn_where w = { NULL, 0 };
	const cJSON *item;
	char path[48];
	size_t i = 0;
	int ret;

	if ((ret = scn_check_count(c, NULL, "groups", arr, SCN_MAX_GROUPS,
	    "groups")) != 0)
		return ret;
	sc->ngroups = (size_t)cJSON_GetArraySize(arr);
	sc->groups = xcalloc(sc->ngroups, sizeof *sc->groups);
	cJSON_ArrayForEach(item, arr) {
		snprintf(path, sizeof path, "groups[%zu]", i);
		w.path = path;
		if ((ret = scn_group(c, &w, item, &sc->program,
		    &sc->groups[i++])) != 0)
			return ret;
	}
	return 0;
}
