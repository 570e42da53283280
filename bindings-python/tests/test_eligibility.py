"""Eligibility from Python: decisions as dataclasses with Decimal amounts, rosters from pandas,
polars, pyarrow and dicts giving each row the single call's answer, and typed refusals."""

from __future__ import annotations

import datetime
import decimal
import threading
from typing import Any

import pandas as pd
import polars as pl
import pyarrow as pa  # type: ignore[import-untyped]
import pytest

import skillplan

PLAN = skillplan.default_plan()
AS_OF = datetime.date(2025, 4, 1)
OFFER: dict[str, Any] = {
    "training_type": "employment_skills",
    "target_level": "intermediate",
    "certificate_kind": "skill_level_certificate",
    "occupation": "电工",
    "hours": 120,
    "provider_listed": True,
    "start_date": "2025-01-10",
    "certificate_date": "2025-03-01",
    "shortage_occupation": False,
}
PROFILES: list[dict[str, Any]] = [
    {"employment": "employed", "unemployment_insurance_months": 7, "statuses": ["rural_transfer_labour"], "subsidies_received": [],
     "receiving_unemployment_benefit": False, "school_type": "secondary_school", "graduation_date": "2008-07-01", "birth_date": "1990-05-01"},
    {"employment": "employed", "unemployment_insurance_months": 14, "statuses": [], "subsidies_received": [],
     "receiving_unemployment_benefit": False, "school_type": "university", "graduation_date": "2025-06-30", "sex": "female"},
    {"employment": "registered_unemployed", "statuses": ["disabled", "veteran"], "receiving_unemployment_benefit": True, "hukou": "rural"},
    {},
]


def single_rows() -> list[dict[str, Any]]:
    rows = []
    for p in PROFILES:
        d = PLAN.check_eligibility(p, OFFER, as_of=AS_OF)
        row: dict[str, Any] = {"target_groups": ",".join(g.id for g in d.target_groups if g.status == "member")}
        for s in d.subsidies:
            row[s.id] = s.status
            row[f"{s.id}_amount"] = s.amount
            row[f"{s.id}_missing"] = ",".join(s.missing_facts)
        rows.append(row)
    return rows


def frame_rows(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{str(k): (None if v is None or (isinstance(v, float) and v != v) else v) for k, v in r.items()} for r in frame.to_dict("records")]


def roster_table() -> pa.Table:
    """The profiles as columns: lists for statuses, JSON text for received subsidies."""
    columns = ["employment", "unemployment_insurance_months", "statuses", "subsidies_received", "receiving_unemployment_benefit",
               "school_type", "graduation_date", "birth_date", "sex", "hukou"]
    data: dict[str, list[Any]] = {c: [] for c in columns}
    for p in PROFILES:
        for c in columns:
            v = p.get(c)
            if c == "subsidies_received" and v is not None:
                v = "[]"
            if c in ("graduation_date", "birth_date") and v is not None:
                v = datetime.date.fromisoformat(v)
            data[c].append(v)
    return pa.table(data)


def test_a_decision_has_decimal_amounts_dates_and_reasons() -> None:
    d = PLAN.check_eligibility(PROFILES[1], OFFER, as_of=AS_OF)
    upgrade = d.subsidy("skill_upgrade_subsidy")
    assert upgrade.status == "eligible"
    assert upgrade.amount == decimal.Decimal("1500") and isinstance(upgrade.amount, decimal.Decimal)
    assert upgrade.version is not None and upgrade.version.from_date == datetime.date(2025, 1, 1)
    assert upgrade.clauses == ["（二十五）"]
    assert any(u.parameter == "amounts" for u in upgrade.unconfirmed)
    assert d.as_of == AS_OF
    groups = {g.id: g for g in d.target_groups}
    assert groups["graduating_students"].status == "member" and groups["women"].reasons[0].en == "a woman"


def test_what_is_missing_is_said_in_both_languages() -> None:
    upgrade = PLAN.check_eligibility(PROFILES[0], OFFER, as_of=AS_OF).subsidy("skill_upgrade_subsidy")
    assert upgrade.status == "not_eligible"
    assert upgrade.to_qualify[0].explanation.en == "12 months of unemployment insurance; you have 7"
    assert upgrade.to_qualify[0].explanation.zh == "缴纳失业保险满12个月；已缴7个月"


