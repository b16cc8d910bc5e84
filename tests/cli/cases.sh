# Command-line cases, sourced by tests/cli/run.sh.  $DATA is tests/cli/data,
# $ROOT the source tree, $WORK a scratch folder (the cwd of each command).
# t NAME EXIT STDERR-SUBSTRING ARG...

OK=$DATA/ok/scenario.json
BAD=$DATA/bad

# --- help, version, usage (64) -------------------------------------------
t "--help lists the commands" 0 "" --help
check "--help names every command" 'for c in demo solve schedule explain runs diff publish shifts calendar rotation report; do grep -q "^  $c " out || exit 1; done'
t "--version" 0 "" --version
check "--version prints the version" 'grep -q "^iopsched [0-9]" out'
for c in demo solve schedule explain runs diff publish shifts calendar rotation report; do
	t "$c --help" 0 "" $c --help
	check "$c --help shows a usage line" "grep -q 'Usage: iopsched $c' out"
done
t "no command is a usage error" 64 "a command is required"
t "unknown command" 64 "unknown command 'frobnicate'" frobnicate
t "unknown global option" 64 "unrecognized option" --frob runs
t "unknown command option" 64 "unrecognized option" solve --frob
t "bad --format" 64 "--format: 'xml'" schedule --format xml
t "bad --run" 64 "--run: 'x'" schedule --run x
t "bad --time-limit" 64 "--time-limit: '-3'" solve --time-limit -3 "$OK"
t "solve takes one scenario" 64 "too many arguments" solve a.json b.json
t "calendar needs expand" 64 "only subcommand is 'expand'" calendar list x.ics --from 2026-12-07 --to 2026-12-14
t "calendar expand needs a window" 64 "needs --from and --to" calendar expand x.ics
t "calendar expand bad date" 64 "YYYY-MM-DD" calendar expand "$DATA/ok/cal/p2.ics" --from 2026-13-01 --to 2026-12-14
t "calendar expand bad zone" 64 "unknown time zone 'Nowhere/City'" calendar expand "$DATA/ok/cal/p2.ics" --from 2026-12-07 --to 2026-12-14 --tz Nowhere/City

# --- reading commands on a missing database (66, nothing created) --------
t "schedule without a database" 66 "nodb.db" --db nodb.db schedule
check "schedule did not create the database" '[ ! -e nodb.db ]'
t "runs without a database" 66 "nodb.db" runs --db nodb.db
check "runs did not create the database" '[ ! -e nodb.db ]'
t "publish --list without a database" 66 "nodb.db" --db nodb.db publish --list
check "publish --list did not create the database" '[ ! -e nodb.db ]'
t "solve without scenario or database" 65 "no scenario stored yet" --db nodb.db solve
check "solve did not create the database" '[ ! -e nodb.db ]'

# --- a good solve, then the reading commands ------------------------------
t "solve a scenario" 0 "" --db s.db solve "$OK" --out outdir
check "solve prints a summary" 'grep -q "^run 1: placed 2 of 3" out'
check "schedule.json written 0600" '[ "$(stat -c %a outdir/schedule.json)" = 600 ]'
check "schedule.csv written 0600" '[ "$(stat -c %a outdir/schedule.csv)" = 600 ]'
check "schedule.csv has the header and CRLF" 'python3 -c "import sys; b=open(\"outdir/schedule.csv\",\"rb\").read(); sys.exit(0 if b.startswith(b\"participant,group,start,end,makeup\\r\\n\") and b.count(b\"\\n\")==b.count(b\"\\r\\n\") else 1)"'
check "no temporary files left in the output folder" '[ "$(ls -A outdir | wc -l)" -eq 2 ]'
t "schedule json" 0 "" --db s.db schedule --format json
check "schedule json equals schedule.json" 'cmp out outdir/schedule.json'
check "schedule json is valid JSON with the summary" 'python3 -c "import json,sys; d=json.load(open(\"out\")); s=d[\"summary\"]; sys.exit(0 if (d[\"run\"],s[\"participants\"],s[\"placed\"],s[\"unplaced\"],s[\"groups_open\"]) == (1,3,2,1,1) else 1)"'
check "P3 is unplaced for licensure" 'python3 -c "import json,sys; d=json.load(open(\"out\")); p=[x for x in d[\"participants\"] if x[\"id\"]==\"P3\"][0]; sys.exit(0 if p[\"status\"]==\"unplaced\" and p[\"group\"] is None and \"OK\" in p[\"reason\"] else 1)"'
check "P2 loses the Tuesday-evening-free weeks nothing: 12 h a week" 'python3 -c "import json,sys; d=json.load(open(\"out\")); p=[x for x in d[\"participants\"] if x[\"id\"]==\"P2\"][0]; sys.exit(0 if [w[\"hours\"] for w in p[\"weeks\"]]==[6.0,6.0] else 1)"'
check "times are local RFC 3339" 'grep -q "\"start\":	\"2026-12-07T18:00:00-06:00\"" out || grep -q "2026-12-07T18:00:00-06:00" out'
t "schedule csv" 0 "" --db s.db schedule --format csv
check "schedule csv equals schedule.csv" 'cmp out outdir/schedule.csv'
t "schedule table" 0 "" --db s.db schedule
check "table names the group and the unplaced" 'grep -q "^G1 " out && grep -q "Unplaced" out && grep -q "P3" out'
t "schedule --json means json" 0 "" --db s.db schedule --json
check "--json output is JSON" 'python3 -c "import json; json.load(open(\"out\"))"'
t "schedule one participant" 0 "" --db s.db schedule --participant P1 --format json
check "only P1 is listed" 'python3 -c "import json,sys; d=json.load(open(\"out\")); sys.exit(0 if [p[\"id\"] for p in d[\"participants\"]]==[\"P1\"] else 1)"'
t "schedule unknown participant" 65 "unknown participant 'P99'" --db s.db schedule --participant P99
t "schedule unknown clinician" 65 "no group of clinician 'C9'" --db s.db schedule --clinician C9
t "schedule unknown run" 65 "no run 7" --db s.db schedule --run 7
t "runs" 0 "" --db s.db runs
check "runs lists run 1" 'grep -qE "^ +1 " out'
t "runs --json" 0 "" --db s.db runs --json
check "runs --json is an array of one" 'python3 -c "import json,sys; sys.exit(0 if len(json.load(open(\"out\")))==1 else 1)"'
t "solve again from the database" 0 "" --db s.db solve --quiet
check "--quiet prints nothing" '[ ! -s out ]'
t "IOPSCHED_DB is the default database" 0 "" solve "$OK" --quiet
check "IOPSCHED_DB file exists" '[ -s "$IOPSCHED_DB" ]'
t "fail-on-unplaced exits 1" 1 "" --db s.db solve --fail-on-unplaced --quiet
t "solve --json prints the document" 0 "" --db s.db solve --json
check "solve --json is run 4" 'python3 -c "import json,sys; sys.exit(0 if json.load(open(\"out\"))[\"run\"]==4 else 1)"'

