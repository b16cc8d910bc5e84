/*
 * The full model of SPEC section 4 as a mixed-integer program, for GLPK.
 * Binary columns:
 *   y[g]     group g is open (groups solve_bound() says may open);
 *   x[o]     option o = (p, g) is p's home (viable options only: an option
 *            that is not viable is a home in no valid schedule);
 *   m[p,i]   p takes a makeup at instance i, for instances of other
 *            compatible groups that may open, that p can attend, in a week
 *            where some viable home leaves p short.  A makeup in a week that
 *            is not short can be dropped from any valid schedule, which
 *            stays valid and places as many.
 * Rows, rule by rule:
 *   rule 3   sum_o x[o] <= 1 per participant; x[o] <= y[g];
 *   rule 4   m[p,i] <= sum of p's homes that i fits (mip_makeup_fits());
 *            m[p,i] <= y[g(i)]; at most makeups_per_week a week;
 *            overlapping makeups exclude each other;
 *   rule 5   per short home o of deficit d in a week, the makeups that fit
 *            o bring at least d * x[o] minutes, each counted for at most
 *            d (and home plus makeup minutes <= maximum when several
 *            makeups could pass it);
 *   rule 6   home members <= capacity * y; per running instance, home
 *            members attending plus makeups <= capacity * y;
 *   rule 7   home members >= group_size.min * y;
 *   rule 8   per clinician, weekly minutes and count of open groups, and
 *            y[g] + y[h] <= 1 for groups whose sessions clash;
 *   rule 9   per instance, two participants kept apart don't both attend.
 * Rules 1 and 2 are in the columns: instances the clinician is busy for
 * never run and get no makeup column, and attendance is an option's bit.
 */
#include <glpk.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"
#include "solve_mip.h"
#include "xmalloc.h"

/* A clinician with more groups gets rows instead of its subsets. */
#define MIP_SUBSET_GROUPS	12

struct mip_rows {
	glp_prob *lp;
	int	*ia;			/* 1-based triplets, as GLPK wants */
	int	*ja;
	double	*ar;
	size_t	n;
	size_t	cap;
	int	row;			/* the row being written */
};

/* Starts a row with bounds of type (GLP_UP, GLP_LO, ...) lb..ub. */
static void
mip_row(struct mip_rows *r, int type, double lb, double ub)
{
	r->row = glp_add_rows(r->lp, 1);
	glp_set_row_bnds(r->lp, r->row, type, lb, ub);
}

static void
mip_add(struct mip_rows *r, int col, double coef)
{
	if (r->n + 2 > r->cap) {
		r->cap = r->cap ? r->cap * 2 : 1024;
		r->ia = xreallocarray(r->ia, r->cap, sizeof r->ia[0]);
		r->ja = xreallocarray(r->ja, r->cap, sizeof r->ja[0]);
		r->ar = xreallocarray(r->ar, r->cap, sizeof r->ar[0]);
	}
	r->n++;
	r->ia[r->n] = r->row;
	r->ja[r->n] = col;
	r->ar[r->n] = coef;
}

static int
mip_binary(glp_prob *lp, double obj)
{
	int j = glp_add_cols(lp, 1);

	glp_set_col_kind(lp, j, GLP_BV);
	glp_set_obj_coef(lp, j, obj);
	return j;
}

/*
 * True when p, at home in option o, could take a makeup at instance i
 * that helps: o is viable and short in i's week, i is of another group,
 * overlaps no home instance and leaves p within the maximum, and (with
 * one makeup a week) lifts p to the minimum on its own.
 */
static bool
mip_makeup_fits(const struct solve_ctx *c, const struct solve_mip *mp, int p,
    int o, int i)
{
	const struct sched_model *m = c->m;
	const struct sched_instance *in = &m->instances[i];
	int hm = c->hm[(size_t)o * m->weeks + in->week];
	int min = m->participants[p].min_minutes;

	return mp->col_x[o] != 0 && c->d->opts[o].group != in->group &&
	    hm < min && hm + in->minutes <= m->max_minutes &&
	    (m->makeups_per_week > 1 || hm + in->minutes >= min) &&
	    !solve_option_hits_home(c, o, i);
}

