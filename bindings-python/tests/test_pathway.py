"""Pathways and the crosswalk from Python: dates in, dates and Decimals out, typed errors."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

import skillplan


@pytest.fixture(scope="module")
def plan() -> skillplan.Plan:
    return skillplan.default_plan()


def test_pathway_with_dates(plan: skillplan.Plan) -> None:
    worker = {"work_started_on": datetime.date(2019, 3, 1), "levels": [{"level": "junior", "obtained_on": datetime.date(2021, 2, 28)}]}
    p = plan.pathway(worker, datetime.date(2024, 6, 30))
    nxt = next(s for s in p.steps if s.is_next)
    assert nxt.level == "intermediate" and nxt.earliest_date == datetime.date(2025, 2, 28)
    assert all(isinstance(r.progress, Decimal) for r in nxt.routes)
    assert p.held[0].obtained_on == datetime.date(2021, 2, 28)


def test_ladder_and_subsidy_caps(plan: skillplan.Plan) -> None:
    caps = {level.id: level.skill_upgrade_subsidy_cap for level in plan.skill_levels()}
    assert caps["junior"] == Decimal(1000) and caps["senior"] == Decimal(2000) and caps["technician"] is None


def test_crosswalk_errors(plan: skillplan.Plan) -> None:
    with pytest.raises(skillplan.NotFoundError) as info:
        plan.crosswalk_for_level("guru")
    assert info.value.code == "UNKNOWN_LEVEL"


def test_bad_worker(plan: skillplan.Plan) -> None:
    with pytest.raises(skillplan.InvalidInputError) as info:
        plan.pathway({"levels": [{"level": "junior", "obtained_on": "2030-01-01"}]}, datetime.date(2024, 1, 1))
    assert (info.value.code, info.value.reason, info.value.path) == ("INVALID_WORKER", "future_date", "worker.levels[0].obtained_on")
    with pytest.raises(skillplan.InvalidInputError) as wrong:
        plan.pathway({"work_started_on": 2019.5}, datetime.date(2024, 1, 1))
    assert (wrong.value.reason, wrong.value.path) == ("wrong_type", "worker.work_started_on")
    with pytest.raises(skillplan.InvalidInputError) as unsupported:
        plan.pathway({"work_started_on": object()}, datetime.date(2024, 1, 1))
    assert (unsupported.value.code, unsupported.value.reason) == ("INVALID_WORKER", "wrong_type")
    with pytest.raises(skillplan.InvalidInputError) as bad_date:
        plan.pathway({}, "2024-13-01")
    assert (bad_date.value.code, bad_date.value.path) == ("INVALID_OPTIONS", "as_of")


def test_titles_and_iso_dates(plan: skillplan.Plan) -> None:
    assert [t.id for t in plan.titles()] == ["assistant-engineer", "engineer", "senior-engineer", "professorate-senior-engineer"]
    assert plan.pathway({}, "2024-01-01").as_of == datetime.date(2024, 1, 1)


def test_decimal_with_exponent_is_exact(plan: skillplan.Plan) -> None:
    row = plan.indicator_progress([{"indicator": "training-bases", "date": "2024-12-31", "value": Decimal("3E+1")}], "training-bases", datetime.date(2025, 1, 1))
    assert row.achieved == Decimal(30)
