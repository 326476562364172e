#!/usr/bin/env python3
"""An independent reader of Workshop Desk's report workbook (openpyxl, not the Rust crates
that wrote it). Checks that the file opens, that its sheets are Excel tables with their
headers, that the Summary shows the expected headline numbers, and that no cell outside the
Summary holds a formula.

    check_export.py FILE --headline TEXT --participants N --women N --countries N

Exits 0 when every check holds; otherwise prints what failed and exits 1.
"""

import argparse
import sys

import openpyxl

SUMMARY = "Summary"
ABOUT = "About this file"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("file")
    parser.add_argument("--headline", required=True)
    parser.add_argument("--participants", type=int, required=True)
    parser.add_argument("--women", type=int, required=True)
    parser.add_argument("--countries", type=int, required=True)
    args = parser.parse_args()

    failures = []

    def check(condition, message):
        if not condition:
            failures.append(message)

    # Formulas as written (not their values).
    book = openpyxl.load_workbook(args.file, data_only=False)
    # The cached values the writer stored with each formula.
    values = openpyxl.load_workbook(args.file, data_only=True)

    check(book.sheetnames[0] == SUMMARY, f"the first sheet is {book.sheetnames[0]!r}")
    check(book.sheetnames[-1] == ABOUT, f"the last sheet is {book.sheetnames[-1]!r}")
    check(book[ABOUT].protection.sheet, "About this file is protected")

    formulas_outside = []
    for sheet in book.worksheets:
        if sheet.title in (SUMMARY, ABOUT):
            continue
        check(len(sheet.tables) == 1, f"{sheet.title} holds one Excel table")
        check(sheet.freeze_panes is not None, f"{sheet.title} has a frozen header")
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f" or (
                    isinstance(cell.value, str) and cell.data_type != "s" and cell.value.startswith("=")
                ):
                    formulas_outside.append(f"{sheet.title}!{cell.coordinate}")
    for sheet in (book[ABOUT],):
        for row in sheet.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    formulas_outside.append(f"{sheet.title}!{cell.coordinate}")
    check(not formulas_outside, f"formulas outside the Summary: {formulas_outside[:10]}")

    summary = values[SUMMARY]
    cells = {}
    for row in summary.iter_rows():
        label = row[0].value
        if isinstance(label, str):
            cells.setdefault(label, [c.value for c in row[1:]])
    texts = [row[0].value for row in summary.iter_rows(max_row=12)]
    check(args.headline in texts, f"the headline {args.headline!r} is not among {texts}")

    def number_after(section, label, column=0):
        """The value in `column` of the row labelled `label` below the heading `section`."""
        found = False
        for row in summary.iter_rows():
            first = row[0].value
            if first == section:
                found = True
            elif found and first == label:
                return row[1 + column].value
        return None

    check(
        number_after("Participants by sex", "Total") == args.participants,
        f"participants: {number_after('Participants by sex', 'Total')} != {args.participants}",
    )
    check(
        number_after("Participants by sex", "Women") == args.women,
        f"women: {number_after('Participants by sex', 'Women')} != {args.women}",
    )
    countries = 0
    found = False
    for row in summary.iter_rows():
        first = row[0].value
        if first == "Participants by country and sex":
            found = True
            continue
        if found and first == "Total":
            break
        if found and isinstance(row[1].value, (int, float)) and first not in ("No country given",):
            countries += 1
    check(countries == args.countries, f"countries: {countries} != {args.countries}")

    # The data sheets agree with the Summary.
    participants = values["Participants"]
    rows = participants.max_row - 1
    check(rows == args.participants, f"Participants has {rows} rows, not {args.participants}")
    header = [c.value for c in participants[1]]
    sex = header.index("Sex")
    women = sum(1 for row in participants.iter_rows(min_row=2) if row[sex].value == "Woman")
    check(women == args.women, f"women in Participants: {women} != {args.women}")
    updated = header.index("Updated at (UTC)")
    first_updated = participants.cell(row=2, column=updated + 1)
    check(
        first_updated.is_date and "ss.000" in first_updated.number_format,
        f"Updated at is a date-time with milliseconds: {first_updated.value!r} "
        f"({first_updated.number_format})",
    )

    if failures:
        for failure in failures:
            print("FAIL:", failure)
        return 1
    print("openpyxl: all checks hold")
    return 0


if __name__ == "__main__":
    sys.exit(main())
