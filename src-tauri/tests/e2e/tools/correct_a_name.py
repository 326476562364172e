#!/usr/bin/env python3
"""Headquarters corrects a name in a report workbook with a spreadsheet library (openpyxl), as a
person would in a spreadsheet program, and saves it under another name.

    correct_a_name.py IN OUT SUFFIX

The first participant's Name on the "Participants" sheet (the column found by its header) gets
SUFFIX added. Exits 1, saying why, when the sheet or the column is not there.
"""

import sys

import openpyxl


def main():
    source, target, suffix = sys.argv[1:4]
    book = openpyxl.load_workbook(source)
    if "Participants" not in book.sheetnames:
        sys.exit(f"{source} has no Participants sheet")
    sheet = book["Participants"]
    columns = {cell.value: cell.column for cell in sheet[1]}
    if "Name" not in columns:
        sys.exit(f"{source}: no Name column on Participants")
    cell = sheet.cell(row=2, column=columns["Name"])
    cell.value = f"{cell.value}{suffix}"
    book.save(target)


if __name__ == "__main__":
    main()
