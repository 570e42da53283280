"""skillplan — one definition of a vocational-skills training action plan.

The Jilin Province plan 《吉林省职业技能培训行动计划（2022-2025年）》 (吉人社联〔2022〕145号) is
embedded::

    >>> import skillplan
    >>> plan = skillplan.default_plan()
    >>> plan.indicator("subsidized-training").target
    Decimal('840000')

Targets are ``decimal.Decimal`` and dates ``datetime.date``; errors are subclasses of
:class:`skillplan.SkillplanError` with a stable ``code`` and a ``path``.

Progress of the targets from observations (a pandas or polars DataFrame, or dicts)::

    >>> report = plan.progress(skillplan.read_observations("observations.csv"), datetime.date(2025, 12, 31))
    >>> report.to_pandas()  # one row per indicator, exact Decimal columns

Counting real-name training records by the plan's rules (a file, a pyarrow table, a polars or
pandas DataFrame, or dicts), then the progress of the counts::

    >>> tally = plan.count_records("records.csv")
    >>> tally.totals()["subsidized-training"]
    >>> plan.progress(tally.observations(), datetime.date(2025, 12, 31))

Eligibility for the subsidies of （二十五） — one person, or a roster as a DataFrame::

    >>> d = plan.check_eligibility({"employment": "employed", "unemployment_insurance_months": 7},
    ...     {"target_level": "intermediate", "certificate_date": "2025-03-01"}, as_of="2025-04-01")
    >>> d.subsidy("skill_upgrade_subsidy").status
    >>> plan.eligibility_frame(roster_df, offer, as_of="2025-04-01")  # one row per person

"""

from __future__ import annotations

from ._types import (
    Attribute,
    CheckKind,
    Clause,
    ClauseKind,
    Column,
    ColumnItem,
    Comparator,
    ConditionKind,
    ConditionProgress,
    Confidence,
    CountingRule,
    CrosswalkDirection,
    CrosswalkEntry,
    DecisionSummary,
    Department,
    EducationEquivalence,
    EligibilityStatus,
    ExpectedMethod,
    Fact,
    HeldLevelView,
    Indicator,
    IndicatorProgress,
    Issue,
    Label,
    LevelKind,
    Measure,
    Metadata,
    PartsCheck,
    Pathway,
    Period,
    PlanMilestone,
    ProgressWarning,
    Projection,
    ProjectionClass,
    ProjectionMethod,
    RecordCondition,
    Region,
    RegionalTarget,
    RegionKind,
    Report,
    Responsibility,
    RouteProgress,
    SkillLevel,
    Source,
    Status,
    Step,
    SubsidySummary,
    Title,
    TitleGrade,
    Unit,
    Unlock,
    UnlockKind,
    WarningCode,
)
from ._skillplan import (
    Plan,
    Tally,
    default_plan,
    inject_fault,
    json_schema,
    load_plan,
    loads_plan,
    person_key,
    read_observations,
)
from .eligibility import EligibilityDecision, SubsidyDecision, TargetGroup
from .errors import InternalError, InvalidInputError, NotFoundError, PlanError, SkillplanError

from ._skillplan import __version__

__all__ = [
    "Attribute",
    "CheckKind",
    "Clause",
    "ClauseKind",
    "Column",
    "ColumnItem",
    "Comparator",
    "ConditionKind",
    "ConditionProgress",
    "Confidence",
    "CountingRule",
    "CrosswalkDirection",
    "CrosswalkEntry",
    "DecisionSummary",
    "Department",
    "EducationEquivalence",
    "EligibilityDecision",
    "EligibilityStatus",
    "ExpectedMethod",
    "Fact",
    "HeldLevelView",
    "Indicator",
    "IndicatorProgress",
    "InternalError",
    "InvalidInputError",
    "Issue",
    "Label",
    "LevelKind",
    "Measure",
    "Metadata",
    "NotFoundError",
    "PartsCheck",
    "Pathway",
    "Period",
    "Plan",
    "PlanError",
    "PlanMilestone",
    "ProgressWarning",
    "Projection",
    "ProjectionClass",
    "ProjectionMethod",
    "RecordCondition",
    "Region",
    "RegionKind",
    "RegionalTarget",
    "Report",
    "Responsibility",
    "RouteProgress",
    "SkillLevel",
    "SkillplanError",
    "Source",
    "Status",
    "Step",
    "SubsidyDecision",
    "SubsidySummary",
    "Tally",
    "TargetGroup",
    "Title",
    "TitleGrade",
    "Unit",
    "Unlock",
    "UnlockKind",
    "WarningCode",
    "__version__",
    "default_plan",
    "inject_fault",
    "json_schema",
    "load_plan",
    "loads_plan",
    "person_key",
    "read_observations",
]