/* True when some home of p (a column) leaves week w short. */
static bool
mip_short(const struct solve_ctx *c, const struct solve_mip *mp, int p, int w)
{
	const struct sched_model *m = c->m;

	for (int o = c->d->opt_first[p]; o < c->d->opt_first[p + 1]; o++)
		if (mp->col_x[o] && c->hm[(size_t)o * m->weeks + w] <
		    m->participants[p].min_minutes)
			return true;
	return false;
}

/* How many home columns p has. */
static int
mip_nx(const struct solve_ctx *c, const struct solve_mip *mp, int p)
{
	int n = 0;

	for (int o = c->d->opt_first[p]; o < c->d->opt_first[p + 1]; o++)
		n += mp->col_x[o] != 0;
	return n;
}

/* Scoped: true when a fixed participant to keep apart from p attends i. */
static bool
mip_apart_at(const struct solve_ctx *c, int p, int i)
{
	const struct sched_ilist *l = &c->st.attendees[i];

	if (!c->d->any_peer)
		return false;
	for (int k = 0; k < l->n; k++)
		if (rule_agency_apart(c->m, p, l->v[k]))
			return true;
	return false;
}

/* Scoped: true when home o would seat p with a fixed colleague to avoid. */
static bool
mip_apart_home(const struct solve_ctx *c, int p, int o)
{
	const struct sched_model *m = c->m;
	const struct sched_group *gr = &m->groups[c->d->opts[o].group];

	if (!c->d->any_peer)
		return false;
	for (int k = 0; k < m->weeks * gr->nsessions; k++)
		if (sched_option_bit(c->d, o, k) &&
		    mip_apart_at(c, p, gr->first_instance + k))
			return true;
	return false;
}

/* True when option o (of p) gets a home column. */
static bool
mip_home_col(const struct solve_ctx *c, const struct solve_mip *mp, int p,
    int o)
{
	int g = c->d->opts[o].group;

	if (!c->viable[o])
		return false;
	if (mp->gfree == NULL)
		return true;
	return mp->pfree[p] && mp->gfree[g] && mp->col_y[g] &&
	    !mip_apart_home(c, p, o);
}

/*
 * True when p could take a makeup in group g's instance i: g may open
 * (whole model), or is free and may open, or is fixed and open with a
 * seat left and no colleague to keep apart (scoped).
 */
static bool
mip_makeup_room(const struct solve_ctx *c, const struct solve_mip *mp,
    int p, int g, int i)
{
	if (mp->gfree == NULL)
		return c->potential[g];
	if (mp->gfree[g] ? mp->col_y[g] == 0 : c->st.nmem[g] == 0)
		return false;
	return c->st.att[i] < c->m->groups[g].capacity &&
	    !mip_apart_at(c, p, i);
}

/* Lists the makeup columns' (p, i), participants and starts in order. */
static void
mip_makeups(const struct solve_ctx *c, struct solve_mip *mp)
{
	const struct sched_model *m = c->m;
	size_t cap = 0;

	for (int p = 0; p < m->nparticipants; p++) {
		const struct sched_participant *pa = &m->participants[p];

		if (m->makeups_per_week == 0 || mip_nx(c, mp, p) == 0)
			continue;
		for (int w = pa->first_week; w <= pa->last_week; w++) {
			if (!mip_short(c, mp, p, w))
				continue;
			for (int h = c->d->opt_first[p];
			    h < c->d->opt_first[p + 1]; h++) {
				int g = c->d->opts[h].group;
				const struct sched_group *gr = &m->groups[g];

				for (int k = w * gr->nsessions;
				    k < (w + 1) * gr->nsessions; k++) {
					int i = gr->first_instance + k;
					bool any = false;

					if (!m->instances[i].clinician_free ||
					    !sched_option_bit(c->d, h, k) ||
					    !mip_makeup_room(c, mp, p, g, i))
						continue;
					for (int o = c->d->opt_first[p];
					    o < c->d->opt_first[p + 1] && !any;
					    o++)
						any = mip_makeup_fits(c, mp, p, o, i);
					if (!any)
						continue;
					XGROW(mp->mk, cap, (size_t)mp->nmk + 1);
					mp->mk[mp->nmk].p = p;
					mp->mk[mp->nmk++].i = i;
				}
			}
		}
	}
}

