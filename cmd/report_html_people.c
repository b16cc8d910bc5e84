/*
 * The participant sections of the report: the placed, one table per home
 * group (collapsible with <details> so thousands of rows stay usable),
 * with a bar and the hours of every program week; then the unplaced,
 * by track, with the reason the run stored for each.
 */
#include <stdlib.h>
#include <string.h>

#include "report_html.h"
#include "xmalloc.h"

/* Member tables start collapsed once the run has more people than this. */
#define REPORT_OPEN_PEOPLE 60

/* "P01 Luis Ortega" as a row header. */
static void
people_row_head(const struct report_ctx *c, const char *id)
{
	const struct scn_participant *sp = report_person(c, id);

	fputs("<th scope=\"row\">", c->out);
	report_esc(c->out, id);
	if (sp != NULL && sp->name != NULL) {
		fputs(" <span class=\"nm\">", c->out);
		report_esc(c->out, sp->name);
		fputs("</span>", c->out);
	}
	fputs("</th>", c->out);
}

/* One week of a participant: a bar, the hours, a word when off limits. */
static void
people_week(FILE *out, const struct report_part *pp, int w, int min, int max)
{
	int home = pp->home[w], makeup = pp->makeup[w];
	char h[16];

	fputs("<td>", out);
	report_bar(out, home, makeup, min, max);
	fputs(report_hours(home, h), out);
	if (makeup > 0)
		fprintf(out, "<span class=\"mk\">+%s</span>",
		    report_hours(makeup, h));
	if (home + makeup < min)
		fputs(" <span class=\"low\">below min</span>", out);
	else if (home + makeup > max)
		fputs(" <span class=\"low\">over max</span>", out);
	fputs("</td>", out);
}

static void
people_row(const struct report_ctx *c, const struct report_part *pp)
{
	const struct run_participant *rp = pp->rp;
	int min = (int)(rp->min_hours * 60 + 0.5);
	int max = (int)(c->v->r->max_hours * 60 + 0.5);
	char h[16];

	fputs("<tr class=\"p\">", c->out);
	people_row_head(c, rp->id);
	fprintf(c->out, "<td>%s</td>", report_hours(min, h));
	for (int w = 0; w < c->v->g->weeks; w++) {
		if (w < rp->first_week || w > rp->last_week)
			fputs("<td></td>", c->out);
		else
			people_week(c->out, pp, w, min, max);
	}
	fputs("</tr>\n", c->out);
}

static void
people_head(const struct report_ctx *c, const struct run_group *rg)
{
	FILE *out = c->out;
	char d[16];

	fputs("<table class=\"hours\"><caption>Hours each week of ", out);
	report_esc(out, rg->id);
	fputs("'s members: home <span class=\"mk\">+makeup</span></caption>\n"
	    "<thead><tr><th scope=\"col\">Participant</th><th scope=\"col\">"
	    "Min h</th>", out);
	for (int w = 0; w < c->v->g->weeks; w++)
		fprintf(out, "<th scope=\"col\">W%d<br>%s</th>", w + 1,
		    report_week_short(c->v->r, w, d));
	fputs("</tr></thead>\n<tbody>\n", out);
}

static void
people_group(const struct report_ctx *c, const struct run_group *rg,
    bool open)
{
	const struct report_grid *g = c->v->g;

	fprintf(c->out, "<details class=\"members\"%s><summary>",
	    open ? " open" : "");
	report_esc(c->out, rg->id);
	fprintf(c->out, ": %zu participant%s</summary>\n", rg->nmembers,
	    rg->nmembers == 1 ? "" : "s");
	people_head(c, rg);
	for (size_t p = 0; p < g->nparts; p++) {
		const struct run_participant *rp = g->parts[p].rp;

		if (rp->placed && rp->group != NULL &&
		    strcmp(rp->group, rg->id) == 0)
			people_row(c, &g->parts[p]);
	}
	fputs("</tbody></table>\n</details>\n", c->out);
}

static void
people_legend(const struct report_ctx *c)
{
	char max[16];

	fputs("<p class=\"legend\">Each week: ", c->out);
	report_bar(c->out, 360, 180, (int)(c->v->sc->program.min_hours * 60 +
	    0.5), (int)(c->v->r->max_hours * 60 + 0.5));
	fprintf(c->out, " a bar from 0 to the program maximum of %s h, solid "
	    "for home sessions, hatched for makeups, with a tick at the "
	    "participant's minimum; then the hours, home <span class=\"mk\">"
	    "+makeup</span>. Empty cells are outside their program weeks."
	    "</p>\n", report_hours((int)(c->v->r->max_hours * 60 + 0.5), max));
}

