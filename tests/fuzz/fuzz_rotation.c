/*
 * libFuzzer target for the `rotation` command's arguments.  The input is
 * up to six lines, the values of PATTERN, --start, --tz, --weeks,
 * --shift-start and --hours (an empty or absent line: the option is not
 * given).  Each goes through the parser cmd/rotation.c uses, which must
 * keep its result in range; when all parse, cal_rotation_write() must
 * write a calendar or refuse with IOP_EUSAGE and a cause, and what it
 * writes must expand, through the importer, to every shift it declares.
 * Seed corpus: tests/fuzz/corpus/rotation.
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "fuzz.h"
#include "rotation_args.h"
#include "status.h"
#include "xmalloc.h"

enum { F_PATTERN, F_START, F_TZ, F_WEEKS, F_SHIFT_START, F_HOURS, F_N };

#define DAY_SECONDS	INT64_C(86400)

/* Splits the input at newlines into f (pointers into buf, which owns). */
static void
fuzz_fields(char *buf, char *f[F_N])
{
	char *p = buf, *nl;

	for (int i = 0; i < F_N; i++) {
		f[i] = p;
		if ((nl = strchr(p, '\n')) == NULL) {
			while (++i < F_N)
				f[i] = p + strlen(p);
			return;
		}
		*nl = '\0';
		p = nl + 1;
	}
}

/* The shifts text declares: the sum of its RRULEs' COUNTs. */
static size_t
fuzz_declared(const char *text)
{
	const char *p = text;
	size_t n = 0;

	while ((p = strstr(p, "COUNT=")) != NULL) {
		p += strlen("COUNT=");
		n += strtoul(p, NULL, 10);
	}
	return n;
}

/*
 * What is written must read back, through the importer, as every shift
 * it declares (overrides replace shifts, they add none).
 */
static void
fuzz_read_back(const struct cal_rotation *r, const char *text)
{
	struct cal_expand_opts o = { (r->start_day - 2) * DAY_SECONDS,
	    (r->start_day + 7 * r->weeks + 3) * DAY_SECONDS, r->zone, false };
	struct cal_busy_list busy = { 0 };
	char *cause = NULL;

	if (cal_expand_text(text, strlen(text), "rotation.ics", &o, &busy,
	    &cause) != 0 || busy.n == 0 || busy.n != fuzz_declared(text))
		abort();
	cal_busy_list_release(&busy);
}

/* Writes r and checks the result. */
static void
fuzz_write(const struct cal_rotation *r)
{
	char *text = NULL, *cause = NULL;
	int rc;

	rc = cal_rotation_write(r, &text, &cause);
	if (rc == 0) {
		if (text == NULL || cause != NULL)
			abort();
		fuzz_read_back(r, text);
	} else {
		/*
		 * No one-line check here: the message quotes the argument as
		 * typed, like argp's own, and the user typed any newline in it.
		 */
		if (rc != IOP_EUSAGE || text != NULL || cause == NULL)
			abort();
	}
	free(text);
	free(cause);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cal_rotation r = { 0 };
	char *buf, *f[F_N];
	int start_time = -1, shift_start = -1;
	bool ok = true;

	buf = xmalloc(size + 1);
	memcpy(buf, data, size);
	buf[size] = '\0';
	fuzz_fields(buf, f);
	r.pattern = f[F_PATTERN];
	if (rotation_parse_start(f[F_START], &r.start_day, &start_time) != 0)
		ok = false;
	else if (start_time < -1 || start_time >= 24 * 60)
		abort();
	ok = cal_zone_valid(f[F_TZ]) && ok;
	r.zone = f[F_TZ];
	if ((r.weeks = rotation_parse_weeks(f[F_WEEKS])) < 0)
		ok = false;
	else if (r.weeks < 1 || r.weeks > CAL_ROTATION_MAX_WEEKS)
		abort();
	if (f[F_SHIFT_START][0] != '\0' &&
	    (shift_start = rotation_parse_clock(f[F_SHIFT_START])) < 0)
		ok = false;
	else if (shift_start >= 24 * 60)
		abort();
	if (f[F_HOURS][0] != '\0' &&
	    (r.shift_minutes = rotation_parse_hours(f[F_HOURS])) < 0)
		ok = false;
	else if (r.shift_minutes > 24 * 60)
		abort();
	/* As rotation_end() in cmd/rotation.c: --shift-start over --start. */
	r.shift_start = shift_start >= 0 ? shift_start : start_time;
	if (ok)
		fuzz_write(&r);
	free(buf);
	return 0;
}
