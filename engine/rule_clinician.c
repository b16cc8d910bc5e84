/*
 * SPEC 4 rule 8: a clinician's open groups add up to at most
 * max_hours_per_week of weekly sessions and max_groups groups, and never
 * overlap in time.  Only instances the clinician is free for can run, so
 * only those can overlap.
 */
#include "derived.h"
#include "model.h"
#include "rules.h"
#include "status.h"
#include "xmalloc.h"

/* True when some running instance of g in week w overlaps one of h. */
static bool
clinician_week_clash(const struct sched_model *m, int g, int w, int h)
{
	const struct sched_group *a = &m->groups[g], *b = &m->groups[h];

	for (int s = 0; s < a->nsessions; s++) {
		const struct sched_instance *x = &m->instances[
		    a->first_instance + w * a->nsessions + s];

		if (!x->clinician_free)
			continue;
		for (int v = w - 1; v <= w + 1; v++) {
			if (v < 0 || v >= m->weeks)
				continue;
			for (int t = 0; t < b->nsessions; t++) {
				const struct sched_instance *y = &m->instances[
				    b->first_instance + v * b->nsessions + t];

				if (y->clinician_free && x->start < y->end &&
				    y->start < x->end)
					return true;
			}
		}
	}
	return false;
}

/* True when groups g and h share a clinician and their sessions clash. */
bool
rule_clinician_groups_conflict(const struct sched_model *m, int g, int h)
{
	if (m->groups[g].clinician != m->groups[h].clinician)
		return false;
	for (int w = 0; w < m->weeks; w++)
		if (clinician_week_clash(m, g, w, h))
			return true;
	return false;
}

/*
 * Which limit of rule 8 opening closed group g would break: a RULE_LIMIT_*
 * value, with *clash (may be NULL) set to the open group that overlaps g
 * for RULE_LIMIT_CLASH.  RULE_LIMIT_NONE when g may open.
 */
int
rule_clinician_open_blocker(const struct sched_state *st, int g, int *clash)
{
	const struct sched_model *m = st->m;
	const struct sched_derived *d = sched_derived(m);
	const struct sched_group *gr = &m->groups[g];
	const struct sched_clinician *c = &m->clinicians[gr->clinician];

	if (c->max_groups >= 0 && st->clin_groups[gr->clinician] >=
	    c->max_groups)
		return RULE_LIMIT_GROUPS;
	if (st->clin_minutes[gr->clinician] + gr->weekly_minutes >
	    c->max_minutes)
		return RULE_LIMIT_HOURS;
	for (int k = d->conflict_first[g]; k < d->conflict_first[g + 1]; k++)
		if (st->nmem[d->conflicts[k]] > 0) {
			if (clash != NULL)
				*clash = d->conflicts[k];
			return RULE_LIMIT_CLASH;
		}
	return RULE_LIMIT_NONE;
}

/* True when opening closed group g keeps its clinician within rule 8. */
bool
rule_clinician_can_open(const struct sched_state *st, int g)
{
	return rule_clinician_open_blocker(st, g, NULL) == RULE_LIMIT_NONE;
}

int
rule_clinician_check(const struct sched_state *st, char **cause)
{
	const struct sched_model *m = st->m;
	const struct sched_derived *d = sched_derived(m);

	for (int c = 0; c < m->nclinicians; c++) {
		const struct sched_clinician *cl = &m->clinicians[c];

		if (cl->max_groups >= 0 && st->clin_groups[c] > cl->max_groups) {
			*cause = xasprintf("rule 8: clinician %s leads %d open"
			    " groups > max_groups %d", cl->id,
			    st->clin_groups[c], cl->max_groups);
			return IOP_EINPUT;
		}
		if (st->clin_minutes[c] > cl->max_minutes) {
			*cause = xasprintf("rule 8: clinician %s has %.1f h of"
			    " weekly sessions > %.1f h", cl->id,
			    st->clin_minutes[c] / 60.0, cl->max_minutes / 60.0);
			return IOP_EINPUT;
		}
	}
	for (int g = 0; g < m->ngroups; g++) {
		if (st->nmem[g] == 0)
			continue;
		for (int k = d->conflict_first[g]; k < d->conflict_first[g + 1];
		    k++) {
			int h = d->conflicts[k];

			if (h < g || st->nmem[h] == 0)
				continue;
			*cause = xasprintf("rule 8: clinician %s leads open"
			    " groups %s and %s, whose sessions overlap",
			    m->clinicians[m->groups[g].clinician].id,
			    m->groups[g].id, m->groups[h].id);
			return IOP_EINPUT;
		}
	}
	return 0;
}
