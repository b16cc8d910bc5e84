/*
 * The incremental schedule state shared by the checker and the solver:
 * every change updates the counts the rules read and is logged on a trail
 * so that trials can be undone.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "derived.h"
#include "state.h"
#include "xmalloc.h"

void
sched_ilist_push(struct sched_ilist *l, int x)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 4;
		l->v = xreallocarray(l->v, (size_t)l->cap, sizeof l->v[0]);
	}
	l->v[l->n++] = x;
}

bool
sched_ilist_remove(struct sched_ilist *l, int x)
{
	for (int k = 0; k < l->n; k++)
		if (l->v[k] == x) {
			l->v[k] = l->v[--l->n];
			return true;
		}
	return false;
}

static void
ilists_free(struct sched_ilist *l, int n)
{
	if (l == NULL)
		return;
	for (int k = 0; k < n; k++)
		free(l[k].v);
	free(l);
}

void
sched_state_init(struct sched_state *st, const struct sched_model *m)
{
	size_t np = (size_t)m->nparticipants + 1, ng = (size_t)m->ngroups + 1;
	size_t ni = (size_t)m->ninstances + 1;

	memset(st, 0, sizeof *st);
	st->m = m;
	st->home = xmalloc(np * sizeof(int));
	st->home_opt = xmalloc(np * sizeof(int));
	for (int p = 0; p < m->nparticipants; p++)
		st->home[p] = st->home_opt[p] = -1;
	st->nmem = xcalloc(ng, sizeof(int));
	st->members = xcalloc(ng, sizeof st->members[0]);
	st->guests = xcalloc(ng, sizeof(int));
	st->att = xcalloc(ni, sizeof(int));
	st->attendees = xcalloc(ni, sizeof st->attendees[0]);
	st->mk = xcalloc(np, sizeof st->mk[0]);
	st->wmin = xcalloc(np * ((size_t)m->weeks + 1), sizeof(int));
	st->clin_groups = xcalloc((size_t)m->nclinicians + 1, sizeof(int));
	st->clin_minutes = xcalloc((size_t)m->nclinicians + 1, sizeof(int));
}

void
sched_state_release(struct sched_state *st)
{
	const struct sched_model *m = st->m;

	if (m == NULL)
		return;
	free(st->home);
	free(st->home_opt);
	free(st->nmem);
	ilists_free(st->members, m->ngroups);
	free(st->guests);
	free(st->att);
	ilists_free(st->attendees, m->ninstances);
	ilists_free(st->mk, m->nparticipants);
	free(st->wmin);
	free(st->clin_groups);
	free(st->clin_minutes);
	free(st->trail);
	memset(st, 0, sizeof *st);
}

bool
sched_state_home_attends(const struct sched_state *st, int p, int g, int i)
{
	const struct sched_model *m = st->m;
	int opt;

	if (!m->instances[i].clinician_free)
		return false;
	opt = g == st->home[p] ? st->home_opt[p] : sched_option_find(m, p, g);
	if (opt < 0)
		return sched_can_attend(m, p, i);
	return sched_option_bit(sched_derived(m), opt,
	    i - m->groups[g].first_instance);
}

bool
sched_state_against(const struct sched_model *m, int p, int i)
{
	switch (m->participants[p].prefer) {
	case SCHED_PREFER_EVENING:
		return m->instances[i].weekend;
	case SCHED_PREFER_WEEKEND:
		return !m->instances[i].weekend;
	default:
		return false;
	}
}

static void
state_log(struct sched_state *st, int op, int p, int arg)
{
	XGROW(st->trail, st->trail_cap, st->ntrail + 1);
	st->trail[st->ntrail].op = op;
	st->trail[st->ntrail].p = p;
	st->trail[st->ntrail].arg = arg;
	st->ntrail++;
}

/* Adds (sign 1) or removes (sign -1) p's presence at instance i. */
static void
state_touch(struct sched_state *st, int p, int i, int sign)
{
	const struct sched_instance *in = &st->m->instances[i];

	st->att[i] += sign;
	if (sign > 0)
		sched_ilist_push(&st->attendees[i], p);
	else if (!sched_ilist_remove(&st->attendees[i], p))
		assert(!"attendee missing");
	st->wmin[(size_t)p * (size_t)st->m->weeks + (size_t)in->week] +=
	    sign * in->minutes;
	if (sched_state_against(st->m, p, i))
		st->score.against += sign;
	st->work++;
}

