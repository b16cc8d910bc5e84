#!/usr/bin/env python3
"""Checks an `iopsched report` page, for tests/report/browser.sh.

Usage:
  check_report.py static REPORT.html
      The file as written: a Content-Security-Policy of default-src 'none'
      whose only script allowance is the hash of the page's one inline
      script, and nothing that could load from elsewhere (no src, no href
      but in-page anchors, no <link>, <iframe>, <object>, @import or url()
      but the in-page pattern).
  check_report.py dom DOM.html SCHEDULE.json
      The DOM a browser built from it (chromium --dump-dom) against the
      schedule JSON of the same run (SPEC section 5): open groups, their
      week-by-session grids and attendance, every placed participant's
      hours week by week (home and makeup parts), the unplaced and their
      reasons, the clinicians.
  check_report.py netlog NETLOG.json
      A chromium --log-net-log file: no request started by the page
      (requests the browser makes for itself have no page initiator).

Prints what it checked; exits 1 with one line per failure.  Python 3
standard library only.
"""

import base64
import datetime as dt
import hashlib
import html.parser
import json
import re
import sys

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}

failures = []


def fail(msg):
    failures.append(msg)


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag = tag
        self.attrs = dict(attrs)
        self.parent = parent
        self.children = []      # Nodes and strings

    def classes(self):
        return (self.attrs.get("class") or "").split()

    def text(self, skip=("svg",)):
        out = []
        for c in self.children:
            if isinstance(c, str):
                out.append(c)
            elif c.tag not in skip:
                out.append(c.text(skip))
        return "".join(out)

    def find(self, tag=None, cls=None):
        """Every descendant with this tag and/or class, in document order."""
        found = []
        for c in self.children:
            if isinstance(c, str):
                continue
            if (tag is None or c.tag == tag) and \
                    (cls is None or cls in c.classes()):
                found.append(c)
            found.extend(c.find(tag, cls))
        return found


