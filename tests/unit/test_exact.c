/*
 * The solver against independent exact methods.  On random small models
 * (fixed seeds) the number placed must equal the true optimum and the
 * bound must never fall below it.  The optimum comes from an exhaustive
 * search over homes and makeups for tiny models, and for slightly larger
 * ones from a MIP that this file writes itself, rule by rule from SPEC
 * section 4 and the model's own predicates (never the engine's MIP or
 * its viability), as a CPLEX LP file solved by glpsol (Debian
 * glpk-utils).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "brute.h"
#include "rng.h"
#include "model_fixture.h"
#include "solution.h"
#include "status.h"

/* How far the exhaustive oracle may search before it gives up. */
#define BRUTE_MAX_LEAVES	400000L

/*
 * A random model: np participants, ng groups, weeks weeks, at most kmax
 * makeups a week.  Shifts, availability, agencies, pins and clinician
 * limits vary so that every rule can bind.
 */
static void
random_model(struct sched_model *m, uint32_t *x, int np, int ng, int weeks,
    int kmax)
{
	static const char *const tracks[] = { "fr", "nurse" };
	static const char *const st[] = { "TX", "OK" };
	int nc = 1 + rn(x, 3), ntracks = 1 + (rn(x, 4) == 0);
	char sessions[256], id[16];

	fx_init(m, weeks);
	m->makeups_per_week = rn(x, kmax + 1);
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
		    1 + rn(x, np > 6 ? 8 : 4), sessions);
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

static void
solve(const struct sched_model *m, struct sched_solution *s)
{
	char *cause = NULL;

	if (sched_solve(m, NULL, s, &cause) != 0)
		fail_msg("solve: %s", cause);
	if (sched_check(m, s, &cause) != 0)
		fail_msg("invalid: %s", cause);
	assert_true(sched_placed_count(s) <= s->bound);
}

/*
 * The independent MIP, written as a CPLEX LP file.  Variables: h_p_g
 * (home), o_g (open), k_p_i (makeup at instance i), and z0, fixed at 0,
 * which starts every sum so that an empty one is still a row.  Every instance
 * whose clinician is free and that p can attend gets a makeup variable;
 * nothing is pruned in advance.
 */
struct lpw {
	FILE	*f;
	int	row;
};

static bool
lp_runs(const struct sched_model *m, int i)
{
	return m->instances[i].clinician_free;
}

static bool
lp_home_ok(const struct sched_model *m, int p, int g)
{
	int pin = m->participants[p].pinned_home;

	return sched_compatible(m, p, g) && (pin < 0 || pin == g);
}

static bool
lp_makeup_ok(const struct sched_model *m, int p, int i)
{
	return lp_runs(m, i) && sched_compatible(m, p, m->instances[i].group) &&
	    sched_can_attend(m, p, i);
}

static bool
lp_overlap(const struct sched_model *m, int i, int j)
{
	return m->instances[i].start < m->instances[j].end &&
	    m->instances[j].start < m->instances[i].end;
}

/* Writes " + h_p_g" (when p's home g makes p attend i) and " + k_p_i". */
static int
lp_attend_terms(FILE *f, const struct sched_model *m, int p, int i)
{
	int g = m->instances[i].group, n = 0;

	if (lp_home_ok(m, p, g) && lp_runs(m, i) && sched_can_attend(m, p, i)) {
		fprintf(f, " + h_%d_%d", p, g);
		n++;
	}
	if (lp_makeup_ok(m, p, i)) {
		fprintf(f, " + k_%d_%d", p, i);
		n++;
	}
	return n;
}

