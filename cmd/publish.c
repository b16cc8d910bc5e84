/*
 * iopsched publish --out DIR: feeds and invites for the latest run (SPEC
 * sections 1 and 6).  The steps are in cmd/publish_int.h; this file parses
 * the options, holds the locks, runs the steps in order and prints the
 * one-line summary a cron job logs.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "atomic.h"
#include "command.h"
#include "exitcode.h"
#include "model_build.h"
#include "publish_int.h"
#include "status.h"
#include "store.h"
#include "xmalloc.h"

struct publish_opts {
	const char *out;
	struct pub_send_opts send;
	bool	dry_run;
	bool	list;
	bool	rosters;
};

enum { OPT_OUT = 0x100, OPT_MBOX, OPT_SENDMAIL, OPT_DRY, OPT_LIST,
    OPT_ROSTERS };

static const struct argp_option publish_options[] = {
	{ "out", OPT_OUT, "DIR", 0, "Write one feed per person into DIR", 0 },
	{ "mbox", OPT_MBOX, "FILE", 0, "Append the invites to an mbox", 0 },
	{ "sendmail", OPT_SENDMAIL, "CMD", 0, "Pipe each invite to CMD, e.g. "
	  "\"/usr/sbin/sendmail -t -oi\"", 0 },
	{ "dry-run", OPT_DRY, NULL, 0, "Show what would be sent; change "
	  "nothing", 0 },
	{ "list", OPT_LIST, NULL, 0, "List each person's feed file", 0 },
	{ "clinician-rosters", OPT_ROSTERS, NULL, 0, "Name each group's "
	  "members in its clinician's feed", 0 },
	{ NULL, 0, NULL, 0, NULL, 0 }
};

/*
 * The value of option opt, which must not be empty: an empty --sendmail
 * would run sh -c "" and count every message delivered.
 */
static char *
publish_value(const struct argp_state *state, const char *opt, char *arg)
{
	if (arg[0] == '\0')
		cmd_usage(state, "%s needs a non-empty value", opt);
	return arg;
}

static error_t
publish_parse(int key, char *arg, struct argp_state *state)
{
	struct publish_opts *o = state->input;

	switch (key) {
	case ARGP_KEY_INIT:
		state->child_inputs[0] = NULL;
		return 0;
	case OPT_OUT:
		o->out = publish_value(state, "--out", arg);
		return 0;
	case OPT_MBOX:
		o->send.mbox = publish_value(state, "--mbox", arg);
		return 0;
	case OPT_SENDMAIL:
		o->send.sendmail = publish_value(state, "--sendmail", arg);
		return 0;
	case OPT_DRY:
		o->dry_run = true;
		return 0;
	case OPT_LIST:
		o->list = true;
		return 0;
	case OPT_ROSTERS:
		o->rosters = true;
		return 0;
	case ARGP_KEY_ARG:
		cmd_usage(state, "unexpected argument '%s'", arg);
		return 0;
	case ARGP_KEY_END:
		if (o->send.mbox != NULL && o->send.sendmail != NULL)
			cmd_usage(state, "--mbox and --sendmail are "
			    "alternatives: give one");
		if (!o->list && !o->dry_run && o->out == NULL)
			cmd_usage(state, "publish needs --out DIR");
		return 0;
	default:
		return ARGP_ERR_UNKNOWN;
	}
}

static const struct argp publish_argp = {
	publish_options, publish_parse, NULL,
	"Write one iCalendar feed per participant and clinician for the "
	"latest run into DIR, named by a secret token per person (--list "
	"shows them), and send invites (iMIP) for what changed since the "
	"last publish: --mbox appends them to FILE, --sendmail pipes each "
	"one to CMD.  With neither, the invites wait for the next publish "
	"that has a way to send them.", cmd_global_child, NULL, NULL
};

/* Loads the latest run, the scenario and its model, and plans. */
static int
publish_plan(struct store *st, struct pub_plan *plan, char **cause)
{
	struct scenario sc = { 0 };
	struct sched_model m = { 0 };
	struct run r = { 0 };
	int rc;

	if ((rc = store_load_run(st, 0, &r, cause)) == 0 &&
	    (rc = store_load_scenario(st, &sc, cause)) == 0 &&
	    (rc = model_build(&sc, NULL, &m, cause)) == 0)
		rc = pub_plan_build(&r, &sc, &m, plan, cause);
	sched_model_release(&m);
	scenario_release(&sc);
	run_release(&r);
	return rc;
}

/* Prints what a --dry-run would send: the queue as the diff left it. */
static int
publish_show_pending(struct store *st, struct pub_counts *c, char **cause)
{
	struct store_pub_message *v;
	size_t n;
	int rc;

	if ((rc = store_pub_pending(st, &v, &n, cause)) != 0)
		return rc;
	for (size_t i = 0; i < n; i++) {
		if (!globals.quiet && !globals.json)
			printf("would send %s to <%s>\n", v[i].label,
			    v[i].to_email);
		pub_count_sent(c, &v[i]);
	}
	c->pending = 0;
	store_pub_messages_free(v, n);
	return 0;
}

/*
 * The plan and the diff in one transaction, committed, or rolled back
 * for --dry-run.  Planning inside it means the latest run and the
 * scenario are read from one snapshot: a solve that commits meanwhile
 * cannot pair one run with the next one's scenario.
 */
static int
publish_diff(struct store *st, const struct publish_opts *o,
    struct pub_plan *plan, struct pub_feeds *feeds,
    struct pub_counts *c, char **cause)
{
	struct pub_diff_opts d = { o->rosters, (int64_t)time(NULL) };
	int rc;

