"""Methods of some generated classes (``skillplan._types``): what a Python user expects of them
beyond their fields. Hand-written; ``scripts/gen_host_types.py`` makes the class of the same
name inherit from each class here."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

if TYPE_CHECKING:  # pragma: no cover
    import pandas

    from ._skillplan import NativeReport
    from ._types import Projection, ProjectionMethod


class Label:
    """``str()`` of a label is its Chinese text."""

    __slots__ = ()
    zh: str

    def __str__(self) -> str:
        return self.zh


class IndicatorProgress:
    """Finds a projection by its method."""

    __slots__ = ()
    projections: list[Projection]

    def projection(self, method: ProjectionMethod) -> Optional[Projection]:
        """The projection of ``method`` (linear_trend, escap_current_status,
        escap_anticipated_progress, unsd_cagr), applicable or not."""
        return next((p for p in self.projections if p.method == method), None)


class Report:
    """The core's own JSON and CSV of the report, and its rows as records or a DataFrame."""

    __slots__ = ("_native",)
    _native: NativeReport

    def to_json(self) -> str:
        """The report as JSON (decimals as strings), as the core writes it."""
        return self._native.to_json()

    def to_csv(self) -> str:
        """One row per indicator (and region) with the projections as columns, as CSV."""
        return self._native.to_csv()

    def to_records(self) -> list[dict[str, Any]]:
        """The rows of ``to_csv`` as dicts, with ``Decimal``, ``date`` and ``None`` values."""
        return self._native.rows()

    def to_pandas(self) -> pandas.DataFrame:
        """The records as a pandas DataFrame (decimal columns hold exact ``Decimal`` objects)."""
        import pandas

        return pandas.DataFrame(self.to_records())
