#!/bin/sh
# The HTML report in a real browser: writes the demo's report, checks the
# file (mode 0600, nothing left behind, a CSP that loads nothing, no
# network address; tidy finds no error), then has Debian's chromium load
# it headless from a file:// URL with the network blocked and checks the
# DOM it built against the schedule JSON, that the page started no request
# (net log) and broke no policy (console), and takes a screenshot,
# build/report/demo.png, for a person to look at.
# Usage: tests/report/browser.sh path/to/iopsched
# Without chromium (or tidy) those parts print "skipped: ..." and pass.
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
ART=$ROOT/build/report
WORK=$(mktemp -d "${TMPDIR:-/tmp}/iopsched-report.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
pass=0
fail=0

ok() {
	pass=$((pass + 1))
	echo "ok: $1"
}

bad() {
	fail=$((fail + 1))
	echo "FAIL: $1"
}

# expect NAME COMMAND...: runs COMMAND, which must succeed.
expect() {
	name=$1
	shift
	if "$@" >"$WORK/log" 2>&1; then
		ok "$name"
	else
		bad "$name"
	fi
	sed 's/^/  /' "$WORK/log"
}

finish() {
	echo "report: $pass passed, $fail failed"
	[ "$fail" -eq 0 ]
	exit
}

mkdir -p "$WORK/out" "$ART"
"$BIN" --db "$WORK/demo.db" solve "$ROOT/fixtures/demo/scenario.json" \
    >/dev/null || { bad "solve the demo"; finish; }
"$BIN" --db "$WORK/demo.db" schedule --format json >"$WORK/schedule.json"
expect "report of the demo" "$BIN" --db "$WORK/demo.db" report \
    --out "$WORK/out/demo.html"
[ "$(stat -c %a "$WORK/out/demo.html")" = 600 ] && ok "mode 0600" ||
    bad "mode $(stat -c %a "$WORK/out/demo.html"), want 600"
[ "$(ls -A "$WORK/out")" = demo.html ] && ok "no temporary copy left" ||
    bad "left behind: $(ls -A "$WORK/out" | tr '\n' ' ')"
expect "loads nothing from elsewhere (static)" \
    python3 "$HERE/check_report.py" static "$WORK/out/demo.html"

if command -v tidy >/dev/null 2>&1; then
	tidy -q -e "$WORK/out/demo.html" >"$WORK/tidy" 2>&1
	rc=$?
	if [ "$rc" -lt 2 ]; then
		ok "tidy: no errors ($(grep -c Warning "$WORK/tidy") warnings)"
	else
		bad "tidy finds errors"
		sed 's/^/  /' "$WORK/tidy"
	fi
else
	echo "skipped: tidy not installed"
fi

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ]; then
	echo "skipped: chromium not installed"
	finish
fi

# browse ARG...: chromium headless on the report, nothing reaching out.
browse() {
	profile=$(mktemp -d "$WORK/profile.XXXXXX")
	HOME=$WORK XDG_CONFIG_HOME=$WORK XDG_CACHE_HOME=$WORK \
	    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu \
	    --disable-quic --no-first-run --disable-background-networking \
	    --disable-component-update --disable-sync \
	    --user-data-dir="$profile" --proxy-server=127.0.0.1:9 \
	    --host-resolver-rules="MAP * ~NOTFOUND" "$@" \
	    "file://$WORK/out/demo.html"
}

if browse --dump-dom --log-net-log="$WORK/net.json" \
    --enable-logging=stderr --v=0 >"$WORK/dom.html" 2>"$WORK/console"; then
	ok "chromium loads the report"
	expect "DOM holds the groups, participants, weeks and hours" \
	    python3 "$HERE/check_report.py" dom "$WORK/dom.html" \
	    "$WORK/schedule.json"
	expect "no request left the page" \
	    python3 "$HERE/check_report.py" netlog "$WORK/net.json"
	if grep ':CONSOLE' "$WORK/console" >"$WORK/log"; then
		bad "the page logged to the console"
		sed 's/^/  /' "$WORK/log"
	else
		ok "no console message (no policy violation)"
	fi
else
	bad "chromium could not load the report"
	tail -5 "$WORK/console"
fi
rm -f "$ART/demo.png"
browse --screenshot="$ART/demo.png" --window-size=1400,2000 \
    >/dev/null 2>&1
[ -s "$ART/demo.png" ] && ok "screenshot in build/report/demo.png" ||
    bad "no screenshot"
finish
