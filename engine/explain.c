/*
 * sched_explain(): replays the solution into a struct sched_state, takes p
 * out of it, and asks of every group what p could attend there and what
 * keeps p out (explain_group.c); for an unplaced p, what one change would
 * let them in (explain_fix.c).
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "explain_int.h"
#include "rules.h"
#include "xmalloc.h"

/* The schedule s without p, in x->st. */
static void
explain_replay(struct explain_ctx *x, const struct sched_solution *s)
{
	const struct sched_model *m = x->m;
	struct sched_state *st = &x->st;

	sched_state_init(st, m);
	for (int q = 0; q < m->nparticipants; q++)
		if (s->home[q] >= 0 && q != x->p)
			sched_state_set_home(st, q, s->home[q]);
	for (size_t k = 0; k < s->nmakeups; k++)
		if (s->makeups[k].participant != x->p)
			sched_state_add_makeup(st, s->makeups[k].participant,
			    s->makeups[k].instance);
	st->ntrail = 0;
}

/* Minutes of g's sessions in week w that would run and p can attend. */
static int
explain_home_minutes(const struct explain_ctx *x, int g, int w)
{
	const struct sched_model *m = x->m;
	const struct sched_group *gr = &m->groups[g];
	int first = gr->first_instance + w * gr->nsessions, minutes = 0;

	for (int i = first; i < first + gr->nsessions; i++)
		if (m->instances[i].clinician_free &&
		    sched_can_attend(m, x->p, i))
			minutes += m->instances[i].minutes;
	return minutes;
}

/* True when instance i overlaps a session of g in week w p would attend. */
static bool
explain_hits_home(const struct explain_ctx *x, int g, int w, int i)
{
	const struct sched_model *m = x->m;
	const struct sched_group *gr = &m->groups[g];
	const struct sched_instance *a = &m->instances[i];
	int first = gr->first_instance + w * gr->nsessions;

	for (int j = first; j < first + gr->nsessions; j++) {
		const struct sched_instance *b = &m->instances[j];

		if (b->clinician_free && sched_can_attend(m, x->p, j) &&
		    a->start < b->end && b->start < a->end)
			return true;
	}
	return false;
}

/*
 * The most minutes makeups_per_week makeups could add in week w with g as
 * home: the longest running sessions p can attend in the other open
 * groups p may join, ignoring seats and overlaps between makeups.
 */
static int
explain_makeup_minutes(const struct explain_ctx *x, int g, int w)
{
	const struct sched_model *m = x->m;
	int top[8] = { 0 }, n = m->makeups_per_week, sum = 0;

	if (n > 8)
		n = 8;
	for (int i = 0; i < m->ninstances; i++) {
		const struct sched_instance *in = &m->instances[i];
		int v = in->minutes;

		if (in->week != w || in->group == g ||
		    !rule_instance_runs(&x->st, i) ||
		    !sched_compatible(m, x->p, in->group) ||
		    !sched_can_attend(m, x->p, i) ||
		    explain_hits_home(x, g, w, i))
			continue;
		for (int k = 0; k < n; k++)
			if (v > top[k]) {
				int t = top[k];

				top[k] = v;
				v = t;
			}
	}
	for (int k = 0; k < n; k++)
		sum += top[k];
	return sum;
}

static void
explain_group(struct explain_ctx *x, const struct sched_solution *s, int g,
    struct sched_explain_group *eg)
{
	const struct sched_participant *pa = &x->m->participants[x->p];
	int n = pa->last_week - pa->first_week + 1;

	if (n < 0)
		n = 0;
	eg->group = g;
	eg->candidate = sched_compatible(x->m, x->p, g);
	eg->members = x->st.nmem[g] + (s->home[x->p] == g);
	eg->home_minutes = xcalloc((size_t)n + 1, sizeof(int));
	eg->makeup_minutes = xcalloc((size_t)n + 1, sizeof(int));
	eg->week = eg->instance = eg->peer = eg->clash = -1;
	for (int k = 0; k < n; k++) {
		eg->home_minutes[k] = explain_home_minutes(x, g,
		    pa->first_week + k);
		eg->makeup_minutes[k] = explain_makeup_minutes(x, g,
		    pa->first_week + k);
	}
	eg->rule = s->home[x->p] == g ? SCHED_EXPLAIN_HOME :
	    explain_try(x, eg, 0);
}

static void
explain_weeks(const struct sched_model *m, const struct sched_solution *s,
    int p, struct sched_explanation *e)
{
	const struct sched_participant *pa = &m->participants[p];

	e->nweeks = pa->last_week - pa->first_week + 1;
	if (e->nweeks < 0)
		e->nweeks = 0;
	e->weeks = xcalloc((size_t)e->nweeks + 1, sizeof *e->weeks);
	for (int k = 0; k < e->nweeks; k++)
		e->weeks[k].week = pa->first_week + k;
	for (int k = 0; k < e->nweeks; k++)
		e->weeks[k].minutes = sched_week_minutes(m, s, p,
		    e->weeks[k].week);
	for (size_t k = 0; k < s->nmakeups; k++)
		if (s->makeups[k].participant == p) {
			int w = m->instances[s->makeups[k].instance].week;

			if (w >= pa->first_week && w <= pa->last_week)
				e->weeks[w - pa->first_week].makeups++;
		}
}

int
sched_explain(const struct sched_model *m, const struct sched_solution *s,
    int p, struct sched_explanation *out)
{
	struct explain_ctx x;

	assert(p >= 0 && p < m->nparticipants && m->derived != NULL);
	memset(out, 0, sizeof *out);
	memset(&x, 0, sizeof x);
	x.m = m;
	x.p = p;
	explain_replay(&x, s);
	out->participant = p;
	out->home = s->home[p];
	explain_weeks(m, s, p, out);
	out->ngroups = m->ngroups;
	out->groups = xcalloc((size_t)m->ngroups + 1, sizeof *out->groups);
	for (int g = 0; g < m->ngroups; g++)
		explain_group(&x, s, g, &out->groups[g]);
	if (out->home < 0)
		explain_fix(&x, out);
	sched_state_release(&x.st);
	return 0;
}

void
sched_explanation_release(struct sched_explanation *e)
{
	for (int g = 0; g < e->ngroups; g++) {
		free(e->groups[g].home_minutes);
		free(e->groups[g].makeup_minutes);
	}
	free(e->groups);
	free(e->weeks);
	memset(e, 0, sizeof *e);
}
