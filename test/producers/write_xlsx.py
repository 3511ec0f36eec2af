"""Write a book spec (test/producers/spec.ts) with a Python producer, as a person's script would.

    python3 write_xlsx.py PRODUCER spec.json out.xlsx
    python3 write_xlsx.py --jobs jobs.json      (a list of [PRODUCER, spec.json, out.xlsx])

PRODUCER:
  openpyxl            Workbook() and ws.cell(...).value = ... (text as str, dates as datetime.date,
                      numbers as int/float, the 合计 row as '=SUM(...)' strings: no cached result)
  openpyxl-edit       load_workbook(SOURCE) and save: a file edited and saved with openpyxl
                      (spec.json is then the source .xlsx itself)
  xlsxwriter          write_string / write_number / write_datetime / write_formula (cached 0)
  pandas-openpyxl     DataFrame.to_excel(engine='openpyxl') for the table, the title lines around it
  pandas-xlsxwriter   the same with engine='xlsxwriter'
"""
import datetime
import json
import sys


def value_of(cell):
    t, v = cell["t"], cell["v"]
    if t == "d":
        return datetime.date.fromisoformat(v)
    if t == "n":
        return int(v) if float(v).is_integer() else float(v)
    if t == "f":
        return "=" + v
    return v


def rc(a1):
    letters = "".join(ch for ch in a1 if ch.isalpha())
    col = 0
    for ch in letters:
        col = col * 26 + ord(ch) - 64
    return int(a1[len(letters):]), col


def merges_of(sheet):
    for m in sheet["merges"]:
        a, b = m.split(":")
        yield rc(a) + rc(b)


def in_table(sheet, r):
    t = sheet["table"]
    return r in t["header"] or t["first"] <= r <= t["last"]


# ------------------------------------------------------------------ openpyxl

def openpyxl_cell(ws, cell):
    c = ws.cell(row=cell["r"], column=cell["c"])
    c.value = value_of(cell)
    if cell.get("fmt"):
        c.number_format = cell["fmt"]
    elif cell["t"] == "d":
        c.number_format = "yyyy-mm-dd"


def write_openpyxl(spec, out):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for sheet in spec["sheets"]:
        ws = wb.create_sheet(sheet["name"])
        for cell in sheet["cells"]:
            openpyxl_cell(ws, cell)
        for r1, c1, r2, c2 in merges_of(sheet):
            ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
    wb.save(out)


def edit_openpyxl(source, out):
    import openpyxl

    wb = openpyxl.load_workbook(source)
    wb.save(out)


# ------------------------------------------------------------------ XlsxWriter

class XwFormats:
    def __init__(self, wb):
        self.wb = wb
        self.cache = {}

    def get(self, fmt):
        if not fmt:
            return None
        if fmt not in self.cache:
            self.cache[fmt] = self.wb.add_format({"num_format": fmt})
        return self.cache[fmt]


def xlsxwriter_cell(ws, formats, cell):
    r, c = cell["r"] - 1, cell["c"] - 1
    t, v = cell["t"], value_of(cell)
    fmt = formats.get(cell.get("fmt") or ("yyyy-mm-dd" if t == "d" else None))
    if t == "d":
        ws.write_datetime(r, c, datetime.datetime.combine(v, datetime.time()), fmt)
    elif t == "n":
        ws.write_number(r, c, v, fmt)
    elif t == "f":
        ws.write_formula(r, c, v, fmt)
    elif t == "b":
        ws.write_boolean(r, c, v, fmt)
    else:
        ws.write_string(r, c, v, fmt)


def xlsxwriter_merges(ws, formats, sheet):
    by_pos = {(x["r"], x["c"]): x for x in sheet["cells"]}
    for r1, c1, r2, c2 in merges_of(sheet):
        first = by_pos.get((r1, c1))
        fmt = formats.get(first.get("fmt")) if first else None
        # merge_range writes the first cell; a plain string keeps its text (no '=' guessing)
        ws.merge_range(r1 - 1, c1 - 1, r2 - 1, c2 - 1, "", fmt)
        if first:
            xlsxwriter_cell(ws, formats, first)


