/*
 * Typed readers of one member of a cJSON object, each checking the type
 * and the domain and naming the place of what is wrong.  cJSON keeps a key
 * given twice as two siblings, so scn_check_object() walks the children.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "scenario_int.h"
#include "status.h"
#include "xmalloc.h"

static const char *
scn_type_name(const cJSON *item)
{
	if (cJSON_IsString(item))
		return "a string";
	if (cJSON_IsNumber(item))
		return "a number";
	if (cJSON_IsBool(item))
		return "a boolean";
	if (cJSON_IsNull(item))
		return "null";
	if (cJSON_IsArray(item))
		return "a list";
	return "an object";
}

static bool
scn_key_known(const char *key, const char *const *keys)
{
	for (; *keys != NULL; keys++)
		if (strcmp(key, *keys) == 0)
			return true;
	return false;
}

/*
 * Checks that obj (the value at w) is an object whose members are all in
 * the NULL-terminated keys, each given once.
 */
int
scn_check_object(struct scn_ctx *c, const struct scn_where *w,
    const cJSON *obj, const char *const *keys)
{
	const cJSON *k, *prev;

	if (!cJSON_IsObject(obj))
		return scn_fail(c, w, NULL, "expected an object, not %s",
		    scn_type_name(obj));
	cJSON_ArrayForEach(k, obj) {
		if (!scn_key_known(k->string, keys))
			return scn_fail(c, w, k->string, "unknown key");
		for (prev = obj->child; prev != k; prev = prev->next)
			if (strcmp(prev->string, k->string) == 0)
				return scn_fail(c, w, k->string,
				    "key given twice");
	}
	return 0;
}

/*
 * True when s holds a control character; with lines, tab, CR and LF do
 * not count (text may hold them; iCalendar TEXT and RFC 6868 parameters
 * can carry them, and nothing else of C0).
 */
static bool
scn_has_control(const char *s, bool lines)
{
	for (; *s != '\0'; s++)
		if (((unsigned char)*s < 0x20 || *s == 0x7f) && !(lines &&
		    (*s == '\t' || *s == '\n' || *s == '\r')))
			return true;
	return false;
}

/*
 * True when s looks like an e-mail address, local@domain, that can go
 * into a To: header and a mailto: URI as it is: one '@' with text on both
 * sides, no space and none of the characters that structure a header.
 */
static bool
scn_email_ok(const char *s)
{
	const char *at = strchr(s, '@');

	return at != NULL && at != s && at[1] != '\0' &&
	    strchr(at + 1, '@') == NULL && strpbrk(s, " \"(),:;<>[\\]") == NULL;
}

/* Checks that item, the value of key at w, is a string of that kind. */
int
scn_check_string(struct scn_ctx *c, const struct scn_where *w,
    const char *key, const cJSON *item, enum scn_str kind)
{
	bool line = kind != SCN_STR_NAME && kind != SCN_STR_TEXT;
	size_t max = kind == SCN_STR_LINE || kind == SCN_STR_TEXT ?
	    SCN_MAX_TEXT_BYTES : SCN_MAX_ID_BYTES, len;
	char qb[SCN_QBUF];

	if (!cJSON_IsString(item) || item->valuestring == NULL)
		return scn_fail(c, w, key, "expected a string, not %s",
		    scn_type_name(item));
	if ((len = strlen(item->valuestring)) > max)
		return scn_fail(c, w, key, "string of %zu bytes, longer than "
		    "the limit of %zu", len, max);
	if (line && item->valuestring[0] == '\0')
		return scn_fail(c, w, key, "empty string");
	if (scn_has_control(item->valuestring, !line))
		return scn_fail(c, w, key, "control character in string");
	if (kind == SCN_STR_EMAIL && !scn_email_ok(item->valuestring))
		return scn_fail(c, w, key, "'%s' is not an e-mail address "
		    "(name@domain)", scn_quote(item->valuestring, qb));
	return 0;
}

/*
 * Reads string key of obj into *out (freeing what *out held; the caller
 * frees the new value).
 */
int
scn_get_string(struct scn_ctx *c, const struct scn_where *w,
    const cJSON *obj, const char *key, enum scn_str kind, bool required,
    char **out)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
	int ret;

	if (item == NULL)
		return required ? scn_missing(c, w, key) : 0;
	if ((ret = scn_check_string(c, w, key, item, kind)) != 0)
		return ret;
	free(*out);
	*out = xstrdup(item->valuestring);
	return 0;
}

/* Reads integer key of obj, which must lie in [lo, hi]. */
int
scn_get_int(struct scn_ctx *c, const struct scn_where *w, const cJSON *obj,
    const char *key, int lo, int hi, bool required, int *out)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
	double v;

	if (item == NULL)
		return required ? scn_missing(c, w, key) : 0;
	if (!cJSON_IsNumber(item))
		return scn_fail(c, w, key, "expected an integer, not %s",
		    scn_type_name(item));
	v = item->valuedouble;
	if (!isfinite(v) || v != floor(v))
		return scn_fail(c, w, key, "%g is not an integer", v);
	if (v < lo && lo == 0)
		return scn_fail(c, w, key, "%g is negative", v);
	if (v < lo)
		return scn_fail(c, w, key, "%g is less than %d", v, lo);
	if (v > hi)
		return scn_fail(c, w, key, "%g is more than %d", v, hi);
	*out = (int)v;
	return 0;
}

/* Reads number key of obj, which must lie in [0, hi]. */
int
scn_get_double(struct scn_ctx *c, const struct scn_where *w,
    const cJSON *obj, const char *key, double hi, bool required, double *out)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);
	double v;

	if (item == NULL)
		return required ? scn_missing(c, w, key) : 0;
	if (!cJSON_IsNumber(item))
		return scn_fail(c, w, key, "expected a number, not %s",
		    scn_type_name(item));
	v = item->valuedouble;
	if (!isfinite(v))
		return scn_fail(c, w, key, "%g is not a finite number", v);
	if (v < 0)
		return scn_fail(c, w, key, "%g is negative", v);
	if (v > hi)
		return scn_fail(c, w, key, "%g is more than %g", v, hi);
	*out = v;
	return 0;
}

/* Reads boolean key of obj (optional). */
int
scn_get_bool(struct scn_ctx *c, const struct scn_where *w, const cJSON *obj,
    const char *key, bool *out)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (item == NULL)
		return 0;
	if (!cJSON_IsBool(item))
		return scn_fail(c, w, key, "expected true or false, not %s",
		    scn_type_name(item));
	*out = cJSON_IsTrue(item);
	return 0;
}

/*
 * Checks that list arr, the value of key at w, has at most max items,
 * "what" in the message ("participants").
 */
int
scn_check_count(struct scn_ctx *c, const struct scn_where *w,
    const char *key, const cJSON *arr, int max, const char *what)
{
	int n = cJSON_GetArraySize(arr);

	if (n > max)
		return scn_fail(c, w, key, "%d %s, more than the limit of %d",
		    n, what, max);
	return 0;
}

/* Finds list key of obj, which must not be empty; *out NULL if absent. */
int
scn_get_array(struct scn_ctx *c, const struct scn_where *w,
    const cJSON *obj, const char *key, bool required, const cJSON **out)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(obj, key);

	*out = NULL;
	if (item == NULL)
		return required ? scn_missing(c, w, key) : 0;
	if (!cJSON_IsArray(item))
		return scn_fail(c, w, key, "expected a list, not %s",
		    scn_type_name(item));
	if (item->child == NULL)
		return scn_fail(c, w, key, "empty list");
	*out = item;
	return 0;
}
