/*
 * What the pieces of the HTML report share: the rendering context, HTML
 * escaping, number formats, and one function per section.  Everything
 * here writes to ctx->out and ignores write errors, which report_html()
 * finds once at the end with ferror().
 */
#ifndef IOP_REPORT_HTML_H
#define IOP_REPORT_HTML_H

#include <stdio.h>

#include "report.h"

struct report_ctx {
	FILE	*out;
	const struct report_view *v;
	const struct scn_participant **people;	/* the scenario's, by id */
	size_t	npeople;
	const struct scn_clinician **staff;	/* the scenario's, by id */
	size_t	nstaff;
};

/* The style sheet and the print helper script (cmd/report_style.c). */
extern const char report_css[];
extern const char report_script[];
/* The CSP source that allows report_script and nothing else. */
extern const char report_script_hash[];

/* Writes s with &, <, >, " and ' escaped; NULL writes nothing. */
void	report_esc(FILE *out, const char *s);
/* Minutes as hours with one decimal ("9.0", "2.5") into buf (>= 16). */
char	*report_hours(int minutes, char *buf);
/* "Dec 7" for program week w into buf (>= 16). */
char	*report_week_short(const struct run *r, int w, char *buf);
/*
 * A small bar of home and makeup minutes on a track that spans 0 to
 * max_minutes, with a tick at min_minutes (none when negative).
 */
void	report_bar(FILE *out, int home, int makeup, int min_minutes,
	    int max_minutes);
/* The scenario's record of a participant or clinician, or NULL. */
const struct scn_participant *report_person(const struct report_ctx *c,
	    const char *id);
const struct scn_clinician *report_staff(const struct report_ctx *c,
	    const char *id);
/* "C1 Dana Whitfield, LCSW" (escaped), or the id alone. */
void	report_clinician_name(const struct report_ctx *c, const char *id);

/* The sections, in page order. */
void	report_html_groups(const struct report_ctx *c);
void	report_html_parts(const struct report_ctx *c);
void	report_html_unplaced(const struct report_ctx *c);
void	report_html_clins(const struct report_ctx *c);

#endif
