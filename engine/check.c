/*
 * sched_check(): replays a solution into a struct sched_state and runs the
 * rule checks of SPEC section 4 in order, so that the first broken rule is
 * the one reported.
 */
#include <stdlib.h>

#include "rules.h"
#include "solution.h"
#include "state.h"
#include "status.h"
#include "xmalloc.h"

typedef int rule_check_fn(const struct sched_state *, char **);

static rule_check_fn *const check_rules[] = {
	rule_attend_check,	/* rules 1 and 2 */
	rule_home_check,	/* rule 3 */
	rule_makeup_check,	/* rule 4 */
	rule_hours_check,	/* rule 5 */
	rule_capacity_check,	/* rule 6 */
	rule_open_check,	/* rule 7 */
	rule_clinician_check,	/* rule 8 */
	rule_agency_check,	/* rule 9 */
	NULL
};

/* Returns NULL when s fits m's shape (sizes, indices, order). */
static char *
check_shape(const struct sched_model *m, const struct sched_solution *s)
{
	if (s->nparticipants != m->nparticipants)
		return xasprintf("solution: %d participants, model has %d",
		    s->nparticipants, m->nparticipants);
	for (int p = 0; p < s->nparticipants; p++)
		if (s->home[p] < -1 || s->home[p] >= m->ngroups)
			return xasprintf("solution: %s has no such home group",
			    m->participants[p].id);
	for (size_t k = 0; k < s->nmakeups; k++) {
		const struct sched_makeup *x = &s->makeups[k];

		if (x->participant < 0 || x->participant >= m->nparticipants ||
		    x->instance < 0 || x->instance >= m->ninstances)
			return xasprintf("solution: makeup %zu out of range", k);
		if (k > 0 && (x->participant < s->makeups[k - 1].participant ||
		    (x->participant == s->makeups[k - 1].participant &&
		    x->instance == s->makeups[k - 1].instance)))
			return xasprintf("solution: makeup %zu out of order or"
			    " repeated", k);
	}
	return NULL;
}

int
sched_check_state(const struct sched_state *st, char **cause)
{
	int rc = 0;

	for (int r = 0; check_rules[r] != NULL && rc == 0; r++)
		rc = check_rules[r](st, cause);
	return rc;
}

int
sched_check(const struct sched_model *m, const struct sched_solution *s,
    char **cause)
{
	struct sched_state st;
	int rc = 0;

	if ((*cause = check_shape(m, s)) != NULL)
		return IOP_EINPUT;
	sched_state_init(&st, m);
	for (int p = 0; p < m->nparticipants; p++)
		if (s->home[p] >= 0)
			sched_state_set_home(&st, p, s->home[p]);
	for (size_t k = 0; k < s->nmakeups; k++)
		sched_state_add_makeup(&st, s->makeups[k].participant,
		    s->makeups[k].instance);
	rc = sched_check_state(&st, cause);
	sched_state_release(&st);
	return rc;
}
