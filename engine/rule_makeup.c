/*
 * SPEC 4 rule 4: a makeup is one running instance of another open,
 * compatible group that p can attend, overlapping neither a home instance
 * p attends nor p's other makeups, at most makeups_per_week a week.
 */
#include <stdlib.h>

#include "model.h"
#include "rules.h"
#include "status.h"
#include "xmalloc.h"

static bool
makeup_overlaps(const struct sched_model *m, int i, int j)
{
	return m->instances[i].start < m->instances[j].end &&
	    m->instances[j].start < m->instances[i].end;
}

/*
 * Returns the instance (a home instance p attends, or another makeup of p
 * other than skip) that overlaps i, or -1.
 */
static int
makeup_clash(const struct sched_state *st, int p, int i, int skip)
{
	const struct sched_model *m = st->m;
	int g = st->home[p], w = m->instances[i].week;

	if (g >= 0) {
		const struct sched_group *gr = &m->groups[g];
		int first = gr->first_instance + w * gr->nsessions;

		for (int j = first; j < first + gr->nsessions; j++)
			if (sched_state_home_attends(st, p, g, j) &&
			    makeup_overlaps(m, i, j))
				return j;
	}
	for (int k = 0; k < st->mk[p].n; k++)
		if (k != skip && makeup_overlaps(m, i, st->mk[p].v[k]))
			return st->mk[p].v[k];
	return -1;
}

/* p's makeups in week w. */
static int
makeup_count_week(const struct sched_state *st, int p, int w)
{
	int n = 0;

	for (int k = 0; k < st->mk[p].n; k++)
		if (st->m->instances[st->mk[p].v[k]].week == w)
			n++;
	return n;
}

/* True when placed p may add a makeup at i (rules 1, 2 and 4). */
bool
rule_makeup_allowed(const struct sched_state *st, int p, int i)
{
	const struct sched_model *m = st->m;
	int g = m->instances[i].group;

	return st->home[p] >= 0 && st->home[p] != g &&
	    sched_compatible(m, p, g) && rule_instance_runs(st, i) &&
	    sched_can_attend(m, p, i) && makeup_clash(st, p, i, -1) < 0 &&
	    makeup_count_week(st, p, m->instances[i].week) <
	    m->makeups_per_week;
}

/* Returns the cause for p's k-th makeup, or NULL when it obeys rule 4. */
static char *
makeup_fault(const struct sched_state *st, int p, int k)
{
	const struct sched_model *m = st->m;
	const char *id = m->participants[p].id;
	int i = st->mk[p].v[k], g = m->instances[i].group, clash;
	char *name = rule_instance_name(m, i), *what = NULL, *other;

	if (g == st->home[p])
		what = xasprintf("rule 4: makeup of %s in its own home %s",
		    id, name);
	else if (!sched_compatible(m, p, g))
		what = xasprintf("rule 4: makeup of %s in %s, not of its track"
		    " or with a clinician not licensed in its state", id, name);
	else if ((clash = makeup_clash(st, p, i, k)) >= 0) {
		other = rule_instance_name(m, clash);
		what = xasprintf("rule 4: makeup of %s in %s overlaps %s", id,
		    name, other);
		free(other);
	} else if (makeup_count_week(st, p, m->instances[i].week) >
	    m->makeups_per_week)
		what = xasprintf("rule 4: %s has %d makeups in the week of %s,"
		    " above makeups_per_week %d", id, makeup_count_week(st, p,
		    m->instances[i].week), name, m->makeups_per_week);
	free(name);
	return what;
}

int
rule_makeup_check(const struct sched_state *st, char **cause)
{
	for (int p = 0; p < st->m->nparticipants; p++) {
		if (st->home[p] < 0)
			continue;	/* rule 5 speaks of the unplaced */
		for (int k = 0; k < st->mk[p].n; k++)
			if ((*cause = makeup_fault(st, p, k)) != NULL)
				return IOP_EINPUT;
	}
	return 0;
}
