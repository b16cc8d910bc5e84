#!/bin/sh
# Concurrency: two iopsched at once on one database.  One proceeds; the
# other waits up to the busy timeout (5 s) and then exits 75 with one line
# naming the database; never a corrupt or mixed result.
#   - busy: an sqlite3 session holds the write lock (BEGIN IMMEDIATE);
#     solve and publish each wait about 5 s, exit 75 with the message and
#     change nothing; a solve whose lock is freed after 1.5 s goes on and
#     succeeds.  (The three run side by side, on three databases.)
#   - publish while another publish holds the publish lock: exit 75 at once.
#   - races: two solves at once (5 rounds), a solve and a publish at once
#     (5 rounds): exits are 0 or 75, integrity_check is ok, and what is
#     stored (runs, publish state, mbox, output files) is exactly what the
#     same commands one after the other store.  Three solves creating a
#     new database at once (60 rounds) all succeed.
# It works in a tmpfs when there is one (CRASH_TMPDIR, else /dev/shm).
# Usage: tests/crash/concurrency.sh path/to/iopsched
set -u
BIN=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
for tmp in "${CRASH_TMPDIR:-}" /dev/shm "${TMPDIR:-/tmp}"; do
	[ -n "$tmp" ] && [ -d "$tmp" ] && [ -w "$tmp" ] && break
done
WORK=$(mktemp -d "$tmp/iopsched-concurrency.XXXXXX")
trap 'rm -f "$WORK"/*.flag; wait; rm -rf "$WORK"' EXIT
pass=0
fail=0
began=$(date +%s)

ok() {
	pass=$((pass + 1))
	echo "ok: $1"
}

bad() {
	fail=$((fail + 1))
	echo "FAIL: $1"
}

# is NAME CONDITION...: a shell condition that must hold.
is() {
	name=$1
	shift
	if eval "$*" >/dev/null 2>&1; then
		ok "$name"
	else
		bad "$name (condition failed: $*)"
	fi
}

# hold DB NAME: an sqlite3 session takes DB's write lock (BEGIN IMMEDIATE)
# and keeps it until $WORK/NAME.flag is removed.  Returns once it holds it.
hold() {
	: >"$WORK/$2.flag"
	{
		echo "BEGIN IMMEDIATE;"
		echo ".shell touch '$WORK/$2.held'"
		while [ -e "$WORK/$2.flag" ]; do sleep 0.1; done
		echo "ROLLBACK;"
	} | sqlite3 "$1" &
	n=0
	while [ ! -e "$WORK/$2.held" ] && [ $n -lt 200 ]; do
		sleep 0.05
		n=$((n + 1))
	done
	[ -e "$WORK/$2.held" ] || bad "sqlite3 took the lock of $1"
}

# timed NAME CMD...: runs CMD; $WORK/NAME.rc gets its exit code,
# NAME.ms its milliseconds, NAME.err its stderr.
timed() {
	name=$1
	shift
	start=$(date +%s%N)
	"$@" >"$WORK/$name.out" 2>"$WORK/$name.err"
	echo $? >"$WORK/$name.rc"
	echo $((($(date +%s%N) - start) / 1000000)) >"$WORK/$name.ms"
}

rc() { cat "$WORK/$1.rc"; }
ms() { cat "$WORK/$1.ms"; }
integrity() { [ "$(sqlite3 "$1" 'PRAGMA integrity_check')" = ok ]; }
nruns() { sqlite3 "$1" 'SELECT count(*) FROM runs'; }

# What a solve stores, without the clock.
runs_fp() {
	sqlite3 "$1" "SELECT id, participants, placed, unplaced, groups_open,
	    makeups, bound FROM runs ORDER BY id;
	SELECT * FROM run_groups ORDER BY run, id;
	SELECT * FROM run_participants ORDER BY run, id;
	SELECT * FROM run_members ORDER BY run, grp, participant;
	SELECT * FROM run_sessions ORDER BY run, participant, start_utc, grp;
	SELECT * FROM participants ORDER BY id;" | md5sum
}

