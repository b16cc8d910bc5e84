/*
 * Two runs side by side.  Both list participants and groups sorted by id
 * (cmd/run.h), so one merge walk finds every id in either run.
 */
#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "run_diff.h"
#include "xmalloc.h"

static const char *const kind_names[] = {
	"moved", "joined", "left", "opened", "closed"
};

const char *
run_diff_kind_name(int kind)
{
	return kind_names[kind];
}

static void
diff_add(struct run_diff *d, int kind, const char *id, const char *from,
    const char *to, char *why)
{
	struct run_diff_change *c;

	d->v = xreallocarray(d->v, d->n + 1, sizeof *d->v);
	c = &d->v[d->n++];
	c->kind = kind;
	c->id = id;
	c->from = from;
	c->to = to;
	c->why = why;
	d->count[kind]++;
}

static const struct run_group *
diff_group(const struct run *r, const char *id)
{
	for (size_t k = 0; k < r->ngroups; k++)
		if (strcmp(r->groups[k].id, id) == 0)
			return &r->groups[k];
	return NULL;
}

/* Why p's home group in A is not its home in B. */
static char *
diff_moved_why(const struct run *b, const char *from)
{
	const struct run_group *g = diff_group(b, from);

	if (g == NULL)
		return xasprintf("%s is no longer in the scenario", from);
	if (!g->open)
		return xasprintf("%s closed", from);
	return NULL;
}

/* Why p is placed in B, or new and unplaced. */
static char *
diff_joined_why(const struct run_participant *pa,
    const struct run_participant *pb)
{
	if (pa != NULL)
		return pa->reason != NULL ? xasprintf("was unplaced: %s",
		    pa->reason) : NULL;
	if (pb->placed)
		return xstrdup("new in the scenario");
	return xasprintf("new in the scenario, unplaced: %s",
	    pb->reason != NULL ? pb->reason : "no reason stored");
}

/* One participant, in A (pa, may be NULL) and B (pb, may be NULL). */
static void
diff_participant(struct run_diff *d, const struct run *b,
    const struct run_participant *pa, const struct run_participant *pb)
{
	bool in_a = pa != NULL && pa->placed, in_b = pb != NULL && pb->placed;
	const char *id;

	if (pa != NULL)
		id = pa->id;
	else {
		assert(pb != NULL);
		id = pb->id;
	}

	if (in_a && in_b && strcmp(pa->group, pb->group) != 0)
		diff_add(d, RUN_DIFF_MOVED, id, pa->group, pb->group,
		    diff_moved_why(b, pa->group));
	else if (pb != NULL && (pa == NULL || (!in_a && in_b)))
		diff_add(d, RUN_DIFF_JOINED, id, NULL, in_b ? pb->group : NULL,
		    diff_joined_why(pa, pb));
	else if (pa != NULL && (pb == NULL || (in_a && !in_b)))
		diff_add(d, RUN_DIFF_LEFT, id, in_a ? pa->group : NULL, NULL,
		    xstrdup(pb == NULL ? "no longer in the scenario" :
		    pb->reason != NULL ? pb->reason : "unplaced"));
	else
		d->unchanged++;
}

static void
diff_participants(struct run_diff *d, const struct run *a, const struct run *b)
{
	size_t i = 0, j = 0;

	while (i < a->nparts || j < b->nparts) {
		int c = i == a->nparts ? 1 : j == b->nparts ? -1 :
		    strcmp(a->parts[i].id, b->parts[j].id);

		diff_participant(d, b, c <= 0 ? &a->parts[i] : NULL,
		    c >= 0 ? &b->parts[j] : NULL);
		i += c <= 0;
		j += c >= 0;
	}
}

static void
diff_groups(struct run_diff *d, const struct run *a, const struct run *b)
{
	size_t i = 0, j = 0;

	while (i < a->ngroups || j < b->ngroups) {
		int c = i == a->ngroups ? 1 : j == b->ngroups ? -1 :
		    strcmp(a->groups[i].id, b->groups[j].id);
		bool open_a = c <= 0 && a->groups[i].open;
		bool open_b = c >= 0 && b->groups[j].open;
		const char *id = c <= 0 ? a->groups[i].id : b->groups[j].id;

		if (open_b && !open_a)
			diff_add(d, RUN_DIFF_OPENED, id, NULL, NULL, c > 0 ?
			    xstrdup("new in the scenario") : NULL);
		else if (open_a && !open_b)
			diff_add(d, RUN_DIFF_CLOSED, id, NULL, NULL, c < 0 ?
			    xstrdup("no longer in the scenario") : NULL);
		i += c <= 0;
		j += c >= 0;
	}
}

void
run_diff(const struct run *a, const struct run *b, struct run_diff *d)
{
	memset(d, 0, sizeof *d);
	diff_participants(d, a, b);
	diff_groups(d, a, b);
}

void
run_diff_release(struct run_diff *d)
{
	for (size_t k = 0; k < d->n; k++)
		free(d->v[k].why);
	free(d->v);
	memset(d, 0, sizeof *d);
}
