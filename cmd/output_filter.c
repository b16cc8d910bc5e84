/* Narrowing a run to one participant or one clinician. */
#include <string.h>

#include "output.h"
#include "status.h"
#include "xmalloc.h"

static const struct run_participant *
filter_find_part(const struct run *r, const char *id)
{
	for (size_t i = 0; i < r->nparts; i++)
		if (strcmp(r->parts[i].id, id) == 0)
			return &r->parts[i];
	return NULL;
}

int
output_filter_check(const struct run *r, const struct output_filter *f,
    const char *db, char **cause)
{
	bool found = false;

	if (f->participant != NULL &&
	    filter_find_part(r, f->participant) == NULL) {
		*cause = xasprintf("%s: unknown participant '%s' in run %d",
		    db, f->participant, r->id);
		return IOP_ENOTFOUND;
	}
	if (f->clinician == NULL)
		return 0;
	for (size_t i = 0; i < r->ngroups && !found; i++)
		found = strcmp(r->groups[i].clinician, f->clinician) == 0;
	if (!found) {
		*cause = xasprintf("%s: no group of clinician '%s' in run %d",
		    db, f->clinician, r->id);
		return IOP_ENOTFOUND;
	}
	return 0;
}

/* True when participant p has a session (home or makeup) in group id. */
static bool
filter_in_group(const struct run_participant *p, const char *id)
{
	if (p->group != NULL && strcmp(p->group, id) == 0)
		return true;
	for (size_t k = 0; k < p->nsessions; k++)
		if (strcmp(p->sessions[k].group, id) == 0)
			return true;
	return false;
}

bool
output_keep_group(const struct run *r, const struct output_filter *f,
    const struct run_group *g)
{
	if (f->clinician != NULL && strcmp(g->clinician, f->clinician) != 0)
		return false;
	if (f->participant != NULL) {
		const struct run_participant *p =
		    filter_find_part(r, f->participant);

		return p != NULL && filter_in_group(p, g->id);
	}
	return true;
}

bool
output_keep_participant(const struct run *r, const struct output_filter *f,
    const struct run_participant *p)
{
	if (f->participant != NULL && strcmp(p->id, f->participant) != 0)
		return false;
	if (f->clinician != NULL) {
		for (size_t i = 0; i < r->ngroups; i++)
			if (strcmp(r->groups[i].clinician, f->clinician) == 0 &&
			    filter_in_group(p, r->groups[i].id))
				return true;
		return false;
	}
	return true;
}
