"""Counting training records by the plan's rules, four ways in one run (issue: training records).

    .venv/bin/python scripts/bench/records.py [--rows 10000000] [--repeat 5]

Writes N synthetic records with `skillplan sample-records` (release build), reads them once
with pyarrow, then times, each `--repeat` times:

  (a) skillplan from Arrow: `plan.count_records(pyarrow_table)` (all records validated, all rules)
  (b) polars: the same five training rules as expressions, grouped by region and month
  (c) pandas: the same with boolean masks and groupby
  (d) skillplan from CSV: `plan.count_records("records.csv")`, streamed from disk, one thread

and checks that all four give the same totals, so they did the same work. Peak memory of the CSV
path is measured on the `skillplan count` command for the whole file and for a tenth of it.
Medians and ratios are printed as a Markdown table for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import polars as pl
import pyarrow.csv as pacsv  # type: ignore[import-untyped]

import skillplan
from timing import peak_rss_kib, timed

ROOT = Path(__file__).resolve().parents[2]
CLI = ROOT / "target" / "release" / "skillplan"
START, END = dt.date(2022, 1, 1), dt.date(2025, 12, 31)
CODE_TO_REGION = {
    "220000": "jilin", "220100": "changchun", "220200": "jilin-city", "220300": "siping", "220400": "liaoyuan",
    "220500": "tonghua", "220600": "baishan", "220700": "songyuan", "220800": "baicheng", "222400": "yanbian",
}
COUNTED = ["vocational_qualification", "skill_level_certificate"]
HIGH = ["senior", "technician", "senior-technician"]


def polars_counts(df: pl.DataFrame) -> dict[str, int]:
    code = pl.col("region").cast(pl.Utf8)
    region = (pl.when(code.str.contains(r"^\d{6}$")).then(code.str.slice(0, 4) + "00").otherwise(code)
              .replace(CODE_TO_REGION))
    done, cert = pl.col("completion_date"), pl.col("certificate_date")
    done_in = done.is_between(START, END)
    cert_in = cert.is_between(START, END)
    sub = pl.col("subsidised")
    counted_cert = pl.col("certificate_kind").is_in(COUNTED)
    rules = {
        "subsidized-training": (sub & done_in, done),
        "migrant-worker-training": (sub & done_in & pl.col("groups").str.contains("migrant_worker"), done),
        "enterprise-apprenticeship": (sub & done_in & (pl.col("training_type") == "apprenticeship"), done),
        "new-certificates": (counted_cert & cert_in, cert),
        "new-high-skill-certificates": (counted_cert & cert_in & pl.col("certificate_level").is_in(HIGH), cert),
    }
    lazy = df.lazy().with_columns(region.alias("region_id"))
    frames = [
        lazy.filter(cond.fill_null(False)).group_by("region_id", date.dt.year().alias("y"), date.dt.month().alias("m"))
        .len().with_columns(pl.lit(name).alias("indicator"))
        for name, (cond, date) in rules.items()
    ]
    out = pl.concat(pl.collect_all(frames))
    return {name: int(out.filter(pl.col("indicator") == name)["len"].sum()) for name in rules}


def pandas_counts(df: pd.DataFrame) -> dict[str, int]:
    code = df["region"].astype(str)
    digits = code.str.fullmatch(r"\d{6}")
    region = code.where(~digits, code.str.slice(0, 4) + "00").replace(CODE_TO_REGION)
    done = pd.to_datetime(df["completion_date"])
    cert = pd.to_datetime(df["certificate_date"])
    start, end = pd.Timestamp(START), pd.Timestamp(END)
    done_in = done.between(start, end)
    cert_in = cert.between(start, end)
    sub = df["subsidised"].astype(bool)
    counted_cert = df["certificate_kind"].isin(COUNTED)
    rules = {
        "subsidized-training": (sub & done_in, done),
        "migrant-worker-training": (sub & done_in & df["groups"].str.contains("migrant_worker", na=False), done),
        "enterprise-apprenticeship": (sub & done_in & (df["training_type"] == "apprenticeship"), done),
        "new-certificates": (counted_cert & cert_in, cert),
        "new-high-skill-certificates": (counted_cert & cert_in & df["certificate_level"].isin(HIGH), cert),
    }
    totals = {}
    for name, (mask, date) in rules.items():
        grouped = pd.DataFrame({"region": region[mask], "y": date[mask].dt.year, "m": date[mask].dt.month}).groupby(["region", "y", "m"]).size()
        totals[name] = int(grouped.sum())
    return totals






def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--dir", default=str(ROOT / "target" / "bench-records"))
    a = ap.parse_args()
    folder = Path(a.dir)
    folder.mkdir(parents=True, exist_ok=True)
    csv_path = folder / f"records-{a.rows}.csv"
    tenth = folder / f"records-{a.rows // 10}.csv"
    subprocess.run(["cargo", "build", "-q", "--release", "-p", "skillplan-cli"], cwd=ROOT, check=True)
    for path, rows in ((csv_path, a.rows), (tenth, a.rows // 10)):
        if not path.exists():
            subprocess.run([str(CLI), "sample-records", "--rows", str(rows), "--seed", "1", "--out", str(path)], check=True)
    size = csv_path.stat().st_size
    plan = skillplan.default_plan()

    table = pacsv.read_csv(csv_path)
    polars_df = pl.from_arrow(table)
    assert isinstance(polars_df, pl.DataFrame)
    pandas_df = table.to_pandas()
    print(f"{a.rows:,} rows, {size / 1e6:.0f} MB CSV; arrow schema: "
          + ", ".join(f"{f.name}:{f.type}" for f in table.schema), file=sys.stderr)

    results = {}
    results["a"] = timed(lambda: plan.count_records(table).totals(), a.repeat)
    results["b"] = timed(lambda: polars_counts(polars_df), a.repeat)
    results["c"] = timed(lambda: pandas_counts(pandas_df), max(1, a.repeat // 2))
    results["d"] = timed(lambda: plan.count_records(csv_path).totals(), a.repeat)
    want = {k: v for k, v in results["a"][1].items() if k != "training-bases"}
    for key in "bcd":
        got = {k: v for k, v in results[key][1].items() if k != "training-bases"}
        assert got == want, f"{key} disagrees: {got} != {want}"

    rss_whole = peak_rss_kib([str(CLI), "count", str(csv_path), "--progress", "never"])
    rss_tenth = peak_rss_kib([str(CLI), "count", str(tenth), "--progress", "never"])
    arrow_s, polars_s, pandas_s, csv_s = (results[k][0] for k in "abcd")
    print(f"\nCommand: `.venv/bin/python scripts/bench/records.py --rows {a.rows} --repeat {a.repeat}`, "
          f"{dt.date.today()}, {os.cpu_count()} cores, polars {pl.__version__}, pandas {pd.__version__}.\n")
    print("| path | median | rows/s | vs skillplan Arrow |")
    print("|---|---|---|---|")
    for label, secs in (("(a) skillplan from Arrow (pyarrow table)", arrow_s), ("(b) polars, same rules", polars_s),
                        ("(c) pandas, same rules", pandas_s), ("(d) skillplan from CSV, streamed", csv_s)):
        print(f"| {label} | {secs:.3f} s | {a.rows / secs / 1e6:.1f} M | {secs / arrow_s:.2f}× |")
    print(f"\nCSV throughput: {size / csv_s / 1e6:.0f} MB/s on one thread ({size / 1e6:.0f} MB file).")
    print(f"Peak RSS of `skillplan count`: {rss_whole / 1024:.1f} MiB for {a.rows:,} rows, "
          f"{rss_tenth / 1024:.1f} MiB for {a.rows // 10:,} rows.")
    print(f"Totals (all four agree): {want}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
