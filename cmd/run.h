/*
 * A stored run as output sees it: everything the schedule formats (table,
 * CSV, JSON) need, with ids as strings and times as UTC seconds.  solve
 * builds it from the engine's solution; schedule loads it from the store;
 * both print it with the same code (cmd/output_*.c).
 *
 * Ownership: struct run owns everything; run_release() frees it.
 */
#ifndef IOP_RUN_H
#define IOP_RUN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct run_session {
	char	*group;
	int	week;			/* program week index */
	int64_t	start;			/* UTC seconds */
	int64_t	end;
	bool	makeup;
};

struct run_participant {
	char	*id;
	bool	placed;
	char	*group;			/* home group id, NULL when unplaced */
	char	*reason;		/* why unplaced, NULL when placed */
	int	first_week;		/* program weeks, inclusive */
	int	last_week;
	double	min_hours;
	struct run_session *sessions;	/* sorted by start */
	size_t	nsessions;
};

struct run_group {
	char	*id;
	bool	open;
	char	*clinician;
	char	*track;
	int	capacity;
	char	*timetable;		/* "MO 18:00-21:00, WE 18:00-21:00"; may be NULL */
	char	**members;		/* sorted */
	size_t	nmembers;
};

struct run {
	int	id;			/* 0 until stored */
	char	*created;		/* RFC 3339 UTC */
	char	*timezone;		/* the program's zone */
	char	*program_name;		/* may be NULL */
	int64_t	start;			/* program start, days since epoch */
	int	weeks;
	double	max_hours;
	int	participants;
	int	placed;
	int	unplaced;
	int	groups_open;
	int	makeups;
	int	bound;
	double	time_limit;		/* the solve's parameter */
	int	calendars_changed;	/* shift calendars changed by this load; not stored */
	struct run_group *groups;	/* sorted by id */
	size_t	ngroups;
	struct run_participant *parts;	/* sorted by id */
	size_t	nparts;
};

void	run_release(struct run *r);

#endif
