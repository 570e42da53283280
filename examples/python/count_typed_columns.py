"""Count training records held in typed columns, as a database or Parquet export holds them.

    python examples/python/count_typed_columns.py [rows]

Region codes as int32 (county codes count toward their prefecture), training types and groups
as dictionary-encoded strings, `subsidised` as booleans, dates as date32 and the certificate
level as an int8 national level (3 = 高级工). skillplan counts them a column at a time: a
dictionary's entries are resolved once, codes through a lookup and dates by arithmetic. The same
records as text (every column a string, as a CSV reader gives them) count to the same tally, with
the same rejections.
"""

from __future__ import annotations

import datetime as dt
import sys

import pyarrow as pa  # type: ignore[import-untyped]

import skillplan

EPOCH = dt.date(1970, 1, 1)


def typed_records(n: int) -> pa.Table:
    codes = [220100, 220102, 220200, 222401, 220300]
    types = ["employment_skills", "apprenticeship", "skill_upgrading"]
    first = (dt.date(2022, 1, 1) - EPOCH).days
    done = [first + (i * 37) % 1461 for i in range(n)]
    certified = [i % 5 < 2 for i in range(n)]
    return pa.table({
        "record_id": [f"r{i}" for i in range(n)],
        "person_key": [f"k{i:08x}" for i in range(n)],
        "region": pa.array([codes[i % len(codes)] if i != 7 else 110000 for i in range(n)], pa.int32()),
        "training_type": pa.array([types[i % 3] for i in range(n)]).dictionary_encode(),
        "subsidised": pa.array([i % 10 < 7 for i in range(n)]),
        "groups": pa.array(["migrant_worker" if i % 2 else None for i in range(n)]).dictionary_encode(),
        "start_date": pa.array([d - 30 for d in done], pa.date32()),
        "completion_date": pa.array(done, pa.date32()),
        "certificate_kind": pa.array(["skill_level_certificate" if c else None for c in certified]).dictionary_encode(),
        "certificate_level": pa.array([(i // 5) % 5 + 1 if c else None for i, c in enumerate(certified)], pa.int8()),
        "certificate_date": pa.array([d + 20 if c else None for d, c in zip(done, certified)], pa.date32()),
    })


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    plan = skillplan.default_plan()
    typed = typed_records(rows)
    tally = plan.count_records(typed)  # column by column, on every core, without the GIL
    print(f"read {tally.rows_read:,}, counted {tally.rows_counted:,}, rejected {tally.rows_rejected}")
    print("rejected:", [(r["row"], r["field"], r["code"]) for r in tally.rejections])
    for indicator, count in tally.totals().items():
        print(f"  {indicator}: {count:,}")

    as_text = pa.table({name: typed[name].cast(pa.string()) for name in typed.column_names})
    same = plan.count_records(as_text).summary() == tally.summary()
    print("the same records as text count the same:", same)


if __name__ == "__main__":
    main()
