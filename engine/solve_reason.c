/*
 * Why a participant stays unplaced, in one line a coordinator can act on.
 * The reason is the first that applies: no week in the program; no group of
 * the track (or none with a licensed clinician, or a pin to a group that
 * can't take them); too few hours in every group even with makeups; no
 * group they could attend could ever gather group_size.min; or, group by
 * group, what keeps them out of the final schedule.  A pinned
 * participant's reason starts with the pin ("pinned to G2: ...").
 */
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "solve.h"
#include "states.h"
#include "xmalloc.h"

/* Appends ", "-separated text to *s (both may be NULL; frees text). */
static void
reason_append(char **s, char *text)
{
	char *t;

	if (*s == NULL) {
		*s = text;
		return;
	}
	t = xasprintf("%s, %s", *s, text);
	free(*s);
	free(text);
	*s = t;
}

/* No compatible group at all. */
static char *
reason_no_group(const struct solve_ctx *c, int p)
{
	const struct sched_model *m = c->m;
	const struct sched_participant *pa = &m->participants[p];

	for (int g = 0; g < m->ngroups; g++)
		if (m->groups[g].track == pa->track)
			return xasprintf("no %s group has a clinician licensed"
			    " in %s", m->tracks[pa->track],
			    states_code(pa->state));
	return xasprintf("no %s group exists", m->tracks[pa->track]);
}

/*
 * The first week of p in which every group its clinician could lead falls
 * outside the hours (makeups from any such group counted); -1 if none.
 * *most gets the most minutes any of them reaches then.
 */
static int
reason_common_week(const struct solve_ctx *c, int p, int *most)
{
	const struct sched_model *m = c->m;
	const struct sched_participant *pa = &m->participants[p];
	struct solve_menu mn = { .p = -1 };
	int found = -1;

	solve_menu_build(c, p, c->potential0, &mn);
	for (int w = pa->first_week; w <= pa->last_week && found < 0; w++) {
		bool all = true;

		*most = 0;
		for (int o = c->d->opt_first[p]; o < c->d->opt_first[p + 1] &&
		    all; o++) {
			int g = c->d->opts[o].group, reach;

			if (!rule_home_allowed(m, p, g) || !c->potential0[g])
				continue;
			reach = solve_menu_reach(c, &mn, o, w);
			all = reach < pa->min_minutes &&
			    c->hm[(size_t)o * m->weeks + w] <= m->max_minutes;
			if (reach > *most)
				*most = reach;
		}
		if (all)
			found = w;
	}
	solve_menu_release(&mn);
	return found;
}

/* "shifts leave at most 6.0 h in week of D in every T group". */
static char *
reason_at_most(const struct solve_ctx *c, int p, int w, int most, int n,
    int lone)
{
	const struct sched_model *m = c->m;
	char week[32];

	if (n == 1)
		return xasprintf("shifts leave at most %.1f h in %s in group %s",
		    most / 60.0, sched_week_label(m, w, week),
		    m->groups[lone].id);
	return xasprintf("shifts leave at most %.1f h in %s in every %s group",
	    most / 60.0, sched_week_label(m, w, week),
	    m->tracks[m->participants[p].track]);
}

/* Every allowed option lacks hours (or its group can never open). */
static char *
reason_hours(const struct solve_ctx *c, int p)
{
	const struct sched_model *m = c->m;
	const char *track = m->tracks[m->participants[p].track];
	char week[32], *list = NULL, *r;
	int n = 0, same = -2, most = 0, common = 0, lone = -1, w;

	for (int o = c->d->opt_first[p]; o < c->d->opt_first[p + 1]; o++) {
		int g = c->d->opts[o].group;

		if (!rule_home_allowed(m, p, g))
			continue;
		n++;
		lone = g;
		if ((w = c->short_week[o]) < 0) {
			same = -1;
			reason_append(&list, xasprintf("%s can never open",
			    m->groups[g].id));
			continue;
		}
		same = same == -2 || same == w ? w : -1;
		if (c->short_minutes[o] > most)
			most = c->short_minutes[o];
		reason_append(&list, xasprintf("%s %.1f h in %s",
		    m->groups[g].id, c->short_minutes[o] / 60.0,
		    sched_week_label(m, w, week)));
	}
	if ((w = reason_common_week(c, p, &common)) >= 0 ||
	    (same >= 0 && most < m->participants[p].min_minutes &&
	    (w = same) >= 0 && (common = most) >= 0)) {
		free(list);
		return reason_at_most(c, p, w, common, n, lone);
	}
	if (n == 1)
		r = xasprintf("hours outside [%.1f, %.1f]: %s",
		    m->participants[p].min_minutes / 60.0,
		    m->max_minutes / 60.0, list);
	else
		r = xasprintf("hours outside [%.1f, %.1f] in every %s group:"
		    " %s", m->participants[p].min_minutes / 60.0,
		    m->max_minutes / 60.0, track, list);
	free(list);
	return r;
}

