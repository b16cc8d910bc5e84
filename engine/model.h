/*
 * The domain model the solver works on: everything already resolved to
 * indices and UTC seconds.  cmd/ builds it (time zones, calendars, ids);
 * the engine never sees a file, a zone name or a JSON value.
 *
 * Ownership: a struct sched_model owns every array and string it points to;
 * sched_model_release() frees them.  Build it with the sched_model_add_*
 * helpers or by filling the arrays (allocated with xmalloc) directly, then
 * call sched_model_prepare() once before solving or checking.
 */
#ifndef IOP_MODEL_H
#define IOP_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum sched_prefer {
	SCHED_PREFER_NONE = 0,
	SCHED_PREFER_EVENING,		/* weekday sessions */
	SCHED_PREFER_WEEKEND		/* Saturday and Sunday sessions */
};

/* A half-open interval [start, end) of UTC seconds. */
struct sched_span {
	int64_t	start;
	int64_t	end;
};

/* A list of spans; sched_spans_normalize() sorts and merges it. */
struct sched_spans {
	struct sched_span *v;
	size_t	n;
	size_t	cap;
};

void	sched_spans_add(struct sched_spans *s, int64_t start, int64_t end);
/* Sorts by start and merges overlapping or touching spans. */
void	sched_spans_normalize(struct sched_spans *s);
/* True when [start, end) overlaps a span of s (s normalized). */
bool	sched_spans_overlap(const struct sched_spans *s, int64_t start,
	    int64_t end);
/* True when [start, end) lies wholly inside one span of s (s normalized). */
bool	sched_spans_contain(const struct sched_spans *s, int64_t start,
	    int64_t end);
void	sched_spans_release(struct sched_spans *s);

/* Buffers around shifts, SPEC section 3. */
struct sched_buffers {
	int64_t	before;			/* seconds before every shift */
	int64_t	after;			/* seconds after a short shift */
	int64_t	long_shift;		/* a shift this long or longer is long; 0: none */
	int64_t	rest_after_long;	/* seconds after a long shift */
};

/*
 * Appends to busy each shift of shifts widened by the buffers; busy is then
 * normalized.  shifts is not modified.
 */
void	sched_buffer_shifts(const struct sched_spans *shifts,
	    const struct sched_buffers *b, struct sched_spans *busy);

/* One weekly session of a group, in the program's local time. */
struct sched_session {
	int	day;			/* 0 = Monday ... 6 = Sunday */
	int	start_minute;		/* minutes after local midnight */
	int	minutes;
};

/*
 * One session in one program week.  Instances of group g are stored
 * week-major from g->first_instance: week w, session s is at
 * first_instance + w * nsessions + s.
 */
struct sched_instance {
	int	group;
	int	session;
	int	week;
	int64_t	start;			/* UTC seconds, filled by cmd/ */
	int64_t	end;			/* start + minutes * 60 */
	int	minutes;
	bool	weekend;		/* Saturday or Sunday session */
	bool	clinician_free;		/* set by sched_model_prepare() */
};

struct sched_clinician {
	char	*id;
	uint64_t states;		/* bit i: licensed in state code i */
	int	max_minutes;		/* weekly session minutes over open groups */
	int	max_groups;		/* -1: no limit */
	struct sched_spans busy;	/* normalized */
};

struct sched_group {
	char	*id;
	int	track;			/* index into model->tracks */
	int	clinician;		/* index into model->clinicians */
	int	capacity;
	struct sched_session *sessions;
	int	nsessions;
	int	first_instance;		/* set by sched_model_prepare() */
	int	weekly_minutes;		/* set by sched_model_prepare() */
};

struct sched_participant {
	char	*id;
	int	state;			/* state code index, see engine/states.h */
	int	track;			/* index into model->tracks */
	int	first_week;		/* program weeks, inclusive; first > last: none */
	int	last_week;
	int	min_minutes;		/* weekly minimum */
	int	agency;			/* index into model->agencies, -1: none */
	bool	separate;		/* separate_from_agency */
	int	prefer;			/* enum sched_prefer */
	struct sched_spans busy;	/* buffered shifts, normalized */
	struct sched_spans available;	/* availability windows over the horizon */
	int	previous_home;		/* group index in the previous run, -1 */
	int	pinned_home;		/* group index forced by --pin, -1 none */
};

struct sched_model {
	int	weeks;
	int64_t	*week_start;		/* weeks + 1 UTC boundaries */
	int64_t	start_day;		/* program start, days since 1970-01-01
					   (a Monday); 0: unknown, messages
					   then say "program week N" */
	int	max_minutes;		/* program max_hours_per_week * 60 */
	int	group_min;
	int	group_max;
	int	makeups_per_week;

	char	**tracks;
	int	ntracks;
	char	**agencies;		/* lower-cased */
	int	nagencies;

	struct sched_clinician *clinicians;
	int	nclinicians;
	struct sched_group *groups;
	int	ngroups;
	struct sched_participant *participants;
	int	nparticipants;

	/* Derived by sched_model_prepare(). */
	struct sched_instance *instances;
	int	ninstances;
	void	*derived;		/* engine-private precomputation */
};

/*
 * Allocates m->instances: for every group, weeks * nsessions instances with
 * group, session, week, minutes and weekend set.  The caller then fills each
 * instance's start and end (UTC; only cmd/ knows the program's zone) and
 * calls sched_model_prepare().
 */
void	sched_model_layout(struct sched_model *m);

/*
 * Checks the model's invariants and derives what the solver needs
 * (instance ends, clinician_free, attendability).  Returns 0, or
 * IOP_EINPUT with *cause set (caller frees) when the model is inconsistent.
 */
int	sched_model_prepare(struct sched_model *m, char **cause);

/* Interns a track or agency name; returns its index. */
int	sched_model_track(struct sched_model *m, const char *name);
int	sched_model_agency(struct sched_model *m, const char *name);

/*
 * Append a zeroed clinician, group or participant with id (copied) and the
 * neutral defaults (max_groups -1, agency/previous_home/pinned_home -1,
 * capacity m->group_max) and return its index.  Pointers into the arrays
 * are invalidated by the next add.  Use either these or arrays of your
 * own, not both.
 */
int	sched_model_add_clinician(struct sched_model *m, const char *id);
int	sched_model_add_group(struct sched_model *m, const char *id);
int	sched_model_add_participant(struct sched_model *m, const char *id);

/*
 * Writes a label for program week w into buf (at least 32 bytes):
 * "week of 2026-12-14" when m->start_day is known, else "program week 2"
 * (counted from 1).  Returns buf.
 */
char	*sched_week_label(const struct sched_model *m, int w, char *buf);

/* Frees everything the model owns; the struct itself is the caller's. */
void	sched_model_release(struct sched_model *m);

/*
 * True when participant p can attend instance i under SPEC section 4 rule 2
 * (program week, buffered busy time, availability).  Model prepared.
 */
bool	sched_can_attend(const struct sched_model *m, int p, int i);

/* True when p may be in group g at all: same track, clinician licensed. */
bool	sched_compatible(const struct sched_model *m, int p, int g);

#endif
