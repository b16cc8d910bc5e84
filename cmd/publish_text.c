/*
 * The plain-text part of an invite: what a mail reader shows next to the
 * calendar part, with every session in the recipient's own time zone.  It
 * names no group, track or other person (a clinician's names the group).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "civil.h"
#include "publish_int.h"
#include "xmalloc.h"

static const char *const text_days[7] = {
	"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"
};
static const char *const text_months[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
	"Nov", "Dec"
};

char *
pub_instances_encode(const struct pub_event *e)
{
	char *out = xasprintf("%d:", e->minutes), *next;

	for (size_t i = 0; i < e->nstarts; i++) {
		next = xasprintf("%s%s%lld", out, i > 0 ? "," : "",
		    (long long)e->starts[i]);
		free(out);
		out = next;
	}
	return out;
}

/* Local wall seconds of utc in zone (UTC when the zone is unknown). */
static int64_t
text_local(const char *zone, int64_t utc)
{
	char *cause = NULL;
	int off = 0;

	if (cal_utc_offset(zone, utc, &off, &cause) != 0)
		free(cause);
	return utc + off;
}

/* "  Mon 7 Dec 2026, 18:00-21:00" as a line of out. */
static void
text_line(FILE *out, const char *zone, int64_t start, int minutes)
{
	int64_t a = text_local(zone, start);
	int64_t b = text_local(zone, start + (int64_t)minutes * 60);
	int64_t day = a >= 0 ? a / 86400 : (a - 86399) / 86400;
	int64_t bsec = (b % 86400 + 86400) % 86400;
	int y, m, d;

	civil_from_days(day, &y, &m, &d);
	fprintf(out, "  %s %d %s %d, %02d:%02d-%02d:%02d\n",
	    text_days[civil_weekday(day)], d, text_months[m - 1], y,
	    (int)((a - day * 86400) / 3600), (int)((a - day * 86400) / 60 % 60),
	    (int)(bsec / 3600), (int)(bsec / 60 % 60));
}

/* Every instance of "MINUTES:START,..." as a line in zone. */
static void
text_instances(FILE *out, const char *zone, const char *instances)
{
	const char *s = instances;
	char *end;
	int minutes = (int)strtol(s, &end, 10);

	if (*end != ':')
		return;
	for (s = end + 1; *s != '\0'; s = *end == ',' ? end + 1 : end) {
		long long start = strtoll(s, &end, 10);

		if (end == s)
			break;
		text_line(out, zone, (int64_t)start, minutes);
	}
}

static const char *
text_lead(const char *method, bool update)
{
	if (strcmp(method, "CANCEL") == 0)
		return "These sessions are cancelled";
	return update ? "Your sessions have changed; they are now" :
	    "You are invited to these sessions";
}

char *
pub_text(const struct pub_program *p, const char *method, bool update,
    const char *zone, const char *instances, const char *url,
    const char *group)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);

	if (out == NULL)
		return xstrdup(p->title);
	fprintf(out, "%s\n\n", p->title);
	if (group != NULL)
		fprintf(out, "Group %s\n", group);
	fprintf(out, "%s (times in %s):\n\n", text_lead(method, update),
	    zone);
	text_instances(out, zone, instances);
	if (strcmp(method, "CANCEL") != 0 && url != NULL)
		fprintf(out, "\nJoin by video: %s\n", url);
	if (group == NULL)
		fprintf(out, "\n%s\n", p->crisis);
	fprintf(out, "\nThe attached invitation updates your calendar.\n");
	if (fclose(out) != 0 || text == NULL) {
		free(text);
		return xstrdup(p->title);
	}
	return text;
}
