/*
 * cmd/report_grid.c and the report's small renderers: the demo is solved
 * into a temporary database, and the report's grid (who attends which
 * session instance, each participant's home and makeup hours per week,
 * each clinician's load) must agree with the schedule JSON of the same
 * run (SPEC section 5), counted independently here.
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
#include <cjson/cJSON.h>

#include "civil.h"
#include "model_build.h"
#include "output.h"
#include "report.h"
#include "report_html.h"
#include "run_solution.h"
#include "solve_flow.h"
#include "store.h"
#include "xmalloc.h"

#define DEMO "fixtures/demo/scenario.json"

struct fixture {
	char	dir[64];
	struct run r;
	struct scenario sc;
	struct sched_model m;
	struct report_grid g;
	cJSON	*doc;		/* the run's schedule JSON */
};

/* Solves the demo into DIR/t.db and loads it back as `report` does. */
static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	struct solve_args a = { DEMO, NULL, 0, NULL, 0 };
	struct output_filter all = { NULL, NULL };
	struct store *st = NULL;
	struct run solved = { 0 };
	char *cause = NULL, *db, *text;
	int rc;

	strcpy(f->dir, "/tmp/iopsched-report.XXXXXX");
	if (mkdtemp(f->dir) == NULL) {
		free(f);
		return -1;
	}
	db = xasprintf("%s/t.db", f->dir);
	rc = solve_flow(db, &a, &solved, &cause);
	if (rc == 0 && (rc = store_open(db, STORE_READ, &st, &cause)) == 0 &&
	    (rc = store_load_run(st, 0, &f->r, &cause)) == 0)
		rc = store_load_scenario(st, &f->sc, &cause);
	store_close(st);
	if (rc == 0)
		rc = model_build(&f->sc, NULL, &f->m, &cause);
	run_release(&solved);
	unlink(db);
	free(db);
	if (rc != 0) {
		fprintf(stderr, "setup: %s\n", cause);
		free(cause);
		return -1;
	}
	report_grid_build(&f->r, &f->m, &f->g);
	text = output_json(&f->r, &all);
	f->doc = cJSON_Parse(text);
	free(text);
	*state = f;
	return f->doc != NULL ? 0 : -1;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	cJSON_Delete(f->doc);
	report_grid_release(&f->g);
	sched_model_release(&f->m);
	scenario_release(&f->sc);
	run_release(&f->r);
	rmdir(f->dir);
	free(f);
	return 0;
}

/* Program week of a "YYYY-MM-DD" or RFC 3339 local date. */
static int
week_of(const struct run *r, const char *date)
{
	int64_t days;
	char buf[11];

	snprintf(buf, sizeof buf, "%s", date);
	assert_int_equal(civil_parse_date(buf, &days), 0);
	return (int)((days - r->start) / 7);
}

static const struct report_group *
group(const struct fixture *f, const char *id)
{
	for (size_t k = 0; k < f->g.ngroups; k++)
		if (strcmp(f->g.groups[k].rg->id, id) == 0)
			return &f->g.groups[k];
	fail_msg("no group %s", id);
	return NULL;
}

/* How many sessions of the JSON start at start in group, home or makeup. */
static int
json_attending(const struct fixture *f, const char *grp, const char *start,
    bool makeup)
{
	const cJSON *p, *w, *s;
	int n = 0;

	cJSON_ArrayForEach(p, cJSON_GetObjectItem(f->doc, "participants"))
	    cJSON_ArrayForEach(w, cJSON_GetObjectItem(p, "weeks"))
	    cJSON_ArrayForEach(s, cJSON_GetObjectItem(w, "sessions"))
		n += strcmp(cJSON_GetObjectItem(s, "group")->valuestring,
		    grp) == 0 && strcmp(cJSON_GetObjectItem(s,
		    "start")->valuestring, start) == 0 &&
		    cJSON_IsTrue(cJSON_GetObjectItem(s, "makeup")) == makeup;
	return n;
}

static void
grid_cells_count_home_and_makeup_attendance_as_the_json(void **state)
{
	struct fixture *f = *state;
	int total = 0, makeups = 0;
	char start[40];

	assert_int_equal(f->g.unmatched, 0);
	assert_int_equal(f->g.weeks, 12);
	for (size_t k = 0; k < f->g.ngroups; k++) {
		const struct report_group *rgp = &f->g.groups[k];

		assert_non_null(rgp->mg);
		for (int w = 0; w < f->g.weeks; w++)
			for (int s = 0; s < rgp->mg->nsessions; s++) {
				const struct report_cell *c =
				    report_grid_cell(&f->g, rgp, w, s);
				int i = rgp->mg->first_instance +
				    w * rgp->mg->nsessions + s;

				output_time(&f->r, f->m.instances[i].start,
				    start);
				assert_int_equal(c->home, json_attending(f,
				    rgp->rg->id, start, false));
				assert_int_equal(c->makeups, json_attending(f,
				    rgp->rg->id, start, true));
				if (c->home + c->makeups > 0)
					assert_true(c->runs);
				if (!rgp->rg->open)
					assert_false(c->runs);
				assert_true(c->home + c->makeups <=
				    rgp->rg->capacity);
				total += c->home + c->makeups;
				makeups += c->makeups;
			}
	}
	assert_int_equal(makeups, f->r.makeups);
	assert_true(total > 0);
	assert_null(report_grid_cell(&f->g, group(f, "FR-NIGHTLY"), 12, 0));
	assert_null(report_grid_cell(&f->g, group(f, "FR-NIGHTLY"), 0, 6));
}

