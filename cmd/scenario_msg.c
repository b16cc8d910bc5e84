/*
 * How the scenario loader names a place in its input: "demo.json:
 * participants[3].state: ..." for JSON, "roster.csv:14:3: ..." for a CSV
 * roster record, and how it quotes user text so that a message stays one
 * short line.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario_int.h"
#include "status.h"
#include "xmalloc.h"

/*
 * Copies s into buf (SCN_QBUF bytes) with control characters as '?' and,
 * past SCN_QUOTE_MAX bytes, cut at a character boundary with "...".
 * Returns buf.
 */
const char *
scn_quote(const char *s, char *buf)
{
	size_t n = 0;

	for (; n < SCN_QUOTE_MAX && s[n] != '\0'; n++) {
		unsigned char ch = (unsigned char)s[n];

		buf[n] = ch < 0x20 || ch == 0x7f ? '?' : (char)ch;
	}
	if (s[n] != '\0') {
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
		memcpy(buf + n, "...", 3);
		n += 3;
	}
	buf[n] = '\0';
	return buf;
}

/* The 1-based column of key in the roster's header, or 0. */
static size_t
scn_column(const struct scn_ctx *c, const char *key)
{
	if (key == NULL)
		return 0;
	for (size_t i = 0; i < c->ncolumns; i++)
		if (strcmp(c->columns[i], key) == 0)
			return i + 1;
	return 0;
}

/* The "FILE: PATH.KEY" or "ROSTER:LINE:COLUMN" prefix (caller frees). */
static char *
scn_place(const struct scn_ctx *c, const struct scn_where *w,
    const char *key)
{
	char qb[SCN_QBUF];
	size_t col;

	if (w != NULL && w->line > 0) {
		if ((col = scn_column(c, key)) > 0)
			return xasprintf("%s:%d:%zu", c->roster, w->line, col);
		return xasprintf("%s:%d", c->roster, w->line);
	}
	if (key != NULL)
		scn_quote(key, qb);
	if (w != NULL && w->path != NULL && key != NULL)
		return xasprintf("%s: %s.%s", c->file, w->path, qb);
	if (w != NULL && w->path != NULL)
		return xasprintf("%s: %s", c->file, w->path);
	if (key != NULL)
		return xasprintf("%s: %s", c->file, qb);
	return xstrdup(c->file);
}

static int	scn_vfail(struct scn_ctx *c, const struct scn_where *w,
		    const char *key, const char *fmt, va_list ap)
		    __attribute__((format(printf, 4, 0)));

static int
scn_vfail(struct scn_ctx *c, const struct scn_where *w, const char *key,
    const char *fmt, va_list ap)
{
	char *place, *what;

	if (c->cause != NULL)
		return IOP_EINPUT;
	place = scn_place(c, w, key);
	if (vasprintf(&what, fmt, ap) < 0)
		what = NULL;
	c->cause = xasprintf("%s: %s", place, what ? what : "invalid input");
	free(place);
	free(what);
	return IOP_EINPUT;
}

/*
 * Records "PLACE: what" as the error, unless one is recorded already, and
 * returns IOP_EINPUT.  key (may be NULL) is the member of the object at w
 * that is wrong; for a roster record it picks the column.
 */
int
scn_fail(struct scn_ctx *c, const struct scn_where *w, const char *key,
    const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = scn_vfail(c, w, key, fmt, ap);
	va_end(ap);
	return ret;
}

/* A required key that is absent: named in the text, not in the path. */
int
scn_missing(struct scn_ctx *c, const struct scn_where *w, const char *key)
{
	const char *at = w != NULL && w->line > 0 ? key : NULL;

	return scn_fail(c, w, at, "missing required key '%s'", key);
}

/*
 * The path of w's member key, or of its element index when index is not
 * SCN_NOINDEX: "program.windows[2]" (caller frees).
 */
char *
scn_child_path(const struct scn_where *w, const char *key, size_t index)
{
	const char *base = w != NULL ? w->path : NULL;

	if (index == SCN_NOINDEX)
		return base ? xasprintf("%s.%s", base, key) : xstrdup(key);
	if (base != NULL)
		return xasprintf("%s.%s[%zu]", base, key, index);
	return xasprintf("%s[%zu]", key, index);
}

/* True when relative path climbs above where it starts with "..". */
static bool
scn_climbs(const char *path)
{
	long depth = 0;
	size_t n;

	for (const char *s = path; *s != '\0'; s += n + (s[n] == '/')) {
		n = strcspn(s, "/");
		if (n == 2 && s[0] == '.' && s[1] == '.') {
			if (--depth < 0)
				return true;
		} else if (n > 0 && !(n == 1 && s[0] == '.'))
			depth++;
	}
	return false;
}

/*
 * True when file, inside dir by its name, resolves to a place outside
 * dir's real path through a symbolic link.  A file that does not resolve
 * (missing) is left for the reader to report.
 */
static bool
scn_links_out(const char *dir, const char *file)
{
	char *rdir = realpath(dir[0] != '\0' ? dir : ".", NULL);
	char *rfile = realpath(file, NULL);
	bool out = false;
	size_t n;

	if (rdir != NULL && rfile != NULL) {
		n = strlen(rdir);
		out = strcmp(rdir, "/") != 0 && (strncmp(rfile, rdir, n) != 0 ||
		    rfile[n] != '/');
	}
	free(rdir);
	free(rfile);
	return out;
}

/*
 * Sets *out (caller frees) to the file that path, the value of key at w,
 * names: relative to the scenario's folder, unless absolute.  Unless
 * c->anywhere (--allow-outside), a path that is absolute, climbs out with
 * "..", or leads out through a symbolic link is refused with IOP_EINPUT,
 * so that a scenario cannot make iopsched read, and store in its database,
 * a file from elsewhere on the machine.
 */
int
scn_resolve(struct scn_ctx *c, const struct scn_where *w, const char *key,
    const char *path, char **out)
{
	const char *why = NULL;
	char qb[SCN_QBUF];

	*out = NULL;
	if (!c->anywhere && path[0] == '/')
		why = "an absolute path";
	else if (!c->anywhere && scn_climbs(path))
		why = "it climbs out with '..'";
	if (why == NULL) {
		if (path[0] == '/')
			*out = xstrdup(path);
		else if (c->dir != NULL && c->dir[0] != '\0')
			*out = xasprintf("%s%s", c->dir, path);
		else	/* "./-": a file named "-" is not standard input. */
			*out = xasprintf("%s%s", strcmp(path, "-") == 0 ?
			    "./" : "", path);
		if (!c->anywhere && scn_links_out(c->dir != NULL ? c->dir :
		    "", *out))
			why = "a symbolic link leads out";
	}
	if (why == NULL)
		return 0;
	free(*out);
	*out = NULL;
	return scn_fail(c, w, key, "'%s' is outside the scenario's folder "
	    "(%s; --allow-outside allows it)", scn_quote(path, qb), why);
}

void
scn_ctx_release(struct scn_ctx *c)
{
	for (size_t i = 0; i < c->ncolumns; i++)
		free(c->columns[i]);
	free(c->columns);
	free(c->lines);
	free(c->roster);
	free(c->dir);
	free(c->cause);
	memset(c, 0, sizeof *c);
}