@pytest.mark.parametrize("kind", ["pyarrow", "polars", "pandas", "dicts"])
def test_a_roster_gives_each_row_the_single_answer(kind: str) -> None:
    table = roster_table()
    roster: Any = {"pyarrow": table, "polars": pl.from_arrow(table), "pandas": table.to_pandas(), "dicts": PROFILES}[kind]
    frame = PLAN.eligibility_frame(roster, OFFER, as_of=AS_OF)
    assert isinstance(frame, pd.DataFrame) and len(frame) == len(PROFILES)
    assert frame_rows(frame) == single_rows()


def test_outputs_polars_and_arrow() -> None:
    assert isinstance(PLAN.eligibility_frame(PROFILES, OFFER, as_of=AS_OF, output="polars"), pl.DataFrame)
    table = PLAN.eligibility_frame(PROFILES, OFFER, as_of=AS_OF, output="arrow")
    assert isinstance(table, pa.Table)
    assert table.schema.field("skill_upgrade_subsidy_amount").type == pa.decimal128(18, 2)
    with pytest.raises(skillplan.InvalidInputError) as e:
        PLAN.eligibility_frame(PROFILES, OFFER, as_of=AS_OF, output="excel")  # type: ignore[arg-type]
    assert (e.value.code, e.value.path) == ("INVALID_OPTIONS", "output")


def test_a_batch_equals_single_calls() -> None:
    batch = PLAN.check_eligibility_batch(PROFILES, OFFER, as_of=AS_OF)
    assert batch == [PLAN.check_eligibility(p, OFFER, as_of=AS_OF) for p in PROFILES]


@pytest.mark.parametrize(
    ("roster", "path", "reason"),
    [
        (pd.DataFrame({"unemployment_insurance_months": [12.0, 7.5]}), "rows[1].unemployment_insurance_months", "wrong_type"),
        (pd.DataFrame({"sex": ["female", "x"]}), "rows[1].sex", "unknown_value"),
        (pd.DataFrame({"salary": [1]}), "roster.salary", "unknown_field"),
        (pd.DataFrame({"birth_date": ["1990-02-30"]}), "rows[0].birth_date", "invalid_date"),
        (pd.DataFrame({"statuses": ["veteran;astronaut"]}), "rows[0].statuses[1]", "unknown_value"),
        (pd.DataFrame({"receiving_unemployment_benefit": ["maybe"]}), "rows[0].receiving_unemployment_benefit", "wrong_type"),
        (pd.DataFrame({"subsidies_received": ['[{"kind": "bonus", "date": "2020-01-01"}]']}), "rows[0].subsidies_received[0].kind", "unknown_value"),
        (pd.DataFrame({"id_number": ["110105194912310021"]}), "rows[0].id_number", "invalid_id_number"),
        ([{"sex": "x"}], "rows[0].sex", "unknown_value"),
    ],
)
def test_a_bad_cell_is_refused_with_its_row_and_field(roster: Any, path: str, reason: str) -> None:
    with pytest.raises(skillplan.InvalidInputError) as e:
        PLAN.eligibility_frame(roster, OFFER, as_of=AS_OF)
    assert (e.value.code, e.value.path, e.value.reason) == ("INVALID_PROFILE", path, reason)
    assert "11010519491231" not in str(e.value)


@pytest.mark.parametrize(
    ("profile", "path"),
    [({"unemployment_insurance_months": float("nan")}, "profile"), ({"unemployment_insurance_months": float("inf")}, "profile"),
     ({"hukou": object()}, "profile"), ({"birth_date": datetime.datetime(1990, 5, 1, 8, 30)}, "profile"),
     # A Decimal is exact text under the host-value policy: the field refuses it as a count.
     ({"unemployment_insurance_months": decimal.Decimal("12")}, "profile.unemployment_insurance_months")],
)
def test_values_json_cannot_hold_are_the_wrong_type(profile: dict[str, Any], path: str) -> None:
    with pytest.raises(skillplan.InvalidInputError) as e:
        PLAN.check_eligibility(profile, as_of=AS_OF)
    assert (e.value.code, e.value.path, e.value.reason) == ("INVALID_PROFILE", path, "wrong_type")


