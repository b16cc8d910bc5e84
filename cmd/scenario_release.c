/*
 * Freeing a scenario, and the digest that names a calendar's contents.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scenario.h"
#include "xmalloc.h"

/* FNV-1a, 64 bits, as 16 lowercase hex digits (caller frees). */
char *
scenario_hash(const char *text, size_t len)
{
	const unsigned char *u = (const unsigned char *)text;
	uint64_t h = UINT64_C(0xcbf29ce484222325);

	for (size_t i = 0; i < len; i++) {
		h ^= u[i];
		h *= UINT64_C(0x100000001b3);
	}
	return xasprintf("%016" PRIx64, h);
}

static void
scn_calendar_release(struct scn_calendar *cal)
{
	free(cal->path);
	free(cal->text);
	free(cal->hash);
}

static void
scn_program_release(struct scn_program *pg)
{
	free(pg->name);
	free(pg->timezone);
	free(pg->windows);
	free(pg->organizer_name);
	free(pg->organizer_email);
	free(pg->video_url);
	free(pg->invite_title);
	free(pg->crisis_text);
}

static void
scn_clinicians_release(struct scn_clinician *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].id);
		free(v[i].name);
		free(v[i].email);
		for (size_t k = 0; k < v[i].nstates; k++)
			free(v[i].states[k]);
		free(v[i].states);
		scn_calendar_release(&v[i].calendar);
	}
	free(v);
}

static void
scn_participants_release(struct scn_participant *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].id);
		free(v[i].name);
		free(v[i].email);
		free(v[i].state);
		free(v[i].timezone);
		free(v[i].track);
		free(v[i].agency);
		free(v[i].available);
		scn_calendar_release(&v[i].shifts);
	}
	free(v);
}

/* Frees everything sc holds and zeroes it; NULL is a no-op. */
void
scenario_release(struct scenario *sc)
{
	if (sc == NULL)
		return;
	free(sc->path);
	scn_program_release(&sc->program);
	scn_clinicians_release(sc->clinicians, sc->nclinicians);
	for (size_t i = 0; i < sc->ngroups; i++) {
		free(sc->groups[i].id);
		free(sc->groups[i].track);
		free(sc->groups[i].clinician);
		free(sc->groups[i].sessions);
	}
	free(sc->groups);
	scn_participants_release(sc->participants, sc->nparticipants);
	memset(sc, 0, sizeof *sc);
}