def write_xlsxwriter(spec, out):
    import xlsxwriter

    wb = xlsxwriter.Workbook(out)
    formats = XwFormats(wb)
    for sheet in spec["sheets"]:
        ws = wb.add_worksheet(sheet["name"])
        xlsxwriter_merges(ws, formats, sheet)
        merged_first = {(r1, c1) for r1, c1, _, _ in merges_of(sheet)}
        for cell in sheet["cells"]:
            if (cell["r"], cell["c"]) not in merged_first:
                xlsxwriter_cell(ws, formats, cell)
    wb.close()


# ------------------------------------------------------------------ pandas

def write_pandas(spec, out, engine):
    import pandas as pd

    with pd.ExcelWriter(out, engine=engine, date_format="YYYY-MM-DD", datetime_format="YYYY-MM-DD") as writer:
        for sheet in spec["sheets"]:
            t = sheet["table"]
            by_pos = {(x["r"], x["c"]): x for x in sheet["cells"]}
            ncols = max(x["c"] for x in sheet["cells"] if in_table(sheet, x["r"]))
            rows = [[value_of(by_pos[(r, c)]) if (r, c) in by_pos else None for c in range(1, ncols + 1)] for r in range(t["first"], t["last"] + 1)]
            one_header = len(t["header"]) == 1
            if one_header:
                h = t["header"][0]
                columns = [by_pos[(h, c)]["v"] if (h, c) in by_pos else "" for c in range(1, ncols + 1)]
                df = pd.DataFrame(rows, columns=columns)
                df.to_excel(writer, sheet_name=sheet["name"], startrow=h - 1, index=False)
            else:
                df = pd.DataFrame(rows)
                df.to_excel(writer, sheet_name=sheet["name"], startrow=t["first"] - 1, index=False, header=False)
            ws = writer.sheets[sheet["name"]]
            # the title, 填报单位 line, a two-level header and the notes: written cell by cell
            rest = [x for x in sheet["cells"] if not (t["first"] <= x["r"] <= t["last"]) and not (one_header and x["r"] == t["header"][0])]
            if engine == "openpyxl":
                for cell in rest:
                    openpyxl_cell(ws, cell)
                for r1, c1, r2, c2 in merges_of(sheet):
                    ws.merge_cells(start_row=r1, start_column=c1, end_row=r2, end_column=c2)
            else:
                formats = XwFormats(writer.book)
                merged_first = {(r1, c1) for r1, c1, _, _ in merges_of(sheet) if not in_table(sheet, r1)}
                for r1, c1, r2, c2 in merges_of(sheet):
                    first = by_pos.get((r1, c1))
                    if in_table(sheet, r1) and (one_header or t["first"] <= r1):
                        continue  # pandas wrote the table's cells; XlsxWriter cannot merge over them
                    ws.merge_range(r1 - 1, c1 - 1, r2 - 1, c2 - 1, "", formats.get(first.get("fmt")) if first else None)
                    if first:
                        xlsxwriter_cell(ws, formats, first)
                for cell in rest:
                    if (cell["r"], cell["c"]) not in merged_first:
                        xlsxwriter_cell(ws, formats, cell)


def main():
    if sys.argv[1] == "--jobs":
        # many files in one interpreter: [[producer, spec_or_source, out], ...]
        with open(sys.argv[2], encoding="utf-8") as f:
            for producer, spec_path, out in json.load(f):
                write(producer, spec_path, out)
    else:
        write(*sys.argv[1:4])


def write(producer, spec_path, out):
    if producer == "openpyxl-edit":
        edit_openpyxl(spec_path, out)
        return
    with open(spec_path, encoding="utf-8") as f:
        spec = json.load(f)
    if producer == "openpyxl":
        write_openpyxl(spec, out)
    elif producer == "xlsxwriter":
        write_xlsxwriter(spec, out)
    elif producer in ("pandas-openpyxl", "pandas-xlsxwriter"):
        write_pandas(spec, out, producer.split("-", 1)[1])
    else:
        raise SystemExit("unknown producer " + producer)


if __name__ == "__main__":
    main()
