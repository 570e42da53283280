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

from ._skillplan import (
    Clause,
    ConditionProgress,
    CrosswalkEntry,
    EducationEquivalence,
    HeldLevelView,
    Pathway,
    RouteProgress,
    SkillLevel,
    Step,
    Title,
    Unlock,
    Column,
    ColumnItem,
    Department,
    Indicator,
    IndicatorProgress,
    Issue,
    Label,
    Measure,
    Metadata,
    PartsCheck,
    Period,
    Plan,
    ProgressWarning,
    Projection,
    Region,
    RegionalTarget,
    Report,
    Responsibility,
    Tally,
    default_plan,
    inject_fault,
    json_schema,
    load_plan,
    loads_plan,
    read_observations,
)
from .eligibility import EligibilityDecision, SubsidyDecision, TargetGroup
from .errors import InternalError, InvalidInputError, NotFoundError, PlanError, SkillplanError

__all__ = [
    "Clause",
    "ConditionProgress",
    "CrosswalkEntry",
    "EducationEquivalence",
    "EligibilityDecision",
    "HeldLevelView",
    "Pathway",
    "RouteProgress",
    "SkillLevel",
    "Step",
    "SubsidyDecision",
    "TargetGroup",
    "Title",
    "Unlock",
    "Column",
    "ColumnItem",
    "Department",
    "Indicator",
    "IndicatorProgress",
    "InternalError",
    "InvalidInputError",
    "Issue",
    "Label",
    "Measure",
    "Metadata",
    "NotFoundError",
    "PartsCheck",
    "Period",
    "Plan",
    "PlanError",
    "ProgressWarning",
    "Projection",
    "Region",
    "RegionalTarget",
    "Report",
    "Responsibility",
    "SkillplanError",
    "Tally",
    "default_plan",
    "inject_fault",
    "json_schema",
    "load_plan",
    "loads_plan",
    "read_observations",
]
