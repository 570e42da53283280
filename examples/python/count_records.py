"""Count real-name training records by the plan's rules, then report progress.

    python examples/python/count_records.py [records.csv]

Without an argument it counts the sample records of the conformance corpus (2,000 synthetic
trainings and 40 training bases). The same tally comes from a path, a pyarrow table, a polars or
pandas DataFrame, or a list of dicts; tallies of separate parts merge into the tally of the whole.
"""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

import polars as pl

import skillplan

ROOT = Path(__file__).resolve().parents[2]
RECORDS = ROOT / "tests" / "conformance" / "records"


def main() -> None:
    plan = skillplan.default_plan()
    training = Path(sys.argv[1]) if len(sys.argv) > 1 else RECORDS / "sample-training.csv"

    tally = plan.count_records(training)  # streamed from disk, without the GIL
    bases = plan.count_records(pl.read_csv(RECORDS / "sample-bases.csv"))  # any Arrow-capable frame
    tally.merge(bases)
    print(f"read {tally.rows_read}, counted {tally.rows_counted}, rejected {tally.rows_rejected}")
    for indicator, count in tally.totals().items():
        print(f"  {indicator}: {count}")
    print(f"长春市 (with 长春新区): {tally.region_total('subsidized-training', 'changchun')} subsidised trainings")

    # A bad record is skipped and reported with its row, field and a stable code.
    bad = plan.count_records([{"record_id": "x1", "person_key": "k", "region": "110000", "training_type": "other",
                               "subsidised": True, "start_date": "2023-01-01"}])
    print("rejected:", [(r["row"], r["field"], r["code"]) for r in bad.rejections])

    report = plan.progress(tally.observations(), datetime.date(2025, 12, 31))
    for row in report.indicators:
        print(f"{row.indicator}: {row.achieved} of {row.target} ({row.status})")
    print(tally.to_pandas().head(3).to_string(index=False))


if __name__ == "__main__":
    main()
