/*
 * The solver as a whole: determinism, each level of the preference order
 * of SPEC section 4, the bound, and random models: every answer passes
 * sched_check(), and on tiny models an exhaustive search confirms that
 * placed <= optimum <= bound.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>

#include "brute.h"
#include "rng.h"
#include "model_fixture.h"
#include "rules.h"
#include "solution.h"
#include "solve.h"
#include "status.h"

/* How far the exhaustive oracle may search before it gives up. */
#define BRUTE_MAX_LEAVES	200000L

#define NINE_HOURS	"MO 18:00 180, WE 18:00 180, SA 09:00 180"

static void
solve(const struct sched_model *m, struct sched_solution *s)
{
	char *cause = NULL;

	if (sched_solve(m, NULL, s, &cause) != 0)
		fail_msg("solve: %s", cause);
	if (sched_check(m, s, &cause) != 0)
		fail_msg("invalid: %s", cause);
	assert_true(sched_placed_count(s) <= s->bound);
	assert_int_equal(s->optimal, sched_placed_count(s) == s->bound);
	for (int p = 0; p < m->nparticipants; p++)
		assert_true((s->home[p] < 0) == (s->reason[p] != NULL));
}

/* A random model of np participants and ng groups over weeks weeks. */
static void
random_model(struct sched_model *m, uint32_t *x, int np, int ng, int weeks)
{
	static const char *const tracks[] = { "fr", "nurse" };
	static const char *const st[] = { "TX", "OK" };
	int nc = 1 + rn(x, 2), ntracks = 1 + (rn(x, 4) == 0);
	char sessions[256], id[16];

	fx_init(m, weeks);
	m->makeups_per_week = rn(x, 3) == 0 ? 0 : 1 + (rn(x, 5) == 0);
	m->group_min = 1 + rn(x, 3);
	m->max_minutes = (8 + rn(x, 10)) * 60;
	for (int c = 0; c < nc; c++) {
		snprintf(id, sizeof id, "C%d", c + 1);
		fx_clinician(m, id, rn(x, 4) == 0 ? "OK" : rn(x, 2) ? "TX" :
		    "TX OK", 6 + rn(x, 14), rn(x, 3) == 0 ? 1 + rn(x, 2) : -1);
		if (rn(x, 3) == 0)
			fx_clinician_busy(m, c, rn(x, weeks), rn(x, 7), "17:00",
			    60 * (1 + rn(x, 6)));
	}
	for (int g = 0; g < ng; g++) {
		snprintf(id, sizeof id, "G%d", g + 1);
		random_sessions(x, sessions, sizeof sessions, 1 + rn(x, 3));
		fx_group(m, id, tracks[rn(x, ntracks)], rn(x, nc),
		    1 + rn(x, np > 6 ? 12 : 4), sessions);
	}
	for (int p = 0; p < np; p++) {
		int q;

		snprintf(id, sizeof id, "P%03d", p + 1);
		q = fx_participant(m, id, tracks[rn(x, ntracks)],
		    st[rn(x, 5) == 0], 1 + rn(x, 6));
		m->participants[q].first_week = rn(x, 3) == 0 ? rn(x, weeks) : 0;
		m->participants[q].last_week = weeks - 1 - (rn(x, 3) == 0 ?
		    rn(x, weeks - m->participants[q].first_week) : 0);
		for (int k = rn(x, 4); k > 0; k--)
			fx_busy(m, q, rn(x, weeks), rn(x, 7), "06:00",
			    60 * (4 + rn(x, 12)));
		if (rn(x, 4) == 0)
			fx_available(m, q, 0x1f, "17:00", "22:00");
		if (rn(x, 3) == 0)
			fx_agency(m, q, rn(x, 2) ? "Metro Fire" : "metro fire",
			    rn(x, 2));
		m->participants[q].prefer = rn(x, 3);
		m->participants[q].previous_home = rn(x, 3) == 0 ?
		    rn(x, ng) : -1;
		if (rn(x, 12) == 0)
			m->participants[q].pinned_home = rn(x, ng);
	}
	fx_prepare(m);
}

