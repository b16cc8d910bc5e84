#!/bin/sh
# The independent checker in `make check`: the checker's own self-test, the
# demo scenario solved and checked, and 200 random scenarios (seeds 1-200).
# Usage: tests/checker/run_checks.sh path/to/iopsched
set -u
BIN=$1
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/iopsched-checker.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
status=0

echo "-- checker self-test"
python3 "$HERE/selftest.py" || status=1

echo "-- demo scenario"
if "$BIN" --db "$WORK/demo.db" solve "$ROOT/fixtures/demo/scenario.json" \
    --out "$WORK/demo" --quiet &&
    python3 "$HERE/check_schedule.py" "$BIN" \
    "$ROOT/fixtures/demo/scenario.json" "$WORK/demo/schedule.json"; then
	:
else
	echo "FAIL: demo schedule"
	status=1
fi

echo "-- random scenarios"
IOPSCHED=$BIN "$HERE/random.sh" "${RANDOM_SCENARIOS:-200}" || status=1
exit $status
