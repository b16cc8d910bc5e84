#!/usr/bin/env python3
"""Crash safety: kill `iopsched solve` and `iopsched publish` with SIGKILL
at many points and check what each kill leaves behind.

Usage: tests/crash/kill.py BINARY

The scenario is the demo (fixtures/demo) and a changed copy of it, B (some
participants stay fewer weeks, one starts later, one changes track and
loses their group), so the killed solve stores a different run and the
killed publish sends invites and cancellations.

Kill points.  Each point is one system call of the command in a reference
run traced with strace.  The command runs again under
`strace -e inject=CALL:signal=KILL:when=N`, which kills it as it enters the
N-th call of CALL, before that call takes effect: a deterministic kill.
Half the points are spread evenly over every call the command makes after
start-up (reading the scenario and calendars, solving, the database,
writing the files), half over the calls that change a file (write,
pwrite64, fsync, fdatasync, rename, unlink, ftruncate, mkdir, an open that
creates); CRASH_POINTS (default 50) per command.  Where strace is missing
or ptrace is not allowed the kills come at random times instead
(CRASH_SEED), and the test says so; CRASH_RANDOM=1 asks for that.

After each kill of `solve B --out DIR` (database: the demo solved as run
1, DIR holding run 1's files):
  - PRAGMA integrity_check is ok and foreign_key_check is empty;
  - the database is, table by table, the one before (run 1, scenario A) or
    the one an uninterrupted solve leaves (runs 1 and 2, scenario B), and
    `iopsched runs` reads it;
  - DIR holds schedule.json and schedule.csv, each byte for byte the old
    run's or the new run's (a new file only with the new run stored), and
    no other file but a temporary one of the two;
  - the same solve then succeeds, leaves exactly the two files and no
    temporary one, and, when the kill came before the commit, leaves the
    very database and files of the uninterrupted solve.
After each kill of `publish --out FEEDS --mbox MBOX` (database: run 1
published, then B solved as run 2):
  - integrity and foreign keys as above; the publish state (people,
    events, outbox) is the old or the new one, and the invites marked sent
    are the first ones of the outbox;
  - MBOX is the old file plus whole messages only (each ends with its
    closing MIME boundary and carries the very calendar the outbox holds),
    the first pending ones in order, at most one more than marked sent;
  - each feed in FEEDS is a whole calendar (CRLF lines, BEGIN and END
    balanced, ends with END:VCALENDAR), the old or the new one, and no
    other file but a temporary feed;
  - the same publish then succeeds, marks everything sent, and leaves the
    new state, every new message exactly once, the new feeds and no
    temporary file.
A report killed before its rename leaves its temporary file, which the
next report into the folder removes.  Last, a torn append: an mbox that ends in the first part of a message
(a kill inside write(2)) is repaired by the next publish, which writes
that message whole and does not take the torn copy for a sent one.
"""
import email
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

BIN = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else None
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
POINTS = int(os.environ.get("CRASH_POINTS", "50"))
SEED = int(os.environ.get("CRASH_SEED", "1"))

MUTATING = {"write", "writev", "pwrite64", "pwritev", "pwritev2", "fsync",
            "fdatasync", "rename", "renameat", "renameat2", "unlink",
            "unlinkat", "ftruncate", "mkdir", "mkdirat", "fallocate",
            "link", "linkat"}
SOLVE_TABLES = ["program", "clinicians", "groups", "participants", "runs",
                "run_groups", "run_participants", "run_members",
                "run_sessions"]

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg)


