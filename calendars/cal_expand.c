/* Placeholder until the expander lands: every input is refused. */
#include "cal.h"
#include "status.h"
#include "xmalloc.h"

int
cal_expand_text(const char *text, size_t len, const char *name,
    const struct cal_expand_opts *o, struct cal_busy_list *out, char **cause)
{
	(void)text; (void)len; (void)o; (void)out;
	*cause = xasprintf("%s: iCalendar expansion not implemented yet", name);
	return -7;
}
