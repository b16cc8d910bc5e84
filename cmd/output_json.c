/* The schedule document of SPEC section 5, built with cJSON. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "civil.h"
#include "output.h"
#include "xmalloc.h"

void
output_time(const struct run *r, int64_t utc, char *buf)
{
	char *cause = NULL;

	/* The zone was valid when the run was made; fall back to UTC. */
	if (cal_format_rfc3339(r->timezone, utc, buf, &cause) != 0) {
		free(cause);
		cause = NULL;
		if (cal_format_rfc3339(NULL, utc, buf, &cause) != 0)
			memcpy(buf, "?", sizeof "?");
		free(cause);
	}
}

void
output_hours(double hours, char *buf, size_t size)
{
	size_t n;

	snprintf(buf, size, "%.4f", hours);
	/* Trim trailing zeros but keep one decimal: "9.0", "9.25". */
	n = strlen(buf);
	while (n > 0 && buf[n - 1] == '0' && buf[n - 2] != '.')
		buf[--n] = '\0';
}

static cJSON *
json_summary(const struct run *r)
{
	cJSON *o = cJSON_CreateObject();

	cJSON_AddNumberToObject(o, "participants", r->participants);
	cJSON_AddNumberToObject(o, "placed", r->placed);
	cJSON_AddNumberToObject(o, "unplaced", r->unplaced);
	cJSON_AddNumberToObject(o, "groups_open", r->groups_open);
	cJSON_AddNumberToObject(o, "makeups", r->makeups);
	cJSON_AddNumberToObject(o, "bound", r->bound);
	return o;
}

static cJSON *
json_group(const struct run_group *g)
{
	cJSON *o = cJSON_CreateObject(), *members;

	cJSON_AddStringToObject(o, "id", g->id);
	cJSON_AddBoolToObject(o, "open", g->open);
	cJSON_AddStringToObject(o, "clinician", g->clinician);
	members = cJSON_AddArrayToObject(o, "members");
	for (size_t i = 0; i < g->nmembers; i++)
		cJSON_AddItemToArray(members, cJSON_CreateString(g->members[i]));
	return o;
}

static cJSON *
json_session(const struct run *r, const struct run_session *s)
{
	cJSON *o = cJSON_CreateObject();
	char buf[40];

	cJSON_AddStringToObject(o, "group", s->group);
	cJSON_AddBoolToObject(o, "makeup", s->makeup);
	output_time(r, s->start, buf);
	cJSON_AddStringToObject(o, "start", buf);
	output_time(r, s->end, buf);
	cJSON_AddStringToObject(o, "end", buf);
	return o;
}

/* One entry of "weeks": the week's date, hours and sessions. */
static cJSON *
json_week(const struct run *r, const struct run_participant *p, int w)
{
	cJSON *o = cJSON_CreateObject(), *sessions;
	char buf[40];
	double minutes = 0;

	civil_format_date(r->start + 7 * w, buf);
	cJSON_AddStringToObject(o, "week", buf);
	sessions = cJSON_CreateArray();
	for (size_t k = 0; k < p->nsessions; k++) {
		if (p->sessions[k].week != w)
			continue;
		minutes += (double)(p->sessions[k].end -
		    p->sessions[k].start) / 60.0;
		cJSON_AddItemToArray(sessions, json_session(r, &p->sessions[k]));
	}
	output_hours(minutes / 60.0, buf, sizeof buf);
	cJSON_AddRawToObject(o, "hours", buf);
	cJSON_AddItemToObject(o, "sessions", sessions);
	return o;
}

static cJSON *
json_participant(const struct run *r, const struct run_participant *p)
{
	cJSON *o = cJSON_CreateObject(), *weeks;

	cJSON_AddStringToObject(o, "id", p->id);
	cJSON_AddStringToObject(o, "status", p->placed ? "placed" : "unplaced");
	if (p->group != NULL)
		cJSON_AddStringToObject(o, "group", p->group);
	else
		cJSON_AddNullToObject(o, "group");
	if (!p->placed) {
		cJSON_AddStringToObject(o, "reason",
		    p->reason != NULL ? p->reason : "");
		return o;
	}
	weeks = cJSON_AddArrayToObject(o, "weeks");
	for (int w = p->first_week; w <= p->last_week; w++)
		cJSON_AddItemToArray(weeks, json_week(r, p, w));
	return o;
}

char *
output_json(const struct run *r, const struct output_filter *f)
{
	cJSON *doc = cJSON_CreateObject(), *groups, *parts;
	char *text, *out;

	cJSON_AddNumberToObject(doc, "run", r->id);
	cJSON_AddItemToObject(doc, "summary", json_summary(r));
	groups = cJSON_AddArrayToObject(doc, "groups");
	for (size_t i = 0; i < r->ngroups; i++)
		if (output_keep_group(r, f, &r->groups[i]))
			cJSON_AddItemToArray(groups, json_group(&r->groups[i]));
	parts = cJSON_AddArrayToObject(doc, "participants");
	for (size_t i = 0; i < r->nparts; i++)
		if (output_keep_participant(r, f, &r->parts[i]))
			cJSON_AddItemToArray(parts,
			    json_participant(r, &r->parts[i]));
	text = cJSON_Print(doc);
	cJSON_Delete(doc);
	if (text == NULL)
		abort();	/* cJSON fails only when out of memory */
	out = xasprintf("%s\n", text);
	cJSON_free(text);
	return out;
}
