/*
 * sched_explain(): for each group, the hours a participant could attend
 * week by week and the first rule that keeps them out while everyone else
 * stays put, and the single change that would place an unplaced one.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "explain.h"
#include "model_fixture.h"
#include "solution.h"

/* Six hours a week in two evening sessions. */
#define SIX_HOURS	"MO 18:00 180, WE 18:00 180"

/*
 * Two weeks; C1 (TX, at most one group) leads G1 (capacity cap, open with
 * P1) and G2 (closed, other times); C2 (TX) leads G3, of another track.
 */
static void
build(struct sched_model *m, int cap)
{
	int c1, c2;

	fx_init(m, 2);
	c1 = fx_clinician(m, "C1", "TX", 19, 1);
	c2 = fx_clinician(m, "C2", "TX", 19, -1);
	fx_group(m, "G1", "fr", c1, cap, SIX_HOURS);
	fx_group(m, "G2", "fr", c1, -1, "TU 18:00 180, TH 18:00 180");
	fx_group(m, "G3", "hc", c2, -1, SIX_HOURS);
	fx_participant(m, "P1", "fr", "TX", 6);
}

static void
explain(const struct sched_model *m, const struct sched_solution *s,
    const char *id, struct sched_explanation *e)
{
	int p = fx_participant_index(m, id);

	assert_true(p >= 0);
	assert_int_equal(sched_explain(m, s, p, e), 0);
	assert_int_equal(e->ngroups, m->ngroups);
}

static const struct sched_explain_group *
group(const struct sched_model *m, const struct sched_explanation *e,
    const char *id)
{
	int g = fx_group_index(m, id);

	assert_true(g >= 0);
	return &e->groups[g];
}

static void
placed_participant_has_home_and_hours_per_week(void **state)
{
	struct sched_model m;
	struct sched_solution s;
	struct sched_explanation e;
	const struct sched_explain_group *g1, *g2, *g3;

	(void)state;
	build(&m, -1);
	fx_prepare(&m);
	sched_solution_init(&s, &m);
	s.home[0] = fx_group_index(&m, "G1");
	explain(&m, &s, "P1", &e);
	assert_int_equal(e.home, fx_group_index(&m, "G1"));
	assert_int_equal(e.nweeks, 2);
	assert_int_equal(e.weeks[0].minutes, 360);
	assert_int_equal(e.weeks[1].minutes, 360);
	assert_int_equal(e.weeks[1].makeups, 0);
	g1 = group(&m, &e, "G1");
	g2 = group(&m, &e, "G2");
	g3 = group(&m, &e, "G3");
	assert_int_equal(g1->rule, SCHED_EXPLAIN_HOME);
	assert_true(g1->candidate);
	assert_int_equal(g1->members, 1);
	assert_int_equal(g1->home_minutes[0], 360);
	/* Without P1, G1 closes: nothing else runs for makeups. */
	assert_int_equal(g2->makeup_minutes[0], 0);
	/* C1 is free again once P1 leaves G1, so G2 could take them. */
	assert_int_equal(g2->rule, SCHED_EXPLAIN_FITS);
	assert_int_equal(g3->rule, SCHED_EXPLAIN_TRACK);
	assert_false(g3->candidate);
	sched_explanation_release(&e);
	sched_solution_release(&s);
	sched_model_release(&m);
}

static void
unlicensed_participant_names_licence_and_a_fix(void **state)
{
	struct sched_model m;
	struct sched_solution s;
	struct sched_explanation e;
	int g1;

	(void)state;
	build(&m, -1);
	fx_participant(&m, "P2", "fr", "OK", 6);
	fx_prepare(&m);
	g1 = fx_group_index(&m, "G1");
	sched_solution_init(&s, &m);
	s.home[0] = g1;
	explain(&m, &s, "P2", &e);
	assert_int_equal(e.home, -1);
	assert_int_equal(group(&m, &e, "G1")->rule, SCHED_EXPLAIN_LICENCE);
	assert_false(group(&m, &e, "G1")->candidate);
	assert_int_equal(group(&m, &e, "G1")->home_minutes[1], 360);
	assert_true(e.fix.found);
	assert_int_equal(e.fix.rule, SCHED_EXPLAIN_LICENCE);
	assert_int_equal(e.fix.group, g1);
	sched_explanation_release(&e);
	sched_solution_release(&s);
	sched_model_release(&m);
}

