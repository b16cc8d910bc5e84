/*
 * SPEC 4 rule 7: a group is open when it has a home member, and an open
 * group has at least group_size.min of them.
 */
#include "model.h"
#include "rules.h"
#include "status.h"
#include "xmalloc.h"

/* True when a group with this many home members may exist. */
bool
rule_open_size_ok(const struct sched_model *m, int members)
{
	return members == 0 || members >= m->group_min;
}

int
rule_open_check(const struct sched_state *st, char **cause)
{
	const struct sched_model *m = st->m;

	for (int g = 0; g < m->ngroups; g++)
		if (!rule_open_size_ok(m, st->nmem[g])) {
			*cause = xasprintf("rule 7: group %s is open with %d"
			    " home member%s, below group_size.min %d",
			    m->groups[g].id, st->nmem[g],
			    st->nmem[g] == 1 ? "" : "s", m->group_min);
			return IOP_EINPUT;
		}
	return 0;
}
