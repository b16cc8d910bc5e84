/*
 * The checks of a scenario that tie items together (SPEC section 2):
 * duplicate ids, clinician references, sessions inside the program's
 * windows and hours, participants' weeks inside the program.  The loader
 * runs them after reading; the store runs them on what it loads back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "civil.h"
#include "scenario_int.h"
#include "status.h"
#include "xmalloc.h"

struct scn_id_at {
	const char *id;
	size_t	index;
};

static int
scn_id_cmp(const void *a, const void *b)
{
	const struct scn_id_at *x = a, *y = b;
	int d = strcmp(x->id, y->id);

	if (d != 0)
		return d;
	return x->index < y->index ? -1 : x->index > y->index;
}

/*
 * Finds the first item (in list order) whose id an earlier item has, in
 * O(n log n).  ids[i] is the id of item i.  Returns false when all differ.
 */
static bool
scn_first_dup(struct scn_id_at *ids, size_t n, size_t *later, size_t *earlier)
{
	bool found = false;
	size_t first = 0;

	qsort(ids, n, sizeof *ids, scn_id_cmp);
	for (size_t k = 1; k < n; k++) {
		if (strcmp(ids[k].id, ids[k - 1].id) != 0) {
			first = k;
			continue;
		}
		if (!found || ids[k].index < *later) {
			*later = ids[k].index;
			*earlier = ids[first].index;
			found = true;
		}
	}
	return found;
}

/* Where participant i is: its JSON path, or its roster record. */
static void
scn_participant_at(const struct scn_ctx *c, size_t i, struct scn_where *w,
    char *buf, size_t size)
{
	if (c->lines != NULL && i < c->nlines) {
		w->path = NULL;
		w->line = c->lines[i];
		snprintf(buf, size, "line %d", c->lines[i]);
	} else {
		snprintf(buf, size, "participants[%zu]", i);
		w->path = buf;
		w->line = 0;
	}
}

static int
scn_check_ids(struct scn_ctx *c, const struct scenario *sc)
{
	struct scn_where w = { NULL, 0 };
	struct scn_id_at *ids;
	size_t i, later, earlier, n;
	char path[48], also[48], qb[SCN_QBUF];
	int ret = 0;

	n = sc->nclinicians + sc->ngroups + sc->nparticipants;
	ids = xcalloc(n, sizeof *ids);
	for (i = 0; i < sc->nclinicians; i++)
		ids[i] = (struct scn_id_at){ sc->clinicians[i].id, i };
	if (scn_first_dup(ids, sc->nclinicians, &later, &earlier)) {
		snprintf(path, sizeof path, "clinicians[%zu]", later);
		w.path = path;
		ret = scn_fail(c, &w, "id", "duplicate id '%s' (also "
		    "clinicians[%zu])", scn_quote(sc->clinicians[later].id, qb),
		    earlier);
		goto out;
	}
	for (i = 0; i < sc->ngroups; i++)
		ids[i] = (struct scn_id_at){ sc->groups[i].id, i };
	if (scn_first_dup(ids, sc->ngroups, &later, &earlier)) {
		snprintf(path, sizeof path, "groups[%zu]", later);
		w.path = path;
		ret = scn_fail(c, &w, "id", "duplicate id '%s' (also "
		    "groups[%zu])", scn_quote(sc->groups[later].id, qb),
		    earlier);
		goto out;
	}
	for (i = 0; i < sc->nparticipants; i++)
		ids[i] = (struct scn_id_at){ sc->participants[i].id, i };
	if (scn_first_dup(ids, sc->nparticipants, &later, &earlier)) {
		scn_participant_at(c, earlier, &w, also, sizeof also);
		scn_participant_at(c, later, &w, path, sizeof path);
		ret = scn_fail(c, &w, "id", "duplicate id '%s' (also %s)",
		    scn_quote(sc->participants[later].id, qb), also);
	}
out:
	free(ids);
	return ret;
}

static bool
scn_in_window(const struct scn_program *pg, const struct scn_session *s)
{
	for (size_t k = 0; k < pg->nwindows; k++) {
		const struct scn_window *win = &pg->windows[k];

		if ((win->days & (1u << s->day)) && win->from <= s->start &&
		    s->start + s->minutes <= win->to)
			return true;
	}
	return false;
}

