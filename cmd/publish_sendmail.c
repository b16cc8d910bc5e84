/*
 * --sendmail CMD: each message goes to `sh -c CMD` on its standard input
 * (for example "/usr/sbin/sendmail -t -oi", which reads the recipient
 * from the To header).  A message counts as sent only when CMD exits 0;
 * the first failure stops the publish with the rest still pending.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "imip.h"
#include "publish_int.h"
#include "status.h"
#include "xmalloc.h"

/* Writes all of data to fd; false on a write error (EPIPE included). */
static bool
sendmail_write(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return false;
		data += n;
		len -= (size_t)n;
	}
	return true;
}

/*
 * Runs cmd with msg on its standard input and its standard output sent
 * to our standard error.  Returns its exit status, 128 + signal when a
 * signal ended it, or -1 (errno set) when it could not be started.
 */
static int
sendmail_run(const char *cmd, const char *msg)
{
	int fds[2], status;
	bool wrote;
	pid_t pid;

	if (pipe(fds) != 0)
		return -1;
	fflush(NULL);
	if ((pid = fork()) < 0) {
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	if (pid == 0) {
		dup2(fds[0], STDIN_FILENO);
		dup2(STDERR_FILENO, STDOUT_FILENO);
		close(fds[0]);
		close(fds[1]);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	close(fds[0]);
	wrote = sendmail_write(fds[1], msg, strlen(msg));
	close(fds[1]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	if (!wrote && WEXITSTATUS(status) == 0)
		return 1;	/* it exited 0 without reading the message */
	return WEXITSTATUS(status);
}

static int
sendmail_failed(const char *cmd, int status, size_t k, size_t n, char **cause)
{
	if (status < 0)
		*cause = xasprintf("--sendmail: cannot run '%s': %s", cmd,
		    strerror(errno));
	else
		*cause = xasprintf("--sendmail: '%s' exited with status %d "
		    "on message %zu of %zu; %zu sent, the rest stay pending",
		    cmd, status, k + 1, n, k);
	return IOP_ETEMPFAIL;
}

int
pub_sendmail_deliver(struct store *st, const char *cmd,
    const struct pub_program *p, const struct store_pub_message *v,
    size_t n, struct pub_counts *c, char **cause)
{
	struct sigaction ign, old;
	char *msg;
	int status, rc = 0;

	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &ign, &old);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		msg = imip_message(&v[i], p->organizer_name,
		    p->organizer_email, (int64_t)time(NULL));
		status = sendmail_run(cmd, msg);
		free(msg);
		if (status != 0) {
			rc = sendmail_failed(cmd, status, i, n, cause);
			break;
		}
		if ((rc = store_pub_mark_sent(st, v[i].seq,
		    (int64_t)time(NULL), cause)) == 0)
			pub_count_sent(c, &v[i]);
	}
	sigaction(SIGPIPE, &old, NULL);
	return rc;
}
