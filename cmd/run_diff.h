/*
 * What changed between two stored runs, for `diff`: who moved to another
 * home group, who joined (placed in B but not in A, or new in B), who left
 * (placed in A, unplaced or gone in B), and which groups opened or closed.
 *
 * Ownership: strings point into the two runs, except why (owned);
 * run_diff_release() frees what run_diff() made.  The runs must outlive it.
 */
#ifndef IOP_RUN_DIFF_H
#define IOP_RUN_DIFF_H

#include <stddef.h>

#include "run.h"

enum run_diff_kind {
	RUN_DIFF_MOVED,
	RUN_DIFF_JOINED,
	RUN_DIFF_LEFT,
	RUN_DIFF_OPENED,		/* a group */
	RUN_DIFF_CLOSED			/* a group */
};

struct run_diff_change {
	int	kind;			/* enum run_diff_kind */
	const char *id;			/* participant or group */
	const char *from;		/* home group in A; NULL: none */
	const char *to;			/* home group in B; NULL: none */
	char	*why;			/* may be NULL */
};

struct run_diff {
	struct run_diff_change *v;	/* participants by id, then groups by id */
	size_t	n;
	int	count[RUN_DIFF_CLOSED + 1];	/* per kind */
	int	unchanged;		/* participants in both, same outcome */
};

void	run_diff(const struct run *a, const struct run *b, struct run_diff *d);
void	run_diff_release(struct run_diff *d);
/* "moved", "joined", "left", "opened", "closed". */
const char *run_diff_kind_name(int kind);

#endif
