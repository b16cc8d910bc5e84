/*
 * --mbox FILE: appends each message to an mbox (mboxrd: a "From " line,
 * then the message with lines that start with ">*From " given one more
 * '>').  The file is created with mode 0600 and held under flock(2) for
 * the whole delivery; each message is appended whole, fsync'd, and only
 * then recorded as sent.  A message whose Message-ID the file already
 * holds (a publish killed between the fsync and the record) is recorded,
 * not appended again, so no message is ever written twice.  A publish
 * killed inside its write(2) can leave the first part of a message at the
 * end of the file: the next one cuts that part off (only a message of
 * ours) before it looks for Message-IDs, and sends the message whole.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "civil.h"
#include "imip.h"
#include "publish_int.h"
#include "status.h"
#include "xmalloc.h"

/* The mbox being appended to. */
struct mbox {
	const char *path;
	int	fd;
	char	*old;		/* what it held when locked */
	size_t	len;
};

static int
mbox_fail(const struct mbox *mb, int rc, const char *what, char **cause)
{
	*cause = xasprintf("%s: %s: %s", mb->path, what, strerror(errno));
	return rc;
}

/*
 * Where the last entry of text (len bytes) starts: its last line that
 * begins with "From ", which mboxrd quoting keeps for separators, or a
 * last line cut short inside those five bytes.  -1 when there is none.
 */
static ssize_t
mbox_last_entry(const char *text, size_t len)
{
	const char *nl = memrchr(text, '\n', len), *p = text, *hit;
	size_t tail = nl != NULL ? (size_t)(nl + 1 - text) : 0;
	ssize_t start = len >= 5 && memcmp(text, "From ", 5) == 0 ? 0 : -1;

	if (tail < len && len - tail < 5 &&
	    memcmp(text + tail, "From ", len - tail) == 0)
		return (ssize_t)tail;
	while ((hit = memmem(p, len - (size_t)(p - text), "\nFrom ", 6)) !=
	    NULL) {
		start = hit + 1 - text;
		p = hit + 1;
	}
	return start;
}

/*
 * True when entry (len bytes) begins the way mbox_entry begins every
 * message, "From MAILER-DAEMON " and a 24-character date, then the
 * "From:" header, as far as it goes: a message of ours, maybe torn.
 */
static bool
mbox_entry_ours(const char *entry, size_t len)
{
	static const char head[] = "From MAILER-DAEMON ", from[] = "\nFrom: ";
	size_t h = strlen(head), date = 24, n;

	if (memcmp(entry, head, len < h ? len : h) != 0)
		return false;
	if (len <= h)
		return true;
	if (memchr(entry + h, '\n', len - h < date ? len - h : date) != NULL)
		return false;
	if (len <= h + date)
		return true;
	n = len - h - date < strlen(from) ? len - h - date : strlen(from);
	return memcmp(entry + h + date, from, n) == 0;
}

/*
 * True unless the entry that ends the file (len bytes) is a message of
 * ours cut short: whole, it names our MIME boundary and ends with the
 * boundary's closing line and the blank line mbox_entry adds.  Another
 * program's entry is left as it is.
 */
static bool
mbox_entry_whole(const char *entry, size_t len)
{
	static const char mark[] = "boundary=\"=_iopsched_";
	const char *b, *quote;
	char *close;
	bool whole;

	if (!mbox_entry_ours(entry, len))
		return true;
	b = memmem(entry, len, mark, strlen(mark));
	if (b == NULL)
		return false;
	b += strlen(mark);
	quote = memchr(b, '"', len - (size_t)(b - entry));
	if (quote == NULL)
		return false;
	close = xasprintf("\n--=_iopsched_%.*s--\n\n", (int)(quote - b), b);
	whole = len >= strlen(close) &&
	    memcmp(entry + len - strlen(close), close, strlen(close)) == 0;
	free(close);
	return whole;
}

/* Cuts a torn message off the end of the mbox (see the top). */
static int
mbox_repair(struct mbox *mb, char **cause)
{
	ssize_t start = mbox_last_entry(mb->old, mb->len);

	if (start < 0 || mbox_entry_whole(mb->old + start,
	    mb->len - (size_t)start))
		return 0;
	if (ftruncate(mb->fd, (off_t)start) != 0 || fsync(mb->fd) != 0)
		return mbox_fail(mb, IOP_EIO, "cannot cut a torn message",
		    cause);
	mb->len = (size_t)start;
	mb->old[mb->len] = '\0';
	return 0;
}

