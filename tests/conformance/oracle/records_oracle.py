"""The records corpus: hand-worked cases and an independent oracle for the sample files.

The hand-worked cases below say, record by record, what the plan's six counting rules (the
`[indicators.counting]` tables of core/plans/jilin-2022-2025.toml) give. The file cases count
the synthetic sample files in tests/conformance/records/ with a re-implementation of those rules
in plain Python (csv, json, datetime), written from the rules' text, not from the Rust code.
Together they make tests/conformance/records.json, which the Rust, Python, Node and Kotlin
suites run through their bindings.

    python tests/conformance/oracle/records_oracle.py          # rewrite records.json
    python tests/conformance/oracle/records_oracle.py --check  # fail if it would change
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Optional

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent
OUT = CORPUS / "records.json"

PERIOD = (dt.date(2022, 1, 1), dt.date(2025, 12, 31))
PREFECTURES = {
    "220000": "jilin", "220100": "changchun", "220200": "jilin-city", "220300": "siping", "220400": "liaoyuan",
    "220500": "tonghua", "220600": "baishan", "220700": "songyuan", "220800": "baicheng", "222400": "yanbian",
}
PARENT = {r: "jilin" for r in PREFECTURES.values() if r != "jilin"}
PARENT.update({"changbaishan": "jilin", "changchun-new-area": "changchun"})
LEVEL_ORDINAL = {"junior": 2, "intermediate": 3, "senior": 4, "technician": 5, "senior-technician": 6}
COUNTED_CERTIFICATES = {"vocational_qualification", "skill_level_certificate"}
INDICATORS = ["subsidized-training", "migrant-worker-training", "enterprise-apprenticeship",
              "new-certificates", "new-high-skill-certificates", "training-bases"]


def region_of(text: str) -> str:
    if text.isdigit() and len(text) == 6:
        return PREFECTURES.get(text) or PREFECTURES[text[:4] + "00"]
    return text


def ancestors(region: str) -> list[str]:
    out = [region]
    while region in PARENT:
        region = PARENT[region]
        out.append(region)
    return out


def date(text: Optional[str]) -> Optional[dt.date]:
    return dt.date.fromisoformat(text) if text else None


def rules(row: dict[str, Any]) -> list[tuple[str, Optional[dt.date]]]:
    """(indicator, the date it counts by) for every rule the row meets."""
    if row.get("base_id"):
        return [("training-bases", date(row["designated_date"]))]
    out: list[tuple[str, Optional[dt.date]]] = []
    subsidised = str(row["subsidised"]).lower() == "true"
    groups = set(row["groups"].split(";")) if isinstance(row.get("groups"), str) else set(row.get("groups") or [])
    done = date(row.get("completion_date"))
    if subsidised:
        out.append(("subsidized-training", done))
        if groups & {"migrant_worker", "returning_migrant_worker"}:
            out.append(("migrant-worker-training", done))
        if row["training_type"] == "apprenticeship":
            out.append(("enterprise-apprenticeship", done))
    if row.get("certificate_kind") in COUNTED_CERTIFICATES:
        issued = date(row["certificate_date"])
        out.append(("new-certificates", issued))
        if LEVEL_ORDINAL.get(row.get("certificate_level") or "", 0) >= LEVEL_ORDINAL["senior"]:
            out.append(("new-high-skill-certificates", issued))
    return out


def oracle(rows: list[dict[str, Any]]) -> dict[str, Any]:
    totals: Counter[str] = Counter()
    region_totals: dict[str, Counter[str]] = defaultdict(Counter)
    cells: Counter[str] = Counter()
    stats = {i: Counter() for i in INDICATORS}
    counted_rows = 0
    for row in rows:
        counted = False
        region = region_of(row["region"])
        for indicator, when in rules(row):
            s = stats[indicator]
            s["matched"] += 1
            if when is None:
                s["undated"] += 1
            elif when < PERIOD[0]:
                s["before_period"] += 1
            elif when > PERIOD[1]:
                s["after_period"] += 1
            else:
                s["counted"] += 1
                counted = True
                totals[indicator] += 1
                for r in ancestors(region):
                    region_totals[r][indicator] += 1
                cells[f"{indicator}/{region}/{when:%Y-%m}"] += 1
        counted_rows += counted
    return {
        "rows_read": len(rows),
        "rows_counted": counted_rows,
        "rows_rejected": 0,
        "totals": {i: totals[i] for i in INDICATORS},
        "region_totals": {r: {i: c[i] for i in INDICATORS} for r, c in sorted(region_totals.items())},
        "indicators": {i: {k: stats[i][k] for k in ("matched", "counted", "undated", "before_period", "after_period")} for i in INDICATORS},
        "cells": dict(sorted(cells.items())),
    }


def read_csv(name: str) -> list[dict[str, Any]]:
    with open(CORPUS / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def read_jsonl(name: str) -> list[dict[str, Any]]:
    with open(CORPUS / name, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


# --- hand-worked cases ---------------------------------------------------------------------

def training(**fields: Any) -> dict[str, Any]:
    """A valid subsidised employment training in 长春, completed 2023-05-31, with `fields` over it."""
    row: dict[str, Any] = {
        "record_id": "r1", "person_key": "5e884898da28047151d0e56f8dc62927", "region": "220100",
        "training_type": "employment_skills", "subsidised": "true", "start_date": "2023-05-01",
        "end_date": "2023-05-31", "completion_date": "2023-05-31",
    }
    row.update(fields)
    return {k: v for k, v in row.items() if v is not None}


def base(**fields: Any) -> dict[str, Any]:
    row: dict[str, Any] = {"base_id": "b1", "base_kind": "public_training_base", "region": "220200", "designated_date": "2023-09-15"}
    row.update(fields)
    return {k: v for k, v in row.items() if v is not None}


def zeros(**counts: int) -> dict[str, int]:
    return {i: counts.get(i.replace("-", "_"), 0) for i in INDICATORS}


def case(name: str, records: list[Any], expect: dict[str, Any], **args: Any) -> dict[str, Any]:
    return {"name": name, "call": "count_records", "args": {"records": records, **args}, "expect": expect}


def rejected(name: str, record: Any, field: str, code: str) -> dict[str, Any]:
    return case(f"bad record: {name}", [record], {
        "rows_read": 1, "rows_counted": 0, "rows_rejected": 1,
        "rejections": [{"row": 1, "field": field, "code": code}],
    })


SUBSIDISED = zeros(subsidized_training=1)
ID_NUMBER = "11010519491231002X"  # the published GB 11643 sample (domain-facts §7)

GOOD = [
    case("a subsidised training completed in the period counts toward row 1 only", [training()],
         {"rows_read": 1, "rows_counted": 1, "rows_rejected": 0, "totals": SUBSIDISED,
          "cells": {"subsidized-training/changchun/2023-05": 1}}),
    case("a migrant worker's subsidised training counts toward rows 1 and 2", [training(groups=["migrant_worker"])],
         {"totals": zeros(subsidized_training=1, migrant_worker_training=1)}),
    case("a returning migrant worker is a migrant worker (row 2)", [training(groups="返乡农民工")],
         {"totals": zeros(subsidized_training=1, migrant_worker_training=1)}),
    case("an unsubsidised training counts toward no training row", [training(subsidised="false", groups=["migrant_worker"])],
         {"rows_read": 1, "rows_counted": 0, "totals": zeros(),
          "indicators": {"subsidized-training": {"matched": 0}}}),
    case("a subsidised apprenticeship counts toward rows 1 and 3", [training(training_type="apprenticeship")],
         {"totals": zeros(subsidized_training=1, enterprise_apprenticeship=1)}),
    case("Chinese names and 是 are read like ids and true",
         [training(training_type="企业新型学徒制", subsidised="是", groups="农民工;脱贫劳动力")],
         {"totals": zeros(subsidized_training=1, migrant_worker_training=1, enterprise_apprenticeship=1)}),
    case("booleans and integer codes are accepted from JSON", [training(subsidised=True, region=220100)],
         {"totals": SUBSIDISED, "region_totals": {"changchun": SUBSIDISED}}),
    case("a training not completed is undated, not counted", [training(completion_date=None)],
         {"rows_counted": 0, "totals": zeros(),
          "indicators": {"subsidized-training": {"matched": 1, "counted": 0, "undated": 1}}}),
    case("completed on the plan's first day counts, in January 2022",
         [training(start_date="2021-12-01", end_date="2022-01-01", completion_date="2022-01-01")],
         {"totals": SUBSIDISED, "cells": {"subsidized-training/changchun/2022-01": 1}}),
    case("completed the day before the plan starts is before the period",
         [training(start_date="2021-12-01", end_date="2021-12-31", completion_date="2021-12-31")],
         {"totals": zeros(), "indicators": {"subsidized-training": {"matched": 1, "before_period": 1}}}),
    case("completed on the plan's last day counts, in December 2025",
         [training(start_date="2025-12-01", end_date="2025-12-31", completion_date="2025-12-31")],
         {"totals": SUBSIDISED, "cells": {"subsidized-training/changchun/2025-12": 1}}),
    case("completed after the plan ends is after the period",
         [training(start_date="2025-12-01", end_date="2026-01-01", completion_date="2026-01-01")],
         {"totals": zeros(), "indicators": {"subsidized-training": {"after_period": 1}}}),
    case("a senior skill-level certificate counts toward rows 4 and 5 in the month issued",
         [training(subsidised="false", certificate_kind="skill_level_certificate", certificate_level="senior", certificate_date="2023-07-10")],
         {"totals": zeros(new_certificates=1, new_high_skill_certificates=1),
          "cells": {"new-certificates/changchun/2023-07": 1, "new-high-skill-certificates/changchun/2023-07": 1}}),
    case("an intermediate certificate counts toward row 4 only",
         [training(subsidised="false", certificate_kind="vocational_qualification", certificate_level="intermediate", certificate_date="2023-07-10")],
         {"totals": zeros(new_certificates=1)}),
    case("a certificate without a level counts toward row 4 only",
         [training(subsidised="false", certificate_kind="skill_level_certificate", certificate_date="2023-07-10")],
         {"totals": zeros(new_certificates=1)}),
    case("a special ability certificate is not a qualification or level certificate",
         [training(subsidised="false", certificate_kind="special_ability", certificate_date="2023-07-10")],
         {"rows_counted": 0, "totals": zeros()}),
    case("levels by national number, 三级 and 高级工 are the same level",
         [training(record_id=f"r{i}", subsidised="false", certificate_kind="职业技能等级证书", certificate_level=level, certificate_date="2024-01-05")
          for i, level in enumerate(["3", "三级", "高级工", "技师", "2", "四级"])],
         {"totals": zeros(new_certificates=6, new_high_skill_certificates=5)}),
    case("a subsidised training with a certificate counts toward rows 1, 4 and 5",
         [training(certificate_kind="skill_level_certificate", certificate_level="technician", certificate_date="2023-06-20")],
         {"rows_counted": 1, "totals": zeros(subsidized_training=1, new_certificates=1, new_high_skill_certificates=1)}),
    case("a county code counts toward its prefecture", [training(region="220102"), training(record_id="r2", region="222401")],
         {"region_totals": {"changchun": SUBSIDISED, "yanbian": SUBSIDISED, "jilin": zeros(subsidized_training=2)}}),
    case("长春新区 has no code: named by id, it counts toward 长春 too",
         [training(region="changchun-new-area"), training(record_id="r2", region="长白山管委会")],
         {"region_totals": {"changchun-new-area": SUBSIDISED, "changchun": SUBSIDISED, "changbaishan": SUBSIDISED},
          "cells": {"subsidized-training/changchun-new-area/2023-05": 1, "subsidized-training/changbaishan/2023-05": 1}}),
    case("a record with only the province's code counts toward the whole area",
         [training(region="220000")], {"totals": SUBSIDISED, "region_totals": {"jilin": SUBSIDISED}}),
    case("a training base counts toward row 6 in the month designated", [base(), base(base_id="b2", base_kind="职业技能竞赛集训基地")],
         {"rows_counted": 2, "totals": zeros(training_bases=2), "cells": {"training-bases/jilin-city/2023-09": 2}}),
    case("a base designated before the period is not counted", [base(designated_date="2021-06-30")],
         {"totals": zeros(), "indicators": {"training-bases": {"matched": 1, "before_period": 1}}}),
    case("fields the format does not have are listed, not read", [training(note="x", batch=3)],
         {"totals": SUBSIDISED, "ignored_columns": ["batch", "note"]}),
    case("bad records are skipped and counted; good ones still count",
         [training(), training(record_id="r2", region="110000"), training(record_id="r3", start_date="2023-13-01")],
         {"rows_read": 3, "rows_counted": 1, "rows_rejected": 2, "totals": SUBSIDISED,
          "rejections": [{"row": 2, "field": "region", "code": "unknown_region"},
                         {"row": 3, "field": "start_date", "code": "invalid_date"}]}),
    case("an empty list is an empty tally", [], {"rows_read": 0, "rows_counted": 0, "totals": zeros(), "region_totals": {}}),
    # The date forms of real exports (README, "Real exports"): each is 1 May 2023.
    *[case(f"a start date written {text} is read as 2023-05-01", [training(start_date=text)],
           {"rows_counted": 1, "totals": SUBSIDISED, "indicators": {"subsidized-training": {"counted": 1}}})
      for text in ["2023/05/01", "2023/5/1", "2023.5.1", "20230501", "2023年5月1日", "2023/5/1 0:00", "2023-05-01T08:30"]],
    case("a completion date written 2023/5/31 places the record in May 2023", [training(completion_date="2023/5/31")],
         {"cells": {"subsidized-training/changchun/2023-05": 1}}),
    case("groups separated by 、 and ；, a 是 flag, full-width digits in a date and a code",
         [training(groups="农民工、脱贫劳动力；退役军人", subsidised="是", completion_date="２０２３/５/３１", region="２２０１００")],
         {"totals": zeros(subsidized_training=1, migrant_worker_training=1),
          "cells": {"subsidized-training/changchun/2023-05": 1, "migrant-worker-training/changchun/2023-05": 1}}),
    case("flags written Y, N, YES and 否", [training(subsidised="Y"), training(record_id="r2", subsidised="否"),
                                         training(record_id="r3", subsidised="YES")],
         {"rows_counted": 2, "totals": zeros(subsidized_training=2)}),
]

BAD = [
    rejected("record_id missing", training(record_id=None), "record_id", "missing_field"),
    rejected("person_key missing", training(person_key=None), "person_key", "missing_field"),
    rejected("person_key empty", training(person_key="  "), "person_key", "missing_field"),
    rejected("person_key is a valid ID number", training(person_key=ID_NUMBER), "person_key", "person_key_is_id_number"),
    rejected("person_key is an ID number with a wrong check digit", training(person_key="110105194912310021"), "person_key", "person_key_is_id_number"),
    rejected("person_key is an old 15-digit ID number", training(person_key="110105491231002"), "person_key", "person_key_is_id_number"),
    rejected("record_id longer than 128 bytes", training(record_id="x" * 129), "record_id", "too_long"),
    rejected("region missing", training(region=None), "region", "missing_field"),
    rejected("region code of another province", training(region="110000"), "region", "unknown_region"),
    rejected("region code with an unknown prefecture", training(region="229900"), "region", "unknown_region"),
    rejected("region name unknown", training(region="atlantis"), "region", "unknown_region"),
    rejected("training type unknown", training(training_type="juggling"), "training_type", "unknown_training_type"),
    rejected("training type missing", training(training_type=None), "training_type", "missing_field"),
    rejected("subsidised not a flag", training(subsidised="maybe"), "subsidised", "invalid_flag"),
    rejected("subsidised missing", training(subsidised=None), "subsidised", "missing_field"),
    rejected("group unknown", training(groups=["migrant_worker", "astronaut"]), "groups", "unknown_group"),
    rejected("start date with the day first (3/1/2023 is 1 March or 3 January)", training(start_date="01/05/2023"), "start_date", "ambiguous_date"),
    rejected("start date with a two-digit year last", training(start_date="1/5/23"), "start_date", "ambiguous_date"),
    rejected("start date with unpadded dashes (ISO pads them)", training(start_date="2023-5-1"), "start_date", "invalid_date"),
    rejected("start date in compact form with month 13", training(start_date="20231301"), "start_date", "invalid_date"),
    rejected("start date 年月 without 日", training(start_date="2023年5月1"), "start_date", "invalid_date"),
    rejected("start date given as a number (a date is text in JSON)", training(start_date=20230501), "start_date", "wrong_type"),
    rejected("start date that does not exist", training(start_date="2023-02-29"), "start_date", "invalid_date"),
    rejected("start date missing", training(start_date=None), "start_date", "missing_field"),
    rejected("start date before 1950", training(start_date="1900-01-01"), "start_date", "date_out_of_range"),
    rejected("completion date after 2100", training(completion_date="2101-01-01"), "completion_date", "date_out_of_range"),
    rejected("completion before start", training(completion_date="2023-04-30"), "completion_date", "date_order"),
    rejected("end before start", training(end_date="2023-04-01"), "end_date", "date_order"),
    rejected("certificate kind unknown", training(certificate_kind="diploma", certificate_date="2023-06-01"), "certificate_kind", "unknown_certificate_kind"),
    rejected("certificate kind without a date", training(certificate_kind="skill_level_certificate"), "certificate_date", "missing_field"),
    rejected("certificate level without a kind", training(certificate_level="senior"), "certificate_kind", "missing_field"),
    rejected("certificate level unknown", training(certificate_kind="skill_level_certificate", certificate_level="level 9", certificate_date="2023-06-01"), "certificate_level", "unknown_level"),
    rejected("certificate issued before the training started", training(certificate_kind="skill_level_certificate", certificate_date="2023-01-01"), "certificate_date", "date_order"),
    rejected("base kind unknown", base(base_kind="gym"), "base_kind", "unknown_base_kind"),
    rejected("base without a designated date", base(designated_date=None), "designated_date", "missing_field"),
    rejected("a float where a flag is expected", training(subsidised=0.5), "subsidised", "wrong_type"),
    rejected("a float where a date is expected", training(start_date=2023.5), "start_date", "wrong_type"),
    rejected("a list where a region is expected", training(region=["220100"]), "region", "wrong_type"),
    rejected("a number among the groups", training(groups=["migrant_worker", 3]), "groups", "wrong_type"),
    rejected("a record that is not an object", "r1,220100", "record", "wrong_type"),
]

ERRORS = [
    {"name": "strict mode fails on the first bad record, with its row and field",
     "call": "count_records", "args": {"records": [training(), training(record_id="r2", region="atlantis")], "strict": True},
     "expect_error": {"code": "INVALID_RECORD", "path": "rows[2].region", "reason": "unknown_region"}},
    {"name": "strict mode never repeats the person key",
     "call": "count_records", "args": {"records": [training(person_key=ID_NUMBER)], "strict": True},
     "expect_error": {"code": "INVALID_RECORD", "path": "rows[1].person_key", "reason": "person_key_is_id_number"}},
    {"name": "one more bad record than allowed fails the call",
     "call": "count_records", "args": {"records": [training(region="x"), training(region="y"), training()], "max_rejected": 1},
     "expect_error": {"code": "TOO_MANY_INVALID_RECORDS", "path": "rows[2].region", "reason": "unknown_region"}},
    {"name": "a CSV without a required column cannot be read",
     "call": "count_file", "args": {"file": "records/bad/missing-column.csv"},
     "expect_error": {"code": "INVALID_RECORD_SOURCE", "path": "start_date", "reason": "missing_column"}},
    {"name": "a CSV that names a column twice cannot be read: the second header's position",
     "call": "count_file", "args": {"file": "records/bad/duplicate-column.csv"},
     "expect_error": {"code": "INVALID_RECORD_SOURCE", "path": "header[6]", "reason": "duplicate_column"}},
    {"name": "an alias and a name of one field (培训类型, training_type) are a duplicate",
     "call": "count_file", "args": {"file": "records/bad/alias-and-name.csv"},
     "expect_error": {"code": "INVALID_RECORD_SOURCE", "path": "header[6]", "reason": "duplicate_column"}},
    {"name": "headers no alias covers and no mapping names: there is no record_id column",
     "call": "count_file", "args": {"file": "records/exports/mapped-headers.csv"},
     "expect_error": {"code": "INVALID_RECORD_SOURCE", "path": "record_id", "reason": "missing_column"}},
    {"name": "a column mapping to a field the format does not have, at the header's position",
     "call": "count_file", "args": {"file": "records/exports/mapped-headers.csv", "columns": {"项目类别": "training_kind"}},
     "expect_error": {"code": "INVALID_RECORD_SOURCE", "path": "header[3]", "reason": "unknown_field"}},
    {"name": "the 身份证号 column mapped straight to person_key is refused: hash the keys first",
     "call": "count_file", "args": {"file": "records/exports/id-numbers.csv", "columns": {"身份证号": "person_key"}},
     "expect_error": {"code": "INVALID_RECORD_SOURCE", "path": "header[1]", "reason": "id_number_column"}},
    {"name": "the GB18030 export read as utf-8 is refused at its first byte that is not UTF-8",
     "call": "count_file", "args": {"file": "../../examples/data/jilin-export-gb18030.csv", "encoding": "utf-8"},
     "expect_error": {"code": "INVALID_RECORD_SOURCE", "path": "bytes[0]", "reason": "invalid_encoding"}},
    {"name": "a file that is not there",
     "call": "count_file", "args": {"file": "records/bad/no-such-file.csv"},
     "expect_error": {"code": "INVALID_RECORD_SOURCE", "path": "path", "reason": "io"}},
]

BAD_FILES = {
    "records/bad/missing-column.csv": "record_id,person_key,region,training_type,subsidised\nr1,k1,220100,employment_skills,true\n",
    "records/bad/duplicate-column.csv": "record_id,person_key,region,training_type,subsidised,start_date,region\n",
    "records/bad/ragged.csv": (
        "record_id,person_key,region,training_type,subsidised,start_date,completion_date\n"
        "r1,k1,220100,employment_skills,true,2023-05-01,2023-05-31\n"
        "r2,k2,220100,employment_skills,true,2023-05-01\n"
        "r3,k3,220100,employment_skills,true,2023-05-01,2023-05-31,extra\n"
        "r4,k4,220100,employment_skills,true,2023-05-01,2023-05-31\n"
    ),
    # Quoted fields holding commas, doubled quotes and line breaks; CRLF endings and a byte-order
    # mark: the file is cut into blocks only between records.
    "records/quoted-fields.csv": (
        "\ufeffrecord_id,person_key,region,training_type,subsidised,groups,start_date,completion_date,note\r\n"
        'r1,k1,"长春市",employment_skills,true,"migrant_worker;veteran",2023-03-01,2023-04-01,"a note, with a comma"\r\n'
        'r2,k2,220100,apprenticeship,1,,2023-05-01,2023-06-30,"a ""quoted"" word"\r\n'
        'r3,k3,jilin-city,skill_upgrading,是,migrant_worker,2024-01-10,2024-02-01,"two\r\nlines"\r\n'
        "r4,110105194912310021,changchun,employment_skills,true,,2023-01-01,2023-02-01,x\r\n"
        'r5,k5,yanbian,employment_skills,false,,2023-01-01,,"ends\r\nwith a newline\r\n"\r\n'
    ),
    "records/bad/alias-and-name.csv": "record_id,person_key,region,培训类型,subsidised,start_date,training_type\n",
    # Headers of an export that no alias covers (a --columns mapping names them), and aliases.
    "records/exports/mapped-headers.csv": (
        "培训项目编号,人员标识,所在地区,项目类别,是否补贴,开班日期,结业日期\n"
        "r1,k1,长春市,就业技能培训,是,2023/5/1,2023/5/31\n"
        "r2,k2,吉林市,企业新型学徒制,是,20230601,20230715\n"
        "r3,k3,220100,岗位技能提升培训,否,2023年6月1日,2023年6月20日\n"
    ),
    "records/exports/id-numbers.csv": (
        "record_id,身份证号,region,training_type,subsidised,start_date\n"
        "r1,11010519491231002X,changchun,employment_skills,true,2023-05-01\n"
    ),
    "records/bad/broken-line.jsonl": (
        '{"record_id":"r1","person_key":"k1","region":"220100","training_type":"employment_skills","subsidised":true,"start_date":"2023-05-01","completion_date":"2023-05-31"}\n'
        '{"record_id":"r2","person_key":\n'
        '\n'
        '[1,2,3]\n'
        '{"record_id":"r5","person_key":"k5","region":"220100","training_type":"employment_skills","subsidised":true,"start_date":"2023-05-01","completion_date":"2023-05-31"}\n'
    ),
}

FILE_CASES = [
    {"name": "a CSV row with too few or too many fields is rejected, the rest counted",
     "call": "count_file", "args": {"file": "records/bad/ragged.csv"},
     "expect": {"rows_read": 4, "rows_counted": 2, "rows_rejected": 2, "totals": zeros(subsidized_training=2),
                "rejections": [{"row": 2, "field": "row", "code": "syntax", "source": "ragged.csv"},
                               {"row": 3, "field": "row", "code": "syntax", "source": "ragged.csv"}]}},
    {"name": "quoted CSV fields may hold commas, doubled quotes and line breaks (CRLF, with a byte-order mark); rows are numbered as records, not lines",
     "call": "count_file", "args": {"file": "records/quoted-fields.csv"},
     "expect": {"rows_read": 5, "rows_counted": 3, "rows_rejected": 1,
                "totals": zeros(subsidized_training=3, migrant_worker_training=2, enterprise_apprenticeship=1),
                "rejections": [{"row": 4, "field": "person_key", "code": "person_key_is_id_number",
                                "source": "quoted-fields.csv"}]}},
    {"name": "a JSON line that is not an object is rejected by line number; blank lines are skipped",
     "call": "count_file", "args": {"file": "records/bad/broken-line.jsonl"},
     "expect": {"rows_read": 4, "rows_counted": 2, "rows_rejected": 2,
                "rejections": [{"row": 2, "field": "line", "code": "syntax"}, {"row": 4, "field": "line", "code": "syntax"}]}},
]


def sample_cases() -> list[dict[str, Any]]:
    export_source = read_csv("../../examples/data/jilin-records.csv")
    export = {**oracle(export_source), "ignored_columns": ["备注"]}
    training_rows = read_csv("records/sample-training.csv")
    bases = read_csv("records/sample-bases.csv")
    jsonl = read_jsonl("records/sample-training.jsonl")
    whole = oracle(training_rows + bases)
    return [
        {"name": "the sample training file (2,000 rows, seed 7) counted by the plan's rules",
         "call": "count_file", "args": {"file": "records/sample-training.csv"}, "expect": oracle(training_rows)},
        {"name": "the sample base file (40 bases, seed 7)",
         "call": "count_file", "args": {"file": "records/sample-bases.csv"}, "expect": oracle(bases)},
        {"name": "the sample JSON Lines file (300 rows, seed 11)",
         "call": "count_file", "args": {"file": "records/sample-training.jsonl"}, "expect": oracle(jsonl)},
        {"name": "the GB18030 export (examples/data, written by make_export.py) with Chinese headers, slash, compact and 年月日 dates, names for codes and 、 between groups counts as the UTF-8 sample it was made from",
         "call": "count_file", "args": {"file": "../../examples/data/jilin-export-gb18030.csv"}, "expect": export},
        {"name": "the same export, its encoding named",
         "call": "count_file", "args": {"file": "../../examples/data/jilin-export-gb18030.csv", "encoding": "gb18030"},
         "expect": export},
        {"name": "the export's UTF-8 source (400 rows, seed 7)",
         "call": "count_file", "args": {"file": "../../examples/data/jilin-records.csv"}, "expect": oracle(export_source)},
        {"name": "headers named by a column mapping, with the plan's aliases for the rest",
         "call": "count_file",
         "args": {"file": "records/exports/mapped-headers.csv",
                  "columns": {"培训项目编号": "record_id", "所在地区": "region", "项目类别": "training_type"}},
         "expect": {"rows_read": 3, "rows_counted": 2, "rows_rejected": 0,
                    "totals": zeros(subsidized_training=2, enterprise_apprenticeship=1),
                    "cells": {"subsidized-training/changchun/2023-05": 1, "subsidized-training/jilin-city/2023-07": 1,
                              "enterprise-apprenticeship/jilin-city/2023-07": 1}}},
        {"name": "training and base files counted into one tally, then merged: the same as the whole",
         "call": "count_files_merged", "args": {"files": ["records/sample-training.csv", "records/sample-bases.csv"]},
         "expect": whole},
    ]


def build() -> dict[str, Any]:
    return {
        "suite": "records",
        "description": (
            "Training and base records counted by the plan's counting rules. count_records takes a list of "
            "records as each host hands them over; count_file reads a file of the corpus; count_files_merged "
            "counts each file into its own tally and merges them. The result is the tally's summary with cells "
            "as a map 'indicator/region/YYYY-MM' -> count, indicators as a map by id, and rejections as "
            "{row, field, code[, source]}. Expectations are subset matches. Generated by "
            "oracle/records_oracle.py: hand-worked cases, and the sample files counted by an independent "
            "Python re-implementation of the rules."
        ),
        "cases": GOOD + BAD + ERRORS + FILE_CASES + sample_cases(),
    }


def main() -> int:
    for name, text in BAD_FILES.items():
        path = CORPUS / name
        if "--check" in sys.argv:
            # Bytes, not text: reading text would turn the CRLF endings into LF.
            if not path.exists() or path.read_bytes() != text.encode("utf-8"):
                print(f"{name} is not what the oracle writes", file=sys.stderr)
                return 1
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(text.encode("utf-8"))
    text = json.dumps(build(), ensure_ascii=False, indent=1) + "\n"
    if "--check" in sys.argv:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print("records.json is not what the oracle writes: run records_oracle.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    n = len(build()["cases"])
    print(f"wrote {OUT.relative_to(CORPUS.parent.parent)}: {n} cases ({len(BAD)} bad records)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
