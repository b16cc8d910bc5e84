/*
 * A schedule's storage and the views derived from it by SPEC section 4:
 * which groups are open, which instances run, who attends what.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "solution.h"
#include "xmalloc.h"

void
sched_solution_init(struct sched_solution *s, const struct sched_model *m)
{
	memset(s, 0, sizeof *s);
	s->nparticipants = m->nparticipants;
	s->home = xmalloc(((size_t)m->nparticipants + 1) * sizeof(int));
	for (int p = 0; p < m->nparticipants; p++)
		s->home[p] = -1;
	s->reason = xcalloc((size_t)m->nparticipants + 1, sizeof(char *));
}

void
sched_solution_release(struct sched_solution *s)
{
	if (s->reason != NULL)
		for (int p = 0; p < s->nparticipants; p++)
			free(s->reason[p]);
	free(s->reason);
	free(s->home);
	free(s->makeups);
	memset(s, 0, sizeof *s);
}

/* Orders makeups by participant, instance start, instance index. */
static bool
makeup_before(const struct sched_model *m, const struct sched_makeup *a,
    const struct sched_makeup *b)
{
	if (a->participant != b->participant)
		return a->participant < b->participant;
	if (m->instances[a->instance].start != m->instances[b->instance].start)
		return m->instances[a->instance].start <
		    m->instances[b->instance].start;
	return a->instance < b->instance;
}

void
sched_solution_add_makeup(struct sched_solution *s,
    const struct sched_model *m, int p, int i)
{
	struct sched_makeup x = { p, i };
	size_t k;

	assert(p >= 0 && p < m->nparticipants && i >= 0 && i < m->ninstances);
	XGROW(s->makeups, s->makeups_cap, s->nmakeups + 1);
	for (k = s->nmakeups; k > 0 && makeup_before(m, &x,
	    &s->makeups[k - 1]); k--)
		s->makeups[k] = s->makeups[k - 1];
	s->makeups[k] = x;
	s->nmakeups++;
}

/* Index of p's first makeup in s (s->nmakeups when none follows). */
static size_t
solution_first_makeup(const struct sched_solution *s, int p)
{
	size_t lo = 0, hi = s->nmakeups;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->makeups[mid].participant < p)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

bool
sched_group_open(const struct sched_model *m, const struct sched_solution *s,
    int g)
{
	(void)m;
	for (int p = 0; p < s->nparticipants; p++)
		if (s->home[p] == g)
			return true;
	return false;
}

bool
sched_instance_runs(const struct sched_model *m,
    const struct sched_solution *s, int i)
{
	return m->instances[i].clinician_free &&
	    sched_group_open(m, s, m->instances[i].group);
}

bool
sched_attends(const struct sched_model *m, const struct sched_solution *s,
    int p, int i, bool *makeup)
{
	const struct sched_instance *in = &m->instances[i];

	*makeup = false;
	/* p's home group is open because p is in it. */
	if (s->home[p] == in->group)
		return in->clinician_free && sched_can_attend(m, p, i);
	for (size_t k = solution_first_makeup(s, p);
	    k < s->nmakeups && s->makeups[k].participant == p; k++)
		if (s->makeups[k].instance == i) {
			*makeup = true;
			return true;
		}
	return false;
}

int
sched_week_minutes(const struct sched_model *m,
    const struct sched_solution *s, int p, int w)
{
	struct sched_attendance *v;
	size_t n = sched_participant_sessions(m, s, p, &v);
	int minutes = 0;

	for (size_t k = 0; k < n; k++)
		if (m->instances[v[k].instance].week == w)
			minutes += m->instances[v[k].instance].minutes;
	free(v);
	return minutes;
}

int
sched_placed_count(const struct sched_solution *s)
{
	int n = 0;

	for (int p = 0; p < s->nparticipants; p++)
		n += s->home[p] >= 0;
	return n;
}

int
sched_open_count(const struct sched_model *m, const struct sched_solution *s)
{
	bool *open = xcalloc((size_t)m->ngroups + 1, sizeof(bool));
	int n = 0;

	for (int p = 0; p < s->nparticipants; p++)
		if (s->home[p] >= 0 && !open[s->home[p]]) {
			open[s->home[p]] = true;
			n++;
		}
	free(open);
	return n;
}

/* Insertion sort by start (lists are short and nearly sorted). */
static void
attendance_sort(const struct sched_model *m, struct sched_attendance *v,
    size_t n)
{
	for (size_t k = 1; k < n; k++) {
		struct sched_attendance x = v[k];
		const struct sched_instance *in = &m->instances[x.instance];
		size_t j = k;

		for (; j > 0; j--) {
			const struct sched_instance *prev =
			    &m->instances[v[j - 1].instance];

			if (prev->start < in->start || (prev->start ==
			    in->start && v[j - 1].instance < x.instance))
				break;
			v[j] = v[j - 1];
		}
		v[j] = x;
	}
}

size_t
sched_participant_sessions(const struct sched_model *m,
    const struct sched_solution *s, int p, struct sched_attendance **out)
{
	size_t n = 0, cap = 0;
	int g = s->home[p];

	*out = NULL;
	if (g >= 0) {
		const struct sched_group *gr = &m->groups[g];
		int last = gr->first_instance + m->weeks * gr->nsessions;

		for (int i = gr->first_instance; i < last; i++) {
			if (!m->instances[i].clinician_free ||
			    !sched_can_attend(m, p, i))
				continue;
			XGROW(*out, cap, n + 1);
			(*out)[n].instance = i;
			(*out)[n++].makeup = false;
		}
	}
	for (size_t k = solution_first_makeup(s, p);
	    k < s->nmakeups && s->makeups[k].participant == p; k++) {
		XGROW(*out, cap, n + 1);
		(*out)[n].instance = s->makeups[k].instance;
		(*out)[n++].makeup = true;
	}
	attendance_sort(m, *out, n);
	return n;
}
