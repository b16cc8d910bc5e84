#!/bin/sh
# Command-line tests: run the real binary on the files under tests/cli and
# compare exit codes, messages and output.  Cases live in tests/cli/cases.sh
# as one `t` line each, hostile strings in hostile.sh, the bad-input
# catalogue in catalogue.sh.  Usage: tests/cli/run.sh path/to/iopsched
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DATA=$HERE/data
WORK=$(mktemp -d "${TMPDIR:-/tmp}/iopsched-cli.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
export IOPSCHED_DB="$WORK/default.db"
# CLI_SLOW multiplies the time limits of the timing checks (valgrind).
SLOW=${CLI_SLOW:-1}
pass=0
fail=0

# t NAME EXIT STDERR-SUBSTRING [ARG...]: runs BIN ARG... in $WORK and checks
# the exit code (stdin is $STDIN if set, for one command, else /dev/null)
# and that stderr contains the substring ("" = empty stderr
# expected when EXIT is 0, anything when the substring is "*").
t() {
	name=$1 want=$2 msg=$3
	shift 3
	(cd "$WORK" && "$BIN" "$@" >"$WORK/out" 2>"$WORK/err" <"${STDIN:-/dev/null}")
	got=$?
	STDIN=
	ok=1
	[ "$got" -eq "$want" ] || ok=0
	case $msg in
	"*") ;;
	"") [ -s "$WORK/err" ] && ok=0 ;;
	*) grep -qF -- "$msg" "$WORK/err" || ok=0 ;;
	esac
	# Errors are one line (argp may add its "Try --help" hint).
	if [ "$want" -ne 0 ] && [ "$want" -ne 1 ]; then
		lines=$(grep -cv -e '^Try ' -e '^information\.$' "$WORK/err")
		[ "$lines" -eq 1 ] || ok=0
	fi
	report "$name" $ok "exit $got (want $want); stderr: $(head -c 300 "$WORK/err")"
}

# check NAME COMMAND...: a shell condition that must hold.
check() {
	name=$1
	shift
	if (cd "$WORK" && eval "$@") >/dev/null 2>&1; then
		report "$name" 1 ""
	else
		report "$name" 0 "condition failed: $*"
	fi
}

report() {
	if [ "$2" -eq 1 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL: $1: $3"
	fi
}

. "$HERE/cases.sh"
. "$HERE/hostile.sh"
. "$HERE/catalogue.sh"

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