static bool
same_solution(const struct sched_solution *a, const struct sched_solution *b)
{
	if (a->nparticipants != b->nparticipants || a->nmakeups != b->nmakeups ||
	    a->bound != b->bound || a->optimal != b->optimal)
		return false;
	for (int p = 0; p < a->nparticipants; p++) {
		if (a->home[p] != b->home[p])
			return false;
		if ((a->reason[p] == NULL) != (b->reason[p] == NULL) ||
		    (a->reason[p] && strcmp(a->reason[p], b->reason[p]) != 0))
			return false;
	}
	for (size_t k = 0; k < a->nmakeups; k++)
		if (a->makeups[k].participant != b->makeups[k].participant ||
		    a->makeups[k].instance != b->makeups[k].instance)
			return false;
	return true;
}

/* Same model, same answer, to the reason strings. */
static void
solver_is_deterministic(void **state)
{
	struct sched_model m;
	struct sched_solution a, b;
	uint32_t x = 12345;

	(void)state;
	random_model(&m, &x, 30, 7, 12);
	solve(&m, &a);
	solve(&m, &b);
	assert_true(same_solution(&a, &b));
	sched_solution_release(&a);
	sched_solution_release(&b);
	sched_model_release(&m);
}

/* Level 2: participants stay in the group they had before. */
static void
solver_keeps_previous_home(void **state)
{
	struct sched_model m;
	struct sched_solution s;
	int c1, c2, g2;

	(void)state;
	for (int prev = 0; prev <= 1; prev++) {
		fx_init(&m, 2);
		c1 = fx_clinician(&m, "C1", "TX", 19, -1);
		c2 = fx_clinician(&m, "C2", "TX", 19, -1);
		fx_group(&m, "G1", "fr", c1, -1, NINE_HOURS);
		g2 = fx_group(&m, "G2", "fr", c2, -1,
		    "TU 18:00 180, TH 18:00 180, SU 09:00 180");
		for (int k = 0; k < 3; k++) {
			char id[16];
			int p;

			snprintf(id, sizeof id, "P%d", k + 1);
			p = fx_participant(&m, id, "fr", "TX", 9);
			m.participants[p].previous_home = prev ? g2 : -1;
		}
		fx_prepare(&m);
		solve(&m, &s);
		for (int p = 0; p < 3; p++)
			assert_int_equal(s.home[p], prev ? g2 : 0);
		sched_solution_release(&s);
		sched_model_release(&m);
	}
}

/* Level 3: four who fit either group share one open group. */
static void
solver_prefers_fewer_open_groups(void **state)
{
	struct sched_model m;
	struct sched_solution s;
	int c1;

	(void)state;
	fx_init(&m, 2);
	c1 = fx_clinician(&m, "C1", "TX", 19, -1);
	fx_group(&m, "G1", "fr", c1, 4, NINE_HOURS);
	fx_group(&m, "G2", "fr", c1, 4,
	    "TU 18:00 180, TH 18:00 180, SU 09:00 180");
	/* P1, P2 first take G2 (they can't attend G1's Monday) ... */
	for (int k = 0; k < 4; k++) {
		char id[16];

		snprintf(id, sizeof id, "P%d", k + 1);
		fx_participant(&m, id, "fr", "TX", 9);
	}
	fx_prepare(&m);
	solve(&m, &s);
	assert_int_equal(sched_placed_count(&s), 4);
	assert_int_equal(sched_open_count(&m, &s), 1);
	sched_solution_release(&s);
	sched_model_release(&m);
}