/* Opens (0600), locks and reads the mbox, then repairs its end. */
static int
mbox_open(struct mbox *mb, char **cause)
{
	struct stat sb;
	ssize_t got;

	mb->fd = open(mb->path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	if (mb->fd < 0)
		return mbox_fail(mb, IOP_ECREATE, "cannot open", cause);
	if (flock(mb->fd, LOCK_EX) != 0)
		return mbox_fail(mb, IOP_EIO, "cannot lock", cause);
	if (fstat(mb->fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		errno = EINVAL;
		return mbox_fail(mb, IOP_ECREATE, "not a regular file", cause);
	}
	mb->old = xmalloc((size_t)sb.st_size + 1);
	while (mb->len < (size_t)sb.st_size) {
		got = pread(mb->fd, mb->old + mb->len,
		    (size_t)sb.st_size - mb->len, (off_t)mb->len);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			return mbox_fail(mb, IOP_EIO, "cannot read", cause);
		mb->len += (size_t)got;
	}
	mb->old[mb->len] = '\0';
	return mbox_repair(mb, cause);
}

/* True when the mbox already holds the message with this Message-ID. */
static bool
mbox_holds(const struct mbox *mb, const char *message_id)
{
	char *header = xasprintf("\nMessage-ID: <%s>\n", message_id);
	bool found = memmem(mb->old, mb->len, header, strlen(header)) != NULL;

	free(header);
	return found;
}

/* "From MAILER-DAEMON Thu Dec  3 10:00:00 2026" for now. */
static char *
mbox_from_line(int64_t now)
{
	char date[40];

	/* imip_date: "Thu, 03 Dec 2026 10:00:00 +0000". */
	imip_date(now, date);
	return xasprintf("From MAILER-DAEMON %.3s %.3s %2d %.8s %.4s\n", date,
	    date + 8, (int)strtol(date + 5, NULL, 10), date + 17, date + 12);
}

/* msg as an mbox entry: From line, quoted From lines, a blank line. */
static char *
mbox_entry(const char *msg, int64_t now)
{
	char *from = mbox_from_line(now), *out;
	size_t n = strlen(from), cap = strlen(from) + 2 * strlen(msg) + 2;
	const char *line, *p;

	out = xmalloc(cap);
	memcpy(out, from, n);
	free(from);
	for (line = msg; *line != '\0'; line = *p == '\n' ? p + 1 : p) {
		for (p = line; *p == '>'; p++)
			;
		if (strncmp(p, "From ", 5) == 0)
			out[n++] = '>';
		p = strchr(line, '\n');
		if (p == NULL)
			p = line + strlen(line);
		memcpy(out + n, line, (size_t)(p - line));
		n += (size_t)(p - line);
		out[n++] = '\n';
	}
	out[n++] = '\n';
	out[n] = '\0';
	return out;
}

/*
 * Appends entry whole and syncs it; on failure cuts the file back to its
 * length before, so no half message stays.
 */
static int
mbox_append(struct mbox *mb, const char *entry, char **cause)
{
	off_t before = lseek(mb->fd, 0, SEEK_END);
	size_t len = strlen(entry), done = 0;
	ssize_t n;

	while (done < len) {
		n = write(mb->fd, entry + done, len - done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	if (done == len && fsync(mb->fd) == 0)
		return 0;
	if (errno == 0)
		errno = ENOSPC;
	mbox_fail(mb, IOP_EIO, "write failed", cause);
	if (before >= 0 && ftruncate(mb->fd, before) == 0)
		(void)fsync(mb->fd);
	return IOP_EIO;
}

int
pub_mbox_deliver(struct store *st, const char *path,
    const struct pub_program *p, const struct store_pub_message *v,
    size_t n, struct pub_counts *c, char **cause)
{
	struct mbox mb = { path, -1, NULL, 0 };
	int64_t now = (int64_t)time(NULL);
	char *msg, *entry;
	int rc;

	if ((rc = mbox_open(&mb, cause)) != 0)
		goto out;
	for (size_t i = 0; rc == 0 && i < n; i++) {
		if (mbox_holds(&mb, v[i].message_id)) {
			rc = store_pub_mark_sent(st, v[i].seq, now, cause);
			c->pending -= rc == 0;
			continue;
		}
		msg = imip_message(&v[i], p->organizer_name,
		    p->organizer_email, now);
		entry = mbox_entry(msg, now);
		errno = 0;
		rc = mbox_append(&mb, entry, cause);
		free(msg);
		free(entry);
		if (rc == 0 && (rc = store_pub_mark_sent(st, v[i].seq, now,
		    cause)) == 0)
			pub_count_sent(c, &v[i]);
	}
out:
	if (mb.fd >= 0)
		close(mb.fd);
	free(mb.old);
	return rc;
}
