/*
 * SPEC section 4, rule by rule: for each rule a tiny model where that rule
 * decides the outcome.  (a) sched_check() rejects a hand-made schedule
 * breaking it, naming "rule N"; (b) sched_solve() obeys it the way the rule
 * forces, and every unplaced participant gets a reason that says why.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "model_fixture.h"
#include "solution.h"
#include "status.h"

/* Nine hours a week in three evening/weekend sessions. */
#define NINE_HOURS	"MO 18:00 180, WE 18:00 180, SA 09:00 180"

static void
expect_broken(const struct sched_model *m, const struct sched_solution *s,
    const char *rule)
{
	char *cause = NULL;

	assert_int_equal(sched_check(m, s, &cause), IOP_EINPUT);
	assert_non_null(cause);
	if (strncmp(cause, rule, strlen(rule)) != 0 ||
	    !(cause[strlen(rule)] == ':'))
		fail_msg("expected '%s', got '%s'", rule, cause);
	free(cause);
}

static void
expect_valid(const struct sched_model *m, const struct sched_solution *s)
{
	char *cause = NULL;

	if (sched_check(m, s, &cause) != 0)
		fail_msg("unexpectedly invalid: %s", cause);
}

static void
solve(const struct sched_model *m, struct sched_solution *s)
{
	char *cause = NULL;

	if (sched_solve(m, NULL, s, &cause) != 0)
		fail_msg("solve: %s", cause);
	expect_valid(m, s);
	assert_true(sched_placed_count(s) <= s->bound);
	for (int p = 0; p < m->nparticipants; p++)
		assert_true((s->home[p] < 0) == (s->reason[p] != NULL));
}

static void
expect_reason(const struct sched_solution *s, int p, const char *text)
{
	assert_int_equal(s->home[p], -1);
	assert_non_null(s->reason[p]);
	if (strstr(s->reason[p], text) == NULL)
		fail_msg("reason '%s' lacks '%s'", s->reason[p], text);
}

static void
add_makeup(struct sched_solution *s, const struct sched_model *m, int p,
    int i)
{
	sched_solution_add_makeup(s, m, p, i);
}

/*
 * Rule 1, a makeup in an instance whose clinician is busy, or whose group
 * is closed, is refused.
 */
static void
rule1_check_rejects_makeup_in_instance_that_does_not_run(void **state)
{
	struct sched_model m;
	struct sched_solution s;
	int c1, c2, g1, g2, p1, p2;

	(void)state;
	fx_init(&m, 1);
	c1 = fx_clinician(&m, "C1", "TX", 19, -1);
	c2 = fx_clinician(&m, "C2", "TX", 19, -1);
	g1 = fx_group(&m, "G1", "fr", c1, -1, "MO 18:00 180, WE 18:00 180");
	g2 = fx_group(&m, "G2", "fr", c2, -1, "TU 18:00 180, TH 18:00 180");
	p1 = fx_participant(&m, "P1", "fr", "TX", 9);
	p2 = fx_participant(&m, "P2", "fr", "TX", 3);
	fx_clinician_busy(&m, c2, 0, 3, "17:00", 300);
	fx_prepare(&m);
	sched_solution_init(&s, &m);
	s.home[p1] = g1;
	add_makeup(&s, &m, p1, fx_instance(&m, g2, 0, 0));
	expect_broken(&m, &s, "rule 1");	/* G2 closed */
	s.home[p2] = g2;
	expect_valid(&m, &s);
	sched_solution_release(&s);
	sched_solution_init(&s, &m);
	s.home[p1] = g1;
	s.home[p2] = g2;
	add_makeup(&s, &m, p1, fx_instance(&m, g2, 0, 1));	/* C2 busy */
	expect_broken(&m, &s, "rule 1");
	sched_solution_release(&s);
	sched_model_release(&m);
}

/*
 * Rule 1, a busy clinician cancels the Monday session: P1 is short in
 * week 0 and takes a makeup in G2 if G2 runs, else stays unplaced.
 */