static void
full_group_and_clinician_limit_suggest_a_free_seat(void **state)
{
	struct sched_model m;
	struct sched_solution s;
	struct sched_explanation e;
	const struct sched_explain_group *g2;
	int g1;

	(void)state;
	build(&m, 1);
	fx_participant(&m, "P3", "fr", "TX", 6);
	fx_prepare(&m);
	g1 = fx_group_index(&m, "G1");
	sched_solution_init(&s, &m);
	s.home[0] = g1;
	explain(&m, &s, "P3", &e);
	assert_int_equal(group(&m, &e, "G1")->rule, SCHED_EXPLAIN_FULL);
	g2 = group(&m, &e, "G2");
	assert_int_equal(g2->rule, SCHED_EXPLAIN_CLINICIAN);
	assert_int_equal(g2->limit, SCHED_LIMIT_GROUPS);
	assert_true(e.fix.found);
	assert_int_equal(e.fix.rule, SCHED_EXPLAIN_FULL);
	assert_int_equal(e.fix.group, g1);
	sched_explanation_release(&e);
	sched_solution_release(&s);
	sched_model_release(&m);
}

static void
shifts_leave_too_few_hours_in_a_week(void **state)
{
	struct sched_model m;
	struct sched_solution s;
	struct sched_explanation e;
	const struct sched_explain_group *g1;
	int p;

	(void)state;
	build(&m, -1);
	p = fx_participant(&m, "P4", "fr", "TX", 6);
	fx_busy(&m, p, 1, 0, "17:00", 300);		/* Monday of week 2 */
	fx_prepare(&m);
	sched_solution_init(&s, &m);
	s.home[0] = fx_group_index(&m, "G1");
	explain(&m, &s, "P4", &e);
	g1 = group(&m, &e, "G1");
	assert_int_equal(g1->home_minutes[0], 360);
	assert_int_equal(g1->home_minutes[1], 180);
	assert_int_equal(g1->rule, SCHED_EXPLAIN_HOURS);
	assert_int_equal(g1->week, 1);
	assert_int_equal(g1->minutes, 180);
	/* G2 is closed: C1 already leads G1. */
	assert_int_equal(group(&m, &e, "G2")->rule, SCHED_EXPLAIN_CLINICIAN);
	assert_true(e.fix.found);
	assert_int_equal(e.fix.rule, SCHED_EXPLAIN_CLINICIAN);
	assert_int_equal(e.fix.group, fx_group_index(&m, "G2"));
	sched_explanation_release(&e);
	sched_solution_release(&s);
	sched_model_release(&m);
}

static void
agency_separation_names_the_colleague(void **state)
{
	struct sched_model m;
	struct sched_solution s;
	struct sched_explanation e;
	const struct sched_explain_group *g1;
	int p5;

	(void)state;
	build(&m, -1);
	p5 = fx_participant(&m, "P5", "fr", "TX", 6);
	fx_agency(&m, 0, "Metro Fire", 0);
	fx_agency(&m, p5, "metro fire", 1);
	fx_prepare(&m);
	sched_solution_init(&s, &m);
	s.home[0] = fx_group_index(&m, "G1");
	explain(&m, &s, "P5", &e);
	g1 = group(&m, &e, "G1");
	assert_int_equal(g1->rule, SCHED_EXPLAIN_AGENCY);
	assert_int_equal(g1->peer, 0);
	assert_int_equal(e.fix.rule, SCHED_EXPLAIN_AGENCY);
	assert_int_equal(e.fix.peer, 0);
	sched_explanation_release(&e);
	sched_solution_release(&s);
	sched_model_release(&m);
}

/* Two pinned to a group with one seat: the one left out hears why. */
static void
an_infeasible_pin_is_the_reason(void **state)
{
	struct sched_model m;
	struct sched_solution s;
	char *cause = NULL;
	int g1, p2, out;

	(void)state;
	build(&m, 1);
	p2 = fx_participant(&m, "P2", "fr", "TX", 6);
	g1 = fx_group_index(&m, "G1");
	m.participants[0].pinned_home = g1;
	m.participants[p2].pinned_home = g1;
	fx_prepare(&m);
	if (sched_solve(&m, NULL, &s, &cause) != 0)
		fail_msg("solve: %s", cause);
	out = s.home[0] < 0 ? 0 : p2;
	assert_int_equal(s.home[out], -1);
	assert_int_equal(s.home[out == 0 ? p2 : 0], g1);
	if (strncmp(s.reason[out], "pinned to G1: ", 14) != 0)
		fail_msg("reason '%s' does not start with the pin", s.reason[out]);
	sched_solution_release(&s);
	sched_model_release(&m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(placed_participant_has_home_and_hours_per_week),
		cmocka_unit_test(unlicensed_participant_names_licence_and_a_fix),
		cmocka_unit_test(full_group_and_clinician_limit_suggest_a_free_seat),
		cmocka_unit_test(shifts_leave_too_few_hours_in_a_week),
		cmocka_unit_test(agency_separation_names_the_colleague),
		cmocka_unit_test(an_infeasible_pin_is_the_reason),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