/* Rules 3, 6 (home roll), 7 and 8. */
static void
lp_write_groups(struct lpw *w, const struct sched_model *m)
{
	for (int p = 0; p < m->nparticipants; p++) {
		fprintf(w->f, " r%d: 0 z0", w->row++);
		for (int g = 0; g < m->ngroups; g++)
			if (lp_home_ok(m, p, g))
				fprintf(w->f, " + h_%d_%d", p, g);
		fprintf(w->f, " <= 1\n");
		for (int g = 0; g < m->ngroups; g++)
			if (lp_home_ok(m, p, g))
				fprintf(w->f, " r%d: h_%d_%d - o_%d <= 0\n",
				    w->row++, p, g, g);
	}
	for (int g = 0; g < m->ngroups; g++) {
		for (int side = 0; side < 2; side++) {
			fprintf(w->f, " r%d: 0 z0", w->row++);
			for (int p = 0; p < m->nparticipants; p++)
				if (lp_home_ok(m, p, g))
					fprintf(w->f, " + h_%d_%d", p, g);
			if (side == 0)
				fprintf(w->f, " - %d o_%d <= 0\n",
				    m->groups[g].capacity, g);
			else
				fprintf(w->f, " - %d o_%d >= 0\n",
				    m->group_min, g);
		}
	}
	for (int c = 0; c < m->nclinicians; c++) {
		fprintf(w->f, " r%d: 0 z0", w->row++);
		for (int g = 0; g < m->ngroups; g++)
			if (m->groups[g].clinician == c)
				fprintf(w->f, " + %d o_%d",
				    m->groups[g].weekly_minutes, g);
		fprintf(w->f, " <= %d\n", m->clinicians[c].max_minutes);
		if (m->clinicians[c].max_groups < 0)
			continue;
		fprintf(w->f, " r%d: 0 z0", w->row++);
		for (int g = 0; g < m->ngroups; g++)
			if (m->groups[g].clinician == c)
				fprintf(w->f, " + o_%d", g);
		fprintf(w->f, " <= %d\n", m->clinicians[c].max_groups);
	}
	for (int i = 0; i < m->ninstances; i++)
		for (int j = 0; j < m->ninstances; j++) {
			int g = m->instances[i].group, h = m->instances[j].group;

			if (g < h && m->groups[g].clinician ==
			    m->groups[h].clinician && lp_runs(m, i) &&
			    lp_runs(m, j) && lp_overlap(m, i, j))
				fprintf(w->f, " r%d: o_%d + o_%d <= 1\n",
				    w->row++, g, h);
		}
}

/* Rules 4 and 5 for participant p. */
static void
lp_write_participant(struct lpw *w, const struct sched_model *m, int p)
{
	const struct sched_participant *pa = &m->participants[p];

	for (int i = 0; i < m->ninstances; i++) {
		int g = m->instances[i].group;

		if (!lp_makeup_ok(m, p, i))
			continue;
		fprintf(w->f, " r%d: k_%d_%d - o_%d <= 0\n", w->row++, p, i, g);
		fprintf(w->f, " r%d: k_%d_%d", w->row++, p, i);
		for (int h = 0; h < m->ngroups; h++)
			if (lp_home_ok(m, p, h) && h != g)
				fprintf(w->f, " - h_%d_%d", p, h);
		fprintf(w->f, " <= 0\n");
		/* Not over a home instance p attends in the same week. */
		for (int j = 0; j < m->ninstances; j++) {
			int h = m->instances[j].group;

			if (h != g && m->instances[j].week ==
			    m->instances[i].week && lp_home_ok(m, p, h) &&
			    lp_runs(m, j) && sched_can_attend(m, p, j) &&
			    lp_overlap(m, i, j))
				fprintf(w->f, " r%d: k_%d_%d + h_%d_%d <= 1\n",
				    w->row++, p, i, p, h);
			if (j > i && lp_makeup_ok(m, p, j) && lp_overlap(m, i, j))
				fprintf(w->f, " r%d: k_%d_%d + k_%d_%d <= 1\n",
				    w->row++, p, i, p, j);
		}
	}
	for (int wk = pa->first_week; wk <= pa->last_week; wk++) {
		fprintf(w->f, " r%d: 0 z0", w->row++);
		for (int i = 0; i < m->ninstances; i++)
			if (m->instances[i].week == wk && lp_makeup_ok(m, p, i))
				fprintf(w->f, " + k_%d_%d", p, i);
		fprintf(w->f, " <= %d\n", m->makeups_per_week);
		for (int side = 0; side < 2; side++) {
			fprintf(w->f, " r%d: 0 z0", w->row++);
			for (int g = 0; g < m->ngroups; g++) {
				int home = 0;

				if (!lp_home_ok(m, p, g))
					continue;
				for (int i = 0; i < m->ninstances; i++)
					if (m->instances[i].group == g &&
					    m->instances[i].week == wk &&
					    lp_runs(m, i) &&
					    sched_can_attend(m, p, i))
						home += m->instances[i].minutes;
				if (side == 0)
					home -= pa->min_minutes;
				fprintf(w->f, " %c %d h_%d_%d", home < 0 ? '-' :
				    '+', abs(home), p, g);
			}
			for (int i = 0; i < m->ninstances; i++)
				if (m->instances[i].week == wk &&
				    lp_makeup_ok(m, p, i))
					fprintf(w->f, " + %d k_%d_%d",
					    m->instances[i].minutes, p, i);
			if (side == 0)
				fprintf(w->f, " >= 0\n");
			else
				fprintf(w->f, " <= %d\n", m->max_minutes);
		}
	}
}