/* The run as an engine solution (caller releases). */
static void
solution(const struct fixture *f, struct sched_solution *s)
{
	struct run_notes notes;

	run_solution(&f->m, &f->r, s, &notes);
	assert_int_equal((int)notes.n, 0);
	run_notes_release(&notes);
}

static void
grid_runs_exactly_the_instances_the_engine_runs(void **state)
{
	struct fixture *f = *state;
	const struct report_group *night = group(f, "FR-NIGHTLY");
	struct sched_solution s;
	int i;

	solution(f, &s);
	for (size_t k = 0; k < f->g.ngroups; k++) {
		const struct report_group *rgp = &f->g.groups[k];
		int ns = rgp->mg->nsessions;

		for (int w = 0; w < f->g.weeks; w++)
			for (int j = 0; j < ns; j++)
				assert_int_equal(report_grid_cell(&f->g, rgp, w,
				    j)->runs, sched_instance_runs(&f->m, &s,
				    rgp->mg->first_instance + w * ns + j));
	}
	/* C1's calendar takes Thursday of the week of 2026-12-21 off. */
	i = night->mg->first_instance + 2 * night->mg->nsessions + 3;
	assert_false(f->m.instances[i].clinician_free);
	assert_false(report_grid_cell(&f->g, night, 2, 3)->runs);
	assert_false(report_grid_cell(&f->g, group(f, "FR-THU"), 0, 0)->runs ==
	    !group(f, "FR-THU")->rg->open);
	sched_solution_release(&s);
}

/* Minutes from RFC 3339 local start to end (same zone, within a day). */
static int
json_minutes(const cJSON *s)
{
	const char *a = cJSON_GetObjectItem(s, "start")->valuestring;
	const char *b = cJSON_GetObjectItem(s, "end")->valuestring;
	int ah, am, bh, bm, d;

	assert_int_equal(sscanf(a + 11, "%d:%d", &ah, &am), 2);
	assert_int_equal(sscanf(b + 11, "%d:%d", &bh, &bm), 2);
	d = (bh * 60 + bm) - (ah * 60 + am);
	return d <= 0 ? d + 1440 : d;
}

static const struct report_part *
part(const struct fixture *f, const char *id)
{
	for (size_t k = 0; k < f->g.nparts; k++)
		if (strcmp(f->g.parts[k].rp->id, id) == 0)
			return &f->g.parts[k];
	fail_msg("no participant %s", id);
	return NULL;
}

/* Checks one JSON participant's weeks against the grid's. */
static void
check_part(const struct fixture *f, const cJSON *p)
{
	const struct report_part *pp = part(f, cJSON_GetObjectItem(p,
	    "id")->valuestring);
	const cJSON *w, *s;
	int weeks = 0;

	cJSON_ArrayForEach(w, cJSON_GetObjectItem(p, "weeks")) {
		int k = week_of(&f->r, cJSON_GetObjectItem(w,
		    "week")->valuestring), home = 0, makeup = 0;

		cJSON_ArrayForEach(s, cJSON_GetObjectItem(w, "sessions")) {
			if (cJSON_IsTrue(cJSON_GetObjectItem(s, "makeup")))
				makeup += json_minutes(s);
			else
				home += json_minutes(s);
		}
		assert_int_equal(pp->home[k], home);
		assert_int_equal(pp->makeup[k], makeup);
		assert_true(cJSON_GetObjectItem(w, "hours")->valuedouble ==
		    (home + makeup) / 60.0);
		weeks++;
	}
	if (!pp->rp->placed)
		for (int k = 0; k < f->g.weeks; k++)
			assert_int_equal(pp->home[k] + pp->makeup[k], 0);
	else
		assert_int_equal(weeks, pp->rp->last_week - pp->rp->first_week
		    + 1);
}

static void
grid_hours_per_week_split_home_and_makeup_as_the_json(void **state)
{
	struct fixture *f = *state;
	const cJSON *p;
	int n = 0;

	cJSON_ArrayForEach(p, cJSON_GetObjectItem(f->doc, "participants")) {
		check_part(f, p);
		n++;
	}
	assert_int_equal(n, 31);
	assert_int_equal((int)f->g.nparts, 31);
}

static const struct report_clin *
clin(const struct fixture *f, const char *id)
{
	for (size_t k = 0; k < f->g.nclins; k++)
		if (strcmp(f->g.clins[k].mc->id, id) == 0)
			return &f->g.clins[k];
	fail_msg("no clinician %s", id);
	return NULL;
}

