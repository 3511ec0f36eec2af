"""The oracle of test/workbook/oracle.test.ts: read each workbook named on the command line
with openpyxl (an independent reader) and print one JSON object per file, one per line:

  {"file": …, "ok": true, "date1904": bool,
   "sheets": [{"name", "state", "merges": ["A1:B2", …], "cells": [[row, col, kind, value], …]}]}
  {"file": …, "ok": false, "error": "…"}

A strict-namespace workbook is read with its namespaces mapped to transitional (see transitional).

kind is 's' (text), 'n' (number), 'b' (boolean) or 'e' (error code). Dates, times and
durations become serials of the 1900 date system, as zmqd's grid holds them (a time of day is
its fraction, a duration its days). Formula cells give their cached value (data_only); a formula
without one is no cell, as an empty cell is none.
"""
import datetime
import io
import json
import sys
import zipfile

import openpyxl
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet._reader import WorksheetReader

# openpyxl writes a hyperlink's target into a cell that has no value (a formula without a cached
# result, an empty cell); Excel shows no such text. Leave the cells as the file has them.
WorksheetReader.bind_hyperlinks = lambda self: None


def value_of(cell):
    v = cell.value
    if v is None:
        return None
    if cell.data_type == 'e':
        return ['e', str(v)]
    if isinstance(v, bool):
        return ['b', v]
    if isinstance(v, (int, float)):
        return ['n', float(v)]
    if isinstance(v, datetime.timedelta):
        return ['n', v.total_seconds() / 86400]
    if isinstance(v, (datetime.datetime, datetime.date, datetime.time)):
        return ['n', float(to_excel(v))]
    return ['s', str(v)]


STRICT = [
    (b'http://purl.oclc.org/ooxml/spreadsheetml/main', b'http://schemas.openxmlformats.org/spreadsheetml/2006/main'),
    (b'http://purl.oclc.org/ooxml/officeDocument/relationships', b'http://schemas.openxmlformats.org/officeDocument/2006/relationships'),
]


def transitional(path):
    """openpyxl knows only the transitional namespaces: a strict workbook is given to it with the
    strict URIs replaced by their transitional twins (the markup is otherwise the same)."""
    src = zipfile.ZipFile(path)
    if not any(STRICT[0][0] in src.read(n) for n in src.namelist() if n.endswith('.xml')):
        return path
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w') as dst:
        for n in src.namelist():
            data = src.read(n)
            if n.endswith('.xml') or n.endswith('.rels'):
                for a, b in STRICT:
                    data = data.replace(a, b)
            dst.writestr(n, data)
    out.seek(0)
    return out


def dump(path):
    wb = openpyxl.load_workbook(transitional(path), data_only=True)
    sheets = []
    for ws in wb.worksheets:
        cells = []
        for row in ws.iter_rows():
            for cell in row:
                if cell.__class__.__name__ == 'MergedCell':
                    continue
                v = value_of(cell)
                if v is not None:
                    cells.append([cell.row, cell.column, v[0], v[1]])
        sheets.append({
            'name': ws.title,
            'state': ws.sheet_state,
            'merges': sorted(str(r) for r in ws.merged_cells.ranges),
            'cells': cells,
        })
    return {'ok': True, 'date1904': bool(wb.epoch == openpyxl.utils.datetime.CALENDAR_MAC_1904), 'sheets': sheets}


for path in sys.argv[1:]:
    try:
        out = dump(path)
    except Exception as err:  # the oracle cannot read it: the test says so
        out = {'ok': False, 'error': f'{type(err).__name__}: {err}'}
    out['file'] = path
    print(json.dumps(out, ensure_ascii=False))
