/*
 * SPEC 4 rule 9: two participants of one agency (compared
 * case-insensitively: agencies are interned lower-cased), either of them
 * asking for separation, are never in the same running instance.
 */
#include <stdlib.h>

#include "derived.h"
#include "model.h"
#include "rules.h"
#include "status.h"
#include "xmalloc.h"

/* True when p and q must never share an instance. */
bool
rule_agency_apart(const struct sched_model *m, int p, int q)
{
	const struct sched_participant *a = &m->participants[p];
	const struct sched_participant *b = &m->participants[q];

	return p != q && a->agency >= 0 && a->agency == b->agency &&
	    (a->separate || b->separate);
}

/*
 * Returns an attendee of instance i who must stay apart from p, or -1 when
 * p may join i.
 */
int
rule_agency_blocker(const struct sched_state *st, int p, int i)
{
	const struct sched_ilist *l = &st->attendees[i];

	if (!sched_derived(st->m)->has_peer[p])
		return -1;
	for (int k = 0; k < l->n; k++)
		if (rule_agency_apart(st->m, p, l->v[k]))
			return l->v[k];
	return -1;
}

int
rule_agency_check(const struct sched_state *st, char **cause)
{
	const struct sched_model *m = st->m;

	if (!sched_derived(m)->any_peer)
		return 0;
	for (int i = 0; i < m->ninstances; i++) {
		const struct sched_ilist *l = &st->attendees[i];
		char *name;

		if (!rule_instance_runs(st, i))
			continue;
		for (int a = 0; a < l->n; a++)
			for (int b = a + 1; b < l->n; b++) {
				int p = l->v[a] < l->v[b] ? l->v[a] : l->v[b];
				int q = l->v[a] < l->v[b] ? l->v[b] : l->v[a];

				if (!rule_agency_apart(m, p, q))
					continue;
				name = rule_instance_name(m, i);
				*cause = xasprintf("rule 9: %s and %s of agency"
				    " '%s' share %s", m->participants[p].id,
				    m->participants[q].id,
				    m->agencies[m->participants[p].agency],
				    name);
				free(name);
				return IOP_EINPUT;
			}
	}
	return 0;
}
