/*
 * What `explain` prints, gathered once for the text and JSON views
 * (cmd/explain_text.c, cmd/explain_json.c) and the wording they share
 * (cmd/explain_words.c).  Nothing here owns memory: cmd/explain.c does.
 */
#ifndef IOP_EXPLAIN_VIEW_H
#define IOP_EXPLAIN_VIEW_H

#include <stdio.h>

#include "explain.h"
#include "run.h"
#include "run_solution.h"

struct explain_view {
	const char *id;				/* the participant asked about */
	const struct run *r;
	const struct run_participant *rp;	/* NULL: not in the run */
	const struct sched_model *m;		/* NULL: not in the scenario */
	const struct sched_explanation *e;	/* NULL with m */
	const struct run_notes *notes;
};

/* What keeps the participant out of eg, as a phrase (caller frees). */
char	*explain_rule_text(const struct explain_view *v,
	    const struct sched_explain_group *eg);
/* A short name of eg's rule for JSON: "full", "licence" ... */
const char *explain_rule_name(int rule);
/* The change that would place them (caller frees); NULL when none. */
char	*explain_fix_text(const struct explain_view *v);
/* Minutes as hours with one decimal into buf (>= 16 bytes); returns buf. */
char	*explain_hours(int minutes, char *buf);

void	explain_print_text(FILE *out, const struct explain_view *v);
/* The JSON document, newline-terminated (caller frees). */
char	*explain_json(const struct explain_view *v);

#endif
