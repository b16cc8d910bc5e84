/*
 * The terminal view of a run: a header, each group with its clinician,
 * timetable, fill and members, the makeups, then the unplaced with reasons.
 */
#include <string.h>

#include "output.h"

void
output_text(FILE *out, const char *s)
{
	for (; *s != '\0'; s++)
		putc((unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s, out);
}

static void
table_header(FILE *out, const struct run *r)
{
	int gap = r->bound - r->placed;

	output_text(out, r->program_name != NULL ? r->program_name : "Program");
	fprintf(out, ": run %d, %d weeks in %s\n", r->id, r->weeks,
	    r->timezone);
	fprintf(out, "placed %d of %d (bound %d, gap %d%s), %d groups open, "
	    "%d makeups\n\n", r->placed, r->participants, r->bound, gap,
	    gap == 0 ? ", optimal" : "", r->groups_open, r->makeups);
}

/* Column widths of the group lines, so long ids still line up. */
struct table_widths {
	int	id;
	int	track;
	int	clinician;
};

static int
table_max(int w, const char *s)
{
	int n = (int)strlen(s);

	return n > w ? n : w;
}

static void
table_measure(const struct run *r, struct table_widths *w)
{
	w->id = 5;
	w->track = 5;
	w->clinician = 9;
	for (size_t i = 0; i < r->ngroups; i++) {
		w->id = table_max(w->id, r->groups[i].id);
		w->track = table_max(w->track, r->groups[i].track);
		w->clinician = table_max(w->clinician, r->groups[i].clinician);
	}
}

static void
table_group(FILE *out, const struct table_widths *w, const struct run_group *g)
{
	fprintf(out, "%-*s  %-*s  %-*s  %s\n", w->id, g->id, w->track,
	    g->track, w->clinician, g->clinician,
	    g->timetable != NULL ? g->timetable : "");
	if (!g->open) {
		fprintf(out, "%*s  closed\n", w->id, "");
		return;
	}
	fprintf(out, "%*s  %zu/%d members:", w->id, "", g->nmembers,
	    g->capacity);
	for (size_t i = 0; i < g->nmembers; i++) {
		if (i % 10 == 0 && i > 0)
			fprintf(out, "\n%*s   ", w->id, "");
		fprintf(out, " %s", g->members[i]);
	}
	fputc('\n', out);
}

/* "2026-12-14 18:00" from an RFC 3339 local time. */
static void
table_local(const struct run *r, int64_t utc, char *buf)
{
	output_time(r, utc, buf);
	if (strlen(buf) >= 16) {
		buf[10] = ' ';
		buf[16] = '\0';
	}
}

static void
table_makeups(FILE *out, const struct run *r, const struct output_filter *f)
{
	bool any = false;
	char when[40];

	for (size_t i = 0; i < r->nparts; i++) {
		const struct run_participant *p = &r->parts[i];

		if (!output_keep_participant(r, f, p))
			continue;
		for (size_t k = 0; k < p->nsessions; k++) {
			if (!p->sessions[k].makeup)
				continue;
			if (!any)
				fprintf(out, "\nMakeups\n");
			any = true;
			table_local(r, p->sessions[k].start, when);
			fprintf(out, "  %-8s home %-8s makeup in %-8s %s\n",
			    p->id, p->group, p->sessions[k].group, when);
		}
	}
}

static void
table_unplaced(FILE *out, const struct run *r, const struct output_filter *f)
{
	bool any = false;

	for (size_t i = 0; i < r->nparts; i++) {
		const struct run_participant *p = &r->parts[i];

		if (p->placed || !output_keep_participant(r, f, p))
			continue;
		if (!any)
			fprintf(out, "\nUnplaced\n");
		any = true;
		fprintf(out, "  %-8s %s\n", p->id, p->reason);
	}
}

void
output_table(FILE *out, const struct run *r, const struct output_filter *f)
{
	struct table_widths w;

	table_measure(r, &w);
	table_header(out, r);
	fprintf(out, "%-*s  %-*s  %-*s  %s\n", w.id, "GROUP", w.track, "TRACK",
	    w.clinician, "CLINICIAN", "WEEKLY SESSIONS");
	for (size_t i = 0; i < r->ngroups; i++)
		if (output_keep_group(r, f, &r->groups[i]))
			table_group(out, &w, &r->groups[i]);
	table_makeups(out, r, f);
	table_unplaced(out, r, f);
}

void
output_summary(FILE *out, const struct run *r)
{
	fprintf(out, "run %d: placed %d of %d (bound %d), %d unplaced, "
	    "%d groups open, %d makeups\n", r->id, r->placed, r->participants,
	    r->bound, r->unplaced, r->groups_open, r->makeups);
	if (r->calendars_changed > 0)
		fprintf(out, "%d shift calendar%s changed since the last load\n",
		    r->calendars_changed, r->calendars_changed == 1 ? "" : "s");
}
