#!/usr/bin/env python3
"""Checks that hostile ids and names (quotes, semicolons, commas, backslashes,
line breaks, non-ASCII, SQL and HTML fragments) come out of iopsched exactly
as they went in, and escaped for each format, with nothing injected.

Usage: check_hostile.py KIND SCENARIO FILE... (exit 0 when all holds)
  csv SCENARIO OUT.csv          schedule CSV, parsed with the csv module
  json SCENARIO OUT.json        schedule JSON, parsed with the json module
  table SCENARIO OUT.txt        schedule table: ids whole, no control bytes
  db SCENARIO DB                the database holds every string unchanged
  ical SCENARIO FEEDDIR MBOX    feeds and invites: one property per line,
                                TEXT and RFC 6868 parameters decode back
  html SCENARIO REPORT.html     no markup from a name reaches the page
  icalendar SCENARIO FEEDDIR MBOX   the same events read by python3-icalendar

Standard library only, but for the last.  Each failure prints one line on
stderr.
"""
import csv
import email
import email.header
import html
import io
import json
import mailbox
import os
import sqlite3
import sys
import urllib.parse

FAILURES = []


def fail(msg):
    FAILURES.append(msg)
    print("check_hostile: " + msg, file=sys.stderr)


def load_scenario(path):
    with open(path, encoding="utf-8") as f:
        sc = json.load(f)
    if isinstance(sc["participants"], str):
        roster = os.path.join(os.path.dirname(path), sc["participants"])
        with open(roster, encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        sc["participants"] = [{k: v for k, v in r.items() if v != ""}
                              for r in rows]
    return sc


def ids(items):
    return sorted(x["id"] for x in items)


def check_csv(sc, path):
    with open(path, encoding="utf-8", newline="") as f:
        raw = f.read()
    if raw.count("\n") != raw.count("\r\n"):
        fail("%s: a line does not end in CRLF" % path)
    rows = list(csv.reader(io.StringIO(raw, newline="")))
    if rows[0] != ["participant", "group", "start", "end", "makeup"]:
        fail("%s: header is %r" % (path, rows[0]))
    got = sorted({r[0] for r in rows[1:]})
    if got != ids(sc["participants"]):
        fail("%s: participants %r, want %r" % (path, got,
             ids(sc["participants"])))
    groups = sorted({r[1] for r in rows[1:]})
    if groups != ids(sc["groups"]):
        fail("%s: groups %r, want %r" % (path, groups, ids(sc["groups"])))
    if any(len(r) != 5 for r in rows):
        fail("%s: a row without 5 fields" % path)


def check_json(sc, path):
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    got = sorted(p["id"] for p in d["participants"])
    if got != ids(sc["participants"]):
        fail("%s: participants %r" % (path, got))
    if sorted(g["id"] for g in d["groups"]) != ids(sc["groups"]):
        fail("%s: groups %r" % (path, [g["id"] for g in d["groups"]]))
    clin = {g["clinician"] for g in d["groups"]}
    if clin != {c["id"] for c in sc["clinicians"]}:
        fail("%s: clinicians %r" % (path, clin))
    members = sorted(m for g in d["groups"] for m in g["members"])
    if members != ids(sc["participants"]):
        fail("%s: members %r" % (path, members))
    for p in d["participants"]:
        if p["group"] not in ids(sc["groups"]):
            fail("%s: %r placed in %r" % (path, p["id"], p["group"]))


def check_table(sc, path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if any(ord(ch) < 0x20 and ch != "\n" for ch in text):
        fail("%s: a control character reaches the terminal" % path)
    name = sc["program"]["name"].replace("\n", "?").replace("\r", "?")
    if not text.startswith(name + ": run "):
        fail("%s: first line is not the program name with '?'" % path)
    for i in ids(sc["participants"]) + ids(sc["groups"]):
        if i not in text:
            fail("%s: %r not shown whole" % (path, i))


def check_db(sc, path):
    db = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    tables = {r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    for t in ("program", "clinicians", "groups", "participants", "runs",
              "run_participants", "run_groups"):
        if t not in tables:
            fail("%s: table %s is gone" % (path, t))
    (name,) = db.execute("SELECT name FROM program").fetchone()
    if name != sc["program"]["name"]:
        fail("%s: program name stored as %r" % (path, name))
    for table, items in (("participants", sc["participants"]),
                         ("clinicians", sc["clinicians"])):
        stored = dict(db.execute("SELECT id, name FROM %s" % table))
        want = {x["id"]: x.get("name") for x in items}
        if stored != want:
            fail("%s: %s stored as %r, want %r" % (path, table, stored, want))
    stored = dict(db.execute("SELECT id, track FROM groups"))
    if stored != {g["id"]: g["track"] for g in sc["groups"]}:
        fail("%s: groups stored as %r" % (path, stored))
    runs = db.execute("SELECT count(*) FROM runs").fetchone()[0]
    if runs < 1:
        fail("%s: no run stored" % path)


# -- iCalendar ----------------------------------------------------------------

def unfold(text):
    if "\r\n" not in text or text.replace("\r\n", "").count("\n"):
        fail("iCalendar text with a bare LF")
    return text.replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")


def split_line(line):
    """NAME, [(param, value)], value of a content line (RFC 5545 3.1)."""
    i, n = 0, len(line)
    while i < n and line[i] not in ";:":
        i += 1
    name, params = line[:i], []
    while i < n and line[i] == ";":
        j = line.index("=", i)
        pname, i = line[i + 1:j], j + 1
        if line[i] == '"':
            k = line.index('"', i + 1)
            pval, i = line[i + 1:k], k + 1
        else:
            k = i
            while line[k] not in ";:":
                k += 1
            pval, i = line[i:k], k
        params.append((pname, pval))
    if i >= n or line[i] != ":":
        fail("not a content line: %r" % line)
        return name, params, ""
    return name, params, line[i + 1:]


def text_value(v):
    out, i = [], 0
    while i < len(v):
        if v[i] == "\\" and i + 1 < len(v):
            out.append("\n" if v[i + 1] in "nN" else v[i + 1])
            i += 2
        else:
            out.append(v[i])
            i += 1
    return "".join(out)


def rfc6868(v):
    return v.replace("^n", "\n").replace("^'", '"').replace("^^", "^")


def as_ical_text(s):
    """What a name or text can be in iCalendar: TEXT has no CR."""
    return s.replace("\r\n", "\n").replace("\r", "")


KNOWN = {"BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "METHOD",
         "X-WR-CALNAME", "REFRESH-INTERVAL", "X-PUBLISHED-TTL", "TZID",
         "X-LIC-LOCATION", "TZNAME", "TZOFFSETFROM", "TZOFFSETTO", "DTSTART",
         "RRULE", "RDATE", "UID", "DTEND", "EXDATE", "SUMMARY", "DESCRIPTION",
         "CLASS", "TRANSP", "URL", "LOCATION", "CONFERENCE", "SEQUENCE",
         "DTSTAMP", "ORGANIZER", "ATTENDEE", "STATUS"}


def check_calendar(sc, text, where, invite):
    prog = sc["program"]
    people = {x.get("email"): x.get("name")
              for x in sc["participants"] + sc["clinicians"]}
    event, nevents = None, 0
    for line in unfold(text):
        if line == "":
            continue
        name, params, value = split_line(line)
        if name not in KNOWN:
            fail("%s: unexpected property %r" % (where, name))
        if name == "BEGIN" and value == "VEVENT":
            event, nevents = {}, nevents + 1
            continue
        if name == "END" and value == "VEVENT":
            for prop, want in (("SUMMARY", 1), ("ORGANIZER", 1),
                               ("ATTENDEE", 1 if invite else 0)):
                if event.get(prop, 0) != want:
                    fail("%s: %d %s lines in an event" % (where,
                         event.get(prop, 0), prop))
            event = None
            continue
        if event is None:
            continue
        event[name] = event.get(name, 0) + 1
        cn = dict(params).get("CN")
        if name == "SUMMARY" and text_value(value) != prog["invite_title"]:
            fail("%s: SUMMARY %r" % (where, text_value(value)))
        if name == "DESCRIPTION" and "Join" in value and not text_value(
                value).endswith("\n\n" + as_ical_text(prog["crisis_text"])):
            fail("%s: DESCRIPTION %r" % (where, text_value(value)))
        if name == "URL":
            group = [g["id"] for g in sc["groups"]
                     if value.endswith(urllib.parse.quote(g["id"], safe=""))]
            if not group or urllib.parse.urlsplit(value).path.count(" "):
                fail("%s: URL %r" % (where, value))
        if name == "ORGANIZER" and rfc6868(cn) != prog["organizer"]["name"]:
            fail("%s: ORGANIZER CN %r" % (where, cn))
        if name == "ATTENDEE":
            addr = value[len("mailto:"):]
            if rfc6868(cn) != as_ical_text(people.get(addr)):
                fail("%s: ATTENDEE CN %r for %s" % (where, cn, addr))
    if invite and nevents != 1:
        fail("%s: %d events in an invite" % (where, nevents))
    return nevents


def check_plain(sc, text, where, clinician):
    """The plain part names the whole link, and a clinician's the group."""
    urls = {sc["program"]["video_url"].replace(
        "{group}", urllib.parse.quote(g["id"], safe="")) for g in sc["groups"]}
    lines = text.split("\n")
    links = [x[len("Join by video: "):] for x in lines
             if x.startswith("Join by video: ")]
    if len(links) != 1 or links[0] not in urls:
        fail("%s: plain text links %r" % (where, links))
    groups = [x[len("Group "):] for x in lines if x.startswith("Group ")]
    if clinician and (len(groups) != 1 or groups[0] not in ids(sc["groups"])):
        fail("%s: plain text names groups %r" % (where, groups))


def check_ical(sc, feeds, mbox):
    total = 0
    for f in sorted(os.listdir(feeds)):
        with open(os.path.join(feeds, f), encoding="utf-8",
                  newline="") as fp:
            total += check_calendar(sc, fp.read(), f, False)
    if total == 0:
        fail("%s: no event in any feed" % feeds)
    people = {x["email"]: x.get("name", "")
              for x in sc["participants"] + sc["clinicians"] if "email" in x}
    messages = 0
    for msg in mailbox.mbox(mbox):
        messages += 1
        keys = {k.lower() for k in msg.keys()}
        if keys - {"from", "to", "subject", "date", "message-id",
                   "mime-version", "auto-submitted", "content-type"}:
            fail("message %d: unexpected headers %r" % (messages, keys))
        to = str(email.header.make_header(email.header.decode_header(
            msg["To"])))
        addr = to[to.rindex("<") + 1:-1]
        want = people[addr].replace("\r", " ").replace("\n", " ")
        shown = to[:to.rindex("<")].strip()
        if shown.startswith('"'):
            shown = shown[1:-1].replace('\\"', '"').replace("\\\\", "\\")
        if shown != want:
            fail("message %d: To name %r, want %r" % (messages, shown, want))
        for part in msg.walk():
            if part.get_content_type() == "text/plain":
                check_plain(sc, part.get_payload(decode=True).decode(
                    "utf-8"), "message %d" % messages,
                    addr in {c.get("email") for c in sc["clinicians"]})
            if part.get_content_type() == "text/calendar":
                check_calendar(sc, part.get_payload(decode=True).decode(
                    "utf-8"), "message %d" % messages, True)
    if messages == 0:
        fail("%s: no message" % mbox)


def check_with_icalendar(sc, feeds, mbox):
    """A second reader: python3-icalendar finds the same properties."""
    import icalendar
    prog = sc["program"]
    people = {x.get("email"): x.get("name")
              for x in sc["participants"] + sc["clinicians"]}
    texts = []
    for f in sorted(os.listdir(feeds)):
        with open(os.path.join(feeds, f), "rb") as fp:
            texts.append((f, fp.read(), 0))
    for i, msg in enumerate(mailbox.mbox(mbox)):
        for part in msg.walk():
            if part.get_content_type() == "text/calendar":
                texts.append(("message %d" % (i + 1),
                              part.get_payload(decode=True), 1))
    for where, text, attendees in texts:
        for ev in icalendar.Calendar.from_ical(text).walk("VEVENT"):
            att = ev.get("ATTENDEE")
            att = [] if att is None else att if isinstance(att, list) \
                else [att]
            if len(att) != attendees:
                fail("%s: icalendar reads %d ATTENDEE" % (where, len(att)))
            for a in att:
                addr = str(a)[len("mailto:"):]
                if rfc6868(a.params.get("CN")) != as_ical_text(people[addr]):
                    fail("%s: icalendar reads CN %r" % (where,
                         a.params.get("CN")))
            if str(ev["SUMMARY"]) != prog["invite_title"]:
                fail("%s: icalendar reads SUMMARY %r" % (where,
                     str(ev["SUMMARY"])))
            if rfc6868(ev["ORGANIZER"].params.get("CN")) != \
                    prog["organizer"]["name"]:
                fail("%s: icalendar reads the ORGANIZER CN" % where)
            desc = str(ev.get("DESCRIPTION", ""))
            if "Join" in desc and not desc.endswith(
                    as_ical_text(prog["crisis_text"])):
                fail("%s: icalendar reads DESCRIPTION %r" % (where, desc))


def check_html(sc, path):
    with open(path, encoding="utf-8") as f:
        page = f.read()
    for x in sc["participants"] + sc["clinicians"]:
        n = x.get("name", "").split("\t")[0]
        if "<" not in n:
            continue
        if n in page:
            fail("%s: the name %r reaches the page unescaped" % (path, n))
        if n not in html.unescape(page):
            fail("%s: the name %r is not on the page" % (path, n))


def main(argv):
    kind, sc = argv[1], load_scenario(argv[2])
    {"csv": lambda: check_csv(sc, argv[3]),
     "json": lambda: check_json(sc, argv[3]),
     "table": lambda: check_table(sc, argv[3]),
     "db": lambda: check_db(sc, argv[3]),
     "ical": lambda: check_ical(sc, argv[3], argv[4]),
     "icalendar": lambda: check_with_icalendar(sc, argv[3], argv[4]),
     "html": lambda: check_html(sc, argv[3])}[kind]()
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
