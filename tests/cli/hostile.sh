# Hostile strings, sourced by tests/cli/run.sh: ids and names with quotes,
# semicolons, commas, backslashes, line breaks, non-ASCII, SQL, HTML and
# iCalendar fragments go through solve, schedule, the database, publish and
# report, and come out whole and escaped for each format, with nothing
# injected (tests/cli/data/hostile/check_hostile.py says what is checked).

HOS=$DATA/hostile
CH="python3 $HOS/check_hostile.py"
for hs in scenario roster; do
	db=hostile-$hs.db
	t "hostile $hs: solve" 0 "" --db $db solve "$HOS/$hs.json" --out hos-$hs
	check "hostile $hs: schedule.csv parses back to the ids" "$CH csv $HOS/$hs.json hos-$hs/schedule.csv"
	check "hostile $hs: schedule.json parses back to the ids" "$CH json $HOS/$hs.json hos-$hs/schedule.json"
	t "hostile $hs: schedule --format csv" 0 "" --db $db schedule --format csv
	check "hostile $hs: schedule --format csv is schedule.csv" "cmp out hos-$hs/schedule.csv"
	t "hostile $hs: schedule table" 0 "" --db $db schedule
	check "hostile $hs: the table shows every id whole and no control byte" "$CH table $HOS/$hs.json out"
	check "hostile $hs: the database holds every string unchanged, every table" "$CH db $HOS/$hs.json $db"
	t "hostile $hs: publish" 0 "" --db $db publish --out hos-$hs-feeds --mbox hos-$hs.mbox --quiet
	check "hostile $hs: feeds and invites escape every name, nothing injected" "$CH ical $HOS/$hs.json hos-$hs-feeds hos-$hs.mbox"
	for py in /usr/bin/python3 python3; do
		if $py -c "import icalendar" 2>/dev/null; then
			check "hostile $hs: python3-icalendar reads the same names" "$py $HOS/check_hostile.py icalendar $HOS/$hs.json hos-$hs-feeds hos-$hs.mbox"
			break
		fi
	done
	check "hostile $hs: every feed reads back through calendar expand" 'for f in hos-'$hs'-feeds/*.ics; do [ "$("$BIN" calendar expand "$f" --from 2026-12-07 --to 2026-12-21 | wc -l)" -eq 4 ] || exit 1; done'
	t "hostile $hs: publish --list --json" 0 "" --db $db publish --list --json
	check "hostile $hs: --list --json is JSON with every id" "python3 -c 'import json,sys; sys.exit(0 if len(json.load(open(\"out\")))==4 else 1)'"
	t "hostile $hs: report" 0 "" --db $db report --out hos-$hs.html --quiet
	check "hostile $hs: the report escapes every name" "$CH html $HOS/$hs.json hos-$hs.html"
done
t "hostile: schedule of one participant by a quoted id" 0 "" --db hostile-scenario.db schedule --participant 'P1, "one"' --format json
check "hostile: only that participant" "python3 -c 'import json,sys; sys.exit(0 if [p[\"id\"] for p in json.load(open(\"out\"))[\"participants\"]]==[\"P1, \\\"one\\\"\"] else 1)'"
t "hostile: explain a non-ASCII id" 0 "" --db hostile-scenario.db explain 'P3 日本語 🚒' --json
check "hostile: explain --json names it whole" "python3 -c 'import json,sys; sys.exit(0 if json.load(open(\"out\"))[\"participant\"]==\"P3 日本語 🚒\" else 1)'"
t "hostile: a clinician id with quotes and a semicolon" 0 "" --db hostile-scenario.db schedule --clinician "C'1\"; --" --format csv
check "hostile: the clinician's group is listed" '[ "$(wc -l < out)" -eq 13 ]'
check "hostile: every SQL statement binds its values (no formatted SQL)" '! grep -nE "sqlite3_(mprintf|vmprintf|snprintf)|xasprintf\(\"(SELECT|INSERT|UPDATE|DELETE)" "$ROOT"/cmd/*.c'
