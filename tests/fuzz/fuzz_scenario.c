/*
 * libFuzzer target for the scenario loader: scenario_load_text() on any
 * bytes must load a scenario, or fail with IOP_EINPUT or IOP_ENOFILE and
 * one line that names the file; never crash, leak, hang or read out of
 * bounds.  Seed corpus: tests/fuzz/corpus/scenario.
 *
 * The scenario claims to live in a folder that does not exist, so every
 * calendar or roster it names relative to itself is missing, which the
 * loader must report cleanly (tests/fuzz/fuzz_csv.c covers rosters).
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "fuzz.h"
#include "scenario.h"
#include "status.h"
#include "xmalloc.h"

#define FUZZ_DIR	"/nonexistent/iopsched-fuzz/"
#define FUZZ_PATH	FUZZ_DIR "fuzz.json"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool stdin_closed;
	struct scenario sc;
	char *text, *cause = NULL;
	int rc;

	/* An absolute path such as /dev/stdin must not wait for a reader. */
	if (!stdin_closed && freopen("/dev/null", "r", stdin) != NULL)
		stdin_closed = true;
	if (size > CAL_MAX_FILE_BYTES)
		return 0;
	/* The loader reads text as cal_read_file() leaves it: NUL after. */
	text = xmalloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	rc = scenario_load_text(FUZZ_PATH, text, size, &sc, &cause);
	if (rc == 0) {
		if (cause != NULL)
			abort();
		scenario_release(&sc);
	} else {
		if (rc != IOP_EINPUT && rc != IOP_ENOFILE)
			abort();
		fuzz_check_cause(cause, FUZZ_DIR);
		free(cause);
	}
	free(text);
	return 0;
}
