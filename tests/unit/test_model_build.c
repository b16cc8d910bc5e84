/*
 * cmd/model_build.c: a scenario on disk becomes the model the engine sees.
 * Pins down the time-zone and buffer arithmetic of SPEC sections 3 and 4:
 * instance times, participant weeks, buffered busy time, availability read
 * in the participant's own zone, and a clinician's TRANSP.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

#include "model_build.h"
#include "scenario.h"
#include "status.h"

#define DIR "tests/data/model/"

/* 2026-12-07 00:00 America/Chicago (UTC-6) in UTC seconds. */
#define MON0 INT64_C(1796623200)
#define H (INT64_C(3600))

struct fixture {
	struct scenario sc;
	struct sched_model m;
};

static int
setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	char *cause = NULL;

	if (scenario_load(DIR "scenario.json", &f->sc, &cause) != 0 ||
	    model_build(&f->sc, NULL, &f->m, &cause) != 0) {
		fprintf(stderr, "setup: %s\n", cause);
		free(cause);
		return -1;
	}
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	sched_model_release(&f->m);
	scenario_release(&f->sc);
	free(f);
	return 0;
}

static void
test_week_boundaries_are_local_mondays(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(f->m.weeks, 2);
	assert_int_equal(f->m.week_start[0], MON0);
	assert_int_equal(f->m.week_start[1], MON0 + 7 * 24 * H);
	assert_int_equal(f->m.week_start[2], MON0 + 14 * 24 * H);
}

static void
test_instances_at_local_time_in_program_zone(void **state)
{
	struct fixture *f = *state;
	const struct sched_instance *in = f->m.instances;

	assert_int_equal(f->m.ninstances, 4);
	/* Week 0, Monday 17:00 CST for 120 minutes. */
	assert_int_equal(in[0].start, MON0 + 17 * H);
	assert_int_equal(in[0].end, MON0 + 19 * H);
	/* Week 1, Wednesday 18:00 CST for 180 minutes. */
	assert_int_equal(in[3].week, 1);
	assert_int_equal(in[3].start, MON0 + (7 + 2) * 24 * H + 18 * H);
	assert_int_equal(in[3].end, in[3].start + 3 * H);
}

static void
test_participant_weeks_cut_at_program_end(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(f->m.participants[0].first_week, 0);
	assert_int_equal(f->m.participants[0].last_week, 1);
	/* P2 starts in week 1 for 4 weeks; the program has 2. */
	assert_int_equal(f->m.participants[1].first_week, 1);
	assert_int_equal(f->m.participants[1].last_week, 1);
}

static void
test_long_shift_gets_the_rest_buffer(void **state)
{
	struct fixture *f = *state;
	const struct sched_spans *b = &f->m.participants[0].busy;
	int64_t tue = MON0 + 24 * H;

	/* 07:00-19:00 is 12 h, long: [06:00, 19:00 + 10 h). */
	assert_int_equal(b->n, 2);
	assert_int_equal(b->v[0].start, tue + 6 * H);
	assert_int_equal(b->v[0].end, tue + 29 * H);
	/* 08:00-16:00 Wednesday of week 1 is short: [07:00, 16:30). */
	assert_int_equal(b->v[1].start, MON0 + 9 * 24 * H + 7 * H);
	assert_int_equal(b->v[1].end, MON0 + 9 * 24 * H + 16 * H + 30 * 60);
}

static void
test_availability_read_in_participant_zone(void **state)
{
	struct fixture *f = *state;

	/* Week 0 Monday 17:00 CST: P1 (Chicago) may; week 1 Monday 17:00 CST
	 * is 16:00 in Denver, before P2's 17:00 window. */
	assert_true(sched_can_attend(&f->m, 0, 0));
	assert_false(sched_can_attend(&f->m, 1, 2));
	/* Wednesday 18:00 CST is 17:00 MST: inside P2's window. */
	assert_true(sched_can_attend(&f->m, 1, 3));
	/* P2 has no week 0. */
	assert_false(sched_can_attend(&f->m, 1, 1));
}

static void
test_busy_shift_blocks_attendance(void **state)
{
	struct fixture *f = *state;

	/* Wednesday week 0, 18:00: P1's Tuesday long shift rests until
	 * Wednesday 05:00, so P1 may attend; the week-1 Wednesday short shift
	 * ends 16:30 with its buffer, so also fine. */
	assert_true(sched_can_attend(&f->m, 0, 1));
	assert_true(sched_can_attend(&f->m, 0, 3));
}

static void
test_clinician_calendar_honours_transp(void **state)
{
	struct fixture *f = *state;

	/* The opaque supervision meeting (week 1 Monday 17:00) blocks the
	 * instance; the transparent webinar on week 0 Wednesday does not. */
	assert_false(f->m.instances[2].clinician_free);
	assert_true(f->m.instances[1].clinician_free);
	assert_true(f->m.instances[0].clinician_free);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_week_boundaries_are_local_mondays),
		cmocka_unit_test(test_instances_at_local_time_in_program_zone),
		cmocka_unit_test(test_participant_weeks_cut_at_program_end),
		cmocka_unit_test(test_long_shift_gets_the_rest_buffer),
		cmocka_unit_test(test_availability_read_in_participant_zone),
		cmocka_unit_test(test_busy_shift_blocks_attendance),
		cmocka_unit_test(test_clinician_calendar_honours_transp),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
