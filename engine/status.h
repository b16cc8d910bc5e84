/*
 * Status codes shared by every layer.  Functions return 0 on success or one
 * of these negative values, and fill a caller-freed "char **cause" with a
 * one-line description.  Only cmd/ turns them into exit codes (cmd/exitcode.h).
 */
#ifndef IOP_STATUS_H
#define IOP_STATUS_H

enum iop_status {
	IOP_OK = 0,
	IOP_EINPUT = -1,	/* invalid input data: scenario, CSV, iCalendar (65) */
	IOP_ENOTFOUND = -2,	/* unknown id, run, or nothing stored yet (65) */
	IOP_ENOFILE = -3,	/* input file missing, unreadable or a directory (66) */
	IOP_ECREATE = -4,	/* output cannot be created (73) */
	IOP_EIO = -5,		/* I/O error while reading or writing (74) */
	IOP_EBUSY = -6,		/* database locked by another process (75) */
	IOP_EINTERNAL = -7,	/* a bug or an impossible state (70) */
	IOP_EUSAGE = -8,	/* malformed command-line argument (64) */
	IOP_ETEMPFAIL = -9	/* an external command failed; try again (75) */
};

#endif