/* Level 4: with two open groups, P3 joins the one needing no makeup. */
static void
solver_prefers_fewer_makeups(void **state)
{
	struct sched_model m;
	struct sched_solution s;
	int c1, c2, g1, g2, p1, p2, p3;

	(void)state;
	fx_init(&m, 2);
	c1 = fx_clinician(&m, "C1", "TX", 19, -1);
	c2 = fx_clinician(&m, "C2", "TX", 19, -1);
	g1 = fx_group(&m, "G1", "fr", c1, -1, NINE_HOURS);
	g2 = fx_group(&m, "G2", "fr", c2, -1,
	    "TU 18:00 180, TH 18:00 180, SU 09:00 180");
	p1 = fx_participant(&m, "P1", "fr", "TX", 9);
	p2 = fx_participant(&m, "P2", "fr", "TX", 9);
	p3 = fx_participant(&m, "P3", "fr", "TX", 9);
	for (int w = 0; w < 2; w++) {
		fx_busy(&m, p1, w, 1, "00:00", 1440);	/* P1 only G1 */
		fx_busy(&m, p1, w, 3, "00:00", 1440);
		fx_busy(&m, p1, w, 6, "00:00", 1440);
		fx_busy(&m, p2, w, 0, "00:00", 1440);	/* P2 only G2 */
		fx_busy(&m, p2, w, 2, "00:00", 1440);
		fx_busy(&m, p2, w, 5, "00:00", 1440);
	}
	fx_busy(&m, p3, 1, 0, "12:00", 600);		/* G1 short once */
	m.participants[p1].previous_home = g1;
	m.participants[p2].previous_home = g2;
	fx_prepare(&m);
	solve(&m, &s);
	assert_int_equal(s.home[p1], g1);
	assert_int_equal(s.home[p2], g2);
	assert_int_equal(s.home[p3], g2);
	assert_int_equal(s.nmakeups, 0);
	sched_solution_release(&s);
	sched_model_release(&m);
}

/* Level 5: evening people in the weekday group, weekend people not. */
static void
solver_honours_prefer(void **state)
{
	struct sched_model m;
	struct sched_solution s;
	int c1, c2, g1, g2, p1, p2, p3, p4;

	(void)state;
	fx_init(&m, 1);
	c1 = fx_clinician(&m, "C1", "TX", 19, -1);
	c2 = fx_clinician(&m, "C2", "TX", 19, -1);
	g1 = fx_group(&m, "G1", "fr", c1, -1,
	    "MO 18:00 180, WE 18:00 180, TH 18:00 180");
	g2 = fx_group(&m, "G2", "fr", c2, -1, "SA 09:00 270, SU 09:00 270");
	p1 = fx_participant(&m, "P1", "fr", "TX", 9);
	p2 = fx_participant(&m, "P2", "fr", "TX", 9);
	p3 = fx_participant(&m, "P3", "fr", "TX", 9);
	p4 = fx_participant(&m, "P4", "fr", "TX", 9);
	fx_busy(&m, p1, 0, 5, "00:00", 2880);		/* P1 only G1 */
	fx_busy(&m, p2, 0, 0, "00:00", 1440 * 5);	/* P2 only G2 */
	m.participants[p3].prefer = SCHED_PREFER_WEEKEND;
	m.participants[p4].prefer = SCHED_PREFER_EVENING;
	fx_prepare(&m);
	solve(&m, &s);
	assert_int_equal(s.home[p1], g1);
	assert_int_equal(s.home[p2], g2);
	assert_int_equal(s.home[p3], g2);
	assert_int_equal(s.home[p4], g1);
	m.participants[p3].prefer = SCHED_PREFER_EVENING;
	m.participants[p4].prefer = SCHED_PREFER_WEEKEND;
	sched_solution_release(&s);
	solve(&m, &s);
	assert_int_equal(s.home[p3], g1);
	assert_int_equal(s.home[p4], g2);
	sched_solution_release(&s);
	sched_model_release(&m);
}

/* A pin to a group whose hours don't fit leaves the participant out. */
static void
solver_pin_that_cannot_work_leaves_unplaced_with_reason(void **state)
{
	struct sched_model m;
	struct sched_solution s;
	int c1, g1, g2, p1;

	(void)state;
	fx_init(&m, 1);
	c1 = fx_clinician(&m, "C1", "TX", 19, -1);
	g1 = fx_group(&m, "G1", "fr", c1, -1, NINE_HOURS);
	g2 = fx_group(&m, "G2", "fr", c1, -1, "TU 18:00 180");
	p1 = fx_participant(&m, "P1", "fr", "TX", 9);
	m.participants[p1].pinned_home = g2;
	fx_prepare(&m);
	solve(&m, &s);
	assert_int_equal(s.home[p1], -1);
	if (strstr(s.reason[p1], "shifts leave at most 6.0 h in week of"
	    " 2026-12-07 in group G2") == NULL)
		fail_msg("reason: %s", s.reason[p1]);
	m.participants[p1].pinned_home = g1;
	sched_solution_release(&s);
	solve(&m, &s);
	assert_int_equal(s.home[p1], g1);
	sched_solution_release(&s);
	sched_model_release(&m);
}

