/*
 * cal_expand_text: iCalendar text to busy intervals (SPEC section 3).
 * The text is scanned for structure and line numbers, parsed by libical,
 * checked for the errors libical records as X-LIC-ERROR properties, and
 * then every VEVENT is read; events are grouped by UID so that overrides
 * meet their master, and VFREEBUSY periods are added.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal_int.h"
#include "status.h"
#include "xmalloc.h"

struct events {
	struct cal_event *v;
	size_t	 n, cap;
};

char *
cal_one_line(char *msg)
{
	for (char *p = msg; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	return msg;
}

int
cal_fail(struct cal_ctx *x, int line, const char *fmt, ...)
{
	va_list ap;
	char *msg;

	if (*x->cause != NULL)
		return IOP_EINPUT;
	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) == -1)
		msg = NULL;
	va_end(ap);
	if (line > 0)
		*x->cause = xasprintf("%s:%d: %s", x->name, line,
		    msg != NULL ? msg : "invalid input");
	else
		*x->cause = xasprintf("%s: %s", x->name,
		    msg != NULL ? msg : "invalid input");
	cal_one_line(*x->cause);
	free(msg);
	return IOP_EINPUT;
}

int
cal_prop_line(struct cal_ctx *x, icalcomponent *c, icalproperty *p)
{
	icalproperty_kind kind = icalproperty_isa(p);
	icalproperty *q;
	size_t nth = 0;

	for (q = icalcomponent_get_first_property(c, kind); q != NULL &&
	    q != p; q = icalcomponent_get_next_property(c, kind))
		nth++;
	return cal_lines_prop(&x->lines, c, icalproperty_get_property_name(p),
	    nth);
}

int
cal_emit(struct cal_ctx *x, int64_t start, int64_t end, const char *uid,
    const char *summary)
{
	struct cal_busy_list *l = x->out;
	const struct cal_expand_opts *o = x->o;

	if (start >= o->to || (end <= o->from && !(end == start &&
	    start >= o->from)))
		return 0;
	if (++x->emitted > CAL_MAX_INSTANCES)
		return cal_fail(x, 0, "more than %d busy intervals in the "
		    "window", CAL_MAX_INSTANCES);
	XGROW(l->v, l->cap, l->n + 1);
	l->v[l->n++] = (struct cal_busy){ start, end,
	    uid != NULL ? xstrdup(uid) : NULL,
	    summary != NULL ? xstrdup(summary) : NULL };
	return 0;
}

/* The first X-LIC-ERROR property under c (pre-order), or NULL. */
static icalproperty *
first_error(icalcomponent *c)
{
	icalproperty *p;
	icalcompiter it;
	icalcomponent *ch;

	p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY);
	if (p != NULL)
		return p;
	it = icalcomponent_begin_component(c, ICAL_ANY_COMPONENT);
	for (; (ch = icalcompiter_deref(&it)) != NULL; icalcompiter_next(&it))
		if ((p = first_error(ch)) != NULL)
			return p;
	return NULL;
}

/*
 * Reports the first error libical recorded, naming the property it
 * dropped and its line where the message says which it was.
 */
static int
report_error(struct cal_ctx *x, icalcomponent *root)
{
	icalproperty *p = first_error(root);
	icalcomponent *c = p != NULL ? icalproperty_get_parent(p) : NULL;
	const char *text = p != NULL ? icalproperty_get_xlicerror(p) : NULL;
	const char *v, *in;
	char pname[64] = "";
	int line = 0;

	if (text == NULL)
		return cal_fail(x, 0, "not valid iCalendar");
	if ((in = strstr(text, " in ")) != NULL)
		sscanf(in, " in %63[A-Za-z0-9-] property", pname);
	line = pname[0] != '\0' ? cal_lines_prop(&x->lines, c, pname, 0) :
	    cal_lines_comp(&x->lines, c);
	v = strstr(text, "property: ");
	v = v != NULL ? v + 10 : "";
	if (strcmp(pname, "RRULE") == 0 || strcmp(pname, "EXRULE") == 0) {
		if (strcasestr(v, "FREQ=") == NULL)
			return cal_fail(x, line, "%s has no FREQ", pname);
		if (strcasestr(v, "COUNT=") != NULL &&
		    strcasestr(v, "UNTIL=") != NULL)
			return cal_fail(x, line, "%s has both COUNT and UNTIL",
			    pname);
		return cal_fail(x, line, "bad %s '%s'", pname, v);
	}
	if (pname[0] != '\0')
		return cal_fail(x, line, "bad %s value '%s'", pname, v);
	return cal_fail(x, line, "not valid iCalendar: %s", text);
}

/* Reads every VEVENT and expands every VFREEBUSY of VCALENDAR cal. */
static int
read_calendar(struct cal_ctx *x, icalcomponent *cal, struct events *ev)
{
	icalcompiter it;
	icalcomponent *c;
	int ret = 0;

	it = icalcomponent_begin_component(cal, ICAL_ANY_COMPONENT);
	for (; ret == 0 && (c = icalcompiter_deref(&it)) != NULL;
	    icalcompiter_next(&it)) {
		if (icalcomponent_isa(c) == ICAL_VFREEBUSY_COMPONENT)
			ret = cal_freebusy_expand(x, c);
		if (icalcomponent_isa(c) != ICAL_VEVENT_COMPONENT)
			continue;
		XGROW(ev->v, ev->cap, ev->n + 1);
		ret = cal_event_read(x, c, &ev->v[ev->n]);
		ev->n++;
	}
	return ret;
}

