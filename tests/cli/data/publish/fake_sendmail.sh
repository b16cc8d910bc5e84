#!/bin/sh
# A stand-in for sendmail in the publish tests: stores each message it is
# given as DIR/N.eml and fails (exit 75, reading nothing) on call FAIL.
# Usage: fake_sendmail.sh DIR [FAIL]
dir=$1
fail=${2:-0}
n=$(cat "$dir/count" 2>/dev/null || echo 0)
n=$((n + 1))
echo "$n" > "$dir/count"
[ "$n" -eq "$fail" ] && exit 75
cat > "$dir/$n.eml"