class Builder(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.cur = self.root
        self.raw_tags = []      # (tag, attrs) of every start tag
        self.scripts = []
        self.styles = []
        self._in = None

    def handle_starttag(self, tag, attrs):
        self.raw_tags.append((tag, dict(attrs)))
        node = Node(tag, attrs, self.cur)
        self.cur.children.append(node)
        if tag in ("script", "style"):
            self._in = (tag, [])
        if tag not in VOID:
            self.cur = node

    def handle_startendtag(self, tag, attrs):
        self.raw_tags.append((tag, dict(attrs)))
        self.cur.children.append(Node(tag, attrs, self.cur))

    def handle_endtag(self, tag):
        if self._in is not None and self._in[0] == tag:
            (self.scripts if tag == "script" else self.styles).append(
                "".join(self._in[1]))
            self._in = None
        n = self.cur
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.cur = n.parent

    def handle_data(self, data):
        if self._in is not None:
            self._in[1].append(data)
        self.cur.children.append(data)


def parse(path):
    b = Builder()
    with open(path, encoding="utf-8") as f:
        b.feed(f.read())
    b.close()
    return b


def csp_of(b):
    for tag, a in b.raw_tags:
        if tag == "meta" and \
                (a.get("http-equiv") or "").lower() == \
                "content-security-policy":
            return a.get("content") or ""
    return None


def check_static(path):
    b = parse(path)
    csp = csp_of(b)
    if csp is None:
        fail("no Content-Security-Policy meta element")
        return
    directives = {d.split()[0]: d.split()[1:]
                  for d in csp.split(";") if d.strip()}
    if directives.get("default-src") != ["'none'"]:
        fail("CSP default-src is not 'none': %s" % csp)
    if len(b.scripts) > 1:
        fail("%d scripts; at most one is allowed" % len(b.scripts))
    for s in b.scripts:
        digest = base64.b64encode(hashlib.sha256(s.encode()).digest())
        want = "'sha256-%s'" % digest.decode()
        if directives.get("script-src") != [want]:
            fail("CSP script-src %s does not allow exactly the page's "
                 "script (%s)" % (directives.get("script-src"), want))
    for tag, a in b.raw_tags:
        if tag in ("link", "iframe", "object", "embed", "base", "img",
                   "audio", "video", "source", "frame"):
            fail("<%s> could load from elsewhere" % tag)
        for k, v in a.items():
            if k in ("src", "srcset", "action", "formaction", "data",
                     "poster", "background"):
                fail("<%s %s=%r> loads a resource" % (tag, k, v))
            if k in ("href", "xlink:href") and not (v or "").startswith("#"):
                fail("<%s %s=%r> leaves the page" % (tag, k, v))
            if k.startswith("on"):
                fail("<%s %s> inline handler" % (tag, k))
    for s in b.styles:
        if "@import" in s:
            fail("style sheet imports")
        for u in re.findall(r"url\(([^)]*)\)", s):
            if not u.startswith("#"):
                fail("style sheet loads url(%s)" % u)
    text = open(path, encoding="utf-8").read()
    for m in re.findall(r"(?:https?|ftp|wss?)://[^\s\"'<>]*", text):
        fail("the page holds a network address: %s" % m)
    print("static: CSP %r, %d script(s), no external reference" %
          (csp, len(b.scripts)))


def hours_of(text):
    """'6.0+3.0 below min' -> (6.0, 3.0)."""
    m = re.match(r"\s*(\d+\.\d)(?:\+(\d+\.\d))?", text)
    if m is None:
        return None
    return float(m.group(1)), float(m.group(2) or 0)


def session_hours(s):
    a = dt.datetime.fromisoformat(s["start"])
    b = dt.datetime.fromisoformat(s["end"])
    return (b - a).total_seconds() / 3600


def check_groups(body, doc):
    want = sorted(g["id"] for g in doc["groups"] if g["open"])
    sections = body.find("section", "group")
    got = sorted(s.find("h3")[0].text().strip() for s in sections)
    if got != want:
        fail("open groups %s, want %s" % (got, want))
    attend = {}
    for p in doc["participants"]:
        for w in p.get("weeks", []):
            for s in w["sessions"]:
                k = (s["group"], s["makeup"])
                attend[k] = attend.get(k, 0) + 1
    weeks = start = None
    for s in sections:
        gid = s.find("h3")[0].text().strip()
        table = s.find("table", "grid")[0]
        rows = table.find("tbody")[0].find("tr")
        weeks = len(rows)
        start = dt.date.fromisoformat(rows[0].find("th")[0].text())
        home = makeup = 0
        for r in rows:
            for td in r.find("td"):
                m = re.match(r"(\d+)(?:\+(\d+))?/(\d+)", td.text())
                if m is None:
                    if td.text() not in ("off", "\u2013"):
                        fail("%s: cell %r" % (gid, td.text()))
                    continue
                home += int(m.group(1))
                makeup += int(m.group(2) or 0)
                if int(m.group(1)) + int(m.group(2) or 0) > int(m.group(3)):
                    fail("%s: cell over capacity %r" % (gid, td.text()))
        if home != attend.get((gid, False), 0) or \
                makeup != attend.get((gid, True), 0):
            fail("%s: grid counts %d home + %d makeup seats, the JSON %d + %d"
                 % (gid, home, makeup, attend.get((gid, False), 0),
                    attend.get((gid, True), 0)))
    print("dom: %d open groups, %s weeks each, attendance as the JSON" %
          (len(sections), weeks))
    return weeks, start


def check_participant(row, p, weeks, start):
    cells = row.find("td")[1:]          # after "Min h"
    if len(cells) != weeks:
        fail("%s: %d week cells, want %d" % (p["id"], len(cells), weeks))
        return 0
    seen = 0
    for w in p["weeks"]:
        k = (dt.date.fromisoformat(w["week"]) - start).days // 7
        mk = sum(session_hours(s) for s in w["sessions"] if s["makeup"])
        got = hours_of(cells[k].text())
        want = (round(w["hours"] - mk, 1), round(mk, 1))
        if got != want:
            fail("%s week %s: %r in the page, want home %.1f + makeup %.1f"
                 % (p["id"], w["week"], cells[k].text(), *want))
        seen += 1
    return seen


def check_participants(body, doc, weeks, start):
    section = [s for s in body.find("section")
               if s.attrs.get("id") == "participants"][0]
    heads = section.find("table", "hours")[0].find("thead")[0].find("th")
    week_heads = [h for h in heads if re.match(r"W\d+", h.text())]
    if len(week_heads) != weeks:
        fail("participant tables have %d week columns, want %d" %
             (len(week_heads), weeks))
    placed = {p["id"]: p for p in doc["participants"]
              if p["status"] == "placed"}
    rows = section.find("tr", "p")
    if len(rows) != len(placed):
        fail("%d participant rows, want %d placed" % (len(rows), len(placed)))
    cells = 0
    for r in rows:
        pid = r.find("th")[0].text().split()[0]
        if pid not in placed:
            fail("row for %s, not placed in the JSON" % pid)
            continue
        cells += check_participant(r, placed[pid], weeks, start)
    print("dom: %d participant rows, %d week columns, %d week cells with "
          "the JSON's hours" % (len(rows), len(week_heads), cells))


def check_unplaced(body, doc):
    want = {p["id"]: p["reason"] for p in doc["participants"]
            if p["status"] == "unplaced"}
    rows = body.find("tr", "u")
    got = {r.find("th")[0].text().split()[0]: r.find("td")[-1].text()
           for r in rows}
    if got != want:
        fail("unplaced %s, want %s" % (got, want))
    print("dom: %d unplaced with their reasons" % len(rows))


def check_dom(path, schedule):
    b = parse(path)
    with open(schedule, encoding="utf-8") as f:
        doc = json.load(f)
    body = b.root.find("body")[0]
    first = [c for c in body.children if not isinstance(c, str)][0]
    if "conf" not in first.classes() or \
            "coordinators only" not in first.text():
        fail("the page does not open with the coordinators-only line")
    weeks, start = check_groups(body, doc)
    check_participants(body, doc, weeks, start)
    check_unplaced(body, doc)
    clins = body.find("tr", "c")
    if not clins:
        fail("no clinician rows")
    for r in clins:
        if len(r.find("td")) != 2 + weeks:
            fail("clinician row with %d cells" % len(r.find("td")))
    print("dom: %d clinicians, %d weeks each" % (len(clins), weeks))


def check_netlog(path):
    with open(path, encoding="utf-8") as f:
        log = json.load(f)
    names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    browser = page = 0
    for e in log["events"]:
        p = e.get("params") or {}
        if names.get(e["type"]) != "URL_REQUEST_START_JOB" or "url" not in p:
            continue
        if p.get("initiator") == "not an origin":
            browser += 1
        else:
            page += 1
            fail("the page requested %s" % p["url"][:120])
    print("netlog: %d request(s) by the page, %d by the browser itself "
          "(all blocked)" % (page, browser))


def main(argv):
    if len(argv) >= 3 and argv[1] == "static":
        check_static(argv[2])
    elif len(argv) >= 4 and argv[1] == "dom":
        check_dom(argv[2], argv[3])
    elif len(argv) >= 3 and argv[1] == "netlog":
        check_netlog(argv[2])
    else:
        sys.stderr.write(__doc__)
        return 64
    for f in failures:
        print("FAIL: %s" % f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
