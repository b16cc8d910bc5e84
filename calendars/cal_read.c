/*
 * Reading a calendar file whole, and releasing busy lists.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "status.h"
#include "xmalloc.h"

/* "PATH: file larger than N MiB (the limit)", IOP_EINPUT. */
static int
read_too_large(const char *path, long max, char **cause)
{
	*cause = xasprintf("%s: file larger than %ld MiB (the limit)", path,
	    max / (1024 * 1024));
	return IOP_EINPUT;
}

/*
 * Reads all of fp into a NUL-terminated buffer, stopping with IOP_EINPUT
 * once it exceeds max bytes and IOP_ENOFILE on a read error.
 */
static int
read_stream(FILE *fp, const char *path, long max, char **text, size_t *len,
    char **cause)
{
	char *buf = NULL;
	size_t n = 0, cap = 0, got;
	int ret = 0;

	for (;;) {
		XGROW(buf, cap, n + 65536 + 1);
		got = fread(buf + n, 1, cap - n - 1, fp);
		n += got;
		if (n > (size_t)max) {
			ret = read_too_large(path, max, cause);
			goto out;
		}
		if (got == 0)
			break;
	}
	if (ferror(fp)) {
		*cause = xasprintf("cannot read '%s': %s", path,
		    strerror(errno));
		ret = IOP_ENOFILE;
		goto out;
	}
	buf[n] = '\0';
	*text = buf;
	*len = n;
	buf = NULL;
out:
	free(buf);
	return ret;
}

int
cal_read_file(const char *path, char **text, size_t *len, char **cause)
{
	return cal_read_file_max(path, CAL_MAX_FILE_BYTES, text, len, cause);
}

int
cal_read_file_max(const char *path, long max, char **text, size_t *len,
    char **cause)
{
	struct stat st;
	FILE *fp = NULL;
	int ret;

	*text = NULL;
	*len = 0;
	if (strcmp(path, "-") == 0)
		return read_stream(stdin, "<stdin>", max, text, len, cause);
	if ((fp = fopen(path, "rb")) == NULL) {
		*cause = xasprintf("cannot open '%s': %s", path,
		    strerror(errno));
		ret = IOP_ENOFILE;
		goto out;
	}
	if (fstat(fileno(fp), &st) == -1) {
		*cause = xasprintf("cannot read '%s': %s", path,
		    strerror(errno));
		ret = IOP_ENOFILE;
		goto out;
	}
	if (S_ISDIR(st.st_mode)) {
		*cause = xasprintf("cannot read '%s': is a directory", path);
		ret = IOP_ENOFILE;
		goto out;
	}
	if (S_ISREG(st.st_mode) && st.st_size > max) {
		ret = read_too_large(path, max, cause);
		goto out;
	}
	ret = read_stream(fp, path, max, text, len, cause);
out:
	if (fp != NULL)
		fclose(fp);
	return ret;
}

void
cal_busy_list_release(struct cal_busy_list *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++) {
		free(l->v[i].uid);
		free(l->v[i].summary);
	}
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}
