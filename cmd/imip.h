/*
 * iMIP messages (RFC 6047): one e-mail per iTIP object, multipart/
 * alternative with a plain-text part and a text/calendar part whose
 * method parameter equals the object's METHOD, the calendar base64 so
 * that its CRLFs survive any mail path.
 */
#ifndef IOP_IMIP_H
#define IOP_IMIP_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

/*
 * The whole message of m (RFC 5322, LF line ends, as sendmail and mbox
 * take it) from the organizer, dated now (UTC seconds).  Caller frees.
 */
char	*imip_message(const struct store_pub_message *m, const char *from_name,
	    const char *from_email, int64_t now);

/* len bytes as base64 in lines of 76 characters, each ending in LF. */
char	*imip_base64(const void *data, size_t len);

/* "Tue, 01 Dec 2026 10:00:00 +0000" into buf (at least 40 bytes). */
void	imip_date(int64_t now, char *buf);

#endif
