/* Builders for small engine models, see model_fixture.h. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "civil.h"
#include "model_fixture.h"
#include "states.h"
#include "xmalloc.h"

#define FX_DAY	86400

void
fx_init(struct sched_model *m, int weeks)
{
	memset(m, 0, sizeof *m);
	m->weeks = weeks;
	m->week_start = xcalloc((size_t)weeks + 1, sizeof(int64_t));
	for (int w = 0; w <= weeks; w++)
		m->week_start[w] = fx_time(w, 0, 0);
	m->start_day = civil_days(2026, 12, 7);
	m->max_minutes = 19 * 60;
	m->group_min = 1;
	m->group_max = 12;
	m->makeups_per_week = 1;
}

int64_t
fx_time(int week, int day, int minute)
{
	return (int64_t)week * 7 * FX_DAY + (int64_t)day * FX_DAY +
	    (int64_t)minute * 60;
}

static int
fx_minutes(const char *hhmm)
{
	int t;

	assert_int_equal(civil_parse_hhmm(hhmm, &t), 0);
	return t;
}

int
fx_clinician(struct sched_model *m, const char *id, const char *states,
    double max_hours, int max_groups)
{
	int c = sched_model_add_clinician(m, id);
	char code[3];

	for (const char *s = states; *s != '\0'; ) {
		if (*s == ' ') {
			s++;
			continue;
		}
		memcpy(code, s, 2);
		code[2] = '\0';
		assert_true(states_index(code) >= 0);
		m->clinicians[c].states |= (uint64_t)1 << states_index(code);
		s += 2;
	}
	m->clinicians[c].max_minutes = (int)(max_hours * 60);
	m->clinicians[c].max_groups = max_groups;
	return c;
}

int
fx_group(struct sched_model *m, const char *id, const char *track,
    int clinician, int capacity, const char *sessions)
{
	int g = sched_model_add_group(m, id), t = sched_model_track(m, track);
	struct sched_group *gr = &m->groups[g];
	const char *s = sessions;
	char day[3], from[6];
	int minutes, used;

	gr->track = t;
	gr->clinician = clinician;
	gr->capacity = capacity < 0 ? m->group_max : capacity;
	while (sscanf(s, " %2s %5s %d%n", day, from, &minutes, &used) == 3) {
		gr->sessions = xreallocarray(gr->sessions,
		    (size_t)gr->nsessions + 1, sizeof gr->sessions[0]);
		gr->sessions[gr->nsessions].day = civil_day_code(day);
		assert_true(gr->sessions[gr->nsessions].day >= 0);
		gr->sessions[gr->nsessions].start_minute = fx_minutes(from);
		gr->sessions[gr->nsessions].minutes = minutes;
		gr->nsessions++;
		s += used;
		while (*s == ',' || *s == ' ')
			s++;
	}
	assert_int_equal(*s, '\0');
	return g;
}

int
fx_participant(struct sched_model *m, const char *id, const char *track,
    const char *state, double min_hours)
{
	int p = sched_model_add_participant(m, id);
	struct sched_participant *pa = &m->participants[p];

	pa->track = sched_model_track(m, track);
	pa->state = states_index(state);
	assert_true(pa->state >= 0);
	pa->first_week = 0;
	pa->last_week = m->weeks - 1;
	pa->min_minutes = (int)(min_hours * 60);
	sched_spans_add(&pa->available, 0, fx_time(m->weeks, 0, 0));
	return p;
}

void
fx_busy(struct sched_model *m, int p, int week, int day, const char *from,
    int minutes)
{
	int64_t t = fx_time(week, day, fx_minutes(from));

	sched_spans_add(&m->participants[p].busy, t, t + minutes * 60);
}

void
fx_clinician_busy(struct sched_model *m, int c, int week, int day,
    const char *from, int minutes)
{
	int64_t t = fx_time(week, day, fx_minutes(from));

	sched_spans_add(&m->clinicians[c].busy, t, t + minutes * 60);
}

void
fx_available(struct sched_model *m, int p, unsigned days, const char *from,
    const char *to)
{
	struct sched_spans *a = &m->participants[p].available;

	a->n = 0;
	for (int w = 0; w < m->weeks; w++)
		for (int d = 0; d < 7; d++)
			if (days & (1u << d))
				sched_spans_add(a, fx_time(w, d, fx_minutes(from)),
				    fx_time(w, d, fx_minutes(to)));
}

void
fx_agency(struct sched_model *m, int p, const char *agency, int separate)
{
	m->participants[p].agency = sched_model_agency(m, agency);
	m->participants[p].separate = separate != 0;
}

void
fx_prepare(struct sched_model *m)
{
	char *cause = NULL;
	int rc;

	sched_model_layout(m);
	for (int i = 0; i < m->ninstances; i++) {
		struct sched_instance *in = &m->instances[i];
		const struct sched_session *s =
		    &m->groups[in->group].sessions[in->session];

		in->start = fx_time(in->week, s->day, s->start_minute);
		in->end = in->start + (int64_t)s->minutes * 60;
	}
	rc = sched_model_prepare(m, &cause);
	if (rc != 0)
		fail_msg("prepare: %s", cause);
}

int
fx_instance(const struct sched_model *m, int g, int week, int session)
{
	return m->groups[g].first_instance + week * m->groups[g].nsessions +
	    session;
}

int
fx_group_index(const struct sched_model *m, const char *id)
{
	for (int g = 0; g < m->ngroups; g++)
		if (strcmp(m->groups[g].id, id) == 0)
			return g;
	return -1;
}

int
fx_participant_index(const struct sched_model *m, const char *id)
{
	for (int p = 0; p < m->nparticipants; p++)
		if (strcmp(m->participants[p].id, id) == 0)
			return p;
	return -1;
}
