/*
 * sched_model_prepare(): validate a model's indices and precompute what the
 * rules need (clinician_free, attendability bitsets, clinician conflicts,
 * agency peers).
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "derived.h"
#include "model.h"
#include "rules.h"
#include "status.h"
#include "xmalloc.h"

/* Returns NULL when the group and clinician arrays are consistent. */
static char *
prepare_check_groups(const struct sched_model *m)
{
	for (int c = 0; c < m->nclinicians; c++)
		if (m->clinicians[c].max_minutes < 0)
			return xasprintf("clinician %s: negative weekly limit",
			    m->clinicians[c].id);
	for (int g = 0; g < m->ngroups; g++) {
		const struct sched_group *gr = &m->groups[g];

		if (gr->clinician < 0 || gr->clinician >= m->nclinicians)
			return xasprintf("group %s: no such clinician", gr->id);
		if (gr->track < 0 || gr->track >= m->ntracks)
			return xasprintf("group %s: no such track", gr->id);
		if (gr->capacity < 0)
			return xasprintf("group %s: negative capacity", gr->id);
		for (int s = 0; s < gr->nsessions; s++)
			if (gr->sessions[s].minutes <= 0 ||
			    gr->sessions[s].day < 0 || gr->sessions[s].day > 6)
				return xasprintf("group %s: bad session %d",
				    gr->id, s + 1);
	}
	return NULL;
}

/* Returns NULL when every participant's indices are in range. */
static char *
prepare_check_participants(const struct sched_model *m)
{
	for (int p = 0; p < m->nparticipants; p++) {
		const struct sched_participant *pa = &m->participants[p];

		if (pa->track < 0 || pa->track >= m->ntracks)
			return xasprintf("participant %s: no such track", pa->id);
		if (pa->state < 0 || pa->state >= 64)
			return xasprintf("participant %s: bad state", pa->id);
		if (pa->agency < -1 || pa->agency >= m->nagencies)
			return xasprintf("participant %s: no such agency",
			    pa->id);
		if (pa->previous_home < -1 || pa->previous_home >= m->ngroups ||
		    pa->pinned_home < -1 || pa->pinned_home >= m->ngroups)
			return xasprintf("participant %s: no such group",
			    pa->id);
		if (pa->min_minutes < 0)
			return xasprintf("participant %s: negative minimum",
			    pa->id);
	}
	return NULL;
}

/* Returns NULL when weeks and instances are laid out and timed. */
static char *
prepare_check_instances(struct sched_model *m)
{
	int n = 0;

	if (m->weeks < 0 || (m->weeks > 0 && m->week_start == NULL))
		return xasprintf("model: bad program weeks");
	for (int w = 0; w < m->weeks; w++)
		if (m->week_start[w] >= m->week_start[w + 1])
			return xasprintf("model: week %d does not advance", w);
	for (int g = 0; g < m->ngroups; g++) {
		m->groups[g].first_instance = n;
		m->groups[g].weekly_minutes = 0;
		for (int s = 0; s < m->groups[g].nsessions; s++)
			m->groups[g].weekly_minutes +=
			    m->groups[g].sessions[s].minutes;
		n += m->weeks * m->groups[g].nsessions;
	}
	if (n != m->ninstances || (n > 0 && m->instances == NULL))
		return xasprintf("model: instances not laid out");
	for (int i = 0; i < n; i++) {
		struct sched_instance *in = &m->instances[i];

		in->end = in->start + (int64_t)in->minutes * 60;
		if (in->week < 0 || in->week >= m->weeks)
			return xasprintf("model: instance %d outside weeks", i);
	}
	return NULL;
}

struct prepare_time {
	int64_t	start;
	int64_t	end;
	int	i;
};

/* Orders by start, then end, then instance. */
static int
prepare_time_cmp(const void *a, const void *b)
{
	const struct prepare_time *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return (x->i > y->i) - (x->i < y->i);
}