static void
mip_columns(const struct solve_ctx *c, struct solve_mip *mp)
{
	const struct sched_model *m = c->m;

	mp->col_y = xcalloc((size_t)m->ngroups + 1, sizeof(int));
	mp->col_x = xcalloc((size_t)c->d->nopts + 1, sizeof(int));
	for (int g = 0; g < m->ngroups; g++)
		if (c->potential[g] && (mp->gfree == NULL || mp->gfree[g])) {
			mp->col_y[g] = mip_binary(mp->lp, 0);
			/* A fixed guest keeps its group open. */
			if (mp->gfree != NULL && c->st.guests[g] > 0)
				glp_set_col_bnds(mp->lp, mp->col_y[g], GLP_FX,
				    1, 1);
		}
	for (int p = 0; p < m->nparticipants; p++)
		for (int o = c->d->opt_first[p]; o < c->d->opt_first[p + 1];
		    o++)
			if (mip_home_col(c, mp, p, o))
				mp->col_x[o] = mip_binary(mp->lp, 1);
	mip_makeups(c, mp);
	mp->col_m0 = glp_get_num_cols(mp->lp) + 1;
	for (int k = 0; k < mp->nmk; k++)
		mip_binary(mp->lp, 0);
}

int
solve_mip_subsets(const struct solve_ctx *c, int cl, const int *gs, int n,
    unsigned **sets)
{
	const struct sched_model *m = c->m;
	const struct sched_clinician *cc = &m->clinicians[cl];
	size_t cap = 0;
	int count = 0;

	*sets = NULL;
	for (unsigned set = 1; set < (1u << n); set++) {
		int groups = 0, minutes = 0;
		bool ok = true;

		for (int k = 0; k < n && ok; k++) {
			if (!(set & (1u << k)))
				continue;
			groups++;
			minutes += m->groups[gs[k]].weekly_minutes;
			for (int j = 0; j < k && ok; j++)
				ok = !(set & (1u << j)) ||
				    !rule_clinician_groups_conflict(m, gs[j],
				    gs[k]);
		}
		if (!ok || minutes > cc->max_minutes ||
		    (cc->max_groups >= 0 && groups > cc->max_groups))
			continue;
		XGROW(*sets, cap, (size_t)count + 1);
		(*sets)[count++] = set;
	}
	return count;
}

/*
 * Rule 8 for clinician cl.  With few groups, the convex hull of the sets
 * of groups it could lead: a column z[S] per feasible set S, sum z <= 1,
 * y[g] = sum of z[S] over the S holding g.  With many, its rows.
 */
static void
mip_rows_clinician(const struct solve_ctx *c, struct solve_mip *mp,
    struct mip_rows *r, int cl)
{
	const struct sched_model *m = c->m;
	const struct sched_clinician *cc = &m->clinicians[cl];
	const struct sched_derived *d = c->d;
	int gs[MIP_SUBSET_GROUPS], n = 0, nsets, z0;
	unsigned *sets;

	for (int k = d->cg_first[cl]; k < d->cg_first[cl + 1] &&
	    n <= MIP_SUBSET_GROUPS; k++)
		if (mp->col_y[d->cg[k]]) {
			if (n < MIP_SUBSET_GROUPS)
				gs[n] = d->cg[k];
			n++;
		}
	if (n == 0)
		return;
	if (n <= MIP_SUBSET_GROUPS) {
		nsets = solve_mip_subsets(c, cl, gs, n, &sets);
		z0 = glp_add_cols(r->lp, nsets > 0 ? nsets : 1);
		for (int s = 0; s < (nsets > 0 ? nsets : 1); s++)
			glp_set_col_bnds(r->lp, z0 + s, GLP_DB, 0, 1);
		mip_row(r, GLP_UP, 0, 1);
		for (int s = 0; s < nsets; s++)
			mip_add(r, z0 + s, 1);
		for (int k = 0; k < n; k++) {
			mip_row(r, GLP_FX, 0, 0);
			mip_add(r, mp->col_y[gs[k]], 1);
			for (int s = 0; s < nsets; s++)
				if (sets[s] & (1u << k))
					mip_add(r, z0 + s, -1);
		}
		free(sets);
		return;
	}
	mip_row(r, GLP_UP, 0, cc->max_minutes);
	for (int j = d->cg_first[cl]; j < d->cg_first[cl + 1]; j++)
		if (mp->col_y[d->cg[j]])
			mip_add(r, mp->col_y[d->cg[j]],
			    m->groups[d->cg[j]].weekly_minutes);
	if (cc->max_groups >= 0) {
		mip_row(r, GLP_UP, 0, cc->max_groups);
		for (int j = d->cg_first[cl]; j < d->cg_first[cl + 1]; j++)
			if (mp->col_y[d->cg[j]])
				mip_add(r, mp->col_y[d->cg[j]], 1);
	}
	for (int j = d->cg_first[cl]; j < d->cg_first[cl + 1]; j++) {
		int g = d->cg[j];

		for (int k = d->conflict_first[g]; k < d->conflict_first[g + 1];
		    k++) {
			int h = d->conflicts[k];

			if (h < g || !mp->col_y[g] || !mp->col_y[h])
				continue;
			mip_row(r, GLP_UP, 0, 1);
			mip_add(r, mp->col_y[g], 1);
			mip_add(r, mp->col_y[h], 1);
		}
	}
}

