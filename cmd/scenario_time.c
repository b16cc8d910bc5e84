/*
 * Scenario values that need more than a type check: dates, time zones,
 * weekly windows and the calendar files a scenario names.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "civil.h"
#include "scenario_int.h"
#include "status.h"
#include "xmalloc.h"

static const char *const scn_window_keys[] = { "days", "from", "to", NULL };

/* Reads date key ("YYYY-MM-DD") of obj as days since 1970-01-01. */
int
scn_get_date(struct scn_ctx *c, const struct scn_where *w, const cJSON *obj,
    const char *key, bool required, int64_t *out)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
	char qb[SCN_QBUF];
	int ret;

	if (item == NULL)
		return required ? scn_missing(c, w, key) : 0;
	if ((ret = scn_check_string(c, w, key, item, SCN_STR_TEXT)) != 0)
		return ret;
	if (civil_parse_date(item->valuestring, out) == -1)
		return scn_fail(c, w, key, "'%s' is not a date (YYYY-MM-DD)",
		    scn_quote(item->valuestring, qb));
	return 0;
}

/* Reads time zone key of obj into *out (freeing its old value). */
int
scn_get_zone(struct scn_ctx *c, const struct scn_where *w, const cJSON *obj,
    const char *key, bool required, char **out)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
	char qb[SCN_QBUF];
	int ret;

	if (item == NULL)
		return required ? scn_missing(c, w, key) : 0;
	if ((ret = scn_check_string(c, w, key, item, SCN_STR_ID)) != 0)
		return ret;
	if (!cal_zone_valid(item->valuestring))
		return scn_fail(c, w, key, "unknown time zone '%s'",
		    scn_quote(item->valuestring, qb));
	free(*out);
	*out = xstrdup(item->valuestring);
	return 0;
}

/* Reads a window's "days" list into a bit set (bit 0 = Monday). */
static int
scn_get_days(struct scn_ctx *c, const struct scn_where *w, const cJSON *obj,
    unsigned *days)
{
	const cJSON *arr, *d;
	char key[32], qb[SCN_QBUF];
	size_t i = 0;
	int ret, day;

	if ((ret = scn_get_array(c, w, obj, "days", true, &arr)) != 0)
		return ret;
	*days = 0;
	cJSON_ArrayForEach(d, arr) {
		snprintf(key, sizeof key, "days[%zu]", i++);
		if ((ret = scn_check_string(c, w, key, d, SCN_STR_TEXT)) != 0)
			return ret;
		if ((day = civil_day_code(d->valuestring)) == -1)
			return scn_fail(c, w, key, "unknown day code '%s'",
			    scn_quote(d->valuestring, qb));
		if (*days & (1u << day))
			return scn_fail(c, w, key, "day '%s' listed twice",
			    d->valuestring);
		*days |= 1u << day;
	}
	return 0;
}

/* Reads required time key ("HH:MM", 00:00 to 24:00) of obj as minutes. */
int
scn_get_hhmm(struct scn_ctx *c, const struct scn_where *w, const cJSON *obj,
    const char *key, int *out)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
	char qb[SCN_QBUF];
	int ret;

	if (item == NULL)
		return scn_missing(c, w, key);
	if ((ret = scn_check_string(c, w, key, item, SCN_STR_TEXT)) != 0)
		return ret;
	if (civil_parse_hhmm(item->valuestring, out) == -1)
		return scn_fail(c, w, key, "'%s' is not a time (HH:MM)",
		    scn_quote(item->valuestring, qb));
	return 0;
}

/* Reads one {"days", "from", "to"} window object at w. */
static int
scn_get_window(struct scn_ctx *c, const struct scn_where *w, const cJSON *obj,
    struct scn_window *win)
{
	const cJSON *from;
	int ret;

	if ((ret = scn_check_object(c, w, obj, scn_window_keys)) != 0 ||
	    (ret = scn_get_days(c, w, obj, &win->days)) != 0 ||
	    (ret = scn_get_hhmm(c, w, obj, "from", &win->from)) != 0 ||
	    (ret = scn_get_hhmm(c, w, obj, "to", &win->to)) != 0)
		return ret;
	if (win->to <= win->from) {
		from = cJSON_GetObjectItemCaseSensitive(obj, "from");
		return scn_fail(c, w, "to", "'%s' is not after from '%s'",
		    cJSON_GetObjectItemCaseSensitive(obj, "to")->valuestring,
		    from->valuestring);
	}
	return 0;
}

/*
 * Reads the optional window list key of obj.  When present it replaces
 * *out (freed) and sets *given; when absent nothing changes.
 */
int
scn_get_windows(struct scn_ctx *c, const struct scn_where *w,
    const cJSON *obj, const char *key, struct scn_window **out,
    size_t *nout, bool *given)
{
	struct scn_window *v = NULL;
	const cJSON *arr, *item;
	struct scn_where at = { NULL, 0 };
	char *path;
	size_t n = 0;
	int ret;

	if ((ret = scn_get_array(c, w, obj, key, false, &arr)) != 0 ||
	    arr == NULL || (ret = scn_check_count(c, w, key, arr,
	    SCN_MAX_WINDOWS, "windows")) != 0)
		return ret;
	v = xcalloc((size_t)cJSON_GetArraySize(arr), sizeof *v);
	cJSON_ArrayForEach(item, arr) {
		path = scn_child_path(w, key, n);
		at.path = path;
		ret = scn_get_window(c, &at, item, &v[n++]);
		free(path);
		if (ret != 0) {
			free(v);
			return ret;
		}
	}
	free(*out);
	*out = v;
	*nout = n;
	*given = true;
	return 0;
}

/*
 * Reads the optional calendar path key of obj and the file it names,
 * relative to the scenario's folder (scn_resolve).  IOP_ENOFILE when it
 * is missing, unreadable or a directory; IOP_EINPUT when it is too large
 * or the scenario's calendars together pass SCN_MAX_CALENDAR_TOTAL.
 */
int
scn_get_calendar(struct scn_ctx *c, const struct scn_where *w,
    const cJSON *obj, const char *key, struct scn_calendar *out)
{
	char *path = NULL, *full = NULL, *why = NULL;
	int ret;

	if ((ret = scn_get_string(c, w, obj, key, SCN_STR_LINE, false,
	    &path)) != 0 || path == NULL)
		return ret;
	if ((ret = scn_resolve(c, w, key, path, &full)) != 0)
		goto out;
	if ((ret = cal_read_file(full, &out->text, &out->len, &why)) != 0) {
		scn_fail(c, w, key, "%s", why ? why : "cannot read");
		goto out;
	}
	out->path = path;
	path = NULL;
	out->hash = scenario_hash(out->text, out->len);
	c->calendar_bytes += (long)out->len;
	if (c->calendar_bytes > SCN_MAX_CALENDAR_TOTAL)
		ret = scn_fail(c, w, key, "the scenario's calendars together "
		    "pass %ld MiB (the limit)",
		    SCN_MAX_CALENDAR_TOTAL / (1024 * 1024));
out:
	free(path);
	free(full);
	free(why);
	return ret;
}
