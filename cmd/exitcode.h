/*
 * The exit codes of SPEC section 1, mapped onto sysexits.h, and the one
 * place that turns an internal status into an exit code and a message.
 */
#ifndef IOP_EXITCODE_H
#define IOP_EXITCODE_H

enum exit_code {
	EXIT_OK = 0,
	EXIT_UNPLACED = 1,	/* --fail-on-unplaced with someone unplaced */
	EXIT_USAGE = 64,	/* EX_USAGE */
	EXIT_DATAERR = 65,	/* EX_DATAERR: invalid input, unknown id or run */
	EXIT_NOINPUT = 66,	/* EX_NOINPUT: input file or database missing */
	EXIT_SOFTWARE = 70,	/* EX_SOFTWARE: internal error */
	EXIT_CANTCREAT = 73,	/* EX_CANTCREAT: output cannot be created */
	EXIT_IOERR = 74,	/* EX_IOERR */
	EXIT_TEMPFAIL = 75	/* EX_TEMPFAIL: database busy, sendmail failed */
};

/* The exit code for a status of engine/status.h. */
int	exit_from_status(int status);

/*
 * Prints "iopsched: CAUSE" on stderr (a generic text when cause is NULL),
 * its control characters as '?' so that it is one line, frees cause and
 * returns the exit code for status.
 */
int	exit_report(int status, char *cause);

/*
 * Flushes and closes stdout; on failure prints one line and returns
 * EXIT_IOERR, else code.  Every command returns through this.
 */
int	exit_close_stdout(int code);

#endif
