"""An analyst's progress report: observations from a CSV into pandas, progress of every target
of 专栏1 as of a date, a DataFrame out (exact Decimals), and where each indicator stands.

Run: .venv/bin/python examples/python/progress_report.py [AS_OF]
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import pandas as pd

import skillplan

DATA = Path(__file__).resolve().parents[1] / "data" / "jilin-observations.csv"


def main(as_of: datetime.date) -> pd.DataFrame:
    plan = skillplan.default_plan()
    observations = pd.read_csv(DATA, dtype={"value": str})
    report = plan.progress(observations, as_of)
    frame: pd.DataFrame = report.to_pandas()
    columns = ["indicator", "target", "achieved", "completion", "expected", "performance", "status", "unsd_cagr_class"]
    print(frame[frame.region.isna()][columns].to_string(index=False))
    for warning in report.warnings:
        print(f"warning {warning.code}: {warning.message}")
    behind = [r.indicator for r in report.indicators if r.status in ("behind", "far_behind", "missed")]
    print(f"as of {as_of}: {len(behind)} indicator(s) behind or missed: {', '.join(behind) or 'none'}")
    return frame


if __name__ == "__main__":
    main(datetime.date.fromisoformat(sys.argv[1]) if len(sys.argv) > 1 else datetime.date(2025, 6, 30))