def run(args, cwd, check=True):
    p = subprocess.run(args, cwd=cwd, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    if check and p.returncode != 0:
        raise RuntimeError("%s: exit %d: %s" % (" ".join(args), p.returncode,
                                                p.stderr.decode().strip()))
    return p


# --- the database -------------------------------------------------------

def db_connect(path):
    return sqlite3.connect("file:%s?mode=rw" % path, uri=True)


def db_ok(path):
    """None when integrity_check is ok and no foreign key dangles."""
    con = db_connect(path)
    try:
        rows = con.execute("PRAGMA integrity_check").fetchall()
        if rows != [("ok",)]:
            return "integrity_check: %r" % rows[:3]
        bad = con.execute("PRAGMA foreign_key_check").fetchall()
        if bad:
            return "foreign_key_check: %r" % bad[:3]
        return None
    finally:
        con.close()


def stamp_free(v):
    if isinstance(v, str):
        return re.sub(r"DTSTAMP:\d{8}T\d{6}Z", "DTSTAMP:X", v)
    return v


def table_rows(con, table, skip=()):
    cols = [r[1] for r in con.execute("PRAGMA table_info(%s)" % table)
            if r[1] not in skip]
    rows = con.execute("SELECT %s FROM %s" % (", ".join(cols), table))
    return sorted(repr(tuple(stamp_free(v) for v in r)) for r in rows)


def fingerprint(path):
    """Every table a solve or a publish writes, without clock values."""
    con = db_connect(path)
    try:
        fp = {t: table_rows(con, t, ("created",)) for t in SOLVE_TABLES}
        fp["publish_people"] = table_rows(con, "publish_people")
        fp["publish_events"] = table_rows(con, "publish_events", ("stamp",))
        fp["publish_outbox"] = table_rows(
            con, "publish_outbox", ("message_id", "created", "sent"))
        return fp
    finally:
        con.close()


def outbox(path):
    """[(seq, message_id, sent, ical)] in seq order."""
    con = db_connect(path)
    try:
        return con.execute("SELECT seq, message_id, sent, ical FROM "
                           "publish_outbox ORDER BY seq").fetchall()
    finally:
        con.close()


# --- files ----------------------------------------------------------------

def read(path):
    with open(path, "rb") as f:
        return f.read()


def listing(d):
    return sorted(os.listdir(d)) if os.path.isdir(d) else []


def copy_state(src, dst):
    if os.path.exists(dst):
        shutil.rmtree(dst)
    shutil.copytree(src, dst, symlinks=True)


def ics_whole(data):
    """None when data is a whole iCalendar object."""
    if not data.startswith(b"BEGIN:VCALENDAR\r\n"):
        return "does not start with BEGIN:VCALENDAR"
    if not data.endswith(b"END:VCALENDAR\r\n"):
        return "does not end with END:VCALENDAR"
    if b"\n" in data.replace(b"\r\n", b""):
        return "a line does not end in CRLF"
    stack = []
    for line in data.split(b"\r\n"):
        if line.startswith(b"BEGIN:"):
            stack.append(line[6:])
        elif line.startswith(b"END:"):
            if not stack or stack.pop() != line[4:]:
                return "BEGIN and END do not match"
    return "BEGIN without END" if stack else None


def mbox_entries(data):
    """The entries of an mbox: each from its "From " line on."""
    starts = [0] if data.startswith(b"From ") else []
    starts += [m.start() + 1 for m in re.finditer(rb"\nFrom ", data)]
    return [data[a:b] for a, b in zip(starts, starts[1:] + [len(data)])]


def entry_check(entry, icals):
    """(message id, None) for a whole message whose calendar part is the
    one the outbox holds; (id, why) otherwise."""
    if not re.match(rb"From MAILER-DAEMON [A-Z][a-z]{2} [A-Z][a-z]{2} "
                    rb"[ \d]\d \d\d:\d\d:\d\d \d{4}\nFrom: ", entry):
        return None, "a message with a broken From line"
    m = re.search(rb"\nMessage-ID: <([^>]+)>\n", entry)
    if m is None:
        return None, "a message without Message-ID"
    mid = m.group(1).decode()
    close = b"\n--=_iopsched_" + m.group(1)[:16] + b"--\n\n"
    if not entry.endswith(close):
        return mid, "message %s is not whole" % mid
    msg = email.message_from_bytes(entry.split(b"\n", 1)[1])
    parts = [p for p in msg.walk() if p.get_content_type() ==
             "text/calendar"]
    if len(parts) != 1:
        return mid, "message %s has %d calendar parts" % (mid, len(parts))
    if icals.get(mid) is None:
        return mid, "message %s is not in the outbox" % mid
    if parts[0].get_payload(decode=True).decode() != icals[mid]:
        return mid, "message %s: calendar differs from the outbox" % mid
    return mid, None


# --- strace ---------------------------------------------------------------

def strace_usable():
    if shutil.which("strace") is None:
        return "strace is not installed"
    p = subprocess.run(["strace", "-qq", "-o", os.devnull, "true"],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if p.returncode != 0:
        return "strace cannot trace here: " + p.stderr.decode().strip()
    return None


class Call:
    def __init__(self, name, nth, line, where):
        self.name, self.nth, self.line, self.where = name, nth, line, where


def trace_calls(args, cwd, where):
    """The system calls of one run of args, each with its per-name count
    (what strace's when= counts) and the phase where() gives it."""
    trace = os.path.join(cwd, "..", "trace.txt")
    run(["strace", "-qq", "-o", trace] + args, cwd)
    seen, calls, fds = {}, [], {}
    for line in open(trace, errors="replace"):
        m = re.match(r"([a-z0-9_]+)\((.*)", line)
        if m is None:
            continue
        name = m.group(1)
        seen[name] = seen.get(name, 0) + 1
        path = re.match(r'(?:AT_FDCWD, )?"([^"]*)"', m.group(2))
        fd = re.match(r"(\d+),", m.group(2))
        if path is not None:
            path = path.group(1)
        elif fd is not None:
            path = fds.get(fd.group(1))
        ret = re.search(r"= (\d+)$", line.strip())
        if name in ("open", "openat") and ret is not None:
            fds[ret.group(1)] = path
        calls.append(Call(name, seen[name], line.strip(), where(path)))
    os.unlink(trace)
    libs = [i for i, c in enumerate(calls) if c.name in ("open", "openat")
            and re.search(r'\.so[."]', c.line)]
    return calls[libs[-1] + 1 if libs else 0:]


def changes_a_file(c):
    return c.name in MUTATING or (c.name in ("open", "openat", "creat") and
                                  "O_CREAT" in c.line)


def spread(items, k):
    if k <= 0 or not items:
        return []
    if k == 1 or len(items) == 1:
        return [items[0]]
    return [items[round(i * (len(items) - 1) / (k - 1))] for i in range(k)]


def kill_points(calls, n):
    """n distinct calls: half spread over all of them, half over those
    that change a file, shared out evenly between the phases (database,
    output files, mbox) so each gets its turn; topped up from all."""
    mut = [c for c in calls if changes_a_file(c)]
    phases = sorted({c.where for c in mut})
    picks = spread(calls, n // 2)
    for i, ph in enumerate(phases):
        share = (n - n // 2) // len(phases) + (
            i < (n - n // 2) % len(phases))
        picks += spread([c for c in mut if c.where == ph], share)
    chosen = {}
    for c in picks:
        chosen[(c.name, c.nth)] = c
    k = n // 2
    while len(chosen) < n and k < len(calls):
        k += 1
        for c in spread(calls, k):
            if len(chosen) < n:
                chosen.setdefault((c.name, c.nth), c)
    return sorted(chosen.values(), key=calls.index)


def killed_run(args, cwd, point, budget):
    """Runs args and SIGKILLs it: at point (a Call) under strace, or after
    a random share of budget seconds.  True when the kill happened."""
    if point is not None:
        p = run(["strace", "-qq", "-o", os.devnull, "-e",
                 "trace=" + point.name, "-e", "inject=%s:signal=KILL:when=%d"
                 % (point.name, point.nth)] + args, cwd, check=False)
        return p.returncode in (-signal.SIGKILL, 128 + signal.SIGKILL)
    p = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    time.sleep(random.uniform(0, budget))
    p.send_signal(signal.SIGKILL)
    return p.wait() == -signal.SIGKILL


def plan(args, cwd, where, label):
    """The kill points for args (run once from the state in cwd)."""
    why = ("CRASH_RANDOM is set" if os.environ.get("CRASH_RANDOM") else
           strace_usable())
    if why is None:
        calls = trace_calls(args, cwd, where)
        points = kill_points(calls, POINTS)
        phases = {}
        for c in points:
            phases[c.where] = phases.get(c.where, 0) + 1
        print("%s: %d kill points over %d system calls (%s)" % (
            label, len(points), len(calls), ", ".join(
                "%s %d" % kv for kv in sorted(phases.items()))))
        return points, 0
    start = time.time()
    run(args, cwd)
    budget = (time.time() - start) * 1.2
    print("%s: %s; %d kills at random times within %.2f s" % (
        label, why, POINTS, budget))
    return [None] * POINTS, budget


def kill_each(args, base, st, where, label, check):
    """Runs args in a fresh copy of base at st once per kill point and
    checks each with check(st, tag), which is True when the new state was
    left.  Returns (killed, new states, failures added)."""
    copy_state(base, st)
    points, budget = plan(args, st, where, label)
    killed = states = 0
    before = len(failures)
    for i, point in enumerate(points):
        copy_state(base, st)
        tag = "%s kill %d (%s)" % (label, i + 1, point.line[:60] if point
                                   else "random")
        if not killed_run(args, st, point, budget):
            if point is not None:
                fail("%s: the command was not killed" % tag)
                continue
        else:
            killed += 1
        states += check(st, tag) is True
    return killed, states, len(failures) - before


# --- solve ----------------------------------------------------------------

def make_scenarios(work):
    a = os.path.join(work, "a")
    b = os.path.join(work, "b")
    shutil.copytree(os.path.join(ROOT, "fixtures", "demo"), a)
    shutil.copytree(a, b)
    path = os.path.join(b, "scenario.json")
    with open(path) as f:
        sc = json.load(f)
    people = {p["id"]: p for p in sc["participants"]}
    for pid in ("P01", "P02", "P03", "P13", "P21", "P22"):
        people[pid]["weeks"] = 8
    people["P05"]["track"] = "dispatch"
    people["P07"]["start"] = "2026-12-21"
    with open(path, "w") as f:
        json.dump(sc, f, indent=1)
    return a, b


def in_dir(path, name):
    return path == name or path.startswith(name + "/") or \
        ("/%s/" % name) in path or path.endswith("/" + name)


def is_db(path):
    return os.path.basename(path) in ("db", "db-wal", "db-shm", "db-journal")


def solve_where(path):
    if path is None:
        return "compute"
    if in_dir(path, "calendars") or path.endswith("scenario.json"):
        return "load"
    if in_dir(path, "out"):
        return "output"
    return "database" if is_db(path) else "other"


def check_solve_kill(st, old, new, tag):
    db, out = os.path.join(st, "db"), os.path.join(st, "out")
    why = db_ok(db)
    if why:
        return fail("%s: %s" % (tag, why))
    if run([BIN, "--db", db, "runs", "--json"], st, check=False).returncode:
        return fail("%s: iopsched runs cannot read the database" % tag)
    fp = fingerprint(db)
    if fp not in (old["fp"], new["fp"]):
        bad = [t for t in fp if fp[t] != old["fp"][t]]
        return fail("%s: database is neither the old state nor the new "
                    "one (tables %s differ from the old)" % (tag, bad))
    is_new = fp == new["fp"]
    for name in listing(out):
        data = read(os.path.join(out, name))
        if name in new["files"]:
            if data == new["files"][name] and not is_new:
                return fail("%s: %s is the new run's but the database "
                            "holds the old one" % (tag, name))
            if data not in (old["files"][name], new["files"][name]):
                return fail("%s: %s is neither the old file nor the new "
                            "one (%d bytes)" % (tag, name, len(data)))
        elif not re.match(r"\.schedule\.(json|csv)\.", name):
            return fail("%s: unexpected file %s in the output folder" %
                        (tag, name))
    p = run([BIN, "--db", db, "solve", "../b/scenario.json", "--out",
             "out"], st, check=False)
    if p.returncode != 0:
        return fail("%s: the next solve failed: %s" % (
            tag, p.stderr.decode().strip()))
    why = db_ok(db)
    if why:
        return fail("%s: after the next solve: %s" % (tag, why))
    if listing(out) != ["schedule.csv", "schedule.json"]:
        return fail("%s: after the next solve the output folder holds %s" %
                    (tag, listing(out)))
    js = json.loads(read(os.path.join(out, "schedule.json")))
    if not is_new:
        if fingerprint(db) != new["fp"]:
            return fail("%s: the next solve did not store what an "
                        "uninterrupted one does" % tag)
        for name, data in new["files"].items():
            if read(os.path.join(out, name)) != data:
                return fail("%s: the next solve wrote a different %s" %
                            (tag, name))
    elif js.get("run") != 3:
        return fail("%s: the next solve wrote run %r, not 3" %
                    (tag, js.get("run")))
    return is_new


def test_solve(work, scen_b):
    base = os.path.join(work, "solve-base")
    os.makedirs(base)
    run([BIN, "--db", "db", "solve", "../a/scenario.json", "--out", "out"],
        base)
    ref = os.path.join(work, "solve-ref")
    copy_state(base, ref)
    args = [BIN, "--db", "db", "solve", "../b/scenario.json", "--out", "out"]
    run(args, ref)
    old = {"fp": fingerprint(os.path.join(base, "db")),
           "files": {n: read(os.path.join(base, "out", n))
                     for n in listing(os.path.join(base, "out"))}}
    new = {"fp": fingerprint(os.path.join(ref, "db")),
           "files": {n: read(os.path.join(ref, "out", n))
                     for n in listing(os.path.join(ref, "out"))}}
    killed, states, failed = kill_each(args, base, os.path.join(work, "solve"),
                                       solve_where, "solve",
                                       lambda st, tag: check_solve_kill(
                                           st, old, new, tag))
    print("solve: %d killed; %d left the new run, %d the old; %d failures"
          % (killed, states, killed - states, failed))


# --- publish --------------------------------------------------------------

def publish_where(path):
    if path is None:
        return "compute"
    if in_dir(path, "feeds"):
        return "feeds"
    if os.path.basename(path) == "mbox":
        return "mbox"
    return "database" if is_db(path) else "other"


def publish_state(d):
    feeds = os.path.join(d, "feeds")
    return {
        "fp": fingerprint(os.path.join(d, "db")),
        "last_seq": max(r[0] for r in outbox(os.path.join(d, "db"))),
        "mbox": read(os.path.join(d, "mbox")),
        "feeds": {n: stamp_free(read(os.path.join(feeds, n)).decode())
                  for n in listing(feeds)},
    }


def check_mbox(data, old_mbox, last_seq, box, tag, final):
    """The mbox is the old one plus whole messages, the first of those
    queued after last_seq, in order; final: all of them, none twice."""
    if not data.startswith(old_mbox):
        return "%s: the mbox no longer starts with what it held" % tag
    new_ids = [r[1] for r in box if r[0] > last_seq]
    icals = {r[1]: r[3] for r in box}
    sent = sum(1 for r in box if r[0] > last_seq and r[2] is not None)
    ids = []
    for entry in mbox_entries(data[len(old_mbox):]):
        mid, why = entry_check(entry, icals)
        if why:
            return "%s: %s" % (tag, why)
        ids.append(mid)
    if ids != new_ids[:len(ids)]:
        return "%s: the mbox holds messages out of order or twice" % tag
    if final and len(ids) != len(new_ids):
        return "%s: the mbox holds %d of %d messages" % (
            tag, len(ids), len(new_ids))
    if not sent <= len(ids) <= sent + 1:
        return "%s: %d messages marked sent, %d in the mbox" % (
            tag, sent, len(ids))
    return None


def check_feeds(d, old_st, new_st, tag, final):
    for name in listing(d):
        if not name.endswith(".ics") or name.startswith("."):
            if final or not re.match(r"\.[0-9a-f]+\.ics\.", name):
                return "%s: unexpected file %s in the feeds folder" % (
                    tag, name)
            continue
        data = read(os.path.join(d, name))
        why = ics_whole(data)
        if why:
            return "%s: feed %s: %s" % (tag, name, why)
        text = stamp_free(data.decode())
        if text != new_st["feeds"].get(name) and (
                final or text != old_st["feeds"].get(name)):
            return "%s: feed %s is neither the old one nor the new one" % (
                tag, name)
    if final and listing(d) != sorted(new_st["feeds"]):
        return "%s: the feeds folder does not hold every feed" % tag
    return None


def check_publish_kill(st, old_st, new_st, tag):
    db = os.path.join(st, "db")
    why = db_ok(db)
    if why:
        return fail("%s: %s" % (tag, why))
    fp = fingerprint(db)
    if fp not in (old_st["fp"], new_st["fp"]):
        bad = [t for t in fp if fp[t] != old_st["fp"][t]]
        return fail("%s: publish state is neither the old nor the new "
                    "(tables %s differ from the old)" % (tag, bad))
    box = outbox(db)
    flags = [r[2] is not None for r in box]
    if flags != sorted(flags, reverse=True):
        return fail("%s: invites marked sent are not the first ones" % tag)
    why = (check_mbox(read(os.path.join(st, "mbox")), old_st["mbox"],
                      old_st["last_seq"], box, tag, False) or
           check_feeds(os.path.join(st, "feeds"), old_st, new_st, tag,
                       False))
    if why:
        return fail(why)
    p = run([BIN, "--db", "db", "publish", "--out", "feeds", "--mbox",
             "mbox"], st, check=False)
    if p.returncode != 0:
        return fail("%s: the next publish failed: %s" % (
            tag, p.stderr.decode().strip()))
    why = db_ok(db)
    if why:
        return fail("%s: after the next publish: %s" % (tag, why))
    if fingerprint(db) != new_st["fp"]:
        return fail("%s: the next publish did not reach the state of an "
                    "uninterrupted one" % tag)
    box = outbox(db)
    if any(r[2] is None for r in box):
        return fail("%s: invites still pending after the next publish" %
                    tag)
    why = (check_mbox(read(os.path.join(st, "mbox")), old_st["mbox"],
                      old_st["last_seq"], box, tag + ", next publish",
                      True) or
           check_feeds(os.path.join(st, "feeds"), old_st, new_st,
                       tag + ", next publish", True))
    if why:
        return fail(why)
    return fp == new_st["fp"]


def publish_base(work):
    base = os.path.join(work, "publish-base")
    os.makedirs(base)
    run([BIN, "--db", "db", "solve", "../a/scenario.json"], base)
    run([BIN, "--db", "db", "publish", "--out", "feeds", "--mbox", "mbox"],
        base)
    run([BIN, "--db", "db", "solve", "../b/scenario.json"], base)
    return base


def test_publish(work, base):
    args = [BIN, "--db", "db", "publish", "--out", "feeds", "--mbox", "mbox"]
    ref = os.path.join(work, "publish-ref")
    copy_state(base, ref)
    run(args, ref)
    old_st, new_st = publish_state(base), publish_state(ref)
    killed, states, failed = kill_each(args, base,
                                       os.path.join(work, "publish"),
                                       publish_where, "publish",
                                       lambda st, tag: check_publish_kill(
                                           st, old_st, new_st, tag))
    print("publish: %d killed; %d after the diff was stored, %d before; "
          "%d failures" % (killed, states, killed - states, failed))


def test_torn_mbox(work, base):
    """An mbox ending in part of a message, as a kill inside write(2) can
    leave it: the next publish cuts the torn part and sends it whole."""
    pend = os.path.join(work, "torn-base")
    copy_state(base, pend)
    run([BIN, "--db", "db", "publish", "--out", "feeds"], pend)
    ref = os.path.join(work, "torn-ref")
    copy_state(pend, ref)
    run([BIN, "--db", "db", "publish", "--out", "feeds", "--mbox", "mbox"],
        ref)
    old_mbox = read(os.path.join(pend, "mbox"))
    last_seq = max(r[0] for r in outbox(os.path.join(base, "db")))
    first = mbox_entries(read(os.path.join(ref, "mbox"))[len(old_mbox):])[0]
    cuts = {"inside its first word": 3,
            "in the From line": 9,
            "after the Message-ID": first.index(b"MIME-Version"),
            "after the headers": first.index(b"\n\n") + 2,
            "in the middle": len(first) // 2,
            "before the last blank line": len(first) - 1}
    st = os.path.join(work, "torn")
    for what, cut in cuts.items():
        copy_state(pend, st)
        with open(os.path.join(st, "mbox"), "ab") as f:
            f.write(first[:cut])
        tag = "torn mbox (%s)" % what
        p = run([BIN, "--db", "db", "publish", "--out", "feeds", "--mbox",
                 "mbox"], st, check=False)
        if p.returncode != 0:
            fail("%s: publish failed: %s" % (tag, p.stderr.decode().strip()))
            continue
        box = outbox(os.path.join(st, "db"))
        why = check_mbox(read(os.path.join(st, "mbox")), old_mbox, last_seq,
                         box, tag, True)
        if why:
            fail(why)
    # Another program's last message, without the closing blank line, is
    # no torn message of ours: it stays as it is.
    foreign = (b"From someone@example.org Mon Dec  7 10:00:00 2026\n"
               b"From: someone@example.org\nSubject: hello\n\nhello\n")
    copy_state(pend, st)
    with open(os.path.join(st, "mbox"), "ab") as f:
        f.write(foreign)
    run([BIN, "--db", "db", "publish", "--out", "feeds", "--mbox", "mbox"],
        st)
    why = check_mbox(read(os.path.join(st, "mbox")), old_mbox + foreign,
                     last_seq, outbox(os.path.join(st, "db")),
                     "mbox ending in another program's message", True)
    if why:
        fail(why)
    print("torn mbox: %d cuts checked, and a foreign last message kept" %
          len(cuts))


def test_report(work):
    """A report killed before its rename leaves its temporary file; the
    next report into that folder removes it."""
    st = os.path.join(work, "report")
    copy_state(os.path.join(work, "solve-base"), st)
    os.makedirs(os.path.join(st, "html"))
    args = [BIN, "--db", "db", "report", "--out", "html/r.html"]
    if strace_usable() is None:
        if not killed_run(args, st, Call("rename", 1, "", ""), 0):
            return fail("report: the command was not killed at its rename")
    else:
        with open(os.path.join(st, "html", ".r.html.iopsched-tmp.AbC123"),
                  "w") as f:
            f.write("<!DOCTYPE html>")
    left = listing(os.path.join(st, "html"))
    if len(left) != 1 or not left[0].startswith(".r.html.iopsched-tmp."):
        return fail("report: a kill before the rename left %s" % left)
    run(args, st)
    left = listing(os.path.join(st, "html"))
    if left != ["r.html"]:
        return fail("report: the next report left %s" % left)
    if not read(os.path.join(st, "html", "r.html")).rstrip().endswith(
            b"</html>"):
        return fail("report: r.html is not whole")
    print("report: the next report removed what a killed one left")


def scratch_dir():
    """A tmpfs when there is one: the kills need no real disk and fsync
    is free there."""
    for d in (os.environ.get("CRASH_TMPDIR"), "/dev/shm",
              os.environ.get("TMPDIR"), "/tmp"):
        if d and os.path.isdir(d) and os.access(d, os.W_OK | os.X_OK):
            return tempfile.mkdtemp(prefix="iopsched-crash.", dir=d)
    return tempfile.mkdtemp(prefix="iopsched-crash.")


def main():
    if BIN is None or not os.access(BIN, os.X_OK):
        print(__doc__.split("\n\n")[1])
        return 64
    random.seed(SEED)
    work = scratch_dir()
    start = time.time()
    try:
        make_scenarios(work)
        test_solve(work, os.path.join(work, "b"))
        test_report(work)
        base = publish_base(work)
        test_publish(work, base)
        test_torn_mbox(work, base)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("kill: %d failures, %.0f s" % (len(failures), time.time() - start))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
