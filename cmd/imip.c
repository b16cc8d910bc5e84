/* iMIP message assembly: headers, RFC 2047 words, base64.  See imip.h. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "civil.h"
#include "imip.h"
#include "xmalloc.h"

#define IMIP_LINE	76	/* base64 characters per line */
#define IMIP_WORD	45	/* bytes per RFC 2047 encoded word */
#define IMIP_MAX_TEXT	900	/* longest plain line sent as 7bit */

static const char imip_b64[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* Appends the base64 of len bytes (no line breaks) to out. */
static size_t
imip_b64_raw(const unsigned char *p, size_t len, char *out)
{
	size_t o = 0;

	for (size_t i = 0; i < len; i += 3) {
		unsigned v = (unsigned)p[i] << 16;

		if (i + 1 < len)
			v |= (unsigned)p[i + 1] << 8;
		if (i + 2 < len)
			v |= p[i + 2];
		out[o++] = imip_b64[v >> 18 & 63];
		out[o++] = imip_b64[v >> 12 & 63];
		out[o++] = i + 1 < len ? imip_b64[v >> 6 & 63] : '=';
		out[o++] = i + 2 < len ? imip_b64[v & 63] : '=';
	}
	return o;
}

char *
imip_base64(const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t chunk = IMIP_LINE / 4 * 3, o = 0;
	char *out = xmalloc((len + 2) / 3 * 4 + len / chunk + 2);

	for (size_t i = 0; i < len; i += chunk) {
		o += imip_b64_raw(p + i, len - i < chunk ? len - i : chunk,
		    out + o);
		out[o++] = '\n';
	}
	out[o] = '\0';
	return out;
}

static bool
imip_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x7f || (unsigned char)*s < 0x20)
			return false;
	return true;
}

/* s with CR and LF replaced by spaces, so no header can be injected. */
static char *
imip_clean(const char *s)
{
	char *c = xstrdup(s != NULL ? s : "");

	for (char *p = c; *p != '\0'; p++)
		if (*p == '\r' || *p == '\n')
			*p = ' ';
	return c;
}

/* RFC 2047 B words of s, not splitting a UTF-8 sequence, joined by "\n ". */
static char *
imip_words(const char *s)
{
	size_t len = strlen(s), i = 0, take;
	char *out = xstrdup(""), *next, word[IMIP_WORD / 3 * 4 + 8];

	while (i < len) {
		take = len - i < IMIP_WORD ? len - i : IMIP_WORD;
		while (i + take < len && take > 1 &&
		    ((unsigned char)s[i + take] & 0xc0) == 0x80)
			take--;
		word[imip_b64_raw((const unsigned char *)s + i, take,
		    word)] = '\0';
		next = xasprintf("%s%s=?UTF-8?B?%s?=", out, i > 0 ? "\n " : "",
		    word);
		free(out);
		out = next;
		i += take;
	}
	return out;
}

/* An unstructured header value (Subject): as is, or encoded words. */
static char *
imip_unstructured(const char *s)
{
	char *c = imip_clean(s), *out;

	out = imip_ascii(c) ? xstrdup(c) : imip_words(c);
	free(c);
	return out;
}

/* "Name <addr>" with the name as atoms, a quoted string or words. */
static char *
imip_address(const char *name, const char *email)
{
	char *n = imip_clean(name), *e = imip_clean(email), *out, *q;
	size_t k = 0;

	if (*n == '\0')
		out = xasprintf("<%s>", e);
	else if (!imip_ascii(n)) {
		q = imip_words(n);
		out = xasprintf("%s <%s>", q, e);
		free(q);
	} else if (strpbrk(n, "()<>[]:;@\\,.\"") == NULL)
		out = xasprintf("%s <%s>", n, e);
	else {
		q = xmalloc(2 * strlen(n) + 1);
		for (const char *p = n; *p != '\0'; p++) {
			if (*p == '"' || *p == '\\')
				q[k++] = '\\';
			q[k++] = *p;
		}
		q[k] = '\0';
		out = xasprintf("\"%s\" <%s>", q, e);
		free(q);
	}
	free(n);
	free(e);
	return out;
}

void
imip_date(int64_t now, char *buf)
{
	static const char *const days[7] = {
		"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"
	};
	static const char *const months[12] = {
		"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
		"Oct", "Nov", "Dec"
	};
	int64_t day = now >= 0 ? now / 86400 : (now - 86399) / 86400;
	int64_t sec = now - day * 86400;
	int y, m, d;

	civil_from_days(day, &y, &m, &d);
	snprintf(buf, 40, "%s, %02d %s %04d %02d:%02d:%02d +0000",
	    days[civil_weekday(day)], d, months[m - 1], y, (int)(sec / 3600),
	    (int)(sec / 60 % 60), (int)(sec % 60));
}

/* The plain part: 7bit when it is short-lined ASCII, else base64. */
static char *
imip_text_part(const char *text)
{
	bool plain = true;
	size_t line = 0;
	char *b64, *out;

	for (const char *p = text; *p != '\0' && plain; p++) {
		line = *p == '\n' ? 0 : line + 1;
		plain = (*p == '\n' || ((unsigned char)*p >= 0x20 &&
		    (unsigned char)*p < 0x7f)) && line <= IMIP_MAX_TEXT;
	}
	if (plain)
		return xasprintf("Content-Type: text/plain; charset=UTF-8\n"
		    "Content-Transfer-Encoding: 7bit\n\n%s", text);
	b64 = imip_base64(text, strlen(text));
	out = xasprintf("Content-Type: text/plain; charset=UTF-8\n"
	    "Content-Transfer-Encoding: base64\n\n%s", b64);
	free(b64);
	return out;
}

char *
imip_message(const struct store_pub_message *m, const char *from_name,
    const char *from_email, int64_t now)
{
	char date[40], boundary[40];
	char *from = imip_address(from_name, from_email);
	char *to = imip_address(m->to_name, m->to_email);
	char *subject = imip_unstructured(m->subject);
	char *text = imip_text_part(m->text);
	char *cal = imip_base64(m->ical, strlen(m->ical));
	char *msg;

	imip_date(now, date);
	snprintf(boundary, sizeof boundary, "=_iopsched_%.16s", m->message_id);
	msg = xasprintf("From: %s\nTo: %s\nSubject: %s\nDate: %s\n"
	    "Message-ID: <%s>\nMIME-Version: 1.0\n"
	    "Auto-Submitted: auto-generated\n"
	    "Content-Type: multipart/alternative; boundary=\"%s\"\n\n"
	    "This is a calendar invitation in MIME format.\n\n"
	    "--%s\n%s\n--%s\n"
	    "Content-Type: text/calendar; charset=UTF-8; method=%s\n"
	    "Content-Transfer-Encoding: base64\n\n%s\n--%s--\n",
	    from, to, subject, date, m->message_id, boundary, boundary, text,
	    boundary, m->method, cal, boundary);
	free(from);
	free(to);
	free(subject);
	free(text);
	free(cal);
	return msg;
}
