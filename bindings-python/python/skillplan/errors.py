"""Exceptions raised by skillplan.

Every error carries a stable ``code`` (e.g. ``"PLAN_INVALID"``), a ``path`` to the offending
input (``"indicators[2].parent"``, or the argument name of a query), and, for an invalid plan,
a ``reason`` (``"cyclic_parent"``) and every ``issue`` found. Messages never contain personal
data.
"""

from __future__ import annotations

from typing import Any, Optional, Sequence


class SkillplanError(Exception):
    """Base class of every skillplan error."""

    code: str
    path: str
    reason: Optional[str]
    issues: list[Any]

    def __init__(
        self,
        message: str,
        *,
        code: str = "INTERNAL",
        path: str = "",
        reason: Optional[str] = None,
        issues: Sequence[Any] = (),
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.path = path
        self.reason = reason
        self.issues = list(issues)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(code={self.code!r}, path={self.path!r}, message={self.message!r})"


class PlanError(SkillplanError):
    """A plan file that cannot be read or is invalid (codes ``PLAN_*``)."""


class NotFoundError(SkillplanError, LookupError):
    """A query named an indicator, clause, department or region the plan does not have
    (codes ``UNKNOWN_*``)."""


class InvalidInputError(SkillplanError, ValueError):
    """Input that cannot be used: observations or options (codes ``INVALID_*``); ``reason`` says how."""


class InternalError(SkillplanError):
    """A fault inside skillplan, a bug (code ``INTERNAL``): the call failed, the library and the
    process go on. The message names the operation and nothing of the input."""


__all__ = ["SkillplanError", "PlanError", "NotFoundError", "InvalidInputError", "InternalError"]