static void
rule1_solve_busy_clinician_forces_makeup_or_unplaced(void **state)
{
	struct sched_model m;
	struct sched_solution s;
	int c1, c2, g1, g2, p1, p2;

	(void)state;
	for (int with_g2 = 0; with_g2 <= 1; with_g2++) {
		fx_init(&m, 2);
		c1 = fx_clinician(&m, "C1", "TX", 19, -1);
		c2 = fx_clinician(&m, "C2", "TX", 19, -1);
		g1 = fx_group(&m, "G1", "fr", c1, -1, NINE_HOURS);
		g2 = fx_group(&m, "G2", "fr", c2, -1, "TU 18:00 180");
		p1 = fx_participant(&m, "P1", "fr", "TX", 9);
		p2 = fx_participant(&m, "P2", "fr", "TX", with_g2 ? 3 : 12);
		fx_clinician_busy(&m, c1, 0, 0, "18:00", 60);
		fx_prepare(&m);
		solve(&m, &s);
		if (with_g2) {
			assert_int_equal(s.home[p1], g1);
			assert_int_equal(s.home[p2], g2);
			assert_int_equal(s.nmakeups, 1);
			assert_int_equal(s.makeups[0].instance,
			    fx_instance(&m, g2, 0, 0));
			assert_int_equal(sched_week_minutes(&m, &s, p1, 0), 540);
		} else {
			expect_reason(&s, p1,
			    "at most 6.0 h in week of 2026-12-07");
			expect_reason(&s, p2, "at most 9.0 h");
		}
		sched_solution_release(&s);
		sched_model_release(&m);
	}
}

/* Rule 2, a makeup the participant's shifts block is refused. */
static void
rule2_check_rejects_makeup_participant_cannot_attend(void **state)
{
	struct sched_model m;
	struct sched_solution s;
	int c1, c2, g1, g2, p1, p2;

	(void)state;
	fx_init(&m, 1);
	c1 = fx_clinician(&m, "C1", "TX", 19, -1);
	c2 = fx_clinician(&m, "C2", "TX", 19, -1);
	g1 = fx_group(&m, "G1", "fr", c1, -1, "MO 18:00 180, WE 18:00 180");
	g2 = fx_group(&m, "G2", "fr", c2, -1, "TU 18:00 180");
	p1 = fx_participant(&m, "P1", "fr", "TX", 9);
	p2 = fx_participant(&m, "P2", "fr", "TX", 3);
	fx_busy(&m, p1, 0, 1, "20:59", 1);	/* touches nothing but TU */
	fx_prepare(&m);
	sched_solution_init(&s, &m);
	s.home[p1] = g1;
	s.home[p2] = g2;
	add_makeup(&s, &m, p1, fx_instance(&m, g2, 0, 0));
	expect_broken(&m, &s, "rule 2");
	sched_solution_release(&s);
	sched_model_release(&m);
}

/*
 * Rule 2, shifts (with their buffer) and availability windows decide what
 * counts: a Wednesday shift in week 1 leaves 6 h; weekday-only
 * availability drops Saturday; a shift ending when a session starts does
 * not block it.
 */
static void
rule2_solve_shifts_and_availability_limit_hours(void **state)
{
	struct sched_model m;
	struct sched_solution s;
	int c1, g1, p1, p2, p3;

	(void)state;
	fx_init(&m, 2);
	c1 = fx_clinician(&m, "C1", "TX", 19, -1);
	g1 = fx_group(&m, "G1", "fr", c1, -1, NINE_HOURS);
	p1 = fx_participant(&m, "P1", "fr", "TX", 9);
	p2 = fx_participant(&m, "P2", "fr", "TX", 9);
	p3 = fx_participant(&m, "P3", "fr", "TX", 9);
	fx_busy(&m, p1, 1, 2, "07:00", 12 * 60);	/* WE 07-19 */
	fx_available(&m, p2, 0x1f, "17:00", "22:00");
	fx_busy(&m, p3, 0, 0, "06:00", 12 * 60);	/* ends at 18:00 */
	fx_prepare(&m);
	solve(&m, &s);
	expect_reason(&s, p1, "at most 6.0 h in week of 2026-12-14 in group G1");
	expect_reason(&s, p2, "at most 6.0 h in week of 2026-12-07");
	assert_int_equal(s.home[p3], g1);
	sched_solution_release(&s);
	sched_model_release(&m);
}

