/*
 * Writes each person's feed, DIR/TOKEN.ics, through atomic_write (mode
 * 0600, temporary file and rename): a calendar app polling the folder
 * never sees half a file.  The token is the person's secret, so a folder
 * served over the web lets nobody find another person's feed.
 */
#include <stdlib.h>
#include <string.h>

#include "atomic.h"
#include "cal.h"
#include "publish_int.h"
#include "status.h"
#include "xmalloc.h"

static int
feeds_write_one(const char *dir, const struct pub_program *p,
    const struct pub_feed *f, char **cause)
{
	struct cal_item *items = xcalloc(f->n + 1, sizeof items[0]);
	struct cal_party org = { p->organizer_name, p->organizer_email };
	char *text = NULL, *name, *why = NULL;
	int rc;

	for (size_t i = 0; i < f->n; i++) {
		items[i].body = f->bodies[i];
		items[i].sequence = f->sequences[i];
		items[i].stamp = f->stamps[i];
		items[i].note = f->notes[i];
	}
	rc = cal_feed_write(p->zone, p->from, p->title, &org, items, f->n,
	    &text, cause);
	free(items);
	if (rc != 0)
		return rc;
	/* RFC 5546 wants an ORGANIZER in PUBLISH: only then can it pass. */
	if (p->organizer_email != NULL &&
	    cal_itip_check(text, NULL, &why) != 0) {
		*cause = xasprintf("internal error: a feed breaks RFC 5545: "
		    "%s", why);
		free(why);
		free(text);
		return IOP_EINTERNAL;
	}
	name = xasprintf("%s.ics", f->token);
	rc = atomic_write(dir, name, text, strlen(text), cause);
	free(name);
	free(text);
	return rc;
}

int
pub_write_feeds(const char *dir, const struct pub_program *p,
    const struct pub_feeds *feeds, char **cause)
{
	int rc;

	if ((rc = atomic_prepare_dir(dir, cause)) != 0)
		return rc;
	for (size_t i = 0; i < feeds->n; i++)
		if ((rc = feeds_write_one(dir, p, &feeds->v[i], cause)) != 0)
			return rc;
	return 0;
}