# --- invalid scenarios: 65, nothing stored --------------------------------
t "JSON syntax error names the line" 65 "syntax.json" --db s.db solve "$BAD/syntax.json"
t "empty scenario file" 65 "empty.json" --db s.db solve "$BAD/empty.json"
t "unknown key" 65 "program.colour" --db s.db solve "$BAD/unknown_key.json"
t "start not a Monday" 65 "program.start" --db s.db solve "$BAD/not_monday.json"
t "unknown zone" 65 "program.timezone" --db s.db solve "$BAD/bad_zone.json"
t "bad state code" 65 "participants[0].state" --db s.db solve "$BAD/bad_state.json"
t "duplicate id" 65 "P1" --db s.db solve "$BAD/dup_id.json"
t "unknown clinician" 65 "groups[0].clinician" --db s.db solve "$BAD/unknown_clinician.json"
t "unknown day code" 65 "groups[0].sessions[0].day" --db s.db solve "$BAD/bad_day.json"
t "session outside every window" 65 "groups[0].sessions[0]" --db s.db solve "$BAD/outside_window.json"
t "group over the weekly maximum" 65 "groups[0]" --db s.db solve "$BAD/over_max.json"
t "missing required key" 65 "participants[0]: missing required key 'track'" --db s.db solve "$BAD/missing_required.json"
t "negative number" 65 "program.min_hours_per_week" --db s.db solve "$BAD/negative.json"
t "group_size min above max" 65 "program.group_size" --db s.db solve "$BAD/size_order.json"
t "impossible date" 65 "participants[0].start" --db s.db solve "$BAD/bad_date.json"
t "participant with no week in the program" 65 "participants[0]" --db s.db solve "$BAD/no_week.json"
t "unknown prefer" 65 "participants[0].prefer" --db s.db solve "$BAD/bad_prefer.json"
t "wrong type" 65 "program.weeks" --db s.db solve "$BAD/wrong_type.json"
t "key given twice" 65 "weeks" --db s.db solve "$BAD/dup_key.json"
t "bad time of day" 65 "groups[0].sessions[0].start" --db s.db solve "$BAD/bad_time.json"
t "garbage shift calendar" 65 "garbage.ics" --db s.db solve "$BAD/bad_ics.json"
t "RRULE without FREQ" 65 "norule.ics" --db s.db solve "$BAD/bad_rrule.json"
t "missing scenario file" 66 "nope.json" --db s.db solve nope.json
t "scenario is a directory" 66 "$BAD" --db s.db solve "$BAD"
t "missing shift calendar" 66 "nope.ics" --db s.db solve "$BAD/missing_ics.json"
t "runs after the bad inputs" 0 "" --db s.db runs --json
check "no bad input stored a run" 'python3 -c "import json,sys; sys.exit(0 if len(json.load(open(\"out\")))==4 else 1)"'

# --- output and database errors ---------------------------------------------
mkdir -p "$WORK/ro" && touch "$WORK/ro/file"
t "--out is a file" 73 "ro/file" --db s.db solve --out ro/file
t "database is a directory" 66 "ro" --db ro runs
printf 'not a database, just text that is long enough to be a header...' > "$WORK/junk.db"
t "database file that is not SQLite" 65 "junk.db" --db junk.db runs

