/*
 * Turns a validated scenario into an engine model: resolves ids to indices,
 * local times to UTC through the zones, and calendar texts to busy spans
 * (with the shift buffers of SPEC section 3).
 */
#ifndef IOP_MODEL_BUILD_H
#define IOP_MODEL_BUILD_H

#include "model.h"
#include "run.h"
#include "scenario.h"

/*
 * Fills *m (caller releases with sched_model_release) from sc, prepared and
 * ready to solve.  previous (may be NULL) gives each continuing
 * participant's previous home group.  Returns 0, or IOP_EINPUT with *cause
 * naming the calendar file and problem.
 */
int	model_build(const struct scenario *sc, const struct run *previous,
	    struct sched_model *m, char **cause);

/*
 * The buffered busy time of SPEC section 3 that participant index of sc
 * would have with shift calendar text (len bytes, name in messages; text
 * NULL: no calendar) instead of the stored one: expanded over the padded
 * program horizon in the participant's zone, buffered and normalized into
 * *busy (caller releases with sched_spans_release).  Returns 0, or
 * IOP_EINPUT with *cause when the text is not valid iCalendar.
 */
int	model_participant_busy(const struct scenario *sc, size_t index,
	    const char *text, size_t len, const char *name,
	    struct sched_spans *busy, char **cause);

/* UTC start of program day (days since epoch) at local midnight. */
int	model_day_start(const struct scenario *sc, int64_t day, int64_t *utc,
	    char **cause);

#endif
