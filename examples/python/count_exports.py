"""Counting exports as provincial training systems write them: a GB18030 CSV with Chinese
headers, slash and compact dates and 、-separated groups, and the same rows as an Excel
workbook, give the tally of the UTF-8 sample they were made from. Then an export's 身份证号
column is turned into hashed person keys before anything is counted.

    python examples/python/count_exports.py
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import skillplan

DATA = Path(__file__).resolve().parents[1] / "data"

plan = skillplan.default_plan()
source = plan.count_records(DATA / "jilin-records.csv").summary()
export = plan.count_records(DATA / "jilin-export-gb18030.csv").summary()  # encoding="auto" by default
workbook = plan.count_records(DATA / "jilin-export.xlsx").summary()

same = all(export[k] == source[k] == workbook[k] for k in ("totals", "cells", "rows_read", "rows_counted"))
print(f"read {export['rows_read']}, counted {export['rows_counted']}, rejected {export['rows_rejected']}")
print(f"the GB18030 export and the workbook count as the UTF-8 sample: {same}")
print(f"columns not read: {export['ignored_columns']}")

# Headers no alias covers are named with a column mapping.
with tempfile.TemporaryDirectory() as tmp:
    odd = Path(tmp) / "odd-headers.csv"
    odd.write_text(
        "编号,人员标识,所在地区,项目类别,是否补贴,开班日期,结业日期\n"
        "r1,k1,长春市,就业技能培训,是,2023/5/1,2023/5/31\n",
        encoding="gb18030",
    )
    mapped = plan.count_records(odd, columns={"编号": "record_id", "所在地区": "region", "项目类别": "training_type"})
    print(f"mapped headers: {mapped.totals()['subsidized-training']} subsidised training counted")

    # The salt is a secret kept out of the code: here an environment variable, with a demo default.
    salt = os.environ.get("SKILLPLAN_SALT", "demo-salt-not-for-real-use").encode()
    ids = Path(tmp) / "with-ids.csv"
    ids.write_text(
        "培训记录编号,身份证号,地区,培训类型,是否补贴,开班日期,结业日期\n"
        "r1,11010519491231002X,长春市,就业技能培训,是,2023/5/1,2023/5/31\n"
        "r2,110105194912310021,长春市,就业技能培训,是,2023/5/1,2023/5/31\n",
        encoding="gb18030",
    )
    hashed = Path(tmp) / "hashed.csv"
    summary = plan.hash_keys(ids, hashed, salt=salt)
    print(f"hash-keys: {summary['rows_written']} written, {summary['rows_rejected']} left out "
          f"(row {summary['rejections'][0]['row']}: {summary['rejections'][0]['code']})")
    counted = plan.count_records(hashed)
    print(f"hashed file: read {counted.rows_read}, counted {counted.rows_counted}")
    key = skillplan.person_key("11010519491231002X", salt=salt)
    print(f"one key: {len(key)} hex digits, the same in the file: {key in hashed.read_text(encoding='utf-8')}")