	if ((rc = store_begin(st, cause)) != 0)
		return rc;
	if ((rc = publish_plan(st, plan, cause)) == 0)
		rc = pub_diff(st, plan, &d, feeds, c, cause);
	c->feeds = (int)feeds->n;
	if (rc == 0 && o->dry_run)
		rc = publish_show_pending(st, c, cause);
	if (rc != 0 || o->dry_run) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st, cause);
}

static void
publish_summary(const struct publish_opts *o, const struct pub_counts *c)
{
	if (globals.json) {
		printf("{\"feeds\":%d,\"invites\":%d,\"cancellations\":%d,"
		    "\"pending\":%d,\"dry_run\":%s}\n", c->feeds, c->requests,
		    c->cancels, c->pending, o->dry_run ? "true" : "false");
		return;
	}
	if (globals.quiet)
		return;
	printf("%s %d feed%s, %d invite%s, %d cancellation%s",
	    o->dry_run ? "would publish" : "published", c->feeds,
	    c->feeds == 1 ? "" : "s", c->requests, c->requests == 1 ? "" : "s",
	    c->cancels, c->cancels == 1 ? "" : "s");
	if (c->pending > 0)
		printf("; %d message%s pending (no --mbox or --sendmail)",
		    c->pending, c->pending == 1 ? "" : "s");
	printf("\n");
}

/*
 * Takes the publish lock: an flock on the database file, so that two
 * publishes never deliver the same queue.  The descriptor stays open
 * until the store is closed (closing a descriptor of the file drops the
 * POSIX locks SQLite holds on it).
 */
static int
publish_lock(const char *path, int *fd, char **cause)
{
	if ((*fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return 0;	/* store_open reports it */
	if (flock(*fd, LOCK_EX | LOCK_NB) == 0)
		return 0;
	*cause = xasprintf("%s: another publish is running; try again",
	    path);
	return IOP_EBUSY;
}

static int
publish_do(const struct publish_opts *o, struct pub_counts *c, char **cause)
{
	struct pub_plan plan = { 0 };
	struct pub_feeds feeds = { 0 };
	struct store *st = NULL;
	int lock = -1, rc;

	if ((rc = store_open(cmd_db_path(), STORE_READ, &st, cause)) != 0)
		return rc;
	store_close(st);
	st = NULL;
	if ((rc = publish_lock(cmd_db_path(), &lock, cause)) != 0 ||
	    (!o->dry_run && (rc = atomic_prepare_dir(o->out, cause)) != 0) ||
	    (rc = store_open(cmd_db_path(), STORE_WRITE, &st, cause)) != 0 ||
	    (rc = publish_diff(st, o, &plan, &feeds, c, cause)) != 0 ||
	    o->dry_run)
		goto out;
	if ((rc = pub_write_feeds(o->out, &plan.program, &feeds, cause)) == 0)
		rc = pub_deliver(st, &plan.program, &o->send, c, cause);
out:
	store_close(st);
	if (lock >= 0)
		close(lock);
	pub_feeds_release(&feeds);
	pub_plan_release(&plan);
	return rc;
}

/* --list --json: one array, ids escaped as JSON strings by cJSON. */
static void
publish_list_json(const struct store_pub_person *v, size_t n)
{
	cJSON *arr = cJSON_CreateArray(), *o;
	char *feed, *text;

	for (size_t i = 0; i < n; i++) {
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "kind",
		    store_pub_kind_name(v[i].kind));
		cJSON_AddStringToObject(o, "id", v[i].id);
		feed = xasprintf("%s.ics", v[i].token);
		cJSON_AddStringToObject(o, "feed", feed);
		free(feed);
		cJSON_AddItemToArray(arr, o);
	}
	if ((text = cJSON_PrintUnformatted(arr)) == NULL)
		abort();
	printf("%s\n", text);
	cJSON_free(text);
	cJSON_Delete(arr);
}

/* --list: each person's feed file, by kind and id. */
static int
publish_list(char **cause)
{
	struct store_pub_person *v = NULL;
	struct store *st = NULL;
	size_t n = 0;
	int rc;

	/* Reading only: a missing database is an error, never created. */
	if ((rc = store_open(cmd_db_path(), STORE_READ, &st, cause)) == 0)
		rc = store_pub_people(st, &v, &n, cause);
	store_close(st);
	if (rc != 0)
		return rc;
	if (globals.json)
		publish_list_json(v, n);
	else
		for (size_t i = 0; i < n; i++)
			printf("%-11s  %-12s  %s.ics\n",
			    store_pub_kind_name(v[i].kind), v[i].id,
			    v[i].token);
	store_pub_people_free(v, n);
	return 0;
}

static int
publish_run(int argc, char **argv)
{
	struct publish_opts o;
	struct pub_counts c = { 0 };
	char *cause = NULL;
	int code, rc;

	memset(&o, 0, sizeof o);
	if ((code = cmd_parse(&publish_argp, argc, argv, &o)) != EXIT_OK)
		return code;
	if (o.list)
		rc = publish_list(&cause);
	else
		rc = publish_do(&o, &c, &cause);
	if (rc != 0)
		return exit_report(rc, cause);
	if (!o.list)
		publish_summary(&o, &c);
	return EXIT_OK;
}

const struct command cmd_publish = {
	"publish", "Write iCalendar feeds and send invites for the latest run",
	publish_run
};