/* Rules 6 (per instance) and 9. */
static void
lp_write_instances(struct lpw *w, const struct sched_model *m)
{
	for (int i = 0; i < m->ninstances; i++) {
		int g = m->instances[i].group;

		if (!lp_runs(m, i))
			continue;
		fprintf(w->f, " r%d: 0 z0", w->row++);
		for (int p = 0; p < m->nparticipants; p++)
			lp_attend_terms(w->f, m, p, i);
		fprintf(w->f, " <= %d\n", m->groups[g].capacity);
		for (int p = 0; p < m->nparticipants; p++)
			for (int q = p + 1; q < m->nparticipants; q++) {
				const struct sched_participant *a =
				    &m->participants[p], *b = &m->participants[q];

				if (a->agency < 0 || a->agency != b->agency ||
				    !(a->separate || b->separate))
					continue;
				fprintf(w->f, " r%d: 0 z0", w->row++);
				lp_attend_terms(w->f, m, p, i);
				lp_attend_terms(w->f, m, q, i);
				fprintf(w->f, " <= 1\n");
			}
	}
}

static void
lp_write(FILE *f, const struct sched_model *m)
{
	struct lpw w = { f, 1 };

	fprintf(f, "Maximize\n obj: 0 z0");
	for (int p = 0; p < m->nparticipants; p++)
		for (int g = 0; g < m->ngroups; g++)
			if (lp_home_ok(m, p, g))
				fprintf(f, " + h_%d_%d", p, g);
	fprintf(f, "\nSubject To\n");
	lp_write_groups(&w, m);
	for (int p = 0; p < m->nparticipants; p++)
		lp_write_participant(&w, m, p);
	lp_write_instances(&w, m);
	fprintf(f, "Bounds\n z0 = 0\nBinary\n");
	for (int g = 0; g < m->ngroups; g++)
		fprintf(f, " o_%d\n", g);
	for (int p = 0; p < m->nparticipants; p++) {
		for (int g = 0; g < m->ngroups; g++)
			if (lp_home_ok(m, p, g))
				fprintf(f, " h_%d_%d\n", p, g);
		for (int i = 0; i < m->ninstances; i++)
			if (lp_makeup_ok(m, p, i))
				fprintf(f, " k_%d_%d\n", p, i);
	}
	fprintf(f, "End\n");
}

