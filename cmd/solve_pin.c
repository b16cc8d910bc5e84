/*
 * solve --pin: keeps a participant in a group.  The engine honours
 * pinned_home (engine/rule_home.c); this resolves the ids.
 */
#include <stdlib.h>
#include <string.h>

#include "solve_flow.h"
#include "status.h"
#include "xmalloc.h"

static int
pin_participant(const struct sched_model *m, const char *id, size_t len)
{
	for (int p = 0; p < m->nparticipants; p++)
		if (strlen(m->participants[p].id) == len &&
		    memcmp(m->participants[p].id, id, len) == 0)
			return p;
	return -1;
}

static int
pin_group(const struct sched_model *m, const char *id)
{
	for (int g = 0; g < m->ngroups; g++)
		if (strcmp(m->groups[g].id, id) == 0)
			return g;
	return -1;
}

/* One "ID[=GROUP]" argument. */
static int
pin_one(struct sched_model *m, const char *arg, char **cause)
{
	const char *eq = strchr(arg, '=');
	size_t len = eq != NULL ? (size_t)(eq - arg) : strlen(arg);
	int p = pin_participant(m, arg, len), g;

	if (p < 0) {
		*cause = xasprintf("--pin %s: unknown participant '%.*s'", arg,
		    (int)len, arg);
		return IOP_ENOTFOUND;
	}
	if (eq != NULL && (g = pin_group(m, eq + 1)) < 0) {
		*cause = xasprintf("--pin %s: unknown group '%s'", arg, eq + 1);
		return IOP_ENOTFOUND;
	}
	if (eq == NULL && (g = m->participants[p].previous_home) < 0) {
		*cause = xasprintf("--pin %s: '%s' has no home group in the"
		    " previous run; say which with --pin %s=GROUP", arg,
		    m->participants[p].id, m->participants[p].id);
		return IOP_ENOTFOUND;
	}
	m->participants[p].pinned_home = g;
	return 0;
}

int
solve_pins(struct sched_model *m, const char *const *pins, size_t n,
    char **cause)
{
	int rc = 0;

	for (size_t k = 0; k < n && rc == 0; k++)
		rc = pin_one(m, pins[k], cause);
	return rc;
}
