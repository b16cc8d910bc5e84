/*
 * Internals of the scenario loader (cmd/scenario*.c), shared by its files
 * only: the error context, the typed JSON readers and the item parsers.
 *
 * Every reader returns 0 or IOP_EINPUT (the first error wins: it fills
 * c->cause once and later errors keep it).  A reader for an optional key
 * leaves *out untouched when the key is absent, so callers store the
 * default first.
 */
#ifndef IOP_SCENARIO_INT_H
#define IOP_SCENARIO_INT_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

#include "scenario.h"

/* Upper bounds that keep arithmetic on user numbers far from overflow. */
#define SCN_MAX_WEEKS		520	/* ten years of program */
#define SCN_MAX_COUNT		1000000	/* sizes, capacities, limits */
#define SCN_MAX_HOURS		168.0	/* the hours in a week */
#define SCN_MAX_MINUTES		10080	/* the minutes in a week */

/*
 * The documented limits of a scenario (README "Limits", iopsched.1
 * LIMITS), so that no input costs unbounded time or memory.  Each is far
 * above what a program needs: the largest benchmark has 20,000
 * participants, 1,539 groups and 1,099 clinicians.
 */
#define SCN_MAX_FILE_BYTES	(64L * 1024 * 1024)	/* JSON, CSV roster */
#define SCN_MAX_CALENDAR_TOTAL	(1024L * 1024 * 1024)	/* all calendars */
#define SCN_MAX_PARTICIPANTS	100000
#define SCN_MAX_CLINICIANS	10000
#define SCN_MAX_GROUPS		20000
#define SCN_MAX_SESSIONS	50	/* weekly sessions of one group */
#define SCN_MAX_WINDOWS		50	/* windows of the program or a person */
#define SCN_MAX_INSTANCES	2000000	/* group sessions x program weeks */
#define SCN_MAX_ID_BYTES	256	/* ids, names, e-mail addresses */
#define SCN_MAX_TEXT_BYTES	4096	/* crisis_text, video_url, paths */
#define SCN_QUOTE_MAX		64	/* bytes of user text in a message */
#define SCN_QBUF		(SCN_QUOTE_MAX + 4)
#define SCN_NOINDEX		((size_t)-1)

/* Where the loader is and how it names places in its messages. */
struct scn_ctx {
	const char *file;	/* the scenario as named on the command line */
	char	*dir;		/* its folder and '/'; "": the current one */
	bool	anywhere;	/* --allow-outside: paths may leave dir */
	long	calendar_bytes;	/* read, at most SCN_MAX_CALENDAR_TOTAL */
	char	*cause;		/* the first error, one line */
	/* Set while and after reading a CSV roster. */
	char	*roster;	/* its path, as used in messages */
	char	**columns;	/* its header */
	size_t	ncolumns;
	int	*lines;		/* physical line of each participant's record */
	size_t	nlines;
	size_t	caplines;
};

/* A place in the input: a JSON object by path, or a CSV record by line. */
struct scn_where {
	const char *path;	/* "participants[3]"; NULL: the top level */
	int	line;		/* > 0: a record of c->roster instead */
};

/*
 * Kinds of strings, by what they may hold.  Short is SCN_MAX_ID_BYTES,
 * long SCN_MAX_TEXT_BYTES; "text" may be empty and hold tabs and line
 * breaks but no other control character.
 */
enum scn_str {
	SCN_STR_ID,		/* non-empty, no control characters, short */
	SCN_STR_NAME,		/* text, short */
	SCN_STR_EMAIL,		/* an ID that is an address: local@domain */
	SCN_STR_LINE,		/* non-empty, no control characters, long */
	SCN_STR_TEXT		/* text, long */
};

/* scenario_msg.c: messages and paths. */
int	scn_fail(struct scn_ctx *c, const struct scn_where *w,
	    const char *key, const char *fmt, ...)
	    __attribute__((format(printf, 4, 5)));
int	scn_missing(struct scn_ctx *c, const struct scn_where *w,
	    const char *key);
const char *scn_quote(const char *s, char *buf);
char	*scn_child_path(const struct scn_where *w, const char *key,
	    size_t index);