# --- calendar expand ---------------------------------------------------------
t "calendar expand" 0 "" calendar expand "$DATA/ok/cal/p2.ics" --from 2026-12-07 --to 2026-12-14 --tz America/Chicago
check "expand prints two shifts as JSON lines" '[ "$(wc -l < out)" -eq 2 ] && head -1 out | grep -q "^{\"start\":\"2026-12-08T13:00:00Z\",\"end\":\"2026-12-09T01:00:00Z\",\"uid\":\"p2-day-shift\",\"summary\":\"Day shift\"}$"'
STDIN=$DATA/ok/cal/p2.ics
t "calendar expand from stdin" 0 "" calendar expand - --from 2026-12-07 --to 2026-12-14
check "stdin gives the same two shifts" '[ "$(wc -l < out)" -eq 2 ]'
t "calendar expand table" 0 "" calendar expand "$DATA/ok/cal/p2.ics" --from 2026-12-07 --to 2026-12-14 --tz America/Chicago --format table
check "table shows local times" 'grep -q "2026-12-08 07:00  2026-12-08 19:00" out'
t "calendar expand missing file" 66 "nope.ics" calendar expand nope.ics --from 2026-12-07 --to 2026-12-14
t "calendar expand garbage" 65 "garbage.ics" calendar expand "$BAD/cal/garbage.ics" --from 2026-12-07 --to 2026-12-14
t "calendar expand truncated" 65 "truncated.ics" calendar expand "$BAD/cal/truncated.ics" --from 2026-12-07 --to 2026-12-14
t "calendar expand SECONDLY" 65 "SECONDLY" calendar expand "$BAD/cal/secondly.ics" --from 2026-12-07 --to 2026-12-14

# --- demo and not-yet-implemented commands -----------------------------------
t "demo" 0 "" demo
check "demo prints a table with groups" 'grep -q "^GROUP" out && grep -q "placed" out'
check "demo leaves no temporary folder" '! ls /tmp | grep -q "^iopsched-demo\." || [ "$(ls -d /tmp/iopsched-demo.* 2>/dev/null | wc -l)" -eq 0 ]'
t "demo --json" 0 "" demo --json
check "demo --json validates" 'python3 -c "import json; json.load(open(\"out\"))"'

# --- re-import notices a changed shift calendar ------------------------------
cp -r "$DATA/ok" "$WORK/copy"
t "first load of a copy" 0 "" --db re.db solve copy/scenario.json
check "first load reports no change" '! grep -q "changed since" out'
sed 's/BYDAY=TU,TH/BYDAY=MO,TH/' "$DATA/ok/cal/p2.ics" > "$WORK/copy/cal/p2.ics"
t "second load after a swap" 0 "" --db re.db solve copy/scenario.json
check "second load reports one changed calendar" 'grep -q "^1 shift calendar changed since the last load" out'
check "the Monday shift now keeps P2 out of Monday sessions" '"$BIN" --db re.db schedule --participant P2 --format csv | grep -q "2026-12-07T18" && exit 1 || exit 0'
t "third load, nothing changed" 0 "" --db re.db solve copy/scenario.json
check "third load reports no change" '! grep -q "changed since" out'

# --- shifts: replace one participant's calendar -------------------------------
SH=$DATA/shifts
t "shifts needs ID and FILE" 64 "needs a participant ID" shifts P1
t "shifts takes two arguments" 64 "too many arguments" shifts P1 a.ics b.ics
t "shifts without a database" 66 "nodb.db: no such database" --db nodb.db shifts P1 "$SH/p1_new.ics"
check "shifts did not create the database" '[ ! -e nodb.db ]'
t "load the shifts scenario" 0 "" --db sh.db solve "$SH/scenario.json" --quiet
t "shifts missing file" 66 "nope.ics" --db sh.db shifts P1 nope.ics
t "shifts unknown participant" 65 "unknown participant 'P9'" --db sh.db shifts P9 "$SH/p1_new.ics"
t "shifts replaces a calendar" 0 "" --db sh.db shifts P1 "$SH/p1_new.ics"
check "shifts counts hours added and removed, clipped to the program, with buffers" 'grep -qx "P1: 85.0 busy hours changed inside the program (54.0 added, 31.0 removed)" out'
(cd "$WORK" && cksum sh.db > sh.sum)
t "shifts invalid calendar" 65 "garbage.ics" --db sh.db shifts P1 "$BAD/cal/garbage.ics"
t "shifts SECONDLY calendar" 65 "SECONDLY" --db sh.db shifts P1 "$BAD/cal/secondly.ics"
check "invalid calendars left the database file unchanged" 'cksum sh.db | cmp -s - sh.sum'
t "shifts same calendar again" 0 "" --db sh.db shifts P1 "$SH/p1_new.ics" --json
check "the stored calendar is still the last valid one: nothing changed" 'grep -qx "{\"participant\":\"P1\",\"changed_hours\":0.0,\"added_hours\":0.0,\"removed_hours\":0.0}" out'
STDIN=$SH/cal/p1.ics
t "shifts reads stdin" 0 "" --db sh.db shifts P2 - --json
check "stdin calendar adds 31 hours to P2" 'python3 -c "import json,sys; d=json.load(open(\"out\")); sys.exit(0 if (d[\"participant\"],d[\"changed_hours\"],d[\"added_hours\"],d[\"removed_hours\"])==(\"P2\",31.0,31.0,0.0) else 1)"'
t "shifts --quiet" 0 "" --db sh.db shifts P2 "$SH/cal/p1.ics" --quiet
check "shifts --quiet prints nothing" '[ ! -s out ]'
t "re-solve after shifts" 0 "" --db s.db solve "$OK" --quiet
sed 's/BYDAY=TU,TH/BYDAY=MO,TH/' "$DATA/ok/cal/p2.ics" > "$WORK/p2_monday.ics"
t "shifts swaps P2 onto Mondays" 0 "" --db s.db shifts P2 p2_monday.ics
check "one Monday added, one Tuesday removed" 'grep -qx "P2: 24.0 busy hours changed inside the program (12.0 added, 12.0 removed)" out'
t "solve from the database after shifts" 0 "" --db s.db solve --quiet
check "the new Monday shift keeps P2 out of the Monday 14 December session" '"$BIN" --db s.db schedule --participant P2 --format csv | grep -q "2026-12-14T18" && exit 1 || exit 0'

