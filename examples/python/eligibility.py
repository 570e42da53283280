"""Eligibility for the subsidies of （二十五）: one worker, then a roster as a DataFrame.

    python examples/python/eligibility.py
"""

from __future__ import annotations

import datetime

import pandas as pd

import skillplan

plan = skillplan.default_plan()
as_of = datetime.date(2025, 4, 1)
offer = {
    "training_type": "employment_skills",
    "target_level": "intermediate",
    "certificate_kind": "skill_level_certificate",
    "occupation": "电工",
    "hours": 120,
    "provider_listed": True,
    "start_date": datetime.date(2025, 1, 10),
    "certificate_date": datetime.date(2025, 3, 1),
    "shortage_occupation": False,
}
worker = {
    "employment": "employed",
    "statuses": ["农民工"],
    "unemployment_insurance_months": 7,
    "receiving_unemployment_benefit": False,
    "subsidies_received": [],
    "school_type": "secondary_school",
    "graduation_date": datetime.date(2008, 7, 1),
}

# The answer first: status, amount and rule version of each subsidy, with nothing explained yet.
decision = plan.check_eligibility(worker, offer, as_of=as_of)
for s in decision.subsidies:
    amount = f" {s.amount} 元" if s.amount is not None else ""
    print(f"{s.id}: {s.status}{amount} ({s.version_id or 'no rule'})")

# The explanation on demand: the groups with their clauses, what would qualify, one subsidy as text.
print("target groups:", ", ".join(f"{g.id} {g.clause}" for g in decision.target_groups if g.status == "member"))
upgrade = decision.subsidy("skill_upgrade_subsidy")
for r in upgrade.to_qualify:
    print("   to qualify:", r.explanation.en)
print(upgrade.explain("zh"))

roster = pd.DataFrame(
    {
        "employment": ["employed", "employed", "registered_unemployed"],
        "unemployment_insurance_months": [7, 14, None],
        "statuses": ["rural_transfer_labour", "", "disabled"],
        "receiving_unemployment_benefit": [False, False, True],
        "subsidies_received": ["[]", "[]", "[]"],
        "school_type": ["secondary_school"] * 3,
        "graduation_date": ["2008-07-01"] * 3,
    }
)
frame = plan.eligibility_frame(roster, offer, as_of=as_of)
print(frame[["skill_upgrade_subsidy", "skill_upgrade_subsidy_amount", "training_subsidy", "training_subsidy_amount"]].to_string())
try:
    plan.check_eligibility({"id_number": "110105194912310021"}, as_of=as_of)
except skillplan.InvalidInputError as e:
    print(f"refused: {e.code} at {e.path} ({e.reason})")
