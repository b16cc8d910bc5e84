/*
 * SPEC 4 rules 1 and 2: when an instance runs, and when a participant can
 * attend one.  The definitions here feed sched_model_prepare() (which caches
 * them) and the checks below, which look at each makeup's instance (home
 * attendance follows from these definitions and cannot break them).
 */
#include <stdio.h>
#include <stdlib.h>

#include "civil.h"
#include "model.h"
#include "rules.h"
#include "status.h"
#include "xmalloc.h"

/* Rule 1, second half: the clinician has no busy span over instance i. */
bool
rule_clinician_free(const struct sched_model *m, int i)
{
	const struct sched_instance *in = &m->instances[i];
	const struct sched_group *g = &m->groups[in->group];

	return !sched_spans_overlap(&m->clinicians[g->clinician].busy,
	    in->start, in->end);
}

/* Rule 2, computed from the spans (prepare caches it per option). */
bool
rule_can_attend_direct(const struct sched_model *m, int p, int i)
{
	const struct sched_participant *pa = &m->participants[p];
	const struct sched_instance *in = &m->instances[i];

	return in->week >= pa->first_week && in->week <= pa->last_week &&
	    !sched_spans_overlap(&pa->busy, in->start, in->end) &&
	    sched_spans_contain(&pa->available, in->start, in->end);
}

/* Rule 1: the group is open and its clinician is free. */
bool
rule_instance_runs(const struct sched_state *st, int i)
{
	const struct sched_instance *in = &st->m->instances[i];

	return st->nmem[in->group] > 0 && in->clinician_free;
}

char *
rule_instance_name(const struct sched_model *m, int i)
{
	const struct sched_instance *in = &m->instances[i];
	const struct sched_group *g = &m->groups[in->group];
	const struct sched_session *s = &g->sessions[in->session];
	char week[32];

	return xasprintf("group %s %s %s %02d:%02d", g->id,
	    sched_week_label(m, in->week, week), civil_day_name(s->day),
	    s->start_minute / 60, s->start_minute % 60);
}

int
rule_attend_check(const struct sched_state *st, char **cause)
{
	const struct sched_model *m = st->m;

	for (int p = 0; p < m->nparticipants; p++)
		for (int k = 0; k < st->mk[p].n; k++) {
			int i = st->mk[p].v[k];
			const struct sched_instance *in = &m->instances[i];
			char *name;

			if (rule_instance_runs(st, i) &&
			    sched_can_attend(m, p, i))
				continue;
			name = rule_instance_name(m, i);
			if (st->nmem[in->group] == 0)
				*cause = xasprintf("rule 1: makeup of %s in %s,"
				    " which does not run: the group is not open",
				    m->participants[p].id, name);
			else if (!in->clinician_free)
				*cause = xasprintf("rule 1: makeup of %s in %s,"
				    " which does not run: clinician %s is busy",
				    m->participants[p].id, name,
				    m->clinicians[m->groups[in->group].
				    clinician].id);
			else
				*cause = xasprintf("rule 2: %s cannot attend"
				    " makeup %s", m->participants[p].id, name);
			free(name);
			return IOP_EINPUT;
		}
	return 0;
}
