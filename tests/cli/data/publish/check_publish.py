#!/usr/bin/env python3
"""Independent checks of what `iopsched publish` writes.

  check_publish.py summary MAIL [SKIP]
      One line per message after the first SKIP: "TO METHOD SEQUENCE
      DTSTART EXDATES", sorted.  MAIL is an mbox file or a folder of
      N.eml files (the fake sendmail's).
  check_publish.py check SCENARIO FEEDS LIST MAIL [--icalendar]
      Every message is RFC 6047 iMIP (one object, one UID, MIME method
      equal to METHOD, From the organizer, Date, Message-ID) and every feed
      and object plain RFC 5545 (CRLF, 75-octet lines, VTIMEZONE for every
      TZID); no participant's file or message names another person, a
      track or an agency.  LIST is `publish --list --json`.  With
      --icalendar the calendars are also parsed by python3-icalendar.
  check_publish.py ids MAIL
      The Message-IDs, one per line.
  check_publish.py uids MAIL ADDRESS
      "UID METHOD SEQUENCE" of each message to ADDRESS.
"""
import email
import email.policy
import json
import mailbox
import os
import re
import sys


def messages(path):
    if os.path.isdir(path):
        names = sorted((n for n in os.listdir(path) if n.endswith(".eml")),
                       key=lambda n: int(n.split(".")[0]))
        for n in names:
            with open(os.path.join(path, n), "rb") as f:
                yield email.message_from_binary_file(
                    f, policy=email.policy.default)
    else:
        for m in mailbox.mbox(path):
            yield email.message_from_bytes(m.as_bytes(),
                                           policy=email.policy.default)


def unfold(raw):
    return raw.replace("\r\n ", "").replace("\r\n\t", "")


def props(text, name):
    lines = unfold(text).replace("\r\n", "\n")
    return re.findall(r"^" + name + r"[;:](.*)$", lines, re.M)


def calendar_part(m):
    for part in m.walk():
        if part.get_content_type() == "text/calendar":
            return part, part.get_payload(decode=True).decode("utf-8")
    raise SystemExit("message %s has no text/calendar part" % m["Message-ID"])


def text_part(m):
    for part in m.walk():
        if part.get_content_type() == "text/plain":
            return part.get_payload(decode=True).decode("utf-8")
    raise SystemExit("message %s has no text/plain part" % m["Message-ID"])


def summary(path, skip):
    lines = []
    for i, m in enumerate(messages(path)):
        if i < skip:
            continue
        _, cal = calendar_part(m)
        to = m["To"].addresses[0].addr_spec
        lines.append("%s %s %s %s %d" % (
            to, props(cal, "METHOD")[0], props(cal, "SEQUENCE")[0],
            props(cal, "DTSTART")[-1].split(":")[-1],
            len(props(cal, "EXDATE"))))
    for line in sorted(lines):
        print(line)


def fail(what):
    print("check_publish: " + what, file=sys.stderr)
    sys.exit(1)


def check_rfc5545(name, text):
    if not text.endswith("\r\n") or text.count("\n") != text.count("\r\n"):
        fail("%s: not CRLF" % name)
    for n, line in enumerate(text.split("\r\n")[:-1], 1):
        if len(line.encode("utf-8")) > 75:
            fail("%s:%d: longer than 75 octets" % (name, n))
    zones = set(props(text, "TZID"))
    for tzid in re.findall(r";TZID=([^;:]+)", unfold(text)):
        if tzid not in zones:
            fail("%s: TZID %s without VTIMEZONE" % (name, tzid))
    if "BEGIN:VTIMEZONE" not in text:
        fail("%s: no VTIMEZONE" % name)


def check_icalendar(name, text):
    import icalendar
    cal = icalendar.Calendar.from_ical(text)
    for ev in cal.walk("VEVENT"):
        for key in ("UID", "DTSTAMP", "DTSTART", "SUMMARY", "SEQUENCE"):
            if key not in ev:
                fail("%s: icalendar finds no %s" % (name, key))
        ev.decoded("DTSTART")
    return cal


def forbidden_for(scn, person):
    """What may not appear in person's (a participant's) files."""
    words = set()
    for p in scn["participants"]:
        if p["id"] == person:
            continue
        for key in ("name", "email"):
            if p.get(key):
                words.add(p[key])
    for c in scn["clinicians"]:
        for key in ("name", "email"):
            if c.get(key):
                words.add(c[key])
    for p in scn["participants"]:
        for key in ("track", "agency"):
            if p.get(key):
                words.add(p[key])
    return words


