/*
 * Scenario to engine model.  Everything that needs a time zone or a
 * calendar file happens here, so the engine only sees UTC seconds.
 */
#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "civil.h"
#include "model_build.h"
#include "states.h"
#include "status.h"
#include "xmalloc.h"

/* Calendars are expanded over the program padded by this much each side. */
#define MODEL_PAD_SECONDS (3 * 86400)

static int
minutes_of(double hours)
{
	return (int)lround(hours * 60.0);
}

int
model_day_start(const struct scenario *sc, int64_t day, int64_t *utc,
    char **cause)
{
	return cal_local_to_utc(sc->program.timezone, day, 0, utc, cause);
}

/* Week boundaries of the program, at local midnight each Monday. */
static int
model_weeks(const struct scenario *sc, struct sched_model *m, char **cause)
{
	const struct scn_program *pg = &sc->program;
	int rc;

	m->weeks = pg->weeks;
	m->week_start = xcalloc((size_t)pg->weeks + 1, sizeof *m->week_start);
	for (int w = 0; w <= pg->weeks; w++) {
		rc = model_day_start(sc, pg->start + 7 * w, &m->week_start[w],
		    cause);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/*
 * Expands one stored calendar over the padded horizon into spans.  For a
 * participant the spans are shifts (buffered by the caller); a clinician's
 * calendar honours TRANSP.
 */
/*
 * The calendar's name in messages: its path as the scenario wrote it, put
 * in front of the scenario's folder when the scenario file is known, so
 * the user sees a path from where they ran the command.  Caller frees.
 */
static char *
model_cal_name(const char *scenario_path, const char *path)
{
	const char *slash;

	if (path == NULL)
		return xstrdup("calendar");
	if (scenario_path == NULL || path[0] == '/' ||
	    (slash = strrchr(scenario_path, '/')) == NULL)
		return xstrdup(path);
	return xasprintf("%.*s/%s", (int)(slash - scenario_path),
	    scenario_path, path);
}

static int
model_calendar(const struct scenario *sc, const struct scn_calendar *cal,
    const char *zone,
    bool honor_transp, const struct sched_model *m, struct sched_spans *out,
    char **cause)
{
	struct cal_expand_opts o;
	struct cal_busy_list busy = { 0 };
	char *name;
	int rc;

	if (cal->text == NULL)
		return 0;
	o.from = m->week_start[0] - MODEL_PAD_SECONDS;
	o.to = m->week_start[m->weeks] + MODEL_PAD_SECONDS;
	o.zone = zone;
	o.honor_transp = honor_transp;
	name = model_cal_name(sc->path, cal->path);
	rc = cal_expand_text(cal->text, cal->len, name, &o, &busy, cause);
	free(name);
	if (rc == 0)
		for (size_t i = 0; i < busy.n; i++)
			sched_spans_add(out, busy.v[i].start, busy.v[i].end);
	cal_busy_list_release(&busy);
	return rc;
}

static int
model_clinicians(const struct scenario *sc, struct sched_model *m,
    char **cause)
{
	int rc;

	m->nclinicians = (int)sc->nclinicians;
	m->clinicians = xcalloc(sc->nclinicians, sizeof *m->clinicians);
	for (size_t i = 0; i < sc->nclinicians; i++) {
		const struct scn_clinician *sc_c = &sc->clinicians[i];
		struct sched_clinician *c = &m->clinicians[i];

		c->id = xstrdup(sc_c->id);
		for (size_t k = 0; k < sc_c->nstates; k++) {
			int st = states_index(sc_c->states[k]);

			if (st >= 0)
				c->states |= UINT64_C(1) << st;
		}
		c->max_minutes = minutes_of(sc_c->max_hours);
		c->max_groups = sc_c->max_groups;
		rc = model_calendar(sc, &sc_c->calendar, sc->program.timezone, true,
		    m, &c->busy, cause);
		if (rc != 0)
			return rc;
		sched_spans_normalize(&c->busy);
	}
	return 0;
}

static int
model_clinician_index(const struct scenario *sc, const char *id)
{
	for (size_t i = 0; i < sc->nclinicians; i++)
		if (strcmp(sc->clinicians[i].id, id) == 0)
			return (int)i;
	return -1;
}

static int
model_groups(const struct scenario *sc, struct sched_model *m, char **cause)
{
	m->ngroups = (int)sc->ngroups;
	m->groups = xcalloc(sc->ngroups, sizeof *m->groups);
	for (size_t i = 0; i < sc->ngroups; i++) {
		const struct scn_group *sg = &sc->groups[i];
		struct sched_group *g = &m->groups[i];

		g->id = xstrdup(sg->id);
		g->track = sched_model_track(m, sg->track);
		g->clinician = model_clinician_index(sc, sg->clinician);
		if (g->clinician < 0) {
			*cause = xasprintf("group '%s': unknown clinician '%s'",
			    sg->id, sg->clinician);
			return IOP_EINPUT;
		}
		g->capacity = sg->capacity;
		g->nsessions = (int)sg->nsessions;
		g->sessions = xcalloc(sg->nsessions, sizeof *g->sessions);
		for (size_t k = 0; k < sg->nsessions; k++) {
			g->sessions[k].day = sg->sessions[k].day;
			g->sessions[k].start_minute = sg->sessions[k].start;
			g->sessions[k].minutes = sg->sessions[k].minutes;
		}
	}
	return 0;
}

/* Fills the UTC times of every instance, at local time in the program zone. */
static int
model_instances(const struct scenario *sc, struct sched_model *m,
    char **cause)
{
	sched_model_layout(m);
	for (int i = 0; i < m->ninstances; i++) {
		struct sched_instance *in = &m->instances[i];
		const struct sched_session *ss =
		    &m->groups[in->group].sessions[in->session];
		int64_t day = sc->program.start + 7 * in->week + ss->day;
		int rc;

		rc = cal_local_to_utc(sc->program.timezone, day,
		    ss->start_minute * 60, &in->start, cause);
		if (rc != 0)
			return rc;
		in->end = in->start + (int64_t)ss->minutes * 60;
	}
	return 0;
}

/*
 * The participant's availability windows as UTC spans over every local day
 * that can touch the program, read in the participant's own zone.
 */
static int
model_available(const struct scenario *sc, const struct scn_participant *p,
    struct sched_participant *mp, char **cause)
{
	int64_t first = sc->program.start - 1;
	int64_t last = sc->program.start + 7 * sc->program.weeks + 1;

	for (int64_t day = first; day <= last; day++) {
		int wd = civil_weekday(day);

		for (size_t k = 0; k < p->navailable; k++) {
			const struct scn_window *w = &p->available[k];
			int64_t from, to;
			int rc;

			if (!(w->days & (1u << wd)))
				continue;
			rc = cal_local_to_utc(p->timezone, day, w->from * 60,
			    &from, cause);
			if (rc == 0)
				rc = cal_local_to_utc(p->timezone, day,
				    w->to * 60, &to, cause);
			if (rc != 0)
				return rc;
			sched_spans_add(&mp->available, from, to);
		}
	}
	sched_spans_normalize(&mp->available);
	return 0;
}

/* The participant's program weeks: from the week holding start, cut. */
static void
model_weeks_of(const struct scenario *sc, const struct scn_participant *p,
    struct sched_participant *mp)
{
	int64_t offset = p->start - sc->program.start;
	int64_t first = offset >= 0 ? offset / 7 : -((-offset + 6) / 7);
	int64_t last = first + p->weeks - 1;

	if (first < 0)
		first = 0;
	if (last > sc->program.weeks - 1)
		last = sc->program.weeks - 1;
	mp->first_week = (int)first;
	mp->last_week = (int)last;
}

static void
model_buffers(const struct scn_program *pg, struct sched_buffers *b)
{
	b->before = (int64_t)pg->before_shift_minutes * 60;
	b->after = (int64_t)pg->after_shift_minutes * 60;
	b->long_shift = llround(pg->long_shift_hours * 3600.0);
	b->rest_after_long = llround(pg->rest_after_long_shift_hours * 3600.0);
}

static int
model_participant(const struct scenario *sc, const struct scn_participant *p,
    struct sched_model *m, struct sched_participant *mp, char **cause)
{
	struct sched_spans shifts = { 0 };
	struct sched_buffers b;
	int rc;

	mp->id = xstrdup(p->id);
	mp->state = states_index(p->state);
	mp->track = sched_model_track(m, p->track);
	model_weeks_of(sc, p, mp);
	mp->min_minutes = minutes_of(p->min_hours);
	mp->agency = p->agency != NULL ? sched_model_agency(m, p->agency) : -1;
	mp->separate = p->separate_from_agency;
	mp->prefer = p->prefer == SCN_PREFER_EVENING ? SCHED_PREFER_EVENING :
	    p->prefer == SCN_PREFER_WEEKEND ? SCHED_PREFER_WEEKEND :
	    SCHED_PREFER_NONE;
	mp->previous_home = -1;
	mp->pinned_home = -1;
	rc = model_calendar(sc, &p->shifts, p->timezone, false, m, &shifts, cause);
	if (rc == 0) {
		model_buffers(&sc->program, &b);
		sched_buffer_shifts(&shifts, &b, &mp->busy);
		rc = model_available(sc, p, mp, cause);
	}
	sched_spans_release(&shifts);
	return rc;
}

static int
model_group_index(const struct sched_model *m, const char *id)
{
	for (int g = 0; g < m->ngroups; g++)
		if (strcmp(m->groups[g].id, id) == 0)
			return g;
	return -1;
}

static int
model_part_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct run_participant *)elem)->id);
}

