#!/usr/bin/env python3
"""Headquarters corrects a Workshop Desk report workbook by hand, with another program's
library (openpyxl) rather than the Rust crates that wrote it, and saves it as a spreadsheet
program would. Every column is found by its header on row 1, as a person finds it.

    edit_by_hand.py IN OUT --rename OLD NEW --add NAME COUNTRY_CODE --shoe-size N --done ACTION

- Participants: the row whose Name is OLD gets the Name NEW, and a value N in a new column
  "Shoe size" (the Excel table is widened to take it, as Excel does when one types beside it);
  a new row below the last, without an ID: Name NAME, Sex "Woman", Country code COUNTRY_CODE,
  Role "Participant", Registered by "Facilitator" (the table grows by a row).
- Action plans: the row whose Action is ACTION gets the Status "Done".

Exits 0 once OUT is saved; exits 1, saying why, when a sheet, column or row is not found.
"""

import argparse
import sys

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import TableColumn

PARTICIPANTS = "Participants"
ACTIONS = "Action plans"


class NotFound(Exception):
    pass


def headers(sheet):
    """Header text -> column number (from 1), from row 1."""
    found = {}
    for cell in sheet[1]:
        if isinstance(cell.value, str) and cell.value not in found:
            found[cell.value] = cell.column
    return found


def column(sheet, header):
    found = headers(sheet)
    if header not in found:
        raise NotFound(f"{sheet.title} has no column {header!r}: {sorted(found)}")
    return found[header]


def last_table_row(sheet):
    """The last row of the sheet's data: the rows below the header up to the first empty one."""
    row = 1
    while any(c.value not in (None, "") for c in sheet[row + 1]):
        row += 1
    return row


def find_row(sheet, header, value):
    col = column(sheet, header)
    for row in range(2, last_table_row(sheet) + 1):
        if sheet.cell(row=row, column=col).value == value:
            return row
    raise NotFound(f"{sheet.title} has no row whose {header} is {value!r}")


def the_table(sheet):
    tables = list(sheet.tables.values())
    if len(tables) != 1:
        raise NotFound(f"{sheet.title} holds {len(tables)} Excel tables, not one")
    return tables[0]


def resize(table, last_column, last_row):
    """The table (and its filter) over A1 to the given column and row, as Excel grows it."""
    ref = f"A1:{get_column_letter(last_column)}{last_row}"
    table.ref = ref
    if table.autoFilter is not None:
        table.autoFilter.ref = ref


def edit(args):
    book = openpyxl.load_workbook(args.input)
    for name in (PARTICIPANTS, ACTIONS):
        if name not in book.sheetnames:
            raise NotFound(f"no sheet {name!r}: {book.sheetnames}")

    people = book[PARTICIPANTS]
    table = the_table(people)
    renamed = find_row(people, "Name", args.rename[0])
    people.cell(row=renamed, column=column(people, "Name"), value=args.rename[1])

    # A new column just right of the table, with a value on the corrected row.
    width = max(headers(people).values())
    shoe = width + 1
    people.cell(row=1, column=shoe, value="Shoe size")
    people.cell(row=renamed, column=shoe, value=args.shoe_size)
    table.tableColumns.append(TableColumn(id=len(table.tableColumns) + 1, name="Shoe size"))

    # A new person typed on the row below the last, without an ID or any time.
    added = last_table_row(people) + 1
    for header, value in (
        ("Name", args.add[0]),
        ("Sex", "Woman"),
        ("Country code", args.add[1]),
        ("Role", "Participant"),
        ("Registered by", "Facilitator"),
    ):
        people.cell(row=added, column=column(people, header), value=value)
    resize(table, shoe, added)

    actions = book[ACTIONS]
    row = find_row(actions, "Action", args.done)
    actions.cell(row=row, column=column(actions, "Status"), value="Done")

    book.save(args.output)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("input")
    parser.add_argument("output")
    parser.add_argument("--rename", nargs=2, metavar=("OLD", "NEW"), required=True)
    parser.add_argument("--add", nargs=2, metavar=("NAME", "COUNTRY_CODE"), required=True)
    parser.add_argument("--shoe-size", type=int, required=True)
    parser.add_argument("--done", metavar="ACTION", required=True)
    args = parser.parse_args()
    try:
        edit(args)
    except NotFound as error:
        print(f"edit_by_hand.py: {error}", file=sys.stderr)
        return 1
    print(f"edit_by_hand.py: saved {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
