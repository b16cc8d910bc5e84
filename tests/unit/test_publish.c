/*
 * Unit tests of publish: the hash and encoders it builds its UIDs and
 * messages with, the feed and invite writers read back through libical
 * (cal_itip_check), and the whole demo published and every feed and
 * message parsed back and checked against RFC 5546 section 3.2.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cal.h"
#include "command.h"
#include "imip.h"
#include "publish_int.h"
#include "solve_flow.h"
#include "status.h"
#include "xmalloc.h"

static void
test_sha256_matches_fips_vectors(void **state)
{
	char hex[65];

	(void)state;
	pub_sha256_hex("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
	pub_sha256_hex("", 0, hex);
	assert_string_equal(hex, "e3b0c44298fc1c149afbf4c8996fb924"
	    "27ae41e4649b934ca495991b7852b855");
	pub_sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	    56, hex);
	assert_string_equal(hex, "248d6a61d20638b8e5c026930c3e6039"
	    "a33ce45964ff2167f6ecedd419db06c1");
}

static void
test_random_tokens_are_128_bit_hex_and_differ(void **state)
{
	char a[33], b[33], *cause = NULL;

	(void)state;
	assert_int_equal(pub_random_hex(a, &cause), 0);
	assert_int_equal(pub_random_hex(b, &cause), 0);
	assert_int_equal(strlen(a), 32);
	assert_int_equal(strspn(a, "0123456789abcdef"), 32);
	assert_string_not_equal(a, b);
}

static void
test_base64_matches_rfc4648_and_wraps_at_76(void **state)
{
	static const char *const in[] = { "", "f", "fo", "foo", "foob",
	    "fooba", "foobar" };
	static const char *const out[] = { "", "Zg==\n", "Zm8=\n", "Zm9v\n",
	    "Zm9vYg==\n", "Zm9vYmE=\n", "Zm9vYmFy\n" };
	char big[200], *s;

	(void)state;
	for (size_t i = 0; i < 7; i++) {
		s = imip_base64(in[i], strlen(in[i]));
		assert_string_equal(s, out[i]);
		free(s);
	}
	memset(big, 'x', sizeof big);
	s = imip_base64(big, sizeof big);
	assert_int_equal(strchr(s, '\n') - s, 76);
	free(s);
}

static void
test_date_header_is_rfc5322(void **state)
{
	char buf[40];

	(void)state;
	imip_date(0, buf);
	assert_string_equal(buf, "Thu, 01 Jan 1970 00:00:00 +0000");
	imip_date(1796601600, buf);
	assert_string_equal(buf, "Mon, 07 Dec 2026 00:00:00 +0000");
}

static void
test_message_headers_quote_encode_and_strip_newlines(void **state)
{
	static char method[] = "CANCEL", name[] = "Jos\xc3\xa9 Ortega";
	static char to[] = "jose@example.com";
	static char subject[] = "Cancelled: Evening group\nBcc: x@evil.example";
	static char text[] = "Evening group\n";
	static char ical[] = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n";
	static char id[] = "0123456789abcdef0123@example.org";
	struct store_pub_message m;
	char *msg;

	(void)state;
	memset(&m, 0, sizeof m);
	m.method = method;
	m.to_name = name;
	m.to_email = to;
	m.subject = subject;
	m.text = text;
	m.ical = ical;
	m.message_id = id;
	msg = imip_message(&m, "Dana Whitfield, LCSW", "dana@example.org", 0);
	assert_non_null(strstr(msg, "\nTo: =?UTF-8?B?Sm9zw6kgT3J0ZWdh?= "
	    "<jose@example.com>\n"));
	assert_non_null(strstr(msg, "From: \"Dana Whitfield, LCSW\" "
	    "<dana@example.org>\n"));
	assert_null(strstr(msg, "\nBcc:"));
	assert_non_null(strstr(msg, "Content-Type: text/calendar; "
	    "charset=UTF-8; method=CANCEL\n"));
	assert_non_null(strstr(msg, "Message-ID: <0123456789abcdef0123@"
	    "example.org>\n"));
	free(msg);
}

/* A weekly series over the November DST change, in Chicago. */
static char *
series_body(void)
{
	static const int64_t ex[1] = { 20401 };	/* 2025-11-09 */
	struct cal_event_spec e = { "u1@iopsched", "America/Chicago", 20387,
	    18 * 60, 180, 4, ex, 1, "Evening group", "In a crisis, call 988.",
	    "https://v.example/room/G1" };
	char *body = NULL, *cause = NULL;

	assert_int_equal(cal_event_write(&e, &body, &cause), 0);
	return body;
}

