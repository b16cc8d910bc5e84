/*
 * The rules of SPEC section 4, each written once in its own file
 * (rule_<name>.c) and used by both the checker (check.c) and the solver
 * (solve*.c).  Every file offers small predicates the solver calls before
 * it changes a schedule, and one rule_*_check() that sched_check() runs over
 * a whole schedule, returning 0 or IOP_EINPUT with *cause (caller frees).
 *
 * The checks read a struct sched_state (state.h): the solution's choices
 * with the counts derived from them, so that check and search agree.
 */
#ifndef IOP_RULES_H
#define IOP_RULES_H

#include <stdbool.h>

#include "model.h"
#include "state.h"

/* Rules 1 and 2: rule_attend.c. */
bool	rule_clinician_free(const struct sched_model *m, int i);
bool	rule_can_attend_direct(const struct sched_model *m, int p, int i);
bool	rule_instance_runs(const struct sched_state *st, int i);
/*
 * Every rule check below, in order, on st (check.c); the first broken
 * rule's code and *cause (caller frees), else 0.
 */
int	sched_check_state(const struct sched_state *st, char **cause);

int	rule_attend_check(const struct sched_state *st, char **cause);

/* Rule 3: rule_home.c. */
bool	rule_home_allowed(const struct sched_model *m, int p, int g);
int	rule_home_check(const struct sched_state *st, char **cause);

/* Rule 4: rule_makeup.c. */
bool	rule_makeup_allowed(const struct sched_state *st, int p, int i);
int	rule_makeup_check(const struct sched_state *st, char **cause);

/* Rule 5: rule_hours.c. */
bool	rule_hours_week_ok(const struct sched_model *m, int p, int minutes);
int	rule_hours_check(const struct sched_state *st, char **cause);

/* Rule 6: rule_capacity.c. */
bool	rule_capacity_fits(const struct sched_model *m, int g, int count);
int	rule_capacity_check(const struct sched_state *st, char **cause);

/* Rule 7: rule_open.c. */
bool	rule_open_size_ok(const struct sched_model *m, int members);
int	rule_open_check(const struct sched_state *st, char **cause);

/* Rule 8: rule_clinician.c. */
enum rule_limit {
	RULE_LIMIT_NONE = 0,
	RULE_LIMIT_GROUPS,		/* at max_groups */
	RULE_LIMIT_HOURS,		/* max_hours_per_week would be passed */
	RULE_LIMIT_CLASH		/* an open group of its overlaps */
};
int	rule_clinician_open_blocker(const struct sched_state *st, int g,
	    int *clash);
bool	rule_clinician_can_open(const struct sched_state *st, int g);
bool	rule_clinician_groups_conflict(const struct sched_model *m, int g,
	    int h);
int	rule_clinician_check(const struct sched_state *st, char **cause);

/* Rule 9: rule_agency.c. */
bool	rule_agency_apart(const struct sched_model *m, int p, int q);
int	rule_agency_blocker(const struct sched_state *st, int p, int i);
int	rule_agency_check(const struct sched_state *st, char **cause);

/* Shared wording for causes: "group G1 week of 2026-12-07 MO 18:00". */
char	*rule_instance_name(const struct sched_model *m, int i);

#endif
