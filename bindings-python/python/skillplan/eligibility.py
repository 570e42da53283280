"""Eligibility decisions as Python objects (the core computes them; this module only shapes).

``Plan.check_eligibility(profile, offer, as_of)`` returns an :class:`EligibilityDecision`, a
native object: ``status``, ``amount``, ``version_id``, the check codes and the missing facts are
read from the core's compact answer, and nothing is explained until asked — ``explain("zh")``,
an explained attribute (``name``, ``to_qualify``, a check's ``explanation``) or ``to_dict()``.
Amounts are ``decimal.Decimal``, dates ``datetime.date``. ``Plan.eligibility_frame(roster, …)``
returns one row per person as a DataFrame. The profile format is ``skillplan-profile/1``
(see the README): a mapping whose every field is optional; dates may be ``datetime.date``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any, Literal, Optional

from ._skillplan import Check, EligibilityDecision, SubsidyDecision
from ._types import Label

__all__ = [
    "Check",
    "EligibilityDecision",
    "Requirement",
    "RuleVersion",
    "SubsidyDecision",
    "SubsidyExplanation",
    "TargetGroup",
    "Unconfirmed",
]

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
class TargetGroup:
    """A target group of the plan the person is in (``member``) or may be in (``undetermined``)."""

    id: str
    name: Label
    clause: str
    status: Literal["member", "undetermined"]
    reasons: list[Label]
    missing_facts: list[str]


@dataclass(frozen=True)
class SubsidyExplanation:
    """The explained parts of one subsidy's answer, made when a :class:`SubsidyDecision`
    attribute first needs them (names, the version, what would qualify)."""

    name: Label
    fund: Label
    clauses: list[str]
    version: Optional[RuleVersion]
    to_qualify: list[Requirement]
    unconfirmed: list[Unconfirmed]


def _label(d: dict[str, str]) -> Label:
    return Label(d["zh"], d["en"])


def _date(text: Optional[str]) -> Optional[datetime.date]:
    return None if text is None else datetime.date.fromisoformat(text)


def _subsidy_from_dict(s: dict[str, Any]) -> SubsidyExplanation:
    """The explained parts of a subsidy, from the core's JSON form."""
    v = s["version"]
    version = None if v is None else RuleVersion(v["id"], datetime.date.fromisoformat(v["from"]), _date(v["to"]), v["source"])
    return SubsidyExplanation(
        name=_label(s["name"]),
        fund=_label(s["fund"]),
        clauses=list(s["clauses"]),
        version=version,
        to_qualify=[Requirement(r["check"], r["kind"], r.get("field"), _label(r["explanation"])) for r in s["to_qualify"]],
        unconfirmed=[Unconfirmed(u["parameter"], u["note"]) for u in s["unconfirmed"]],
    )


def _groups_from_list(groups: list[dict[str, Any]]) -> list[TargetGroup]:
    """The target groups, from the core's JSON form."""
    return [
        TargetGroup(g["id"], _label(g["name"]), g["clause"], g["status"], [_label(r) for r in g["reasons"]], list(g["missing_facts"]))
        for g in groups
    ]


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
