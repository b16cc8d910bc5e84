/*
 * SPEC 4 rule 3: at most one home group, of the participant's track, led by
 * a clinician licensed in the participant's state; a --pin forces which.
 * Attending every running home instance is not a choice, so the state
 * derives it (state.c) and nothing here can break it.
 */
#include <stdlib.h>

#include "model.h"
#include "rules.h"
#include "states.h"
#include "status.h"
#include "xmalloc.h"

/* True when g may be p's home: compatible and not against a pin. */
bool
rule_home_allowed(const struct sched_model *m, int p, int g)
{
	int pin = m->participants[p].pinned_home;

	return sched_compatible(m, p, g) && (pin < 0 || pin == g);
}

int
rule_home_check(const struct sched_state *st, char **cause)
{
	const struct sched_model *m = st->m;

	for (int p = 0; p < m->nparticipants; p++) {
		const struct sched_participant *pa = &m->participants[p];
		int g = st->home[p];

		if (g < 0 || rule_home_allowed(m, p, g))
			continue;
		if (m->groups[g].track != pa->track)
			*cause = xasprintf("rule 3: %s (track %s) has home"
			    " group %s of track %s", pa->id,
			    m->tracks[pa->track], m->groups[g].id,
			    m->tracks[m->groups[g].track]);
		else if (!sched_compatible(m, p, g))
			*cause = xasprintf("rule 3: %s has home group %s,"
			    " whose clinician %s is not licensed in %s",
			    pa->id, m->groups[g].id,
			    m->clinicians[m->groups[g].clinician].id,
			    states_code(pa->state));
		else
			*cause = xasprintf("rule 3: %s is pinned to %s but"
			    " has home group %s", pa->id,
			    m->groups[pa->pinned_home].id, m->groups[g].id);
		return IOP_EINPUT;
	}
	return 0;
}
