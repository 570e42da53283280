"""One eligibility check from Python, in one run (issue 15 goals: ≤ 1.5 µs reading status and
amount of all four subsidies, and ≥ 5× faster than zen-engine's ``ZenEngine.evaluate``).

The peers encode the 2025 技能提升补贴 rule of ``scripts/bench/eligibility-node.js`` — insured
status, 12 months, certificate kind, level amounts, the 12-month window, 1 + 2 急需紧缺 times a
year, the same occupation and level once, no lower after higher, not on top of 职业培训补贴 — as a
JDM decision table for zen-engine (loaded by key from a static loader) and as plain Python. Their
facts are computed from the same profiles by a Python function, timed with them. The script
exits 1 unless every path gives the same answer (eligible and amount) for every profile.

    .venv/bin/pip install zen-engine  # once
    .venv/bin/python scripts/bench/eligibility-single.py [--profiles 20000] [--repeat 5]

(after ``cd bindings-python && ../.venv/bin/maturin develop --release``).
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import statistics
import sys
import time
from typing import Any, Callable, Optional

import skillplan

AS_OF = datetime.date(2026, 3, 1)
LEVELS = ["junior", "intermediate", "senior", "technician"]
ORDINAL = {"junior": 2, "intermediate": 3, "senior": 4, "technician": 5}
AMOUNT = {"junior": 1000, "intermediate": 1500, "senior": 2000}
KINDS = ["vocational_qualification", "skill_level_certificate", "special_ability", "training_certificate"]
OCCUPATIONS = ["电工", "焊工", "育婴员"]

Input = dict[str, Any]


def people(n: int) -> list[Input]:
    rng = random.Random(42)

    def day(start: str, span: int) -> str:
        return (datetime.date.fromisoformat(start) + datetime.timedelta(days=rng.randrange(span))).isoformat()

    out = []
    for _ in range(n):
        received = [
            {"kind": rng.choice(["skill_upgrade_subsidy", "skill_upgrade_subsidy", "training_subsidy"]), "date": day("2025-01-01", 59),
             "level": rng.choice(LEVELS[:3]), "occupation": rng.choice(OCCUPATIONS), "shortage_occupation": rng.random() < 0.5}
            for _ in range(rng.randrange(3))
        ]
        profile = {"employment": rng.choice(["employed", "employed", "registered_unemployed"]), "receiving_unemployment_benefit": rng.random() < 0.3,
                   "unemployment_insurance_months": rng.randrange(40), "subsidies_received": received, "statuses": [],
                   "school_type": "secondary_school", "graduation_date": "2008-07-01"}
        offer = {"target_level": rng.choice(LEVELS), "certificate_kind": rng.choice(KINDS), "occupation": rng.choice(OCCUPATIONS),
                 "shortage_occupation": rng.random() < 0.4, "certificate_date": day("2025-03-01", 300)}
        out.append({"profile": profile, "offer": offer})
    return out


def facts(x: Input) -> dict[str, Any]:
    """The facts the peers read, computed from the profile and offer as the Node script does."""
    profile, offer = x["profile"], x["offer"]
    issued = datetime.date.fromisoformat(offer["certificate_date"])
    deadline = issued.replace(year=issued.year + 1)  # 12 months on; no 29 February in the range
    upgrades = [s for s in profile["subsidies_received"] if s["kind"] == "skill_upgrade_subsidy"]
    this_year = [s for s in upgrades if s["date"][:4] == str(AS_OF.year)]
    ordinary = sum(1 for s in this_year if not s["shortage_occupation"]) + (0 if offer["shortage_occupation"] else 1)

    def same(s: dict[str, Any]) -> bool:
        return bool(s["level"] == offer["target_level"] and s["occupation"] == offer["occupation"])

    return {
        "insured": profile["employment"] == "employed" or profile["receiving_unemployment_benefit"] is True,
        "months": profile["unemployment_insurance_months"],
        "certificateKind": offer["certificate_kind"],
        "level": offer["target_level"],
        "withinWindow": AS_OF <= deadline,
        "yearOk": len(this_year) < 3 and ordinary <= 1,
        "sameReceived": any(same(s) for s in upgrades),
        "higherReceived": any(ORDINAL[s["level"]] > ORDINAL[offer["target_level"]] for s in upgrades),
        "trainingSame": any(s["kind"] == "training_subsidy" and same(s) for s in profile["subsidies_received"]),
    }


def jdm() -> str:
    """The rule as a JDM decision table, as the Node script writes it for ZEN."""
    rules = [
        {"_id": f"r{i}", "insured": "true", "months": ">= 12", "kind": '"vocational_qualification", "skill_level_certificate"',
         "level": f'"{level}"', "window": "true", "year": "true", "same": "false", "higher": "false", "training": "false",
         "eligible": "true", "amount": str(amount)}
        for i, (level, amount) in enumerate(AMOUNT.items())
    ]
    rules.append({"_id": "other", "insured": "", "months": "", "kind": "", "level": "", "window": "", "year": "", "same": "",
                  "higher": "", "training": "", "eligible": "false", "amount": "null"})
    fields = [("insured", "insured"), ("months", "months"), ("kind", "certificateKind"), ("level", "level"), ("window", "withinWindow"),
              ("year", "yearOk"), ("same", "sameReceived"), ("higher", "higherReceived"), ("training", "trainingSame")]
    return json.dumps({
        "nodes": [
            {"id": "in", "type": "inputNode", "name": "request", "position": {"x": 0, "y": 0}},
            {"id": "table", "type": "decisionTableNode", "name": "skill upgrade subsidy", "position": {"x": 200, "y": 0}, "content": {
                "hitPolicy": "first",
                "inputs": [{"id": i, "name": i, "field": f} for i, f in fields],
                "outputs": [{"id": "eligible", "name": "eligible", "field": "eligible"}, {"id": "amount", "name": "amount", "field": "amount"}],
                "rules": rules,
            }},
            {"id": "out", "type": "outputNode", "name": "response", "position": {"x": 400, "y": 0}},
        ],
        "edges": [{"id": "e1", "sourceId": "in", "targetId": "table", "type": "edge"},
                  {"id": "e2", "sourceId": "table", "targetId": "out", "type": "edge"}],
    })


def zen_check() -> Callable[[Input], Optional[str]]:
    import zen  # type: ignore[import-not-found]

    content = jdm()
    engine = zen.ZenEngine({"loader": lambda key: content})

    def check(x: Input) -> Optional[str]:
        result = engine.evaluate("skill-upgrade", facts(x))["result"]
        return str(result["amount"]) if result["eligible"] else None

    return check


def plain_check(x: Input) -> Optional[str]:
    f = facts(x)
    ok = (f["insured"] and f["months"] >= 12 and f["certificateKind"] in ("vocational_qualification", "skill_level_certificate")
          and f["level"] in AMOUNT and f["withinWindow"] and f["yearOk"] and not f["sameReceived"] and not f["higherReceived"]
          and not f["trainingSame"])
    return str(AMOUNT[f["level"]]) if ok else None


def skillplan_check(plan: skillplan.Plan) -> Callable[[Input], Optional[str]]:
    def check(x: Input) -> Optional[str]:
        d = plan.check_eligibility(x["profile"], x["offer"], as_of=AS_OF)
        upgrade = None
        for s in d.subsidies:  # status and amount of all four, as a portal page shows them
            status, amount = s.status, s.amount
            if s.id == "skill_upgrade_subsidy":
                upgrade = str(amount) if status == "eligible" else None
        return upgrade

    return check


def timed(name: str, check: Callable[[Input], Optional[str]], inputs: list[Input], repeat: int) -> tuple[float, list[Optional[str]]]:
    times, answers = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        answers = [check(x) for x in inputs]
        times.append((time.perf_counter() - start) / len(inputs) * 1e6)
    micros = statistics.median(times)
    print(f"{name:<58} {micros:9.2f} µs")
    return micros, answers


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profiles", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    plan = skillplan.default_plan()
    inputs = people(args.profiles)
    print(f"{len(inputs):,} profiles, {args.repeat} repeats, median per check")
    sp, sp_answers = timed("skillplan check_eligibility (status+amount of all four)", skillplan_check(plan), inputs, args.repeat)
    zn, zen_answers = timed("zen-engine ZenEngine.evaluate(key), static loader", zen_check(), inputs, args.repeat)
    py, py_answers = timed("plain Python (facts + rule)", plain_check, inputs, args.repeat)

    # Batches: one offer for all, so the batch is timed on the profiles of the first offer.
    offer = inputs[0]["offer"]
    same_offer = [{"profile": x["profile"], "offer": offer} for x in inputs]
    profiles = [x["profile"] for x in same_offer]
    single, single_answers = timed("skillplan check_eligibility, one offer", skillplan_check(plan), same_offer, args.repeat)
    batch_times = []
    batch: list[Any] = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        batch = plan.check_eligibility_batch(profiles, offer, as_of=AS_OF)
        for d in batch:
            for s in d.subsidies:
                s.status, s.amount
        batch_times.append((time.perf_counter() - start) / len(profiles) * 1e6)
    bt = statistics.median(batch_times)
    print(f"{'skillplan check_eligibility_batch, per check (all cores)':<58} {bt:9.2f} µs")
    # Where a batch's time goes: the call, then reading the decisions it returned, with Python's
    # collector on (it walks the many objects held at once) and off.
    import gc

    for collector in ("on", "off"):
        calls, reads = [], []
        for _ in range(args.repeat):
            if collector == "off":
                gc.disable()
            start = time.perf_counter()
            held = plan.check_eligibility_batch(profiles, offer, as_of=AS_OF)
            middle = time.perf_counter()
            for d in held:
                for s in d.subsidies:
                    s.status, s.amount
            end = time.perf_counter()
            gc.enable()
            del held
            calls.append((middle - start) / len(profiles) * 1e6)
            reads.append((end - middle) / len(profiles) * 1e6)
        print(f"{'  the batch call / reading its decisions, collector ' + collector:<58} {statistics.median(calls):6.2f} / {statistics.median(reads):.2f} µs")

    # The fixed cost of a call: empty profile and offer, as of a date or ISO text; texts in.
    empty = [{"profile": {}, "offer": {}}] * len(inputs)
    timed("  check_eligibility({}, {}): the cost of a call", skillplan_check(plan), empty, args.repeat)
    texts = [{"profile": json.dumps(x["profile"]), "offer": json.dumps(x["offer"])} for x in inputs]
    timed("  check_eligibility(JSON text, JSON text)", skillplan_check(plan), texts, args.repeat)
    batch_answers = [
        (str(s.amount) if s.status == "eligible" else None) for d in batch for s in d.subsidies if s.id == "skill_upgrade_subsidy"
    ]

    # On demand: one subsidy's explanation, in one language and as the explained object.
    sample = [plan.check_eligibility(x["profile"], x["offer"], as_of=AS_OF).subsidy("skill_upgrade_subsidy") for x in inputs[:2000]]
    start = time.perf_counter()
    for s in sample:
        s.explain("zh")
    explain_us = (time.perf_counter() - start) / len(sample) * 1e6
    print(f"{'explanation of one subsidy on demand: explain(zh)':<58} {explain_us:9.2f} µs")
    start = time.perf_counter()
    for s in sample:
        s.to_dict()
    dict_us = (time.perf_counter() - start) / len(sample) * 1e6
    print(f"{'one subsidy explained in both languages: to_dict()':<58} {dict_us:9.2f} µs")

    eligible = sum(a is not None for a in sp_answers)
    agree = sp_answers == zen_answers == py_answers and single_answers == batch_answers
    print(f"answers agree: {agree} ({eligible:,} eligible of {len(inputs):,})")
    print(f"skillplan vs zen-engine: {zn / sp:.1f}× faster; batch / single per check: {bt / single:.2f}")
    if not agree:
        bad = next(i for i, (a, b, c) in enumerate(zip(sp_answers, zen_answers, py_answers)) if not a == b == c)
        print(f"first disagreement at profile {bad}: skillplan {sp_answers[bad]}, zen {zen_answers[bad]}, python {py_answers[bad]}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
