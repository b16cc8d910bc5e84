/* Status-to-exit-code mapping and the single error reporter. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "exitcode.h"
#include "status.h"

int
exit_from_status(int status)
{
	switch (status) {
	case IOP_OK:
		return EXIT_OK;
	case IOP_EINPUT:
	case IOP_ENOTFOUND:
		return EXIT_DATAERR;
	case IOP_ENOFILE:
		return EXIT_NOINPUT;
	case IOP_ECREATE:
		return EXIT_CANTCREAT;
	case IOP_EIO:
		return EXIT_IOERR;
	case IOP_EBUSY:
	case IOP_ETEMPFAIL:
		return EXIT_TEMPFAIL;
	case IOP_EUSAGE:
		return EXIT_USAGE;
	default:
		return EXIT_SOFTWARE;
	}
}

int
exit_report(int status, char *cause)
{
	/* One line whatever the cause quotes: control characters as '?'. */
	for (char *p = cause; p != NULL && *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = '?';
	fprintf(stderr, "iopsched: %s\n", cause != NULL ? cause :
	    "internal error");
	free(cause);
	return exit_from_status(status);
}

int
exit_close_stdout(int code)
{
	/* A full disk or a closed pipe shows up only here; say so. */
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
		fprintf(stderr, "iopsched: error writing standard output: %s\n",
		    strerror(errno));
		return code == EXIT_OK || code == EXIT_UNPLACED ?
		    EXIT_IOERR : code;
	}
	return code;
}