# What a publish stores, without the clock or random message ids.
pub_fp() {
	sqlite3 "$1" "SELECT token, uid, key, sequence, active, hash
	    FROM publish_events ORDER BY token, uid;
	SELECT token, uid, method, sequence, to_email, label, sent IS NULL
	    FROM publish_outbox ORDER BY seq;" | md5sum
}

# The mbox holds each message of the outbox once, in order, and no other.
mbox_matches() {
	[ "$(grep '^Message-ID: ' "$2" | sed 's/^Message-ID: <\(.*\)>$/\1/')" = \
	    "$(sqlite3 "$1" 'SELECT message_id FROM publish_outbox ORDER BY seq')" ]
}

dirsum() { (cd "$1" && ls -A | while read -r f; do md5sum "$f"; done); }

# Scenario B: the demo with a few participants changed, so a solve of it
# stores a different run and its publish sends invites and cancellations.
cp -r "$ROOT/fixtures/demo" "$WORK/a"
cp -r "$WORK/a" "$WORK/b"
python3 - "$WORK/b/scenario.json" <<'EOF'
import json, sys
with open(sys.argv[1]) as f:
    sc = json.load(f)
people = {p["id"]: p for p in sc["participants"]}
for pid in ("P01", "P02", "P03", "P13", "P21", "P22"):
    people[pid]["weeks"] = 8
people["P05"]["track"] = "dispatch"
with open(sys.argv[1], "w") as f:
    json.dump(sc, f, indent=1)
EOF
A=$WORK/a/scenario.json
B=$WORK/b/scenario.json

# base: the demo solved (run 1) and published.
mkdir "$WORK/base"
(cd "$WORK/base" && "$BIN" -q --db db solve "$A" --out out &&
    "$BIN" -q --db db publish --out feeds --mbox mbox) ||
    { bad "set up the base database"; exit 1; }

# state NAME: a fresh copy of base.
state() {
	rm -rf "${WORK:?}/$1"
	cp -r "$WORK/base" "$WORK/$1"
}

# Sequential references: one solve of B; two; one, then a publish.
state ref1
(cd "$WORK/ref1" && "$BIN" -q --db db solve "$B" --out out)
state ref2
(cd "$WORK/ref2" && "$BIN" -q --db db solve "$B" --out out &&
    "$BIN" -q --db db solve "$B" --out out)
state refp
(cd "$WORK/refp" && "$BIN" -q --db db solve "$B" &&
    "$BIN" -q --db db publish --out feeds --mbox mbox)

