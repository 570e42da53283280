"""skillplan — one definition of a vocational-skills training action plan.

The Jilin Province plan 《吉林省职业技能培训行动计划（2022-2025年）》 (吉人社联〔2022〕145号) is
embedded::

    >>> import skillplan
    >>> plan = skillplan.default_plan()
    >>> plan.indicator("subsidized-training").target
    Decimal('840000')

Targets are ``decimal.Decimal`` and dates ``datetime.date``; errors are subclasses of
:class:`skillplan.SkillplanError` with a stable ``code`` and a ``path``.
"""

from __future__ import annotations

from ._skillplan import (
    Clause,
    Column,
    ColumnItem,
    Department,
    Indicator,
    Issue,
    Label,
    Measure,
    Metadata,
    Period,
    Plan,
    Region,
    Responsibility,
    default_plan,
    json_schema,
    load_plan,
    loads_plan,
)
from .errors import InvalidInputError, NotFoundError, PlanError, SkillplanError

__all__ = [
    "Clause",
    "Column",
    "ColumnItem",
    "Department",
    "Indicator",
    "InvalidInputError",
    "Issue",
    "Label",
    "Measure",
    "Metadata",
    "NotFoundError",
    "Period",
    "Plan",
    "PlanError",
    "Region",
    "Responsibility",
    "SkillplanError",
    "default_plan",
    "json_schema",
    "load_plan",
    "loads_plan",
]
