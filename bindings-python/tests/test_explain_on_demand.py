"""The answer first, the explanation on demand: for every eligibility case of the conformance
corpus, the explanations read piece by piece (a subsidy, a check, one language) equal the whole
explained form, and that form is byte for byte the core's (its digest is kept in
tests/conformance/explained.json)."""

from __future__ import annotations

import datetime
import decimal
import hashlib
import json
from typing import Any

import pytest

import skillplan
from conformance import CORPUS, load_cases

DIGESTS: dict[str, str] = json.loads((CORPUS / "explained.json").read_text(encoding="utf-8"))["digests"]
CASES = [c for c in load_cases("eligibility.json") if c["call"] == "eligibility" and "expect_error" not in c]


def _decide(case: dict[str, Any]) -> skillplan.EligibilityDecision:
    a = case["args"]
    plan = skillplan.load_plan(CORPUS / a["plan"]) if a.get("plan") not in (None, "jilin") else skillplan.default_plan()
    profile = a["profile_text"] if "profile_text" in a else a["profile"]
    return plan.check_eligibility(profile, a.get("offer"), as_of=datetime.date.fromisoformat(a["as_of"]))


def test_the_corpus_has_explained_cases() -> None:
    assert len(CASES) > 80


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_on_demand_equals_the_whole_explained_form(case: dict[str, Any]) -> None:
    d = _decide(case)
    text = d.to_json()
    assert hashlib.sha256(text.encode()).hexdigest() == DIGESTS[f"eligibility.json: {case['name']}"]
    whole = d.to_dict()
    assert whole == json.loads(text)
    assert d.as_of.isoformat() == whole["as_of"]
    assert [g.id for g in d.target_groups] == [g["id"] for g in whole["target_groups"]]
    assert [[(r.zh, r.en) for r in g.reasons] for g in d.target_groups] == [
        [(r["zh"], r["en"]) for r in g["reasons"]] for g in whole["target_groups"]
    ]
    assert len(d.subsidies) == len(whole["subsidies"])
    for s, w in zip(d.subsidies, whole["subsidies"]):
        assert (s.id, s.status) == (w["id"], w["status"])
        assert s.amount == (None if w["amount"] is None else decimal.Decimal(w["amount"]))
        assert s.version_id == (None if w["version"] is None else w["version"]["id"])
        assert s.missing_facts == w["missing_facts"]
        assert s.failed == [c["check"] for c in w["checks"] if c["outcome"] == "no"]
        assert s.to_dict() == w
        assert (s.name.zh, s.name.en) == (w["name"]["zh"], w["name"]["en"])
        assert [(r.check, r.kind, r.field, r.explanation.en) for r in s.to_qualify] == [
            (r["check"], r["kind"], r.get("field"), r["explanation"]["en"]) for r in w["to_qualify"]
        ]
        assert len(s.checks) == len(w["checks"])
        for c, wc in zip(s.checks, w["checks"]):
            assert (c.check, c.outcome) == (wc["check"], wc["outcome"])
            assert (c.explanation.zh, c.explanation.en) == (wc["explanation"]["zh"], wc["explanation"]["en"])
            assert (c.explain("zh"), c.explain("en")) == (wc["explanation"]["zh"], wc["explanation"]["en"])
        zh = s.explain("zh")
        assert zh.startswith(w["name"]["zh"]) and all(c["explanation"]["zh"] in zh for c in w["checks"])
        assert all(c["explanation"]["en"] in s.explain("en") for c in w["checks"])
    assert all(s.explain("en") in d.explain("en") for s in d.subsidies)


def test_the_fast_path_reads_status_and_amount_and_explains_one_subsidy() -> None:
    plan = skillplan.default_plan()
    profile = {"employment": "employed", "unemployment_insurance_months": 7}
    offer = {"target_level": "intermediate", "certificate_kind": "skill_level_certificate", "certificate_date": "2025-03-01"}
    d = plan.check_eligibility(profile, offer, as_of="2025-04-01")
    upgrade = d.subsidy("skill_upgrade_subsidy")
    assert (upgrade.status, upgrade.amount, upgrade.version_id) == ("not_eligible", None, "2025")
    assert upgrade.failed == ["insurance_months"]
    months = next(c for c in upgrade.checks if c.check == "insurance_months")
    assert (months.outcome, months.have, months.need) == ("no", 7, 12)
    assert months.explain("en") == "12 months of unemployment insurance needed; you have 7"
    assert "需缴纳失业保险满12个月；已缴7个月" in upgrade.explain("zh")
    assert repr(upgrade) == "SubsidyDecision(id=skill_upgrade_subsidy, status=not_eligible)"
    with pytest.raises(KeyError):
        d.subsidy("no_such_subsidy")
    with pytest.raises(ValueError):
        upgrade.explain("fr")  # type: ignore[arg-type]


def test_a_batch_returns_the_same_objects_as_single_calls() -> None:
    plan = skillplan.default_plan()
    profiles = [{"employment": "employed", "unemployment_insurance_months": m} for m in range(0, 40, 3)] * 300
    offer = {"target_level": "senior", "certificate_kind": "skill_level_certificate", "certificate_date": "2025-03-01"}
    batch = plan.check_eligibility_batch(profiles, offer, as_of="2025-04-01")
    assert all(isinstance(d, skillplan.EligibilityDecision) for d in batch)
    assert batch[:13] == [plan.check_eligibility(p, offer, as_of="2025-04-01") for p in profiles[:13]]
    assert [d.subsidy("skill_upgrade_subsidy").amount for d in batch[:13]] == [None] * 4 + [decimal.Decimal("2000")] * 9
