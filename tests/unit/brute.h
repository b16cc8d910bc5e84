/*
 * An exhaustive search for the most participants any valid schedule
 * places, shared by the solver and exact-method tests as an oracle
 * independent of the solver: it only enumerates and asks sched_check().
 */
#ifndef IOP_BRUTE_H
#define IOP_BRUTE_H

#include "model.h"

/*
 * The optimum placed count of m (prepared), or -1 when the search would
 * need more than max_leaves makeup combinations.  Only for tiny models
 * with makeups_per_week at most 1.
 */
int	brute_optimum(const struct sched_model *m, long max_leaves);

#endif
