/* The demo fixture embedded at build time by fixtures/embed.sh. */
#ifndef IOP_DEMO_FILES_H
#define IOP_DEMO_FILES_H

#include <stddef.h>

struct demo_file {
	const char *path;		/* relative to the fixture folder */
	const unsigned char *data;
	size_t	len;
};

/* Terminated by an entry whose path is NULL. */
extern const struct demo_file demo_files[];

#endif
