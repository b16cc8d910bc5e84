/*
 * The JSON the store keeps in a row for small lists: windows
 * ([{"days":31,"from":1020,"to":1320}]), group sessions
 * ([{"day":0,"start":1080,"minutes":180}]) and licensed states (["TX"]).
 * Values are exact: they are small integers and strings.
 */
#include <cjson/cJSON.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "store_impl.h"
#include "xmalloc.h"

static const char *const store_window_keys[3] = { "days", "from", "to" };
static const char *const store_session_keys[3] = { "day", "start", "minutes" };

/* cJSON reports out of memory as NULL; like xmalloc, we stop there. */
static void *
store_json_check(void *p)
{
	if (p == NULL) {
		fputs("iopsched: out of memory building JSON\n", stderr);
		abort();
	}
	return p;
}

/* Prints root into an xmalloc'd string and deletes root. */
static char *
store_json_print(cJSON *root)
{
	char *json, *s;

	json = store_json_check(cJSON_PrintUnformatted(root));
	s = xstrdup(json);
	cJSON_free(json);
	cJSON_Delete(root);
	return s;
}

/* An array of n objects, each with keys[0..2] set to v[i][0..2]. */
static char *
store_json_encode_triples(const char *const keys[3], const int (*v)[3],
    size_t n)
{
	cJSON *root, *obj;
	size_t i;
	int k;

	root = store_json_check(cJSON_CreateArray());
	for (i = 0; i < n; i++) {
		obj = store_json_check(cJSON_CreateObject());
		for (k = 0; k < 3; k++)
			store_json_check(cJSON_AddNumberToObject(obj, keys[k],
			    v[i][k]));
		cJSON_AddItemToArray(root, obj);
	}
	return store_json_print(root);
}

/* Reads key of obj as an int; false if absent, not a number or not whole. */
static bool
store_json_int(const cJSON *obj, const char *key, int *out)
{
	const cJSON *item;
	double d;

	item = cJSON_GetObjectItemCaseSensitive(obj, key);
	if (!cJSON_IsNumber(item))
		return false;
	d = item->valuedouble;
	if (d < INT_MIN || d > INT_MAX || d != (double)(int)d)
		return false;
	*out = (int)d;
	return true;
}

/*
 * Parses what store_json_encode_triples wrote into *v (caller frees) and
 * *n.  Returns false, with nothing allocated, when json is malformed.
 */
static bool
store_json_decode_triples(const char *json, const char *const keys[3],
    int (**v)[3], size_t *n)
{
	const cJSON *item;
	cJSON *root;
	size_t i = 0;
	int k;

	*v = NULL;
	*n = 0;
	if (json == NULL || (root = cJSON_Parse(json)) == NULL)
		return false;
	if (!cJSON_IsArray(root))
		goto fail;
	*n = (size_t)cJSON_GetArraySize(root);
	*v = xcalloc(*n, sizeof **v);
	cJSON_ArrayForEach(item, root) {
		for (k = 0; k < 3; k++)
			if (!store_json_int(item, keys[k], &(*v)[i][k]))
				goto fail;
		i++;
	}
	cJSON_Delete(root);
	return true;
fail:
	free(*v);
	*v = NULL;
	*n = 0;
	cJSON_Delete(root);
	return false;
}

char *
store_windows_encode(const struct scn_window *w, size_t n)
{
	int (*v)[3];
	char *json;
	size_t i;

	v = xcalloc(n, sizeof *v);
	for (i = 0; i < n; i++) {
		v[i][0] = (int)w[i].days;
		v[i][1] = w[i].from;
		v[i][2] = w[i].to;
	}
	json = store_json_encode_triples(store_window_keys,
	    (const int (*)[3])v, n);
	free(v);
	return json;
}

bool
store_windows_decode(const char *json, struct scn_window **w, size_t *n)
{
	int (*v)[3];
	size_t i;

	*w = NULL;
	if (!store_json_decode_triples(json, store_window_keys, &v, n))
		return false;
	if (*n > 0)
		*w = xcalloc(*n, sizeof **w);
	for (i = 0; i < *n; i++) {
		(*w)[i].days = (unsigned)v[i][0];
		(*w)[i].from = v[i][1];
		(*w)[i].to = v[i][2];
	}
	free(v);
	return true;
}

char *
store_sessions_encode(const struct scn_session *s, size_t n)
{
	int (*v)[3];
	char *json;
	size_t i;

	v = xcalloc(n, sizeof *v);
	for (i = 0; i < n; i++) {
		v[i][0] = s[i].day;
		v[i][1] = s[i].start;
		v[i][2] = s[i].minutes;
	}
	json = store_json_encode_triples(store_session_keys,
	    (const int (*)[3])v, n);
	free(v);
	return json;
}

bool
store_sessions_decode(const char *json, struct scn_session **s, size_t *n)
{
	int (*v)[3];
	size_t i;

	*s = NULL;
	if (!store_json_decode_triples(json, store_session_keys, &v, n))
		return false;
	if (*n > 0)
		*s = xcalloc(*n, sizeof **s);
	for (i = 0; i < *n; i++) {
		(*s)[i].day = v[i][0];
		(*s)[i].start = v[i][1];
		(*s)[i].minutes = v[i][2];
	}
	free(v);
	return true;
}

char *
store_strings_encode(char *const *v, size_t n)
{
	cJSON *root;
	size_t i;

	root = store_json_check(cJSON_CreateArray());
	for (i = 0; i < n; i++)
		cJSON_AddItemToArray(root,
		    store_json_check(cJSON_CreateString(v[i])));
	return store_json_print(root);
}

bool
store_strings_decode(const char *json, char ***v, size_t *n)
{
	const cJSON *item;
	cJSON *root;
	size_t i = 0;

	*v = NULL;
	*n = 0;
	if (json == NULL || (root = cJSON_Parse(json)) == NULL)
		return false;
	if (!cJSON_IsArray(root))
		goto fail;
	*n = (size_t)cJSON_GetArraySize(root);
	if (*n > 0)
		*v = xcalloc(*n, sizeof **v);
	cJSON_ArrayForEach(item, root) {
		if (!cJSON_IsString(item) || i >= *n)
			goto fail;
		(*v)[i++] = xstrdup(item->valuestring);
	}
	cJSON_Delete(root);
	return true;
fail:
	while (i > 0)
		free((*v)[--i]);
	free(*v);
	*v = NULL;
	*n = 0;
	cJSON_Delete(root);
	return false;
}
