/*
 * The clinician section of the report: for each clinician, the hours of
 * running sessions and the number of groups they lead in every program
 * week, against their weekly hours and group limits (SPEC section 4
 * rule 8).
 */
#include <string.h>

#include "report_html.h"

static void
clins_week(FILE *out, const struct report_clin *rc, int w)
{
	const struct sched_clinician *mc = rc->mc;
	bool over = rc->minutes[w] > mc->max_minutes ||
	    (mc->max_groups >= 0 && rc->groups[w] > mc->max_groups);
	char h[16];

	fputs("<td>", out);
	report_bar(out, rc->minutes[w], 0, -1, mc->max_minutes);
	fprintf(out, "%s h<br>%d group%s%s</td>", report_hours(rc->minutes[w],
	    h), rc->groups[w], rc->groups[w] == 1 ? "" : "s",
	    over ? " <span class=\"low\">over limit</span>" : "");
}

/* The open groups the run gives clinician id, comma-separated. */
static void
clins_groups(const struct report_ctx *c, const char *id)
{
	const struct run *r = c->v->r;
	bool any = false;

	for (size_t k = 0; k < r->ngroups; k++) {
		if (!r->groups[k].open || strcmp(r->groups[k].clinician, id) != 0)
			continue;
		if (any)
			fputs(", ", c->out);
		report_esc(c->out, r->groups[k].id);
		any = true;
	}
	if (!any)
		fputs("none", c->out);
}

static void
clins_row(const struct report_ctx *c, const struct report_clin *rc)
{
	const struct sched_clinician *mc = rc->mc;
	FILE *out = c->out;
	char h[16];

	fputs("<tr class=\"c\"><th scope=\"row\">", out);
	report_clinician_name(c, mc->id);
	fprintf(out, "</th><td>%s h", report_hours(mc->max_minutes, h));
	if (mc->max_groups >= 0)
		fprintf(out, ", %d group%s", mc->max_groups,
		    mc->max_groups == 1 ? "" : "s");
	fputs("</td><td>", out);
	clins_groups(c, mc->id);
	fputs("</td>", out);
	for (int w = 0; w < c->v->g->weeks; w++)
		clins_week(out, rc, w);
	fputs("</tr>\n", out);
}

void
report_html_clins(const struct report_ctx *c)
{
	const struct report_grid *g = c->v->g;
	FILE *out = c->out;
	char d[16];

	fprintf(out, "<section id=\"clinicians\" aria-labelledby=\""
	    "clinicians-h\">\n<h2 id=\"clinicians-h\">Clinicians: %zu</h2>\n"
	    "<table class=\"load\"><caption>Hours of running sessions and "
	    "groups led each week, against each clinician's weekly limits; "
	    "the bar spans 0 to their hour limit</caption>\n<thead><tr><th "
	    "scope=\"col\">Clinician</th><th scope=\"col\">Limits</th><th "
	    "scope=\"col\">Open groups</th>", g->nclins);
	for (int w = 0; w < g->weeks; w++)
		fprintf(out, "<th scope=\"col\">W%d<br>%s</th>", w + 1,
		    report_week_short(c->v->r, w, d));
	fputs("</tr></thead>\n<tbody>\n", out);
	for (size_t k = 0; k < g->nclins; k++)
		clins_row(c, &g->clins[k]);
	fputs("</tbody></table>\n</section>\n", out);
}
