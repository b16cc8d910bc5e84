/*
 * The readable view of `explain`: the placement (or the stored reason),
 * the hours the participant could attend in each group of their track
 * week by week, what rules each group out, and the change that would
 * place them.
 */
#include <stdlib.h>
#include <string.h>

#include "civil.h"
#include "explain_view.h"
#include "output.h"

/* The run's own record of the participant. */
static void
text_record(FILE *out, const struct explain_view *v)
{
	const struct run_participant *rp = v->rp;

	if (rp == NULL) {
		fprintf(out, "%s is not in run %d: added to the scenario"
		    " since; as things stand:\n", v->id, v->r->id);
		return;
	}
	if (rp->placed)
		fprintf(out, "%s in run %d: placed in %s\n", rp->id, v->r->id,
		    rp->group);
	else
		fprintf(out, "%s in run %d: unplaced\n  %s\n", rp->id,
		    v->r->id, rp->reason != NULL ? rp->reason : "");
}

static void
text_needs(FILE *out, const struct explain_view *v)
{
	const struct sched_model *m = v->m;
	const struct sched_participant *pa = &m->participants[v->e->participant];
	char a[16], b[16], w0[32], w1[32];

	fprintf(out, "needs %s to %s h in each of %d week%s, %s to %s\n",
	    explain_hours(pa->min_minutes, a), explain_hours(m->max_minutes, b),
	    v->e->nweeks, v->e->nweeks == 1 ? "" : "s",
	    sched_week_label(m, pa->first_week, w0),
	    sched_week_label(m, pa->last_week, w1));
}

/* "2026-12-14 18:00" in the run's zone. */
static void
text_local(const struct run *r, int64_t utc, char *buf)
{
	output_time(r, utc, buf);
	if (strlen(buf) >= 16) {
		buf[10] = ' ';
		buf[16] = '\0';
	}
}

/* A placed participant's hours and makeups, week by week, from the run. */
static void
text_placed_weeks(FILE *out, const struct explain_view *v)
{
	const struct run_participant *rp = v->rp;
	char week[16], h[16], when[40];

	fprintf(out, "\nWEEK OF     HOURS  MAKEUPS\n");
	for (int w = rp->first_week; w <= rp->last_week; w++) {
		int minutes = 0;

		for (size_t k = 0; k < rp->nsessions; k++)
			if (rp->sessions[k].week == w)
				minutes += (int)((rp->sessions[k].end -
				    rp->sessions[k].start) / 60);
		civil_format_date(v->r->start + 7 * w, week);
		fprintf(out, "%-10s  %s", week, explain_hours(minutes, h));
		for (size_t k = 0, n = 0; k < rp->nsessions; k++) {
			if (rp->sessions[k].week != w || !rp->sessions[k].makeup)
				continue;
			text_local(v->r, rp->sessions[k].start, when);
			fprintf(out, "%*s%s %s", n++ == 0 ? 7 - (int)strlen(h) :
			    2, "", rp->sessions[k].group, when);
		}
		fputc('\n', out);
	}
}

static bool
text_same_track(const struct explain_view *v, int g)
{
	return v->m->groups[g].track ==
	    v->m->participants[v->e->participant].track;
}

static int
text_width(const struct explain_view *v)
{
	int w = 9;

	for (int g = 0; g < v->m->ngroups; g++)
		if (text_same_track(v, g) &&
		    (int)strlen(v->m->groups[g].id) > w)
			w = (int)strlen(v->m->groups[g].id);
	return w;
}

/* Prints a grid cell; the last one of a line is not padded. */
static void
text_cell(FILE *out, int width, const char *text, bool last)
{
	fprintf(out, "  %-*s", last ? 0 : width, text);
}

/* Weeks down, groups of the track across: "home+makeup" hours. */
static void
text_grid(FILE *out, const struct explain_view *v)
{
	const struct sched_explanation *e = v->e;
	int width = text_width(v), last = -1;
	char week[16], a[16], b[16], cell[40];

	for (int g = 0; g < e->ngroups; g++)
		if (text_same_track(v, g))
			last = g;
	fprintf(out, "\nHours they could attend (home sessions + the most"
	    " makeups could add):\nWEEK OF   ");
	for (int g = 0; g < e->ngroups; g++)
		if (text_same_track(v, g))
			text_cell(out, width, v->m->groups[g].id, g == last);
	fputc('\n', out);
	for (int k = 0; k < e->nweeks; k++) {
		civil_format_date(v->m->start_day + 7 * e->weeks[k].week, week);
		fprintf(out, "%-10s", week);
		for (int g = 0; g < e->ngroups; g++) {
			if (!text_same_track(v, g))
				continue;
			snprintf(cell, sizeof cell, "%s+%s", explain_hours(
			    e->groups[g].home_minutes[k], a), explain_hours(
			    e->groups[g].makeup_minutes[k], b));
			text_cell(out, width, cell, g == last);
		}
		fputc('\n', out);
	}
}

/* One line per group of the track: clinician, fill, what rules it out. */
static void
text_groups(FILE *out, const struct explain_view *v)
{
	const struct sched_model *m = v->m;
	int width = text_width(v);
	bool others = false;
	char fill[32];

	fprintf(out, "\n%-*s  CLINICIAN  MEMBERS  RULED OUT BY\n", width,
	    "GROUP");
	for (int g = 0; g < m->ngroups; g++) {
		const struct sched_explain_group *eg = &v->e->groups[g];
		char *why;

		if (!text_same_track(v, g)) {
			others = true;
			continue;
		}
		if (eg->members > 0)
			snprintf(fill, sizeof fill, "%d/%d", eg->members,
			    m->groups[g].capacity);
		else
			snprintf(fill, sizeof fill, "closed");
		why = explain_rule_text(v, eg);
		fprintf(out, "%-*s  %-9s  %-7s  %s\n", width, m->groups[g].id,
		    m->clinicians[m->groups[g].clinician].id, fill, why);
		free(why);
	}
	if (!others)
		return;
	fprintf(out, "other tracks:");
	for (int g = 0; g < m->ngroups; g++)
		if (!text_same_track(v, g))
			fprintf(out, " %s", m->groups[g].id);
	fputc('\n', out);
}

void
explain_print_text(FILE *out, const struct explain_view *v)
{
	char *fix;

	for (size_t k = 0; k < v->notes->n; k++)
		fprintf(out, "note: %s\n", v->notes->v[k]);
	if (v->rp == NULL && v->m == NULL)
		return;
	text_record(out, v);
	if (v->m == NULL) {
		fprintf(out, "%s is no longer in the scenario: nothing to say"
		    " about the groups today\n", v->id);
		return;
	}
	text_needs(out, v);
	if (v->rp != NULL && v->rp->placed)
		text_placed_weeks(out, v);
	text_grid(out, v);
	text_groups(out, v);
	if (v->e->home >= 0)
		return;
	fix = explain_fix_text(v);
	fprintf(out, "\nwould place them: %s\n", fix != NULL ? fix :
	    "no single change found");
	free(fix);
}
