#!/usr/bin/env python3
"""Checks `iopsched calendar expand` against what a generated scenario means.

Usage: check_expand.py IOPSCHED_BINARY OUTDIR

OUTDIR is a directory written by fixtures/gen_random.py.  Its
expected-busy.json lists, for every calendar file, the owner's zone, whether
TRANSP is honoured (clinician calendars) and the busy intervals the generator
meant when it wrote the file (computed from the same parameters, not by
parsing the file).  For each file this runs

    IOPSCHED calendar expand FILE --from D1 --to D2 --tz ZONE [--honor-transp]

over the program weeks padded by a week on each side, and compares the
intervals (as sets of start/end pairs) with the expected ones that overlap
that window (SPEC section 3).  Exit 0 and "ok: N calendars" when all agree;
1 with one line per file that differs; 2 when the check cannot run.
Python 3.11 standard library only.
"""

import datetime as dt
import json
import os
import subprocess
import sys
from zoneinfo import ZoneInfo


def main(argv):
    if len(argv) != 3:
        print("usage: check_expand.py IOPSCHED_BINARY OUTDIR", file=sys.stderr)
        return 2
    binary, outdir = argv[1], argv[2]
    try:
        with open(os.path.join(outdir, "expected-busy.json"), encoding="utf-8") as f:
            expected = json.load(f)
        with open(os.path.join(outdir, "scenario.json"), encoding="utf-8") as f:
            prog = json.load(f)["program"]
    except (OSError, ValueError, KeyError) as e:
        print("check_expand: %s" % e, file=sys.stderr)
        return 2
    start = dt.date.fromisoformat(prog["start"])
    date_from = start - dt.timedelta(days=7)
    date_to = start + dt.timedelta(days=7 * prog["weeks"] + 7)
    bad = 0
    for rel, want in sorted(expected.items()):
        zone = ZoneInfo(want["tz"])
        lo = dt.datetime.combine(date_from, dt.time(), zone)
        hi = dt.datetime.combine(date_to, dt.time(), zone)
        cmd = [binary, "calendar", "expand", os.path.join(outdir, rel),
               "--from", date_from.isoformat(), "--to", date_to.isoformat(),
               "--tz", want["tz"]]
        if want["honor_transp"]:
            cmd.append("--honor-transp")
        try:
            res = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        except (OSError, subprocess.TimeoutExpired) as e:
            print("check_expand: cannot run %s: %s" % (binary, e), file=sys.stderr)
            return 2
        if res.returncode != 0:
            print("%s: calendar expand exited %d: %s" % (rel, res.returncode,
                                                        res.stderr.strip()))
            bad += 1
            continue
        got = set()
        for line in res.stdout.splitlines():
            obj = json.loads(line)
            got.add((obj["start"], obj["end"]))
        exp = {(a, b) for a, b in want["intervals"]
               if dt.datetime.fromisoformat(a) < hi and dt.datetime.fromisoformat(b) > lo}
        if got != exp:
            bad += 1
            print("%s: only in iopsched %s; only expected %s"
                  % (rel, sorted(got - exp)[:3], sorted(exp - got)[:3]))
    if bad:
        return 1
    print("ok: %d calendars" % len(expected))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