/*
 * Numbers the distinct (start, end) pairs of the instances: instances of
 * different groups at the same time share a slot, so that attendability
 * is decided once per participant and slot.  Fills slot[i] per instance
 * and returns the number of slots.
 */
static int
prepare_slots(const struct sched_model *m, int *slot)
{
	struct prepare_time *t;
	int n = 0;

	t = xmalloc(((size_t)m->ninstances + 1) * sizeof t[0]);
	for (int i = 0; i < m->ninstances; i++) {
		t[i].start = m->instances[i].start;
		t[i].end = m->instances[i].end;
		t[i].i = i;
	}
	qsort(t, (size_t)m->ninstances, sizeof t[0], prepare_time_cmp);
	for (int k = 0; k < m->ninstances; k++) {
		if (k > 0 && (t[k].start != t[k - 1].start ||
		    t[k].end != t[k - 1].end))
			n++;
		slot[t[k].i] = n;
	}
	free(t);
	return m->ninstances > 0 ? n + 1 : 0;
}

/*
 * Sets the bits of one option: memo[] caches per slot whether p can
 * attend (-1 unknown), valid for p only.
 */
static void
prepare_option_bits(const struct sched_model *m, int p, int g, uint64_t *b,
    const int *slot, signed char *memo)
{
	const struct sched_group *gr = &m->groups[g];
	int n = m->weeks * gr->nsessions;

	for (int k = 0; k < n; k++) {
		int i = gr->first_instance + k;

		if (memo[slot[i]] < 0)
			memo[slot[i]] = rule_can_attend_direct(m, p, i);
		if (memo[slot[i]])
			b[k >> 6] |= (uint64_t)1 << (k & 63);
	}
}

/* Builds the options and their attendability bitsets. */
static void
prepare_options(const struct sched_model *m, struct sched_derived *d)
{
	size_t nbits = 0;
	int nopts = 0, nslots, *slot;
	signed char *memo;

	d->opt_first = xcalloc((size_t)m->nparticipants + 1, sizeof(int));
	for (int p = 0; p < m->nparticipants; p++)
		for (int g = 0; g < m->ngroups; g++)
			if (sched_compatible(m, p, g)) {
				nopts++;
				nbits += ((size_t)m->weeks *
				    (size_t)m->groups[g].nsessions + 63) / 64;
			}
	d->opts = xcalloc((size_t)nopts + 1, sizeof d->opts[0]);
	d->bits = xcalloc(nbits + 1, sizeof d->bits[0]);
	slot = xmalloc(((size_t)m->ninstances + 1) * sizeof(int));
	nslots = prepare_slots(m, slot);
	memo = xmalloc((size_t)nslots + 1);
	nbits = 0;
	nopts = 0;
	for (int p = 0; p < m->nparticipants; p++) {
		d->opt_first[p] = nopts;
		memset(memo, -1, (size_t)nslots + 1);
		for (int g = 0; g < m->ngroups; g++) {
			if (!sched_compatible(m, p, g))
				continue;
			d->opts[nopts].group = g;
			d->opts[nopts].bits = nbits;
			prepare_option_bits(m, p, g, d->bits + nbits, slot,
			    memo);
			nbits += ((size_t)m->weeks *
			    (size_t)m->groups[g].nsessions + 63) / 64;
			nopts++;
		}
	}
	d->opt_first[m->nparticipants] = nopts;
	d->nopts = nopts;
	free(slot);
	free(memo);
}

/* Inverts the options: per group, the participants it is compatible with. */
static void
prepare_group_people(const struct sched_model *m, struct sched_derived *d)
{
	int *fill = xcalloc((size_t)m->ngroups + 1, sizeof(int));

	d->gp_first = xcalloc((size_t)m->ngroups + 1, sizeof(int));
	d->gp = xmalloc(((size_t)d->nopts + 1) * sizeof(int));
	for (int o = 0; o < d->nopts; o++)
		d->gp_first[d->opts[o].group + 1]++;
	for (int g = 0; g < m->ngroups; g++)
		d->gp_first[g + 1] += d->gp_first[g];
	for (int p = 0; p < m->nparticipants; p++)
		for (int o = d->opt_first[p]; o < d->opt_first[p + 1]; o++) {
			int g = d->opts[o].group;

			d->gp[d->gp_first[g] + fill[g]++] = p;
		}
	free(fill);
}

