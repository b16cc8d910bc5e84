/*
 * The calendar benchmark of issue 3: expands every .ics file of a folder
 * over one 12-week window, the way `solve` expands each participant's
 * shift calendar, and then parses each once more with libical alone, to
 * tell what share of the time is libical's own parsing.
 *
 * Usage: bench_expand DIR [REPEAT]
 * Prints one line of key=value pairs (tests/bench/run makes the table):
 * files, bytes, intervals, read_s, expand_s, parse_s, per_cal_us,
 * parse_share, peak_rss_kib.  Exit 0, 1 when a file cannot be read or
 * is not valid (a benchmark of failures would measure nothing), 64 on
 * usage errors.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "cal.h"
#include "xmalloc.h"

/* 2026-12-07 to 2027-03-01, each at 00:00 America/Chicago. */
#define BENCH_FROM	INT64_C(1796623200)
#define BENCH_WEEKS	12
#define BENCH_ZONE	"America/Chicago"

struct bench_file {
	char	*path;
	char	*text;
	size_t	 len;
};

struct bench_set {
	struct bench_file *v;
	size_t	 n, cap;
	size_t	 bytes;
};

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(((const struct bench_file *)a)->path,
	    ((const struct bench_file *)b)->path);
}

/* Reads every *.ics of dir into s, sorted by name.  -1 with a message. */
static int
bench_read(const char *dir, struct bench_set *s)
{
	DIR *d;
	struct dirent *e;
	char *cause = NULL;
	size_t n;

	if ((d = opendir(dir)) == NULL) {
		perror(dir);
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		n = strlen(e->d_name);
		if (n < 4 || strcmp(e->d_name + n - 4, ".ics") != 0)
			continue;
		XGROW(s->v, s->cap, s->n + 1);
		s->v[s->n].path = xasprintf("%s/%s", dir, e->d_name);
		if (cal_read_file(s->v[s->n].path, &s->v[s->n].text,
		    &s->v[s->n].len, &cause) != 0) {
			fprintf(stderr, "bench_expand: %s\n", cause);
			free(cause);
			free(s->v[s->n].path);
			closedir(d);
			return -1;
		}
		s->bytes += s->v[s->n++].len;
	}
	closedir(d);
	if (s->n > 0)
		qsort(s->v, s->n, sizeof *s->v, name_cmp);
	return 0;
}

/* Expands every file of s; adds the intervals to *intervals.  -1 on error. */
static int
bench_expand(const struct bench_set *s, size_t *intervals)
{
	struct cal_expand_opts o = { BENCH_FROM,
	    BENCH_FROM + BENCH_WEEKS * 7 * INT64_C(86400), BENCH_ZONE, false };
	struct cal_busy_list busy = { 0 };
	char *cause = NULL;

	for (size_t i = 0; i < s->n; i++) {
		if (cal_expand_text(s->v[i].text, s->v[i].len, s->v[i].path,
		    &o, &busy, &cause) != 0) {
			fprintf(stderr, "bench_expand: %s\n", cause);
			free(cause);
			cal_busy_list_release(&busy);
			return -1;
		}
		*intervals += busy.n;
		cal_busy_list_release(&busy);
	}
	return 0;
}

/* libical's parse alone of every file of s.  -1 on error. */
static int
bench_parse(const struct bench_set *s)
{
	for (size_t i = 0; i < s->n; i++)
		if (cal_parse_only(s->v[i].text, s->v[i].len) != 0) {
			fprintf(stderr, "bench_expand: %s: libical cannot "
			    "parse it\n", s->v[i].path);
			return -1;
		}
	return 0;
}

static void
bench_release(struct bench_set *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->v[i].path);
		free(s->v[i].text);
	}
	free(s->v);
}

int
main(int argc, char **argv)
{
	struct bench_set s = { 0 };
	struct rusage ru;
	double t0, t, t_read, t_expand, t_parse;
	size_t intervals = 0;
	int repeat = argc > 2 ? atoi(argv[2]) : 1, ret = 1;

	if (argc < 2 || argc > 3 || repeat < 1) {
		fprintf(stderr, "usage: bench_expand DIR [REPEAT]\n");
		return 64;
	}
	t0 = now();
	if (bench_read(argv[1], &s) != 0)
		goto out;
	if (s.n == 0) {
		fprintf(stderr, "bench_expand: %s: no .ics files\n", argv[1]);
		goto out;
	}
	t_read = now() - t0;
	/* The best of REPEAT rounds of each pass, against a busy machine. */
	t_expand = t_parse = 1e300;
	for (int r = 0; r < repeat; r++) {
		intervals = 0;
		t0 = now();
		if (bench_expand(&s, &intervals) != 0)
			goto out;
		if ((t = now() - t0) < t_expand)
			t_expand = t;
		t0 = now();
		if (bench_parse(&s) != 0)
			goto out;
		if ((t = now() - t0) < t_parse)
			t_parse = t;
	}
	getrusage(RUSAGE_SELF, &ru);
	printf("files=%zu bytes=%zu intervals=%zu read_s=%.3f expand_s=%.3f "
	    "parse_s=%.3f per_cal_us=%.1f parse_share=%.3f peak_rss_kib=%ld\n",
	    s.n, s.bytes, intervals, t_read, t_expand, t_parse,
	    t_expand / (double)s.n * 1e6, t_parse / t_expand, ru.ru_maxrss);
	ret = 0;
out:
	bench_release(&s);
	return ret;
}
