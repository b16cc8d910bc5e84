/*
 * Loading a scenario file (SPEC section 2): read it, check that it is
 * UTF-8 JSON, hand each top-level list to its parser, then run the
 * cross-item checks.  Every failure leaves one line in *cause and the
 * scenario released.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cal.h"
#include "scenario_int.h"
#include "status.h"
#include "xmalloc.h"

static const char *const scn_top_keys[] = {
	"program", "clinicians", "groups", "participants", NULL
};

/*
 * True when s[0..len) is well-formed UTF-8 (no overlong forms, surrogates
 * or code points past U+10FFFF) and holds no NUL; else *bad is the offset
 * of the first bad byte.
 */
bool
scn_utf8_valid(const char *s, size_t len, size_t *bad)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, n, k;
	unsigned cp;

	while (i < len) {
		if (u[i] >= 0x01 && u[i] < 0x80) {
			i++;
			continue;
		}
		if (u[i] >= 0xc2 && u[i] <= 0xdf)
			n = 1, cp = u[i] & 0x1f;
		else if (u[i] >= 0xe0 && u[i] <= 0xef)
			n = 2, cp = u[i] & 0x0f;
		else if (u[i] >= 0xf0 && u[i] <= 0xf4)
			n = 3, cp = u[i] & 0x07;
		else
			goto fail;
		if (len - i <= n)
			goto fail;
		for (k = 1; k <= n; k++) {
			if ((u[i + k] & 0xc0) != 0x80)
				goto fail;
			cp = cp << 6 | (u[i + k] & 0x3f);
		}
		if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
		    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			goto fail;
		i += n + 1;
	}
	return true;
fail:
	*bad = i;
	return false;
}

static int
scn_line_of(const char *text, size_t off)
{
	int line = 1;

	for (size_t i = 0; i < off; i++)
		if (text[i] == '\n')
			line++;
	return line;
}

/* "FILE: line N: JSON syntax error near '...'" for cJSON's error at err. */
static int
scn_syntax_error(struct scn_ctx *c, const char *text, size_t len,
    const char *err)
{
	char near[24], qb[SCN_QBUF];
	size_t off = err != NULL && err >= text && err <= text + len ?
	    (size_t)(err - text) : len, n = 0;

	while (off + n < len && n < sizeof near - 1 && text[off + n] != '\n' &&
	    text[off + n] != '\r')
		near[n] = text[off + n], n++;
	near[n] = '\0';
	if (n == 0 && off >= len)
		c->cause = xasprintf("%s: line %d: JSON syntax error at "
		    "the end of the file", c->file, scn_line_of(text, off));
	else
		c->cause = xasprintf("%s: line %d: JSON syntax error near '%s'",
		    c->file, scn_line_of(text, off), scn_quote(near, qb));
	return IOP_EINPUT;
}

/* The list key of the top level (which may be empty). */
static int
scn_top_list(struct scn_ctx *c, const cJSON *root, const char *key,
    const cJSON **out)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(root, key);

	*out = NULL;
	if (item == NULL)
		return scn_missing(c, NULL, key);
	if (!cJSON_IsArray(item))
		return scn_fail(c, NULL, key, "expected a list");
	*out = item;
	return 0;
}

/* The participants: a list, or the name of a CSV roster. */
static int
scn_top_participants(struct scn_ctx *c, const cJSON *root,
    struct scenario *sc)
{
	const cJSON *item = cJSON_GetObjectItemCaseSensitive(root,
	    "participants");
	int ret;

	if (item == NULL)
		return scn_missing(c, NULL, "participants");
	if (cJSON_IsString(item)) {
		if ((ret = scn_check_string(c, NULL, "participants", item,
		    SCN_STR_LINE)) != 0)
			return ret;
		return scn_read_roster(c, item->valuestring, sc);
	}
	if (!cJSON_IsArray(item))
		return scn_fail(c, NULL, "participants",
		    "expected a list or the name of a CSV roster");
	return scn_parse_participants(c, item, sc);
}

