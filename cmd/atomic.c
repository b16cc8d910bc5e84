/*
 * Atomic output files: temporary file, fsync, rename.  A writer killed
 * before its rename leaves its temporary file, ".NAME.iopsched-tmp.XXXXXX";
 * atomic_prepare_dir removes such files, but only while no writer is at
 * work in the folder: each writer holds a shared flock(2) on the folder,
 * the cleaner needs it exclusive.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "status.h"
#include "xmalloc.h"

/* What every temporary file's name carries before mkstemp's six letters. */
#define ATOMIC_TMP_MARK	".iopsched-tmp."

/*
 * Opens dir and flocks it with how (LOCK_SH or LOCK_EX, maybe LOCK_NB):
 * the descriptor, which holds the lock until closed, or -1 when the
 * folder cannot be opened or locked (then nobody is kept out).
 */
static int
atomic_lock_dir(const char *dir, int how)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0)
		return -1;
	while (flock(fd, how) != 0) {
		if (errno != EINTR) {
			close(fd);
			return -1;
		}
	}
	return fd;
}

/* True for a name atomic_write gives its temporary files. */
static bool
atomic_is_tmp(const char *name)
{
	size_t len = strlen(name), mark = strlen(ATOMIC_TMP_MARK);

	return name[0] == '.' && len >= mark + 8 &&
	    memcmp(name + len - 6 - mark, ATOMIC_TMP_MARK, mark) == 0;
}

void
atomic_clean_dir(const char *dir)
{
	int fd = atomic_lock_dir(dir, LOCK_EX | LOCK_NB);
	struct dirent *e;
	DIR *d;

	if (fd < 0)
		return;		/* a writer is at work: its file is not stale */
	if ((d = fdopendir(fd)) == NULL) {
		close(fd);
		return;
	}
	while ((e = readdir(d)) != NULL)
		if (atomic_is_tmp(e->d_name))
			(void)unlinkat(dirfd(d), e->d_name, 0);
	closedir(d);		/* and with it the lock */
}

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
	atomic_clean_dir(dir);
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
	char *tmp = xasprintf("%s/.%s" ATOMIC_TMP_MARK "XXXXXX", dir, name);
	char *path = xasprintf("%s/%s", dir, name);
	struct stat st;
	int fd, lock = -1, rc = 0;

	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode) &&
	    !S_ISDIR(st.st_mode)) {
		rc = atomic_write_special(path, data, len, cause);
		goto out;
	}
	lock = atomic_lock_dir(dir, LOCK_SH);
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
	if (lock >= 0)
		close(lock);
	free(tmp);
	free(path);
	return rc;
}
