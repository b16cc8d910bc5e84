/*
 * Delivery of the queued messages: the queue is in the database, so a
 * publish that stops half-way (a failing command, a full disk, a kill)
 * leaves the undelivered ones pending for the next publish, and each one
 * delivered is recorded right after it left, never before.
 */
#include <string.h>

#include "publish_int.h"
#include "store.h"

void
pub_count_sent(struct pub_counts *c, const struct store_pub_message *m)
{
	if (strcmp(m->method, "CANCEL") == 0)
		c->cancels++;
	else
		c->requests++;
	c->pending--;
}

int
pub_deliver(struct store *st, const struct pub_program *p,
    const struct pub_send_opts *o, struct pub_counts *c, char **cause)
{
	struct store_pub_message *v;
	size_t n;
	int rc;

	if ((rc = store_pub_pending(st, &v, &n, cause)) != 0)
		return rc;
	c->pending = (int)n;
	if (n == 0 || p->organizer_email == NULL)
		rc = 0;
	else if (o->mbox != NULL)
		rc = pub_mbox_deliver(st, o->mbox, p, v, n, c, cause);
	else if (o->sendmail != NULL)
		rc = pub_sendmail_deliver(st, o->sendmail, p, v, n, c, cause);
	store_pub_messages_free(v, n);
	return rc;
}
