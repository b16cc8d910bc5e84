#!/bin/sh
# Report benchmark (issue 8): the HTML report of the demo and of a large
# generated run (fixtures/gen_scenario.py, default size L = 3,000
# participants): its size, the time `iopsched report` takes to write it,
# and how long Debian's chromium (headless, network blocked) takes to load
# and lay it out, one table row per case.
#
# Usage: tests/bench/report.sh            (from anywhere; run `make` first)
# Environment:
#   SIZE      generator size, default L (S, M, L, XL or a number)
#   SEED      generator seed, default 1
#   STRICT    1: exit 1 when a row misses its target
#   IOPSCHED  binary, default ./iopsched
# The scenario is cached in build/bench/report-SIZE-SEED/; the run is
# solved into a fresh database there and the report written next to it.
# LOAD ms is measured inside the browser: a small page (with file access
# allowed, for this measurement only) loads the report in a 1400x2000
# frame and times it to the frame's load event and a forced layout.  WALL
# s is the whole `chromium --dump-dom` process, start-up included.
# Targets: at most 10 MB and a load under 5 s.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT" || exit 1
SIZE=${SIZE:-L}
SEED=${SEED:-1}
BIN=${IOPSCHED:-./iopsched}
DIR=build/bench/report-$SIZE-$SEED
status=0

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
[ -x "$BIN" ] || { echo "tests/bench/report.sh: $BIN missing; run make" >&2; exit 1; }

now() {
	date +%s.%N
}

# browse URL ARG...: headless chromium with nothing reaching out.
browse() {
	url=$1
	shift
	profile=$(mktemp -d "${TMPDIR:-/tmp}/iopsched-bench.XXXXXX")
	HOME=$profile timeout 300 "$CHROMIUM" --headless --no-sandbox \
	    --disable-gpu --disable-quic --no-first-run \
	    --disable-background-networking --disable-component-update \
	    --disable-sync --user-data-dir="$profile" \
	    --proxy-server=127.0.0.1:9 --host-resolver-rules="MAP * ~NOTFOUND" \
	    "$@" "$url" 2>/dev/null
	rc=$?
	rm -rf "$profile"
	return $rc
}

# The timing page: loads the report named after '#' in a frame.
timer_page() {
	cat >"$1" <<'EOF'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title>
</head><body><p id="t">pending</p><script>
var t0 = performance.now(), f = document.createElement("iframe");
f.style.width = "1400px"; f.style.height = "2000px";
f.onload = function () {
	var h = f.contentDocument.documentElement.scrollHeight;
	document.getElementById("t").textContent = "load_ms=" +
	    (performance.now() - t0).toFixed(0) + " height=" + h;
};
f.src = location.hash.slice(1); document.body.appendChild(f);
</script></body></html>
EOF
}

# row CASE DB OUTDIR: writes the report of DB's latest run and measures it.
row() {
	name=$1 db=$2 out=$3
	t0=$(now)
	"$BIN" --db "$db" --quiet report --out "$out/report.html" || return 1
	write=$(awk -v a="$t0" -v b="$(now)" 'BEGIN { printf "%.2f", b - a }')
	bytes=$(stat -c %s "$out/report.html")
	parts=$("$BIN" --db "$db" runs --json | python3 -c \
	    'import json,sys; print(json.load(sys.stdin)[-1]["participants"])')
	load=- wall=- verdict=ok
	if [ -n "$CHROMIUM" ]; then
		timer_page "$out/timer.html"
		load=$(browse "file://$ROOT/$out/timer.html#report.html" \
		    --allow-file-access-from-files --dump-dom |
		    sed -n 's/.*load_ms=\([0-9]*\).*/\1/p')
		t0=$(now)
		browse "file://$ROOT/$out/report.html" --dump-dom >/dev/null
		wall=$(awk -v a="$t0" -v b="$(now)" \
		    'BEGIN { printf "%.2f", b - a }')
		[ -n "$load" ] || load=?
		[ "$load" = ? ] || [ "$load" -le 5000 ] || verdict=SLOW
	fi
	[ "$bytes" -le 10485760 ] || verdict="$verdict,BIG"
	[ "$verdict" = ok ] || [ "${STRICT:-0}" != 1 ] || status=1
	printf '%-12s %6s %10s %8s %8s %7s %12s  %s\n' "$name" "$parts" \
	    "$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1024 }')" \
	    "$write" "$load" "$wall" "10MB/5s" "$verdict"
}

mkdir -p "$DIR"
if [ ! -f "$DIR/.done" ] || [ fixtures/gen_scenario.py -nt "$DIR/.done" ]; then
	rm -rf "$DIR/scenario"
	echo "generating a size $SIZE scenario in $DIR/scenario ..."
	python3 fixtures/gen_scenario.py --size "$SIZE" --seed "$SEED" \
	    "$DIR/scenario" || exit 1
	: >"$DIR/.done"
fi
rm -f "$DIR/demo.db" "$DIR/run.db"
mkdir -p "$DIR/demo" "$DIR/run"
"$BIN" --db "$DIR/demo.db" --quiet solve fixtures/demo/scenario.json || exit 1
echo "solving $SIZE ..."
"$BIN" --db "$DIR/run.db" --quiet solve "$DIR/scenario/scenario.json" ||
    exit 1
[ -n "$CHROMIUM" ] || echo "skipped: chromium not installed (no load times)"
printf '%-12s %6s %10s %8s %8s %7s %12s  %s\n' CASE PEOPLE "SIZE KiB" \
    "WRITE s" "LOAD ms" "WALL s" TARGET RESULT
row demo "$DIR/demo.db" "$DIR/demo" || exit 1
row "size-$SIZE" "$DIR/run.db" "$DIR/run" || exit 1
exit $status
