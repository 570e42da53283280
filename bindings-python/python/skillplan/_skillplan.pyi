"""Type stubs of the native module (pyo3). The answers are the generated classes of
``skillplan._types`` (with the methods of ``skillplan._mixins``); exceptions live in ``skillplan.errors``."""

import datetime
import decimal
import os
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal, Optional, Union, final, overload

from skillplan._types import (
    Clause,
    Column,
    CrosswalkEntry,
    DecisionSummary,
    Department,
    EducationEquivalence,
    Indicator,
    IndicatorProgress,
    Measure,
    Metadata,
    Pathway,
    Region,
    RegionalTarget,
    Report,
    SkillLevel,
    Title,
)
from skillplan._types import Label

from skillplan.eligibility import Requirement, RuleVersion, TargetGroup, Unconfirmed

_DecimalLike = Union[str, int, decimal.Decimal]
_DateLike = Union[str, datetime.date]
_SubsidyId = Literal["training_subsidy", "skill_upgrade_subsidy", "evaluation_subsidy", "living_allowance"]

__all__ = [
    "Check", "EligibilityDecision", "SubsidyDecision", "NativeReport", "Plan", "RosterAnswers", "Tally", "default_plan", "inject_fault", "json_schema", "load_plan",
    "loads_plan", "read_observations", "person_key", "_error_classes", "__version__",
]

__version__: str
"""The version of the native library (the workspace's one version)."""

