/*
 * The most minutes a participant could reach in a week with a given home
 * option: home minutes plus the makeups_per_week longest makeups in other
 * groups that may open (capacity and clashes between makeups ignored).
 *
 * Asked for every (option, week) by the viability fixpoint and by the
 * reasons, so it must not rescan every option of the participant per
 * question (that was quadratic in the options: minutes per participant at
 * 20,000 participants).  A menu holds, per week, the participant's makeup
 * candidates in groups that may open, longest first; a question walks it
 * from the top and stops at the first makeups_per_week that are neither
 * in the home group nor clash with a home instance, which is almost
 * always at once.  Only the longest few are kept in order (a full sort
 * cost more than the rest of the bound); when they run out, the week's
 * candidates are scanned.
 */
#include <stdlib.h>
#include <string.h>

#include "solve.h"
#include "xmalloc.h"

/* How many of a week's longest candidates a menu keeps in order. */
#define REACH_TOP	8

struct reach_item {
	int	minutes;
	int	group;
	int	instance;
};

/* Inserts item k into week w's top list (longest first, ties by order). */
static void
reach_top_insert(struct solve_menu *mn, int w, int k)
{
	int *top = mn->top + (size_t)w * REACH_TOP, n = mn->ntop[w];
	int minutes = mn->items[k].minutes, j;

	if (n == REACH_TOP && mn->items[top[n - 1]].minutes >= minutes)
		return;
	if (n < REACH_TOP)
		n++;
	for (j = n - 1; j > 0 && mn->items[top[j - 1]].minutes < minutes; j--)
		top[j] = top[j - 1];
	top[j] = k;
	mn->ntop[w] = n;
}

void
solve_menu_build(const struct solve_ctx *c, int p, const bool *potential,
    struct solve_menu *mn)
{
	const struct sched_model *m = c->m;
	const struct sched_participant *pa = &m->participants[p];
	int n = 0;

	if (mn->first == NULL) {
		mn->first = xcalloc((size_t)m->weeks + 2, sizeof(int));
		mn->ntop = xcalloc((size_t)m->weeks + 1, sizeof(int));
		mn->top = xcalloc((size_t)m->weeks * REACH_TOP + 1,
		    sizeof(int));
	}
	for (int w = 0; w <= m->weeks; w++)
		mn->first[w] = 0;
	for (int w = pa->first_week; w <= pa->last_week; w++) {
		mn->first[w] = n;
		mn->ntop[w] = 0;
		for (int h = c->d->opt_first[p]; h < c->d->opt_first[p + 1];
		    h++) {
			int g = c->d->opts[h].group;
			const struct sched_group *gr = &m->groups[g];

			if (!potential[g])
				continue;
			for (int k = w * gr->nsessions;
			    k < (w + 1) * gr->nsessions; k++) {
				int i = gr->first_instance + k;

				if (!m->instances[i].clinician_free ||
				    !sched_option_bit(c->d, h, k))
					continue;
				if (n == mn->cap) {
					mn->cap = mn->cap ? 2 * mn->cap : 256;
					mn->items = xreallocarray(mn->items,
					    (size_t)mn->cap,
					    sizeof(mn->items[0]));
				}
				mn->items[n].minutes = m->instances[i].minutes;
				mn->items[n].group = g;
				mn->items[n].instance = i;
				reach_top_insert(mn, w, n);
				n++;
			}
		}
		mn->first[w + 1] = n;
	}
	mn->p = p;
}

/* True when item it can be a makeup for option o (a home in group g). */
static bool
reach_fits(const struct solve_ctx *c, const struct reach_item *it, int o,
    int g)
{
	return it->group != g && !solve_option_hits_home(c, o, it->instance);
}

/* The slow path: the longest makeups among all of week w's candidates. */
static int
reach_scan(const struct solve_ctx *c, const struct solve_menu *mn, int o,
    int w)
{
	int kmax = c->m->makeups_per_week, *top, sum = 0;
	int g = c->d->opts[o].group;

	top = xcalloc((size_t)kmax + 1, sizeof(int));
	for (int k = mn->first[w]; k < mn->first[w + 1]; k++) {
		int minutes = mn->items[k].minutes;

		if (!reach_fits(c, &mn->items[k], o, g))
			continue;
		for (int j = 0; j < kmax; j++)
			if (minutes > top[j]) {
				int t = top[j];

				top[j] = minutes;
				minutes = t;
			}
	}
	for (int j = 0; j < kmax; j++)
		sum += top[j];
	free(top);
	return sum;
}

int
solve_menu_reach(const struct solve_ctx *c, const struct solve_menu *mn,
    int o, int w)
{
	const struct sched_model *m = c->m;
	const int *top = mn->top + (size_t)w * REACH_TOP;
	int left = m->makeups_per_week, reach, sum = 0;
	int g = c->d->opts[o].group;

	reach = c->hm[(size_t)o * m->weeks + w];
	for (int j = 0; j < mn->ntop[w] && left > 0; j++) {
		const struct reach_item *it = &mn->items[top[j]];

		if (!reach_fits(c, it, o, g))
			continue;
		sum += it->minutes;
		left--;
	}
	/* The top list held every candidate, or enough that fit. */
	if (left == 0 || mn->ntop[w] < REACH_TOP)
		return reach + sum;
	return reach + reach_scan(c, mn, o, w);
}

void
solve_menu_release(struct solve_menu *mn)
{
	free(mn->first);
	free(mn->items);
	free(mn->top);
	free(mn->ntop);
	memset(mn, 0, sizeof *mn);
}