/* Per clinician, the groups it leads, ascending (a counting sort). */
static void
prepare_clinician_groups(const struct sched_model *m, struct sched_derived *d)
{
	int *fill = xcalloc((size_t)m->nclinicians + 1, sizeof(int));

	d->cg_first = xcalloc((size_t)m->nclinicians + 1, sizeof(int));
	d->cg = xmalloc(((size_t)m->ngroups + 1) * sizeof(int));
	for (int g = 0; g < m->ngroups; g++)
		d->cg_first[m->groups[g].clinician + 1]++;
	for (int cl = 0; cl < m->nclinicians; cl++)
		d->cg_first[cl + 1] += d->cg_first[cl];
	for (int g = 0; g < m->ngroups; g++) {
		int cl = m->groups[g].clinician;

		d->cg[d->cg_first[cl] + fill[cl]++] = g;
	}
	free(fill);
}

/* Lists, per group, the groups its clinician could not lead alongside. */
static void
prepare_conflicts(const struct sched_model *m, struct sched_derived *d)
{
	size_t n = 0, cap = 0;

	d->conflict_first = xcalloc((size_t)m->ngroups + 1, sizeof(int));
	for (int g = 0; g < m->ngroups; g++) {
		d->conflict_first[g] = (int)n;
		for (int h = 0; h < m->ngroups; h++) {
			if (h == g || !rule_clinician_groups_conflict(m, g, h))
				continue;
			XGROW(d->conflicts, cap, n + 1);
			d->conflicts[n++] = h;
		}
	}
	d->conflict_first[m->ngroups] = (int)n;
}

/*
 * Rule 9 can bind p when another member of its agency exists and one of
 * the two keeps apart: counted per agency, linear in participants.
 */
static void
prepare_peers(const struct sched_model *m, struct sched_derived *d)
{
	int *count = xcalloc((size_t)m->nagencies + 1, sizeof(int));
	int *apart = xcalloc((size_t)m->nagencies + 1, sizeof(int));

	d->has_peer = xcalloc((size_t)m->nparticipants + 1, sizeof(bool));
	for (int p = 0; p < m->nparticipants; p++) {
		const struct sched_participant *pa = &m->participants[p];

		if (pa->agency < 0)
			continue;
		count[pa->agency]++;
		apart[pa->agency] += pa->separate;
	}
	for (int p = 0; p < m->nparticipants; p++) {
		const struct sched_participant *pa = &m->participants[p];
		int a = pa->agency;

		if (a >= 0 && count[a] >= 2 &&
		    (pa->separate || apart[a] > 0)) {
			d->has_peer[p] = true;
			d->any_peer = true;
		}
	}
	free(count);
	free(apart);
}

int
sched_model_prepare(struct sched_model *m, char **cause)
{
	struct sched_derived *d;
	char *err;

	if ((err = prepare_check_instances(m)) != NULL ||
	    (err = prepare_check_groups(m)) != NULL ||
	    (err = prepare_check_participants(m)) != NULL) {
		*cause = err;
		return IOP_EINPUT;
	}
	for (int c = 0; c < m->nclinicians; c++)
		sched_spans_normalize(&m->clinicians[c].busy);
	for (int p = 0; p < m->nparticipants; p++) {
		sched_spans_normalize(&m->participants[p].busy);
		sched_spans_normalize(&m->participants[p].available);
	}
	for (int i = 0; i < m->ninstances; i++)
		m->instances[i].clinician_free = rule_clinician_free(m, i);
	sched_derived_free(m->derived);
	d = xcalloc(1, sizeof *d);
	m->derived = d;
	prepare_options(m, d);
	prepare_group_people(m, d);
	prepare_clinician_groups(m, d);
	prepare_conflicts(m, d);
	prepare_peers(m, d);
	return 0;
}
