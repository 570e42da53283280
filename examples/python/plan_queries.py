"""A Python analyst's first look at the plan: targets as exact Decimals, the 其中 hierarchy,
who is responsible for what, and how errors look.

Run: .venv/bin/python examples/python/plan_queries.py
"""

from __future__ import annotations

import skillplan


def main() -> None:
    plan = skillplan.default_plan()
    meta = plan.metadata
    print(f"{meta.title.zh} ({meta.document_number}), {meta.period.start} – {meta.period.end}")
    print(f"fingerprint {plan.fingerprint[:12]}")

    for indicator in plan.indicators():
        indent = "  " if indicator.parent else ""
        print(f"{indent}{indicator.row}. {indicator.name.en}: {indicator.comparator} {indicator.target} ({indicator.unit})")

    parts = plan.parts("subsidized-training")
    share = sum((p.target for p in parts), start=0) / plan.indicator("subsidized-training").target
    print(f"rows 2+3 are {share:.2%} of row 1 (parts may overlap: a migrant worker can be an apprentice)")

    measures = plan.measures_for_department("省教育厅")
    print(f"省教育厅 is named in {len(measures)} measures: {' '.join(m.id for m in measures)}")

    clause = plan.clause("（二十五）")
    print(f"{clause.id} {clause.title.zh}: {clause.text_zh[:40]}…")

    try:
        plan.region("220184")
    except skillplan.NotFoundError as err:
        print(f"error {err.code} at {err.path!r}: {err}")


if __name__ == "__main__":
    main()
