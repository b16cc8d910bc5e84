/*
 * SPEC 4 rule 6: home members never exceed a group's capacity, nor do the
 * people in any running instance (home members attending plus makeups).
 */
#include <stdlib.h>

#include "model.h"
#include "rules.h"
#include "status.h"
#include "xmalloc.h"

/* True when count people fit in group g (home roll or one instance). */
bool
rule_capacity_fits(const struct sched_model *m, int g, int count)
{
	return count <= m->groups[g].capacity;
}

int
rule_capacity_check(const struct sched_state *st, char **cause)
{
	const struct sched_model *m = st->m;

	for (int g = 0; g < m->ngroups; g++)
		if (!rule_capacity_fits(m, g, st->nmem[g])) {
			*cause = xasprintf("rule 6: group %s has %d home"
			    " members > capacity %d", m->groups[g].id,
			    st->nmem[g], m->groups[g].capacity);
			return IOP_EINPUT;
		}
	for (int i = 0; i < m->ninstances; i++) {
		int g = m->instances[i].group;
		char *name;

		if (!rule_instance_runs(st, i) ||
		    rule_capacity_fits(m, g, st->att[i]))
			continue;
		name = rule_instance_name(m, i);
		*cause = xasprintf("rule 6: %s holds %d > capacity %d", name,
		    st->att[i], m->groups[g].capacity);
		free(name);
		return IOP_EINPUT;
	}
	return 0;
}