/* Rules 3, 6 (home roll), 7 and 8. */
static void
mip_rows_groups(const struct solve_ctx *c, struct solve_mip *mp,
    struct mip_rows *r)
{
	const struct sched_model *m = c->m;
	const struct sched_derived *d = c->d;

	for (int p = 0; p < m->nparticipants; p++) {
		if (mip_nx(c, mp, p) < 2)
			continue;
		mip_row(r, GLP_UP, 0, 1);
		for (int o = d->opt_first[p]; o < d->opt_first[p + 1]; o++)
			if (mp->col_x[o])
				mip_add(r, mp->col_x[o], 1);
	}
	for (int o = 0; o < d->nopts; o++)
		if (mp->col_x[o]) {
			mip_row(r, GLP_UP, 0, 0);
			mip_add(r, mp->col_x[o], 1);
			mip_add(r, mp->col_y[d->opts[o].group], -1);
		}
	for (int g = 0; g < m->ngroups; g++) {
		const struct sched_ilist *l = &c->cands[g];

		if (!mp->col_y[g])
			continue;
		for (int side = 0; side < 2; side++) {
			if (side == 0)
				mip_row(r, GLP_UP, 0, 0);
			else
				mip_row(r, GLP_LO, 0, 0);
			for (int k = 0; k < l->n; k++) {
				int o = solve_option(c, l->v[k], g);

				if (mp->col_x[o])
					mip_add(r, mp->col_x[o], 1);
			}
			/* Open means a home member (rule 7), min 0 or not. */
			mip_add(r, mp->col_y[g], side == 0 ?
			    -m->groups[g].capacity : m->group_min > 1 ?
			    -m->group_min : -1);
		}
	}
	for (int cl = 0; cl < m->nclinicians; cl++)
		mip_rows_clinician(c, mp, r, cl);
}

/* Rule 4 for makeup k: it needs a fitting short home and an open group. */
static void
mip_rows_makeup_link(const struct solve_ctx *c, struct solve_mip *mp,
    struct mip_rows *r, int k)
{
	const struct sched_model *m = c->m;
	int p = mp->mk[k].p, i = mp->mk[k].i;

	mip_row(r, GLP_UP, 0, 0);
	mip_add(r, mp->col_m0 + k, 1);
	for (int o = c->d->opt_first[p]; o < c->d->opt_first[p + 1]; o++)
		if (mip_makeup_fits(c, mp, p, o, i))
			mip_add(r, mp->col_x[o], -1);
	if (mp->col_y[m->instances[i].group] == 0)
		return;		/* a fixed open group */
	mip_row(r, GLP_UP, 0, 0);
	mip_add(r, mp->col_m0 + k, 1);
	mip_add(r, mp->col_y[m->instances[i].group], -1);
}

/* Bit j set when p's option opt_first[p] + j fits makeup k. */
static uint64_t
mip_fit_mask(const struct solve_ctx *c, const struct solve_mip *mp, int k)
{
	int p = mp->mk[k].p, o0 = c->d->opt_first[p];
	uint64_t mask = 0;

	for (int o = o0; o < c->d->opt_first[p + 1]; o++)
		if (mip_makeup_fits(c, mp, p, o, mp->mk[k].i))
			mask |= (uint64_t)1 << (o - o0);
	return mask;
}

