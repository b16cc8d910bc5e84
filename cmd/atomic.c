/* Atomic output files: temporary file, fsync, rename. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "status.h"
#include "xmalloc.h"

int
atomic_prepare_dir(const char *dir, char **cause)
{
	struct stat st;

	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		*cause = xasprintf("%s: cannot create directory: %s", dir,
		    strerror(errno));
		return IOP_ECREATE;
	}
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		*cause = xasprintf("%s: not a directory", dir);
		return IOP_ECREATE;
	}
	if (access(dir, W_OK | X_OK) != 0) {
		*cause = xasprintf("%s: cannot write: %s", dir, strerror(errno));
		return IOP_ECREATE;
	}
	return 0;
}

static int
atomic_write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/*
 * A destination that exists and is not a regular file (/dev/null, a FIFO,
 * /dev/stdout) is written in place: renaming over it would replace the
 * device node with a file.
 */
static int
atomic_write_special(const char *path, const char *data, size_t len,
    char **cause)
{
	int fd = open(path, O_WRONLY | O_TRUNC);

	if (fd < 0) {
		*cause = xasprintf("%s: cannot open: %s", path, strerror(errno));
		return IOP_ECREATE;
	}
	if (atomic_write_all(fd, data, len) != 0) {
		*cause = xasprintf("%s: write failed: %s", path,
		    strerror(errno));
		close(fd);
		return IOP_EIO;
	}
	if (close(fd) != 0) {
		*cause = xasprintf("%s: write failed: %s", path,
		    strerror(errno));
		return IOP_EIO;
	}
	return 0;
}

int
atomic_write(const char *dir, const char *name, const char *data, size_t len,
    char **cause)
{
	char *tmp = xasprintf("%s/.%s.XXXXXX", dir, name);
	char *path = xasprintf("%s/%s", dir, name);
	struct stat st;
	int fd, rc = 0;

	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) &&
	    !S_ISDIR(st.st_mode)) {
		rc = atomic_write_special(path, data, len, cause);
		goto out;
	}
	fd = mkstemp(tmp);	/* mkstemp creates with mode 0600 */
	if (fd < 0) {
		*cause = xasprintf("%s: cannot create: %s", path,
		    strerror(errno));
		rc = IOP_ECREATE;
		goto out;
	}
	if (atomic_write_all(fd, data, len) != 0 || fsync(fd) != 0) {
		*cause = xasprintf("%s: write failed: %s", path,
		    strerror(errno));
		rc = IOP_EIO;
	}
	if (close(fd) != 0 && rc == 0) {
		*cause = xasprintf("%s: write failed: %s", path,
		    strerror(errno));
		rc = IOP_EIO;
	}
	if (rc == 0 && rename(tmp, path) != 0) {
		*cause = xasprintf("%s: cannot rename into place: %s", path,
		    strerror(errno));
		rc = IOP_ECREATE;
	}
	if (rc != 0)
		unlink(tmp);
out:
	free(tmp);
	free(path);
	return rc;
}