@final
class Plan:
    """A loaded, validated plan. Immutable; safe to share between threads."""
    @property
    def id(self) -> str: ...
    @property
    def fingerprint(self) -> str: ...
    @property
    def metadata(self) -> Metadata: ...
    def indicators(self) -> list[Indicator]: ...
    def indicator(self, id: str) -> Indicator: ...
    def parts(self, id: str) -> list[Indicator]: ...
    def measures(self) -> list[Measure]: ...
    def measure(self, id: str) -> Measure: ...
    def columns(self) -> list[Column]: ...
    def clause(self, id: str) -> Clause: ...
    def departments(self) -> list[Department]: ...
    def department(self, name: str) -> Department: ...
    def measures_for_department(self, department: str) -> list[Measure]: ...
    def measures_for_all_relevant(self) -> list[Measure]: ...
    def regions(self) -> list[Region]: ...
    def region(self, id_or_code: str) -> Region: ...
    def to_json(self) -> str: ...
    def count_records(
        self,
        source: Any,
        *,
        strict: Optional[bool] = None,
        max_rejected: Optional[int] = None,
        source_name: Optional[str] = None,
        encoding: Optional[Literal["auto", "utf-8", "gb18030"]] = None,
        columns: Optional[Mapping[str, str]] = None,
        sheet: Optional[str] = None,
    ) -> Tally:
        """Counts training and base records by the plan's counting rules: a CSV, JSON Lines or
        Excel (.xlsx/.xls) path, an Arrow table or DataFrame (pyarrow, polars, pandas), or a list
        of dicts. Files may be UTF-8 or GB18030 and have Chinese headers; `columns` maps others."""
    def hash_keys(
        self,
        input: Union[str, os.PathLike[str]],
        output: Union[str, os.PathLike[str]],
        *,
        salt: bytes,
        encoding: Optional[Literal["auto", "utf-8", "gb18030"]] = None,
        columns: Optional[Mapping[str, str]] = None,
        strict: Optional[bool] = None,
        max_rejected: Optional[int] = None,
    ) -> dict[str, Any]:
        """Copies a CSV export with its 身份证号 column replaced by person_key (HMAC-SHA256)."""
    def progress(
        self,
        observations: Any,
        as_of: _DateLike,
        *,
        milestones: Optional[Iterable[Mapping[str, Any]]] = None,
        regional_targets: Optional[Iterable[Union[Mapping[str, Any], RegionalTarget]]] = None,
        thresholds: Optional[Mapping[str, _DecimalLike]] = None,
    ) -> Report:
        """Progress of every indicator as of `as_of`, from a pandas or polars DataFrame or an
        iterable of dicts with indicator, date, value and optionally region and kind."""
    def indicator_progress(
        self,
        observations: Any,
        indicator: str,
        as_of: _DateLike,
        *,
        region: Optional[str] = None,
        milestones: Optional[Iterable[Mapping[str, Any]]] = None,
        regional_targets: Optional[Iterable[Union[Mapping[str, Any], RegionalTarget]]] = None,
        thresholds: Optional[Mapping[str, _DecimalLike]] = None,
    ) -> IndicatorProgress: ...
    def decompose(
        self, indicator: str, weights: Union[Mapping[str, _DecimalLike], Iterable[tuple[str, _DecimalLike]]]
    ) -> list[RegionalTarget]: ...
    def skill_levels(self) -> list[SkillLevel]: ...
    def crosswalk_for_level(self, level: str) -> list[CrosswalkEntry]: ...
    def crosswalk_for_title(self, title: str) -> list[CrosswalkEntry]: ...
    def education_equivalences(self) -> list[EducationEquivalence]: ...
    def titles(self) -> list[Title]: ...
    def pathway(self, worker: Mapping[str, Any], as_of: _DateLike) -> Pathway:
        """A worker's pathway as of `as_of`: levels held, every level above with its routes,
        the earliest date to apply, and what each level unlocks."""
    @overload
    def check_eligibility(
        self,
        profile: Union[Mapping[str, Any], str],
        offer: Union[Mapping[str, Any], str, None] = None,
        *,
        as_of: _DateLike,
        subsidies: Optional[Sequence[_SubsidyId]] = None,
        explain: Optional[Literal[True]] = None,
    ) -> EligibilityDecision:
        """Target groups and, for each subsidy of （二十五）, eligible / not_eligible /
        undetermined with the amount, the checks, what would make it eligible and the values
        that are unconfirmed defaults. Raises InvalidInputError (INVALID_PROFILE, INVALID_OFFER)."""
    @overload
    def check_eligibility(
        self,
        profile: Union[Mapping[str, Any], str],
        offer: Union[Mapping[str, Any], str, None] = None,
        *,
        as_of: _DateLike,
        subsidies: Optional[Sequence[_SubsidyId]] = None,
        explain: Literal[False],
    ) -> DecisionSummary: ...
    @overload
    def check_eligibility_batch(
        self,
        profiles: Sequence[Mapping[str, Any]],
        offer: Union[Mapping[str, Any], str, None] = None,
        *,
        as_of: _DateLike,
        subsidies: Optional[Sequence[_SubsidyId]] = None,
        explain: Optional[Literal[True]] = None,
    ) -> list[EligibilityDecision]:
        """`check_eligibility` for a list of profiles and one offer, in order."""
    @overload
    def check_eligibility_batch(
        self,
        profiles: Sequence[Mapping[str, Any]],
        offer: Union[Mapping[str, Any], str, None] = None,
        *,
        as_of: _DateLike,
        subsidies: Optional[Sequence[_SubsidyId]] = None,
        explain: Literal[False],
    ) -> list[DecisionSummary]: ...
    def eligibility_frame(
        self,
        roster: Any,
        offer: Union[Mapping[str, Any], str, None] = None,
        *,
        as_of: _DateLike,
        output: Literal["pandas", "polars", "arrow"] = "pandas",
        columns: Optional[Mapping[str, str]] = None,
    ) -> Any:
        """A roster's answers: one row per person with target_groups and, per subsidy, <id>,
        <id>_amount (Decimal) and <id>_missing. The roster is a pyarrow table, a polars or
        pandas DataFrame of profile fields, or a list of dicts."""

@final
class NativeReport:
    """The core's report, for the JSON and CSV it writes itself (``Report.to_json`` …)."""
    def to_json(self) -> str: ...
    def to_csv(self) -> str: ...
    def rows(self) -> list[dict[str, Any]]: ...

@final
class RosterAnswers:
    """A roster's answers as an Arrow stream (the PyCapsule interface); read once."""
    def __arrow_c_stream__(self, requested_schema: Optional[object] = None) -> object: ...

@final
class Tally:
    """Counts of records by indicator × region × month under one plan's rules."""
    @property
    def rows_read(self) -> int: ...
    @property
    def rows_counted(self) -> int: ...
    @property
    def rows_rejected(self) -> int: ...
    @property
    def ignored_columns(self) -> list[str]: ...
    @property
    def rejections(self) -> list[dict[str, Any]]: ...
    def totals(self) -> dict[str, int]: ...
    def region_total(self, indicator: str, region: str) -> int: ...
    def summary(self) -> dict[str, Any]: ...
    def cells(self) -> list[dict[str, Any]]: ...
    def to_pandas(self) -> Any: ...
    def observations(self) -> list[dict[str, Optional[str]]]: ...
    def merge(self, other: Tally) -> None: ...
    def to_json(self) -> str: ...
    @staticmethod
    def from_json(plan: Plan, text: str) -> Tally: ...

