#!/bin/sh
# Replays every fuzz seed and regression input (tests/fuzz/corpus/NAME,
# tests/fuzz/regress/NAME) through DIR/replay_NAME for each target, for
# `make check`; on a failure it names the inputs that fail.
# Usage: tests/fuzz/replay.sh DIR   (build/obj/tests/fuzz or build/san/...)
set -u
dir=$1
status=0

for bin in "$dir"/replay_*; do
	[ -x "$bin" ] || continue
	name=${bin##*/replay_}
	set --
	for f in tests/fuzz/corpus/"$name"/* tests/fuzz/regress/"$name"/*; do
		[ -f "$f" ] && set -- "$@" "$f"
	done
	if "$bin" "$@"; then
		echo "ok $name: $# inputs"
		continue
	fi
	status=1
	for f in "$@"; do
		"$bin" "$f" >/dev/null 2>&1 || echo "FAIL $name: $f"
	done
done
exit $status
