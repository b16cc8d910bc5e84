/*
 * The domain model: spans, shift buffers, instance layout, interning and
 * the precomputation (model->derived) the checker and the solver share.
 */
#include <assert.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "civil.h"
#include "derived.h"
#include "model.h"
#include "rules.h"
#include "status.h"
#include "xmalloc.h"

void
sched_spans_add(struct sched_spans *s, int64_t start, int64_t end)
{
	XGROW(s->v, s->cap, s->n + 1);
	s->v[s->n].start = start;
	s->v[s->n].end = end;
	s->n++;
}

static int
span_cmp(const void *a, const void *b)
{
	const struct sched_span *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end < y->end ? -1 : 1;
	return 0;
}

/* Sorts, drops empty spans and merges overlapping or touching ones. */
void
sched_spans_normalize(struct sched_spans *s)
{
	size_t out = 0;

	if (s->n == 0)
		return;
	qsort(s->v, s->n, sizeof s->v[0], span_cmp);
	for (size_t k = 0; k < s->n; k++) {
		if (s->v[k].end <= s->v[k].start)
			continue;
		if (out > 0 && s->v[k].start <= s->v[out - 1].end) {
			if (s->v[k].end > s->v[out - 1].end)
				s->v[out - 1].end = s->v[k].end;
			continue;
		}
		s->v[out++] = s->v[k];
	}
	s->n = out;
}

/* Index of the first span whose end is after t (s normalized). */
static size_t
spans_first_ending_after(const struct sched_spans *s, int64_t t)
{
	size_t lo = 0, hi = s->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->v[mid].end > t)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

bool
sched_spans_overlap(const struct sched_spans *s, int64_t start, int64_t end)
{
	size_t k;

	if (end <= start)
		return false;
	k = spans_first_ending_after(s, start);
	return k < s->n && s->v[k].start < end;
}

bool
sched_spans_contain(const struct sched_spans *s, int64_t start, int64_t end)
{
	size_t k = spans_first_ending_after(s, start);

	if (k < s->n && s->v[k].start <= start && s->v[k].end >= end)
		return true;
	/* A span ending exactly at start contains an empty interval. */
	return end <= start && k > 0 && s->v[k - 1].end == start;
}

void
sched_spans_release(struct sched_spans *s)
{
	free(s->v);
	s->v = NULL;
	s->n = s->cap = 0;
}

void
sched_buffer_shifts(const struct sched_spans *shifts,
    const struct sched_buffers *b, struct sched_spans *busy)
{
	for (size_t k = 0; k < shifts->n; k++) {
		int64_t start = shifts->v[k].start, end = shifts->v[k].end;
		int64_t after = b->after;

		if (b->long_shift > 0 && end - start >= b->long_shift)
			after = b->rest_after_long;
		sched_spans_add(busy, start - b->before, end + after);
	}
	sched_spans_normalize(busy);
}

/* Sets first_instance and weekly_minutes; returns the instance count. */
static int
model_count_instances(struct sched_model *m)
{
	int n = 0;

	for (int g = 0; g < m->ngroups; g++) {
		struct sched_group *gr = &m->groups[g];

		gr->first_instance = n;
		gr->weekly_minutes = 0;
		for (int s = 0; s < gr->nsessions; s++)
			gr->weekly_minutes += gr->sessions[s].minutes;
		n += m->weeks * gr->nsessions;
	}
	return n;
}

void
sched_model_layout(struct sched_model *m)
{
	int n = model_count_instances(m);

	free(m->instances);
	m->instances = xcalloc((size_t)n, sizeof m->instances[0]);
	m->ninstances = n;
	for (int g = 0; g < m->ngroups; g++) {
		const struct sched_group *gr = &m->groups[g];

		for (int w = 0; w < m->weeks; w++)
			for (int s = 0; s < gr->nsessions; s++) {
				struct sched_instance *in = &m->instances[
				    gr->first_instance + w * gr->nsessions + s];

				in->group = g;
				in->session = s;
				in->week = w;
				in->minutes = gr->sessions[s].minutes;
				in->weekend = gr->sessions[s].day >= 5;
			}
	}
}

/* Grows an array that only the add helpers size: capacity = next 2^k. */
static void *
model_grow(void *v, int n, size_t size)
{
	if (n == 0 || (n >= 8 && (n & (n - 1)) == 0))
		return xreallocarray(v, n == 0 ? 8 : (size_t)n * 2, size);
	return v;
}

int
sched_model_add_clinician(struct sched_model *m, const char *id)
{
	struct sched_clinician *c;

	m->clinicians = model_grow(m->clinicians, m->nclinicians,
	    sizeof *m->clinicians);
	c = &m->clinicians[m->nclinicians];
	memset(c, 0, sizeof *c);
	c->id = xstrdup(id);
	c->max_groups = -1;
	return m->nclinicians++;
}