void
report_html_parts(const struct report_ctx *c)
{
	const struct run *r = c->v->r;
	bool open = r->nparts <= REPORT_OPEN_PEOPLE;

	fprintf(c->out, "<section id=\"participants\" aria-labelledby="
	    "\"participants-h\">\n<h2 id=\"participants-h\">Participants: %d "
	    "placed, by home group</h2>\n", r->placed);
	people_legend(c);
	for (size_t k = 0; k < r->ngroups; k++)
		if (r->groups[k].open)
			people_group(c, &r->groups[k], open);
	fputs("</section>\n", c->out);
}

static void
people_unplaced_row(const struct report_ctx *c,
    const struct run_participant *rp)
{
	const struct scn_participant *sp = report_person(c, rp->id);

	fputs("<tr class=\"u\">", c->out);
	people_row_head(c, rp->id);
	fputs("<td>", c->out);
	report_esc(c->out, sp != NULL ? sp->track : "");
	fputs("</td><td>", c->out);
	report_esc(c->out, sp != NULL ? sp->state : "");
	fputs("</td><td class=\"r\">", c->out);
	report_esc(c->out, rp->reason);
	fputs("</td></tr>\n", c->out);
}

/* The track of unplaced participant rp as the scenario has it, or "". */
static const char *
people_track(const struct report_ctx *c, const struct run_participant *rp)
{
	const struct scn_participant *sp = report_person(c, rp->id);

	return sp != NULL ? sp->track : "";
}

static int
people_str_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The distinct tracks of the unplaced, sorted, into *out (caller frees). */
static size_t
people_unplaced_tracks(const struct report_ctx *c, const char ***out)
{
	const struct run *r = c->v->r;
	const char **v = xcalloc(r->nparts > 0 ? r->nparts : 1, sizeof *v);
	size_t n = 0, k = 0;

	for (size_t p = 0; p < r->nparts; p++)
		if (!r->parts[p].placed)
			v[n++] = people_track(c, &r->parts[p]);
	qsort(v, n, sizeof *v, people_str_cmp);
	for (size_t i = 0; i < n; i++)
		if (k == 0 || strcmp(v[k - 1], v[i]) != 0)
			v[k++] = v[i];
	*out = v;
	return k;
}

/* The unplaced of one track, in a <details> of their own. */
static void
people_unplaced_track(const struct report_ctx *c, const char *track,
    bool open)
{
	const struct run *r = c->v->r;
	size_t n = 0;

	for (size_t p = 0; p < r->nparts; p++)
		n += !r->parts[p].placed &&
		    strcmp(people_track(c, &r->parts[p]), track) == 0;
	fprintf(c->out, "<details class=\"unplaced\"%s><summary>",
	    open ? " open" : "");
	report_esc(c->out, *track != '\0' ? track : "no longer in the "
	    "scenario");
	fprintf(c->out, ": %zu unplaced</summary>\n", n);
	fputs("<table class=\"unplaced\"><caption>Why no group could take "
	    "them (iopsched explain ID says more)</caption>\n<thead><tr><th "
	    "scope=\"col\">Participant</th><th scope=\"col\">Track</th><th "
	    "scope=\"col\">State</th><th scope=\"col\">Reason</th></tr>"
	    "</thead>\n<tbody>\n", c->out);
	for (size_t p = 0; p < r->nparts; p++)
		if (!r->parts[p].placed &&
		    strcmp(people_track(c, &r->parts[p]), track) == 0)
			people_unplaced_row(c, &r->parts[p]);
	fputs("</tbody></table>\n</details>\n", c->out);
}

void
report_html_unplaced(const struct report_ctx *c)
{
	const struct run *r = c->v->r;
	const char **tracks;
	size_t ntracks;

	fprintf(c->out, "<section id=\"unplaced\" aria-labelledby=\""
	    "unplaced-h\">\n<h2 id=\"unplaced-h\">Unplaced: %d</h2>\n",
	    r->unplaced);
	ntracks = people_unplaced_tracks(c, &tracks);
	if (ntracks == 0)
		fputs("<p>Everyone is placed.</p>\n", c->out);
	for (size_t k = 0; k < ntracks; k++)
		people_unplaced_track(c, tracks[k],
		    r->nparts <= REPORT_OPEN_PEOPLE);
	free(tracks);
	fputs("</section>\n", c->out);
}
