"""A 1M-row roster's eligibility from Python (issue 5 goal: ≤ 0.5 s), in one run.

Builds a deterministic roster as a pyarrow table (dates as date32, statuses as lists, a few
received subsidies as JSON text), then times ``plan.eligibility_frame`` to Arrow, to polars and
to pandas, and checks a sample of rows against single ``check_eligibility`` calls.

    .venv/bin/python scripts/bench/eligibility.py [--rows 1000000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import datetime

import numpy as np
import pyarrow as pa  # type: ignore[import-untyped]

import skillplan
from timing import timed

OFFER = {
    "training_type": "employment_skills",
    "target_level": "intermediate",
    "certificate_kind": "skill_level_certificate",
    "occupation": "电工",
    "hours": 120,
    "provider_listed": True,
    "start_date": "2025-01-10",
    "certificate_date": "2025-03-01",
    "shortage_occupation": False,
}
AS_OF = datetime.date(2025, 4, 1)


def roster(rows: int) -> pa.Table:
    rng = np.random.default_rng(7)
    employment = np.array(["employed", "registered_unemployed", "self_employed", "student", "not_continuing_after_senior_high"])
    statuses = [[], ["rural_transfer_labour"], ["veteran"], ["disabled"], ["poverty_alleviated", "employment_difficulty"]]
    school = np.array(["secondary_school", "university", "technical_school", "vocational_college"])
    received = np.array([None, None, None, '[{"kind": "skill_upgrade_subsidy", "date": "2025-01-15", "level": "junior", "occupation": "焊工", "shortage_occupation": false}]'], dtype=object)
    epoch = datetime.date(1970, 1, 1)
    birth0 = (datetime.date(1965, 1, 1) - epoch).days
    grad0 = (datetime.date(2000, 1, 1) - epoch).days
    return pa.table(
        {
            "birth_date": pa.array(birth0 + rng.integers(0, 40 * 365, rows), pa.int32()).cast(pa.date32()),
            "sex": pa.array(np.where(rng.random(rows) < 0.5, "female", "male")),
            "hukou": pa.array(np.where(rng.random(rows) < 0.4, "rural", "urban")),
            "employment": pa.array(employment[rng.integers(0, len(employment), rows)]),
            "statuses": pa.array([statuses[i] for i in rng.integers(0, len(statuses), rows)], pa.list_(pa.string())),
            "unemployment_insurance_months": pa.array(rng.integers(0, 48, rows), pa.int32()),
            "receiving_unemployment_benefit": pa.array(rng.random(rows) < 0.1),
            "school_type": pa.array(school[rng.integers(0, len(school), rows)]),
            "graduation_date": pa.array(grad0 + rng.integers(0, 26 * 365, rows), pa.int32()).cast(pa.date32()),
            "subsidies_received": pa.array(received[rng.integers(0, len(received), rows)], pa.string()),
        }
    )




def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    plan = skillplan.default_plan()
    table = roster(args.rows)
    print(f"{args.rows:,} rows, {args.repeat} repeats, median")
    arrow_s, out = timed(lambda: plan.eligibility_frame(table, OFFER, as_of=AS_OF, output="arrow"), args.repeat)
    print(f"eligibility_frame → pyarrow Table   {arrow_s:.3f} s")
    polars_s, _ = timed(lambda: plan.eligibility_frame(table, OFFER, as_of=AS_OF, output="polars"), args.repeat)
    print(f"eligibility_frame → polars          {polars_s:.3f} s")
    pandas_s, frame = timed(lambda: plan.eligibility_frame(table, OFFER, as_of=AS_OF, output="pandas"), max(1, args.repeat // 2))
    print(f"eligibility_frame → pandas          {pandas_s:.3f} s  (Decimal objects for amounts)")
    counts = out.column("skill_upgrade_subsidy").value_counts().to_pylist()
    print("skill_upgrade_subsidy:", ", ".join(f"{c['values']} {c['counts']:,}" for c in counts))
    rows = table.slice(0, 200).to_pylist()
    for i, row in enumerate(rows):
        profile = {k: v for k, v in row.items() if v is not None}
        if "subsidies_received" in profile:
            import json

            profile["subsidies_received"] = json.loads(profile["subsidies_received"])
        d = plan.check_eligibility(profile, OFFER, as_of=AS_OF)
        for s in d.subsidies:
            assert frame[s.id][i] == s.status, (i, s.id)
    print("the first 200 rows equal single check_eligibility calls")


if __name__ == "__main__":
    main()
