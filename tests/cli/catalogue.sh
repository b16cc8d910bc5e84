# The bad-input catalogue, sourced by tests/cli/run.sh: malformed and
# hostile inputs of every format, each with its exact exit code and the
# exact first line of its message.  tests/README.md shows them as a table
# that tests/cli/catalogue_table.py writes from the `bad` lines below (and
# the last check here compares), so the two cannot drift apart.
#
# bad NUM FORMAT INPUT WHAT EXIT MESSAGE ARG...
#   runs BIN ARG... in $WORK with stdin from /dev/null and checks that it
#   exits EXIT and that the first line of stderr is MESSAGE exactly (a
#   MESSAGE ending in '*' must only start the line); any other line may
#   only be argp's hint to try --help.  NUM counts up from 1.  Inputs are
#   tests/cli/data/catalogue, copied to $WORK/cat, so messages name
#   cat/...; the rest is made below.
bad_next=1
bad() {
	num=$1 want=$5 msg=$6
	shift 6
	[ "$num" -eq "$bad_next" ] || report "catalogue #$num" 0 "numbered $num, expected $bad_next"
	bad_next=$((num + 1))
	(cd "$WORK" && "$BIN" "$@" >"$WORK/out" 2>"$WORK/err" </dev/null)
	got=$?
	first=$(head -n 1 "$WORK/err")
	ok=1
	[ "$got" -eq "$want" ] || ok=0
	case $msg in
	*"*") case $first in "${msg%"*"}"*) ;; *) ok=0 ;; esac ;;
	*) [ "$first" = "$msg" ] || ok=0 ;;
	esac
	[ "$(sed 1d "$WORK/err" | grep -cv -e '^Try ' -e '^information\.$')" -eq 0 ] || ok=0
	report "catalogue #$num" $ok "exit $got (want $want); stderr: $(head -c 300 "$WORK/err")"
}

CAT=$WORK/cat
rm -rf "$CAT"
cp -r "$DATA/catalogue" "$CAT"
# What git cannot hold or should not: a symbolic link out of the folder,
# files past the size limits (sparse), lists past the count limits, one
# scenario per CSV roster, databases.
ln -s /etc/passwd "$CAT/json/cal/link.ics"
truncate -s 65M "$CAT/json/big.json"
truncate -s 17M "$CAT/ics/big.ics"
python3 - "$CAT" "$DATA/ok/cal/p2.ics" <<'EOF'
import copy, json, os, sys
cat = sys.argv[1]
base = json.load(open(os.path.join(cat, "json", "bad_day.json")))
base["groups"][0]["sessions"][0]["day"] = "MO"
def put(name, d):
    with open(os.path.join(cat, "json", name), "w") as f:
        json.dump(d, f)
