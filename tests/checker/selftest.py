#!/usr/bin/env python3
"""Self-test of check_schedule.py that needs no iopsched binary.

Builds a tiny scenario across the 2026 spring-forward change (week 1 in CST,
week 2 in CDT), a stand-in `iopsched` that answers `calendar expand` from
canned JSON lines (and fails unless called with the zone and --honor-transp
the checker must pass), and a hand-made correct schedule.  The correct
schedule must pass; each broken variant must fail naming the expected rule.
Covers buffers (a touching short shift, the rest after a long shift), a
clinician busy during an instance, a participant in another zone, agency
separation, makeups, capacity, group size, clinician limits, the summary and
the time format.  Also runs the same scenario with a CSV roster.
Prints one line per case and "N passed, M failed"; exits 1 on any failure.
"""

import copy
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CHECKER = os.path.join(HERE, "check_schedule.py")

FAKE_IOPSCHED = r'''#!/usr/bin/env python3
import json, sys
args = sys.argv[1:]
if args[:2] != ["calendar", "expand"]:
    sys.exit(64)
path, tz = args[2], args[args.index("--tz") + 1]
with open(path) as f:
    lines = f.read().splitlines()
head = json.loads(lines[0])
if head["tz"] != tz or head["honor_transp"] != ("--honor-transp" in args):
    print("fake iopsched: %s: wrong --tz or --honor-transp" % path, file=sys.stderr)
    sys.exit(65)
print("\n".join(lines[1:]))
'''

SCENARIO = {
    "program": {
        "name": "checker self-test", "timezone": "America/Chicago",
        "start": "2026-03-02", "weeks": 2, "min_hours_per_week": 6,
        "max_hours_per_week": 10, "group_size": {"min": 2, "max": 3},
        "makeups_per_week": 1,
        "buffers": {"before_shift_minutes": 60, "after_shift_minutes": 60,
                    "long_shift_hours": 12, "rest_after_long_shift_hours": 10},
    },
    "clinicians": [
        {"id": "C1", "licensed_states": ["TX"], "max_hours_per_week": 15,
         "max_groups": 2, "calendar": "c1.ics"},
        {"id": "C2", "licensed_states": ["OK"], "max_hours_per_week": 15},
    ],
    "groups": [
        {"id": "G1", "track": "fr", "clinician": "C1",
         "sessions": [{"day": "MO", "start": "18:00", "minutes": 180},
                      {"day": "WE", "start": "18:00", "minutes": 180},
                      {"day": "SA", "start": "09:00", "minutes": 180}]},
        {"id": "G2", "track": "fr", "clinician": "C1", "capacity": 4,
         "sessions": [{"day": "TU", "start": "18:00", "minutes": 180},
                      {"day": "SA", "start": "13:00", "minutes": 180}]},
        {"id": "G3", "track": "fr", "clinician": "C2",
         "sessions": [{"day": "TH", "start": "18:00", "minutes": 180}]},
    ],
    "participants": [
        {"id": "P1", "state": "TX", "track": "fr", "start": "2026-03-02", "weeks": 2,
         "min_hours_per_week": 9},
        {"id": "P2", "state": "TX", "track": "fr", "start": "2026-03-02", "weeks": 2,
         "shifts": "p2.ics"},
        {"id": "P3", "state": "TX", "track": "fr", "start": "2026-03-02", "weeks": 2,
         "agency": "Metro Fire", "separate_from_agency": True},
        {"id": "P4", "state": "TX", "track": "fr", "start": "2026-03-02", "weeks": 2,
         "agency": "metro FIRE", "min_hours_per_week": 3, "shifts": "p4.ics"},
        {"id": "P5", "state": "TX", "track": "fr", "start": "2026-03-02", "weeks": 2,
         "timezone": "America/Denver"},
        {"id": "P6", "state": "OK", "track": "fr", "start": "2026-03-02", "weeks": 2},
        {"id": "P7", "state": "TX", "track": "fr", "start": "2026-03-02", "weeks": 2,
         "shifts": "p7.ics"},
    ],
}

