/*
 * The HTML report: the document around the sections, its summary header,
 * and the helpers every section uses.  The page loads nothing: a
 * Content-Security-Policy of default-src 'none' lets through only the
 * inline style sheet, data: images and the one hashed print script.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "civil.h"
#include "output.h"
#include "report_html.h"
#include "xmalloc.h"

void
report_esc(FILE *out, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		switch (*s) {
		case '&':
			fputs("&amp;", out);
			break;
		case '<':
			fputs("&lt;", out);
			break;
		case '>':
			fputs("&gt;", out);
			break;
		case '"':
			fputs("&quot;", out);
			break;
		case '\'':
			fputs("&#39;", out);
			break;
		default:
			putc(*s, out);
		}
	}
}

char *
report_hours(int minutes, char *buf)
{
	snprintf(buf, 16, "%.1f", minutes / 60.0);
	return buf;
}

char *
report_week_short(const struct run *r, int w, char *buf)
{
	static const char *const month[] = { "Jan", "Feb", "Mar", "Apr",
	    "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	int y, m, d;

	civil_from_days(r->start + 7 * (int64_t)w, &y, &m, &d);
	snprintf(buf, 16, "%s %d", month[(m - 1) % 12], d);
	return buf;
}

/* An SVG length: whole pixels without a decimal point. */
static void
report_px(FILE *out, double px)
{
	if (px == (int)px)
		fprintf(out, "%d", (int)px);
	else
		fprintf(out, "%.1f", px);
}

void
report_bar(FILE *out, int home, int makeup, int min_minutes, int max_minutes)
{
	const double width = 44;
	double scale = max_minutes > 0 ? width / max_minutes : 0;
	double h = home * scale, mk = makeup * scale;

	if (h > width)
		h = width;
	if (h + mk > width)
		mk = width - h;
	fputs("<svg class=\"b\" aria-hidden=\"true\">", out);
	if (home > 0) {
		fputs("<rect width=\"", out);
		report_px(out, h);
		fputs("\"/>", out);
	}
	if (makeup > 0) {
		fputs("<rect class=\"m\" x=\"", out);
		report_px(out, h);
		fputs("\" width=\"", out);
		report_px(out, mk);
		fputs("\"/>", out);
	}
	if (min_minutes >= 0 && min_minutes * scale <= width) {
		fputs("<path d=\"M", out);
		report_px(out, min_minutes * scale);
		fputs(" 0v10\"/>", out);
	}
	fputs("</svg>", out);
}

static int
report_person_cmp(const void *a, const void *b)
{
	return strcmp((*(const struct scn_participant *const *)a)->id,
	    (*(const struct scn_participant *const *)b)->id);
}

static int
report_person_key(const void *key, const void *elem)
{
	return strcmp(key, (*(const struct scn_participant *const *)elem)->id);
}

const struct scn_participant *
report_person(const struct report_ctx *c, const char *id)
{
	const struct scn_participant *const *p;

	p = bsearch(id, c->people, c->npeople, sizeof *c->people,
	    report_person_key);
	return p != NULL ? *p : NULL;
}

const struct scn_clinician *
report_staff(const struct report_ctx *c, const char *id)
{
	for (size_t k = 0; k < c->nstaff; k++)
		if (strcmp(c->staff[k]->id, id) == 0)
			return c->staff[k];
	return NULL;
}

void
report_clinician_name(const struct report_ctx *c, const char *id)
{
	const struct scn_clinician *cl = report_staff(c, id);

	report_esc(c->out, id);
	if (cl != NULL && cl->name != NULL) {
		fputs(" <span class=\"nm\">", c->out);
		report_esc(c->out, cl->name);
		fputs("</span>", c->out);
	}
}

/* Indexes the scenario's people by id for the sections' look-ups. */
static void
report_index(struct report_ctx *c, const struct scenario *sc)
{
	size_t n = sc->nparticipants;

	c->people = xcalloc(n > 0 ? n : 1, sizeof *c->people);
	for (size_t k = 0; k < n; k++)
		c->people[k] = &sc->participants[k];
	qsort(c->people, n, sizeof *c->people, report_person_cmp);
	c->npeople = n;
	c->staff = xcalloc(sc->nclinicians > 0 ? sc->nclinicians : 1,
	    sizeof *c->staff);
	for (size_t k = 0; k < sc->nclinicians; k++)
		c->staff[k] = &sc->clinicians[k];
	c->nstaff = sc->nclinicians;
}

static void
report_head(FILE *out, const struct run *r)
{
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\""
	    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
	    "script-src ", out);
	fputs(report_script_hash, out);
	fputs("; base-uri 'none'; form-action 'none'\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n<meta name=\"robots\" content=\"noindex\">\n"
	    "<title>", out);
	report_esc(out, r->program_name != NULL ? r->program_name :
	    "Program");
	fprintf(out, ": run %d report</title>\n<style>%s</style>\n"
	    "</head>\n", r->id, report_css);
}