/*
 * Rule 2 reads buffered busy time (SPEC section 3): a long shift gets the
 * long rest after it, a short one the short buffer, and every shift the
 * buffer before; touching is fine.
 */
static void
rule2_buffered_shifts_block_sessions(void **state)
{
	struct sched_model m;
	struct sched_spans shifts = { NULL, 0, 0 };
	struct sched_buffers b = { 3600, 3600, 12 * 3600, 10 * 3600 };
	int c1, g1, p[4];

	(void)state;
	fx_init(&m, 1);
	c1 = fx_clinician(&m, "C1", "TX", 19, -1);
	g1 = fx_group(&m, "G1", "fr", c1, -1, "MO 18:00 180");
	for (int k = 0; k < 4; k++) {
		char id[16];

		snprintf(id, sizeof id, "P%d", k + 1);
		p[k] = fx_participant(&m, id, "fr", "TX", 3);
	}
	/* P1: 04:00-16:00, long: rest until 02:00.  P2: 09:00-17:00, short:
	 * free from 18:00, touching.  P3: from 22:00, buffer from 21:00,
	 * touching.  P4: from 21:30, buffer from 20:30: blocked. */
	const int64_t day = fx_time(0, 0, 0);
	const int64_t spans[4][2] = { { 4, 16 }, { 9, 17 }, { 22, 30 },
	    { 0, 0 } };
	for (int k = 0; k < 3; k++) {
		shifts.n = 0;
		sched_spans_add(&shifts, day + spans[k][0] * 3600,
		    day + spans[k][1] * 3600);
		sched_buffer_shifts(&shifts, &b, &m.participants[p[k]].busy);
	}
	shifts.n = 0;
	sched_spans_add(&shifts, day + 21 * 3600 + 1800, day + 30 * 3600);
	sched_buffer_shifts(&shifts, &b, &m.participants[p[3]].busy);
	sched_spans_release(&shifts);
	fx_prepare(&m);
	assert_false(sched_can_attend(&m, p[0], fx_instance(&m, g1, 0, 0)));
	assert_true(sched_can_attend(&m, p[1], fx_instance(&m, g1, 0, 0)));
	assert_true(sched_can_attend(&m, p[2], fx_instance(&m, g1, 0, 0)));
	assert_false(sched_can_attend(&m, p[3], fx_instance(&m, g1, 0, 0)));
	sched_model_release(&m);
}

/* Rule 3, a home of another track or an unlicensed clinician is refused. */
static void
rule3_check_rejects_incompatible_home(void **state)
{
	struct sched_model m;
	struct sched_solution s;
	int c1, c2, g1, g2, g3, p1;

	(void)state;
	fx_init(&m, 1);
	c1 = fx_clinician(&m, "C1", "TX", 19, -1);
	c2 = fx_clinician(&m, "C2", "OK", 19, -1);
	g1 = fx_group(&m, "G1", "fr", c1, -1, NINE_HOURS);
	g2 = fx_group(&m, "G2", "nurse", c1, -1, NINE_HOURS);
	g3 = fx_group(&m, "G3", "fr", c2, -1, NINE_HOURS);
	p1 = fx_participant(&m, "P1", "fr", "TX", 9);
	fx_prepare(&m);
	sched_solution_init(&s, &m);
	s.home[p1] = g1;
	expect_valid(&m, &s);
	s.home[p1] = g2;
	expect_broken(&m, &s, "rule 3");
	s.home[p1] = g3;
	expect_broken(&m, &s, "rule 3");
	m.participants[p1].pinned_home = g1;
	s.home[p1] = g1;
	expect_valid(&m, &s);
	m.participants[p1].pinned_home = g3;
	expect_broken(&m, &s, "rule 3");
	sched_solution_release(&s);
	sched_model_release(&m);
}

