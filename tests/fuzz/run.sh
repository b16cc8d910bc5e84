#!/bin/sh
# Runs one libFuzzer target (make fuzz): build/fuzz/fuzz_NAME for SECONDS
# on a scratch copy of tests/fuzz/corpus/NAME, reading the regression
# inputs of tests/fuzz/regress/NAME as well, with the dictionary
# tests/fuzz/NAME.dict when there is one.  A crash, leak, timeout or
# out-of-memory input is written to build/fuzz/NAME-* and fails the run.
# Usage: tests/fuzz/run.sh NAME SECONDS
set -eu
name=$1
seconds=$2
bin=build/fuzz/fuzz_$name
corpus=build/fuzz/corpus-$name

# Inputs far larger than any seed only slow the search down.
case $name in
rotation) max_len=512 ;;
csv) max_len=16384 ;;
*) max_len=65536 ;;
esac

rm -rf "$corpus"
mkdir -p "$corpus"
cp tests/fuzz/corpus/"$name"/* "$corpus"/
set -- -max_total_time="$seconds" -max_len="$max_len" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix=build/fuzz/"$name"-
[ -f tests/fuzz/"$name".dict ] && set -- "$@" -dict=tests/fuzz/"$name".dict
set -- "$@" "$corpus"
[ -d tests/fuzz/regress/"$name" ] && set -- "$@" tests/fuzz/regress/"$name"
echo "== $bin $*"
exec "$bin" "$@"