# Canned expansions: header line, then SPEC section 3 JSON lines (UTC).
CALENDARS = {
    # Clinician busy on week 2's Saturday morning: G1's SA instance does not run.
    "c1.ics": ("America/Chicago", True, [
        ("2026-03-14T14:00:00Z", "2026-03-14T17:00:00Z")]),
    # 24 h shift Wed 07:00 CST: with 10 h rest it blocks Wed 18:00 of week 1.
    "p2.ics": ("America/Chicago", False, [
        ("2026-03-04T13:00:00Z", "2026-03-05T13:00:00Z")]),
    # 12 h shift Fri 21:00 - Sat 09:00 CST: long, rest until Sat 19:00 blocks
    # G2's Saturday 13:00 in week 1 (60 min after would not).
    "p4.ics": ("America/Chicago", False, [
        ("2026-03-07T03:00:00Z", "2026-03-07T15:00:00Z")]),
    # 8 h shift Tue 09:00-17:00 CST: 60 min after ends at 18:00, touching.
    "p7.ics": ("America/Chicago", False, [
        ("2026-03-03T15:00:00Z", "2026-03-03T23:00:00Z")]),
}

CST, CDT = "-06:00", "-05:00"
WEEK1, WEEK2 = "2026-03-02", "2026-03-09"


