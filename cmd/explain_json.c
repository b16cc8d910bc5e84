/* The JSON view of `explain` (README "explain"), built with cJSON. */
#include <cjson/cJSON.h>
#include <stdlib.h>

#include "civil.h"
#include "explain_view.h"
#include "output.h"
#include "xmalloc.h"

static void
json_hours(cJSON *o, const char *key, int minutes)
{
	char buf[32];

	output_hours(minutes / 60.0, buf, sizeof buf);
	cJSON_AddRawToObject(o, key, buf);
}

static void
json_week_key(cJSON *o, const struct run *r, int w)
{
	char buf[16];

	civil_format_date(r->start + 7 * w, buf);
	cJSON_AddStringToObject(o, "week", buf);
}

/* The run's record: status, group, reason. */
static void
json_record(cJSON *doc, const struct explain_view *v)
{
	const struct run_participant *rp = v->rp;

	cJSON_AddStringToObject(doc, "status", rp == NULL ? "absent" :
	    rp->placed ? "placed" : "unplaced");
	if (rp != NULL && rp->group != NULL)
		cJSON_AddStringToObject(doc, "group", rp->group);
	else
		cJSON_AddNullToObject(doc, "group");
	if (rp != NULL && !rp->placed)
		cJSON_AddStringToObject(doc, "reason",
		    rp->reason != NULL ? rp->reason : "");
	cJSON_AddBoolToObject(doc, "in_scenario", v->m != NULL);
}

/* A placed participant's weeks from the run: hours and makeups. */
static cJSON *
json_placed_weeks(const struct explain_view *v)
{
	const struct run_participant *rp = v->rp;
	cJSON *arr = cJSON_CreateArray();
	char buf[40];

	for (int w = rp->first_week; w <= rp->last_week; w++) {
		cJSON *o = cJSON_CreateObject(), *mk;
		int minutes = 0;

		json_week_key(o, v->r, w);
		mk = cJSON_CreateArray();
		for (size_t k = 0; k < rp->nsessions; k++) {
			const struct run_session *s = &rp->sessions[k];
			cJSON *x;

			if (s->week != w)
				continue;
			minutes += (int)((s->end - s->start) / 60);
			if (!s->makeup)
				continue;
			x = cJSON_CreateObject();
			cJSON_AddStringToObject(x, "group", s->group);
			output_time(v->r, s->start, buf);
			cJSON_AddStringToObject(x, "start", buf);
			cJSON_AddItemToArray(mk, x);
		}
		json_hours(o, "hours", minutes);
		cJSON_AddItemToObject(o, "makeups", mk);
		cJSON_AddItemToArray(arr, o);
	}
	return arr;
}

static cJSON *
json_group(const struct explain_view *v, const struct sched_explain_group *eg)
{
	const struct sched_model *m = v->m;
	const struct sched_group *gr = &m->groups[eg->group];
	cJSON *o = cJSON_CreateObject(), *weeks;
	char *why = explain_rule_text(v, eg);

	cJSON_AddStringToObject(o, "id", gr->id);
	cJSON_AddStringToObject(o, "track", m->tracks[gr->track]);
	cJSON_AddStringToObject(o, "clinician", m->clinicians[gr->clinician].id);
	cJSON_AddBoolToObject(o, "candidate", eg->candidate);
	cJSON_AddBoolToObject(o, "open", eg->members > 0);
	cJSON_AddNumberToObject(o, "members", eg->members);
	cJSON_AddNumberToObject(o, "capacity", gr->capacity);
	cJSON_AddStringToObject(o, "rule", explain_rule_name(eg->rule));
	cJSON_AddStringToObject(o, "why", why);
	free(why);
	weeks = cJSON_AddArrayToObject(o, "weeks");
	for (int k = 0; k < v->e->nweeks; k++) {
		cJSON *w = cJSON_CreateObject();

		json_week_key(w, v->r, v->e->weeks[k].week);
		json_hours(w, "home_hours", eg->home_minutes[k]);
		json_hours(w, "makeup_hours", eg->makeup_minutes[k]);
		cJSON_AddItemToArray(weeks, w);
	}
	return o;
}

static cJSON *
json_fix(const struct explain_view *v)
{
	const struct sched_explain_fix *f = &v->e->fix;
	char *text;
	cJSON *o;

	if (v->e->home >= 0 || (text = explain_fix_text(v)) == NULL)
		return cJSON_CreateNull();
	o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "rule", explain_rule_name(f->rule));
	if (f->group >= 0)
		cJSON_AddStringToObject(o, "group", v->m->groups[f->group].id);
	else
		cJSON_AddNullToObject(o, "group");
	cJSON_AddStringToObject(o, "text", text);
	free(text);
	return o;
}

/* The analysis over today's scenario. */
static void
json_analysis(cJSON *doc, const struct explain_view *v)
{
	const struct sched_participant *pa =
	    &v->m->participants[v->e->participant];
	cJSON *groups;

	json_hours(doc, "min_hours", pa->min_minutes);
	json_hours(doc, "max_hours", v->m->max_minutes);
	if (v->rp != NULL && v->rp->placed)
		cJSON_AddItemToObject(doc, "weeks", json_placed_weeks(v));
	groups = cJSON_AddArrayToObject(doc, "groups");
	for (int g = 0; g < v->e->ngroups; g++)
		cJSON_AddItemToArray(groups, json_group(v, &v->e->groups[g]));
	cJSON_AddItemToObject(doc, "would_place", json_fix(v));
}

char *
explain_json(const struct explain_view *v)
{
	cJSON *doc = cJSON_CreateObject(), *notes;
	char *text, *out;

	cJSON_AddNumberToObject(doc, "run", v->r->id);
	cJSON_AddStringToObject(doc, "participant", v->id);
	json_record(doc, v);
	notes = cJSON_AddArrayToObject(doc, "notes");
	for (size_t k = 0; k < v->notes->n; k++)
		cJSON_AddItemToArray(notes, cJSON_CreateString(v->notes->v[k]));
	if (v->m != NULL)
		json_analysis(doc, v);
	text = cJSON_Print(doc);
	cJSON_Delete(doc);
	if (text == NULL)
		abort();	/* cJSON fails only when out of memory */
	out = xasprintf("%s\n", text);
	cJSON_free(text);
	return out;
}
