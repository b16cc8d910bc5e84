/*
 * What sched_model_prepare() precomputes for the checker and the solver
 * (model->derived).  Engine-private: cmd/ never includes this file.
 *
 * An "option" is a pair (participant p, group g) where g is compatible
 * with p (same track, clinician licensed in p's state).  Each option holds
 * a bitset over g's instances (local index week * nsessions + session):
 * bit set when p can attend the instance (SPEC 4 rule 2).  Options of a
 * participant are sorted by group index.
 */
#ifndef IOP_DERIVED_H
#define IOP_DERIVED_H

#include <stdbool.h>
#include <stdint.h>

#include "model.h"

struct sched_option {
	int	group;
	size_t	bits;			/* offset of the bitset in d->bits */
};

struct sched_derived {
	int	*opt_first;		/* nparticipants + 1 offsets into opts */
	struct sched_option *opts;
	int	nopts;
	uint64_t *bits;
	int	*conflict_first;	/* ngroups + 1 offsets into conflicts */
	int	*conflicts;		/* same clinician, overlapping running
					   instances */
	int	*gp_first;		/* ngroups + 1 offsets into gp */
	int	*gp;			/* per group: compatible participants,
					   ascending */
	int	*cg_first;		/* nclinicians + 1 offsets into cg */
	int	*cg;			/* per clinician: its groups,
					   ascending */
	bool	*has_peer;		/* per participant: rule 9 can bind */
	bool	any_peer;
};

static inline const struct sched_derived *
sched_derived(const struct sched_model *m)
{
	return m->derived;
}

/* True when bit k of the option's bitset is set. */
static inline bool
sched_option_bit(const struct sched_derived *d, int opt, int k)
{
	const uint64_t *b = d->bits + d->opts[opt].bits;

	return (b[k >> 6] >> (k & 63)) & 1;
}

/* Frees d and its arrays; NULL is a no-op. */
void	sched_derived_free(struct sched_derived *d);

/* The option index of (p, g), or -1 when g is not compatible with p. */
int	sched_option_find(const struct sched_model *m, int p, int g);

#endif
