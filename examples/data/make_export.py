#!/usr/bin/env python3
"""Writes `jilin-export-gb18030.csv`, a synthetic export as a provincial training system saves it
on a Chinese Windows machine, from `jilin-records.csv` (written by
`skillplan sample-records --rows 400 --seed 7`):

- GB18030 text with CRLF line ends;
- the Chinese headers of the plan's `[[records.headers]]` (培训记录编号, 人员标识, 行政区划代码,
  培训类型, 是否补贴, 人员类别, 开班日期, …) and an extra 备注 column that is not read;
- terms by their Chinese names (就业技能培训, 农民工、脱贫劳动力, 三级/高级工 → 高级工), 是/否 flags;
- dates written 2023/6/20, 20230620 or 2023年6月20日 in turn, some with a time of day;
- regions as names (长春市) or GB/T 2260 codes in turn.

It also writes `jilin-export.xlsx`, the same rows as an Excel workbook of typed cells: dates as
date cells, 是否补贴 as booleans, codes as numbers.

Counting any of the three files gives the same tally; every host's example test checks that.
Run: python3 examples/data/make_export.py (it rewrites both exports; the outputs are committed);
`--check` fails if they would change.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "scripts"))
from xlsx_writer import write_xlsx  # noqa: E402
PLAN = json.loads((HERE.parents[1] / "core" / "plans" / "jilin-2022-2025.json").read_text(encoding="utf-8"))

HEADERS = {
    "record_id": "培训记录编号",
    "person_key": "人员标识",
    "region": "行政区划代码",
    "training_type": "培训类型",
    "subsidised": "是否补贴",
    "groups": "人员类别",
    "start_date": "开班日期",
    "end_date": "结班日期",
    "completion_date": "结业日期",
    "certificate_kind": "证书类型",
    "certificate_level": "证书等级",
    "certificate_date": "发证日期",
}


def names(vocabulary: str) -> dict[str, str]:
    return {t["id"]: t["name"]["zh"] for t in PLAN["records"][vocabulary]}


def export_csv(rows: list[dict[str, str]]) -> str:
    """The rows of a sample CSV (as `csv.DictReader` reads them) as the export's text."""
    training = names("training_types")
    groups = names("groups")
    kinds = names("certificate_kinds")
    levels = {l["id"]: l["name"]["zh"].split("/")[-1] for l in PLAN["skill_levels"]}
    regions = {r["code"]: r["name"]["zh"] for r in PLAN["regions"] if r.get("code")}

    def date(text: str, i: int) -> str:
        if not text:
            return ""
        y, m, d = (int(x) for x in text.split("-"))
        form = i % 4
        if form == 0:
            return f"{y}/{m}/{d}"
        if form == 1:
            return f"{y:04}{m:02}{d:02}"
        if form == 2:
            return f"{y}年{m}月{d}日"
        return f"{y}/{m}/{d} 0:00"

    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([HEADERS[c] for c in HEADERS] + ["备注"])
    for i, row in enumerate(rows):
        cells = []
        for column in HEADERS:
            v = row[column]
            if column == "region":
                v = regions.get(v, v) if i % 2 else v
            elif column == "training_type":
                v = training[v]
            elif column == "subsidised":
                v = "是" if v == "true" else "否"
            elif column == "groups":
                v = "、".join(groups[g] for g in v.split(";") if g)
            elif column.endswith("_date"):
                v = date(v, i)
            elif column == "certificate_kind" and v:
                v = kinds[v]
            elif column == "certificate_level" and v:
                v = levels[v]
            cells.append(v)
        cells.append("已核验" if i % 3 == 0 else "")
        writer.writerow(cells)
    return out.getvalue()


def workbook_rows(rows: list[dict[str, str]]) -> list[list[object]]:
    """The rows as typed workbook cells, with the Chinese header row first."""
    training = names("training_types")
    groups = names("groups")
    regions = {r["code"]: r["name"]["zh"] for r in PLAN["regions"] if r.get("code")}
    sheet: list[list[object]] = [[HEADERS[c] for c in HEADERS]]
    for row in rows:
        cells: list[object] = []
        for column in HEADERS:
            v = row[column]
            if column.endswith("_date"):
                cells.append(dt.date.fromisoformat(v) if v else None)
            elif column == "subsidised":
                cells.append(v == "true")
            elif column == "region":
                cells.append(int(v) if v.isdigit() else regions.get(v, v))
            elif column == "training_type":
                cells.append(training[v])
            elif column == "groups":
                cells.append("、".join(groups[g] for g in v.split(";") if g))
            else:
                cells.append(v)
        sheet.append(cells)
    return sheet


def main() -> int:
    rows = list(csv.DictReader((HERE / "jilin-records.csv").open(encoding="utf-8", newline="")))
    export = HERE / "jilin-export-gb18030.csv"
    workbook = HERE / "jilin-export.xlsx"
    if "--check" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / "export.xlsx"
            write_xlsx(fresh, workbook_rows(rows), sheet="培训记录")
            if export.read_bytes() != export_csv(rows).encode("gb18030") or workbook.read_bytes() != fresh.read_bytes():
                print("the exports in examples/data are not what make_export.py writes", file=sys.stderr)
                return 1
        return 0
    export.write_bytes(export_csv(rows).encode("gb18030"))
    write_xlsx(workbook, workbook_rows(rows), sheet="培训记录")
    return 0


if __name__ == "__main__":
    sys.exit(main())