/* One group's clinician, sessions and weekly hours. */
static int
scn_check_group(struct scn_ctx *c, const struct scenario *sc, size_t gi)
{
	const struct scn_group *g = &sc->groups[gi];
	struct scn_where w = { NULL, 0 };
	char path[64], qb[SCN_QBUF];
	const struct scn_session *s;
	size_t i, j;
	long total = 0;

	snprintf(path, sizeof path, "groups[%zu]", gi);
	w.path = path;
	for (i = 0; i < sc->nclinicians; i++)
		if (strcmp(sc->clinicians[i].id, g->clinician) == 0)
			break;
	if (i == sc->nclinicians)
		return scn_fail(c, &w, "clinician", "unknown clinician '%s'",
		    scn_quote(g->clinician, qb));
	for (i = 0; i < g->nsessions; i++) {
		s = &g->sessions[i];
		snprintf(path, sizeof path, "groups[%zu].sessions[%zu]", gi, i);
		if (!scn_in_window(&sc->program, s))
			return scn_fail(c, &w, NULL, "%s %02d:%02d for %d "
			    "minutes is outside every program window",
			    civil_day_name(s->day), s->start / 60,
			    s->start % 60, s->minutes);
		for (j = 0; j < i; j++)
			if (g->sessions[j].day == s->day &&
			    g->sessions[j].start < s->start + s->minutes &&
			    s->start < g->sessions[j].start +
			    g->sessions[j].minutes)
				return scn_fail(c, &w, NULL,
				    "overlaps sessions[%zu]", j);
		total += s->minutes;
	}
	snprintf(path, sizeof path, "groups[%zu]", gi);
	if (total > sc->program.max_hours * 60 + 1e-9)
		return scn_fail(c, &w, "sessions", "%ld minutes a week exceed "
		    "the program's max_hours_per_week (%g)", total,
		    sc->program.max_hours);
	return 0;
}

static int64_t
scn_floor_div(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/*
 * Participant i's weeks (the weeks from the one holding its start) must
 * meet the program's weeks.
 */
static int
scn_check_weeks(struct scn_ctx *c, const struct scenario *sc, size_t i)
{
	const struct scn_program *pg = &sc->program;
	const struct scn_participant *p = &sc->participants[i];
	struct scn_where w;
	int64_t first = scn_floor_div(p->start - pg->start, 7);
	int64_t last = first + p->weeks - 1;
	char buf[48], from[16], to[16], start[16];

	if (last >= 0 && first < pg->weeks)
		return 0;
	scn_participant_at(c, i, &w, buf, sizeof buf);
	civil_format_date(p->start, start);
	civil_format_date(pg->start, from);
	civil_format_date(pg->start + 7 * (int64_t)pg->weeks - 1, to);
	return scn_fail(c, &w, "start", "none of its %d weeks from '%s' falls "
	    "inside the program (%s to %s)", p->weeks, start, from, to);
}

/* The session instances of every group over the program: within limit. */
static int
scn_check_instances(struct scn_ctx *c, const struct scenario *sc)
{
	long long n = 0;

	for (size_t i = 0; i < sc->ngroups; i++)
		n += (long long)sc->groups[i].nsessions * sc->program.weeks;
	if (n > SCN_MAX_INSTANCES)
		return scn_fail(c, NULL, "groups", "%lld session instances "
		    "(weekly sessions times %d program weeks), more than the "
		    "limit of %d", n, sc->program.weeks, SCN_MAX_INSTANCES);
	return 0;
}

/* The cross-item checks, messages placed through c. */
int
scn_check(struct scn_ctx *c, const struct scenario *sc)
{
	int ret;

	if ((ret = scn_check_ids(c, sc)) != 0 ||
	    (ret = scn_check_instances(c, sc)) != 0)
		return ret;
	for (size_t i = 0; i < sc->ngroups; i++)
		if ((ret = scn_check_group(c, sc, i)) != 0)
			return ret;
	for (size_t i = 0; i < sc->nparticipants; i++)
		if ((ret = scn_check_weeks(c, sc, i)) != 0)
			return ret;
	return 0;
}

/*
 * Runs the cross-item checks on sc, naming places "name: groups[1].id".
 * Returns 0 or IOP_EINPUT with *cause (caller frees).
 */
int
scenario_validate(const struct scenario *sc, const char *name, char **cause)
{
	struct scn_ctx c;
	int ret;

	memset(&c, 0, sizeof c);
	c.file = name != NULL ? name : "scenario";
	if ((ret = scn_check(&c, sc)) != 0) {
		*cause = c.cause;
		c.cause = NULL;
	}
	scn_ctx_release(&c);
	return ret;
}
