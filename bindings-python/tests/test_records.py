"""Counting records from Python: files, pyarrow tables, polars and pandas DataFrames and dicts
give the same tally; errors are typed; tallies merge and feed the progress report."""

from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa  # type: ignore[import-untyped]
import pyarrow.csv as pacsv  # type: ignore[import-untyped]
import pytest

import skillplan
from conformance import CORPUS, check, load_cases, tally_view

PLAN = skillplan.default_plan()
SAMPLE_CASES = [c for c in load_cases("records.json") if c["call"] == "count_file" and c["args"]["file"].endswith(".csv")
                and c["args"]["file"].startswith("records/sample-")]


def _frames(path: Path) -> dict[str, Any]:
    table = pacsv.read_csv(path)
    return {
        "pyarrow table": table,
        "pyarrow record batch": table.combine_chunks().to_batches()[0] if table.num_rows else table,
        "polars": pl.read_csv(path),
        "polars with dates": pl.read_csv(path, try_parse_dates=True),
        "pandas": pd.read_csv(path),
        "dicts": pl.read_csv(path, infer_schema=False).to_dicts(),
    }


@pytest.mark.parametrize("case", SAMPLE_CASES, ids=[c["name"] for c in SAMPLE_CASES])
def test_every_dataframe_library_counts_the_sample_alike(case: dict[str, Any]) -> None:
    for label, frame in _frames(CORPUS / case["args"]["file"]).items():
        failures: list[str] = []
        check(tally_view(PLAN.count_records(frame)), case["expect"], label, failures)
        assert not failures, "\n".join(failures)


def test_a_float_in_a_date_column_is_refused_row_by_row() -> None:
    df = pd.DataFrame({
        "record_id": ["r1", "r2"], "person_key": ["k1", "k2"], "region": ["220100", "220100"],
        "training_type": ["就业技能培训"] * 2, "subsidised": [True, True], "start_date": [2023.5, float("nan")],
    })
    tally = PLAN.count_records(df)
    assert (tally.rows_read, tally.rows_rejected) == (2, 2)
    assert [(r["row"], r["field"], r["code"]) for r in tally.rejections] == [(1, "start_date", "wrong_type"), (2, "start_date", "missing_field")]


def test_errors_are_typed_and_never_show_the_person_key() -> None:
    key = "11010519491231002X"
    record = {"record_id": "r1", "person_key": key, "region": "220100", "training_type": "other",
              "subsidised": True, "start_date": "2023-01-01"}
    with pytest.raises(skillplan.InvalidInputError) as info:
        PLAN.count_records([record], strict=True)
    assert (info.value.code, info.value.path, info.value.reason) == ("INVALID_RECORD", "rows[1].person_key", "person_key_is_id_number")
    assert key not in str(info.value) and key not in repr(info.value)
    tally = PLAN.count_records([record])
    assert key not in json.dumps(tally.summary(), ensure_ascii=False)
    with pytest.raises(skillplan.InvalidInputError) as too_many:
        PLAN.count_records([record, record], max_rejected=1)
    assert too_many.value.code == "TOO_MANY_INVALID_RECORDS"
    with pytest.raises(TypeError):
        PLAN.count_records(42)


def test_python_dates_and_booleans_are_read() -> None:
    tally = PLAN.count_records([{"record_id": "r1", "person_key": "k", "region": 220100, "training_type": "apprenticeship",
                                 "subsidised": True, "start_date": datetime.date(2022, 3, 1),
                                 "completion_date": datetime.date(2023, 3, 1)}])
    assert tally.totals()["enterprise-apprenticeship"] == 1
    assert tally.region_total("enterprise-apprenticeship", "220100") == 1


def test_tallies_merge_and_feed_the_progress_report(tmp_path: Path) -> None:
    path = CORPUS / "records/sample-training.csv"
    whole = PLAN.count_records(path)
    table = pacsv.read_csv(path)
    first = PLAN.count_records(table.slice(0, 700))
    second = PLAN.count_records(table.slice(700))
    first.merge(skillplan.Tally.from_json(PLAN, second.to_json()))
    assert first.totals() == whole.totals()
    assert first.cells() == whole.cells()
    report = PLAN.progress(whole.observations(), datetime.date(2025, 12, 31))
    row = report.indicators[0]
    assert row.achieved == whole.totals()["subsidized-training"]
    df = whole.to_pandas()
    assert list(df.columns) == ["indicator", "region", "month", "count"]
    assert int(df[df.indicator == "subsidized-training"]["count"].sum()) == whole.totals()["subsidized-training"]
    other = skillplan.load_plan(CORPUS / "plans/good/counting.toml")
    with pytest.raises(skillplan.InvalidInputError) as info:
        skillplan.Tally.from_json(other, whole.to_json())
    assert (info.value.code, info.value.reason) == ("INVALID_TALLY", "other_plan")


def test_a_stream_of_many_batches_numbers_rows_across_batches() -> None:
    rows = [{"record_id": f"r{i}", "person_key": f"k{i}", "region": "220100" if i != 5 else "nowhere",
             "training_type": "other", "subsidised": "true", "start_date": "2023-01-01"} for i in range(10)]
    reader = pa.RecordBatchReader.from_batches(pa.Table.from_pylist(rows).schema,
                                               pa.Table.from_pylist(rows).to_batches(max_chunksize=3))
    tally = PLAN.count_records(reader)
    assert [(r["row"], r["field"]) for r in tally.rejections] == [(6, "region")]