int	scn_resolve(struct scn_ctx *c, const struct scn_where *w,
	    const char *key, const char *path, char **out);
void	scn_ctx_release(struct scn_ctx *c);

/* scenario_json.c: typed readers of one key of an object. */
int	scn_check_object(struct scn_ctx *c, const struct scn_where *w,
	    const cJSON *obj, const char *const *keys);
int	scn_get_string(struct scn_ctx *c, const struct scn_where *w,
	    const cJSON *obj, const char *key, enum scn_str kind, bool required,
	    char **out);
int	scn_get_int(struct scn_ctx *c, const struct scn_where *w,
	    const cJSON *obj, const char *key, int lo, int hi, bool required,
	    int *out);
int	scn_get_double(struct scn_ctx *c, const struct scn_where *w,
	    const cJSON *obj, const char *key, double hi, bool required,
	    double *out);
int	scn_get_bool(struct scn_ctx *c, const struct scn_where *w,
	    const cJSON *obj, const char *key, bool *out);
int	scn_get_array(struct scn_ctx *c, const struct scn_where *w,
	    const cJSON *obj, const char *key, bool required,
	    const cJSON **out);
int	scn_check_string(struct scn_ctx *c, const struct scn_where *w,
	    const char *key, const cJSON *item, enum scn_str kind);
int	scn_check_count(struct scn_ctx *c, const struct scn_where *w,
	    const char *key, const cJSON *arr, int max, const char *what);

/* scenario_time.c: dates, times, zones, windows, calendars. */
int	scn_get_date(struct scn_ctx *c, const struct scn_where *w,
	    const cJSON *obj, const char *key, bool required, int64_t *out);
int	scn_get_hhmm(struct scn_ctx *c, const struct scn_where *w,
	    const cJSON *obj, const char *key, int *out);
int	scn_get_zone(struct scn_ctx *c, const struct scn_where *w,
	    const cJSON *obj, const char *key, bool required, char **out);
int	scn_get_windows(struct scn_ctx *c, const struct scn_where *w,
	    const cJSON *obj, const char *key, struct scn_window **out,
	    size_t *nout, bool *given);
int	scn_get_calendar(struct scn_ctx *c, const struct scn_where *w,
	    const cJSON *obj, const char *key, struct scn_calendar *out);

/* scenario_program.c */
int	scn_parse_program(struct scn_ctx *c, const cJSON *obj,
	    struct scn_program *pg);

/* scenario_items.c */
int	scn_parse_clinicians(struct scn_ctx *c, const cJSON *arr,
	    struct scenario *sc);
int	scn_parse_groups(struct scn_ctx *c, const cJSON *arr,
	    struct scenario *sc);

/* scenario_participant.c */
enum scn_type { SCN_T_STRING, SCN_T_NUMBER, SCN_T_BOOL, SCN_T_LIST };
#define SCN_PARTICIPANT_FIELDS	14	/* the keys a participant may have */
/* The type of participant field key, or -1 when there is no such field. */
int	scn_participant_field(const char *key);
int	scn_parse_participant(struct scn_ctx *c, const struct scn_where *w,
	    const cJSON *obj, const struct scn_program *pg,
	    struct scn_participant *p);
int	scn_parse_participants(struct scn_ctx *c, const cJSON *arr,
	    struct scenario *sc);

/* scenario_csv.c: the roster at path (as written), appended to sc. */
int	scn_read_roster(struct scn_ctx *c, const char *path,
	    struct scenario *sc);
/* The same from len bytes of text; c->roster must name it for messages. */
int	scn_parse_roster(struct scn_ctx *c, const char *text, size_t len,
	    struct scenario *sc);

/* scenario_check.c: the cross-item checks of scenario_validate(). */
int	scn_check(struct scn_ctx *c, const struct scenario *sc);

/* scenario_program.c */
void	scn_window_defaults(struct scn_program *pg);

/* scenario.c: true when s[0..len) is UTF-8 without NUL; else *bad is set. */
bool	scn_utf8_valid(const char *s, size_t len, size_t *bad);

#endif
