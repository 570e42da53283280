"""Leak check of the Python binding: a million calls, RSS before and after (issue 7 goal: growth
under 10 MB).

The calls cycle through the kinds a host makes all day — an eligibility decision, a refused
profile (the error path), a pathway, a small tally, a plan query and a refused query — so that
what each allocates on both sides of the boundary (Python objects, Rust values, exceptions) is
freed. RSS is read from /proc/self/status after a warm-up and every 100,000 calls: a leak shows
as steady growth, not as the first allocations of the allocator and interpreter.

    .venv/bin/python scripts/bench/leak.py [--calls 1000000]
"""

from __future__ import annotations

import argparse
import datetime
import gc
import json
import pathlib
import time
from typing import Any, Callable

import skillplan

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = ROOT / "examples" / "data"


def rss_kib() -> int:
    for line in pathlib.Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


def calls() -> list[Callable[[], Any]]:
    plan = skillplan.default_plan()
    as_of = datetime.date(2025, 6, 30)
    profile = json.loads((DATA / "profile.json").read_text())
    offer = json.loads((DATA / "offer.json").read_text())
    worker = json.loads((DATA / "worker-welder.json").read_text())
    bad_profile = {**profile, "statuses": ["veteran", 7]}
    records = [
        {"record_id": f"r{i}", "person_key": f"k{i}", "region": "220100", "training_type": "employment_skills",
         "subsidised": True, "start_date": "2023-05-01", "completion_date": "2023-05-31"}
        for i in range(3)
    ]

    def refused(call: Callable[[], Any]) -> Callable[[], Any]:
        def run() -> Any:
            try:
                call()
            except skillplan.SkillplanError as e:
                return e.code
            raise AssertionError("expected an error")
        return run

    return [
        lambda: plan.check_eligibility(profile, offer, as_of=as_of),
        refused(lambda: plan.check_eligibility(bad_profile, offer, as_of=as_of)),
        lambda: plan.pathway(worker, as_of),
        lambda: plan.count_records(records).totals(),
        lambda: plan.indicator("subsidized-training"),
        refused(lambda: plan.region("nowhere")),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=1_000_000)
    parser.add_argument("--warmup", type=int, default=30_000)
    args = parser.parse_args()
    kinds = calls()
    for i in range(args.warmup):
        kinds[i % len(kinds)]()
    gc.collect()
    start_rss = rss_kib()
    samples = [(0, start_rss)]
    started = time.perf_counter()
    step = max(args.calls // 10, 1)
    for i in range(1, args.calls + 1):
        kinds[i % len(kinds)]()
        if i % step == 0:
            gc.collect()
            samples.append((i, rss_kib()))
    elapsed = time.perf_counter() - started
    growth = samples[-1][1] - start_rss
    print(f"python: {args.calls:,} calls ({len(kinds)} kinds) in {elapsed:.1f} s")
    print("  calls      RSS (MiB)")
    for n, kib in samples:
        print(f"  {n:>9,}  {kib / 1024:8.1f}")
    print(f"  RSS growth after warm-up: {growth / 1024:+.1f} MiB (goal < 10 MiB)")
    print(json.dumps({"binding": "python", "calls": args.calls, "seconds": round(elapsed, 1),
                      "rss_start_kib": start_rss, "rss_end_kib": samples[-1][1], "growth_kib": growth}))


if __name__ == "__main__":
    main()
