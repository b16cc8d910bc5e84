/*
 * Small engine models for unit tests, built in C with synthetic times:
 * week w starts at w * 7 days (UTC seconds), a session on day d at minute
 * t of week w starts at fx_time(w, d, t).  The program starts on
 * 2026-12-07, so reasons say "week of 2026-12-07", "week of 2026-12-14".
 * Participants are available over the whole horizon and attend every
 * week unless a test says otherwise.
 */
#ifndef IOP_MODEL_FIXTURE_H
#define IOP_MODEL_FIXTURE_H

#include <stdint.h>

#include "model.h"
#include "solution.h"

/* weeks weeks; 19 h maximum, group_size 1..12, one makeup a week. */
void	fx_init(struct sched_model *m, int weeks);
int64_t	fx_time(int week, int day, int minute);
/* states: space-separated USPS codes, e.g. "TX OK". */
int	fx_clinician(struct sched_model *m, const char *id, const char *states,
	    double max_hours, int max_groups);
/* sessions: "MO 18:00 180, WE 18:00 180"; capacity -1: group_max. */
int	fx_group(struct sched_model *m, const char *id, const char *track,
	    int clinician, int capacity, const char *sessions);
int	fx_participant(struct sched_model *m, const char *id,
	    const char *track, const char *state, double min_hours);
/* Busy time of a participant or clinician, [start, start + minutes). */
void	fx_busy(struct sched_model *m, int p, int week, int day,
	    const char *from, int minutes);
void	fx_clinician_busy(struct sched_model *m, int c, int week, int day,
	    const char *from, int minutes);
/* Replaces p's availability with one window on days (bits, Monday = 1). */
void	fx_available(struct sched_model *m, int p, unsigned days,
	    const char *from, const char *to);
void	fx_agency(struct sched_model *m, int p, const char *agency,
	    int separate);
/* Lays out instances, times them and prepares; fails the test if not. */
void	fx_prepare(struct sched_model *m);
/* The instance of group g in week w, session s. */
int	fx_instance(const struct sched_model *m, int g, int week, int session);
/* A group or participant index by id; -1 if none. */
int	fx_group_index(const struct sched_model *m, const char *id);
int	fx_participant_index(const struct sched_model *m, const char *id);

#endif
