/*
 * libFuzzer target for the iCalendar importer: cal_expand_text() on any
 * bytes must return 0, or IOP_EINPUT and one line that names the file;
 * never crash, leak, hang or read out of bounds.  Built by `make fuzz`
 * with clang -fsanitize=fuzzer,address,undefined; the seed corpus is
 * tests/fuzz/corpus/ical.
 *
 * The window is the twelve weeks from 2026-11-30 (the seed files' dates)
 * and the owner's zone America/Chicago; the input's length picks whether
 * TRANSP is honoured, so both readings are exercised.
 */
#include <assert.h>
#include <stdint.h>
#include <stdlib.h>

#include "cal.h"
#include "fuzz.h"
#include "status.h"

#define FUZZ_FROM	INT64_C(1796018400)	/* 2026-11-30T06:00:00Z */
#define FUZZ_WEEKS	12

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cal_expand_opts o = { FUZZ_FROM,
	    FUZZ_FROM + FUZZ_WEEKS * 7 * INT64_C(86400), "America/Chicago",
	    size % 2 == 1 };
	struct cal_busy_list busy = { 0 };
	char *cause = NULL;
	int rc;

	if (size > CAL_MAX_FILE_BYTES)
		return 0;
	rc = cal_expand_text((const char *)data, size, "fuzz.ics", &o, &busy,
	    &cause);
	/* Anything but a clean success or invalid input is a bug. */
	if (rc != 0 && rc != IOP_EINPUT)
		abort();
	if ((rc == 0) != (cause == NULL))
		abort();
	if (rc != 0)
		fuzz_check_cause(cause, "fuzz.ics");
	for (size_t i = 0; i < busy.n; i++)
		if (busy.v[i].end < busy.v[i].start ||
		    (i > 0 && busy.v[i - 1].start > busy.v[i].start))
			abort();
	free(cause);
	cal_busy_list_release(&busy);
	return 0;
}
