"""Idiomatic use of the Python binding: types, exceptions, threads."""

from __future__ import annotations

import datetime
import decimal
import threading
from pathlib import Path

import pytest

import skillplan

MINIMAL = Path(__file__).resolve().parents[2] / "tests" / "conformance" / "plans" / "good" / "minimal.toml"


def test_version_is_the_installed_distribution_version() -> None:
    import importlib.metadata

    assert skillplan.__version__ == importlib.metadata.version("skillplan")
    assert skillplan.__version__.count(".") >= 2


def test_targets_are_exact_decimals() -> None:
    plan = skillplan.default_plan()
    row4 = plan.indicator("new-certificates")
    assert isinstance(row4.target, decimal.Decimal)
    assert row4.target == decimal.Decimal("176000")
    total = sum((i.target for i in plan.parts("subsidized-training")), decimal.Decimal(0))
    assert total == decimal.Decimal("520000")


def test_dates_are_dates() -> None:
    meta = skillplan.default_plan().metadata
    assert meta.written_on == datetime.date(2022, 8, 29)
    assert meta.period.start == datetime.date(2022, 1, 1)
    assert meta.period.end == datetime.date(2025, 12, 31)


def test_errors_are_typed_with_code_and_path() -> None:
    plan = skillplan.default_plan()
    with pytest.raises(skillplan.NotFoundError) as info:
        plan.indicator("nope")
    assert info.value.code == "UNKNOWN_INDICATOR"
    assert info.value.path == "id"
    assert isinstance(info.value, LookupError)
    assert isinstance(info.value, skillplan.SkillplanError)


def test_invalid_plan_lists_every_issue() -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace('parent = "trained"', 'parent = "x"').replace(
        'target = "100000"', 'target = "-1"'
    )
    with pytest.raises(skillplan.PlanError) as info:
        skillplan.loads_plan(text)
    err = info.value
    assert err.code == "PLAN_INVALID"
    assert [i.reason for i in err.issues] == ["negative_target", "unknown_reference"]
    assert err.path == "indicators[0].target"


def test_bytes_must_be_utf8() -> None:
    with pytest.raises(skillplan.PlanError) as info:
        skillplan.loads_plan(b"format = 1\n# \xff\n")
    assert info.value.code == "PLAN_NOT_UTF8"
    plan = skillplan.loads_plan(MINIMAL.read_bytes())
    assert plan.id == "sample-2026-2030"


def test_loads_plan_refuses_other_types() -> None:
    with pytest.raises(TypeError):
        skillplan.loads_plan(42)  # type: ignore[arg-type]


def test_load_plan_accepts_paths_and_strings() -> None:
    assert skillplan.load_plan(MINIMAL).fingerprint == skillplan.load_plan(str(MINIMAL)).fingerprint


def test_threads_share_one_answer() -> None:
    results: list[str] = []

    def work() -> None:
        for _ in range(20):
            results.append(skillplan.default_plan().fingerprint)

    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 160 and len(set(results)) == 1


def test_repr_and_labels() -> None:
    plan = skillplan.default_plan()
    assert "jilin-2022-2025" in repr(plan)
    measure = plan.measure("（二十五）")
    assert str(measure.title) == "加大职业技能培训投入力度"
    assert measure.title.en.startswith("Increase investment")
    assert measure.responsibility is not None and measure.responsibility.lead == "hrss"


def test_json_schema_and_canonical_json() -> None:
    import json

    schema = json.loads(skillplan.json_schema())
    assert schema["title"] == "PlanData"
    plan = skillplan.default_plan()
    assert json.loads(plan.to_json())["indicators"][0]["target"] == "840000"


def test_every_error_code_has_an_exception_class() -> None:
    import typing

    from skillplan import _types, errors

    classes = dict(skillplan._skillplan._error_classes())
    assert set(classes) == set(typing.get_args(_types.ErrorCode))
    for code, name in classes.items():
        cls = getattr(errors, name)
        assert issubclass(cls, errors.SkillplanError), code
    assert {getattr(errors, n) for n in classes.values()} == {
        errors.PlanError, errors.NotFoundError, errors.InvalidInputError, errors.InternalError
    }
    # An error is raised as its code's class.
    plan = skillplan.default_plan()
    for call in (lambda: plan.indicator("no-such"), lambda: skillplan.loads_plan(""), lambda: plan.check_eligibility("{", as_of=datetime.date(2024, 6, 30))):
        try:
            call()
        except errors.SkillplanError as err:
            assert type(err).__name__ == classes[err.code]
        else:
            raise AssertionError("no error")