/*
 * Rule 4 links for p's makeups mk[a..b) of one week.  With one makeup a
 * week at most one of them is taken, so they share rows: one per group
 * (sum <= y) and one per set of homes they fit (sum <= sum of x), which
 * keeps the LP small.  Otherwise, or with more than 64 options, one pair
 * of rows per makeup.
 */
static void
mip_rows_links(const struct solve_ctx *c, struct solve_mip *mp,
    struct mip_rows *r, int a, int b)
{
	const struct sched_model *m = c->m;
	int p, o0, n;
	uint64_t *mask;

	if (a == b)
		return;
	p = mp->mk[a].p;
	o0 = c->d->opt_first[p];
	n = c->d->opt_first[p + 1] - o0;
	if (m->makeups_per_week > 1 || n > 64) {
		for (int k = a; k < b; k++)
			mip_rows_makeup_link(c, mp, r, k);
		return;
	}
	for (int k = a; k < b; k++) {
		int g = m->instances[mp->mk[k].i].group;

		if ((k > a && m->instances[mp->mk[k - 1].i].group == g) ||
		    mp->col_y[g] == 0)
			continue;
		mip_row(r, GLP_UP, 0, 0);
		for (int j = k; j < b && m->instances[mp->mk[j].i].group == g;
		    j++)
			mip_add(r, mp->col_m0 + j, 1);
		mip_add(r, mp->col_y[g], -1);
	}
	mask = xmalloc((size_t)(b - a) * sizeof mask[0]);
	for (int k = a; k < b; k++)
		mask[k - a] = mip_fit_mask(c, mp, k);
	for (int k = a; k < b; k++) {
		bool seen = false;

		for (int j = a; j < k && !seen; j++)
			seen = mask[j - a] == mask[k - a];
		if (seen)
			continue;
		mip_row(r, GLP_UP, 0, 0);
		for (int j = k; j < b; j++)
			if (mask[j - a] == mask[k - a])
				mip_add(r, mp->col_m0 + j, 1);
		for (int o = 0; o < n; o++)
			if (mask[k - a] & ((uint64_t)1 << o))
				mip_add(r, mp->col_x[o0 + o], -1);
	}
	free(mask);
}

/*
 * Rules 4 and 5 for p's week w, whose makeup columns are mk[a..b): per
 * short home o, its makeups cover the deficit d (each counted for at most
 * d, which keeps the relaxation tight); at most makeups_per_week; and the
 * maximum when several makeups could pass it.
 */
static void
mip_rows_week(const struct solve_ctx *c, struct solve_mip *mp,
    struct mip_rows *r, int p, int w, int a, int b)
{
	const struct sched_model *m = c->m;
	int K = m->makeups_per_week;

	for (int o = c->d->opt_first[p]; o < c->d->opt_first[p + 1]; o++) {
		int d = m->participants[p].min_minutes -
		    c->hm[(size_t)o * m->weeks + w];

		if (!mp->col_x[o] || d <= 0)
			continue;
		mip_row(r, GLP_LO, 0, 0);
		mip_add(r, mp->col_x[o], -d);
		for (int k = a; k < b; k++) {
			int i = mp->mk[k].i, mins = m->instances[i].minutes;

			if (mip_makeup_fits(c, mp, p, o, i))
				mip_add(r, mp->col_m0 + k, mins < d ? mins : d);
		}
	}
	if (b - a > K) {
		mip_row(r, GLP_UP, 0, K);
		for (int k = a; k < b; k++)
			mip_add(r, mp->col_m0 + k, 1);
	}
	if (K < 2 || b - a < 2)
		return;
	mip_row(r, GLP_UP, 0, m->max_minutes);
	for (int o = c->d->opt_first[p]; o < c->d->opt_first[p + 1]; o++)
		if (mp->col_x[o])
			mip_add(r, mp->col_x[o], c->hm[(size_t)o * m->weeks +
			    w]);
	for (int k = a; k < b; k++)
		mip_add(r, mp->col_m0 + k, m->instances[mp->mk[k].i].minutes);
}

