/* Files that readers never see half-written. */
#ifndef IOP_ATOMIC_H
#define IOP_ATOMIC_H

#include <stddef.h>

/*
 * Writes len bytes of data to dir/name through a temporary file in dir
 * and a rename, with mode 0600.  A destination that exists and is not a
 * regular file (a device such as /dev/null, a FIFO) is written in place
 * instead.  IOP_ECREATE when the file cannot be
 * created, IOP_EIO when writing fails; *cause names the path.
 */
int	atomic_write(const char *dir, const char *name, const char *data,
	    size_t len, char **cause);

/*
 * Makes sure dir exists as a directory (creating it with mode 0700 if
 * missing) and is writable: IOP_ECREATE with *cause otherwise.
 */
int	atomic_prepare_dir(const char *dir, char **cause);

#endif