/* Parses the whole document root into sc and checks it. */
static int
scn_parse_root(struct scn_ctx *c, const cJSON *root, struct scenario *sc)
{
	const cJSON *program, *clinicians, *groups;
	int ret;

	if (!cJSON_IsObject(root))
		return scn_fail(c, NULL, NULL, "expected a JSON object");
	if ((ret = scn_check_object(c, NULL, root, scn_top_keys)) != 0)
		return ret;
	if ((program = cJSON_GetObjectItemCaseSensitive(root,
	    "program")) == NULL)
		return scn_missing(c, NULL, "program");
	if ((ret = scn_parse_program(c, program, &sc->program)) != 0 ||
	    (ret = scn_top_list(c, root, "clinicians", &clinicians)) != 0 ||
	    (ret = scn_parse_clinicians(c, clinicians, sc)) != 0 ||
	    (ret = scn_top_list(c, root, "groups", &groups)) != 0 ||
	    (ret = scn_parse_groups(c, groups, sc)) != 0 ||
	    (ret = scn_top_participants(c, root, sc)) != 0)
		return ret;
	return scn_check(c, sc);
}

/*
 * The offset of the first "\u0000" escape in text, or len.  cJSON would
 * end the string there and drop the rest of it without a word.
 */
static size_t
scn_nul_escape(const char *text, size_t len)
{
	for (size_t i = 0; i + 5 < len; i++) {
		if (text[i] != '\\')
			continue;
		if (memcmp(text + i + 1, "u0000", 5) == 0)
			return i;
		i++;			/* the escaped character */
	}
	return len;
}

/* Checks that text is UTF-8 JSON and parses it into sc. */
static int
scn_parse_text(struct scn_ctx *c, const char *text, size_t len,
    struct scenario *sc)
{
	const char *end = NULL;
	cJSON *root;
	size_t bad;
	int ret;

	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0) {
		text += 3;		/* RFC 8259 lets a parser skip a BOM */
		len -= 3;
	}
	if (!scn_utf8_valid(text, len, &bad)) {
		c->cause = xasprintf("%s: line %d: not valid UTF-8 text",
		    c->file, scn_line_of(text, bad));
		return IOP_EINPUT;
	}
	if ((bad = scn_nul_escape(text, len)) < len) {
		c->cause = xasprintf("%s: line %d: \\u0000 (a NUL character) "
		    "in a string", c->file, scn_line_of(text, bad));
		return IOP_EINPUT;
	}
	/* With require_null_terminated cJSON wants the NUL in the length. */
	if ((root = cJSON_ParseWithLengthOpts(text, len + 1, &end, 1)) == NULL)
		return scn_syntax_error(c, text, len, end);
	ret = scn_parse_root(c, root, sc);
	cJSON_Delete(root);
	return ret;
}

/* The folder of path with its final '/', or "" (caller frees). */
static char *
scn_dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash != NULL ? xstrndup(path, (size_t)(slash - path) + 1) :
	    xstrdup("");
}

/* Parses text as the scenario file path; flags as scenario_load_with(). */
static int
scn_load_text_with(const char *path, unsigned flags, const char *text,
    size_t len, struct scenario *sc, char **cause)
{
	struct scn_ctx c;
	int ret;

	memset(sc, 0, sizeof *sc);
	memset(&c, 0, sizeof c);
	c.file = path;
	c.dir = scn_dir_of(path);
	c.anywhere = (flags & SCN_LOAD_ANYWHERE) != 0;
	sc->path = xstrdup(path);
	if ((ret = scn_parse_text(&c, text, len, sc)) != 0) {
		scenario_release(sc);
		*cause = c.cause != NULL ? c.cause :
		    xasprintf("%s: invalid scenario", path);
		c.cause = NULL;
	}
	scn_ctx_release(&c);
	return ret;
}

int
scenario_load_text(const char *path, const char *text, size_t len,
    struct scenario *sc, char **cause)
{
	return scn_load_text_with(path, 0, text, len, sc, cause);
}

int
scenario_load(const char *path, struct scenario *sc, char **cause)
{
	return scenario_load_with(path, 0, sc, cause);
}

int
scenario_load_with(const char *path, unsigned flags, struct scenario *sc,
    char **cause)
{
	char *text = NULL;
	size_t len = 0;
	int ret;

	memset(sc, 0, sizeof *sc);
	if ((ret = cal_read_file_max(path, SCN_MAX_FILE_BYTES, &text, &len,
	    cause)) != 0)
		return ret;
	ret = scn_load_text_with(path, flags, text, len, sc, cause);
	free(text);
	return ret;
}
