"""Typed columns as a database export gives them (int32 region codes, dictionary-encoded terms,
booleans, date32 dates, an int8 level) count exactly as the same records as text: as an Arrow
table of strings, as a CSV file and as a JSON Lines file, rejections included."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import polars as pl
import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.csv as pacsv  # type: ignore[import-untyped]
import pytest

import skillplan

EPOCH = dt.date(1970, 1, 1)


def typed_table(n: int) -> pa.Table:
    codes = [220100, 220102, 220200, 222400, 999999, 220300]
    types = ["employment_skills", "apprenticeship", "skill_upgrading", "bogus"]
    kinds = ["skill_level_certificate", "vocational_qualification", "special_ability"]

    def day(i: int) -> int:
        return (dt.date(2022, 1, 1) - EPOCH).days + (i * 37) % 1461

    def dictionary(values: list[str | None]) -> pa.Array:
        return pa.array(values, pa.string()).dictionary_encode()

    has_cert = [i % 5 < 2 for i in range(n)]
    return pa.table({
        "record_id": pa.array([f"r{i}" for i in range(n)]),
        # Every 97th key has the shape of a 身份证号 and is refused.
        "person_key": pa.array(["110105194912310021" if i % 97 == 5 else f"k{i}" for i in range(n)]),
        "region": pa.array([codes[i % len(codes)] for i in range(n)], pa.int32()),
        "training_type": dictionary([types[(i // 3) % len(types)] for i in range(n)]),
        "subsidised": pa.array([None if i % 89 == 7 else i % 10 < 7 for i in range(n)]),
        "groups": dictionary(["migrant_worker" if i % 20 < 11 else None for i in range(n)]),
        "start_date": pa.array([day(i) for i in range(n)], pa.date32()),
        "completion_date": pa.array([None if i % 13 == 0 else day(i) + i % 40 for i in range(n)], pa.date32()),
        "certificate_kind": dictionary([kinds[i % 3] if has_cert[i] else None for i in range(n)]),
        "certificate_level": pa.array([(i % 6) + 1 if has_cert[i] else None for i in range(n)], pa.int8()),
        "certificate_date": pa.array([day(i) + 50 + i % 90 if has_cert[i] else None for i in range(n)], pa.date32()),
    })


def summary_without_sources(tally: Any) -> dict[str, Any]:
    s = dict(tally.summary())
    s["rejections"] = [{k: v for k, v in r.items() if k != "source"} for r in s["rejections"]]
    return s


def test_typed_columns_count_as_their_text(tmp_path: Path) -> None:
    plan = skillplan.default_plan()
    typed = typed_table(5000)
    text = pa.table({name: typed[name].cast(pa.string()) for name in typed.column_names})
    csv_path = tmp_path / "records.csv"
    pacsv.write_csv(text, csv_path)
    jsonl_path = tmp_path / "records.jsonl"
    with jsonl_path.open("w", encoding="utf-8") as out:
        for row in text.to_pylist():
            out.write(json.dumps({k: v for k, v in row.items() if v is not None}, ensure_ascii=False) + "\n")

    want = summary_without_sources(plan.count_records(typed, max_rejected=10**6))
    assert want["rows_rejected"] > 100 and want["rows_counted"] > 1000
    codes = {r["code"] for r in want["rejections"]}
    assert {"unknown_region", "unknown_training_type", "person_key_is_id_number", "missing_field",
            "unknown_level"} <= codes
    for other in (text, pl.from_arrow(typed), csv_path, jsonl_path):
        assert summary_without_sources(plan.count_records(other, max_rejected=10**6)) == want


@pytest.mark.parametrize("chunk", [1, 333, 4096])
def test_a_chunked_typed_table_numbers_rows_across_chunks(chunk: int) -> None:
    plan = skillplan.default_plan()
    typed = typed_table(3000)
    batches = typed.to_batches(max_chunksize=chunk)
    assert summary_without_sources(plan.count_records(pa.Table.from_batches(batches), max_rejected=10**6)) == \
        summary_without_sources(plan.count_records(typed.combine_chunks(), max_rejected=10**6))