d = copy.deepcopy(base); d["participants"][0]["shifts"] = os.path.abspath(sys.argv[2]); put("shifts_elsewhere.json", d)
d = copy.deepcopy(base); d["participants"] = [{}] * 100001; put("many_participants.json", d)
d = copy.deepcopy(base); d["groups"] = [{}] * 20001; put("many_groups.json", d)
d = copy.deepcopy(base); d["clinicians"] = [{}] * 10001; put("many_clinicians.json", d)
d = copy.deepcopy(base); d["program"]["weeks"] = 520
sessions = [{"day": "SA", "start": "%02d:%02d" % (8 + i // 60, i % 60), "minutes": 1} for i in range(50)]
d["groups"] = [{"id": "G%d" % i, "track": "fr", "clinician": "C1", "sessions": sessions} for i in range(81)]
put("many_instances.json", d)
with open(os.path.join(cat, "csv", "many_rows.csv"), "w", newline="") as f:
    f.write("id,state,track,start,weeks\r\n")
    f.write("".join("R%d,TX,fr,2026-12-07,2\r\n" % i for i in range(100001)))
EOF
for r in "$CAT"/csv/*.csv; do
	n=$(basename "$r" .csv)
	sed "s/@ROSTER@/$n.csv/" "$CAT/csv/roster.json.in" > "$CAT/csv/$n.json"
done
(cd "$WORK" && mkdir -p catdb/dir && cd catdb &&
    printf 'not a database, just text that is long enough to be a header...' > junk.db &&
    : > empty.db && mkfifo fifo.db &&
    python3 -c 'import sqlite3
c = sqlite3.connect("newer.db"); c.execute("PRAGMA user_version = 99"); c.execute("CREATE TABLE t (x)"); c.commit()
c = sqlite3.connect("foreign.db"); c.execute("CREATE TABLE contacts (name TEXT)"); c.commit()' &&
    "$BIN" --db good.db solve "$DATA/ok/scenario.json" --quiet &&
    head -c 8192 good.db > corrupt.db && head -c 4096 /dev/zero | tr '\0' x >> corrupt.db &&
    "$BIN" --db pending.db solve "$DATA/publish/initial.json" --quiet && touch afile)

# --- scenario JSON (solve) ------------------------------------------------------
bad 1 "scenario JSON" json/empty.json "an empty file" 65 "iopsched: cat/json/empty.json: line 1: JSON syntax error at the end of the file" --db c.db solve cat/json/empty.json
bad 2 "scenario JSON" json/syntax.json "a missing comma" 65 "iopsched: cat/json/syntax.json: line 6: JSON syntax error near '\"min_hours_per_week\": 6'" --db c.db solve cat/json/syntax.json
bad 3 "scenario JSON" json/top_list.json "the top level is a list" 65 "iopsched: cat/json/top_list.json: expected a JSON object" --db c.db solve cat/json/top_list.json
bad 4 "scenario JSON" json/latin1.json "a Latin-1 byte, not UTF-8" 65 "iopsched: cat/json/latin1.json: line 42: not valid UTF-8 text" --db c.db solve cat/json/latin1.json
bad 5 "scenario JSON" json/nul_escape.json "\\u0000 in an id (cJSON would cut it there)" 65 "iopsched: cat/json/nul_escape.json: line 42: \\u0000 (a NUL character) in a string" --db c.db solve cat/json/nul_escape.json
bad 6 "scenario JSON" json/unknown_top.json "an unknown top-level key" 65 "iopsched: cat/json/unknown_top.json: extra: unknown key" --db c.db solve cat/json/unknown_top.json
bad 7 "scenario JSON" json/no_program.json "no program" 65 "iopsched: cat/json/no_program.json: missing required key 'program'" --db c.db solve cat/json/no_program.json
bad 8 "scenario JSON" json/typo_key.json "a misspelt key" 65 "iopsched: cat/json/typo_key.json: program.min_hour_per_week: unknown key" --db c.db solve cat/json/typo_key.json
bad 9 "scenario JSON" json/dup_key.json "a key given twice" 65 "iopsched: cat/json/dup_key.json: program.weeks: key given twice" --db c.db solve cat/json/dup_key.json
bad 10 "scenario JSON" json/weeks_string.json "a number as a string" 65 "iopsched: cat/json/weeks_string.json: program.weeks: expected an integer, not a string" --db c.db solve cat/json/weeks_string.json
bad 11 "scenario JSON" json/weeks_fraction.json "2.5 weeks" 65 "iopsched: cat/json/weeks_fraction.json: program.weeks: 2.5 is not an integer" --db c.db solve cat/json/weeks_fraction.json
bad 12 "scenario JSON" json/weeks_over.json "521 weeks (the limit is 520)" 65 "iopsched: cat/json/weeks_over.json: program.weeks: 521 is more than 520" --db c.db solve cat/json/weeks_over.json
bad 13 "scenario JSON" json/negative.json "negative hours" 65 "iopsched: cat/json/negative.json: program.min_hours_per_week: -1 is negative" --db c.db solve cat/json/negative.json
bad 14 "scenario JSON" json/not_monday.json "the program starts on a Tuesday" 65 "iopsched: cat/json/not_monday.json: program.start: '2026-12-08' is not a Monday" --db c.db solve cat/json/not_monday.json
bad 15 "scenario JSON" json/bad_date.json "30 February" 65 "iopsched: cat/json/bad_date.json: participants[0].start: '2026-02-30' is not a date (YYYY-MM-DD)" --db c.db solve cat/json/bad_date.json
bad 16 "scenario JSON" json/bad_zone.json "an unknown time zone" 65 "iopsched: cat/json/bad_zone.json: program.timezone: unknown time zone 'Mars/Olympus'" --db c.db solve cat/json/bad_zone.json
bad 17 "scenario JSON" json/size_order.json "group_size.min above max" 65 "iopsched: cat/json/size_order.json: program.group_size.min: 5 is more than max (4)" --db c.db solve cat/json/size_order.json
bad 18 "scenario JSON" json/window_order.json "a window that ends before it starts" 65 "iopsched: cat/json/window_order.json: program.windows[0].to: '17:00' is not after from '22:00'" --db c.db solve cat/json/window_order.json
bad 19 "scenario JSON" json/bad_time.json "25:00" 65 "iopsched: cat/json/bad_time.json: groups[0].sessions[0].start: '25:00' is not a time (HH:MM)" --db c.db solve cat/json/bad_time.json
bad 20 "scenario JSON" json/bad_day.json "an unknown day code" 65 "iopsched: cat/json/bad_day.json: groups[0].sessions[0].day: unknown day code 'XX'" --db c.db solve cat/json/bad_day.json
bad 21 "scenario JSON" json/day_twice.json "a day listed twice" 65 "iopsched: cat/json/day_twice.json: program.windows[0].days[1]: day 'MO' listed twice" --db c.db solve cat/json/day_twice.json
bad 22 "scenario JSON" json/no_sessions.json "a group without sessions" 65 "iopsched: cat/json/no_sessions.json: groups[0].sessions: empty list" --db c.db solve cat/json/no_sessions.json
bad 23 "scenario JSON" json/outside_window.json "a session outside every window" 65 "iopsched: cat/json/outside_window.json: groups[0].sessions[0]: MO 12:00 for 180 minutes is outside every program window" --db c.db solve cat/json/outside_window.json
bad 24 "scenario JSON" json/overlap.json "two sessions of a group overlap" 65 "iopsched: cat/json/overlap.json: groups[0].sessions[1]: overlaps sessions[0]" --db c.db solve cat/json/overlap.json
bad 25 "scenario JSON" json/over_max.json "a group over max_hours_per_week" 65 "iopsched: cat/json/over_max.json: groups[0].sessions: 1200 minutes a week exceed the program's max_hours_per_week (19)" --db c.db solve cat/json/over_max.json
bad 26 "scenario JSON" json/unknown_clinician.json "a group's clinician does not exist" 65 "iopsched: cat/json/unknown_clinician.json: groups[0].clinician: unknown clinician 'C9'" --db c.db solve cat/json/unknown_clinician.json
bad 27 "scenario JSON" json/dup_clinician.json "a clinician id twice" 65 "iopsched: cat/json/dup_clinician.json: clinicians[1].id: duplicate id 'C1' (also clinicians[0])" --db c.db solve cat/json/dup_clinician.json
bad 28 "scenario JSON" json/dup_participant.json "a participant id twice" 65 "iopsched: cat/json/dup_participant.json: participants[1].id: duplicate id 'P1' (also participants[0])" --db c.db solve cat/json/dup_participant.json
bad 29 "scenario JSON" json/bad_state.json "a state that is not a USPS code" 65 "iopsched: cat/json/bad_state.json: participants[0].state: 'XY' is not a USPS state code" --db c.db solve cat/json/bad_state.json
bad 30 "scenario JSON" json/state_twice.json "a licensed state listed twice" 65 "iopsched: cat/json/state_twice.json: clinicians[0].licensed_states[1]: state 'TX' listed twice" --db c.db solve cat/json/state_twice.json
bad 31 "scenario JSON" json/bad_prefer.json "an unknown prefer" 65 "iopsched: cat/json/bad_prefer.json: participants[0].prefer: unknown prefer 'mornings' (evening or weekend)" --db c.db solve cat/json/bad_prefer.json
bad 32 "scenario JSON" json/no_week.json "a participant with no week in the program" 65 "iopsched: cat/json/no_week.json: participants[0].start: none of its 2 weeks from '2027-03-01' falls inside the program (2026-12-07 to 2026-12-20)" --db c.db solve cat/json/no_week.json
bad 33 "scenario JSON" json/empty_id.json "an empty id" 65 "iopsched: cat/json/empty_id.json: participants[0].id: empty string" --db c.db solve cat/json/empty_id.json
bad 34 "scenario JSON" json/id_newline.json "an id with a line break (iCalendar injection)" 65 "iopsched: cat/json/id_newline.json: participants[0].id: control character in string" --db c.db solve cat/json/id_newline.json
bad 35 "scenario JSON" json/name_escape.json "a name with a terminal escape sequence" 65 "iopsched: cat/json/name_escape.json: participants[0].name: control character in string" --db c.db solve cat/json/name_escape.json
bad 36 "scenario JSON" json/bad_email.json "an e-mail that adds a recipient" 65 "iopsched: cat/json/bad_email.json: participants[0].email: 'a@b.example>, evil@x.example' is not an e-mail address (name@domain)" --db c.db solve cat/json/bad_email.json
bad 37 "scenario JSON" json/long_id.json "an id of 257 bytes" 65 "iopsched: cat/json/long_id.json: participants[0].id: string of 257 bytes, longer than the limit of 256" --db c.db solve cat/json/long_id.json
bad 38 "scenario JSON" json/long_text.json "a crisis_text of 4097 bytes" 65 "iopsched: cat/json/long_text.json: program.crisis_text: string of 4097 bytes, longer than the limit of 4096" --db c.db solve cat/json/long_text.json
bad 39 "scenario JSON" "json/big.json (made by the test)" "a file of 65 MiB" 65 "iopsched: cat/json/big.json: file larger than 64 MiB (the limit)" --db c.db solve cat/json/big.json
bad 40 "scenario JSON" "json/many_participants.json (made by the test)" "100,001 participants" 65 "iopsched: cat/json/many_participants.json: participants: 100001 participants, more than the limit of 100000" --db c.db solve cat/json/many_participants.json
bad 41 "scenario JSON" "json/many_groups.json (made by the test)" "20,001 groups" 65 "iopsched: cat/json/many_groups.json: groups: 20001 groups, more than the limit of 20000" --db c.db solve cat/json/many_groups.json
bad 42 "scenario JSON" "json/many_clinicians.json (made by the test)" "10,001 clinicians" 65 "iopsched: cat/json/many_clinicians.json: clinicians: 10001 clinicians, more than the limit of 10000" --db c.db solve cat/json/many_clinicians.json
bad 43 "scenario JSON" json/many_sessions.json "51 weekly sessions in a group" 65 "iopsched: cat/json/many_sessions.json: groups[0].sessions: 51 sessions, more than the limit of 50" --db c.db solve cat/json/many_sessions.json
bad 44 "scenario JSON" json/many_windows.json "51 program windows" 65 "iopsched: cat/json/many_windows.json: program.windows: 51 windows, more than the limit of 50" --db c.db solve cat/json/many_windows.json
bad 45 "scenario JSON" "json/many_instances.json (made by the test)" "81 groups of 50 sessions over 520 weeks" 65 "iopsched: cat/json/many_instances.json: groups: 2106000 session instances (weekly sessions times 520 program weeks), more than the limit of 2000000" --db c.db solve cat/json/many_instances.json
bad 46 "scenario JSON" json/nope.json "the scenario does not exist" 66 "iopsched: cannot open 'cat/json/nope.json': No such file or directory" --db c.db solve cat/json/nope.json
bad 47 "scenario JSON" json/ "the scenario is a directory" 66 "iopsched: cannot read 'cat/json': is a directory" --db c.db solve cat/json

# --- paths a scenario names -------------------------------------------------------
bad 48 "scenario path" json/shifts_dotdot.json "shifts: ../../../etc/passwd" 65 "iopsched: cat/json/shifts_dotdot.json: participants[0].shifts: '../../../etc/passwd' is outside the scenario's folder (it climbs out with '..'; --allow-outside allows it)" --db c.db solve cat/json/shifts_dotdot.json
bad 49 "scenario path" json/shifts_absolute.json "shifts: /etc/passwd" 65 "iopsched: cat/json/shifts_absolute.json: participants[0].shifts: '/etc/passwd' is outside the scenario's folder (an absolute path; --allow-outside allows it)" --db c.db solve cat/json/shifts_absolute.json
bad 50 "scenario path" json/shifts_link.json "shifts: a symbolic link to /etc/passwd" 65 "iopsched: cat/json/shifts_link.json: participants[0].shifts: 'cal/link.ics' is outside the scenario's folder (a symbolic link leads out; --allow-outside allows it)" --db c.db solve cat/json/shifts_link.json
bad 51 "scenario path" json/calendar_dotdot.json "a clinician calendar cal/../../ics/..." 65 "iopsched: cat/json/calendar_dotdot.json: clinicians[0].calendar: 'cal/../../ics/garbage.ics' is outside the scenario's folder (it climbs out with '..'; --allow-outside allows it)" --db c.db solve cat/json/calendar_dotdot.json
bad 52 "scenario path" json/roster_dotdot.json "participants: ../csv/unknown_column.csv" 65 "iopsched: cat/json/roster_dotdot.json: participants: '../csv/unknown_column.csv' is outside the scenario's folder (it climbs out with '..'; --allow-outside allows it)" --db c.db solve cat/json/roster_dotdot.json
bad 53 "scenario path" json/shifts_missing.json "a shift calendar that does not exist" 66 "iopsched: cat/json/shifts_missing.json: participants[0].shifts: cannot open 'cat/json/cal/nope.ics': No such file or directory" --db c.db solve cat/json/shifts_missing.json
bad 54 "scenario path" json/shifts_dir.json "a shift calendar that is a directory" 66 "iopsched: cat/json/shifts_dir.json: participants[0].shifts: cannot read 'cat/json/cal/dir.ics': is a directory" --db c.db solve cat/json/shifts_dir.json
bad 55 "scenario path" json/shifts_dash.json "shifts: - (a file, never standard input)" 66 "iopsched: cat/json/shifts_dash.json: participants[0].shifts: cannot open 'cat/json/-': No such file or directory" --db c.db solve cat/json/shifts_dash.json
bad 56 "scenario path" json/shifts_invalid.json "a shift calendar that is not iCalendar" 65 "iopsched: cat/json/cal/garbage.ics:2: not an iCalendar content line" --db c.db solve cat/json/shifts_invalid.json

# --- CSV roster (solve) -------------------------------------------------------------
bad 57 "CSV roster" csv/unknown_column.csv "an unknown column" 65 "iopsched: cat/csv/unknown_column.csv:1:6: unknown column 'shoe_size'" --db c.db solve cat/csv/unknown_column.json
bad 58 "CSV roster" csv/column_twice.csv "a column twice" 65 "iopsched: cat/csv/column_twice.csv:1:6: column 'state' given twice" --db c.db solve cat/csv/column_twice.json
bad 59 "CSV roster" csv/available_column.csv "an available column" 65 "iopsched: cat/csv/available_column.csv:1:6: 'available' is not allowed in a CSV roster" --db c.db solve cat/csv/available_column.json
bad 60 "CSV roster" csv/empty_column.csv "an empty column name" 65 "iopsched: cat/csv/empty_column.csv:1:2: empty column name" --db c.db solve cat/csv/empty_column.json
bad 61 "CSV roster" csv/wide_header.csv "a header of 15 columns" 65 "iopsched: cat/csv/wide_header.csv:1:15: more columns than the 14 participant fields" --db c.db solve cat/csv/wide_header.json
bad 62 "CSV roster" csv/empty.csv "an empty file" 65 "iopsched: cat/csv/empty.csv:1:1: no header row" --db c.db solve cat/csv/empty.json
bad 63 "CSV roster" csv/few_fields.csv "a record with a field missing" 65 "iopsched: cat/csv/few_fields.csv:3:5: 4 fields where the header has 5" --db c.db solve cat/csv/few_fields.json
bad 64 "CSV roster" csv/more_fields.csv "a record with two fields too many" 65 "iopsched: cat/csv/more_fields.csv:2:6: more fields than the header's 5" --db c.db solve cat/csv/more_fields.json
bad 65 "CSV roster" csv/stray_quote.csv "a quote inside an unquoted field" 65 "iopsched: cat/csv/stray_quote.csv:2:1: malformed field (a stray quote, or text after a closing quote)" --db c.db solve cat/csv/stray_quote.json
bad 66 "CSV roster" csv/unclosed_quote.csv "a quoted field never closed" 65 "iopsched: cat/csv/unclosed_quote.csv:2:1: quoted field not closed at the end of the file" --db c.db solve cat/csv/unclosed_quote.json
bad 67 "CSV roster" csv/latin1.csv "a Latin-1 byte, not UTF-8" 65 "iopsched: cat/csv/latin1.csv:2:1: not valid UTF-8 text" --db c.db solve cat/csv/latin1.json
bad 68 "CSV roster" csv/not_number.csv "weeks: eight" 65 "iopsched: cat/csv/not_number.csv:2:5: 'eight' is not a number" --db c.db solve cat/csv/not_number.json
bad 69 "CSV roster" csv/not_boolean.csv "separate_from_agency: yes" 65 "iopsched: cat/csv/not_boolean.csv:2:6: 'yes' is not a boolean (true or false)" --db c.db solve cat/csv/not_boolean.json
bad 70 "CSV roster" csv/missing_cell.csv "an empty required cell" 65 "iopsched: cat/csv/missing_cell.csv:2:2: missing required key 'state'" --db c.db solve cat/csv/missing_cell.json
bad 71 "CSV roster" csv/dup_id.csv "an id twice" 65 "iopsched: cat/csv/dup_id.csv:3:1: duplicate id 'R1' (also line 2)" --db c.db solve cat/csv/dup_id.json
bad 72 "CSV roster" csv/quoted_newline_id.csv "a quoted line break in an id" 65 "iopsched: cat/csv/quoted_newline_id.csv:2:1: control character in string" --db c.db solve cat/csv/quoted_newline_id.json
bad 73 "CSV roster" csv/bad_email.csv "an e-mail that is not an address" 65 "iopsched: cat/csv/bad_email.csv:2:6: 'not-an-address' is not an e-mail address (name@domain)" --db c.db solve cat/csv/bad_email.json
bad 74 "CSV roster" "csv/many_rows.csv (made by the test)" "100,001 participants" 65 "iopsched: cat/csv/many_rows.csv:100002:1: more participants than the limit of 100000" --db c.db solve cat/csv/many_rows.json

# --- iCalendar (calendar expand, shifts) ------------------------------------------
W="--from 2026-12-07 --to 2026-12-14"
bad 75 iCalendar ics/garbage.ics "not iCalendar at all" 65 "iopsched: cat/ics/garbage.ics:1: not iCalendar: expected BEGIN:VCALENDAR" calendar expand cat/ics/garbage.ics $W
bad 76 iCalendar ics/empty.ics "an empty file" 65 "iopsched: cat/ics/empty.ics: not iCalendar: the file is empty" calendar expand cat/ics/empty.ics $W
bad 77 iCalendar ics/truncated.ics "cut off inside a VEVENT" 65 "iopsched: cat/ics/truncated.ics:4: BEGIN:VEVENT has no END: the file is truncated" calendar expand cat/ics/truncated.ics $W
bad 78 iCalendar ics/mismatched_end.ics "BEGIN:VEVENT closed by END:VTODO" 65 "iopsched: cat/ics/mismatched_end.ics:7: END:VTODO does not match BEGIN:VEVENT on line 4" calendar expand cat/ics/mismatched_end.ics $W
bad 79 iCalendar ics/no_dtstart.ics "an event without DTSTART" 65 "iopsched: cat/ics/no_dtstart.ics:4: VEVENT has no DTSTART" calendar expand cat/ics/no_dtstart.ics $W
bad 80 iCalendar ics/unknown_tzid.ics "a TZID with no VTIMEZONE" 65 "iopsched: cat/ics/unknown_tzid.ics:7: DTSTART: unknown TZID 'Central Standard Time' and no VTIMEZONE for it" calendar expand cat/ics/unknown_tzid.ics $W
bad 81 iCalendar ics/impossible_date.ics "month 13" 65 "iopsched: cat/ics/impossible_date.ics:7: DTSTART: impossible date or time '20261332T130000Z'" calendar expand cat/ics/impossible_date.ics $W
bad 82 iCalendar ics/end_before_start.ics "DTEND before DTSTART" 65 "iopsched: cat/ics/end_before_start.ics:8: DTEND is before DTSTART" calendar expand cat/ics/end_before_start.ics $W
bad 83 iCalendar ics/rrule_no_freq.ics "an RRULE without FREQ" 65 "iopsched: cat/ics/rrule_no_freq.ics:9: RRULE has no FREQ" calendar expand cat/ics/rrule_no_freq.ics $W
bad 84 iCalendar ics/count_and_until.ics "COUNT with UNTIL" 65 "iopsched: cat/ics/count_and_until.ics:9: RRULE has both COUNT and UNTIL" calendar expand cat/ics/count_and_until.ics $W
bad 85 iCalendar ics/secondly.ics "FREQ=SECONDLY" 65 "iopsched: cat/ics/secondly.ics:9: RRULE FREQ=SECONDLY is not supported: the shortest period is HOURLY" calendar expand cat/ics/secondly.ics $W
bad 86 iCalendar ics/minutely.ics "FREQ=MINUTELY" 65 "iopsched: cat/ics/minutely.ics:9: RRULE FREQ=MINUTELY is not supported: the shortest period is HOURLY" calendar expand cat/ics/minutely.ics $W
bad 87 iCalendar ics/count_over.ics "COUNT=100001" 65 "iopsched: cat/ics/count_over.ics:9: RRULE COUNT=100001 is above the limit of 100000" calendar expand cat/ics/count_over.ics $W
bad 88 iCalendar ics/too_many_instances.ics "an hourly shift over 12 years" 65 "iopsched: cat/ics/too_many_instances.ics: more than 100000 busy intervals in the window" calendar expand cat/ics/too_many_instances.ics --from 2026-12-07 --to 2039-01-01
bad 89 iCalendar ics/latin1.ics "a Latin-1 byte, not UTF-8" 65 "iopsched: cat/ics/latin1.ics:9: not valid UTF-8" calendar expand cat/ics/latin1.ics $W
bad 90 iCalendar ics/nul_byte.ics "a NUL byte" 65 "iopsched: cat/ics/nul_byte.ics:9: contains a NUL byte" calendar expand cat/ics/nul_byte.ics $W
bad 91 iCalendar "ics/big.ics (made by the test)" "a file of 17 MiB" 65 "iopsched: cat/ics/big.ics: file larger than 16 MiB (the limit)" calendar expand cat/ics/big.ics $W
bad 92 iCalendar ics/nope.ics "the file does not exist" 66 "iopsched: cannot open 'cat/ics/nope.ics': No such file or directory" calendar expand cat/ics/nope.ics $W
bad 93 iCalendar ics/ "the file is a directory" 66 "iopsched: cannot read 'cat/ics': is a directory" calendar expand cat/ics $W
bad 94 iCalendar "shifts P1 ics/secondly.ics" "an invalid calendar for shifts" 65 "iopsched: cat/ics/secondly.ics:9: RRULE FREQ=SECONDLY is not supported: the shortest period is HOURLY" --db catdb/good.db shifts P1 cat/ics/secondly.ics

# --- command line ----------------------------------------------------------------------
bad 95 "command line" "(nothing)" "no command" 64 "iopsched: a command is required"
bad 96 "command line" "frobnicate" "an unknown command" 64 "iopsched: unknown command 'frobnicate'" frobnicate
bad 97 "command line" "a command with a line break" "an unknown command holding LF" 64 "iopsched: unknown command 'run?s'" "$(printf 'run\ns')"
bad 98 "command line" "--frob runs" "an unknown global option" 64 "iopsched: unrecognized option '--frob'" --frob runs
bad 99 "command line" "solve --frob" "an unknown command option" 64 "iopsched solve: unrecognized option '--frob'" solve --frob
bad 100 "command line" "--db '' runs" "an empty database path" 64 "iopsched: --db needs a non-empty path" --db "" runs
bad 101 "command line" "schedule --format xml" "an unknown format" 64 "iopsched schedule: --format: 'xml' is not table, csv or json" schedule --format xml
bad 102 "command line" "schedule --run 0" "run 0" 64 "iopsched schedule: --run: '0' is not a run number" schedule --run 0
bad 103 "command line" "schedule --run with a line break" "a run number holding LF" 64 "iopsched schedule: --run: '1?2' is not a run number" schedule --run "$(printf '1\n2')"
bad 104 "command line" "solve --time-limit -3" "a negative time limit" 64 "iopsched solve: --time-limit: '-3' is not a positive number of seconds" solve --time-limit -3
bad 105 "command line" "solve a.json b.json" "two scenarios" 64 "iopsched solve: too many arguments" solve a.json b.json
bad 106 "command line" "solve --pin P1=" "a pin without a group" 64 "iopsched solve: --pin: 'P1=' is not ID or ID=GROUP" solve --pin P1=
bad 107 "command line" "solve --out ''" "an empty output folder" 64 "iopsched solve: --out needs a non-empty path" solve --out ""
bad 108 "command line" "diff 1 x" "a run that is not a number" 64 "iopsched diff: 'x' is not a run number" diff 1 x
bad 109 "command line" "diff 1" "one run" 64 "iopsched diff: needs two run numbers A and B" diff 1
bad 110 "command line" "explain" "no participant" 64 "iopsched explain: needs a participant ID" explain
bad 111 "command line" "shifts P1" "no calendar" 64 "iopsched shifts: shifts needs a participant ID and a FILE.ics ('-' for stdin)" shifts P1
bad 112 "command line" "report" "no --out" 64 "iopsched report: needs --out FILE.html" report
bad 113 "command line" "runs extra" "an argument runs does not take" 64 "iopsched runs: unexpected argument 'extra'" runs extra
bad 114 "command line" "calendar list" "an unknown calendar subcommand" 64 "iopsched calendar: the only subcommand is 'expand'" calendar list x.ics
bad 115 "command line" "calendar expand x.ics" "no window" 64 "iopsched calendar: expand needs --from and --to" calendar expand x.ics
bad 116 "command line" "calendar expand --from 2026-13-01" "month 13" 64 "iopsched: --from and --to need dates as YYYY-MM-DD" calendar expand x.ics --from 2026-13-01 --to 2026-12-14
bad 117 "command line" "calendar expand --from after --to" "an empty window" 64 "iopsched: --to must be after --from" calendar expand x.ics --from 2026-12-14 --to 2026-12-07
bad 118 "command line" "calendar expand --tz Nowhere/City" "an unknown zone" 64 "iopsched: --tz: unknown time zone 'Nowhere/City'" calendar expand x.ics $W --tz Nowhere/City

# --- rotation arguments ----------------------------------------------------------------
R="--start 2026-10-29T07:00 --tz America/Chicago --weeks 8"
bad 119 rotation "rotation 2-2-3" "an unknown pattern" 64 "iopsched: unknown rotation pattern '2-2-3' (one of 24/48, 48/96, kelly, pitman, dupont, 4on4off, panama, 4x10, 5x8)" rotation 2-2-3 $R
bad 120 rotation "--start '2026-10-29 07:00'" "a space for the T" 64 "iopsched rotation: --start: '2026-10-29 07:00' is not YYYY-MM-DDTHH:MM or YYYY-MM-DD" rotation kelly --start "2026-10-29 07:00" --tz America/Chicago --weeks 8
bad 121 rotation "--start 2026-02-30T07:00" "30 February" 64 "iopsched rotation: --start: '2026-02-30T07:00' is not YYYY-MM-DDTHH:MM or YYYY-MM-DD" rotation kelly --start 2026-02-30T07:00 --tz America/Chicago --weeks 8
bad 122 rotation "--tz Nowhere/City" "an unknown zone" 64 "iopsched rotation: --tz: unknown time zone 'Nowhere/City'" rotation kelly --start 2026-10-29T07:00 --tz Nowhere/City --weeks 8
bad 123 rotation "--weeks 0" "no weeks" 64 "iopsched rotation: --weeks: '0' is not a number of weeks from 1 to 520" rotation kelly --start 2026-10-29T07:00 --tz America/Chicago --weeks 0
bad 124 rotation "--weeks 521" "past the limit of 520 weeks" 64 "iopsched rotation: --weeks: '521' is not a number of weeks from 1 to 520" rotation kelly --start 2026-10-29T07:00 --tz America/Chicago --weeks 521
bad 125 rotation "pitman --hours 25" "a 25-hour shift" 64 "iopsched rotation: --hours: '25' is not a number of hours above 0 and at most 24, in whole minutes" rotation pitman $R --hours 25
bad 126 rotation "kelly --hours 12" "hours on a fixed pattern" 64 "iopsched: pattern 'kelly' has fixed shift lengths and takes no --hours" rotation kelly $R --hours 12
bad 127 rotation "--shift-start 24:00" "24:00" 64 "iopsched rotation: --shift-start: '24:00' is not a time HH:MM from 00:00 to 23:59" rotation pitman $R --shift-start 24:00
bad 128 rotation "rotation kelly --start ..." "no --tz or --weeks" 64 "iopsched rotation: rotation needs --start, --tz and --weeks" rotation kelly --start 2026-10-29T07:00
bad 129 rotation "rotation --start ..." "no pattern" 64 "iopsched rotation: rotation needs a PATTERN" rotation $R

# --- the database --------------------------------------------------------------------------
bad 130 database "junk.db (text)" "not a SQLite file" 65 "iopsched: catdb/junk.db: not an iopsched database (file is not a database)" --db catdb/junk.db runs
bad 131 database "newer.db (user_version 99)" "written by a newer iopsched" 65 "iopsched: catdb/newer.db: database schema version 99 is newer than this iopsched supports (2); upgrade iopsched" --db catdb/newer.db runs
bad 132 database "foreign.db (another program's)" "a SQLite file of another program" 65 "iopsched: catdb/foreign.db: not an iopsched database" --db catdb/foreign.db runs
bad 133 database "corrupt.db (cut, then garbage)" "a damaged database" 65 "iopsched: catdb/corrupt.db: database disk image is malformed" --db catdb/corrupt.db runs
bad 134 database "catdb/dir" "a directory" 66 "iopsched: catdb/dir: is a directory, not a database" --db catdb/dir runs
bad 135 database "fifo.db (a FIFO)" "not a regular file" 66 "iopsched: catdb/fifo.db: not a regular file" --db catdb/fifo.db runs
bad 136 database "nodb.db" "runs on a database that does not exist" 66 "iopsched: catdb/nodb.db: no such database" --db catdb/nodb.db runs
bad 137 database "nodb.db" "solve without a scenario or a database" 65 "iopsched: catdb/nodb.db: no scenario stored yet; run 'iopsched solve SCENARIO.json' first" --db catdb/nodb.db solve
bad 138 database "empty.db (0 bytes)" "schedule with no run yet" 65 "iopsched: catdb/empty.db: no run yet" --db catdb/empty.db schedule
bad 139 database "schedule --run 7" "a run that does not exist" 65 "iopsched: catdb/good.db: no run 7" --db catdb/good.db schedule --run 7
bad 140 database "schedule --participant P99" "an unknown participant" 65 "iopsched: catdb/good.db: unknown participant 'P99' in run 1" --db catdb/good.db schedule --participant P99
bad 141 database "schedule --participant with a line break" "an id holding LF" 65 "iopsched: catdb/good.db: unknown participant 'P?1' in run 1" --db catdb/good.db schedule --participant "$(printf 'P\n1')"
bad 142 database "schedule --clinician C9" "an unknown clinician" 65 "iopsched: catdb/good.db: no group of clinician 'C9' in run 1" --db catdb/good.db schedule --clinician C9
bad 143 database "explain P9" "an unknown participant" 65 "iopsched: catdb/good.db: unknown participant 'P9'" --db catdb/good.db explain P9
bad 144 database "diff 1 9" "a run that does not exist" 65 "iopsched: catdb/good.db: no run 9" --db catdb/good.db diff 1 9
bad 145 database "solve --pin P1=G9" "a pin to an unknown group" 65 "iopsched: --pin P1=G9: unknown group 'G9'" --db catdb/good.db solve --pin P1=G9
bad 146 database "shifts P9 ..." "shifts of an unknown participant" 65 "iopsched: catdb/good.db: unknown participant 'P9'" --db catdb/good.db shifts P9 cat/ics/garbage.ics
bad 147 database "shifts P1 nope.ics" "a calendar that does not exist" 66 "iopsched: cannot open 'nope.ics': No such file or directory" --db catdb/good.db shifts P1 nope.ics

# --- publish and report options ----------------------------------------------------------
bad 148 publish "publish" "no --out" 64 "iopsched publish: publish needs --out DIR" --db catdb/good.db publish
bad 149 publish "--mbox m --sendmail cat" "both ways of sending" 64 "iopsched publish: --mbox and --sendmail are alternatives: give one" --db catdb/good.db publish --out f --mbox m --sendmail cat
bad 150 publish "--sendmail ''" "an empty command (would count every message sent)" 64 "iopsched publish: --sendmail needs a non-empty value" --db catdb/pending.db publish --out f --sendmail ""
bad 151 publish "publish --out f extra" "an extra argument" 64 "iopsched publish: unexpected argument 'extra'" --db catdb/good.db publish --out f extra
bad 152 publish "nodb.db" "no database" 66 "iopsched: catdb/nodb.db: no such database" --db catdb/nodb.db publish --out f
bad 153 publish "empty.db" "no run to publish" 65 "iopsched: catdb/empty.db: no run yet" --db catdb/empty.db publish --out f
bad 154 publish "--out afile" "the feed folder is a file" 73 "iopsched: catdb/afile: not a directory" --db catdb/good.db publish --out catdb/afile
bad 155 publish "--mbox catdb/dir" "the mbox is a directory" 73 "iopsched: catdb/dir: cannot open: Is a directory" --db catdb/pending.db publish --out f --mbox catdb/dir
bad 156 publish "--sendmail 'exit 3'" "the mail command fails" 75 "iopsched: --sendmail: 'exit 3' exited with status 3 on message 1 of 8; 0 sent, the rest stay pending" --db catdb/pending.db publish --out f --sendmail "exit 3"
bad 157 publish "report --out nowhere/r.html" "a report into a missing folder" 73 "iopsched: nowhere/r.html: cannot create: No such file or directory" --db catdb/good.db report --out nowhere/r.html

check "catalogue: no bad input stored a run in c.db" '[ ! -e c.db ] || [ "$("$BIN" --db c.db runs --json)" = "[]" ]'
t "catalogue: a calendar elsewhere is refused" 65 "is outside the scenario's folder (an absolute path; --allow-outside allows it)" --db ao.db solve cat/json/shifts_elsewhere.json
t "catalogue: --allow-outside lets a scenario read a calendar elsewhere" 0 "" --allow-outside --db ao.db solve cat/json/shifts_elsewhere.json --quiet
t "catalogue: --allow-outside after the command, through '..'" 65 "iopsched: cat/json/cal/../../ics/garbage.ics:1: not iCalendar: expected BEGIN:VCALENDAR" --db ao.db solve cat/json/calendar_dotdot.json --allow-outside
check "catalogue: tests/README.md lists exactly these cases" 'python3 "$HERE/catalogue_table.py" --check "$HERE/catalogue.sh" "$ROOT/tests/README.md"'
