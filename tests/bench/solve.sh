#!/bin/sh
# Solver benchmark: generate realistic scenarios (fixtures/gen_scenario.py)
# and time `iopsched solve` on each, one table row per size.
#
# Usage: tests/bench/solve.sh            (from anywhere; run `make` first)
# Environment:
#   SIZES     sizes to run, default "S M L XL" (S=40, M=300, L=3000,
#             XL=20000 participants; a number works too)
#   SEED      generator seed, default 1
#   REPEAT    runs per size for S and M (median wall time), default 3;
#             L, XL and numbers run once
#   CHECK     1 (default): run the independent checker,
#             tests/checker/check_schedule.py, on every size's schedule
#             (issue 4: "passes on every benchmark output"; about 35 s
#             at L and a few minutes at XL); 0: never
#   STRICT    1: exit 1 when a row misses its target
#   IOPSCHED  binary, default ./iopsched
# Scenarios are cached in build/bench/SIZE-SEED/ (regenerated when
# fixtures/gen_scenario.py is newer); each solve gets a fresh database,
# build/bench/SIZE-SEED.db, and writes build/bench/SIZE-SEED/out/.
# Targets: S < 1 s and proven optimal; M < 5 s and proven; L <= 10 s and
# gap <= 0.5%; XL <= 60 s, gap <= 1% and <= 1 GiB peak RSS.
# gap = (bound - placed) / bound.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 1
SIZES=${SIZES:-S M L XL}
SEED=${SEED:-1}
REPEAT=${REPEAT:-3}
CHECK=${CHECK:-1}
BIN=${IOPSCHED:-./iopsched}
GEN=fixtures/gen_scenario.py
CHECKER=tests/checker/check_schedule.py
TIME=/usr/bin/time
status=0

if [ ! -x "$BIN" ]; then
	echo "tests/bench/solve.sh: no executable $BIN; run 'make'" >&2
	exit 1
fi
if [ ! -x "$TIME" ]; then
	echo "tests/bench/solve.sh: $TIME (GNU time) missing" >&2
	exit 1
fi
mkdir -p build/bench || exit 1

# target SIZE: "max_wall max_gap_percent max_mib proven" for the table.
target() {
	case $1 in
	S) echo "1 0 0 1" ;;
	M) echo "5 0 0 1" ;;
	L) echo "10 0.5 0 0" ;;
	XL) echo "60 1 1024 0" ;;
	*) echo "0 0 0 0" ;;
	esac
}

printf '%-4s %7s %6s %9s %9s %7s %7s %7s  %-24s %s\n' SIZE PEOPLE GROUPS \
    "WALL s" "PEAK MiB" PLACED BOUND "GAP %" TARGET RESULT

for size in $SIZES; do
	dir=build/bench/$size-$SEED
	db=build/bench/$size-$SEED.db
	if [ ! -f "$dir/.done" ] || [ "$GEN" -nt "$dir/.done" ]; then
		rm -rf "$dir"
		gstart=$(date +%s.%N)
		python3 "$GEN" --size "$size" --seed "$SEED" "$dir" 2>"$dir.gen.log" ||
		    { echo "$size: generator failed:"; cat "$dir.gen.log"; status=1; continue; } >&2
		gend=$(date +%s.%N)
		echo "($size: generated in $(awk -v a="$gstart" -v b="$gend" \
		    'BEGIN { printf "%.1f", b - a }') s: $(cat "$dir.gen.log" |
		    sed 's/^gen_scenario: //'))" >&2
		: > "$dir/.done"
	fi
	case $size in
	S|M) n=$REPEAT ;;
	*) n=1 ;;
	esac
	walls=
	rss=0
	i=0
	ok=1
	while [ "$i" -lt "$n" ]; do
		i=$((i + 1))
		rm -f "$db" "$db-wal" "$db-shm"
		rm -rf "$dir/out"
		"$TIME" -v -o "$dir/time.txt" "$BIN" --db "$db" solve \
		    "$dir/scenario.json" --json --out "$dir/out" >"$dir/solve.json" \
		    2>"$dir/solve.err"
		rc=$?
		if [ "$rc" -ne 0 ]; then
			echo "$size: iopsched solve exited $rc:" >&2
			head -5 "$dir/solve.err" >&2
			ok=0
			break
		fi
		w=$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$dir/time.txt" |
		    awk -F: '{ s = 0; for (k = 1; k <= NF; k++) s = s * 60 + $k; print s }')
		m=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$dir/time.txt")
		walls="$walls $w"
		[ "$m" -gt "$rss" ] && rss=$m
	done
	if [ "$ok" -ne 1 ]; then
		status=1
		continue
	fi
	wall=$(printf '%s\n' $walls | sort -n |
	    awk '{ v[NR] = $1 } END { printf "%.2f", v[int((NR + 1) / 2)] }')
	set -- $(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
s = json.load(open(sys.argv[2]))
print(d["summary"]["participants"], len(s["groups"]), d["summary"]["placed"],
      d["summary"]["bound"])' "$dir/solve.json" "$dir/scenario.json") ||
	    { echo "$size: cannot read the solve output" >&2; status=1; continue; }
	people=$1 groups=$2 placed=$3 bound=$4
	mib=$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')
	gap=$(awk -v p="$placed" -v b="$bound" \
	    'BEGIN { printf "%.2f", (b > 0 ? 100 * (b - p) / b : 0) }')
	set -- $(target "$size")
	tw=$1 tg=$2 tm=$3 tp=$4
	verdict=PASS
	why=
	if [ "$tw" != 0 ]; then
		awk -v w="$wall" -v t="$tw" 'BEGIN { exit !(w > t) }' &&
		    why="$why slow"
		if [ "$tp" = 1 ]; then
			[ "$placed" -eq "$bound" ] || why="$why unproven"
			tdesc="<${tw}s proven"
		else
			awk -v g="$gap" -v t="$tg" 'BEGIN { exit !(g > t) }' &&
			    why="$why gap"
			tdesc="<=${tw}s gap<=${tg}%"
		fi
		if [ "$tm" != 0 ]; then
			awk -v m="$mib" -v t="$tm" 'BEGIN { exit !(m > t) }' &&
			    why="$why mem"
			tdesc="$tdesc <=1GiB"
		fi
	else
		tdesc=-
		verdict=-
	fi
	if [ -n "$why" ]; then
		verdict="FAIL($(echo $why | tr ' ' ','))"
		[ "${STRICT:-0}" = 1 ] && status=1
	fi
	printf '%-4s %7s %6s %9s %9s %7s %7s %7s  %-24s %s\n' "$size" "$people" \
	    "$groups" "$wall" "$mib" "$placed" "$bound" "$gap" "$tdesc" "$verdict"
	if [ -f "$CHECKER" ] && [ "$CHECK" != 0 ]; then
		if out=$(python3 "$CHECKER" "$BIN" "$dir/scenario.json" \
		    "$dir/out/schedule.json" 2>&1); then
			echo "     checker: $out"
		else
			echo "     checker FAILED: $(printf '%s\n' "$out" | head -5)"
			status=1
		fi
	fi
done
exit $status