/* Opens (sign 1) or closes (sign -1) group g's bookkeeping. */
static void
state_open(struct sched_state *st, int g, int sign)
{
	const struct sched_group *gr = &st->m->groups[g];

	st->clin_groups[gr->clinician] += sign;
	st->clin_minutes[gr->clinician] += sign * gr->weekly_minutes;
	st->score.open += sign;
}

/* Walks g's instances p attends as a home member (g is p's home). */
static void
state_home_walk(struct sched_state *st, int p, int g, int sign)
{
	const struct sched_model *m = st->m;
	const struct sched_group *gr = &m->groups[g];
	int n = m->weeks * gr->nsessions, opt = st->home_opt[p];

	for (int k = 0; k < n; k++) {
		int i = gr->first_instance + k;

		if (!m->instances[i].clinician_free)
			continue;
		if (opt >= 0 ? sched_option_bit(sched_derived(m), opt, k) :
		    sched_can_attend(m, p, i))
			state_touch(st, p, i, sign);
	}
}

void
sched_state_set_home(struct sched_state *st, int p, int g)
{
	assert(st->home[p] == -1 && g >= 0 && g < st->m->ngroups);
	st->home[p] = g;
	st->home_opt[p] = sched_option_find(st->m, p, g);
	if (st->nmem[g]++ == 0)
		state_open(st, g, 1);
	sched_ilist_push(&st->members[g], p);
	state_home_walk(st, p, g, 1);
	st->score.placed++;
	if (st->m->participants[p].previous_home == g)
		st->score.kept++;
	state_log(st, SCHED_OP_SET_HOME, p, g);
}

void
sched_state_clear_home(struct sched_state *st, int p)
{
	int g = st->home[p];

	assert(g >= 0);
	state_home_walk(st, p, g, -1);
	if (!sched_ilist_remove(&st->members[g], p))
		assert(!"member missing");
	if (--st->nmem[g] == 0)
		state_open(st, g, -1);
	st->home[p] = -1;
	st->home_opt[p] = -1;
	st->score.placed--;
	if (st->m->participants[p].previous_home == g)
		st->score.kept--;
	state_log(st, SCHED_OP_CLEAR_HOME, p, g);
}

void
sched_state_add_makeup(struct sched_state *st, int p, int i)
{
	sched_ilist_push(&st->mk[p], i);
	st->guests[st->m->instances[i].group]++;
	state_touch(st, p, i, 1);
	st->score.makeups++;
	state_log(st, SCHED_OP_ADD_MAKEUP, p, i);
}

void
sched_state_remove_makeup(struct sched_state *st, int p, int i)
{
	if (!sched_ilist_remove(&st->mk[p], i))
		assert(!"makeup missing");
	st->guests[st->m->instances[i].group]--;
	state_touch(st, p, i, -1);
	st->score.makeups--;
	state_log(st, SCHED_OP_REMOVE_MAKEUP, p, i);
}

size_t
sched_state_mark(const struct sched_state *st)
{
	return st->ntrail;
}

/* Rolls back every change after mark, newest first. */
void
sched_state_undo(struct sched_state *st, size_t mark)
{
	assert(mark <= st->ntrail);
	while (st->ntrail > mark) {
		struct sched_trail_entry e = st->trail[st->ntrail - 1];

		switch (e.op) {
		case SCHED_OP_SET_HOME:
			sched_state_clear_home(st, e.p);
			break;
		case SCHED_OP_CLEAR_HOME:
			sched_state_set_home(st, e.p, e.arg);
			break;
		case SCHED_OP_ADD_MAKEUP:
			sched_state_remove_makeup(st, e.p, e.arg);
			break;
		default:
			sched_state_add_makeup(st, e.p, e.arg);
			break;
		}
		/* Drop both the undone entry and the inverse just logged. */
		st->ntrail -= 2;
	}
}

int
sched_score_cmp(const struct sched_score *a, const struct sched_score *b)
{
	if (a->placed != b->placed)
		return a->placed > b->placed ? 1 : -1;
	if (a->kept != b->kept)
		return a->kept > b->kept ? 1 : -1;
	if (a->open != b->open)
		return a->open < b->open ? 1 : -1;
	if (a->makeups != b->makeups)
		return a->makeups < b->makeups ? 1 : -1;
	if (a->against != b->against)
		return a->against < b->against ? 1 : -1;
	return 0;
}