# --- rotation -------------------------------------------------------------------
t "rotation dupont" 0 "" rotation dupont --start 2026-10-29T19:00 --tz America/Chicago --weeks 8
check "rotation writes CRLF iCalendar with a VTIMEZONE and RRULEs" 'head -1 out | grep -q "^BEGIN:VCALENDAR.$" && [ "$(grep -c "$(printf "\r")$" out)" -eq "$(wc -l < out)" ] && grep -q "^TZID:America/Chicago.$" out && grep -q "^RRULE:FREQ=DAILY;COUNT=2;INTERVAL=28.$" out'
cp "$WORK/out" "$WORK/dupont.ics"
t "rotation again" 0 "" rotation dupont --start 2026-10-29T19:00 --tz America/Chicago --weeks 8
check "the same arguments give the same bytes" 'cmp out dupont.ics'
STDIN=$WORK/dupont.ics
t "rotation read back through calendar expand" 0 "" calendar expand - --from 2026-10-29 --to 2026-12-27 --tz America/Chicago --format table
check "dupont read back: 28 shifts, the night over the DST change 19:00-07:00" '[ "$(grep -c "DuPont" out)" -eq 28 ] && grep -q "^2026-10-31 19:00  2026-11-01 07:00   13.00 h  DuPont night shift$" out && grep -q "^2026-11-05 07:00  2026-11-05 19:00   12.00 h  DuPont day shift$" out'
t "rotation 24/48 from a date, pattern's own start" 0 "" rotation 24/48 --start 2026-10-31 --tz America/Chicago --weeks 1
check "24/48 is a nominal day from 07:00" 'grep -q "^DTSTART;TZID=America/Chicago:20261031T070000.$" out && grep -q "^DURATION:P1D.$" out && grep -q "^RRULE:FREQ=DAILY;COUNT=3;INTERVAL=3.$" out'
cp "$WORK/out" "$WORK/2448.ics"
STDIN=$WORK/2448.ics
t "24/48 read back" 0 "" calendar expand - --from 2026-10-31 --to 2026-11-08 --tz America/Chicago --format table
check "the 24/48 shift over the DST change ends at 07:00 after 25 h" '[ "$(grep -c "24/48 shift" out)" -eq 3 ] && grep -q "^2026-10-31 07:00  2026-11-01 07:00   25.00 h" out && grep -q "^2026-11-03 07:00  2026-11-04 07:00   24.00 h" out'
t "rotation 4x10 with overrides" 0 "" rotation 4x10 --start 2026-12-02T06:00 --shift-start 05:30 --hours 10.5 --tz UTC --weeks 2
check "4x10 is weekly from the first Monday-Thursday day" 'grep -q "^DTSTART:20261202T053000Z.$" out && grep -q "^DURATION:PT10H30M.$" out && grep -q "^RRULE:FREQ=WEEKLY;COUNT=8;BYDAY=MO,TU,WE,TH.$" out && ! grep -q VTIMEZONE out'
t "rotation unknown pattern" 64 "unknown rotation pattern '2-2-3'" rotation 2-2-3 --start 2026-10-29T07:00 --tz America/Chicago --weeks 8
check "a failed rotation writes nothing" '[ ! -s out ]'
t "rotation bad datetime" 64 "--start: '2026-10-29 07:00'" rotation kelly --start "2026-10-29 07:00" --tz America/Chicago --weeks 8
t "rotation impossible date" 64 "--start: '2026-02-30T07:00'" rotation kelly --start 2026-02-30T07:00 --tz America/Chicago --weeks 8
t "rotation unknown zone" 64 "--tz: unknown time zone 'Nowhere/City'" rotation kelly --start 2026-10-29T07:00 --tz Nowhere/City --weeks 8
t "rotation zero weeks" 64 "--weeks: '0'" rotation kelly --start 2026-10-29T07:00 --tz America/Chicago --weeks 0
t "rotation too many weeks" 64 "--weeks: '521'" rotation kelly --start 2026-10-29T07:00 --tz America/Chicago --weeks 521
t "rotation bad hours" 64 "--hours: '25'" rotation pitman --start 2026-10-29T07:00 --tz America/Chicago --weeks 8 --hours 25
t "rotation hours on a fixed pattern" 64 "pattern 'kelly' has fixed shift lengths" rotation kelly --start 2026-10-29T07:00 --tz America/Chicago --weeks 8 --hours 12
t "rotation bad shift start" 64 "--shift-start: '24:00'" rotation pitman --start 2026-10-29 --tz America/Chicago --weeks 8 --shift-start 24:00
t "rotation needs its options" 64 "needs --start, --tz and --weeks" rotation kelly --start 2026-10-29T07:00
t "rotation needs a pattern" 64 "needs a PATTERN" rotation --start 2026-10-29T07:00 --tz America/Chicago --weeks 8

