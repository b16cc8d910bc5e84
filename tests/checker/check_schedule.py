#!/usr/bin/env python3
"""Independent checker of an iopsched schedule against SPEC section 4 and 5.

Usage: check_schedule.py IOPSCHED_BINARY SCENARIO.json SCHEDULE.json

The checker shares no code with the solver.  It reads the scenario (SPEC
section 2, including a CSV roster given as a path), recomputes every session
instance in the program's zone, every participant's program weeks and
availability windows in the participant's own zone, and busy time.  Only the
iCalendar expansion is delegated to the binary under test:

    IOPSCHED calendar expand FILE --from DATE --to DATE --tz ZONE [--honor-transp]

(SPEC section 3); the checker then applies the program's buffers to a
participant's shifts itself.  Clinician calendars are expanded with
--honor-transp in the program's zone and get no buffers.

It then checks the schedule document (SPEC section 5) rule by rule.
Exit status: 0 and "ok: N participants, P placed" when the schedule is valid;
1 with one line per violation, "rule N: ..." for rule N of SPEC section 4 and
"format: ..." for the document itself (section 5); 2 when the checker cannot
run (bad arguments, unreadable files, the binary failing to expand a calendar).
Python 3.11 standard library only.
"""

import csv
import datetime as dt
import json
import os
import re
import subprocess
import sys
from zoneinfo import ZoneInfo

DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
DEFAULT_WINDOWS = [
    {"days": ["MO", "TU", "WE", "TH", "FR"], "from": "17:00", "to": "22:00"},
    {"days": ["SA", "SU"], "from": "08:00", "to": "21:00"},
]
EPS = 1e-6
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")


class CheckerError(Exception):
    """The checker itself cannot proceed (exit 2)."""


def hhmm(text):
    """Minutes after midnight of an "HH:MM" string ("24:00" allowed)."""
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def parse_date(text):
    return dt.date.fromisoformat(text)


# ---------------------------------------------------------------- scenario