/* Makeups of one participant that overlap exclude each other. */
static void
mip_rows_overlaps(const struct solve_ctx *c, struct solve_mip *mp,
    struct mip_rows *r, int a, int b)
{
	const struct sched_model *m = c->m;

	for (int j = a; j < b; j++)
		for (int k = j + 1; k < b; k++) {
			const struct sched_instance *x =
			    &m->instances[mp->mk[j].i];
			const struct sched_instance *y =
			    &m->instances[mp->mk[k].i];

			if (x->start >= y->end || y->start >= x->end)
				continue;
			if (x->week == y->week && m->makeups_per_week < 2)
				continue;	/* the count row forbids both */
			mip_row(r, GLP_UP, 0, 1);
			mip_add(r, mp->col_m0 + j, 1);
			mip_add(r, mp->col_m0 + k, 1);
		}
}

/* Rules 4 and 5: every short week of every participant. */
static void
mip_rows_participants(const struct solve_ctx *c, struct solve_mip *mp,
    struct mip_rows *r)
{
	const struct sched_model *m = c->m;
	int k = 0;

	for (int p = 0; p < m->nparticipants; p++) {
		const struct sched_participant *pa = &m->participants[p];
		int first;

		if (mip_nx(c, mp, p) == 0)
			continue;
		while (k < mp->nmk && mp->mk[k].p < p)
			k++;
		first = k;
		for (int w = pa->first_week; w <= pa->last_week; w++) {
			int a = k;

			while (k < mp->nmk && mp->mk[k].p == p &&
			    m->instances[mp->mk[k].i].week == w)
				k++;
			mip_rows_links(c, mp, r, a, k);
			if (mip_short(c, mp, p, w))
				mip_rows_week(c, mp, r, p, w, a, k);
		}
		mip_rows_overlaps(c, mp, r, first, k);
	}
}

struct mip_att {
	int	i;			/* instance */
	int	p;
	int	col;
};

static int
mip_att_cmp(const void *a, const void *b)
{
	const struct mip_att *x = a, *y = b;

	if (x->i != y->i)
		return x->i < y->i ? -1 : 1;
	if (x->p != y->p)
		return x->p < y->p ? -1 : 1;
	return (x->col > y->col) - (x->col < y->col);
}

/* Every (instance, participant, column) through which p may attend. */
static struct mip_att *
mip_attendance(const struct solve_ctx *c, const struct solve_mip *mp,
    size_t *n)
{
	const struct sched_model *m = c->m;
	struct mip_att *v = NULL;
	size_t cap = 0;

	*n = 0;
	for (int p = 0; p < m->nparticipants; p++)
		for (int o = c->d->opt_first[p]; o < c->d->opt_first[p + 1];
		    o++) {
			const struct sched_group *gr =
			    &m->groups[c->d->opts[o].group];

			if (!mp->col_x[o])
				continue;
			for (int k = 0; k < m->weeks * gr->nsessions; k++) {
				int i = gr->first_instance + k;

				if (!m->instances[i].clinician_free ||
				    !sched_option_bit(c->d, o, k))
					continue;
				XGROW(v, cap, *n + 1);
				v[*n].i = i;
				v[*n].p = p;
				v[(*n)++].col = mp->col_x[o];
			}
		}
	for (int k = 0; k < mp->nmk; k++) {
		XGROW(v, cap, *n + 1);
		v[*n].i = mp->mk[k].i;
		v[*n].p = mp->mk[k].p;
		v[(*n)++].col = mp->col_m0 + k;
	}
	if (*n > 0)	/* qsort(NULL, 0) is undefined */
		qsort(v, *n, sizeof v[0], mip_att_cmp);
	return v;
}

/* Rules 6 (per instance) and 9 over the attendance list of instance i. */
static void
mip_rows_instance(const struct solve_ctx *c, struct solve_mip *mp,
    struct mip_rows *r, const struct mip_att *v, size_t n)
{
	const struct sched_model *m = c->m;
	int g = m->instances[v[0].i].group;
	/* Scoped: the seats fixed participants hold. */
	int held = mp->gfree != NULL ? c->st.att[v[0].i] : 0;
	int distinct = 0;

