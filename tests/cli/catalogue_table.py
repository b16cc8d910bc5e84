#!/usr/bin/env python3
"""The table of the bad-input catalogue in tests/README.md, made from the
`bad` lines of tests/cli/catalogue.sh, so that every row is a test that
runs and every test has its row.

  catalogue_table.py --check CATALOGUE.sh README.md   exit 1 if they differ
  catalogue_table.py --write CATALOGUE.sh README.md   rewrite the table

The table sits between the lines BEGIN and END below in README.md.
"""
import difflib
import shlex
import sys

BEGIN = "<!-- catalogue: begin (tests/cli/catalogue_table.py --write) -->"
END = "<!-- catalogue: end -->"


def cell(text, code=False):
    text = text.replace("|", "\\|")
    return "`%s`" % text if code else text


def table(catalogue):
    rows = ["| # | input | format | what is wrong | exit | message (first line of stderr) |",
            "|---:|---|---|---|---:|---|"]
    with open(catalogue, encoding="utf-8") as f:
        for line in f:
            if not line.startswith("bad "):
                continue
            num, fmt, what_in, wrong, code, msg = shlex.split(line)[1:7]
            rows.append("| %s | %s | %s | %s | %s | %s |" % (
                num, cell(what_in, True), fmt, cell(wrong), code,
                cell(msg, True)))
    return rows


def main(argv):
    mode, catalogue, readme = argv[1:4]
    with open(readme, encoding="utf-8") as f:
        lines = f.read().split("\n")
    start, end = lines.index(BEGIN), lines.index(END)
    want = table(catalogue)
    have = lines[start + 1:end]
    if mode == "--write":
        lines[start + 1:end] = want
        with open(readme, "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        return 0
    if have == want:
        return 0
    sys.stdout.writelines(difflib.unified_diff(
        [x + "\n" for x in have], [x + "\n" for x in want], readme,
        catalogue))
    print("catalogue_table: %s differs from %s; run %s --write %s %s" % (
        readme, catalogue, argv[0], catalogue, readme), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
