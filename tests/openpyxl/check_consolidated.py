#!/usr/bin/env python3
"""An independent reader of Workshop Desk's consolidated workbook (openpyxl, not the Rust
crates that wrote it). Checks that the file opens, that its data sheets are Excel tables with
a frozen header, that the Summary's workshop rows add up to its totals and match the data
sheets, that the people reached are the distinct Person IDs, and that no cell anywhere holds a
formula.

    check_consolidated.py FILE --workshops N --participants N --women N --people N --skipped N

Exits 0 when every check holds; otherwise prints what failed and exits 1.
"""

import argparse
import sys

import openpyxl

SUMMARY = "Summary"
ABOUT = "About this file"
DATA_SHEETS = ["Participants", "Attendance", "SWOT", "Action plans"]
STATUSES = ["Planned", "In progress", "Done", "Dropped"]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--workshops", type=int, required=True)
    parser.add_argument("--participants", type=int, required=True)
    parser.add_argument("--women", type=int, required=True)
    parser.add_argument("--people", type=int, required=True)
    parser.add_argument("--skipped", type=int, required=True)
    args = parser.parse_args()

    failures = []

    def check(condition, message):
        if not condition:
            failures.append(message)

    book = openpyxl.load_workbook(args.file, data_only=False)
    check(
        book.sheetnames == [SUMMARY] + DATA_SHEETS + [ABOUT],
        f"the sheets are {book.sheetnames}",
    )
    check(book[ABOUT].protection.sheet, "About this file is protected")

    # No formula anywhere: not even the Summary's totals are formulas here.
    formulas = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f" or (
                    isinstance(cell.value, str)
                    and cell.data_type != "s"
                    and cell.value.startswith("=")
                ):
                    formulas.append(f"{sheet.title}!{cell.coordinate}")
    check(not formulas, f"formulas: {formulas[:10]}")

    def table_rows(name):
        sheet = book[name]
        header = [c.value for c in sheet[1]]
        rows = []
        for row in sheet.iter_rows(min_row=2, values_only=True):
            if all(v is None for v in row):
                break
            rows.append(dict(zip(header, row)))
        return header, rows

    for name in DATA_SHEETS:
        sheet = book[name]
        check(len(sheet.tables) == 1, f"{name} holds one Excel table")
        check(sheet.freeze_panes == "A2", f"{name} has a frozen header ({sheet.freeze_panes})")
        header, rows = table_rows(name)
        check(header[:4] == ["Workshop ID", "Workshop", "Workshop start date", "Workshop end date"],
              f"{name} starts with the workshop's columns: {header[:4]}")
        if rows:
            start = rows[0]["Workshop start date"]
            check(start is None or hasattr(start, "year"), f"{name}: the workshop's start is a date")

    _, participants = table_rows("Participants")
    check(len(participants) == args.participants,
          f"Participants has {len(participants)} rows, not {args.participants}")
    women = sum(1 for p in participants if p["Sex"] == "Woman")
    check(women == args.women, f"women in Participants: {women} != {args.women}")
    people = {p["Person ID"] for p in participants}
    check(len(people) == args.people, f"distinct Person IDs: {len(people)} != {args.people}")
    check(all(p["ID"] for p in participants), "every participant keeps their ID")

    # The Summary: the workshops table, its total, the people reached.
    summary = book[SUMMARY]
    rows = [[c.value for c in row] for row in summary.iter_rows()]
    head_at = next((i for i, r in enumerate(rows) if r[0] == "Workshop" and r[5] == "Participants"), None)
    check(head_at is not None, "the Summary has a table of workshops")
    if head_at is not None:
        header = rows[head_at]
        workshops = []
        i = head_at + 1
        while rows[i][0] and not str(rows[i][0]).startswith("Total"):
            workshops.append(rows[i])
            i += 1
        total = rows[i]
        check(len(workshops) == args.workshops, f"{len(workshops)} workshop rows, not {args.workshops}")
        check(total[0] == f"Total, {args.workshops} workshops", f"the total row reads {total[0]!r}")
        column = {name: header.index(name) for name in header if name}
        for name in ["Participants", "Women", "Youth", "Actions"] + STATUSES:
            at = column[name]
            added = sum(r[at] for r in workshops)
            check(total[at] == added, f"total {name}: {total[at]} != the sum of the rows {added}")
        check(total[column["Participants"]] == args.participants,
              f"total participants {total[column['Participants']]} != {args.participants}")
        check(total[column["Women"]] == args.women, f"total women {total[column['Women']]} != {args.women}")
        share = total[column["Women's share"]]
        check(abs(share - args.women / args.participants) < 1e-9, f"women's share {share}")
        _, actions = table_rows("Action plans")
        check(total[column["Actions"]] == len(actions),
              f"total actions {total[column['Actions']]} != {len(actions)} rows of Action plans")
        for status in STATUSES:
            rows_with = sum(1 for a in actions if a["Status"] == status)
            check(total[column[status]] == rows_with, f"{status}: {total[column[status]]} != {rows_with}")
        # Each workshop's headcount is its rows of Participants.
        by_workshop = {}
        for p in participants:
            by_workshop[p["Workshop ID"]] = by_workshop.get(p["Workshop ID"], 0) + 1
        for r in workshops:
            wid = r[column["Workshop ID"]]
            check(r[column["Participants"]] == by_workshop.get(wid, 0),
                  f"{r[0]}: {r[column['Participants']]} participants, {by_workshop.get(wid, 0)} rows")

    reached = next((r[1] for r in rows if r[0] == "People reached (each person once)"), None)
    check(reached == args.people, f"people reached on the Summary: {reached} != {args.people}")

    # About this file lists every source file with what became of it.
    about = book[ABOUT]
    outcomes = [r[4] for r in about.iter_rows(values_only=True) if len(r) > 4 and r[4] in
                ("Included", "Dropped (duplicate)", "Skipped")]
    check(outcomes.count("Included") == args.workshops, f"included in About: {outcomes}")
    check(len(outcomes) - args.workshops == args.skipped, f"left out in About: {outcomes}")

    if failures:
        for failure in failures:
            print("FAIL:", failure)
        return 1
    print("openpyxl: all checks hold")
    return 0


if __name__ == "__main__":
    sys.exit(main())