def test_dates_may_be_date_objects_and_whole_floats_are_whole() -> None:
    a = PLAN.check_eligibility({"birth_date": datetime.date(1990, 5, 1), "unemployment_insurance_months": 12.0}, OFFER, as_of=AS_OF)
    b = PLAN.check_eligibility({"birth_date": "1990-05-01", "unemployment_insurance_months": 12}, OFFER, as_of=AS_OF)
    assert a == b


def test_eight_threads_get_the_one_thread_answers() -> None:
    table = pa.concat_tables([roster_table()] * 5000)
    expected = PLAN.eligibility_frame(table, OFFER, as_of=AS_OF)
    results: list[pd.DataFrame] = []

    def work() -> None:
        results.append(PLAN.eligibility_frame(table, OFFER, as_of=AS_OF))

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 8
    for r in results:
        pd.testing.assert_frame_equal(r, expected)


def test_roster_columns_may_be_timestamps_date64_large_lists_and_dictionaries() -> None:
    plain = pa.table({"birth_date": ["1990-05-01", "2001-12-31"], "statuses": [["veteran"], []], "sex": ["female", "male"]})
    other = pa.table(
        {
            "birth_date": pa.array([datetime.datetime(1990, 5, 1, 8), datetime.datetime(2001, 12, 31, 23)], pa.timestamp("ms", tz="Asia/Shanghai")),
            "statuses": pa.array([["veteran"], []], pa.large_list(pa.string())),
            "sex": pa.array(["female", "male"]).dictionary_encode(),
        }
    )
    dates64 = plain.set_column(0, "birth_date", pa.array([datetime.date(1990, 5, 1), datetime.date(2001, 12, 31)], pa.date64()))
    expected = PLAN.eligibility_frame(plain, OFFER, as_of=AS_OF)
    pd.testing.assert_frame_equal(PLAN.eligibility_frame(other, OFFER, as_of=AS_OF), expected)
    pd.testing.assert_frame_equal(PLAN.eligibility_frame(dates64, OFFER, as_of=AS_OF), expected)
    assert "youth" in expected["target_groups"][0] and "veterans" in expected["target_groups"][0]


def test_a_roster_with_chinese_headers_and_export_values_decides_as_with_field_names() -> None:
    by_name = pl.DataFrame(
        {
            "birth_date": ["1990-01-02"],
            "employment": ["registered_unemployed"],
            "statuses": ["poverty_alleviated;veteran"],
            "receiving_unemployment_benefit": [True],
        }
    )
    exported = pl.DataFrame(
        {
            "出生日期": ["1990/1/2"],
            "就业状态": ["registered_unemployed"],
            "人员类别": ["poverty_alleviated、veteran"],
            "是否领取失业保险金": ["是"],
        }
    )
    mapped = pl.DataFrame(
        {"生日": ["19900102"], "就业状态": ["registered_unemployed"], "人员类别": ["poverty_alleviated；veteran"], "领取失业保险金": ["Y"]}
    )
    want = PLAN.eligibility_frame(by_name, OFFER, as_of=AS_OF, output="polars")
    assert PLAN.eligibility_frame(exported, OFFER, as_of=AS_OF, output="polars").equals(want)
    assert PLAN.eligibility_frame(mapped, OFFER, as_of=AS_OF, output="polars", columns={"生日": "birth_date"}).equals(want)
    with pytest.raises(skillplan.errors.InvalidInputError) as unknown:
        PLAN.eligibility_frame(mapped, OFFER, as_of=AS_OF, columns={"生日": "birthday"})
    assert (unknown.value.path, unknown.value.reason) == ("roster.生日", "unknown_field")
    with pytest.raises(skillplan.errors.InvalidInputError) as twice:
        PLAN.eligibility_frame(pl.DataFrame({"出生日期": ["1990-01-02"], "birth_date": ["1990-01-02"]}), OFFER, as_of=AS_OF)
    assert (twice.value.path, twice.value.reason) == ("roster.birth_date", "duplicate_field")