static void
test_series_stays_at_local_time_with_exdates(void **state)
{
	char *body = series_body();

	(void)state;
	assert_non_null(strstr(body,
	    "DTSTART;TZID=America/Chicago:20251026T180000\r\n"));
	assert_non_null(strstr(body, "RRULE:FREQ=WEEKLY;COUNT=4\r\n"));
	assert_non_null(strstr(body,
	    "EXDATE;TZID=America/Chicago:20251109T180000\r\n"));
	assert_non_null(strstr(body, "CONFERENCE;VALUE=URI;FEATURE=VIDEO:"));
	assert_null(strstr(body, "SEQUENCE"));
	free(body);
}

static void
test_invites_pass_itip_request_and_cancel(void **state)
{
	struct cal_party org = { "IOP Scheduling", "s@example.org" };
	struct cal_party att = { "Luis Ortega", "luis@example.com" };
	struct cal_itip_info info;
	struct cal_item item;
	char *body = series_body(), *text = NULL, *cause = NULL;

	(void)state;
	item.body = body;
	item.sequence = 3;
	item.stamp = 1796601600;
	item.note = NULL;
	assert_int_equal(cal_invite_write(CAL_REQUEST, "America/Chicago",
	    1796601600, &item, &org, &att, &text, &cause), 0);
	assert_int_equal(cal_itip_check(text, &info, &cause), 0);
	assert_string_equal(info.method, "REQUEST");
	assert_int_equal(info.nevents, 1);
	assert_int_equal(info.sequence, 3);
	assert_string_equal(info.uid, "u1@iopsched");
	assert_false(info.cancelled);
	free(text);
	item.sequence = 4;
	assert_int_equal(cal_invite_write(CAL_CANCEL, "America/Chicago",
	    1796601600, &item, &org, &att, &text, &cause), 0);
	assert_int_equal(cal_itip_check(text, &info, &cause), 0);
	assert_string_equal(info.method, "CANCEL");
	assert_true(info.cancelled);
	assert_int_equal(info.sequence, 4);
	free(text);
	free(body);
}

static void
test_empty_feed_is_valid_with_the_program_zone(void **state)
{
	struct cal_party org = { NULL, "s@example.org" };
	struct cal_itip_info info;
	char *text = NULL, *cause = NULL;

	(void)state;
	assert_int_equal(cal_feed_write("America/Chicago", 1796601600,
	    "Evening group", &org, NULL, 0, &text, &cause), 0);
	assert_int_equal(cal_itip_check(text, &info, &cause), 0);
	assert_string_equal(info.method, "PUBLISH");
	assert_int_equal(info.nevents, 0);
	assert_non_null(strstr(text, "TZID:America/Chicago\r\n"));
	free(text);
}

static void
test_itip_check_rejects_broken_objects(void **state)
{
	struct cal_party org = { NULL, "s@example.org" };
	struct cal_party att = { NULL, "a@example.com" };
	struct cal_item item = { NULL, 0, 1796601600, NULL };
	char *body = series_body(), *text = NULL, *cause = NULL, *bad, *at;

	(void)state;
	item.body = body;
	assert_int_equal(cal_invite_write(CAL_REQUEST, "America/Chicago",
	    1796601600, &item, &org, &att, &text, &cause), 0);
	/* A second attendee. */
	at = strstr(text, "ATTENDEE");
	bad = xasprintf("%.*sATTENDEE:mailto:b@example.com\r\n%s",
	    (int)(at - text), text, at);
	assert_int_equal(cal_itip_check(bad, NULL, &cause), IOP_EINPUT);
	free(cause);
	free(bad);
	/* LF line ends. */
	bad = xstrdup("BEGIN:VCALENDAR\nEND:VCALENDAR\n");
	assert_int_equal(cal_itip_check(bad, NULL, &cause), IOP_EINPUT);
	free(cause);
	free(bad);
	/* A TZID whose VTIMEZONE is gone. */
	bad = xstrdup(text);
	memcpy(strstr(bad, "TZID:America/Chicago"), "TZID:America/Chicagx", 20);
	assert_int_equal(cal_itip_check(bad, NULL, &cause), IOP_EINPUT);
	free(cause);
	free(bad);
	free(text);
	free(body);
}

