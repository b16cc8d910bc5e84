/*
 * Why a schedule puts participant p where it does: for every group of the
 * model, the hours p could attend there week by week and the first rule of
 * SPEC section 4 that keeps p out of it while everyone else stays where
 * they are, and the single change that would place p if it is unplaced.
 * Pure like the rest of the engine: groups and people stay indices, and
 * the caller words them (cmd/explain.c).
 *
 * Ownership: sched_explanation_release() frees what sched_explain() fills.
 */
#ifndef IOP_EXPLAIN_H
#define IOP_EXPLAIN_H

#include <stdbool.h>

#include "model.h"
#include "solution.h"

/* What keeps p out of a group, in the order they are looked at. */
enum sched_explain_rule {
	SCHED_EXPLAIN_FITS = 0,		/* p could join as things stand */
	SCHED_EXPLAIN_HOME,		/* p's home group in the schedule */
	SCHED_EXPLAIN_TRACK,		/* another track (rule 3) */
	SCHED_EXPLAIN_LICENCE,		/* clinician not licensed in p's state */
	SCHED_EXPLAIN_PIN,		/* p is pinned to another group */
	SCHED_EXPLAIN_OVER_HOURS,	/* home hours above the maximum (rule 5) */
	SCHED_EXPLAIN_HOURS,		/* too few hours, makeups counted (rule 5) */
	SCHED_EXPLAIN_FULL,		/* home members at capacity (rule 6) */
	SCHED_EXPLAIN_CLINICIAN,	/* closed, its clinician can't lead it (rule 8) */
	SCHED_EXPLAIN_BELOW_MIN,	/* closed, p alone below group_size.min (rule 7) */
	SCHED_EXPLAIN_SESSION_FULL,	/* a session p would attend is full (rule 6) */
	SCHED_EXPLAIN_AGENCY,		/* a colleague to keep apart attends (rule 9) */
	SCHED_EXPLAIN_MAKEUP		/* a short week, no makeup with room (rule 4) */
};

/* Which clinician limit keeps a closed group closed (SCHED_EXPLAIN_CLINICIAN). */
enum sched_explain_limit {
	SCHED_LIMIT_GROUPS = 1,		/* at max_groups */
	SCHED_LIMIT_HOURS,		/* max_hours_per_week would be passed */
	SCHED_LIMIT_CLASH		/* an open group of theirs overlaps it */
};

struct sched_explain_group {
	int	group;
	bool	candidate;		/* same track, clinician licensed */
	int	members;		/* home members in the schedule */
	int	*home_minutes;		/* per week of p: running or would-run
					   home sessions p can attend */
	int	*makeup_minutes;	/* per week of p: the most makeups in
					   the other open groups could add */
	int	rule;			/* enum sched_explain_rule */
	int	week;			/* OVER_HOURS, HOURS, MAKEUP: program week */
	int	minutes;		/* OVER_HOURS: home minutes; HOURS: the
					   most minutes reachable that week */
	int	instance;		/* SESSION_FULL, AGENCY */
	int	peer;			/* AGENCY: the colleague */
	int	limit;			/* CLINICIAN: enum sched_explain_limit */
	int	clash;			/* CLINICIAN, LIMIT_CLASH: the open group */
};

/* One of p's program weeks in the schedule as it stands. */
struct sched_explain_week {
	int	week;
	int	minutes;		/* attended, home and makeups */
	int	makeups;
};

/*
 * The one change that would place unplaced p.  rule is the rule lifted in
 * group (a free seat for FULL, opening it for BELOW_MIN ...; FITS: none,
 * group has room as things stand), or, with
 * group -1: TRACK (a group of p's track), LICENCE (a clinician licensed in
 * p's state), HOURS (a group meeting when p is free in week; days holds
 * the weekdays, bit 0 Monday, with a free stretch as long as a session).
 */
struct sched_explain_fix {
	bool	found;
	int	rule;			/* enum sched_explain_rule */
	int	group;			/* -1: any group of p's track */
	int	week;			/* HOURS */
	unsigned days;			/* HOURS */
	int	peer;			/* AGENCY */
};

struct sched_explanation {
	int	participant;
	int	home;			/* -1: unplaced */
	struct sched_explain_week *weeks;	/* first_week .. last_week */
	int	nweeks;
	struct sched_explain_group *groups;	/* every group, by index */
	int	ngroups;
	struct sched_explain_fix fix;		/* unplaced only */
};

/*
 * Explains participant p under solution s (any solution, valid or not) of
 * prepared model m into *out (caller releases).  Returns 0.
 */
int	sched_explain(const struct sched_model *m, const struct sched_solution *s,
	    int p, struct sched_explanation *out);
void	sched_explanation_release(struct sched_explanation *e);

#endif
