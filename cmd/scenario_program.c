/*
 * The "program" object of a scenario (SPEC section 2) and its defaults.
 */
#include <stdlib.h>
#include <string.h>

#include "civil.h"
#include "scenario_int.h"
#include "status.h"
#include "xmalloc.h"

static const char *const scn_program_keys[] = {
	"name", "timezone", "start", "weeks", "min_hours_per_week",
	"max_hours_per_week", "group_size", "makeups_per_week", "buffers",
	"windows", "organizer", "video_url", "invite_title", "crisis_text",
	NULL
};
static const char *const scn_size_keys[] = { "min", "max", NULL };
static const char *const scn_buffer_keys[] = {
	"before_shift_minutes", "after_shift_minutes", "long_shift_hours",
	"rest_after_long_shift_hours", NULL
};
static const char *const scn_organizer_keys[] = { "name", "email", NULL };

/* Weekdays 17:00-22:00 and weekends 08:00-21:00, replacing pg->windows. */
void
scn_window_defaults(struct scn_program *pg)
{
	free(pg->windows);
	pg->windows = xcalloc(2, sizeof *pg->windows);
	pg->windows[0] = (struct scn_window){ 0x1f, 17 * 60, 22 * 60 };
	pg->windows[1] = (struct scn_window){ 0x60, 8 * 60, 21 * 60 };
	pg->nwindows = 2;
}

/* Reads the optional sub-object key of obj, checked against keys. */
static int
scn_sub_object(struct scn_ctx *c, const struct scn_where *w, const cJSON *obj,
    const char *key, bool required, const char *const *keys,
    const cJSON **out)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
	struct scn_where at = { NULL, 0 };
	char *path;
	int ret;

	*out = NULL;
	if (item == NULL)
		return required ? scn_missing(c, w, key) : 0;
	at.path = path = scn_child_path(w, key, SCN_NOINDEX);
	ret = scn_check_object(c, &at, item, keys);
	free(path);
	if (ret == 0)
		*out = item;
	return ret;
}

static int
scn_group_size(struct scn_ctx *c, const struct scn_where *w,
    const cJSON *obj, struct scn_program *pg)
{
	struct scn_where at = { "program.group_size", 0 };
	const cJSON *gs;
	int ret;

	if ((ret = scn_sub_object(c, w, obj, "group_size", true,
	    scn_size_keys, &gs)) != 0 ||
	    (ret = scn_get_int(c, &at, gs, "min", 0, SCN_MAX_COUNT, true,
	    &pg->group_min)) != 0 ||
	    (ret = scn_get_int(c, &at, gs, "max", 1, SCN_MAX_COUNT, true,
	    &pg->group_max)) != 0)
		return ret;
	if (pg->group_min > pg->group_max)
		return scn_fail(c, &at, "min", "%d is more than max (%d)",
		    pg->group_min, pg->group_max);
	return 0;
}

static int
scn_buffers(struct scn_ctx *c, const struct scn_where *w, const cJSON *obj,
    struct scn_program *pg)
{
	struct scn_where at = { "program.buffers", 0 };
	const cJSON *b;
	int ret;

	if ((ret = scn_sub_object(c, w, obj, "buffers", false,
	    scn_buffer_keys, &b)) != 0 || b == NULL)
		return ret;
	if ((ret = scn_get_int(c, &at, b, "before_shift_minutes", 0,
	    SCN_MAX_MINUTES, false, &pg->before_shift_minutes)) != 0 ||
	    (ret = scn_get_int(c, &at, b, "after_shift_minutes", 0,
	    SCN_MAX_MINUTES, false, &pg->after_shift_minutes)) != 0 ||
	    (ret = scn_get_double(c, &at, b, "long_shift_hours",
	    SCN_MAX_HOURS, false, &pg->long_shift_hours)) != 0 ||
	    (ret = scn_get_double(c, &at, b, "rest_after_long_shift_hours",
	    SCN_MAX_HOURS, false, &pg->rest_after_long_shift_hours)) != 0)
		return ret;
	return 0;
}