# --- calendar regressions found by make fuzz (tests/data/ics/regress) --------
REG=$ROOT/tests/data/ics/regress
t "a calendar whose every instance is free" 0 "" calendar expand "$REG/all_transparent.ics" --from 2026-11-30 --to 2027-02-22 --tz America/Chicago --honor-transp
check "a calendar whose every instance is free prints nothing" '[ ! -s out ]'
check "far-future dates expand in well under 10 s" 'timeout $((10 * SLOW)) "$BIN" calendar expand "$REG/far_future_many.ics" --from 2026-11-30 --to 2027-02-22 >/dev/null'
check "a THISANDFUTURE override 5000 years away expands quickly" 'timeout $((10 * SLOW)) "$BIN" calendar expand "$REG/far_future_thisandfuture.ics" --from 2026-11-30 --to 2027-02-22 --tz America/Chicago >/dev/null'
# Found by clang-tidy (make lint): minutes times 60 wrapped in unsigned int.
t "a DURATION in minutes past 32 bits" 0 "" calendar expand "$REG/duration_minutes_overflow.ics" --from 2026-12-07 --to 2026-12-14
check "100,000,000 minutes end 190 years on, not wrapped at 2^32 seconds" 'grep -q "\"end\":\"2217-01-18T10:40:00Z\"" out'

# --- explain, diff and solve --pin ----------------------------------------------
EX=$DATA/explain
t "explain needs an ID" 64 "needs a participant ID" explain
t "explain takes one ID" 64 "too many arguments" explain P1 P2
t "explain without a database" 66 "nodb.db" --db nodb.db explain P1
check "explain did not create the database" '[ ! -e nodb.db ]'
t "load the explain scenario" 0 "" --db ex.db solve "$EX/a.json" --quiet
t "explain a placed participant" 0 "" --db ex.db explain P1
check "explain names the group and the hours of each week" 'grep -qx "P1 in run 1: placed in G1" out && grep -q "^2026-12-07  6.0$" out && grep -q "^2026-12-14  6.0$" out && grep -q "^G1 .* home group$" out'
t "explain an unplaced participant: licensure" 0 "" --db ex.db explain P3
check "the licensure reason names the state" 'grep -q "clinician C1 is not licensed in OK" out && grep -q "^would place them: a fr group with a clinician licensed in OK$" out'
t "explain an unplaced participant: capacity" 0 "" --db ex.db explain P4
check "the group is full and a seat would place them" 'grep -q "full: 2 of 2 seats taken" out && grep -q "^would place them: a free seat in G1$" out'
t "explain --json" 0 "" --db ex.db explain P4 --json
check "explain --json gives per-week hours, the rule and the fix" 'python3 -c "import json,sys; d=json.load(open(\"out\")); g=d[\"groups\"][0]; sys.exit(0 if (d[\"status\"],g[\"id\"],g[\"rule\"],[w[\"home_hours\"] for w in g[\"weeks\"]],d[\"would_place\"][\"group\"])==(\"unplaced\",\"G1\",\"full\",[6.0,6.0],\"G1\") else 1)"'
t "explain unknown participant" 65 "unknown participant 'P9'" --db ex.db explain P9
t "explain unknown run" 65 "no run 7" --db ex.db explain P1 --run 7
(cd "$WORK" && cksum ex.db > ex.sum)
t "pin to an unknown group" 65 "unknown group 'G9'" --db ex.db solve --pin P1=G9
t "pin an unknown participant" 65 "unknown participant 'P9'" --db ex.db solve --pin P9
t "bare pin without a previous home" 65 "'P4' has no home group in the previous run" --db ex.db solve --pin P4
t "malformed pin" 64 "--pin: 'P1='" --db ex.db solve --pin P1=
check "failed pins stored nothing" 'cksum ex.db | cmp -s - ex.sum'
t "second scenario, P1 pinned to the new group" 0 "" --db ex.db solve "$EX/b.json" --pin P1=G2 --quiet
t "schedule after the pin" 0 "" --db ex.db schedule --participant P1 --format json
check "the pin keeps P1 in G2" 'python3 -c "import json,sys; sys.exit(0 if json.load(open(\"out\"))[\"participants\"][0][\"group\"]==\"G2\" else 1)"'
t "bare pin keeps the previous home" 0 "" --db ex.db solve --pin P1 --pin P4 --quiet
t "schedule after the bare pin" 0 "" --db ex.db schedule --participant P1 --format json
check "the bare pin keeps P1 in G2" 'python3 -c "import json,sys; sys.exit(0 if json.load(open(\"out\"))[\"participants\"][0][\"group\"]==\"G2\" else 1)"'
t "an infeasible pin" 0 "" --db ex.db solve --pin P3=G1 --quiet
t "schedule after the infeasible pin" 0 "" --db ex.db schedule --participant P3 --format json
check "the reason says the pin is why" 'python3 -c "import json,sys; p=json.load(open(\"out\"))[\"participants\"][0]; sys.exit(0 if p[\"status\"]==\"unplaced\" and p[\"reason\"].startswith(\"pinned to G1\") else 1)"'
t "diff 1 2" 0 "" --db ex.db diff 1 2
check "diff: P1 moved, P2 left, P5 joined, G2 opened" 'grep -q "^moved    P1  *G1  *G2$" out && grep -q "^left     P2  *G1  *-  *no longer in the scenario$" out && grep -q "^joined   P5  *-  *G[12]  *new in the scenario$" out && grep -q "^opened   G2 " out && grep -q "^run 1 -> run 2: 1 moved, 2 joined, 1 left, 1 unchanged; 1 group opened, 0 closed$" out'
t "diff --json" 0 "" --db ex.db diff 1 2 --json
check "diff --json counts the changes" 'python3 -c "import json,sys; d=json.load(open(\"out\")); s=d[\"summary\"]; sys.exit(0 if (d[\"from\"],d[\"to\"],s[\"moved\"],s[\"joined\"],s[\"left\"],s[\"opened\"]) == (1,2,1,2,1,1) and [p[\"id\"] for p in d[\"participants\"]]==[\"P1\",\"P2\",\"P4\",\"P5\"] else 1)"'
t "diff of a run with itself" 0 "" --db ex.db diff 2 2
check "nothing changed" 'grep -q "0 moved, 0 joined, 0 left, 4 unchanged" out'
t "diff unknown run" 65 "no run 9" --db ex.db diff 1 9
t "diff needs two runs" 64 "needs two run numbers" --db ex.db diff 1
t "diff bad run number" 64 "'x' is not a run number" --db ex.db diff 1 x
t "diff takes two runs" 64 "too many arguments" --db ex.db diff 1 2 3
t "explain a participant no longer in the scenario" 0 "" --db ex.db explain P2 --run 1
check "explain says P2 is gone rather than failing" 'grep -qx "P2 in run 1: placed in G1" out && grep -q "P2 is no longer in the scenario" out'
t "explain a participant added since the run" 0 "" --db ex.db explain P5 --run 1
check "explain says P5 is not in run 1" 'grep -q "^P5 is not in run 1" out && grep -q "^note: 1 participant of run 1 is no longer in the scenario$" out'

