/*
 * A light scan of iCalendar text before libical parses it.  libical keeps
 * no line numbers and accepts a mismatched END, so this scan unfolds
 * lines (RFC 5545 section 3.1), checks the BEGIN/END nesting, and records
 * the line of every component and property so that errors found later
 * can name a line.  It does not read property values: libical does.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "cal_int.h"
#include "status.h"
#include "xmalloc.h"

struct scan {
	const char *name;
	struct cal_lines *m;
	char	**cause;
	size_t	*stack;			/* open components, indices */
	size_t	 depth, cap;
	char	*buf;			/* the logical line being read */
	size_t	 len, bufcap;
	int	 line;			/* where it starts */
};

static int
scan_fail(struct scan *s, int line, const char *msg, const char *arg)
{
	*s->cause = cal_one_line(xasprintf("%s:%d: %s%s", s->name, line, msg,
	    arg));
	return IOP_EINPUT;
}

/* Length of the valid UTF-8 sequence at p (n bytes left), 0 if invalid. */
static size_t
utf8_len(const unsigned char *p, size_t n)
{
	size_t k, i;
	unsigned c = p[0];
	uint32_t cp;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		k = 2, cp = c & 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		k = 3, cp = c & 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		k = 4, cp = c & 0x07;
	else
		return 0;
	if (n < k)
		return 0;
	for (i = 1; i < k; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (p[i] & 0x3f);
	}
	if ((k == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (k == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	return k;
}

static bool
utf8_valid(const char *p, size_t n)
{
	size_t i = 0, k;

	while (i < n) {
		if ((k = utf8_len((const unsigned char *)p + i, n - i)) == 0)
			return false;
		i += k;
	}
	return true;
}

static char *
upper_dup(const char *p, size_t n)
{
	char *s = xstrndup(p, n);
	size_t i;

	for (i = 0; i < n; i++)
		s[i] = (char)toupper((unsigned char)s[i]);
	return s;
}

/* Handles BEGIN:value (begin true) or END:value. */
static int
scan_nest(struct scan *s, bool begin, const char *value)
{
	struct cal_lines *m = s->m;
	struct cal_tcomp *top;
	size_t n = strlen(value);
	char *v;

	while (n > 0 && (value[n - 1] == ' ' || value[n - 1] == '\t'))
		n--;
	v = upper_dup(value, n);
	if (begin) {
		if (s->depth == 0 && strcmp(v, "VCALENDAR") != 0) {
			free(v);
			return scan_fail(s, s->line, m->ncomps == 0 ?
			    "not iCalendar: expected BEGIN:VCALENDAR, found "
			    "BEGIN:" : "outside VCALENDAR: BEGIN:", value);
		}
		XGROW(m->comps, m->capcomps, m->ncomps + 1);
		m->comps[m->ncomps] = (struct cal_tcomp){ v, s->line, NULL };
		XGROW(s->stack, s->cap, s->depth + 1);
		s->stack[s->depth++] = m->ncomps++;
		return 0;
	}
	if (s->depth == 0) {
		free(v);
		return scan_fail(s, s->line, "END without BEGIN: END:",
		    value);
	}
	top = &m->comps[s->stack[s->depth - 1]];
	if (strcmp(v, top->name) != 0) {
		*s->cause = cal_one_line(xasprintf("%s:%d: END:%s does not "
		    "match BEGIN:%s on line %d", s->name, s->line, v,
		    top->name, top->line));
		free(v);
		return IOP_EINPUT;
	}
	free(v);
	s->depth--;
	return 0;
}

/* Checks and records one unfolded content line. */
static int
scan_logical(struct scan *s)
{
	struct cal_lines *m = s->m;
	const char *p = s->buf;
	size_t n = 0;
	char *pname;

	while (isalnum((unsigned char)p[n]) || p[n] == '-')
		n++;
	if (m->ncomps == 0 && (n != 5 || strncasecmp(p, "BEGIN:", 6) != 0))
		return scan_fail(s, s->line,
		    "not iCalendar: expected BEGIN:VCALENDAR", "");
	if (n == 0 || (p[n] != ':' && p[n] != ';') || strchr(p, ':') == NULL)
		return scan_fail(s, s->line, "not an iCalendar content line",
		    "");
	if (n == 5 && strncasecmp(p, "BEGIN", 5) == 0 && p[n] == ':')
		return scan_nest(s, true, p + n + 1);
	if (n == 3 && strncasecmp(p, "END", 3) == 0 && p[n] == ':')
		return scan_nest(s, false, p + n + 1);
	if (s->depth == 0)
		return scan_fail(s, s->line, m->ncomps == 0 ?
		    "not iCalendar: expected BEGIN:VCALENDAR" :
		    "text after END:VCALENDAR", "");
	pname = upper_dup(p, n);
	XGROW(m->props, m->capprops, m->nprops + 1);
	m->props[m->nprops++] = (struct cal_tprop){ pname, s->line,
	    s->stack[s->depth - 1] };
	return 0;
}

static void
buf_append(struct scan *s, const char *p, size_t n)
{
	XGROW(s->buf, s->bufcap, s->len + n + 1);
	/* The analyzer lets len + n + 1 wrap to 0; n is a size in memory. */
	/* NOLINTNEXTLINE(clang-analyzer-core.NonNullParamChecker) */
	memcpy(s->buf + s->len, p, n);
	s->len += n;
	s->buf[s->len] = '\0';
}

/*
 * Feeds one physical line (without its line end): a line that starts
 * with a space or tab continues the previous one.
 */
static int
scan_physical(struct scan *s, const char *p, size_t n, int line)
{
	int ret;

	if (!utf8_valid(p, n))
		return scan_fail(s, line, "not valid UTF-8", "");
	if (memchr(p, '\0', n) != NULL)
		return scan_fail(s, line, "contains a NUL byte", "");
	if (n > 0 && (p[0] == ' ' || p[0] == '\t')) {
		if (s->line == 0)
			return scan_fail(s, line, "continuation line with "
			    "nothing to continue", "");
		buf_append(s, p + 1, n - 1);
		return 0;
	}
	if (s->line != 0 && (ret = scan_logical(s)) != 0)
		return ret;
	s->len = 0;
	s->line = 0;
	if (n == 0)
		return 0;
	buf_append(s, p, n);
	s->line = line;
	return 0;
}

int
cal_lines_scan(const char *text, size_t len, const char *name,
    struct cal_lines *m, char **cause)
{
	struct scan s = { .name = name, .m = m, .cause = cause };
	const char *p = text, *end = text + len, *nl;
	size_t n;
	int line = 0, ret = 0;

	memset(m, 0, sizeof *m);
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		n = (nl != NULL ? nl : end) - p;
		line++;
		if (n > 0 && p[n - 1] == '\r')
			n--;
		if ((ret = scan_physical(&s, p, n, line)) != 0)
			goto out;
		p = nl != NULL ? nl + 1 : end;
	}
	if ((ret = scan_physical(&s, "", 0, line + 1)) != 0)
		goto out;
	if (m->ncomps == 0) {
		*cause = xasprintf("%s: not iCalendar: the file is empty",
		    name);
		ret = IOP_EINPUT;
	} else if (s.depth > 0) {
		*cause = cal_one_line(xasprintf("%s:%d: BEGIN:%s has no END: "
		    "the file is truncated", name,
		    m->comps[s.stack[s.depth - 1]].line,
		    m->comps[s.stack[s.depth - 1]].name));
		ret = IOP_EINPUT;
	}
out:
	free(s.stack);
	free(s.buf);
	return ret;
}

/* Appends c and its descendants to list in pre-order. */
static void
collect(icalcomponent *c, icalcomponent ***list, size_t *n, size_t *cap)
{
	icalcompiter it;
	icalcomponent *ch;

	XGROW(*list, *cap, *n + 1);
	(*list)[(*n)++] = c;
	it = icalcomponent_begin_component(c, ICAL_ANY_COMPONENT);
	for (; (ch = icalcompiter_deref(&it)) != NULL; icalcompiter_next(&it))
		collect(ch, list, n, cap);
}

void
cal_lines_bind(struct cal_lines *m, icalcomponent *root)
{
	icalcomponent **list = NULL;
	icalcompiter it;
	icalcomponent *ch;
	icalcomponent_kind kind;
	size_t n = 0, cap = 0, i;

	if (icalcomponent_isa(root) == ICAL_XROOT_COMPONENT) {
		it = icalcomponent_begin_component(root, ICAL_ANY_COMPONENT);
		for (; (ch = icalcompiter_deref(&it)) != NULL;
		    icalcompiter_next(&it))
			collect(ch, &list, &n, &cap);
	} else
		collect(root, &list, &n, &cap);
	m->bound = n == m->ncomps;
	for (i = 0; m->bound && i < n; i++) {
		kind = icalcomponent_isa(list[i]);
		if (kind != ICAL_X_COMPONENT && strcmp(m->comps[i].name,
		    icalcomponent_kind_to_string(kind)) != 0)
			m->bound = false;
		m->comps[i].comp = list[i];
	}
	free(list);
}

static bool
find_comp(const struct cal_lines *m, const icalcomponent *c, size_t *idx)
{
	size_t i;

	for (i = 0; m->bound && c != NULL && i < m->ncomps; i++) {
		if (m->comps[i].comp == c) {
			*idx = i;
			return true;
		}
	}
	return false;
}

int
cal_lines_comp(const struct cal_lines *m, icalcomponent *c)
{
	size_t i;

	return find_comp(m, c, &i) ? m->comps[i].line : 0;
}

int
cal_lines_prop(const struct cal_lines *m, icalcomponent *c,
    const char *pname, size_t nth)
{
	size_t ci, i, seen = 0;
	int line;

	if (!find_comp(m, c, &ci))
		return 0;
	line = m->comps[ci].line;
	for (i = 0; i < m->nprops; i++) {
		if (m->props[i].comp != ci ||
		    strcasecmp(m->props[i].name, pname) != 0)
			continue;
		line = m->props[i].line;
		if (seen++ == nth)
			break;
	}
	return line;
}

void
cal_lines_release(struct cal_lines *m)
{
	size_t i;

	for (i = 0; i < m->ncomps; i++)
		free(m->comps[i].name);
	for (i = 0; i < m->nprops; i++)
		free(m->props[i].name);
	free(m->comps);
	free(m->props);
	memset(m, 0, sizeof *m);
}