int
sched_model_add_group(struct sched_model *m, const char *id)
{
	struct sched_group *g;

	m->groups = model_grow(m->groups, m->ngroups, sizeof *m->groups);
	g = &m->groups[m->ngroups];
	memset(g, 0, sizeof *g);
	g->id = xstrdup(id);
	g->capacity = m->group_max;
	return m->ngroups++;
}

int
sched_model_add_participant(struct sched_model *m, const char *id)
{
	struct sched_participant *p;

	m->participants = model_grow(m->participants, m->nparticipants,
	    sizeof *m->participants);
	p = &m->participants[m->nparticipants];
	memset(p, 0, sizeof *p);
	p->id = xstrdup(id);
	p->agency = -1;
	p->previous_home = -1;
	p->pinned_home = -1;
	return m->nparticipants++;
}

/* Interns name into (*names, *n); returns its index. */
static int
model_intern(char ***names, int *n, const char *name)
{
	for (int k = 0; k < *n; k++)
		if (strcmp((*names)[k], name) == 0)
			return k;
	*names = xreallocarray(*names, (size_t)*n + 1, sizeof **names);
	(*names)[*n] = xstrdup(name);
	return (*n)++;
}

int
sched_model_track(struct sched_model *m, const char *name)
{
	return model_intern(&m->tracks, &m->ntracks, name);
}

int
sched_model_agency(struct sched_model *m, const char *name)
{
	char *lower = xstrdup(name);
	int k;

	for (char *c = lower; *c != '\0'; c++)
		*c = (char)tolower((unsigned char)*c);
	k = model_intern(&m->agencies, &m->nagencies, lower);
	free(lower);
	return k;
}

char *
sched_week_label(const struct sched_model *m, int w, char *buf)
{
	char date[16];

	if (m->start_day != 0) {
		civil_format_date(m->start_day + 7 * (int64_t)w, date);
		snprintf(buf, 32, "week of %s", date);
	} else
		snprintf(buf, 32, "program week %d", w + 1);
	return buf;
}

bool
sched_compatible(const struct sched_model *m, int p, int g)
{
	const struct sched_participant *pa = &m->participants[p];
	const struct sched_group *gr = &m->groups[g];
	const struct sched_clinician *c = &m->clinicians[gr->clinician];

	return gr->track == pa->track && pa->state >= 0 && pa->state < 64 &&
	    ((c->states >> pa->state) & 1);
}

bool
sched_can_attend(const struct sched_model *m, int p, int i)
{
	const struct sched_derived *d = sched_derived(m);
	const struct sched_instance *in = &m->instances[i];
	int opt;

	assert(d != NULL);
	opt = sched_option_find(m, p, in->group);
	if (opt < 0)
		return rule_can_attend_direct(m, p, i);
	return sched_option_bit(d, opt,
	    i - m->groups[in->group].first_instance);
}

int
sched_option_find(const struct sched_model *m, int p, int g)
{
	const struct sched_derived *d = sched_derived(m);
	int lo = d->opt_first[p], hi = d->opt_first[p + 1];

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;

		if (d->opts[mid].group == g)
			return mid;
		if (d->opts[mid].group < g)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

void
sched_derived_free(struct sched_derived *d)
{
	if (d == NULL)
		return;
	free(d->opt_first);
	free(d->opts);
	free(d->bits);
	free(d->conflict_first);
	free(d->conflicts);
	free(d->gp_first);
	free(d->gp);
	free(d->cg_first);
	free(d->cg);
	free(d->has_peer);
	free(d);
}

static void
model_free_names(char **v, int n)
{
	for (int k = 0; k < n; k++)
		free(v[k]);
	free(v);
}

void
sched_model_release(struct sched_model *m)
{
	free(m->week_start);
	model_free_names(m->tracks, m->ntracks);
	model_free_names(m->agencies, m->nagencies);
	for (int c = 0; c < m->nclinicians; c++) {
		free(m->clinicians[c].id);
		sched_spans_release(&m->clinicians[c].busy);
	}
	free(m->clinicians);
	for (int g = 0; g < m->ngroups; g++) {
		free(m->groups[g].id);
		free(m->groups[g].sessions);
	}
	free(m->groups);
	for (int p = 0; p < m->nparticipants; p++) {
		free(m->participants[p].id);
		sched_spans_release(&m->participants[p].busy);
		sched_spans_release(&m->participants[p].available);
	}
	free(m->participants);
	free(m->instances);
	sched_derived_free(m->derived);
	memset(m, 0, sizeof *m);
}
