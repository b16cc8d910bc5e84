/*
 * The group section of the report: for every open group a grid of program
 * weeks by weekly sessions saying whether each instance runs and how many
 * attend it (home members and makeups) against capacity, shaded by fill
 * with the numbers written in; then the closed groups in one line.
 */
#include "civil.h"
#include "report_html.h"

/* Grids start collapsed once there are more open groups than this. */
#define REPORT_OPEN_GROUPS 12

/* "Mon 18:00–21:00" for weekly session ss. */
static void
groups_session_head(FILE *out, const struct sched_session *ss)
{
	static const char *const day[] = { "Mon", "Tue", "Wed", "Thu", "Fri",
	    "Sat", "Sun" };
	int end = (ss->start_minute + ss->minutes) % 1440;

	fprintf(out, "<th scope=\"col\">%s %02d:%02d\xe2\x80\x93%02d:%02d</th>",
	    day[ss->day % 7], ss->start_minute / 60, ss->start_minute % 60,
	    end / 60, end % 60);
}

/* The fill class: f0 empty ... f4 full, f5 over capacity. */
static int
groups_fill(int n, int cap)
{
	if (n == 0)
		return 0;
	if (n > cap)
		return 5;
	if (n == cap)
		return 4;
	if (4 * n >= 3 * cap)
		return 3;
	return 2 * n >= cap ? 2 : 1;
}

static void
groups_cell(FILE *out, const struct report_cell *cell, int cap)
{
	int n;

	if (cell == NULL) {
		fputs("<td>\xe2\x80\x93</td>", out);
		return;
	}
	if (!cell->runs) {
		fputs("<td class=\"off\">off</td>", out);
		return;
	}
	n = cell->home + cell->makeups;
	fprintf(out, "<td class=\"f%d\">%d", groups_fill(n, cap), cell->home);
	if (cell->makeups > 0)
		fprintf(out, "<span class=\"mk\">+%d</span>", cell->makeups);
	fprintf(out, "/%d%s</td>", cap, n > cap ? " over" : "");
}

static void
groups_table(const struct report_ctx *c, const struct report_group *rgp)
{
	const struct run *r = c->v->r;
	const struct sched_group *mg = rgp->mg;
	FILE *out = c->out;
	char date[16];

	fputs("<table class=\"grid\"><caption>", out);
	report_esc(out, rgp->rg->id);
	fprintf(out, ": home members attending + makeups / capacity %d, per "
	    "session; times in ", rgp->rg->capacity);
	report_esc(out, r->timezone);
	fputs("</caption>\n<thead><tr><th scope=\"col\">Week of</th>", out);
	for (int k = 0; k < mg->nsessions; k++)
		groups_session_head(out, &mg->sessions[k]);
	fputs("</tr></thead>\n<tbody>\n", out);
	for (int w = 0; w < c->v->g->weeks; w++) {
		civil_format_date(r->start + 7 * (int64_t)w, date);
		fprintf(out, "<tr><th scope=\"row\">%s</th>", date);
		for (int k = 0; k < mg->nsessions; k++)
			groups_cell(out, report_grid_cell(c->v->g, rgp, w, k),
			    rgp->rg->capacity);
		fputs("</tr>\n", out);
	}
	fputs("</tbody></table>\n", out);
}

static void
groups_one(const struct report_ctx *c, const struct report_group *rgp,
    size_t index, bool open)
{
	const struct run_group *rg = rgp->rg;
	FILE *out = c->out;

	fprintf(out, "<section class=\"group\" id=\"g%zu\" aria-labelledby="
	    "\"g%zuh\">\n<h3 id=\"g%zuh\">", index, index, index);
	report_esc(out, rg->id);
	fputs("</h3>\n<p class=\"sub\">", out);
	report_esc(out, rg->track);
	fputs(" \xc2\xb7 ", out);
	report_clinician_name(c, rg->clinician);
	fprintf(out, " \xc2\xb7 %zu of %d members</p>\n<details%s><summary>"
	    "Sessions week by week</summary>\n", rg->nmembers, rg->capacity,
	    open ? " open" : "");
	if (rgp->mg == NULL)
		fputs("<p class=\"low\">This group is no longer in the "
		    "scenario: its sessions cannot be shown.</p>\n", out);
	else
		groups_table(c, rgp);
	fputs("</details>\n</section>\n", out);
}

static void
groups_legend(FILE *out)
{
	fputs("<p class=\"legend\">Each cell: home members attending, "
	    "<span class=\"mk\">+makeups</span>, / capacity. Shading deepens "
	    "as a session fills: <span class=\"sw f1\">under \xc2\xbd</span>"
	    "<span class=\"sw f2\">\xc2\xbd+</span><span class=\"sw f3\">"
	    "\xc2\xbe+</span><span class=\"sw f4\">full</span>; <span class="
	    "\"sw off\">off</span> the session does not run (its clinician is"
	    " busy).</p>\n", out);
}

static void
groups_closed(const struct report_ctx *c)
{
	const struct report_grid *g = c->v->g;
	bool any = false;

	for (size_t k = 0; k < g->ngroups; k++) {
		if (g->groups[k].rg->open)
			continue;
		fputs(any ? ", " : "<p>Closed groups (no home members): ",
		    c->out);
		report_esc(c->out, g->groups[k].rg->id);
		any = true;
	}
	if (any)
		fputs(".</p>\n", c->out);
}

void
report_html_groups(const struct report_ctx *c)
{
	const struct report_grid *g = c->v->g;
	size_t nopen = 0;

	for (size_t k = 0; k < g->ngroups; k++)
		nopen += g->groups[k].rg->open;
	fprintf(c->out, "<section id=\"groups\" aria-labelledby=\"groups-h\">"
	    "\n<h2 id=\"groups-h\">Groups: %zu open</h2>\n", nopen);
	groups_legend(c->out);
	fputs("<div class=\"wrap\">\n", c->out);
	for (size_t k = 0; k < g->ngroups; k++)
		if (g->groups[k].rg->open)
			groups_one(c, &g->groups[k], k,
			    nopen <= REPORT_OPEN_GROUPS);
	fputs("</div>\n", c->out);
	groups_closed(c);
	fputs("</section>\n", c->out);
}
