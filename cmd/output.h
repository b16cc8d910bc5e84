/*
 * The schedule formats of SPEC section 5 (JSON, CSV) and the terminal
 * table, all printed from a struct run.  A filter narrows them to one
 * participant or one clinician (`schedule --participant/--clinician`).
 */
#ifndef IOP_OUTPUT_H
#define IOP_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "run.h"

struct output_filter {
	const char *participant;	/* NULL: everyone */
	const char *clinician;		/* NULL: every clinician */
};

/*
 * Checks that the filter's ids exist in r, read from the database db:
 * IOP_ENOTFOUND with *cause ("iopsched.db: unknown participant 'P999' in
 * run 3") when not.
 */
int	output_filter_check(const struct run *r, const struct output_filter *f,
	    const char *db, char **cause);
bool	output_keep_group(const struct run *r, const struct output_filter *f,
	    const struct run_group *g);
bool	output_keep_participant(const struct run *r,
	    const struct output_filter *f, const struct run_participant *p);

/* The JSON document of SPEC section 5, newline-terminated (caller frees). */
char	*output_json(const struct run *r, const struct output_filter *f);
/* RFC 4180 CSV with CRLF line ends (caller frees). */
char	*output_csv(const struct run *r, const struct output_filter *f);
/* The readable terminal view. */
void	output_table(FILE *out, const struct run *r,
	    const struct output_filter *f);
/* solve's one-paragraph summary. */
void	output_summary(FILE *out, const struct run *r);

/*
 * Writes s, text from the input that may hold anything (a program name, a
 * calendar's SUMMARY), for a terminal: control characters as '?', so that
 * it stays on its line and sends no escape sequence.
 */
void	output_text(FILE *out, const char *s);

/* "2026-12-07T18:00:00-06:00" in the run's zone; buf >= 32 bytes. */
void	output_time(const struct run *r, int64_t utc, char *buf);
/* Hours as JSON text: "9.0", "9.5", "9.25" (buf >= 32 bytes). */
void	output_hours(double hours, char *buf, size_t size);

#endif
