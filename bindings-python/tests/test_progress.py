"""Progress from Python: DataFrames in, exact Decimals and DataFrames out, typed errors."""

from __future__ import annotations

import datetime
from decimal import Decimal
from pathlib import Path

import pandas as pd
import polars as pl
import pytest

import skillplan

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "data" / "jilin-observations.csv"
MID_2025 = datetime.date(2025, 6, 30)


@pytest.fixture(scope="module")
def plan() -> skillplan.Plan:
    return skillplan.default_plan()


def test_pandas_in_pandas_out(plan: skillplan.Plan) -> None:
    frame = pd.read_csv(EXAMPLE, dtype={"value": str})
    report = plan.progress(frame, MID_2025)
    df = report.to_pandas()
    row1 = df[(df.indicator == "subsidized-training") & df.region.isna()].iloc[0]
    assert row1.achieved == Decimal("801000")
    assert row1.status == "on_track"
    assert isinstance(row1.completion, Decimal)
    assert len(df) == 6


def test_pandas_integer_column_and_missing_regions(plan: skillplan.Plan) -> None:
    frame = pd.read_csv(EXAMPLE)  # value becomes int64, empty region becomes NaN
    report = plan.progress(frame, MID_2025)
    assert report.indicators[0].achieved == Decimal("801000")


def test_polars_in(plan: skillplan.Plan) -> None:
    frame = pl.read_csv(EXAMPLE, schema_overrides={"value": pl.Utf8})
    report = plan.progress(frame, MID_2025)
    assert [r.status for r in report.indicators] == ["on_track", "on_track", "behind", "on_track", "behind", "on_track"]


def test_same_answer_from_every_input_shape(plan: skillplan.Plan) -> None:
    records = skillplan.read_observations(EXAMPLE)
    from_file = plan.progress(records, MID_2025).to_json()
    from_pandas = plan.progress(pd.read_csv(EXAMPLE, dtype={"value": str}), MID_2025).to_json()
    from_polars = plan.progress(pl.read_csv(EXAMPLE, schema_overrides={"value": pl.Utf8}), MID_2025).to_json()
    assert from_file == from_pandas == from_polars


def test_floats_are_refused_with_a_path(plan: skillplan.Plan) -> None:
    rows = [{"indicator": "training-bases", "date": "2023-12-31", "value": 14.0}]
    with pytest.raises(skillplan.InvalidInputError) as info:
        plan.progress(rows, MID_2025)
    assert info.value.code == "INVALID_OBSERVATION"
    assert info.value.reason == "not_a_number"
    assert info.value.path == "observations[0].value"
    assert isinstance(info.value, ValueError)


def test_dates_and_timestamps(plan: skillplan.Plan) -> None:
    rows = [
        {"indicator": "training-bases", "date": datetime.date(2023, 12, 31), "value": 14},
        {"indicator": "training-bases", "date": pd.Timestamp("2024-12-31"), "value": Decimal("25")},
    ]
    row = plan.indicator_progress(rows, "training-bases", MID_2025)
    assert row.achieved == Decimal(25) and row.achieved_on == datetime.date(2024, 12, 31)
    with pytest.raises(skillplan.InvalidInputError) as info:
        plan.progress([{"indicator": "training-bases", "date": pd.Timestamp("2024-12-31 10:30"), "value": 1}], MID_2025)
    assert info.value.path == "observations[0].date"


def test_projections_are_audited(plan: skillplan.Plan) -> None:
    row = plan.progress(skillplan.read_observations(EXAMPLE), MID_2025).indicators[0]
    cagr = row.projection("unsd_cagr")
    assert cagr is not None and cagr.applicable
    assert cagr.base_value == Decimal("231000") and cagr.latest_value == Decimal("801000")
    assert cagr.rate is not None and cagr.required_rate is not None and cagr.classification == "substantial_progress"
    assert [p.method for p in row.projections] == ["linear_trend", "escap_current_status", "escap_anticipated_progress", "unsd_cagr"]


def test_decompose_and_regional_progress(plan: skillplan.Plan) -> None:
    weights: dict[str, str | int | Decimal] = {"changchun": Decimal("906.7"), "jilin-city": 362, "yanbian": "194.1"}
    targets = plan.decompose("subsidized-training", weights)
    assert sum(t.target for t in targets) == Decimal(840000)
    report = plan.progress(skillplan.read_observations(EXAMPLE), datetime.date(2025, 12, 31), regional_targets=targets)
    assert [r.region for r in report.regions] == ["changchun", "jilin-city", "yanbian"]
    with pytest.raises(skillplan.InvalidInputError) as info:
        plan.decompose("subsidized-training", {"changchun": 1.5})  # type: ignore[arg-type]
    assert info.value.code == "INVALID_OPTIONS" and info.value.path == "weights[0].weight"


def test_csv_and_json_exports(plan: skillplan.Plan) -> None:
    report = plan.progress(skillplan.read_observations(EXAMPLE), datetime.date(2026, 11, 28))
    assert report.is_final
    assert report.to_csv().splitlines()[0].startswith("indicator,name_zh,name_en,region")
    assert '"status": "missed"' in report.to_json()
