/*
 * Zones of VTIMEZONE blocks, shared between files.  libical works out a
 * zone's transitions once per icaltimezone, by iterating the block's
 * RRULEs year by year, and every file's VTIMEZONE is a new icaltimezone:
 * the shift calendars of one agency system all carry the same block, and
 * working it out again for each file was half the time of an expansion
 * (tests/bench).  Identical text gives an identical zone, so the answers
 * do not change.  At most TZSHARE_MAX zones are kept, for the process.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cal_int.h"
#include "xmalloc.h"

#define TZSHARE_MAX	64

struct tzshare {
	uint64_t hash;			/* of text, to skip most comparisons */
	char	*text;			/* the VTIMEZONE, as libical writes it */
	icaltimezone *zone;		/* built from a copy of it */
};

static struct tzshare tzshare[TZSHARE_MAX];
static size_t ntzshare;

/* FNV-1a, 64 bits. */
static uint64_t
tzshare_hash(const char *text)
{
	uint64_t h = UINT64_C(14695981039346656037);

	for (; *text != '\0'; text++)
		h = (h ^ (unsigned char)*text) * UINT64_C(1099511628211);
	return h;
}

/* The shared zone for a VTIMEZONE written as text; NULL when full. */
static icaltimezone *
tzshare_get(const char *text, icalcomponent *vtz)
{
	uint64_t h = tzshare_hash(text);
	icaltimezone *z;
	size_t i;

	for (i = 0; i < ntzshare; i++)
		if (tzshare[i].hash == h && strcmp(tzshare[i].text, text) == 0)
			return tzshare[i].zone;
	if (ntzshare == TZSHARE_MAX)
		return NULL;
	z = icaltimezone_new();
	if (z == NULL)
		return NULL;
	if (!icaltimezone_set_component(z, icalcomponent_new_clone(vtz))) {
		icaltimezone_free(z, 1);
		return NULL;
	}
	tzshare[ntzshare].hash = h;
	tzshare[ntzshare].text = xstrdup(text);
	tzshare[ntzshare++].zone = z;
	return z;
}

icaltimezone *
cal_tz_shared(struct cal_ctx *x, icaltimezone *z)
{
	icalcomponent *vtz;
	icaltimezone *shared = NULL;
	char *text;

	if (z == x->tz_file)
		return x->tz_shared;
	if ((vtz = icaltimezone_get_component(z)) != NULL &&
	    (text = icalcomponent_as_ical_string_r(vtz)) != NULL) {
		shared = tzshare_get(text, vtz);
		free(text);
	}
	x->tz_file = z;
	x->tz_shared = shared != NULL ? shared : z;
	return x->tz_shared;
}
