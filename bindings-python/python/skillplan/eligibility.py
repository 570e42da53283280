"""Eligibility decisions as Python objects (the core computes them; this module only shapes).

``Plan.check_eligibility(profile, offer, as_of)`` returns an :class:`EligibilityDecision`;
amounts are ``decimal.Decimal``, dates ``datetime.date``. ``Plan.eligibility_frame(roster, …)``
returns one row per person as a DataFrame. The profile format is ``skillplan-profile/1``
(see the README): a mapping whose every field is optional; dates may be ``datetime.date``.
"""

from __future__ import annotations

import datetime
import decimal
import json
from dataclasses import dataclass
from typing import Any, Literal, Optional

from ._types import Label

@dataclass(frozen=True)
class Check:
    """One condition of a subsidy rule: what was checked, the answer, and why."""

    check: str
    outcome: Literal["yes", "no", "unknown"]
    explanation: Label


@dataclass(frozen=True)
class Requirement:
    """A change (``kind == "change"``) or a fact to give (``kind == "fact"``, with its field
    path) that would make the subsidy eligible."""

    check: str
    kind: Literal["change", "fact"]
    field: Optional[str]
    explanation: Label


@dataclass(frozen=True)
class Unconfirmed:
    """A value the answer rests on that is a documented default, not a confirmed fact."""

    parameter: str
    note: str


@dataclass(frozen=True)
class RuleVersion:
    """The rule version applied, with the documents it follows."""

    id: str
    from_date: datetime.date
    to_date: Optional[datetime.date]
    source: str


@dataclass(frozen=True)
class SubsidyDecision:
    """The answer for one subsidy of （二十五）."""

    id: str
    name: Label
    status: Literal["eligible", "not_eligible", "undetermined"]
    amount: Optional[decimal.Decimal]
    fund: Label
    clauses: list[str]
    version: Optional[RuleVersion]
    checks: list[Check]
    to_qualify: list[Requirement]
    missing_facts: list[str]
    unconfirmed: list[Unconfirmed]


@dataclass(frozen=True)
class TargetGroup:
    """A target group of the plan the person is in (``member``) or may be in (``undetermined``)."""

    id: str
    name: Label
    clause: str
    status: Literal["member", "undetermined"]
    reasons: list[Label]
    missing_facts: list[str]


@dataclass(frozen=True)
class EligibilityDecision:
    """Target groups and the four subsidies for one person and offer, as of a date."""

    as_of: datetime.date
    target_groups: list[TargetGroup]
    subsidies: list[SubsidyDecision]

    def subsidy(self, id: str) -> SubsidyDecision:
        """The decision for one subsidy: training_subsidy, skill_upgrade_subsidy,
        evaluation_subsidy or living_allowance."""
        for s in self.subsidies:
            if s.id == id:
                return s
        raise KeyError(id)


def _label(d: dict[str, str]) -> Label:
    return Label(d["zh"], d["en"])


def _date(text: Optional[str]) -> Optional[datetime.date]:
    return None if text is None else datetime.date.fromisoformat(text)


def decision_from_dict(d: dict[str, Any]) -> EligibilityDecision:
    """Builds the decision from the core's JSON form."""
    subsidies = []
    for s in d["subsidies"]:
        v = s["version"]
        version = None if v is None else RuleVersion(v["id"], datetime.date.fromisoformat(v["from"]), _date(v["to"]), v["source"])
        subsidies.append(
            SubsidyDecision(
                id=s["id"],
                name=_label(s["name"]),
                status=s["status"],
                amount=None if s["amount"] is None else decimal.Decimal(s["amount"]),
                fund=_label(s["fund"]),
                clauses=list(s["clauses"]),
                version=version,
                checks=[Check(c["check"], c["outcome"], _label(c["explanation"])) for c in s["checks"]],
                to_qualify=[Requirement(r["check"], r["kind"], r.get("field"), _label(r["explanation"])) for r in s["to_qualify"]],
                missing_facts=list(s["missing_facts"]),
                unconfirmed=[Unconfirmed(u["parameter"], u["note"]) for u in s["unconfirmed"]],
            )
        )
    groups = [
        TargetGroup(g["id"], _label(g["name"]), g["clause"], g["status"], [_label(r) for r in g["reasons"]], list(g["missing_facts"]))
        for g in d["target_groups"]
    ]
    return EligibilityDecision(datetime.date.fromisoformat(d["as_of"]), groups, subsidies)


def decisions_from_json(text: str) -> Any:
    """One decision, or a list of them, from the core's JSON text."""
    data = json.loads(text)
    if isinstance(data, list):
        return [decision_from_dict(d) for d in data]
    return decision_from_dict(data)


def _frame(answers: Any, output: str) -> Any:
    """The roster's answers (an Arrow stream) as a pandas or polars DataFrame, or a pyarrow Table."""
    import pyarrow  # type: ignore[import-untyped]

    table = pyarrow.table(answers)
    if output == "arrow":
        return table
    if output == "polars":
        import polars

        return polars.from_arrow(table)
    if output == "pandas":
        return table.to_pandas()
    raise ValueError(f"output must be 'pandas', 'polars' or 'arrow', not {output!r}")