# --- report: the coordinators' HTML page --------------------------------------
t "report needs --out" 64 "needs --out FILE.html" report
t "report bad --run" 64 "--run: 'x'" report --out r.html --run x
t "report takes no argument" 64 "unexpected argument 'extra'" report --out r.html extra
t "report on a missing database" 66 "missing.db" --db missing.db report --out r.html
check "report creates neither database nor file" '[ ! -e missing.db ] && [ ! -e r.html ]'
t "solve for the report" 0 "" --db rep.db --quiet solve "$OK"
t "report of the latest run" 0 "" --db rep.db report --out rep.html
check "report says what it wrote" 'grep -q "^wrote rep.html: run 1, " out'
check "report is mode 0600" '[ "$(stat -c %a rep.html)" = 600 ]'
check "report is an HTML5 document for coordinators only" 'head -1 rep.html | grep -qx "<!DOCTYPE html>" && grep -q "for intake coordinators only" rep.html && tail -1 rep.html | grep -qx "</html>"'
check "report loads nothing (CSP default-src none)" 'grep -q "Content-Security-Policy\" content=\"default-src '"'"'none'"'"'" rep.html && ! grep -Eq "https?://| src=" rep.html'
check "report leaves no temporary file" '[ -z "$(ls -A | grep "^\.rep\.html\.")" ]'
t "report --run 1 into a folder" 0 "" --db rep.db report --run 1 --out "$WORK/rep1.html"
t "report replaces the file" 0 "" --db rep.db report --out rep.html
t "report --quiet prints nothing" 0 "" --db rep.db --quiet report --out rep.html
check "quiet report is silent" '[ ! -s out ]'
t "report --json" 0 "" --db rep.db report --out rep.html --json
check "report --json names run, file and size" 'python3 -c "import json,os,sys; d=json.load(open(\"out\")); sys.exit(0 if (d[\"run\"],d[\"out\"],d[\"bytes\"])==(1,\"rep.html\",os.path.getsize(\"rep.html\")) else 1)"'
t "report of an unknown run" 65 "9" --db rep.db report --run 9 --out r9.html
check "no file for an unknown run" '[ ! -e r9.html ]'
t "report into a missing folder" 73 "nowhere/r.html" --db rep.db report --out nowhere/r.html
mkdir -p "$WORK/adir"
t "report onto a folder" 73 "adir" --db rep.db report --out adir
t "report to a folder name" 73 "not a file name" --db rep.db report --out adir/