def read_observations(
    path: Union[str, os.PathLike[str]], *, encoding: Literal["auto", "utf-8", "gb18030"] = "auto"
) -> list[dict[str, Optional[str]]]:
    """Observations read from a CSV or JSON file, as dicts of text, ready for `Plan.progress`."""
def person_key(id_number: str, *, salt: bytes) -> str:
    """HMAC-SHA256(salt, the GB 11643-normalised ID number) as 64 hex digits."""
def default_plan() -> Plan:
    """The embedded Jilin 2022–2025 plan (吉人社联〔2022〕145号)."""
def load_plan(path: Union[str, os.PathLike[str]]) -> Plan:
    """Loads and validates a plan file (TOML)."""
def loads_plan(text: Union[str, bytes]) -> Plan:
    """Loads and validates a plan from TOML text or UTF-8 bytes."""
def json_schema() -> str:
    """The JSON Schema of the plan data format."""
def inject_fault(operation: str) -> None:
    """Makes the next call of `operation` raise InternalError, once (for testing error paths)."""
def _error_classes() -> list[tuple[str, str]]:
    """Every error code with the name of the skillplan.errors class it raises."""

_Status = Literal["eligible", "not_eligible", "undetermined"]

@final
class EligibilityDecision:
    """Target groups and the subsidies of （二十五） for one person and offer, as of a date.
    Reading ``subsidies`` and their status and amount explains nothing; ``explain()``,
    ``target_groups`` and ``to_dict()`` render the explanations."""
    @property
    def as_of(self) -> datetime.date: ...
    @property
    def subsidies(self) -> tuple[SubsidyDecision, ...]: ...
    @property
    def target_groups(self) -> list[TargetGroup]: ...
    def subsidy(self, id: str) -> SubsidyDecision:
        """One subsidy's answer; KeyError for another id or one not asked for."""
    def explain(self, lang: Literal["zh", "en"] = "zh") -> str:
        """The whole decision as text in one language."""
    def to_json(self) -> str:
        """The whole explained decision as JSON text."""
    def to_dict(self) -> dict[str, Any]:
        """The whole explained decision as dicts and lists."""
    def summary(self) -> DecisionSummary: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class SubsidyDecision:
    """The answer for one subsidy: read ``status`` and ``amount`` at no cost; the explained
    attributes (``name``, ``to_qualify`` …) are made on first access."""
    @property
    def id(self) -> _SubsidyId: ...
    @property
    def status(self) -> _Status: ...
    @property
    def amount(self) -> Optional[decimal.Decimal]: ...
    @property
    def version_id(self) -> Optional[str]: ...
    @property
    def failed(self) -> list[str]: ...
    @property
    def missing_facts(self) -> list[str]: ...
    @property
    def checks(self) -> tuple[Check, ...]: ...
    @property
    def version(self) -> Optional[RuleVersion]: ...
    @property
    def name(self) -> Label: ...
    @property
    def fund(self) -> Label: ...
    @property
    def clauses(self) -> list[str]: ...
    @property
    def to_qualify(self) -> list[Requirement]: ...
    @property
    def unconfirmed(self) -> list[Unconfirmed]: ...
    def explain(self, lang: Literal["zh", "en"] = "zh") -> str:
        """This subsidy as text in one language."""
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, value: object, /) -> bool: ...

@final
class Check:
    """One check of a subsidy rule: code, outcome and numbers; the explanation on demand."""
    @property
    def check(self) -> str: ...
    @property
    def outcome(self) -> Literal["yes", "no", "unknown"]: ...
    @property
    def have(self) -> Optional[int]: ...
    @property
    def need(self) -> Optional[int]: ...
    @property
    def date(self) -> Optional[datetime.date]: ...
    @property
    def missing_facts(self) -> list[str]: ...
    @property
    def explanation(self) -> Label: ...
    def explain(self, lang: Literal["zh", "en"] = "zh") -> str:
        """What the check found, in one language."""
    def __eq__(self, value: object, /) -> bool: ...