/* Decodes base64 (lines of it) into a new NUL-terminated string. */
static char *
unbase64(const char *s, size_t len)
{
	static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnop"
	    "qrstuvwxyz0123456789+/";
	char *out = xmalloc(len + 1);
	unsigned acc = 0;
	int bits = 0;
	size_t o = 0;

	for (size_t i = 0; i < len; i++) {
		const char *p = s[i] != '\0' ? strchr(abc, s[i]) : NULL;

		if (p == NULL)
			continue;
		acc = acc << 6 | (unsigned)(p - abc);
		if ((bits += 6) >= 8) {
			bits -= 8;
			out[o++] = (char)(acc >> bits & 0xff);
		}
	}
	out[o] = '\0';
	return out;
}

static char *
slurp(const char *path)
{
	char *text = NULL, *cause = NULL;
	size_t len;

	if (cal_read_file(path, &text, &len, &cause) != 0)
		fail_msg("%s", cause);
	return text;
}

/* Checks each iMIP message of the mbox text; returns how many. */
static int
check_mbox(char *mbox)
{
	const char *marker = "method=";
	char *p = mbox, *cal, *end;
	struct cal_itip_info info;
	char method[16], *cause = NULL;
	int n = 0;

	while ((p = strstr(p, "Content-Type: text/calendar")) != NULL) {
		p = strstr(p, marker) + strlen(marker);
		sscanf(p, "%15[A-Z]", method);
		p = strstr(p, "\n\n") + 2;
		end = strstr(p, "\n--");
		cal = unbase64(p, (size_t)(end - p));
		if (cal_itip_check(cal, &info, &cause) != 0)
			fail_msg("message %d: %s", n, cause);
		assert_string_equal(info.method, method);
		assert_int_equal(info.nevents, 1);
		free(cal);
		n++;
		p = end;
	}
	return n;
}

static void
test_demo_publish_reads_back_as_itip(void **state)
{
	char dir[] = "/tmp/iopsched-test-publish.XXXXXX";
	struct solve_args a = { "fixtures/demo/scenario.json", NULL, 0, NULL,
	    0 };
	struct run r;
	char *db, *feeds, *mbox, *cause = NULL, *text, *path;
	struct dirent *de;
	DIR *d;
	int nfeeds = 0;

	(void)state;
	assert_non_null(mkdtemp(dir));
	db = xasprintf("%s/demo.db", dir);
	feeds = xasprintf("%s/feeds", dir);
	mbox = xasprintf("%s/mail.mbox", dir);
	if (solve_flow(db, &a, &r, &cause) != 0)
		fail_msg("%s", cause);
	run_release(&r);
	{
		static char name[] = "iopsched publish", out[] = "--out";
		static char box[] = "--mbox";
		char *argv[] = { name, out, feeds, box, mbox, NULL };

		globals.db = db;
		globals.quiet = true;
		assert_int_equal(cmd_publish.run(5, argv), 0);
		globals.db = NULL;
		globals.quiet = false;
	}
	text = slurp(mbox);
	assert_true(check_mbox(text) > 30);
	free(text);
	assert_non_null(d = opendir(feeds));
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s", feeds, de->d_name);
		text = slurp(path);
		if (cal_itip_check(text, NULL, &cause) != 0)
			fail_msg("%s: %s", de->d_name, cause);
		free(text);
		unlink(path);
		free(path);
		nfeeds++;
	}
	closedir(d);
	assert_int_equal(nfeeds, 35);
	unlink(mbox);
	unlink(db);
	rmdir(feeds);
	rmdir(dir);
	free(db);
	free(feeds);
	free(mbox);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha256_matches_fips_vectors),
		cmocka_unit_test(test_random_tokens_are_128_bit_hex_and_differ),
		cmocka_unit_test(test_base64_matches_rfc4648_and_wraps_at_76),
		cmocka_unit_test(test_date_header_is_rfc5322),
		cmocka_unit_test(
		    test_message_headers_quote_encode_and_strip_newlines),
		cmocka_unit_test(test_series_stays_at_local_time_with_exdates),
		cmocka_unit_test(test_invites_pass_itip_request_and_cancel),
		cmocka_unit_test(test_empty_feed_is_valid_with_the_program_zone),
		cmocka_unit_test(test_itip_check_rejects_broken_objects),
		cmocka_unit_test(test_demo_publish_reads_back_as_itip),
	};

	return cmocka_run_group_tests_name("publish", tests, NULL, NULL);
}