static int
scn_organizer(struct scn_ctx *c, const struct scn_where *w, const cJSON *obj,
    struct scn_program *pg)
{
	struct scn_where at = { "program.organizer", 0 };
	const cJSON *o;
	int ret;

	if ((ret = scn_sub_object(c, w, obj, "organizer", false,
	    scn_organizer_keys, &o)) != 0 || o == NULL)
		return ret;
	if ((ret = scn_get_string(c, &at, o, "name", SCN_STR_NAME, false,
	    &pg->organizer_name)) != 0 ||
	    (ret = scn_get_string(c, &at, o, "email", SCN_STR_EMAIL, false,
	    &pg->organizer_email)) != 0)
		return ret;
	return 0;
}

/* Start, length and hours of the program. */
static int
scn_program_time(struct scn_ctx *c, const struct scn_where *w,
    const cJSON *obj, struct scn_program *pg)
{
	const cJSON *start;
	int ret;

	if ((ret = scn_get_zone(c, w, obj, "timezone", true,
	    &pg->timezone)) != 0 ||
	    (ret = scn_get_date(c, w, obj, "start", true, &pg->start)) != 0)
		return ret;
	if (civil_weekday(pg->start) != 0) {
		start = cJSON_GetObjectItemCaseSensitive(obj, "start");
		return scn_fail(c, w, "start", "'%s' is not a Monday",
		    start->valuestring);
	}
	if ((ret = scn_get_int(c, w, obj, "weeks", 1, SCN_MAX_WEEKS, true,
	    &pg->weeks)) != 0 ||
	    (ret = scn_get_double(c, w, obj, "min_hours_per_week",
	    SCN_MAX_HOURS, true, &pg->min_hours)) != 0 ||
	    (ret = scn_get_double(c, w, obj, "max_hours_per_week",
	    SCN_MAX_HOURS, false, &pg->max_hours)) != 0)
		return ret;
	if (pg->min_hours > pg->max_hours)
		return scn_fail(c, w, "min_hours_per_week",
		    "%g is more than max_hours_per_week (%g)", pg->min_hours,
		    pg->max_hours);
	return 0;
}

/*
 * Reads the program object into pg, which the caller has zeroed; pg owns
 * what it holds even on failure.
 */
int
scn_parse_program(struct scn_ctx *c, const cJSON *obj, struct scn_program *pg)
{
	struct scn_where w = { "program", 0 };
	bool given = false;
	int ret;

	pg->max_hours = 19;
	pg->makeups_per_week = 1;
	pg->invite_title = xstrdup("Group session");
	scn_window_defaults(pg);
	if ((ret = scn_check_object(c, &w, obj, scn_program_keys)) != 0 ||
	    (ret = scn_get_string(c, &w, obj, "name", SCN_STR_NAME, false,
	    &pg->name)) != 0 ||
	    (ret = scn_program_time(c, &w, obj, pg)) != 0 ||
	    (ret = scn_group_size(c, &w, obj, pg)) != 0 ||
	    (ret = scn_get_int(c, &w, obj, "makeups_per_week", 0,
	    SCN_MAX_COUNT, false, &pg->makeups_per_week)) != 0 ||
	    (ret = scn_buffers(c, &w, obj, pg)) != 0 ||
	    (ret = scn_get_windows(c, &w, obj, "windows", &pg->windows,
	    &pg->nwindows, &given)) != 0 ||
	    (ret = scn_organizer(c, &w, obj, pg)) != 0 ||
	    (ret = scn_get_string(c, &w, obj, "video_url", SCN_STR_LINE, false,
	    &pg->video_url)) != 0 ||
	    (ret = scn_get_string(c, &w, obj, "invite_title", SCN_STR_ID,
	    false, &pg->invite_title)) != 0 ||
	    (ret = scn_get_string(c, &w, obj, "crisis_text", SCN_STR_TEXT,
	    false, &pg->crisis_text)) != 0)
		return ret;
	return 0;
}