/* Rule 3, no licensed clinician, no group of the track, pins obeyed. */
static void
rule3_solve_track_licence_and_pin(void **state)
{
	struct sched_model m;
	struct sched_solution s;
	int c1, g1, g2, p1, p2, p3, p4;

	(void)state;
	fx_init(&m, 1);
	c1 = fx_clinician(&m, "C1", "TX", 19, -1);
	g1 = fx_group(&m, "G1", "first-responder", c1, -1, NINE_HOURS);
	g2 = fx_group(&m, "G2", "first-responder", c1, -1,
	    "TU 18:00 180, TH 18:00 180, SU 09:00 180");
	p1 = fx_participant(&m, "P1", "first-responder", "OK", 9);
	p2 = fx_participant(&m, "P2", "nurse", "TX", 9);
	p3 = fx_participant(&m, "P3", "first-responder", "TX", 9);
	p4 = fx_participant(&m, "P4", "first-responder", "TX", 9);
	m.participants[p3].pinned_home = g2;
	m.participants[p4].pinned_home = g2;
	fx_prepare(&m);
	solve(&m, &s);
	expect_reason(&s, p1,
	    "no first-responder group has a clinician licensed in OK");
	expect_reason(&s, p2, "no nurse group exists");
	assert_int_equal(s.home[p3], g2);
	assert_int_equal(s.home[p4], g2);
	assert_false(sched_group_open(&m, &s, g1));
	sched_solution_release(&s);
	sched_model_release(&m);
}

/*
 * Rule 4, makeups in the own home group, overlapping a home session, or
 * above makeups_per_week are refused.
 */
static void
rule4_check_rejects_bad_makeups(void **state)
{
	struct sched_model m;
	struct sched_solution s;
	int c1, c2, g1, g2, p1, p2;

	(void)state;
	fx_init(&m, 1);
	c1 = fx_clinician(&m, "C1", "TX", 19, -1);
	c2 = fx_clinician(&m, "C2", "TX", 19, -1);
	g1 = fx_group(&m, "G1", "fr", c1, -1, "MO 18:00 180, WE 18:00 180");
	g2 = fx_group(&m, "G2", "fr", c2, -1,
	    "TU 18:00 120, MO 19:00 60, TH 18:00 120");
	p1 = fx_participant(&m, "P1", "fr", "TX", 6);
	p2 = fx_participant(&m, "P2", "fr", "TX", 5);
	fx_prepare(&m);
	sched_solution_init(&s, &m);
	s.home[p1] = g1;
	s.home[p2] = g2;
	expect_valid(&m, &s);
	add_makeup(&s, &m, p1, fx_instance(&m, g1, 0, 0));
	expect_broken(&m, &s, "rule 4");	/* own home group */
	sched_solution_release(&s);
	sched_solution_init(&s, &m);
	s.home[p1] = g1;
	s.home[p2] = g2;
	add_makeup(&s, &m, p1, fx_instance(&m, g2, 0, 1));
	expect_broken(&m, &s, "rule 4");	/* overlaps MO 18:00 */
	sched_solution_release(&s);
	sched_solution_init(&s, &m);
	s.home[p1] = g1;
	s.home[p2] = g2;
	add_makeup(&s, &m, p1, fx_instance(&m, g2, 0, 0));
	expect_valid(&m, &s);
	add_makeup(&s, &m, p1, fx_instance(&m, g2, 0, 2));
	expect_broken(&m, &s, "rule 4");	/* two in one week */
	m.makeups_per_week = 2;
	expect_valid(&m, &s);
	sched_solution_release(&s);
	sched_model_release(&m);
}