# --- publish: feeds and invites ------------------------------------------------
PUB=$DATA/publish
CP="python3 $PUB/check_publish.py"
cp -r "$PUB" "$WORK/pub"
t "publish needs --out" 64 "publish needs --out DIR" --db pub.db publish
t "publish --mbox and --sendmail together" 64 "alternatives" --db pub.db publish --out feeds --mbox m.mbox --sendmail cat
t "publish without a database" 66 "nodb.db" --db nodb.db publish --out feeds
check "publish did not create the database" '[ ! -e nodb.db ]'
t "load the publish scenario" 0 "" --db pub.db solve pub/initial.json --quiet
t "publish --dry-run" 0 "" --db pub.db publish --dry-run
check "dry run lists 8 invites and writes nothing" '[ "$(grep -c "^would send .* REQUEST series G1 .. 18:00 (SEQUENCE 0)" out)" -eq 8 ] && grep -qx "would publish 5 feeds, 8 invites, 0 cancellations" out && [ ! -e feeds ]'
t "publish without --mbox or --sendmail" 0 "" --db pub.db publish --out feeds
check "feeds only: the invites stay pending" 'grep -qx "published 5 feeds, 0 invites, 0 cancellations; 8 messages pending (no --mbox or --sendmail)" out'
check "feeds are 0600 files named by 32-hex tokens, nothing else in the folder" '[ "$(ls feeds | grep -cE "^[0-9a-f]{32}\.ics$")" -eq 5 ] && [ "$(ls -A feeds | wc -l)" -eq 5 ] && [ -z "$(find feeds -type f ! -perm 600)" ]'
t "publish --list" 0 "" --db pub.db publish --list
check "--list shows each person's feed" '[ "$(grep -cE "^(participant|clinician) +[PC][0-9] +[0-9a-f]{32}\.ics$" out)" -eq 5 ]'
t "publish 1: initial" 0 "" --db pub.db publish --out feeds --mbox m.mbox
check "publish 1 sends the 8 pending invites" 'grep -qx "published 5 feeds, 8 invites, 0 cancellations" out'
check "mbox created 0600" '[ "$(stat -c %a m.mbox)" = 600 ]'
check "publish 1: a REQUEST at SEQUENCE 0 per series, none for the person without e-mail" '$CP summary m.mbox > s1 && printf "%s\n" "amber@mail.example.com REQUEST 0 20261207T180000 0" "amber@mail.example.com REQUEST 0 20261209T180000 0" "dana@iop.example.org REQUEST 0 20261207T180000 0" "dana@iop.example.org REQUEST 0 20261209T180000 0" "kayla@mail.example.com REQUEST 0 20261207T180000 0" "kayla@mail.example.com REQUEST 0 20261209T180000 0" "luis@mail.example.com REQUEST 0 20261207T180000 0" "luis@mail.example.com REQUEST 0 20261209T180000 0" | cmp - s1'
cp "$WORK/m.mbox" "$WORK/m1.mbox"
t "publish 2: nothing new" 0 "" --db pub.db publish --out feeds --mbox m.mbox --quiet
check "publish 2 is quiet and sends nothing" '[ ! -s out ] && cmp m.mbox m1.mbox'
t "a shift swap" 0 "" --db pub.db shifts P1 pub/cal/p1_swap.ics --quiet
t "solve after the swap" 0 "" --db pub.db solve --quiet
t "publish 3: after the swap" 0 "" --db pub.db publish --out feeds --mbox m.mbox
check "publish 3: one REQUEST, SEQUENCE 1, with the new EXDATE" '[ "$($CP summary m.mbox 8)" = "luis@mail.example.com REQUEST 1 20261209T180000 1" ]'
t "a participant leaves" 0 "" --db pub.db solve pub/leave.json --quiet
t "publish 4: after the leave" 0 "" --db pub.db publish --out feeds --mbox m.mbox --json
check "publish 4 --json counts two cancellations" 'grep -qx "{\"feeds\":5,\"invites\":0,\"cancellations\":2,\"pending\":0,\"dry_run\":false}" out'
check "publish 4: a CANCEL at SEQUENCE 1 per series of the leaver" '$CP summary m.mbox 9 > s4 && printf "%s\n" "amber@mail.example.com CANCEL 1 20261207T180000 0" "amber@mail.example.com CANCEL 1 20261209T180000 0" | cmp - s4'
t "publish --list after the leave" 0 "" --db pub.db publish --list --json
check "the leaver keeps a valid feed with the VTIMEZONE and no VEVENT" 'f=$(python3 -c "import json; print([e[\"feed\"] for e in json.load(open(\"out\")) if e[\"id\"]==\"P4\"][0])") && grep -q "^BEGIN:VTIMEZONE" "feeds/$f" && ! grep -q "^BEGIN:VEVENT" "feeds/$f"'
t "a clinician's vacation day" 0 "" --db pub.db solve pub/vacation.json --quiet
t "publish 5: after the vacation" 0 "" --db pub.db publish --out feeds --mbox m.mbox
check "publish 5: the Wednesday series of everyone in the group, SEQUENCE raised" '$CP summary m.mbox 11 > s5 && printf "%s\n" "dana@iop.example.org REQUEST 1 20261209T180000 1" "kayla@mail.example.com REQUEST 1 20261209T180000 1" "luis@mail.example.com REQUEST 2 20261209T180000 2" | cmp - s5'
t "the leaver returns" 0 "" --db pub.db solve pub/return.json --quiet
t "publish 6: after the return" 0 "" --db pub.db publish --out feeds --mbox m.mbox
check "publish 6: the returning series keep their UIDs at SEQUENCE 2" '$CP uids m.mbox amber@mail.example.com > u6 && [ "$(wc -l < u6)" -eq 6 ] && [ "$(cut -d" " -f1 u6 | sort | uniq -c | awk "{print \$1}" | sort -u)" = 3 ] && [ "$(grep -c " REQUEST 2$" u6)" -eq 2 ]'
t "publish 7: nothing new" 0 "" --db pub.db publish --out feeds --mbox m.mbox
check "publish 7 sends nothing" 'grep -qx "published 5 feeds, 0 invites, 0 cancellations" out && [ "$($CP summary m.mbox 16 | wc -l)" -eq 0 ]'
t "publish --list --json" 0 "" --db pub.db publish --list --json
cp "$WORK/out" "$WORK/list.json"
check "every feed and message: iMIP, RFC 5545, privacy" '$CP check pub/return.json feeds list.json m.mbox'
for py in /usr/bin/python3 python3; do
	if $py -c "import icalendar" 2>/dev/null; then
		check "python3-icalendar parses every feed and message" "$py $PUB/check_publish.py check pub/return.json feeds list.json m.mbox --icalendar"
		break
	fi
