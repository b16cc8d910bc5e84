/*
 * A scenario as the user wrote it (SPEC section 2), validated, with ids as
 * strings and times as local wall clock.  It is what the loader produces
 * from JSON (and a CSV roster), what the store saves and loads back, and
 * what cmd/model_build.c turns into an engine model.
 *
 * Ownership: a struct scenario owns every string and array in it;
 * scenario_release() frees them.  Calendar texts are held in memory (read
 * at load time) so the store can keep them and their hash.
 */
#ifndef IOP_SCENARIO_H
#define IOP_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* An availability or program window: on these days, [from, to) local. */
struct scn_window {
	unsigned days;			/* bit 0 = Monday ... bit 6 = Sunday */
	int	from;			/* minutes after midnight */
	int	to;			/* > from, at most 1440 */
};

struct scn_program {
	char	*name;			/* may be NULL */
	char	*timezone;
	int64_t	start;			/* days since 1970-01-01, a Monday */
	int	weeks;
	double	min_hours;
	double	max_hours;		/* default 19 */
	int	group_min;
	int	group_max;
	int	makeups_per_week;	/* default 1 */
	int	before_shift_minutes;	/* buffers, default 0 */
	int	after_shift_minutes;
	double	long_shift_hours;
	double	rest_after_long_shift_hours;
	struct scn_window *windows;	/* default weekdays 17-22, weekends 8-21 */
	size_t	nwindows;
	char	*organizer_name;	/* may be NULL */
	char	*organizer_email;	/* may be NULL */
	char	*video_url;		/* may be NULL; "{group}" is the group id */
	char	*invite_title;		/* default "Group session" */
	char	*crisis_text;		/* may be NULL */
};

struct scn_calendar {
	char	*path;			/* as written in the scenario; NULL: none */
	char	*text;			/* file contents, NUL terminated; NULL: none */
	size_t	len;
	char	*hash;			/* hex digest of text, see scenario_hash() */
};

struct scn_clinician {
	char	*id;
	char	*name;			/* may be NULL */
	char	*email;			/* may be NULL */
	char	**states;		/* USPS codes */
	size_t	nstates;
	double	max_hours;
	int	max_groups;		/* -1: no limit */
	struct scn_calendar calendar;
};

struct scn_session {
	int	day;			/* 0 = Monday ... 6 = Sunday */
	int	start;			/* minutes after midnight */
	int	minutes;
};

struct scn_group {
	char	*id;
	char	*track;
	char	*clinician;		/* clinician id */
	int	capacity;		/* default group_size.max */
	struct scn_session *sessions;
	size_t	nsessions;
};

enum scn_prefer { SCN_PREFER_NONE, SCN_PREFER_EVENING, SCN_PREFER_WEEKEND };

struct scn_participant {
	char	*id;
	char	*name;			/* may be NULL */
	char	*email;			/* may be NULL */
	char	*state;			/* USPS code */
	char	*timezone;		/* default the program's */
	char	*track;
	int64_t	start;			/* days since 1970-01-01 */
	int	weeks;
	double	min_hours;		/* default the program's */
	char	*agency;		/* may be NULL */
	bool	separate_from_agency;
	int	prefer;			/* enum scn_prefer */
	struct scn_window *available;	/* default: the program's windows */
	size_t	navailable;
	bool	available_given;	/* false: the defaults were copied in */
	struct scn_calendar shifts;
};

struct scenario {
	char	*path;			/* the file it came from; NULL from the store */
	struct scn_program program;
	struct scn_clinician *clinicians;
	size_t	nclinicians;
	struct scn_group *groups;
	size_t	ngroups;
	struct scn_participant *participants;
	size_t	nparticipants;
};

/*
 * Loads and validates the scenario at path (SPEC section 2), reading every
 * referenced calendar and CSV roster relative to the scenario's folder.
 * Calendars are read, not expanded; their iCalendar validity is checked
 * when the model is built.  Returns 0; IOP_EINPUT (65) with *cause like
 * "demo.json: groups[2].sessions[0].day: unknown day code 'MX'" or
 * "roster.csv:14:3: ..."; IOP_ENOFILE (66) when a file is missing.
 * On failure *sc is left released.
 *
 * A file the scenario names must lie inside its folder (no absolute path,
 * no ".." climbing out, no symbolic link leading out) unless flags has
 * SCN_LOAD_ANYWHERE (--allow-outside); else IOP_EINPUT.
 */
#define SCN_LOAD_ANYWHERE	0x1
int	scenario_load(const char *path, struct scenario *sc, char **cause);
int	scenario_load_with(const char *path, unsigned flags,
	    struct scenario *sc, char **cause);

/*
 * Loads and validates len bytes of text, followed by a NUL as
 * cal_read_file() leaves them, as if read from path: messages name path,
 * and the files the scenario names are read relative to its folder.
 * Returns and leaves *sc as scenario_load() does; text is only read.
 */
int	scenario_load_text(const char *path, const char *text, size_t len,
	    struct scenario *sc, char **cause);

/* Validation shared with the store (after loading from the database). */
int	scenario_validate(const struct scenario *sc, const char *name,
	    char **cause);

/* Hex FNV-1a 64-bit digest of len bytes (caller frees). */
char	*scenario_hash(const char *text, size_t len);

void	scenario_release(struct scenario *sc);

#endif