def check(scn_path, feeds, list_path, mail, use_icalendar):
    scn = json.load(open(scn_path))
    org = scn["program"]["organizer"]["email"]
    listing = json.load(open(list_path))
    by_email = {}
    for p in scn["participants"]:
        if p.get("email"):
            by_email[p["email"]] = ("participant", p["id"])
    for c in scn["clinicians"]:
        if c.get("email"):
            by_email[c["email"]] = ("clinician", c["id"])
    participant_names = {p.get("name") for p in scn["participants"]} | \
        {p.get("email") for p in scn["participants"]}
    participant_names.discard(None)
    for entry in listing:
        path = os.path.join(feeds, entry["feed"])
        if not re.fullmatch(r"[0-9a-f]{32}\.ics", entry["feed"]):
            fail("%s: feed name is not a token" % entry["feed"])
        if oct(os.stat(path).st_mode & 0o777) != "0o600":
            fail("%s: mode is not 0600" % path)
        text = open(path, newline="").read()
        check_rfc5545(entry["feed"], text)
        if props(text, "METHOD") != ["PUBLISH"] or "ATTENDEE" in text:
            fail("%s: not a PUBLISH feed without ATTENDEE" % path)
        banned = forbidden_for(scn, entry["id"]) | participant_names \
            if entry["kind"] == "participant" else participant_names
        for word in banned:
            if word in unfold(text):
                fail("%s (%s): names '%s'" % (path, entry["id"], word))
        if use_icalendar:
            check_icalendar(entry["feed"], text)
    count = 0
    for m in messages(mail):
        count += 1
        mid = m["Message-ID"]
        for h in ("From", "To", "Date", "Message-ID", "Subject",
                  "MIME-Version"):
            if m[h] is None:
                fail("%s: no %s header" % (mid, h))
        if m["Date"].datetime is None:
            fail("%s: bad Date" % mid)
        if m["From"].addresses[0].addr_spec != org:
            fail("%s: From is not the organizer" % mid)
        if m.get_content_type() != "multipart/alternative":
            fail("%s: not multipart/alternative" % mid)
        part, cal = calendar_part(m)
        text = text_part(m)
        check_rfc5545(mid, cal)
        method = props(cal, "METHOD")[0]
        if part.get_param("method") != method:
            fail("%s: MIME method %s, METHOD %s" % (
                mid, part.get_param("method"), method))
        if len(props(cal, "UID")) != 1 or cal.count("BEGIN:VEVENT") != 1:
            fail("%s: not one object with one UID" % mid)
        attendees = props(cal, "ATTENDEE")
        to = m["To"].addresses[0].addr_spec
        if len(attendees) != 1 or not attendees[0].endswith("mailto:" + to):
            fail("%s: ATTENDEE is not the recipient alone" % mid)
        if method == "CANCEL" and props(cal, "STATUS") != ["CANCELLED"]:
            fail("%s: CANCEL without STATUS:CANCELLED" % mid)
        kind, who = by_email.get(to, ("participant", None))
        banned = forbidden_for(scn, who) if kind == "participant" else \
            participant_names
        everything = str(m["Subject"]) + str(m["To"]) + str(m["From"]) + \
            text + unfold(cal)
        for word in banned:
            if word in everything:
                fail("%s to %s: names '%s'" % (mid, to, word))
        if use_icalendar:
            check_icalendar(mid, cal)
    print("checked %d feeds and %d messages" % (len(listing), count))


def main():
    if len(sys.argv) >= 3 and sys.argv[1] == "summary":
        summary(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 0)
    elif len(sys.argv) == 3 and sys.argv[1] == "ids":
        for m in messages(sys.argv[2]):
            print(m["Message-ID"])
    elif len(sys.argv) == 4 and sys.argv[1] == "uids":
        for m in messages(sys.argv[2]):
            _, cal = calendar_part(m)
            if m["To"].addresses[0].addr_spec == sys.argv[3]:
                print(props(cal, "UID")[0], props(cal, "METHOD")[0],
                      props(cal, "SEQUENCE")[0])
    elif len(sys.argv) >= 6 and sys.argv[1] == "check":
        check(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5],
              "--icalendar" in sys.argv[6:])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main()
