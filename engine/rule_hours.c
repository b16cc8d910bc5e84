/*
 * SPEC 4 rule 5: a placed participant's minutes lie within
 * [min_minutes, max_minutes] in every one of its weeks; an unplaced one
 * has no home and no makeups.
 */
#include <stdio.h>

#include "model.h"
#include "rules.h"
#include "status.h"
#include "xmalloc.h"

/* True when minutes in one of p's weeks obey rule 5. */
bool
rule_hours_week_ok(const struct sched_model *m, int p, int minutes)
{
	return minutes >= m->participants[p].min_minutes &&
	    minutes <= m->max_minutes;
}

int
rule_hours_check(const struct sched_state *st, char **cause)
{
	const struct sched_model *m = st->m;
	char week[32];

	for (int p = 0; p < m->nparticipants; p++) {
		const struct sched_participant *pa = &m->participants[p];

		if (st->home[p] < 0) {
			if (st->mk[p].n == 0)
				continue;
			*cause = xasprintf("rule 5: %s has makeups but no"
			    " home group", pa->id);
			return IOP_EINPUT;
		}
		for (int w = pa->first_week; w <= pa->last_week; w++) {
			int min = sched_state_week(st, p, w);

			if (rule_hours_week_ok(m, p, min))
				continue;
			*cause = xasprintf("rule 5: %s has %.1f h in %s,"
			    " outside [%.1f, %.1f]", pa->id, min / 60.0,
			    sched_week_label(m, w, week),
			    pa->min_minutes / 60.0, m->max_minutes / 60.0);
			return IOP_EINPUT;
		}
	}
	return 0;
}