echo "== busy: a held write lock (solve and publish wait 5 s; a third goes on)"
state busy1
state busy2
state busy3
(cd "$WORK/busy2" && "$BIN" -q --db db solve "$B")
before1=$(runs_fp "$WORK/busy1/db")$(dirsum "$WORK/busy1/out")
before2=$(pub_fp "$WORK/busy2/db")$(dirsum "$WORK/busy2/feeds")$(md5sum <"$WORK/busy2/mbox")
hold "$WORK/busy1/db" busy1
hold "$WORK/busy2/db" busy2
hold "$WORK/busy3/db" busy3
(cd "$WORK/busy1" && timed solve-busy "$BIN" --db "$WORK/busy1/db" solve "$B" --out out) &
j1=$!
(cd "$WORK/busy2" && timed publish-busy "$BIN" --db "$WORK/busy2/db" publish --out feeds --mbox mbox) &
j2=$!
(cd "$WORK/busy3" && timed solve-wait "$BIN" --db "$WORK/busy3/db" solve "$B" --out out) &
j3=$!
sleep 1.5
rm -f "$WORK/busy3.flag"
wait $j1 $j2 $j3
rm -f "$WORK/busy1.flag" "$WORK/busy2.flag"
wait
msg="iopsched: $WORK/busy1/db: database is busy (another iopsched holds it); try again"
is "solve on a held database exits 75 (got $(rc solve-busy))" '[ "$(rc solve-busy)" -eq 75 ]'
is "solve waited for the busy timeout ($(ms solve-busy) ms)" '[ "$(ms solve-busy)" -ge 4500 ] && [ "$(ms solve-busy)" -lt 20000 ]'
is "solve says so in one line naming the database" '[ "$(cat "$WORK/solve-busy.err")" = "$msg" ]'
is "the busy solve changed nothing" '[ "$(runs_fp "$WORK/busy1/db")$(dirsum "$WORK/busy1/out")" = "$before1" ] && integrity "$WORK/busy1/db"'
msg="iopsched: $WORK/busy2/db: database is busy (another iopsched holds it); try again"
is "publish on a held database exits 75 (got $(rc publish-busy))" '[ "$(rc publish-busy)" -eq 75 ]'
is "publish waited for the busy timeout ($(ms publish-busy) ms)" '[ "$(ms publish-busy)" -ge 4500 ] && [ "$(ms publish-busy)" -lt 20000 ]'
is "publish says so in one line naming the database" '[ "$(cat "$WORK/publish-busy.err")" = "$msg" ]'
is "the busy publish changed nothing (state, feeds, mbox)" '[ "$(pub_fp "$WORK/busy2/db")$(dirsum "$WORK/busy2/feeds")$(md5sum <"$WORK/busy2/mbox")" = "$before2" ] && integrity "$WORK/busy2/db"'
is "a solve whose lock is freed after 1.5 s waits and succeeds ($(ms solve-wait) ms, exit $(rc solve-wait))" '[ "$(rc solve-wait)" -eq 0 ] && [ "$(ms solve-wait)" -ge 1400 ] && [ "$(runs_fp "$WORK/busy3/db")" = "$(runs_fp "$WORK/ref1/db")" ]'

echo "== publish while another publish runs"
if command -v flock >/dev/null 2>&1; then
	state pp
	: >"$WORK/pp.flag"
	flock "$WORK/pp/db" sh -c "touch '$WORK/pp.held'; while [ -e '$WORK/pp.flag' ]; do sleep 0.1; done" &
	n=0
	while [ ! -e "$WORK/pp.held" ] && [ $n -lt 200 ]; do sleep 0.05; n=$((n + 1)); done
	(cd "$WORK/pp" && timed publish-lock "$BIN" --db "$WORK/pp/db" publish --out feeds --mbox mbox)
	rm -f "$WORK/pp.flag"
	wait
	is "exits 75 at once ($(ms publish-lock) ms)" '[ "$(rc publish-lock)" -eq 75 ] && [ "$(ms publish-lock)" -lt 3000 ]'
	is "says so in one line naming the database" '[ "$(cat "$WORK/publish-lock.err")" = "iopsched: $WORK/pp/db: another publish is running; try again" ]'
else
	echo "skipped: flock(1) not installed"
fi

echo "== race: two solves at once (5 rounds)"
round=1
while [ $round -le 5 ]; do
	state race
	(cd "$WORK/race" && timed s1 "$BIN" --db db solve "$B" --out out) &
	j1=$!
	(cd "$WORK/race" && timed s2 "$BIN" --db db solve "$B" --out out) &
	j2=$!
	wait $j1 $j2
	codes="$(rc s1) $(rc s2)"
	case $codes in
	"0 0") ref=ref2 ;;
	"0 75" | "75 0") ref=ref1 ;;
	*) ref= ;;
	esac
	tag="round $round (exits $codes)"
	if [ -z "$ref" ]; then
		bad "$tag: exits must be 0 or 75, one 0: $(cat "$WORK/s1.err" "$WORK/s2.err")"
	elif ! integrity "$WORK/race/db"; then
		bad "$tag: integrity_check"
	elif [ "$(runs_fp "$WORK/race/db")" != "$(runs_fp "$WORK/$ref/db")" ]; then
		bad "$tag: stored runs differ from the same solves one after the other"
	else
		files=ok
		for f in schedule.json schedule.csv; do
			cmp -s "$WORK/race/out/$f" "$WORK/ref1/out/$f" ||
			    cmp -s "$WORK/race/out/$f" "$WORK/ref2/out/$f" || files=bad
		done
		[ "$(ls -A "$WORK/race/out" | tr '\n' ' ')" = "schedule.csv schedule.json " ] || files=bad
		[ $files = ok ] && ok "$tag: runs and files as one after the other" ||
		    bad "$tag: output folder: $(ls -A "$WORK/race/out" | tr '\n' ' ')"
	fi
	round=$((round + 1))
