/*
 * How much a participant's busy time changes when their shift calendar is
 * replaced (`iopsched shifts`): the symmetric difference of two normalized
 * span lists, clipped to a window.
 */
#ifndef IOP_SHIFTS_DIFF_H
#define IOP_SHIFTS_DIFF_H

#include <stdint.h>

#include "model.h"

struct shifts_change {
	int64_t	added;			/* seconds busy after but not before */
	int64_t	removed;		/* seconds busy before but not after */
};

/*
 * Measures what after adds to and removes from before inside [from, to).
 * Both lists must be normalized (sorted, disjoint).
 */
void	shifts_diff(const struct sched_spans *before,
	    const struct sched_spans *after, int64_t from, int64_t to,
	    struct shifts_change *out);

#endif