/* Clinician c's minutes and groups in week w, from the engine's view. */
static void
engine_load(const struct fixture *f, const struct sched_solution *s, int c,
    int w, int *minutes, int *groups)
{
	*minutes = 0;
	*groups = 0;
	for (int g = 0; g < f->m.ngroups; g++) {
		const struct sched_group *mg = &f->m.groups[g];
		bool any = false;

		if (mg->clinician != c)
			continue;
		for (int j = 0; j < mg->nsessions; j++) {
			int i = mg->first_instance + w * mg->nsessions + j;

			if (sched_instance_runs(&f->m, s, i)) {
				*minutes += f->m.instances[i].minutes;
				any = true;
			}
		}
		*groups += any;
	}
}

static void
grid_clinician_load_sums_running_sessions_of_open_groups(void **state)
{
	struct fixture *f = *state;
	struct sched_solution s;
	int minutes, groups, open = 0;

	assert_int_equal((int)f->g.nclins, 4);
	solution(f, &s);
	for (size_t k = 0; k < f->g.nclins; k++) {
		const struct report_clin *c = &f->g.clins[k];

		for (int w = 0; w < f->g.weeks; w++) {
			engine_load(f, &s, (int)k, w, &minutes, &groups);
			assert_int_equal(c->minutes[w], minutes);
			assert_int_equal(c->groups[w], groups);
			assert_true(c->minutes[w] <= c->mc->max_minutes);
			assert_true(c->mc->max_groups < 0 ||
			    c->groups[w] <= c->mc->max_groups);
		}
		open += c->open;
	}
	assert_int_equal(open, f->r.groups_open);
	/* Whoever leads FR-NIGHTLY loses Thursday of the week of 12-21. */
	if (group(f, "FR-NIGHTLY")->rg->open)
		assert_true(clin(f, "C1")->minutes[2] <
		    clin(f, "C1")->minutes[0]);
	sched_solution_release(&s);
}

/* report_bar()'s output (caller frees). */
static char *
capture_bar(int home, int makeup, int min, int max)
{
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);

	assert_non_null(mem);
	report_bar(mem, home, makeup, min, max);
	assert_int_equal(fclose(mem), 0);
	return text;
}

static void
bar_scales_home_makeup_and_minimum_to_the_program_maximum(void **state)
{
	char *t;

	(void)state;
	/* 19 h spans 44 px: 6 h home, 3 h makeup, minimum 9 h. */
	t = capture_bar(360, 180, 540, 1140);
	assert_string_equal(t, "<svg class=\"b\" aria-hidden=\"true\">"
	    "<rect width=\"13.9\"/><rect class=\"m\" x=\"13.9\" width=\"6.9\"/>"
	    "<path d=\"M20.8 0v10\"/></svg>");
	free(t);
	/* A full bar is clipped to the track; no tick when asked for none. */
	t = capture_bar(1200, 60, -1, 600);
	assert_string_equal(t, "<svg class=\"b\" aria-hidden=\"true\">"
	    "<rect width=\"44\"/><rect class=\"m\" x=\"44\" width=\"0\"/>"
	    "</svg>");
	free(t);
}

/* Renders the demo's report into memory (caller frees). */
static char *
render(struct fixture *f)
{
	struct report_view v = { &f->r, &f->sc, &f->m, &f->g };
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);

	assert_non_null(mem);
	assert_int_equal(report_html(mem, &v), 0);
	assert_int_equal(fclose(mem), 0);
	return text;
}

static void
html_escapes_names_and_loads_nothing(void **state)
{
	struct fixture *f = *state;
	char *html, *saved = f->sc.participants[0].name;

	f->sc.participants[0].name = xstrdup("<b>Ann & \"Bo\" O'Neil</b>");
	html = render(f);
	free(f->sc.participants[0].name);
	f->sc.participants[0].name = saved;
	assert_non_null(strstr(html, "&lt;b&gt;Ann &amp; &quot;Bo&quot; "
	    "O&#39;Neil&lt;/b&gt;"));
	assert_null(strstr(html, "<b>Ann"));
	assert_non_null(strstr(html, "content=\"default-src 'none'; "
	    "style-src 'unsafe-inline'; img-src data:;"));
	assert_null(strstr(html, "http:"));
	assert_null(strstr(html, "https:"));
	assert_null(strstr(html, " src="));
	assert_non_null(strstr(html, "Confidential"));
	free(html);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    grid_cells_count_home_and_makeup_attendance_as_the_json),
		cmocka_unit_test(
		    grid_runs_exactly_the_instances_the_engine_runs),
		cmocka_unit_test(
		    grid_hours_per_week_split_home_and_makeup_as_the_json),
		cmocka_unit_test(
		    grid_clinician_load_sums_running_sessions_of_open_groups),
		cmocka_unit_test(
		    bar_scales_home_makeup_and_minimum_to_the_program_maximum),
		cmocka_unit_test(html_escapes_names_and_loads_nothing),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
