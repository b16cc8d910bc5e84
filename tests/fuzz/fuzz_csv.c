/*
 * libFuzzer target for the CSV roster reader: scn_parse_roster() on any
 * bytes, then the cross-item checks the loader runs next, into a fixed
 * scenario (tests/data/scenario/base.json without its participants).  It
 * must give participants or fail with IOP_EINPUT (IOP_ENOFILE for a
 * shifts calendar, which is always missing here) and one line that names
 * the roster; never crash, leak, hang or read out of bounds.  Seed corpus:
 * tests/fuzz/corpus/csv.
 */
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "fuzz.h"
#include "scenario_int.h"
#include "status.h"
#include "xmalloc.h"

#define FUZZ_DIR	"/nonexistent/iopsched-fuzz/"

static const char fuzz_base[] =
    "{\"program\": {\"timezone\": \"America/Chicago\", "
    "\"start\": \"2026-12-07\", \"weeks\": 12, \"min_hours_per_week\": 9, "
    "\"group_size\": {\"min\": 4, \"max\": 12}},"
    "\"clinicians\": ["
    "{\"id\": \"C1\", \"licensed_states\": [\"TX\", \"OK\"], "
    "\"max_hours_per_week\": 20},"
    "{\"id\": \"C2\", \"licensed_states\": [\"CA\"], "
    "\"max_hours_per_week\": 10}],"
    "\"groups\": ["
    "{\"id\": \"G1\", \"track\": \"first-responder\", \"clinician\": \"C1\", "
    "\"sessions\": [{\"day\": \"MO\", \"start\": \"18:00\", "
    "\"minutes\": 180}, {\"day\": \"SA\", \"start\": \"09:00\", "
    "\"minutes\": 180}]},"
    "{\"id\": \"G2\", \"track\": \"first-responder\", \"clinician\": \"C2\", "
    "\"sessions\": [{\"day\": \"TU\", \"start\": \"19:00\", "
    "\"minutes\": 120}]}],"
    "\"participants\": []}";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct scenario sc;
	struct scn_ctx c;
	char *cause = NULL;
	int rc;

	if (size > CAL_MAX_FILE_BYTES)
		return 0;
	if (scenario_load_text(FUZZ_DIR "fuzz.json", fuzz_base,
	    sizeof fuzz_base - 1, &sc, &cause) != 0)
		abort();
	/* The loader's context as scn_read_roster() leaves it. */
	memset(&c, 0, sizeof c);
	c.file = FUZZ_DIR "fuzz.json";
	c.dir = xstrdup(FUZZ_DIR);
	c.roster = xstrdup(FUZZ_DIR "roster.csv");
	rc = scn_parse_roster(&c, (const char *)data, size, &sc);
	if (rc == 0)
		rc = scn_check(&c, &sc);
	if (rc == 0) {
		if (c.cause != NULL)
			abort();
	} else {
		if (rc != IOP_EINPUT && rc != IOP_ENOFILE)
			abort();
		fuzz_check_cause(c.cause, FUZZ_DIR);
	}
	scn_ctx_release(&c);
	scenario_release(&sc);
	return 0;
}