/* Rule 4, makeups_per_week 0 versus 1 decides whether P1 is placed. */
static void
rule4_solve_makeups_per_week_changes_placement(void **state)
{
	struct sched_model m;
	struct sched_solution s;
	int c1, c2, g1, g2, p1, p2;

	(void)state;
	for (int k = 0; k <= 1; k++) {
		fx_init(&m, 2);
		m.makeups_per_week = k;
		c1 = fx_clinician(&m, "C1", "TX", 19, -1);
		c2 = fx_clinician(&m, "C2", "TX", 19, -1);
		g1 = fx_group(&m, "G1", "fr", c1, -1, NINE_HOURS);
		g2 = fx_group(&m, "G2", "fr", c2, -1, "TH 18:00 180");
		p1 = fx_participant(&m, "P1", "fr", "TX", 9);
		p2 = fx_participant(&m, "P2", "fr", "TX", 3);
		fx_busy(&m, p1, 1, 5, "00:00", 1440);	/* week 1 Saturday */
		fx_prepare(&m);
		solve(&m, &s);
		if (k == 0) {
			/* One open group is better than two. */
			assert_int_equal(s.home[p2], g1);
			expect_reason(&s, p1, "at most 6.0 h in week of"
			    " 2026-12-14");
		} else {
			assert_int_equal(s.home[p2], g2);
			assert_int_equal(s.home[p1], g1);
			assert_int_equal(s.nmakeups, 1);
			assert_int_equal(s.makeups[0].instance,
			    fx_instance(&m, g2, 1, 0));
		}
		sched_solution_release(&s);
		sched_model_release(&m);
	}
}

/* Rule 5, a short week or makeups without a home are refused. */
static void
rule5_check_rejects_short_week_and_homeless_makeups(void **state)
{
	struct sched_model m;
	struct sched_solution s;
	int c1, c2, g1, g2, p1, p2;

	(void)state;
	fx_init(&m, 2);
	c1 = fx_clinician(&m, "C1", "TX", 19, -1);
	c2 = fx_clinician(&m, "C2", "TX", 19, -1);
	g1 = fx_group(&m, "G1", "fr", c1, -1, NINE_HOURS);
	g2 = fx_group(&m, "G2", "fr", c2, -1, "TH 18:00 180");
	p1 = fx_participant(&m, "P1", "fr", "TX", 9);
	p2 = fx_participant(&m, "P2", "fr", "TX", 3);
	fx_busy(&m, p1, 1, 0, "12:00", 600);
	fx_prepare(&m);
	sched_solution_init(&s, &m);
	s.home[p1] = g1;
	s.home[p2] = g2;
	expect_broken(&m, &s, "rule 5");
	add_makeup(&s, &m, p1, fx_instance(&m, g2, 1, 0));
	expect_valid(&m, &s);
	s.home[p1] = -1;
	expect_broken(&m, &s, "rule 5");
	sched_solution_release(&s);
	sched_model_release(&m);
}

/* Rule 5, the weekly maximum keeps a participant out of a long group. */
static void
rule5_solve_weekly_maximum_and_minimum(void **state)
{
	struct sched_model m;
	struct sched_solution s;
	int c1, g1, p1, p2;

	(void)state;
	fx_init(&m, 1);
	m.max_minutes = 8 * 60;
	c1 = fx_clinician(&m, "C1", "TX", 19, -1);
	g1 = fx_group(&m, "G1", "fr", c1, -1, NINE_HOURS);
	p1 = fx_participant(&m, "P1", "fr", "TX", 6);
	p2 = fx_participant(&m, "P2", "fr", "TX", 6);
	fx_busy(&m, p2, 0, 5, "08:00", 240);
	fx_prepare(&m);
	solve(&m, &s);
	expect_reason(&s, p1, "hours outside [6.0, 8.0]: G1 9.0 h in week of 2026-12-07");
	assert_int_equal(s.home[p2], g1);
	assert_int_equal(sched_week_minutes(&m, &s, p2, 0), 360);
	sched_solution_release(&s);
	sched_model_release(&m);
}