def load_roster_csv(path):
    """Participants from an RFC 4180 roster; an empty cell is an absent key."""
    people = []
    with open(path, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            p = {}
            for key, value in row.items():
                if key is None or value is None or value == "":
                    continue
                key = key.strip()
                if key in ("weeks",):
                    p[key] = int(value)
                elif key in ("min_hours_per_week",):
                    p[key] = float(value)
                elif key == "separate_from_agency":
                    p[key] = value.strip().lower() == "true"
                else:
                    p[key] = value
            people.append(p)
    return people


class Scenario:
    """The scenario with defaults applied and times resolved."""

    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        self.dir = os.path.dirname(os.path.abspath(path))
        prog = doc["program"]
        self.zone_name = prog["timezone"]
        self.zone = ZoneInfo(self.zone_name)
        self.start = parse_date(prog["start"])
        self.weeks = int(prog["weeks"])
        self.min_hours = float(prog["min_hours_per_week"])
        self.max_hours = float(prog.get("max_hours_per_week", 19))
        self.group_min = int(prog["group_size"]["min"])
        self.group_max = int(prog["group_size"]["max"])
        self.makeups_per_week = int(prog.get("makeups_per_week", 1))
        buf = prog.get("buffers", {})
        self.before = float(buf.get("before_shift_minutes", 0))
        self.after = float(buf.get("after_shift_minutes", 0))
        self.long_hours = float(buf.get("long_shift_hours", 0))
        self.rest_hours = float(buf.get("rest_after_long_shift_hours", 0))
        self.windows = prog.get("windows", DEFAULT_WINDOWS)

        self.clinicians = {c["id"]: c for c in doc.get("clinicians", [])}
        self.groups = {g["id"]: g for g in doc.get("groups", [])}
        people = doc.get("participants", [])
        if isinstance(people, str):
            people = load_roster_csv(self.path(people))
        self.participants = {p["id"]: p for p in people}

    def path(self, rel):
        return rel if os.path.isabs(rel) else os.path.join(self.dir, rel)

    def week_start_date(self, k):
        return self.start + dt.timedelta(days=7 * k)

    def local(self, day, minute):
        """Aware datetime of a local date and minute in the program's zone."""
        naive = dt.datetime.combine(day, dt.time()) + dt.timedelta(minutes=minute)
        return naive.replace(tzinfo=self.zone)

    def horizon(self):
        """Program start and end as local dates."""
        return self.start, self.week_start_date(self.weeks)

    def participant_weeks(self, p):
        """The set of program week indexes of participant p."""
        first = (parse_date(p["start"]) - self.start).days // 7
        last = first + int(p["weeks"])
        return set(range(max(first, 0), min(last, self.weeks)))


class Instance:
    """One session of one group in one program week."""

    def __init__(self, group, index, week, start, minutes):
        self.group = group
        self.index = index
        self.week = week
        self.start = start                      # aware, program zone
        self.end = start + dt.timedelta(minutes=minutes)   # exact minutes
        self.minutes = minutes
        self.key = (group, start.timestamp())

    def __repr__(self):
        return "%s %s" % (self.group, self.start.isoformat())


def build_instances(scn):
    """All session instances, by group id, in start order."""
    out = {}
    for gid, g in scn.groups.items():
        insts = []
        for k in range(scn.weeks):
            base = scn.week_start_date(k)
            for i, s in enumerate(g["sessions"]):
                day = base + dt.timedelta(days=DAYS.index(s["day"]))
                start = scn.local(day, hhmm(s["start"]))
                insts.append(Instance(gid, i, k, start, int(s["minutes"])))
        insts.sort(key=lambda x: (x.start.timestamp(), x.index))
        out[gid] = insts
    return out


def overlaps(a_start, a_end, b_start, b_end):
    """Half-open intervals overlap (touching is fine)."""
    return a_start < b_end and b_start < a_end


def overlaps_any(start, end, intervals):
    return any(overlaps(start, end, s, e) for s, e in intervals)


# ------------------------------------------------------------- busy time

class Expander:
    """Runs `IOPSCHED calendar expand` once per (file, zone, transp)."""

    def __init__(self, binary, scn):
        self.binary = binary
        self.cache = {}
        pad = 7 + int((scn.before + max(scn.after, scn.rest_hours * 60)) // 1440)
        first, last = scn.horizon()
        self.date_from = (first - dt.timedelta(days=pad)).isoformat()
        self.date_to = (last + dt.timedelta(days=pad)).isoformat()

    def expand(self, path, zone, honor_transp):
        key = (path, zone, honor_transp)
        if key in self.cache:
            return self.cache[key]
        cmd = [self.binary, "calendar", "expand", path, "--from", self.date_from,
               "--to", self.date_to, "--tz", zone]
        if honor_transp:
            cmd.append("--honor-transp")
        try:
            res = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        except (OSError, subprocess.TimeoutExpired) as e:
            raise CheckerError("cannot run %s: %s" % (" ".join(cmd), e))
        if res.returncode != 0:
            raise CheckerError("%s exited %d: %s" % (" ".join(cmd), res.returncode,
                                                     res.stderr.strip()))
        out = []
        for n, line in enumerate(res.stdout.splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
                s = dt.datetime.fromisoformat(obj["start"])
                e = dt.datetime.fromisoformat(obj["end"])
            except (ValueError, KeyError, TypeError) as err:
                raise CheckerError("calendar expand %s line %d: %s" % (path, n, err))
            if s.tzinfo is None or e.tzinfo is None:
                raise CheckerError("calendar expand %s line %d: no offset" % (path, n))
            out.append((s, e))
        self.cache[key] = out
        return out


def buffered(scn, shifts):
    """Shifts widened by the program's buffers (SPEC section 3)."""
    out = []
    for s, e in shifts:
        length_h = (e - s).total_seconds() / 3600
        if scn.long_hours > 0 and length_h >= scn.long_hours - EPS:
            after = dt.timedelta(hours=scn.rest_hours)
        else:
            after = dt.timedelta(minutes=scn.after)
        out.append((s - dt.timedelta(minutes=scn.before), e + after))
    return out


# ------------------------------------------------------------ can attend

def inside_windows(inst, windows, zone):
    """True when inst lies wholly inside one window read in zone."""
    s = inst.start.astimezone(zone).replace(tzinfo=None)
    e = inst.end.astimezone(zone).replace(tzinfo=None)
    day = s.date()
    midnight = dt.datetime.combine(day, dt.time())
    for w in windows:
        if DAYS[day.weekday()] not in w["days"]:
            continue
        ws = midnight + dt.timedelta(minutes=hhmm(w["from"]))
        we = midnight + dt.timedelta(minutes=hhmm(w["to"]))
        if ws <= s and e <= we:
            return True
    return False


class Person:
    """A participant with everything rule 2 needs."""

    def __init__(self, scn, p, expander):
        self.p = p
        self.id = p["id"]
        self.zone = ZoneInfo(p.get("timezone", scn.zone_name))
        self.weeks = scn.participant_weeks(p)
        self.windows = p.get("available", scn.windows)
        self.min_hours = float(p.get("min_hours_per_week", scn.min_hours))
        agency = p.get("agency")
        self.agency = agency.lower() if agency else None
        self.separate = bool(p.get("separate_from_agency", False))
        self.busy = []
        if p.get("shifts"):
            shifts = expander.expand(scn.path(p["shifts"]),
                                     p.get("timezone", scn.zone_name), False)
            self.busy = buffered(scn, shifts)

    def can_attend(self, inst):
        return (inst.week in self.weeks
                and not overlaps_any(inst.start, inst.end, self.busy)
                and inside_windows(inst, self.windows, self.zone))


# ---------------------------------------------------------------- checks

class Checker:
    def __init__(self, binary, scenario_path, schedule_path):
        self.scn = Scenario(scenario_path)
        with open(schedule_path, encoding="utf-8") as f:
            self.doc = json.load(f)
        self.violations = []
        self.expander = Expander(binary, self.scn)

    def bad(self, rule, msg):
        prefix = "format" if rule == "format" else "rule %s" % rule
        self.violations.append("%s: %s" % (prefix, msg))

    def licensed(self, gid, p):
        c = self.scn.clinicians[self.scn.groups[gid]["clinician"]]
        return p["state"] in c["licensed_states"]

    def run(self):
        scn = self.scn
        self.instances = build_instances(scn)
        self.by_key = {i.key: i for insts in self.instances.values() for i in insts}
        self.people = {pid: Person(scn, p, self.expander)
                       for pid, p in scn.participants.items()}
        self.clin_busy = {}
        for cid, c in scn.clinicians.items():
            busy = []
            if c.get("calendar"):
                busy = self.expander.expand(scn.path(c["calendar"]), scn.zone_name, True)
            self.clin_busy[cid] = busy
        if not self.check_document():
            return self.violations
        self.check_groups()
        self.check_participants()
        self.check_capacity_and_agency()
        self.check_clinicians()
        self.check_summary()
        return self.violations

    # -- the document's shape (section 5) ------------------------------

    def check_document(self):
        doc = self.doc
        for key in ("summary", "groups", "participants"):
            if key not in doc:
                self.bad("format", "missing top-level key '%s'" % key)
                return False
        if not isinstance(doc.get("run"), int):
            self.bad("format", "'run' is not an integer")
        for name in ("groups", "participants"):
            ids = [x.get("id") for x in doc[name]]
            if ids != sorted(ids, key=lambda s: s.encode()):
                self.bad("format", "%s are not sorted by id" % name)
            if len(set(ids)) != len(ids):
                self.bad("format", "duplicate id in %s" % name)
        listed = {p["id"] for p in doc["participants"]}
        for pid in sorted(set(self.scn.participants) - listed):
            self.bad("format", "participant %s missing from the schedule" % pid)
        for pid in sorted(listed - set(self.scn.participants)):
            self.bad("format", "unknown participant %s in the schedule" % pid)
        for g in doc["groups"]:
            if g.get("id") not in self.scn.groups:
                self.bad("format", "unknown group %s in the schedule" % g.get("id"))
        return not any(v.startswith("format: unknown") for v in self.violations)

    def parse_time(self, text, where):
        """An RFC 3339 time in the program's zone, or None."""
        try:
            t = dt.datetime.fromisoformat(text)
        except (TypeError, ValueError):
            self.bad("format", "%s: '%s' is not an RFC 3339 time" % (where, text))
            return None
        if t.tzinfo is None or not RFC3339.match(text):
            self.bad("format", "%s: '%s' is not an RFC 3339 time" % (where, text))
            return None
        if t.utcoffset() != t.astimezone(self.scn.zone).utcoffset():
            self.bad("format", "%s: '%s' is not in the program's zone %s"
                     % (where, text, self.scn.zone_name))
        return t

    # -- groups: rules 3 and 7 ----------------------------------------

    def check_groups(self):
        scn = self.scn
        self.home = {}          # pid -> gid for placed participants
        for p in self.doc["participants"]:
            if p.get("status") == "placed":
                self.home[p["id"]] = p.get("group")
        self.members = {gid: sorted(pid for pid, h in self.home.items() if h == gid)
                        for gid in scn.groups}
        self.open = {gid for gid, m in self.members.items() if m}
        listed = {g["id"]: g for g in self.doc["groups"]}
        for gid in sorted(scn.groups):
            g = listed.get(gid)
            if g is None:
                if gid in self.open:
                    self.bad("format", "open group %s missing from groups" % gid)
                continue
            if g.get("clinician") != scn.groups[gid]["clinician"]:
                self.bad("format", "group %s lists clinician %s, scenario says %s"
                         % (gid, g.get("clinician"), scn.groups[gid]["clinician"]))
            members = g.get("members", [])
            if sorted(members) != self.members[gid]:
                self.bad(3, "group %s members %s differ from its placed participants %s"
                         % (gid, members, self.members[gid]))
            if members != sorted(members, key=lambda s: s.encode()):
                self.bad("format", "group %s members are not sorted" % gid)
            if bool(g.get("open")) != (gid in self.open):
                self.bad(7, "group %s open=%s but has %d home members"
                         % (gid, g.get("open"), len(self.members[gid])))
        for gid in sorted(self.open):
            n = len(self.members[gid])
            if n < scn.group_min:
                self.bad(7, "open group %s has %d home members, below group_size.min %d"
                         % (gid, n, scn.group_min))

        # Rule 1: running instances.
        self.running = set()
        for gid in self.open:
            busy = self.clin_busy[scn.groups[gid]["clinician"]]
            for inst in self.instances[gid]:
                if not overlaps_any(inst.start, inst.end, busy):
                    self.running.add(inst.key)

    # -- participants: rules 2 to 5 -----------------------------------

    def check_participants(self):
        self.attending = {}     # instance key -> list of (pid, makeup)
        self.total_makeups = 0
        for entry in self.doc["participants"]:
            pid = entry.get("id")
            if pid not in self.people:
                continue
            status = entry.get("status")
            if status == "placed":
                self.check_placed(entry, self.people[pid])
            elif status == "unplaced":
                self.check_unplaced(entry)
            else:
                self.bad("format", "participant %s has status '%s'" % (pid, status))

    def check_unplaced(self, entry):
        pid = entry["id"]
        if entry.get("group") is not None:
            self.bad(5, "unplaced participant %s has home group %s" % (pid, entry["group"]))
        for w in entry.get("weeks") or []:
            if w.get("sessions"):
                self.bad(5, "unplaced participant %s has sessions" % pid)
                break
        reason = entry.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            self.bad("format", "unplaced participant %s has no reason" % pid)

    def check_placed(self, entry, person):
        scn = self.scn
        pid, p = person.id, person.p
        gid = entry.get("group")
        if gid not in scn.groups:
            self.bad(3, "placed participant %s has no valid home group (%r)" % (pid, gid))
            return
        g = scn.groups[gid]
        if g["track"] != p["track"]:
            self.bad(3, "%s (track %s) is homed in %s (track %s)"
                     % (pid, p["track"], gid, g["track"]))
        if not self.licensed(gid, p):
            self.bad(3, "%s (state %s) is homed in %s whose clinician %s is not licensed there"
                     % (pid, p["state"], gid, g["clinician"]))

        sessions = self.read_weeks(entry, person)
        expected_home = {i.key for i in self.instances[gid]
                         if i.key in self.running and person.can_attend(i)}
        listed_home = {i.key for i, makeup in sessions if not makeup}
        for key in sorted(expected_home - listed_home):
            self.bad(3, "%s misses home instance %s that runs and that they can attend"
                     % (pid, self.by_key[key]))
        home_attended = []
        makeups_by_week = {}
        for inst, makeup in sessions:
            where = "%s %s" % (pid, inst)
            if not makeup:
                if inst.group != gid:
                    self.bad(3, "%s: a non-makeup session outside home group %s" % (where, gid))
                elif inst.key not in self.running:
                    self.bad(1, "%s: home instance does not run" % where)
                elif not person.can_attend(inst):
                    self.bad(2, "%s: participant cannot attend this instance" % where)
                home_attended.append(inst)
        for inst, makeup in sessions:
            if not makeup:
                continue
            where = "%s makeup %s" % (pid, inst)
            og = scn.groups[inst.group]
            if inst.group == gid:
                self.bad(4, "%s: a makeup in the home group" % where)
            if inst.group not in self.open:
                self.bad(4, "%s: group %s is not open" % (where, inst.group))
            elif inst.key not in self.running:
                self.bad(4, "%s: instance does not run" % where)
            if og["track"] != p["track"]:
                self.bad(4, "%s: track %s differs from %s" % (where, og["track"], p["track"]))
            if not self.licensed(inst.group, p):
                self.bad(4, "%s: clinician %s not licensed in %s"
                         % (where, og["clinician"], p["state"]))
            if not person.can_attend(inst):
                self.bad(4, "%s: participant cannot attend this instance" % where)
            for h in home_attended:
                if overlaps(inst.start, inst.end, h.start, h.end):
                    self.bad(4, "%s: overlaps home instance %s" % (where, h))
            makeups_by_week.setdefault(inst.week, []).append(inst)
        for week, ms in sorted(makeups_by_week.items()):
            self.total_makeups += len(ms)
            if len(ms) > scn.makeups_per_week:
                self.bad(4, "%s has %d makeups in week of %s, above makeups_per_week %d"
                         % (pid, len(ms), scn.week_start_date(week), scn.makeups_per_week))
            for a in range(len(ms)):
                for b in range(a + 1, len(ms)):
                    if overlaps(ms[a].start, ms[a].end, ms[b].start, ms[b].end):
                        self.bad(4, "%s: makeups %s and %s overlap" % (pid, ms[a], ms[b]))

        # Rule 5: hours in every one of the participant's weeks.
        minutes = {k: 0 for k in person.weeks}
        for inst, _ in sessions:
            minutes[inst.week] = minutes.get(inst.week, 0) + inst.minutes
        for k in sorted(minutes):
            hours = minutes[k] / 60
            if hours < person.min_hours - EPS or hours > scn.max_hours + EPS:
                self.bad(5, "%s has %.2f h in week of %s, outside [%g, %g]"
                         % (pid, hours, scn.week_start_date(k), person.min_hours,
                            scn.max_hours))
        for inst, makeup in sessions:
            self.attending.setdefault(inst.key, []).append((pid, makeup))

    def read_weeks(self, entry, person):
        """The (instance, makeup) pairs a placed entry lists, checking format."""
        scn, pid = self.scn, person.id
        out, seen, week_labels = [], set(), []
        for w in entry.get("weeks") or []:
            label = w.get("week")
            week_labels.append(label)
            try:
                k = (parse_date(label) - scn.start).days
            except (TypeError, ValueError):
                self.bad("format", "%s: bad week '%s'" % (pid, label))
                continue
            if k % 7 or k // 7 not in person.weeks:
                self.bad("format", "%s: week '%s' is not one of their program weeks"
                         % (pid, label))
            k //= 7
            minutes, starts = 0, []
            for s in w.get("sessions") or []:
                where = "%s week %s" % (pid, label)
                t0 = self.parse_time(s.get("start"), where)
                t1 = self.parse_time(s.get("end"), where)
                if t0 is None or t1 is None:
                    continue
                starts.append(t0)
                inst = self.by_key.get((s.get("group"), t0.timestamp()))
                if inst is None:
                    self.bad("format", "%s: no session of group %s starts at %s"
                             % (where, s.get("group"), s.get("start")))
                    continue
                if t1 != inst.end:
                    self.bad("format", "%s: %s ends at %s, expected %s"
                             % (where, inst, s.get("end"), inst.end.isoformat()))
                if inst.week != k:
                    self.bad("format", "%s: %s is listed under the wrong week" % (where, inst))
                if not isinstance(s.get("makeup"), bool):
                    self.bad("format", "%s: %s has no boolean 'makeup'" % (where, inst))
                if inst.key in seen:
                    self.bad("format", "%s: %s listed twice" % (where, inst))
                    continue
                seen.add(inst.key)
                minutes += inst.minutes
                out.append((inst, bool(s.get("makeup"))))
            if starts != sorted(starts):
                self.bad("format", "%s week %s: sessions not sorted by start" % (pid, label))
            hours = w.get("hours")
            if not isinstance(hours, (int, float)) or abs(hours - minutes / 60) > 0.01:
                self.bad("format", "%s week %s: hours %r but sessions add up to %.4f"
                         % (pid, label, hours, minutes / 60))
        if week_labels != sorted(week_labels, key=str):
            self.bad("format", "%s: weeks not sorted" % pid)
        if len(set(week_labels)) != len(week_labels):
            self.bad("format", "%s: a week is listed twice" % pid)
        return out

    # -- rules 6 and 9 --------------------------------------------------

    def check_capacity_and_agency(self):
        scn = self.scn
        for gid in sorted(self.open):
            cap = int(scn.groups[gid].get("capacity", scn.group_max))
            if len(self.members[gid]) > cap:
                self.bad(6, "group %s has %d home members, capacity %d"
                         % (gid, len(self.members[gid]), cap))
        for key, people in sorted(self.attending.items(), key=lambda kv: kv[0][1]):
            inst = self.by_key[key]
            cap = int(scn.groups[inst.group].get("capacity", scn.group_max))
            if len(people) > cap:
                self.bad(6, "instance %s has %d people, capacity %d" % (inst, len(people), cap))
            ids = sorted(pid for pid, _ in people)
            for a in range(len(ids)):
                for b in range(a + 1, len(ids)):
                    pa, pb = self.people[ids[a]], self.people[ids[b]]
                    if (pa.agency and pa.agency == pb.agency
                            and (pa.separate or pb.separate)):
                        self.bad(9, "%s and %s (agency %s) share instance %s"
                                 % (ids[a], ids[b], pa.p.get("agency"), inst))

    # -- rule 8 ---------------------------------------------------------

    def check_clinicians(self):
        scn = self.scn
        for cid, c in sorted(scn.clinicians.items()):
            gids = sorted(g for g in self.open if scn.groups[g]["clinician"] == cid)
            weekly = sum(int(s["minutes"]) for g in gids for s in scn.groups[g]["sessions"])
            if weekly > float(c["max_hours_per_week"]) * 60 + EPS:
                self.bad(8, "clinician %s leads %.2f h a week, above %g"
                         % (cid, weekly / 60, float(c["max_hours_per_week"])))
            if c.get("max_groups") is not None and len(gids) > int(c["max_groups"]):
                self.bad(8, "clinician %s leads %d open groups, above max_groups %d"
                         % (cid, len(gids), int(c["max_groups"])))
            for a in range(len(gids)):
                for b in range(a + 1, len(gids)):
                    for x in self.instances[gids[a]]:
                        hit = next((y for y in self.instances[gids[b]]
                                    if overlaps(x.start, x.end, y.start, y.end)), None)
                        if hit:
                            self.bad(8, "clinician %s: open groups overlap at %s and %s"
                                     % (cid, x, hit))
                            break

    # -- summary (section 5) --------------------------------------------

    def check_summary(self):
        s = self.doc["summary"]
        entries = self.doc["participants"]
        placed = sum(1 for e in entries if e.get("status") == "placed")
        want = {"participants": len(entries), "placed": placed,
                "unplaced": len(entries) - placed, "groups_open": len(self.open),
                "makeups": self.total_makeups}
        for key, value in want.items():
            if s.get(key) != value:
                self.bad("format", "summary.%s is %r, expected %d" % (key, s.get(key), value))
        bound = s.get("bound")
        if not isinstance(bound, int) or bound < placed or bound > len(entries):
            self.bad("format", "summary.bound %r is not within [placed=%d, participants=%d]"
                     % (bound, placed, len(entries)))


def main(argv):
    if len(argv) != 4:
        print("usage: check_schedule.py IOPSCHED_BINARY SCENARIO.json SCHEDULE.json",
              file=sys.stderr)
        return 2
    try:
        checker = Checker(argv[1], argv[2], argv[3])
        violations = checker.run()
    except CheckerError as e:
        print("checker: %s" % e, file=sys.stderr)
        return 2
    except (OSError, ValueError, KeyError, TypeError) as e:
        print("checker: cannot read input: %s: %s" % (type(e).__name__, e), file=sys.stderr)
        return 2
    if violations:
        for v in violations:
            print(v)
        return 1
    entries = checker.doc["participants"]
    placed = sum(1 for e in entries if e.get("status") == "placed")
    print("ok: %d participants, %d placed" % (len(entries), placed))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