/* The solution stores makeups sorted and views agree with the state. */
static void
solver_views_agree(void **state)
{
	struct sched_model m;
	struct sched_solution s;
	uint32_t x = 777;

	(void)state;
	random_model(&m, &x, 30, 7, 12);
	solve(&m, &s);
	for (size_t k = 1; k < s.nmakeups; k++)
		assert_true(s.makeups[k - 1].participant <
		    s.makeups[k].participant ||
		    m.instances[s.makeups[k - 1].instance].start <
		    m.instances[s.makeups[k].instance].start);
	for (int p = 0; p < m.nparticipants; p++) {
		struct sched_attendance *v;
		size_t n = sched_participant_sessions(&m, &s, p, &v);
		bool mk;

		for (size_t k = 0; k < n; k++) {
			assert_true(sched_attends(&m, &s, p, v[k].instance, &mk));
			assert_int_equal(mk, v[k].makeup);
			assert_true(sched_instance_runs(&m, &s, v[k].instance));
			if (k > 0)
				assert_true(m.instances[v[k - 1].instance].start <
				    m.instances[v[k].instance].start);
		}
		free(v);
	}
	sched_solution_release(&s);
	sched_model_release(&m);
}

/*
 * 200 random tiny models: the solver's answer is valid, and placed <=
 * exhaustive optimum <= bound.
 */
static void
solver_random_models_valid_and_bounded(void **state)
{
	int suboptimal = 0, compared = 0, tight = 0;

	(void)state;
	for (uint32_t seed = 1; seed <= 200; seed++) {
		struct sched_model m;
		struct sched_solution s;
		uint32_t x = seed * 2654435761u;
		int opt;

		random_model(&m, &x, 1 + rn(&x, 6), 1 + rn(&x, 3), 2);
		solve(&m, &s);
		opt = brute_optimum(&m, BRUTE_MAX_LEAVES);
		if (opt >= 0) {
			compared++;
			if (sched_placed_count(&s) > opt || opt > s.bound)
				fail_msg("seed %u: placed %d, optimum %d, bound"
				    " %d", seed, sched_placed_count(&s), opt,
				    s.bound);
			if (sched_placed_count(&s) < opt)
				print_message("seed %u: placed %d < optimum %d\n",
				    seed, sched_placed_count(&s), opt);
			suboptimal += sched_placed_count(&s) < opt;
			tight += opt == s.bound;
		}
		sched_solution_release(&s);
		sched_model_release(&m);
	}
	print_message("random tiny models: %d compared exhaustively, %d"
	    " suboptimal, bound tight on %d\n", compared, suboptimal, tight);
	assert_true(compared >= 150);
}

/*
 * Demo-sized random models: every answer passes the checker and the bound
 * is never below what was placed.  Speed is `make bench`'s business, so
 * the time is only printed.
 */
static void
solver_demo_size_models_valid_and_bounded(void **state)
{
	double worst = 0;

	(void)state;
	for (uint32_t seed = 1; seed <= 20; seed++) {
		struct sched_model m;
		struct sched_solution s;
		uint32_t x = seed * 40503u + 17;
		char *cause = NULL;
		clock_t t0;
		double secs;

		random_model(&m, &x, 30, 7, 12);
		t0 = clock();
		solve(&m, &s);
		secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
		if (secs > worst)
			worst = secs;
		if (sched_check(&m, &s, &cause) != 0)
			fail_msg("seed %u: %s", seed, cause);
		assert_true(s.bound >= sched_placed_count(&s));
		sched_solution_release(&s);
		sched_model_release(&m);
	}
	print_message("30 participants, 7 groups, 12 weeks: worst %.4f s\n",
	    worst);
}