def sess(group, date, start, minutes=180, makeup=False):
    h, m = map(int, start.split(":"))
    end = h * 60 + m + minutes
    off = CST if date < "2026-03-08" else CDT
    return {"group": group, "makeup": makeup,
            "start": "%sT%s:00%s" % (date, start, off),
            "end": "%sT%02d:%02d:00%s" % (date, end // 60, end % 60, off)}


def week(label, sessions):
    sessions = sorted(sessions, key=lambda s: s["start"])
    hours = sum(minutes_of(s) for s in sessions) / 60
    return {"week": label, "hours": hours, "sessions": sessions}


def minutes_of(s):
    a, b = s["start"][11:16], s["end"][11:16]
    return (int(b[:2]) * 60 + int(b[3:])) - (int(a[:2]) * 60 + int(a[3:]))


def g1(date_mo, date_we, date_sa, skip=()):
    out = [sess("G1", date_mo, "18:00"), sess("G1", date_we, "18:00"),
           sess("G1", date_sa, "09:00")]
    return [s for i, s in enumerate(out) if i not in skip]


def g2(date_tu, date_sa, skip=()):
    out = [sess("G2", date_tu, "18:00"), sess("G2", date_sa, "13:00")]
    return [s for i, s in enumerate(out) if i not in skip]


def placed(pid, group, weeks):
    return {"id": pid, "status": "placed", "group": group, "weeks": weeks}


def correct_schedule():
    w1_g1 = lambda skip=(): g1("2026-03-02", "2026-03-04", "2026-03-07", skip)
    w2_g1 = lambda skip=(): g1("2026-03-09", "2026-03-11", "2026-03-14", skip)
    w1_g2 = lambda skip=(): g2("2026-03-03", "2026-03-07", skip)
    w2_g2 = lambda skip=(): g2("2026-03-10", "2026-03-14", skip)
    makeup = sess("G2", "2026-03-10", "18:00", makeup=True)
    people = [
        placed("P1", "G1", [week(WEEK1, w1_g1()), week(WEEK2, w2_g1((2,)) + [makeup])]),
        placed("P2", "G1", [week(WEEK1, w1_g1((1,))), week(WEEK2, w2_g1((2,)))]),
        placed("P3", "G1", [week(WEEK1, w1_g1()), week(WEEK2, w2_g1((2,)))]),
        placed("P4", "G2", [week(WEEK1, w1_g2((1,))), week(WEEK2, w2_g2())]),
        placed("P5", "G2", [week(WEEK1, w1_g2()), week(WEEK2, w2_g2())]),
        {"id": "P6", "status": "unplaced", "group": None,
         "reason": "no open first-responder group has a clinician licensed in OK"},
        placed("P7", "G2", [week(WEEK1, w1_g2()), week(WEEK2, w2_g2())]),
    ]
    return {
        "run": 1,
        "summary": {"participants": 7, "placed": 6, "unplaced": 1,
                    "groups_open": 2, "makeups": 1, "bound": 6},
        "groups": [
            {"id": "G1", "open": True, "clinician": "C1", "members": ["P1", "P2", "P3"]},
            {"id": "G2", "open": True, "clinician": "C1", "members": ["P4", "P5", "P7"]},
            {"id": "G3", "open": False, "clinician": "C2", "members": []},
        ],
        "participants": people,
    }


def person(doc, pid):
    return next(p for p in doc["participants"] if p["id"] == pid)


def wk(doc, pid, label):
    return next(w for w in person(doc, pid)["weeks"] if w["week"] == label)


def refresh_hours(w):
    w["sessions"].sort(key=lambda s: s["start"])
    w["hours"] = sum(minutes_of(s) for s in w["sessions"]) / 60


# Each mutation edits (scenario, schedule) in place; expected prefix in output.
def m_missing_home(scn, doc):
    w = wk(doc, "P1", WEEK1)
    del w["sessions"][0]
    refresh_hours(w)


def m_cannot_attend_long_rest(scn, doc):
    w = wk(doc, "P4", WEEK1)
    w["sessions"].append(sess("G2", "2026-03-07", "13:00"))
    refresh_hours(w)


def m_cannot_attend_shift(scn, doc):
    w = wk(doc, "P2", WEEK1)
    w["sessions"].append(sess("G1", "2026-03-04", "18:00"))
    refresh_hours(w)


def m_clinician_busy(scn, doc):
    w = wk(doc, "P3", WEEK2)
    w["sessions"].append(sess("G1", "2026-03-14", "09:00"))
    refresh_hours(w)


def m_no_makeup(scn, doc):
    w = wk(doc, "P1", WEEK2)
    w["sessions"] = [s for s in w["sessions"] if not s["makeup"]]
    refresh_hours(w)
    doc["summary"]["makeups"] = 0


def m_too_many_hours(scn, doc):
    w = wk(doc, "P1", WEEK1)
    w["sessions"].append(sess("G2", "2026-03-03", "18:00", makeup=True))
    refresh_hours(w)
    doc["summary"]["makeups"] = 2


def m_two_makeups(scn, doc):
    scn["program"]["max_hours_per_week"] = 19
    w = wk(doc, "P1", WEEK2)
    w["sessions"].append(sess("G2", "2026-03-14", "13:00", makeup=True))
    refresh_hours(w)
    doc["summary"]["makeups"] = 2


def m_makeup_closed_group(scn, doc):
    scn["clinicians"][1]["licensed_states"] = ["TX", "OK"]
    w = wk(doc, "P1", WEEK2)
    w["sessions"] = [s for s in w["sessions"] if not s["makeup"]]
    w["sessions"].append(sess("G3", "2026-03-12", "18:00", makeup=True))
    refresh_hours(w)


def m_makeup_wrong_track(scn, doc):
    scn["groups"][1]["track"] = "hc"
    scn["participants"][3]["track"] = "hc"
    scn["participants"][4]["track"] = "hc"
    scn["participants"][6]["track"] = "hc"


def m_makeup_unlicensed(scn, doc):
    scn["participants"][0]["state"] = "OK"
    scn["clinicians"][0]["licensed_states"] = ["TX", "OK"]
    scn["groups"][1]["clinician"] = "C2"
    scn["clinicians"][1]["licensed_states"] = ["TX"]
    for g in doc["groups"]:
        g["clinician"] = scn["groups"][int(g["id"][1]) - 1]["clinician"]


def m_agency(scn, doc):
    scn["groups"][1]["capacity"] = 5
    doc["groups"][0]["members"].remove("P3")
    doc["groups"][1]["members"] = ["P3", "P4", "P5", "P7"]
    p3 = person(doc, "P3")
    p3["group"] = "G2"
    p3["weeks"] = [week(WEEK1, g2("2026-03-03", "2026-03-07")),
                   week(WEEK2, g2("2026-03-10", "2026-03-14"))]


def m_capacity(scn, doc):
    scn["groups"][1]["capacity"] = 3


def m_group_min(scn, doc):
    scn["program"]["group_size"]["min"] = 4


def m_max_groups(scn, doc):
    scn["clinicians"][0]["max_groups"] = 1


def m_clinician_hours(scn, doc):
    scn["clinicians"][0]["max_hours_per_week"] = 12


def m_clinician_overlap(scn, doc):
    scn["groups"][1]["sessions"][1]["start"] = "11:00"
    scn["groups"][1]["sessions"][1]["minutes"] = 120


def m_unplaced_with_sessions(scn, doc):
    p6 = person(doc, "P6")
    p6["weeks"] = [week(WEEK1, [sess("G3", "2026-03-05", "18:00")])]


def m_unplaced_no_reason(scn, doc):
    del person(doc, "P6")["reason"]


def m_summary(scn, doc):
    doc["summary"]["placed"] = 7


def m_bound(scn, doc):
    doc["summary"]["bound"] = 5


def m_offset(scn, doc):
    w = wk(doc, "P3", WEEK2)
    s = w["sessions"][0]
    s["start"] = s["start"].replace(CDT, "-06:00").replace("T18", "T17")
    s["end"] = s["end"].replace(CDT, "-06:00").replace("T21", "T20")


def m_no_seconds(scn, doc):
    s = wk(doc, "P5", WEEK1)["sessions"][0]
    s["start"] = s["start"].replace(":00:00-", ":00-")


def m_unsorted(scn, doc):
    doc["participants"].reverse()


def m_hours_field(scn, doc):
    wk(doc, "P5", WEEK1)["hours"] = 9.0


def m_members(scn, doc):
    doc["groups"][0]["members"].remove("P2")


def m_window_zone(scn, doc):
    # P5 in Denver: G2's Tuesday 18:00 CT is 17:00 MT, outside 18:00-22:00.
    scn["participants"][4]["available"] = [
        {"days": ["MO", "TU", "WE", "TH", "FR"], "from": "18:00", "to": "22:00"},
        {"days": ["SA", "SU"], "from": "08:00", "to": "21:00"}]


def m_late_start(scn, doc):
    scn["participants"][6]["start"] = "2026-03-09"
    scn["participants"][6]["weeks"] = 1


def m_wrong_tz_to_binary(scn, doc):
    scn["participants"][1]["timezone"] = "America/Denver"


CASES = [
    ("missing home instance", m_missing_home, "rule 3:"),
    ("home instance in rest after a long shift", m_cannot_attend_long_rest, "rule 2:"),
    ("home instance during a shift", m_cannot_attend_shift, "rule 2:"),
    ("instance while the clinician is busy", m_clinician_busy, "rule 1:"),
    ("week below the minimum", m_no_makeup, "rule 5:"),
    ("week above the maximum", m_too_many_hours, "rule 5:"),
    ("two makeups in a week", m_two_makeups, "rule 4:"),
    ("makeup in a closed group", m_makeup_closed_group, "rule 4:"),
    ("makeup in another track", m_makeup_wrong_track, "rule 4:"),
    ("makeup with an unlicensed clinician", m_makeup_unlicensed, "rule 4:"),
    ("agency separation, case-insensitive", m_agency, "rule 9:"),
    ("instance above capacity", m_capacity, "rule 6:"),
    ("open group below group_size.min", m_group_min, "rule 7:"),
    ("clinician max_groups", m_max_groups, "rule 8:"),
    ("clinician max hours", m_clinician_hours, "rule 8:"),
    ("clinician groups overlap", m_clinician_overlap, "rule 8:"),
    ("unplaced with sessions", m_unplaced_with_sessions, "rule 5:"),
    ("unplaced without reason", m_unplaced_no_reason, "format:"),
    ("summary placed count", m_summary, "format:"),
    ("bound below placed", m_bound, "format:"),
    ("time in the wrong offset", m_offset, "format:"),
    ("time without seconds is not RFC 3339", m_no_seconds, "format:"),
    ("participants not sorted", m_unsorted, "format:"),
    ("hours not minutes/60", m_hours_field, "format:"),
    ("group members differ", m_members, "rule 3:"),
    ("window read in the participant's zone", m_window_zone, "rule 2:"),
    ("session outside the participant's weeks", m_late_start, "rule 2:"),
]


def write_case(tmp, scn, doc):
    with open(os.path.join(tmp, "scenario.json"), "w") as f:
        json.dump(scn, f, indent=1)
    with open(os.path.join(tmp, "schedule.json"), "w") as f:
        json.dump(doc, f, indent=1)


def run_checker(tmp, fake):
    res = subprocess.run([sys.executable, CHECKER, fake,
                          os.path.join(tmp, "scenario.json"),
                          os.path.join(tmp, "schedule.json")],
                         capture_output=True, text=True)
    return res.returncode, res.stdout + res.stderr


def to_csv_roster(tmp, scn):
    cols = ["id", "state", "track", "start", "weeks", "min_hours_per_week",
            "timezone", "agency", "separate_from_agency", "shifts"]
    lines = [",".join(cols)]
    for p in scn["participants"]:
        cells = []
        for c in cols:
            v = p.get(c, "")
            if isinstance(v, bool):
                v = "true" if v else "false"
            v = str(v)
            cells.append('"%s"' % v.replace('"', '""') if "," in v or " " in v else v)
        lines.append(",".join(cells))
    with open(os.path.join(tmp, "roster.csv"), "w", newline="") as f:
        f.write("\r\n".join(lines) + "\r\n")
    scn = copy.deepcopy(scn)
    scn["participants"] = "roster.csv"
    return scn


def main():
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        fake = os.path.join(tmp, "iopsched")
        with open(fake, "w") as f:
            f.write(FAKE_IOPSCHED)
        os.chmod(fake, 0o755)
        for name, (tz, transp, spans) in CALENDARS.items():
            with open(os.path.join(tmp, name), "w") as f:
                f.write(json.dumps({"tz": tz, "honor_transp": transp}) + "\n")
                for s, e in spans:
                    f.write(json.dumps({"start": s, "end": e, "uid": name,
                                        "summary": "shift"}) + "\n")

        def report(name, ok, out):
            nonlocal passed, failed
            if ok:
                passed += 1
                print("PASS %s" % name)
            else:
                failed += 1
                print("FAIL %s\n  %s" % (name, out.strip().replace("\n", "\n  ")))

        write_case(tmp, SCENARIO, correct_schedule())
        rc, out = run_checker(tmp, fake)
        report("correct schedule passes", rc == 0 and out.startswith("ok: 7 participants, 6 placed"), out)

        write_case(tmp, to_csv_roster(tmp, SCENARIO), correct_schedule())
        rc, out = run_checker(tmp, fake)
        report("correct schedule with a CSV roster passes", rc == 0, out)

        for name, mutate, expect in CASES:
            scn, doc = copy.deepcopy(SCENARIO), correct_schedule()
            mutate(scn, doc)
            write_case(tmp, scn, doc)
            rc, out = run_checker(tmp, fake)
            ok = rc == 1 and any(line.startswith(expect) for line in out.splitlines())
            report("%s -> %s" % (name, expect), ok, out)

        scn, doc = copy.deepcopy(SCENARIO), correct_schedule()
        m_wrong_tz_to_binary(scn, doc)
        write_case(tmp, scn, doc)
        rc, out = run_checker(tmp, fake)
        report("expansion in the participant's zone (checker exits 2 on a failing binary)",
               rc == 2 and "wrong --tz" in out, out)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