static int
str_cmp(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a == NULL) - (b == NULL);
	return strcmp(a, b);
}

/* By UID (none last), masters before overrides, then text order. */
static int
event_cmp(const void *pa, const void *pb)
{
	const struct cal_event *a = *(struct cal_event *const *)pa;
	const struct cal_event *b = *(struct cal_event *const *)pb;
	int c;

	if ((c = str_cmp(a->uid, b->uid)) != 0)
		return c;
	if (a->has_rid != b->has_rid)
		return a->has_rid ? 1 : -1;
	return a < b ? -1 : a > b;
}

/* Expands events grouped by UID; an event without UID stands alone. */
static int
expand_events(struct cal_ctx *x, struct events *ev)
{
	struct cal_event **sorted, **g;
	size_t i, j, k, nm;
	int ret = 0;

	sorted = xreallocarray(NULL, ev->n + 1, sizeof *sorted);
	for (i = 0; i < ev->n; i++)
		sorted[i] = &ev->v[i];
	qsort(sorted, ev->n, sizeof *sorted, event_cmp);
	for (i = 0; i < ev->n && ret == 0; i = j) {
		j = i + 1;
		while (sorted[i]->uid != NULL && j < ev->n &&
		    str_cmp(sorted[i]->uid, sorted[j]->uid) == 0)
			j++;
		g = sorted + i;
		for (nm = 0; nm < j - i && !g[nm]->has_rid; nm++)
			continue;
		if (nm == 0)
			ret = cal_recur_expand(x, NULL, g, j - i, true);
		for (k = 0; k < nm && ret == 0; k++)
			ret = cal_recur_expand(x, g[k], g + nm, j - i - nm,
			    k == 0);
	}
	free(sorted);
	return ret;
}

static int
busy_cmp(const void *pa, const void *pb)
{
	const struct cal_busy *a = pa, *b = pb;
	int c;

	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end < b->end ? -1 : 1;
	if ((c = str_cmp(a->uid, b->uid)) != 0)
		return c;
	return str_cmp(a->summary, b->summary);
}

/* Parses text and expands every VCALENDAR in it. */
static int
expand_parsed(struct cal_ctx *x, const char *text, size_t len)
{
	struct events ev = { 0 };
	icalcomponent *root = NULL, *c;
	icalcompiter it;
	char *copy;
	size_t i;
	int ret = 0;

	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		text += 3, len -= 3;
	copy = xstrndup(text, len);
	icalerror_clear_errno();
	if ((root = icalparser_parse_string(copy)) == NULL) {
		ret = cal_fail(x, 0, "not iCalendar: libical cannot parse it");
		goto out;
	}
	cal_lines_bind(&x->lines, root);
	if (icalcomponent_count_errors(root) > 0) {
		ret = report_error(x, root);
		goto out;
	}
	if (icalcomponent_isa(root) == ICAL_VCALENDAR_COMPONENT)
		ret = read_calendar(x, root, &ev);
	it = icalcomponent_begin_component(root, ICAL_VCALENDAR_COMPONENT);
	for (; ret == 0 && icalcomponent_isa(root) == ICAL_XROOT_COMPONENT &&
	    (c = icalcompiter_deref(&it)) != NULL; icalcompiter_next(&it))
		ret = read_calendar(x, c, &ev);
	if (ret == 0)
		ret = expand_events(x, &ev);
out:
	for (i = 0; i < ev.n; i++)
		cal_event_release(&ev.v[i]);
	free(ev.v);
	if (root != NULL)
		icalcomponent_free(root);
	free(copy);
	return ret;
}

int
cal_expand_text(const char *text, size_t len, const char *name,
    const struct cal_expand_opts *o, struct cal_busy_list *out, char **cause)
{
	char *msg = NULL;
	struct cal_ctx x = { .name = name, .o = o, .out = out,
	    .cause = &msg };
	size_t n0 = out->n, i;
	int ret;

	icalerror_set_errors_are_fatal(0);
	x.owner = cal_tz_load(o->zone != NULL ? o->zone : "UTC");
	if (x.owner == NULL) {
		ret = cal_fail(&x, 0, "unknown time zone '%s'", o->zone);
		goto out;
	}
	if ((ret = cal_lines_scan(text, len, name, &x.lines, &msg)) != 0)
		goto out;
	if ((ret = expand_parsed(&x, text, len)) != 0)
		goto out;
	/* out->v is NULL while the list is empty: no pointer arithmetic. */
	if (out->n > n0)
		qsort(out->v + n0, out->n - n0, sizeof *out->v, busy_cmp);
out:
	cal_lines_release(&x.lines);
	if (ret != 0) {
		for (i = n0; i < out->n; i++) {
			free(out->v[i].uid);
			free(out->v[i].summary);
		}
		out->n = n0;
		*cause = msg;
	}
	return ret;
}
