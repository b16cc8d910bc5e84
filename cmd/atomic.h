/* Files that readers never see half-written. */
#ifndef IOP_ATOMIC_H
#define IOP_ATOMIC_H

#include <stddef.h>

/*
 * Writes len bytes of data to dir/name through a temporary file in dir,
 * ".NAME.iopsched-tmp.XXXXXX", and a rename, with mode 0600.  A destination that exists and is not a
 * regular file (a device such as /dev/null, a FIFO) is written in place
 * instead.  IOP_ECREATE when the file cannot be
 * created, IOP_EIO when writing fails; *cause names the path.
 */
int	atomic_write(const char *dir, const char *name, const char *data,
	    size_t len, char **cause);

/*
 * Makes sure dir exists as a directory (creating it with mode 0700 if
 * missing) and is writable: IOP_ECREATE with *cause otherwise.  Then
 * removes the temporary files of atomic_write that a killed writer left
 * in it (atomic_clean_dir).
 */
int	atomic_prepare_dir(const char *dir, char **cause);

/*
 * Removes from dir the temporary files atomic_write leaves when it is
 * killed before its rename (".NAME.iopsched-tmp.XXXXXX"), unless some
 * atomic_write is at work in dir right now.  Best effort: a folder that
 * cannot be read or locked is left as it is.
 */
void	atomic_clean_dir(const char *dir);

#endif