/* glpsol's proven optimum of the LP file's MIP; -1 when it has none. */
static int
glpsol_optimum(const struct sched_model *m)
{
	char lp[] = "/tmp/iopsched-oracle-XXXXXX", cmd[256], line[512];
	char out[sizeof lp + 4];
	FILE *f;
	int fd, best = -1;
	bool optimal = false;

	if ((fd = mkstemp(lp)) < 0 || (f = fdopen(fd, "w")) == NULL)
		fail_msg("cannot create the LP file");
	lp_write(f, m);
	if (fclose(f) != 0)
		fail_msg("cannot write the LP file");
	snprintf(out, sizeof out, "%s.out", lp);
	snprintf(cmd, sizeof cmd, "glpsol --lp %s -o %s >/dev/null 2>&1",
	    lp, out);
	if (system(cmd) != 0)
		fail_msg("glpsol failed on %s", lp);
	if ((f = fopen(out, "r")) == NULL)
		fail_msg("no glpsol output");
	while (fgets(line, sizeof line, f) != NULL) {
		if (strncmp(line, "Status:", 7) == 0)
			optimal = strstr(line, "INTEGER OPTIMAL") != NULL;
		if (strncmp(line, "Objective:", 10) == 0)
			sscanf(strchr(line, '=') + 1, "%d", &best);
	}
	fclose(f);
	unlink(lp);
	unlink(out);
	return optimal ? best : -1;
}

static bool
have_glpsol(void)
{
	return system("glpsol --version >/dev/null 2>&1") == 0;
}

/*
 * 150 random tiny models (one makeup a week at most): placed equals the
 * exhaustive optimum, and the bound is not below it.
 */
static void
exact_matches_exhaustive_search(void **state)
{
	int compared = 0, proven = 0, total = 0;

	(void)state;
	for (uint32_t seed = 1; seed <= 150; seed++) {
		struct sched_model m;
		struct sched_solution s;
		uint32_t x = seed * 2246822519u + 7;
		int opt;

		random_model(&m, &x, 1 + rn(&x, 6), 1 + rn(&x, 3), 2, 1);
		solve(&m, &s);
		opt = brute_optimum(&m, BRUTE_MAX_LEAVES);
		if (opt >= 0) {
			compared++;
			if (sched_placed_count(&s) != opt || s.bound < opt)
				fail_msg("seed %u: placed %d, optimum %d, bound"
				    " %d", seed, sched_placed_count(&s), opt,
				    s.bound);
			proven += s.bound == opt;
			total += opt;
		}
		sched_solution_release(&s);
		sched_model_release(&m);
	}
	print_message("exhaustive: %d models compared, %d proven optimal, %d"
	    " placed in all\n", compared, proven, total);
	assert_true(compared >= 100);
}

/*
 * Larger random models (up to 14 participants, 5 groups, 3 weeks, up to
 * two makeups a week) against glpsol on the independent MIP.
 */
static void
exact_matches_glpsol_mip(void **state)
{
	int compared = 0, proven = 0, total = 0;

	(void)state;
	if (!have_glpsol())
		fail_msg("glpsol not found: apt-get install glpk-utils");
	for (uint32_t seed = 1; seed <= 40; seed++) {
		struct sched_model m;
		struct sched_solution s;
		uint32_t x = seed * 374761393u + 11;
		int opt;

		random_model(&m, &x, 6 + rn(&x, 9), 2 + rn(&x, 4),
		    2 + rn(&x, 2), 2);
		solve(&m, &s);
		opt = glpsol_optimum(&m);
		if (opt < 0)
			fail_msg("seed %u: glpsol found no optimum", seed);
		compared++;
		if (sched_placed_count(&s) != opt || s.bound < opt)
			fail_msg("seed %u: placed %d, glpsol optimum %d, bound"
			    " %d", seed, sched_placed_count(&s), opt, s.bound);
		proven += s.bound == opt;
		total += opt;
		sched_solution_release(&s);
		sched_model_release(&m);
	}
	print_message("glpsol: %d models compared, %d proven optimal, %d"
	    " placed in all\n", compared, proven, total);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(exact_matches_exhaustive_search),
		cmocka_unit_test(exact_matches_glpsol_mip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
