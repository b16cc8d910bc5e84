/* schedule.csv: RFC 4180, one row per participant session, CRLF. */
#include <string.h>

#include "output.h"
#include "xmalloc.h"

struct csv_buf {
	char	*v;
	size_t	n;
	size_t	cap;
};

static void
csv_put(struct csv_buf *b, const char *s, size_t len)
{
	XGROW(b->v, b->cap, b->n + len + 1);
	memcpy(b->v + b->n, s, len);
	b->n += len;
	b->v[b->n] = '\0';
}

/* A field, quoted only when it holds a comma, quote, CR or LF. */
static void
csv_field(struct csv_buf *b, const char *s, bool last)
{
	if (strpbrk(s, ",\"\r\n") == NULL)
		csv_put(b, s, strlen(s));
	else {
		csv_put(b, "\"", 1);
		for (const char *c = s; *c != '\0'; c++) {
			if (*c == '"')
				csv_put(b, "\"", 1);
			csv_put(b, c, 1);
		}
		csv_put(b, "\"", 1);
	}
	csv_put(b, last ? "\r\n" : ",", last ? 2 : 1);
}

char *
output_csv(const struct run *r, const struct output_filter *f)
{
	struct csv_buf b = { 0 };
	char start[40], end[40];

	csv_put(&b, "participant,group,start,end,makeup\r\n", 36);
	for (size_t i = 0; i < r->nparts; i++) {
		const struct run_participant *p = &r->parts[i];

		if (!output_keep_participant(r, f, p))
			continue;
		for (size_t k = 0; k < p->nsessions; k++) {
			const struct run_session *s = &p->sessions[k];

			output_time(r, s->start, start);
			output_time(r, s->end, end);
			csv_field(&b, p->id, false);
			csv_field(&b, s->group, false);
			csv_field(&b, start, false);
			csv_field(&b, end, false);
			csv_field(&b, s->makeup ? "true" : "false", true);
		}
	}
	return b.v;
}