/* Previous home groups, for the stability preference of SPEC section 4. */
static void
model_previous(const struct run *previous, struct sched_model *m)
{
	if (previous == NULL)
		return;
	for (int p = 0; p < m->nparticipants; p++) {
		const struct run_participant *rp;

		/* A run's participants are sorted by id (cmd/run.h). */
		rp = bsearch(m->participants[p].id, previous->parts,
		    previous->nparts, sizeof *previous->parts, model_part_cmp);
		if (rp != NULL && rp->group != NULL)
			m->participants[p].previous_home =
			    model_group_index(m, rp->group);
	}
}

int
model_participant_busy(const struct scenario *sc, size_t index,
    const char *text, size_t len, const char *name, struct sched_spans *busy,
    char **cause)
{
	const struct scn_participant *p = &sc->participants[index];
	struct scn_calendar cal = { (char *)name, (char *)text, len, NULL };
	struct sched_model m = { 0 };
	struct sched_spans shifts = { 0 };
	struct sched_buffers b;
	int rc;

	assert(index < sc->nparticipants);
	memset(busy, 0, sizeof *busy);
	if ((rc = model_weeks(sc, &m, cause)) != 0)
		goto out;
	if ((rc = model_calendar(sc, &cal, p->timezone, false, &m, &shifts,
	    cause)) != 0)
		goto out;
	model_buffers(&sc->program, &b);
	sched_buffer_shifts(&shifts, &b, busy);
out:
	sched_spans_release(&shifts);
	sched_model_release(&m);
	return rc;
}

int
model_build(const struct scenario *sc, const struct run *previous,
    struct sched_model *m, char **cause)
{
	const struct scn_program *pg = &sc->program;
	int rc;

	memset(m, 0, sizeof *m);
	m->start_day = pg->start;
	m->max_minutes = minutes_of(pg->max_hours);
	m->group_min = pg->group_min;
	m->group_max = pg->group_max;
	m->makeups_per_week = pg->makeups_per_week;
	if ((rc = model_weeks(sc, m, cause)) != 0 ||
	    (rc = model_clinicians(sc, m, cause)) != 0 ||
	    (rc = model_groups(sc, m, cause)) != 0 ||
	    (rc = model_instances(sc, m, cause)) != 0)
		goto out;
	m->nparticipants = (int)sc->nparticipants;
	m->participants = xcalloc(sc->nparticipants, sizeof *m->participants);
	for (size_t i = 0; i < sc->nparticipants; i++) {
		rc = model_participant(sc, &sc->participants[i], m,
		    &m->participants[i], cause);
		if (rc != 0)
			goto out;
	}
	model_previous(previous, m);
	rc = sched_model_prepare(m, cause);
out:
	if (rc != 0)
		sched_model_release(m);
	return rc;
}