/* Rule 6, too many home members or too many in one instance. */
static void
rule6_check_rejects_over_capacity(void **state)
{
	struct sched_model m;
	struct sched_solution s;
	int c1, c2, g1, g2, p[4];

	(void)state;
	fx_init(&m, 1);
	c1 = fx_clinician(&m, "C1", "TX", 19, -1);
	c2 = fx_clinician(&m, "C2", "TX", 19, -1);
	g1 = fx_group(&m, "G1", "fr", c1, 2, "MO 18:00 180, WE 18:00 180");
	g2 = fx_group(&m, "G2", "fr", c2, 2, "TU 18:00 180");
	for (int k = 0; k < 4; k++) {
		char id[16];

		snprintf(id, sizeof id, "P%d", k + 1);
		p[k] = fx_participant(&m, id, "fr", "TX", k < 3 ? 6 : 3);
	}
	fx_prepare(&m);
	sched_solution_init(&s, &m);
	s.home[p[0]] = s.home[p[1]] = s.home[p[2]] = g1;
	s.home[p[3]] = g2;
	expect_broken(&m, &s, "rule 6");
	s.home[p[2]] = -1;
	expect_valid(&m, &s);
	m.participants[p[0]].min_minutes = 9 * 60;
	m.participants[p[1]].min_minutes = 9 * 60;
	add_makeup(&s, &m, p[0], fx_instance(&m, g2, 0, 0));
	add_makeup(&s, &m, p[1], fx_instance(&m, g2, 0, 0));
	expect_broken(&m, &s, "rule 6");	/* G2 TU holds 3 > 2 */
	sched_solution_release(&s);
	sched_model_release(&m);
}

/* Rule 6, capacity 2 and three candidates: one stays out, "full". */
static void
rule6_solve_capacity_leaves_one_unplaced(void **state)
{
	struct sched_model m;
	struct sched_solution s;
	int c1, g1;

	(void)state;
	fx_init(&m, 2);
	c1 = fx_clinician(&m, "C1", "TX", 19, -1);
	g1 = fx_group(&m, "G1", "fr", c1, 2, NINE_HOURS);
	for (int k = 0; k < 3; k++) {
		char id[16];

		snprintf(id, sizeof id, "P%d", k + 1);
		fx_participant(&m, id, "fr", "TX", 9);
	}
	fx_prepare(&m);
	solve(&m, &s);
	assert_int_equal(sched_placed_count(&s), 2);
	assert_int_equal(s.bound, 2);
	assert_true(s.optimal);
	assert_int_equal(s.home[0], g1);
	assert_int_equal(s.home[1], g1);
	expect_reason(&s, 2, "no seat: every group they could attend is full"
	    " or closed (G1 full)");
	sched_solution_release(&s);
	sched_model_release(&m);
}

/* Rule 7, an open group below group_size.min. */
static void
rule7_check_rejects_group_below_minimum(void **state)
{
	struct sched_model m;
	struct sched_solution s;
	char *cause = NULL;
	int c1, g1;

	(void)state;
	fx_init(&m, 1);
	m.group_min = 3;
	c1 = fx_clinician(&m, "C1", "TX", 19, -1);
	g1 = fx_group(&m, "G1", "fr", c1, -1, NINE_HOURS);
	fx_participant(&m, "P1", "fr", "TX", 9);
	fx_participant(&m, "P2", "fr", "TX", 9);
	fx_prepare(&m);
	sched_solution_init(&s, &m);
	expect_valid(&m, &s);
	s.home[0] = s.home[1] = g1;
	assert_int_equal(sched_check(&m, &s, &cause), IOP_EINPUT);
	assert_string_equal(cause, "rule 7: group G1 is open with 2 home"
	    " members, below group_size.min 3");
	free(cause);
	sched_solution_release(&s);
	sched_model_release(&m);
}

/* Rule 7, group_size.min 3 with two candidates: nobody is placed. */
static void
rule7_solve_too_few_candidates_leave_group_closed(void **state)
{
	struct sched_model m;
	struct sched_solution s;
	int c1;

	(void)state;
	fx_init(&m, 1);
	m.group_min = 3;
	c1 = fx_clinician(&m, "C1", "TX", 19, -1);
	fx_group(&m, "G1", "fr", c1, -1, NINE_HOURS);
	fx_participant(&m, "P1", "fr", "TX", 9);
	fx_participant(&m, "P2", "fr", "TX", 9);
	fx_prepare(&m);
	solve(&m, &s);
	assert_int_equal(sched_placed_count(&s), 0);
	assert_int_equal(s.bound, 0);
	expect_reason(&s, 0, "can gather group_size.min 3 (G1)");
	expect_reason(&s, 1, "can gather group_size.min 3 (G1)");
	sched_solution_release(&s);
	sched_model_release(&m);
}

