"""The shared conformance corpus, one pytest case per corpus case."""

from __future__ import annotations

from typing import Any

import pytest

from conformance import load_cases, run_case

SUITES = ["plan-queries.json", "bad-plans.json", "progress.json", "pathway.json", "records.json", "eligibility.json"]
CASES = [(suite, case) for suite in SUITES for case in load_cases(suite)]


@pytest.mark.parametrize(("suite", "case"), CASES, ids=[f"{s}:{c['name']}" for s, c in CASES])
def test_case(suite: str, case: dict[str, Any]) -> None:
    failures = run_case(case)
    assert not failures, "\n".join(failures)


def test_corpus_is_large_enough() -> None:
    assert len(load_cases("plan-queries.json")) >= 25
    assert len(load_cases("bad-plans.json")) >= 15
    assert len(load_cases("progress.json")) >= 40
    assert len(load_cases("pathway.json")) >= 40
    assert len(load_cases("records.json")) >= 60
    assert sum(c["name"].startswith("bad record:") for c in load_cases("records.json")) >= 20
    eligibility = load_cases("eligibility.json")
    assert sum("expect" in c for c in eligibility) >= 60
    assert sum("expect_error" in c for c in eligibility) >= 30
