/*
 * A CSV roster of participants (RFC 4180, header row) read with libcsv in
 * strict mode.  Each record becomes a JSON object of the participant
 * fields its header names (an empty cell: the key is absent) and goes
 * through the same parser as a participant written in the scenario, so the
 * rules live in one place.  Messages are "roster.csv:LINE:COLUMN: ...",
 * LINE the physical line where the record starts (1 = the header).
 */
#include <csv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "scenario_int.h"
#include "status.h"
#include "xmalloc.h"

struct scn_roster {
	struct scn_ctx *c;
	struct scenario *sc;
	size_t	cap;		/* of sc->participants */
	char	**cells;	/* the record being read */
	size_t	ncells;
	size_t	capcells;
	int	line;		/* physical line being read */
	int	rec_line;	/* line where the record began */
	bool	between;	/* no record begun since the last one ended */
	bool	header_done;
	int	ret;		/* the first error */
};

/* Records "ROSTER:LINE:COLUMN: what" as the error; returns IOP_EINPUT. */
static int	scn_csv_fail(struct scn_roster *r, int line, size_t col,
		    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static int
scn_csv_fail(struct scn_roster *r, int line, size_t col, const char *fmt, ...)
{
	va_list ap;
	char *what;

	if (r->c->cause == NULL) {
		va_start(ap, fmt);
		if (vasprintf(&what, fmt, ap) < 0)
			what = NULL;
		va_end(ap);
		r->c->cause = xasprintf("%s:%d:%zu: %s", r->c->roster, line,
		    col, what ? what : "invalid input");
		free(what);
	}
	r->ret = IOP_EINPUT;
	return IOP_EINPUT;
}

static void
scn_need(const void *p)
{
	if (p == NULL) {
		fputs("iopsched: out of memory building a roster record\n",
		    stderr);
		abort();
	}
}

/*
 * libcsv's field callback: keeps the cell, NUL terminated.  A record
 * longer than the header (or a header longer than the list of fields,
 * which must then repeat or misname one) fails at once, so that a line of
 * millions of empty cells costs no memory.
 */
static void
scn_csv_field(void *s, size_t len, void *data)
{
	struct scn_roster *r = data;
	size_t bad;

	if (r->ret != 0)
		return;
	if (!r->header_done && r->ncells == SCN_PARTICIPANT_FIELDS) {
		scn_csv_fail(r, 1, r->ncells + 1, "more columns than the %d "
		    "participant fields", SCN_PARTICIPANT_FIELDS);
		return;
	}
	if (r->header_done && r->ncells == r->c->ncolumns) {
		scn_csv_fail(r, r->rec_line, r->ncells + 1, "more fields "
		    "than the header's %zu", r->c->ncolumns);
		return;
	}
	if (memchr(s, '\0', len) != NULL || !scn_utf8_valid(s, len, &bad)) {
		scn_csv_fail(r, r->rec_line, r->ncells + 1,
		    "not valid UTF-8 text");
		return;
	}
	XGROW(r->cells, r->capcells, r->ncells + 1);
	r->cells[r->ncells++] = xstrndup(s, len);
}

/* Checks the header's cells and makes them the roster's columns. */
static int
scn_csv_header(struct scn_roster *r)
{
	char qb[SCN_QBUF];
	int type;

	for (size_t j = 0; j < r->ncells; j++) {
		const char *name = r->cells[j];

		if (name[0] == '\0')
			return scn_csv_fail(r, 1, j + 1, "empty column name");
		type = scn_participant_field(name);
		if (type == SCN_T_LIST)
			return scn_csv_fail(r, 1, j + 1, "'%s' is not allowed "
			    "in a CSV roster", name);
		if (type == -1)
			return scn_csv_fail(r, 1, j + 1, "unknown column '%s'",
			    scn_quote(name, qb));
		for (size_t k = 0; k < j; k++)
			if (strcmp(r->cells[k], name) == 0)
				return scn_csv_fail(r, 1, j + 1,
				    "column '%s' given twice", name);
	}
	r->c->columns = r->cells;
	r->c->ncolumns = r->ncells;
	r->cells = NULL;
	r->ncells = r->capcells = 0;
	r->header_done = true;
	return 0;
}

/* A number cell as JSON writes one: -?int(.digits)?([eE][+-]?digits)?. */
static bool
scn_csv_number(const char *s, double *out)
{
	const char *p = s;

	if (*p == '-')
		p++;
	if (*p == '0')
		p++;
	else if (*p >= '1' && *p <= '9')
		while (*p >= '0' && *p <= '9')
			p++;
	else
		return false;
	if (*p == '.') {
		if (*++p < '0' || *p > '9')
			return false;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p == 'e' || *p == 'E') {
		if (*++p == '+' || *p == '-')
			p++;
		if (*p < '0' || *p > '9')
			return false;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p != '\0')
		return false;
	*out = strtod(s, NULL);
	return true;
}

/* Adds cell j of the record to obj with its column's type. */
static int
scn_csv_cell(struct scn_roster *r, size_t j, cJSON *obj)
{
	const char *key = r->c->columns[j], *cell = r->cells[j];
	char qb[SCN_QBUF];
	double v;

	switch (scn_participant_field(key)) {
	case SCN_T_NUMBER:
		if (!scn_csv_number(cell, &v))
			return scn_csv_fail(r, r->rec_line, j + 1,
			    "'%s' is not a number", scn_quote(cell, qb));
		scn_need(cJSON_AddNumberToObject(obj, key, v));
		break;
	case SCN_T_BOOL:
		if (strcmp(cell, "true") != 0 && strcmp(cell, "false") != 0)
			return scn_csv_fail(r, r->rec_line, j + 1,
			    "'%s' is not a boolean (true or false)",
			    scn_quote(cell, qb));
		scn_need(cJSON_AddBoolToObject(obj, key, cell[0] == 't'));
		break;
	default:
		scn_need(cJSON_AddStringToObject(obj, key, cell));
		break;
	}
	return 0;
}

/* Turns a data record into a participant appended to the scenario. */
static int
scn_csv_record(struct scn_roster *r)
{
	struct scn_where w = { NULL, r->rec_line };
	struct scenario *sc = r->sc;
	struct scn_ctx *c = r->c;
	cJSON *obj;
	int ret = 0;

	if (r->ncells != c->ncolumns)
		return scn_csv_fail(r, r->rec_line, r->ncells < c->ncolumns ?
		    r->ncells + 1 : c->ncolumns + 1, "%zu fields where the "
		    "header has %zu", r->ncells, c->ncolumns);
	if (sc->nparticipants >= SCN_MAX_PARTICIPANTS)
		return scn_csv_fail(r, r->rec_line, 1, "more participants than "
		    "the limit of %d", SCN_MAX_PARTICIPANTS);
	scn_need(obj = cJSON_CreateObject());
	for (size_t j = 0; j < r->ncells && ret == 0; j++)
		if (r->cells[j][0] != '\0')
			ret = scn_csv_cell(r, j, obj);
	if (ret == 0) {
		XGROW(sc->participants, r->cap, sc->nparticipants + 1);
		memset(&sc->participants[sc->nparticipants], 0,
		    sizeof *sc->participants);
		XGROW(c->lines, c->caplines, c->nlines + 1);
		c->lines[c->nlines++] = r->rec_line;
		ret = scn_parse_participant(c, &w, obj, &sc->program,
		    &sc->participants[sc->nparticipants++]);
	}
	cJSON_Delete(obj);
	return r->ret = ret;
}

/* libcsv's record callback. */
static void
scn_csv_end(int ch, void *data)
{
	struct scn_roster *r = data;

	(void)ch;
	if (r->ret == 0) {
		if (!r->header_done)
			scn_csv_header(r);
		else
			scn_csv_record(r);
	}
	for (size_t j = 0; j < r->ncells; j++)
		free(r->cells[j]);
	r->ncells = 0;
	r->between = true;
}

/* RFC 4180 has no trimming: spaces belong to the field. */
static int
scn_csv_no_space(unsigned char ch)
{
	(void)ch;
	return 0;
}

/*
 * Feeds text to libcsv a byte at a time, so that the callbacks know the
 * physical line of each record.
 */
static void
scn_csv_feed(struct scn_roster *r, struct csv_parser *p, const char *text,
    size_t len)
{
	size_t i = 0;

	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		i = 3;			/* a UTF-8 byte order mark */
	for (; i < len && r->ret == 0; i++) {
		if (r->between && text[i] != '\r' && text[i] != '\n') {
			r->rec_line = r->line;
			r->between = false;
		}
		if (csv_parse(p, text + i, 1, scn_csv_field, scn_csv_end,
		    r) != 1) {
			scn_csv_fail(r, r->line, r->ncells + 1, "malformed "
			    "field (a stray quote, or text after a closing "
			    "quote)");
			return;
		}
		if (text[i] == '\n' || (text[i] == '\r' &&
		    (i + 1 == len || text[i + 1] != '\n')))
			r->line++;
	}
	if (r->ret == 0 && csv_fini(p, scn_csv_field, scn_csv_end, r) != 0)
		scn_csv_fail(r, r->rec_line, r->ncells + 1,
		    "quoted field not closed at the end of the file");
}

/*
 * Parses len bytes of roster text (c->roster names it in messages) and
 * appends its participants to sc.  IOP_EINPUT when invalid.
 */
int
scn_parse_roster(struct scn_ctx *c, const char *text, size_t len,
    struct scenario *sc)
{
	struct scn_roster r = { .c = c, .sc = sc, .line = 1, .rec_line = 1,
	    .between = true };
	struct csv_parser p;

	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0) {
		fputs("iopsched: out of memory starting the CSV parser\n",
		    stderr);
		abort();
	}
	csv_set_space_func(&p, scn_csv_no_space);
	scn_csv_feed(&r, &p, text, len);
	csv_free(&p);
	if (r.ret == 0 && !r.header_done)
		scn_csv_fail(&r, 1, 1, "no header row");
	for (size_t j = 0; j < r.ncells; j++)
		free(r.cells[j]);
	free(r.cells);
	return r.ret;
}

/*
 * Reads the roster at path (as written in the scenario, relative to its
 * folder) and appends its participants to sc.  IOP_ENOFILE when the file
 * is missing, unreadable or a directory; IOP_EINPUT when invalid.
 */
int
scn_read_roster(struct scn_ctx *c, const char *path, struct scenario *sc)
{
	char *text = NULL, *why = NULL;
	size_t len;
	int ret;

	if ((ret = scn_resolve(c, NULL, "participants", path,
	    &c->roster)) != 0)
		return ret;
	if ((ret = cal_read_file_max(c->roster, SCN_MAX_FILE_BYTES, &text,
	    &len, &why)) != 0)
		scn_fail(c, NULL, "participants", "%s",
		    why ? why : "cannot read");
	else
		ret = scn_parse_roster(c, text, len, sc);
	free(text);
	free(why);
	return ret;
}
