/*
 * Could participant p join group g while everyone else stays put?  The
 * rules of SPEC section 4 are asked in a fixed order through rules.h, so
 * that the answer names the first one in the way: compatibility (rule 3),
 * hours (rule 5), seats (rule 6), opening (rules 7 and 8), the sessions p
 * would attend (rules 6 and 9), and the makeups short weeks need (rule 4).
 */
#include "explain_int.h"
#include "rules.h"

static bool
group_lifted(unsigned lift, int rule)
{
	return (lift & EXPLAIN_LIFT(rule)) != 0;
}

/* Rule 3: track, licence and pin. */
static int
group_compatible(const struct explain_ctx *x, int g, unsigned lift)
{
	const struct sched_model *m = x->m;
	const struct sched_participant *pa = &m->participants[x->p];

	if (!group_lifted(lift, SCHED_EXPLAIN_TRACK) &&
	    m->groups[g].track != pa->track)
		return SCHED_EXPLAIN_TRACK;
	if (!group_lifted(lift, SCHED_EXPLAIN_LICENCE) &&
	    m->groups[g].track == pa->track && !sched_compatible(m, x->p, g))
		return SCHED_EXPLAIN_LICENCE;
	if (!group_lifted(lift, SCHED_EXPLAIN_PIN) && pa->pinned_home >= 0 &&
	    pa->pinned_home != g)
		return SCHED_EXPLAIN_PIN;
	return SCHED_EXPLAIN_FITS;
}

/* Rule 5 with the most makeups could add: the first week out of range. */
static int
group_hours(const struct explain_ctx *x, struct sched_explain_group *eg)
{
	const struct sched_model *m = x->m;
	const struct sched_participant *pa = &m->participants[x->p];

	for (int w = pa->first_week; w <= pa->last_week; w++) {
		int k = w - pa->first_week, home = eg->home_minutes[k];

		eg->week = w;
		if (home > m->max_minutes) {
			eg->minutes = home;
			return SCHED_EXPLAIN_OVER_HOURS;
		}
		if (home + eg->makeup_minutes[k] < pa->min_minutes) {
			eg->minutes = home + eg->makeup_minutes[k];
			return SCHED_EXPLAIN_HOURS;
		}
	}
	return SCHED_EXPLAIN_FITS;
}

static int
group_limit(int limit)
{
	switch (limit) {
	case RULE_LIMIT_GROUPS:
		return SCHED_LIMIT_GROUPS;
	case RULE_LIMIT_HOURS:
		return SCHED_LIMIT_HOURS;
	default:
		return SCHED_LIMIT_CLASH;
	}
}

/* Rules 6, 7 and 8 on the group as a whole. */
static int
group_seat(const struct explain_ctx *x, struct sched_explain_group *eg,
    unsigned lift)
{
	const struct sched_state *st = &x->st;
	int g = eg->group, limit;

	if (!group_lifted(lift, SCHED_EXPLAIN_FULL) &&
	    !rule_capacity_fits(x->m, g, st->nmem[g] + 1))
		return SCHED_EXPLAIN_FULL;
	if (st->nmem[g] > 0)
		return SCHED_EXPLAIN_FITS;
	if (!group_lifted(lift, SCHED_EXPLAIN_CLINICIAN) &&
	    (limit = rule_clinician_open_blocker(st, g, &eg->clash)) !=
	    RULE_LIMIT_NONE) {
		eg->limit = group_limit(limit);
		return SCHED_EXPLAIN_CLINICIAN;
	}
	if (!group_lifted(lift, SCHED_EXPLAIN_BELOW_MIN) &&
	    !rule_open_size_ok(x->m, 1))
		return SCHED_EXPLAIN_BELOW_MIN;
	return SCHED_EXPLAIN_FITS;
}

/* Rules 6 and 9 on each session p would attend at home. */
static int
group_sessions(const struct explain_ctx *x, struct sched_explain_group *eg,
    unsigned lift)
{
	const struct sched_model *m = x->m;
	const struct sched_group *gr = &m->groups[eg->group];
	int n = m->weeks * gr->nsessions;

	for (int i = gr->first_instance; i < gr->first_instance + n; i++) {
		if (!m->instances[i].clinician_free ||
		    !sched_can_attend(m, x->p, i))
			continue;
		eg->instance = i;
		if (!group_lifted(lift, SCHED_EXPLAIN_FULL) &&
		    !rule_capacity_fits(m, eg->group, x->st.att[i] + 1))
			return SCHED_EXPLAIN_SESSION_FULL;
		if (!group_lifted(lift, SCHED_EXPLAIN_AGENCY) &&
		    (eg->peer = rule_agency_blocker(&x->st, x->p, i)) >= 0)
			return SCHED_EXPLAIN_AGENCY;
	}
	return SCHED_EXPLAIN_FITS;
}

/* The longest makeup with room p may add in week w without passing max. */
static int
group_best_makeup(const struct explain_ctx *x, int w, unsigned lift)
{
	const struct sched_model *m = x->m;
	const struct sched_state *st = &x->st;
	int best = -1, have = sched_state_week(st, x->p, w);

	for (int i = 0; i < m->ninstances; i++) {
		const struct sched_instance *in = &m->instances[i];

		if (in->week != w || have + in->minutes > m->max_minutes ||
		    !rule_makeup_allowed(st, x->p, i))
			continue;
		if (!group_lifted(lift, SCHED_EXPLAIN_MAKEUP) &&
		    (!rule_capacity_fits(m, in->group, st->att[i] + 1) ||
		    rule_agency_blocker(st, x->p, i) >= 0))
			continue;
		if (best < 0 || in->minutes > m->instances[best].minutes)
			best = i;
	}
	return best;
}

/*
 * Rule 4: with p at home in the group, covers each short week greedily
 * with the longest makeups that have room; the first week left short.
 */
static int
group_makeups(struct explain_ctx *x, struct sched_explain_group *eg,
    unsigned lift)
{
	const struct sched_participant *pa = &x->m->participants[x->p];
	size_t mark = sched_state_mark(&x->st);
	int rule = SCHED_EXPLAIN_FITS, i;

	sched_state_set_home(&x->st, x->p, eg->group);
	for (int w = pa->first_week; w <= pa->last_week &&
	    rule == SCHED_EXPLAIN_FITS; w++) {
		while (sched_state_week(&x->st, x->p, w) < pa->min_minutes &&
		    (i = group_best_makeup(x, w, lift)) >= 0)
			sched_state_add_makeup(&x->st, x->p, i);
		if (sched_state_week(&x->st, x->p, w) < pa->min_minutes) {
			eg->week = w;
			rule = SCHED_EXPLAIN_MAKEUP;
		}
	}
	sched_state_undo(&x->st, mark);
	return rule;
}

int
explain_try(struct explain_ctx *x, struct sched_explain_group *eg,
    unsigned lift)
{
	int rule;

	if ((rule = group_compatible(x, eg->group, lift)) !=
	    SCHED_EXPLAIN_FITS)
		return rule;
	if ((rule = group_hours(x, eg)) != SCHED_EXPLAIN_FITS)
		return rule;
	if ((rule = group_seat(x, eg, lift)) != SCHED_EXPLAIN_FITS)
		return rule;
	if ((rule = group_sessions(x, eg, lift)) != SCHED_EXPLAIN_FITS)
		return rule;
	return group_makeups(x, eg, lift);
}