/* Rule 8, a clinician's group count, hours and overlapping groups. */
static void
rule8_check_rejects_clinician_overload(void **state)
{
	struct sched_model m;
	struct sched_solution s;
	int c1, g1, g2, g3;

	(void)state;
	fx_init(&m, 1);
	c1 = fx_clinician(&m, "C1", "TX", 19, 1);
	g1 = fx_group(&m, "G1", "fr", c1, -1, "MO 18:00 180, WE 18:00 180");
	g2 = fx_group(&m, "G2", "fr", c1, -1, "TU 18:00 180, TH 18:00 180");
	g3 = fx_group(&m, "G3", "fr", c1, -1, "MO 20:00 120, FR 18:00 240");
	fx_participant(&m, "P1", "fr", "TX", 6);
	fx_participant(&m, "P2", "fr", "TX", 6);
	fx_prepare(&m);
	sched_solution_init(&s, &m);
	s.home[0] = g1;
	s.home[1] = g2;
	expect_broken(&m, &s, "rule 8");	/* max_groups 1 */
	m.clinicians[c1].max_groups = -1;
	expect_valid(&m, &s);
	m.clinicians[c1].max_minutes = 11 * 60;
	expect_broken(&m, &s, "rule 8");	/* 12 h > 11 h */
	m.clinicians[c1].max_minutes = 19 * 60;
	s.home[1] = g3;
	expect_broken(&m, &s, "rule 8");	/* MO 20:00 overlaps */
	sched_solution_release(&s);
	sched_model_release(&m);
}

/*
 * Rule 8, one clinician, two overlapping groups: only one opens, and the
 * participant who could only attend the other is told why.
 */
static void
rule8_solve_overlapping_groups_open_one(void **state)
{
	struct sched_model m;
	struct sched_solution s;
	int c1, g1, g2, p1, p2, p3;

	(void)state;
	fx_init(&m, 1);
	c1 = fx_clinician(&m, "C1", "TX", 19, -1);
	g1 = fx_group(&m, "G1", "fr", c1, -1, "MO 18:00 180, WE 18:00 180");
	g2 = fx_group(&m, "G2", "fr", c1, -1, "MO 19:00 180, TH 18:00 180");
	p1 = fx_participant(&m, "P1", "fr", "TX", 6);
	p2 = fx_participant(&m, "P2", "fr", "TX", 6);
	p3 = fx_participant(&m, "P3", "fr", "TX", 6);
	fx_busy(&m, p1, 0, 3, "12:00", 600);	/* P1 only G1 */
	fx_busy(&m, p2, 0, 3, "12:00", 600);
	fx_busy(&m, p3, 0, 2, "12:00", 600);	/* P3 only G2 */
	fx_prepare(&m);
	solve(&m, &s);
	assert_int_equal(s.home[p1], g1);
	assert_int_equal(s.home[p2], g1);
	assert_false(sched_group_open(&m, &s, g2));
	expect_reason(&s, p3, "G2 closed (clinician C1 at limit)");
	sched_solution_release(&s);
	sched_model_release(&m);
}