/* None of the groups p could be placed in can ever open. */
static char *
reason_never_open(const struct solve_ctx *c, int p)
{
	const struct sched_model *m = c->m;
	char *list = NULL, *r;

	for (int o = c->d->opt_first[p]; o < c->d->opt_first[p + 1]; o++)
		if (rule_home_allowed(m, p, c->d->opts[o].group))
			reason_append(&list, xstrdup(m->groups[c->d->opts[o].
			    group].id));
	r = xasprintf("no group they could attend can gather group_size.min"
	    " %d (%s)", m->group_min, list);
	free(list);
	return r;
}

/* What keeps p out of viable group g in the final schedule. */
static char *
reason_group(struct solve_ctx *c, int p, int g, int *kind, int *peer)
{
	const struct sched_model *m = c->m;
	const char *id = m->groups[g].id;
	size_t mark = sched_state_mark(&c->st);
	struct solve_fail f;
	char week[32], *name, *r;

	*kind = SOLVE_FAIL_FULL;
	if (c->st.nmem[g] == 0)
		return rule_clinician_can_open(&c->st, g) ?
		    xasprintf("%s below minimum", id) :
		    xasprintf("%s closed (clinician %s at limit)", id,
		    m->clinicians[m->groups[g].clinician].id);
	if (solve_insert(c, p, g, &f)) {
		sched_state_undo(&c->st, mark);
		*kind = SOLVE_FAIL_NONE;
		return xasprintf("%s not tried (work limit)", id);
	}
	*kind = f.kind;
	switch (f.kind) {
	case SOLVE_FAIL_FULL:
		return xasprintf("%s full", id);
	case SOLVE_FAIL_SESSION_FULL:
		name = rule_instance_name(m, f.instance);
		r = xasprintf("%s full", name);
		free(name);
		return r;
	case SOLVE_FAIL_AGENCY:
		*peer = f.peer;
		return xasprintf("%s agency separation from %s", id,
		    m->participants[f.peer].id);
	default:
		return xasprintf("%s no makeup with room in %s", id,
		    sched_week_label(m, f.week, week));
	}
}

/* p could be placed in principle; says group by group why not now. */
static char *
reason_no_seat(struct solve_ctx *c, int p)
{
	char *list = NULL, *r;
	bool all_full = true, all_agency = true;
	int peer = -1, first_peer = -2;

	for (int o = c->d->opt_first[p]; o < c->d->opt_first[p + 1]; o++) {
		int kind, g = c->d->opts[o].group;

		if (!c->viable[o])
			continue;
		reason_append(&list, reason_group(c, p, g, &kind, &peer));
		all_full &= kind == SOLVE_FAIL_FULL ||
		    kind == SOLVE_FAIL_SESSION_FULL;
		all_agency &= kind == SOLVE_FAIL_AGENCY &&
		    (first_peer == -2 || first_peer == peer);
		if (kind == SOLVE_FAIL_AGENCY && first_peer == -2)
			first_peer = peer;
	}
	if (all_agency && first_peer >= 0)
		r = xasprintf("agency separation from %s in every group they"
		    " could attend", c->m->participants[first_peer].id);
	else if (all_full)
		r = xasprintf("no seat: every group they could attend is full"
		    " or closed (%s)", list);
	else
		r = xasprintf("no seat: %s", list);
	free(list);
	return r;
}

/* Why p is unplaced, by the group or groups p may be placed in. */
static char *
reason_allowed(struct solve_ctx *c, int p)
{
	bool hours = false;

	if (c->nviable[p] > 0)
		return reason_no_seat(c, p);
	for (int o = c->d->opt_first[p]; o < c->d->opt_first[p + 1]; o++)
		hours |= c->short_week[o] >= 0;
	return hours ? reason_hours(c, p) : reason_never_open(c, p);
}

char *
solve_reason(struct solve_ctx *c, int p)
{
	const struct sched_model *m = c->m;
	const struct sched_participant *pa = &m->participants[p];
	char *why, *r;

	if (pa->pinned_home >= 0 && solve_option(c, p, pa->pinned_home) < 0)
		return xasprintf("pinned to %s, which is not a %s group with a"
		    " clinician licensed in %s", m->groups[pa->pinned_home].id,
		    m->tracks[pa->track], states_code(pa->state));
	if (c->d->opt_first[p] == c->d->opt_first[p + 1])
		return reason_no_group(c, p);
	if (pa->pinned_home < 0)
		return reason_allowed(c, p);
	/* The pin is why: say so before what keeps them out of that group. */
	why = reason_allowed(c, p);
	r = xasprintf("pinned to %s: %s", m->groups[pa->pinned_home].id, why);
	free(why);
	return r;
}