/* The run's creation time, "2026-12-01 09:30", in the program's zone. */
static void
report_created(const struct run *r, char *buf)
{
	int y, mo, d, h, mi, s;
	char local[40];

	/* The widths keep every field far from overflow (cert-err34-c). */
	/* NOLINTNEXTLINE(cert-err34-c) */
	if (r->created == NULL || sscanf(r->created, "%4d-%2d-%2dT%2d:%2d:%2d",
	    &y, &mo, &d, &h, &mi, &s) != 6) {
		snprintf(buf, 40, "%s", r->created != NULL ? r->created : "?");
		return;
	}
	output_time(r, civil_days(y, mo, d) * 86400 + h * 3600 + mi * 60 + s,
	    local);
	snprintf(buf, 40, "%.10s %.5s", local, local + 11);
}

/* One term of the summary list. */
static void
report_term(FILE *out, const char *term, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
report_term(FILE *out, const char *term, const char *fmt, ...)
{
	va_list ap;

	fprintf(out, "<li><span class=\"k\">%s</span> <span class=\"v\">",
	    term);
	va_start(ap, fmt);
	vfprintf(out, fmt, ap);
	va_end(ap);
	fputs("</span></li>\n", out);
}

static void
report_summary(FILE *out, const struct run *r, const struct scn_program *pr)
{
	char start[16], created[40], a[16], b[16];

	civil_format_date(r->start, start);
	report_created(r, created);
	fputs("<ul class=\"sum\">\n", out);
	report_term(out, "Placed", "%d of %d", r->placed, r->participants);
	report_term(out, "Bound", "%d%s", r->bound, r->bound == r->placed ?
	    " (optimal)" : "");
	report_term(out, "Unplaced", "%d", r->unplaced);
	report_term(out, "Open groups", "%d of %zu", r->groups_open,
	    r->ngroups);
	report_term(out, "Makeups", "%d", r->makeups);
	report_term(out, "Program", "%s, %d weeks", start, r->weeks);
	report_term(out, "Hours a week", "%s to %s h",
	    report_hours((int)(pr->min_hours * 60 + 0.5), a),
	    report_hours((int)(r->max_hours * 60 + 0.5), b));
	report_term(out, "Group size", "%d to %d", pr->group_min,
	    pr->group_max);
	report_term(out, "Makeups a week", "at most %d", pr->makeups_per_week);
	if (r->time_limit > 0)
		report_term(out, "Time limit", "%g s", r->time_limit);
	else
		report_term(out, "Time limit", "default");
	report_term(out, "Solved", "%s", created);
	fputs("</ul>\n", out);
}

static void
report_top(const struct report_ctx *c)
{
	const struct run *r = c->v->r;
	FILE *out = c->out;

	fputs("<body>\n<p class=\"conf\" role=\"note\">Confidential: for "
	    "intake coordinators only. This report names participants; keep "
	    "it on a secure device, do not forward it or leave printouts "
	    "about.</p>\n<header>\n<h1>", out);
	report_esc(out, r->program_name != NULL ? r->program_name :
	    "Program");
	fprintf(out, "</h1>\n<p class=\"sub\">Run %d. All times are in ",
	    r->id);
	report_esc(out, r->timezone);
	fputs(".</p>\n", out);
	report_summary(out, r, &c->v->sc->program);
	fputs("</header>\n<nav aria-label=\"Sections\"><a href=\"#groups\">"
	    "Groups</a><a href=\"#participants\">Participants</a><a href=\""
	    "#unplaced\">Unplaced</a><a href=\"#clinicians\">Clinicians</a>"
	    "</nav>\n", out);
	if (c->v->g->unmatched > 0)
		fprintf(out, "<p class=\"low\" role=\"note\">%d session%s of "
		    "this run no longer match the scenario as stored now; the "
		    "group grids leave them out.</p>\n", c->v->g->unmatched,
		    c->v->g->unmatched == 1 ? "" : "s");
}

/* The hatch pattern of makeup bars, defined once for every bar. */
static void
report_defs(FILE *out)
{
	fputs("<svg width=\"0\" height=\"0\" style=\"position:absolute\" "
	    "aria-hidden=\"true\"><defs><pattern id=\"hatch\" width=\"4\" "
	    "height=\"4\" patternUnits=\"userSpaceOnUse\" patternTransform=\""
	    "rotate(45)\"><rect width=\"4\" height=\"4\" fill=\"#ffffff\"/>"
	    "<rect width=\"2\" height=\"4\" fill=\"#b35900\"/></pattern>"
	    "</defs></svg>\n", out);
}

int
report_html(FILE *out, const struct report_view *v)
{
	struct report_ctx c;

	memset(&c, 0, sizeof c);
	c.out = out;
	c.v = v;
	report_index(&c, v->sc);
	report_head(out, v->r);
	report_top(&c);
	report_defs(out);
	fputs("<main>\n", out);
	report_html_groups(&c);
	report_html_parts(&c);
	report_html_unplaced(&c);
	report_html_clins(&c);
	fprintf(out, "</main>\n<script>%s</script>\n</body>\n</html>\n",
	    report_script);
	free(c.people);
	free(c.staff);
	return ferror(out) ? -1 : 0;
}
