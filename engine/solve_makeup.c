/*
 * Covering a placed participant's short weeks with makeups.  For each week
 * below the minimum, the running instances p may join (rules 1, 2, 4, 6
 * and 9 asked through rules.h) are collected, and the smallest set of at
 * most the week's remaining makeups whose minutes bring the week into
 * range is chosen, fewest sessions against p's preference first, then the
 * emptiest instances, then the lowest index: deterministic, and leaving
 * room where it is scarce.
 */
#include <stdlib.h>

#include "rules.h"
#include "solve.h"

#define MAKEUP_CANDIDATES	24
#define MAKEUP_DEPTH		4

struct makeup_pick {
	int	cand[MAKEUP_CANDIDATES];
	int	n;
	int	best[MAKEUP_DEPTH];
	int	nbest;
	int	best_against;
	int	cur[MAKEUP_DEPTH];
};

/* True when p may take a makeup at instance i now. */
static bool
makeup_fits(const struct solve_ctx *c, int p, int i)
{
	const struct sched_state *st = &c->st;

	return rule_makeup_allowed(st, p, i) &&
	    rule_capacity_fits(c->m, c->m->instances[i].group, st->att[i] + 1) &&
	    rule_agency_blocker(st, p, i) < 0;
}

/* Sort key: against first, then fuller instances later, then index. */
static long
makeup_key(const struct solve_ctx *c, int p, int i)
{
	return (long)sched_state_against(c->m, p, i) * 1000000000L +
	    (long)c->st.att[i] * 1000000L + i;
}

/* Collects p's candidate makeups in week w, sorted by makeup_key(). */
static void
makeup_collect(const struct solve_ctx *c, int p, int w, struct makeup_pick *mp)
{
	const struct sched_model *m = c->m;

	mp->n = 0;
	for (int o = c->d->opt_first[p]; o < c->d->opt_first[p + 1]; o++) {
		const struct sched_group *gr = &m->groups[c->d->opts[o].group];

		if (c->st.nmem[c->d->opts[o].group] == 0 ||
		    c->d->opts[o].group == c->st.home[p])
			continue;
		for (int k = w * gr->nsessions; k < (w + 1) * gr->nsessions;
		    k++) {
			int i = gr->first_instance + k, j;

			if (mp->n == MAKEUP_CANDIDATES ||
			    !sched_option_bit(c->d, o, k) ||
			    !makeup_fits(c, p, i))
				continue;
			for (j = mp->n; j > 0 && makeup_key(c, p,
			    mp->cand[j - 1]) > makeup_key(c, p, i); j--)
				mp->cand[j] = mp->cand[j - 1];
			mp->cand[j] = i;
			mp->n++;
		}
	}
}

static bool
makeup_overlap(const struct sched_model *m, int i, int j)
{
	return m->instances[i].start < m->instances[j].end &&
	    m->instances[j].start < m->instances[i].end;
}

/*
 * Depth-first search over combinations of exactly size candidates from
 * index from on, keeping the one with fewest sessions against preference.
 */
static void
makeup_search(struct solve_ctx *c, int p, struct makeup_pick *mp, int depth,
    int size, int from, int minutes, int against, int need, int room)
{
	if (depth == size) {
		if (minutes >= need && minutes <= room &&
		    (mp->nbest == 0 || against < mp->best_against)) {
			for (int k = 0; k < size; k++)
				mp->best[k] = mp->cur[k];
			mp->nbest = size;
			mp->best_against = against;
		}
		return;
	}
	for (int k = from; k < mp->n; k++) {
		int i = mp->cand[k], d;

		c->st.work++;
		if (minutes + c->m->instances[i].minutes > room)
			continue;
		for (d = 0; d < depth; d++)
			if (makeup_overlap(c->m, i, mp->cur[d]))
				break;
		if (d < depth)
			continue;
		mp->cur[depth] = i;
		makeup_search(c, p, mp, depth + 1, size, k + 1,
		    minutes + c->m->instances[i].minutes,
		    against + sched_state_against(c->m, p, i), need, room);
	}
}

/* Makeups of p in week w. */
static int
makeup_count(const struct solve_ctx *c, int p, int w)
{
	int n = 0;

	for (int k = 0; k < c->st.mk[p].n; k++)
		n += c->m->instances[c->st.mk[p].v[k]].week == w;
	return n;
}

/* Brings week w of p into range with new makeups; false when impossible. */
static bool
makeup_fix_week(struct solve_ctx *c, int p, int w)
{
	const struct sched_model *m = c->m;
	int cur = sched_state_week(&c->st, p, w);
	int need = m->participants[p].min_minutes - cur;
	int room = m->max_minutes - cur;
	int left = m->makeups_per_week - makeup_count(c, p, w);
	struct makeup_pick mp;

	if (left > MAKEUP_DEPTH)
		left = MAKEUP_DEPTH;
	makeup_collect(c, p, w, &mp);
	mp.nbest = 0;
	for (int size = 1; size <= left && mp.nbest == 0; size++)
		makeup_search(c, p, &mp, 0, size, 0, 0, 0, need, room);
	if (mp.nbest == 0)
		return false;
	for (int k = 0; k < mp.nbest; k++)
		sched_state_add_makeup(&c->st, p, mp.best[k]);
	return true;
}

bool
solve_fix_weeks(struct solve_ctx *c, int p, int *bad_week)
{
	const struct sched_participant *pa = &c->m->participants[p];

	for (int w = pa->first_week; w <= pa->last_week; w++) {
		int cur = sched_state_week(&c->st, p, w);

		if (rule_hours_week_ok(c->m, p, cur))
			continue;
		if (cur > c->m->max_minutes || !makeup_fix_week(c, p, w)) {
			if (bad_week != NULL)
				*bad_week = w;
			return false;
		}
	}
	return true;
}

/*
 * True when instance i overlaps a home instance of its own week that p
 * attends in option o (rule 4 looks at the makeup's week only).  Shared
 * by the bound and the MIP, which reason about options before any state.
 */
bool
solve_option_hits_home(const struct solve_ctx *c, int o, int i)
{
	const struct sched_model *m = c->m;
	const struct sched_group *gr = &m->groups[c->d->opts[o].group];
	const struct sched_instance *x = &m->instances[i];
	int k0 = x->week * gr->nsessions;

	for (int k = k0; k < k0 + gr->nsessions; k++) {
		const struct sched_instance *y =
		    &m->instances[gr->first_instance + k];

		if (y->clinician_free && sched_option_bit(c->d, o, k) &&
		    x->start < y->end && y->start < x->end)
			return true;
	}
	return false;
}