	for (size_t k = 0; k < n; k++)
		distinct += k == 0 || v[k].p != v[k - 1].p;
	if (distinct > m->groups[g].capacity - held) {
		mip_row(r, GLP_UP, 0, -held);
		for (size_t k = 0; k < n; k++)
			mip_add(r, v[k].col, 1);
		if (mp->col_y[g])
			mip_add(r, mp->col_y[g], -m->groups[g].capacity);
		else
			glp_set_row_bnds(r->lp, r->row, GLP_UP, 0,
			    m->groups[g].capacity - held);
	}
	if (!c->d->any_peer)
		return;
	/* v is sorted by participant: a and b walk the first entries. */
	for (size_t a = 0; a < n; a++) {
		if (a > 0 && v[a - 1].p == v[a].p)
			continue;
		for (size_t b = a + 1; b < n; b++) {
			if (v[b - 1].p == v[b].p ||
			    !rule_agency_apart(m, v[a].p, v[b].p))
				continue;
			mip_row(r, GLP_UP, 0, 1);
			for (size_t k = a; k < n && v[k].p == v[a].p; k++)
				mip_add(r, v[k].col, 1);
			for (size_t k = b; k < n && v[k].p == v[b].p; k++)
				mip_add(r, v[k].col, 1);
		}
	}
}

static void
mip_rows_instances(const struct solve_ctx *c, struct solve_mip *mp,
    struct mip_rows *r)
{
	size_t n, a = 0;
	struct mip_att *v = mip_attendance(c, mp, &n);

	while (a < n) {
		size_t b = a;

		while (b < n && v[b].i == v[a].i)
			b++;
		mip_rows_instance(c, mp, r, v + a, b - a);
		a = b;
	}
	free(v);
}

static void
mip_build(const struct solve_ctx *c, int max_cols, struct solve_mip *mp)
{
	struct mip_rows r;

	memset(&r, 0, sizeof r);
	mp->lp = glp_create_prob();
	glp_set_obj_dir(mp->lp, GLP_MAX);
	mip_columns(c, mp);
	mp->ncols = glp_get_num_cols(mp->lp);
	if (mp->ncols > max_cols)
		return;
	r.lp = mp->lp;
	mip_rows_groups(c, mp, &r);
	mip_rows_participants(c, mp, &r);
	mip_rows_instances(c, mp, &r);
	if (r.n > 0)
		glp_load_matrix(mp->lp, (int)r.n, r.ia, r.ja, r.ar);
	mp->ncols = glp_get_num_cols(mp->lp);
	mp->nrows = glp_get_num_rows(mp->lp);
	mp->nnz = (long)r.n;
	free(r.ia);
	free(r.ja);
	free(r.ar);
}

void
solve_mip_build(const struct solve_ctx *c, int max_cols, struct solve_mip *mp)
{
	memset(mp, 0, sizeof *mp);
	mip_build(c, max_cols, mp);
}

void
solve_mip_build_scoped(const struct solve_ctx *c, const bool *pfree,
    const bool *gfree, struct solve_mip *mp)
{
	memset(mp, 0, sizeof *mp);
	mp->pfree = pfree;
	mp->gfree = gfree;
	mip_build(c, INT_MAX, mp);
}

void
solve_mip_load(struct solve_ctx *c, const struct solve_mip *mp, glp_prob *lp)
{
	for (int p = 0; p < c->m->nparticipants; p++)
		for (int o = c->d->opt_first[p]; o < c->d->opt_first[p + 1];
		    o++)
			if (mp->col_x[o] &&
			    glp_mip_col_val(lp, mp->col_x[o]) > 0.5)
				sched_state_set_home(&c->st, p,
				    c->d->opts[o].group);
	for (int k = 0; k < mp->nmk; k++)
		if (glp_mip_col_val(lp, mp->col_m0 + k) > 0.5)
			sched_state_add_makeup(&c->st, mp->mk[k].p,
			    mp->mk[k].i);
}

void
solve_mip_release(struct solve_mip *mp)
{
	if (mp->lp != NULL)
		glp_delete_prob(mp->lp);
	free(mp->col_y);
	free(mp->col_x);
	free(mp->mk);
	memset(mp, 0, sizeof *mp);
}