/* Every rule of SPEC section 4 holds in st; fails the test if not. */
static void
assert_state_valid(const struct sched_state *st, unsigned seed)
{
	char *cause = NULL;

	if (sched_check_state(st, &cause) != 0)
		fail_msg("seed %u: %s", seed, cause);
}

/*
 * Exact repair (solve_repair.c) sees what one move at a time cannot: A
 * sits in G1, the only group B can attend, and G2 (which A could attend
 * as well) is closed.  The neighbourhood's MIP moves A to G2, opening it,
 * and places B in G1.
 */
static void
repair_trades_homes_to_place_more(void **state)
{
	struct sched_model m;
	struct solve_ctx c;
	int g1, g2, a, b;

	(void)state;
	fx_init(&m, 2);
	m.makeups_per_week = 0;
	fx_clinician(&m, "C1", "TX", 20, -1);
	g1 = fx_group(&m, "G1", "fr", 0, 1, NINE_HOURS);
	g2 = fx_group(&m, "G2", "fr", 0, 1,
	    "TU 18:00 180, TH 18:00 180, SU 09:00 180");
	a = fx_participant(&m, "A", "fr", "TX", 9);
	b = fx_participant(&m, "B", "fr", "TX", 9);
	for (int w = 0; w < 2; w++)
		fx_busy(&m, b, w, 1, "17:00", 300);	/* Tuesdays */
	fx_prepare(&m);
	solve_ctx_init(&c, &m);
	c.work_limit = 1000000000L;
	sched_state_set_home(&c.st, a, g1);
	assert_state_valid(&c.st, 0);
	assert_int_equal(c.st.score.placed, 1);
	assert_true(solve_repair(&c));
	assert_state_valid(&c.st, 0);
	assert_int_equal(c.st.score.placed, 2);
	assert_int_equal(c.st.home[a], g2);
	assert_int_equal(c.st.home[b], g1);
	/* Nothing left to gain: a second pass changes nothing. */
	assert_false(solve_repair(&c));
	assert_int_equal(c.st.home[a], g2);
	solve_ctx_release(&c);
	sched_model_release(&m);
}

/*
 * On random models (a third with group_size.min 0), from the greedy
 * construction's schedule, repair never breaks a rule and never places
 * fewer; on some it places more.
 */
static void
repair_random_models_valid(void **state)
{
	int gained = 0;

	(void)state;
	for (uint32_t seed = 1; seed <= 150; seed++) {
		struct sched_model m;
		struct solve_ctx c;
		uint32_t x = seed * 2246822519u + 3;
		int before;

		random_model(&m, &x, 4 + rn(&x, 20), 2 + rn(&x, 4), 3);
		/* group_size.min 0: a group is still open only with a member. */
		if (seed % 3 == 0)
			m.group_min = 0;
		solve_ctx_init(&c, &m);
		c.work_limit = 1000000000L;
		solve_construct(&c);
		before = c.st.score.placed;
		(void)solve_repair(&c);
		assert_state_valid(&c.st, seed);
		assert_true(c.st.score.placed >= before);
		assert_true(c.st.score.placed <= c.bound);
		gained += c.st.score.placed > before;
		solve_ctx_release(&c);
		sched_model_release(&m);
	}
	print_message("repair placed more on %d of 150 greedy schedules\n",
	    gained);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(solver_is_deterministic),
		cmocka_unit_test(solver_keeps_previous_home),
		cmocka_unit_test(solver_prefers_fewer_open_groups),
		cmocka_unit_test(solver_prefers_fewer_makeups),
		cmocka_unit_test(solver_honours_prefer),
		cmocka_unit_test(solver_pin_that_cannot_work_leaves_unplaced_with_reason),
		cmocka_unit_test(solver_views_agree),
		cmocka_unit_test(solver_random_models_valid_and_bounded),
		cmocka_unit_test(solver_demo_size_models_valid_and_bounded),
		cmocka_unit_test(repair_trades_homes_to_place_more),
		cmocka_unit_test(repair_random_models_valid),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
