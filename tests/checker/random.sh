#!/bin/sh
# Property test: solve N random scenarios and check every schedule.
#
# Usage: tests/checker/random.sh [N]      (default N=200)
# For seeds 1..N it writes a scenario with fixtures/gen_random.py, checks
# `iopsched calendar expand` on its calendars against the intervals the
# generator meant (tests/checker/check_expand.py), runs
# `$IOPSCHED --db TMP solve SCENARIO --out DIR --quiet`, and checks
# DIR/schedule.json with tests/checker/check_schedule.py.  $IOPSCHED defaults
# to ./iopsched at the top of the repository.  A failing seed prints one line
# with the reason and keeps its directory (printed at the end) so it can be
# replayed; the last line is "N passed, M failed", and the exit status is 1
# when any seed failed.

n=${1:-200}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
iopsched=${IOPSCHED:-$root/iopsched}
python=${PYTHON:-python3}

case $n in
''|*[!0-9]*) echo "usage: random.sh [N]" >&2; exit 64 ;;
esac
if [ ! -x "$iopsched" ]; then
	echo "random.sh: no executable iopsched at '$iopsched' (set IOPSCHED)" >&2
	exit 66
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/iopsched-random.XXXXXX") || exit 73
# Run a private copy, so that a rebuild meanwhile does not fail a seed.
cp "$iopsched" "$work/iopsched" || exit 74
iopsched=$work/iopsched
passed=0
failed=0
seed=1
while [ "$seed" -le "$n" ]; do
	dir=$work/$seed
	mkdir -p "$dir/out"
	if ! "$python" "$root/fixtures/gen_random.py" "$seed" "$dir/in" \
	    >"$dir/gen.log" 2>&1; then
		why="generator: $(head -n 1 "$dir/gen.log")"
	elif ! "$python" "$here/check_expand.py" "$iopsched" "$dir/in" \
	    >"$dir/expand.log" 2>&1; then
		why="calendar expand: $(head -n 1 "$dir/expand.log")"
	else
		"$iopsched" --db "$dir/db" solve "$dir/in/scenario.json" \
		    --out "$dir/out" --quiet >"$dir/solve.log" 2>&1
		rc=$?
		if [ "$rc" -ne 0 ]; then
			why="solve exited $rc: $(head -n 1 "$dir/solve.log")"
		elif "$python" "$here/check_schedule.py" "$iopsched" \
		    "$dir/in/scenario.json" "$dir/out/schedule.json" \
		    >"$dir/check.log" 2>&1; then
			why=
		else
			why="check: $(head -n 1 "$dir/check.log")"
		fi
	fi
	if [ -n "$why" ]; then
		echo "FAIL seed $seed: $why"
		failed=$((failed + 1))
	else
		passed=$((passed + 1))
		rm -rf "$dir"
	fi
	seed=$((seed + 1))
done

if [ "$failed" -eq 0 ]; then
	rm -rf "$work"
else
	echo "failing cases kept in $work (replay with IOPSCHED=$work/iopsched)"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