/* Rule 9, separated colleagues in one instance, home or makeup. */
static void
rule9_check_rejects_separated_colleagues_together(void **state)
{
	struct sched_model m;
	struct sched_solution s;
	int c1, c2, g1, g2, p1, p2, p3;

	(void)state;
	fx_init(&m, 1);
	c1 = fx_clinician(&m, "C1", "TX", 19, -1);
	c2 = fx_clinician(&m, "C2", "TX", 19, -1);
	g1 = fx_group(&m, "G1", "fr", c1, -1, "MO 18:00 180, WE 18:00 180");
	g2 = fx_group(&m, "G2", "fr", c2, -1, "TU 18:00 180, TH 18:00 180");
	p1 = fx_participant(&m, "P1", "fr", "TX", 3);
	p2 = fx_participant(&m, "P2", "fr", "TX", 6);
	p3 = fx_participant(&m, "P3", "fr", "TX", 6);
	fx_agency(&m, p1, "Metro Fire", 1);
	fx_agency(&m, p2, "metro FIRE", 0);
	fx_busy(&m, p1, 0, 2, "12:00", 600);	/* P1 misses WE */
	fx_prepare(&m);
	sched_solution_init(&s, &m);
	s.home[p1] = g1;
	s.home[p2] = g1;
	s.home[p3] = g2;
	expect_broken(&m, &s, "rule 9");
	s.home[p2] = g2;
	expect_valid(&m, &s);
	add_makeup(&s, &m, p1, fx_instance(&m, g2, 0, 0));
	expect_broken(&m, &s, "rule 9");	/* makeup with P2 */
	m.participants[p1].separate = false;
	expect_valid(&m, &s);
	sched_solution_release(&s);
	sched_model_release(&m);
}

/*
 * Rule 9, two separated colleagues never share an instance: with two
 * groups they are split, with one group one of them stays out.
 */
static void
rule9_solve_separated_colleagues_never_share(void **state)
{
	struct sched_model m;
	struct sched_solution s;
	int c1, c2, p1, p2;

	(void)state;
	for (int groups = 1; groups <= 2; groups++) {
		fx_init(&m, 1);
		c1 = fx_clinician(&m, "C1", "TX", 19, -1);
		c2 = fx_clinician(&m, "C2", "TX", 19, -1);
		fx_group(&m, "G1", "fr", c1, -1, NINE_HOURS);
		if (groups == 2)
			fx_group(&m, "G2", "fr", c2, -1,
			    "TU 18:00 180, TH 18:00 180, SU 09:00 180");
		p1 = fx_participant(&m, "P1", "fr", "TX", 9);
		p2 = fx_participant(&m, "P2", "fr", "TX", 9);
		fx_agency(&m, p1, "Metro Fire", 1);
		fx_agency(&m, p2, "Metro Fire", 0);
		fx_prepare(&m);
		solve(&m, &s);
		if (groups == 2) {
			assert_int_equal(sched_placed_count(&s), 2);
			assert_int_not_equal(s.home[p1], s.home[p2]);
		} else {
			assert_int_equal(sched_placed_count(&s), 1);
			assert_int_equal(s.home[p1], 0);
			expect_reason(&s, p2, "agency separation from P1 in"
			    " every group they could attend");
		}
		sched_solution_release(&s);
		sched_model_release(&m);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(rule1_check_rejects_makeup_in_instance_that_does_not_run),
		cmocka_unit_test(rule1_solve_busy_clinician_forces_makeup_or_unplaced),
		cmocka_unit_test(rule2_check_rejects_makeup_participant_cannot_attend),
		cmocka_unit_test(rule2_solve_shifts_and_availability_limit_hours),
		cmocka_unit_test(rule2_buffered_shifts_block_sessions),
		cmocka_unit_test(rule3_check_rejects_incompatible_home),
		cmocka_unit_test(rule3_solve_track_licence_and_pin),
		cmocka_unit_test(rule4_check_rejects_bad_makeups),
		cmocka_unit_test(rule4_solve_makeups_per_week_changes_placement),
		cmocka_unit_test(rule5_check_rejects_short_week_and_homeless_makeups),
		cmocka_unit_test(rule5_solve_weekly_maximum_and_minimum),
		cmocka_unit_test(rule6_check_rejects_over_capacity),
		cmocka_unit_test(rule6_solve_capacity_leaves_one_unplaced),
		cmocka_unit_test(rule7_check_rejects_group_below_minimum),
		cmocka_unit_test(rule7_solve_too_few_candidates_leave_group_closed),
		cmocka_unit_test(rule8_check_rejects_clinician_overload),
		cmocka_unit_test(rule8_solve_overlapping_groups_open_one),
		cmocka_unit_test(rule9_check_rejects_separated_colleagues_together),
		cmocka_unit_test(rule9_solve_separated_colleagues_never_share),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
