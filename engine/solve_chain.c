/*
 * Ejection chains: placing an unplaced participant u by moving others
 * along a path of open groups, as an augmenting path does in a bipartite
 * matching.  A breadth-first search over open groups from u's viable ones
 * follows "a member q of g has h as a viable option" to a group with a
 * free home seat; the path is then carried out from its end (q moves into
 * the free seat, the next mover into q's, ..., u into the first group),
 * each step through solve_insert(), which adds the makeups and asks the
 * rules.  A step the rules refuse (a full session, a colleague to keep
 * apart, a week no makeup covers) undoes the chain and bans its mover for
 * this search; a few paths are tried.  Members who had their group in the
 * previous run do not move, so a chain never costs a kept home; a group
 * gains one member for each it loses, so none drops below group_size.min.
 */
#include <stdlib.h>

#include "rules.h"
#include "solve.h"
#include "xmalloc.h"

#define CHAIN_TRIES	4	/* paths tried per participant */
#define CHAIN_GROUPS	256	/* groups a search may visit */

struct chain_search {
	int	*seen;			/* group: stamp of the last visit */
	int	*from;			/* group: group the mover came from, -1
					   for a first group */
	int	*mover;			/* group: who moves into it */
	int	*queue;
	int	*banned;		/* participant: ban when banned */
	int	stamp;			/* per search */
	int	ban;			/* per participant placed */
};

/* True when g is open and has a free home seat. */
static bool
chain_has_seat(const struct solve_ctx *c, int g)
{
	return c->st.nmem[g] > 0 &&
	    rule_capacity_fits(c->m, g, c->st.nmem[g] + 1);
}

/* Visits open h reached from g by mover q; true when h is new. */
static bool
chain_visit(struct solve_ctx *c, struct chain_search *cs, int h, int g,
    int q, int *tail)
{
	if (cs->seen[h] == cs->stamp || c->st.nmem[h] == 0)
		return false;
	cs->seen[h] = cs->stamp;
	cs->from[h] = g;
	cs->mover[h] = q;
	cs->queue[(*tail)++] = h;
	return true;
}

/* Expands g: its movable members' other viable open groups. */
static int
chain_expand(struct solve_ctx *c, struct chain_search *cs, int g, int *tail)
{
	const struct sched_ilist *mem = &c->st.members[g];

	for (int k = 0; k < mem->n && *tail < CHAIN_GROUPS; k++) {
		int q = mem->v[k];

		if (cs->banned[q] == cs->ban ||
		    c->m->participants[q].previous_home == g)
			continue;
		for (int o = c->d->opt_first[q]; o < c->d->opt_first[q + 1];
		    o++) {
			int h = c->d->opts[o].group;

			c->st.work++;
			if (!c->viable[o] || !chain_visit(c, cs, h, g, q, tail))
				continue;
			if (chain_has_seat(c, h))
				return h;
		}
	}
	return -1;
}

/* Finds a group with a free seat reachable from u; -1 when none. */
static int
chain_find(struct solve_ctx *c, struct chain_search *cs, int u)
{
	int head = 0, tail = 0;

	cs->stamp++;
	for (int o = c->d->opt_first[u]; o < c->d->opt_first[u + 1]; o++) {
		int g = c->d->opts[o].group;

		if (c->viable[o] && chain_visit(c, cs, g, -1, u, &tail) &&
		    chain_has_seat(c, g))
			return g;
	}
	while (head < tail && tail < CHAIN_GROUPS) {
		int h = chain_expand(c, cs, cs->queue[head++], &tail);

		if (h >= 0)
			return h;
	}
	return -1;
}

/*
 * Carries out the path ending at free group t: true when every step
 * held; false with the mover that failed in *bad (the state is then
 * partly changed: the caller undoes).
 */
static bool
chain_apply(struct solve_ctx *c, struct chain_search *cs, int t, int *bad)
{
	struct solve_fail f;

	for (int h = t; h >= 0; h = cs->from[h]) {
		int q = cs->mover[h];

		if (c->st.home[q] >= 0)
			solve_remove(c, q);
		if (!solve_insert(c, q, h, &f)) {
			*bad = q;
			return false;
		}
	}
	return true;
}

/*
 * Places unplaced u by an ejection chain.  Returns true with u placed, or
 * false with the state unchanged.
 */
static bool
chain_place(struct solve_ctx *c, struct chain_search *cs, int u)
{
	struct sched_score before = c->st.score;

	for (int t = 0; t < CHAIN_TRIES && !solve_out_of_work(c); t++) {
		size_t mark = sched_state_mark(&c->st);
		int g, bad = -1;

		g = chain_find(c, cs, u);
		if (g < 0)
			return false;
		if (chain_apply(c, cs, g, &bad) &&
		    sched_score_cmp(&c->st.score, &before) > 0)
			return true;
		sched_state_undo(&c->st, mark);
		if (bad < 0 || bad == u)
			return false;
		cs->banned[bad] = cs->ban;
	}
	return false;
}

int
solve_chain(struct solve_ctx *c, const bool *tracks)
{
	const struct sched_model *m = c->m;
	struct chain_search cs;
	int placed = 0;

	cs.seen = xcalloc((size_t)m->ngroups + 1, sizeof(int));
	cs.from = xcalloc((size_t)m->ngroups + 1, sizeof(int));
	cs.mover = xcalloc((size_t)m->ngroups + 1, sizeof(int));
	cs.queue = xcalloc((size_t)m->ngroups + CHAIN_GROUPS + 1, sizeof(int));
	cs.banned = xcalloc((size_t)m->nparticipants + 1, sizeof(int));
	cs.stamp = 0;
	cs.ban = 0;
	for (int u = 0; u < m->nparticipants && !solve_out_of_work(c); u++) {
		if (c->st.home[u] >= 0 || c->nviable[u] == 0 ||
		    (tracks != NULL && !tracks[m->participants[u].track]))
			continue;
		cs.ban++;
		if (chain_place(c, &cs, u))
			placed++;
	}
	free(cs.seen);
	free(cs.from);
	free(cs.mover);
	free(cs.queue);
	free(cs.banned);
	return placed;
}
