/*
 * cal_parse_only: libical's parsing of a text and nothing else, so that
 * the calendar benchmark (tests/bench) can tell what share of an
 * expansion is libical's own parsing.
 */
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "cal.h"
#include "status.h"
#include "xmalloc.h"

int
cal_parse_only(const char *text, size_t len)
{
	icalcomponent *root;
	char *copy;

	/* The same steps as cal_expand_text's parse: BOM, copy, parse, free. */
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		text += 3, len -= 3;
	copy = xstrndup(text, len);
	icalerror_set_errors_are_fatal(0);
	root = icalparser_parse_string(copy);
	free(copy);
	if (root == NULL)
		return IOP_EINPUT;
	icalcomponent_free(root);
	return 0;
}