done

# --- publish through a failing, then a working, sendmail ------------------------
mkdir -p "$WORK/sm"
t "load for sendmail" 0 "" --db sm.db solve pub/initial.json --quiet
t "sendmail fails on the 3rd message" 75 "exited with status 75 on message 3 of 8; 2 sent" --db sm.db publish --out smfeeds --sendmail "sh pub/fake_sendmail.sh sm 3"
check "two messages were delivered before the failure" '[ "$(ls sm/*.eml | wc -l)" -eq 2 ]'
t "sendmail works again" 0 "" --db sm.db publish --out smfeeds --sendmail "sh pub/fake_sendmail.sh sm"
check "the rest are sent: 6 invites" 'grep -qx "published 5 feeds, 6 invites, 0 cancellations" out'
check "every message sent exactly once overall" '[ "$($CP ids sm | wc -l)" -eq 8 ] && [ "$($CP ids sm | sort -u | wc -l)" -eq 8 ] && [ "$($CP summary sm | sort -u | wc -l)" -eq 8 ]'
t "sendmail again: nothing to send" 0 "" --db sm.db publish --out smfeeds --sendmail "sh pub/fake_sendmail.sh sm 1"
check "no call to sendmail when nothing is pending" '[ "$(cat sm/count)" -eq 9 ]'

# --- publish the demo: every file checked ----------------------------------------
t "solve the demo for publish" 0 "" --db demo.db solve "$ROOT/fixtures/demo/scenario.json" --quiet
t "publish the demo" 0 "" --db demo.db publish --out demofeeds --mbox demo.mbox
check "the demo publishes 35 feeds" 'grep -qE "^published 35 feeds, [0-9]+ invites, 0 cancellations$" out'
t "publish the demo --list" 0 "" --db demo.db publish --list --json
cp "$WORK/out" "$WORK/demolist.json"
check "demo: every feed and message is iMIP and RFC 5545, and private" '$CP check "$ROOT/fixtures/demo/scenario.json" demofeeds demolist.json demo.mbox'
t "clinician rosters" 0 "" --db demo.db publish --out rosterfeeds --clinician-rosters --quiet
check "only clinician feeds name members, and only with --clinician-rosters" '! grep -l "Members:" demofeeds/* && [ "$(grep -l "Members:" rosterfeeds/* | wc -l)" -ge 1 ]'

# --- malformed shift calendars through solve: exit 65, line named, nothing stored
t "baseline run count for calendar errors" 0 "" --db cal.db solve "$OK" --quiet
t "shift file without DTSTART" 65 "bad/cal/nodtstart.ics:4: VEVENT has no DTSTART" --db cal.db solve "$BAD/ics_nodtstart.json"
t "shift file with an unknown TZID" 65 "bad/cal/badtzid.ics:7: DTSTART: unknown TZID" --db cal.db solve "$BAD/ics_badtzid.json"
t "empty shift file" 65 "empty.ics" --db cal.db solve "$BAD/ics_empty.json"
t "truncated shift file" 65 "truncated.ics" --db cal.db solve "$BAD/ics_truncated.json"
t "SECONDLY shift file" 65 "SECONDLY" --db cal.db solve "$BAD/ics_secondly.json"
t "runs after the calendar errors" 0 "" --db cal.db runs --json
check "no malformed calendar stored a run" 'python3 -c "import json,sys; sys.exit(0 if len(json.load(open(\"out\")))==1 else 1)"'
t "scenario after the calendar errors" 0 "" --db cal.db schedule --participant P2 --format csv
check "P2 still has the good calendar's schedule" 'grep -q "^P2,G1,2026-12-07T18:00:00-06:00" out'