done

echo "== race: a solve and a publish at once (5 rounds)"
round=1
while [ $round -le 5 ]; do
	state race
	(cd "$WORK/race" && timed s1 "$BIN" --db db solve "$B") &
	j1=$!
	(cd "$WORK/race" && timed p1 "$BIN" --db db publish --out feeds --mbox mbox) &
	j2=$!
	wait $j1 $j2
	codes="$(rc s1) $(rc p1)"
	tag="round $round (exits $codes)"
	case $codes in
	"0 0" | "0 75" | "75 0")
		# Finish what was refused, then publish what is left.
		(cd "$WORK/race" && { [ "$(rc s1)" -eq 0 ] || "$BIN" -q --db db solve "$B"; } &&
		    "$BIN" -q --db db publish --out feeds --mbox mbox) >"$WORK/next.err" 2>&1
		if [ $? -ne 0 ]; then
			bad "$tag: the next solve or publish failed: $(cat "$WORK/next.err")"
		elif ! integrity "$WORK/race/db"; then
			bad "$tag: integrity_check"
		elif [ "$(runs_fp "$WORK/race/db")" != "$(runs_fp "$WORK/refp/db")" ] ||
		    [ "$(pub_fp "$WORK/race/db")" != "$(pub_fp "$WORK/refp/db")" ]; then
			bad "$tag: stored runs or publish state differ from solve, then publish"
		elif ! mbox_matches "$WORK/race/db" "$WORK/race/mbox"; then
			bad "$tag: the mbox does not hold each invite once"
		elif [ "$(ls -A "$WORK/race/feeds")" != "$(ls -A "$WORK/refp/feeds")" ]; then
			bad "$tag: the feeds folder differs"
		else
			ok "$tag: as solve, then publish"
		fi
		;;
	*) bad "$tag: exits must be 0 or 75: $(cat "$WORK/s1.err" "$WORK/p1.err")" ;;
	esac
	round=$((round + 1))
done

echo "== race: three solves creating a new database at once (60 rounds)"
# A small scenario, read in a few milliseconds, so that the three meet
# while the schema is being created.
SMALL=$ROOT/tests/cli/data/ok/scenario.json
round=1
good=0
while [ $round -le 60 ]; do
	rm -f "$WORK"/new.db*
	for n in n1 n2 n3; do
		{ "$BIN" --db "$WORK/new.db" solve "$SMALL" >/dev/null \
		    2>"$WORK/$n.err"; echo $? >"$WORK/$n.rc"; } &
	done
	wait
	if [ "$(rc n1) $(rc n2) $(rc n3)" != "0 0 0" ]; then
		bad "round $round: exits $(rc n1) $(rc n2) $(rc n3): $(cat "$WORK"/n?.err | tr '\n' ' ')"
	elif ! integrity "$WORK/new.db" ||
	    [ "$(sqlite3 "$WORK/new.db" 'PRAGMA journal_mode')" != wal ] ||
	    [ "$(nruns "$WORK/new.db")" -ne 3 ]; then
		bad "round $round: integrity, WAL mode or not three runs"
	else
		good=$((good + 1))
	fi
	round=$((round + 1))
done
is "60 rounds: all three succeed, three runs in a sound new database ($good good)" '[ $good -eq 60 ]'

echo "concurrency: $pass passed, $fail failed, $(($(date +%s) - began)) s"
[ "$fail" -eq 0 ]
