"""Columnar counting against polars and pandas, on the same typed records, in one run (issue 16).

    .venv/bin/python scripts/bench/columnar.py [--rows 10000000] [--repeat 3]

Writes N deterministic training records once as Parquet (and as CSV for path (e)):
region codes as int32 (prefecture shares like their populations, a fifth given as county codes),
six training types as a dictionary, `subsidised` as bool (about 70 %), migrant workers as a
dictionary-encoded group (about 55 %), dates as date32 (completion over 2022–2025, start up to
60 days before), and about 40 % with a certificate (kind as a dictionary, level as int8, date up
to 90 days after completion). Then times, each `--repeat` times:

  (a) skillplan on the in-memory Arrow table: `plan.count_records(table)`
  (b) polars eager: `group_by` on (region, raw date) with conditional sums, rolled up to months
  (b′) the same polars query planned lazily and collected with `collect_all` (faster here)
  (c) pandas: the same groupby
  (d) the same records with every column Utf8 (as a CSV reader gives them): skillplan against
      polars on that text table (grouping by the raw text, parsing dates after grouping)
  (e) the CSV file: `plan.count_records(path)` against polars `read_csv` + the text query
  (polars is also timed lazily in (d) and (e): the same query planned and collected together,
  from `scan_csv` for the file)

and exits 1 unless every path gives the same cells (indicator × region × month). Peak RSS of
(a) and (e) is measured in fresh processes (`/usr/bin/time -f %M`) for skillplan and polars.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.csv as pacsv  # type: ignore[import-untyped]
import pyarrow.parquet as pq  # type: ignore[import-untyped]

import skillplan
from timing import peak_rss_kib, timed

ROOT = Path(__file__).resolve().parents[2]
START, END = dt.date(2022, 1, 1), dt.date(2025, 12, 31)
EPOCH = dt.date(1970, 1, 1)
# Prefectures of Jilin with their GB/T 2260 codes and 2020 census populations (10,000s).
PREFECTURES = {
    220100: ("changchun", 906.7), 220200: ("jilin-city", 362.4), 220300: ("siping", 181.5),
    220400: ("liaoyuan", 99.7), 220500: ("tonghua", 130.2), 220600: ("baishan", 95.2),
    220700: ("songyuan", 225.3), 220800: ("baicheng", 155.1), 222400: ("yanbian", 194.1),
}
TYPES = ["employment_skills", "skill_upgrading", "entrepreneurship", "apprenticeship", "safety_skills",
         "labour_preparation"]
KINDS = ["skill_level_certificate", "vocational_qualification", "special_ability"]
COUNTED_KINDS = KINDS[:2]
# National levels 1–3 (高级技师, 技师, 高级工) are senior or above.
HIGH_LEVEL = 3
DICTIONARY_COLUMNS = ["training_type", "groups", "certificate_kind"]


def make_table(n: int) -> pa.Table:
    rng = np.random.default_rng(20221145)
    codes = np.array(list(PREFECTURES), dtype=np.int32)
    shares = np.array([p for _, p in PREFECTURES.values()])
    region = codes[rng.choice(len(codes), n, p=shares / shares.sum())]
    county = rng.random(n) < 0.2
    region = np.where(county, region + rng.integers(1, 5, n, dtype=np.int32), region).astype(np.int32)
    first, last = (START - EPOCH).days, (END - EPOCH).days
    completion = rng.integers(first, last + 1, n).astype(np.int32)
    completed = rng.random(n) < 0.92
    start = (completion - rng.integers(0, 61, n)).astype(np.int32)
    has_cert = completed & (rng.random(n) < 0.435)
    cert_date = (completion + rng.integers(0, 91, n)).astype(np.int32)
    kind = rng.choice(3, n, p=[0.6, 0.25, 0.15]).astype(np.int8)
    level = rng.integers(1, 6, n).astype(np.int8)
    type_index = rng.choice(6, n, p=[0.3, 0.3, 0.1, 0.1, 0.1, 0.1]).astype(np.int8)
    migrant = rng.random(n) < 0.55
    ids = pa.array(np.arange(n, dtype=np.int64)).cast(pa.string())
    import pyarrow.compute as pc  # type: ignore[import-untyped]

    def dictionary(index: np.ndarray, values: list[str], valid: np.ndarray | None = None) -> pa.Array:
        mask = None if valid is None else ~valid
        return pa.DictionaryArray.from_arrays(pa.array(index, pa.int8(), mask=mask), pa.array(values))

    return pa.table({
        "record_id": pc.binary_join_element_wise("r", ids, ""),
        "person_key": pc.binary_join_element_wise("pk-", pc.utf8_reverse(ids), ""),
        "region": pa.array(region, pa.int32()),
        "training_type": dictionary(type_index, TYPES),
        "subsidised": pa.array(rng.random(n) < 0.7),
        "groups": dictionary(np.zeros(n, np.int8), ["migrant_worker"], migrant),
        "start_date": pa.array(start, pa.date32()),
        "completion_date": pa.array(completion, pa.date32(), mask=~completed),
        "certificate_kind": dictionary(kind, KINDS, has_cert),
        "certificate_level": pa.array(level, pa.int8(), mask=~has_cert),
        "certificate_date": pa.array(cert_date, pa.date32(), mask=~has_cert),
    })


def region_names(codes: pl.Expr) -> pl.Expr:
    return (codes // 100 * 100).replace_strict({c: name for c, (name, _) in PREFECTURES.items()},
                                               return_dtype=pl.Utf8)


def rolled_up(frame: pl.DataFrame, date: str, sums: list[str]) -> dict[tuple[str, str, str], int]:
    """Groups of (region code, day) rolled up to (region, month) within the plan period."""
    month = frame.filter(pl.col(date).is_between(START, END)).with_columns(
        region_names(pl.col("region")).alias("region"), pl.col(date).dt.strftime("%Y-%m").alias("month"))
    out = month.group_by("region", "month").agg(pl.col(s).sum() for s in sums)
    cells: dict[tuple[str, str, str], int] = {}
    for row in out.iter_rows(named=True):
        for s in sums:
            if row[s]:
                cells[(s, row["region"], row["month"])] = int(row[s])
    return cells


def polars_cells(frame: pl.DataFrame | pl.LazyFrame, text: bool) -> dict[tuple[str, str, str], int]:
    """The five training rules as one polars query: `group_by` on (region, raw date) with
    conditional sums, rolled up to months. Eager on a DataFrame; on a LazyFrame (a frame's
    `.lazy()` or `scan_csv`) planned lazily and collected together. On text columns the groups'
    keys are parsed after grouping, which is cheaper than parsing every row."""
    sub = pl.col("subsidised") == "true" if text else pl.col("subsidised")
    level = pl.col("certificate_level").cast(pl.Int32) if text else pl.col("certificate_level")
    done = frame.group_by("region", "completion_date").agg(
        sub.sum().alias("subsidized-training"),
        (sub & (pl.col("groups") == "migrant_worker")).sum().alias("migrant-worker-training"),
        (sub & (pl.col("training_type") == "apprenticeship")).sum().alias("enterprise-apprenticeship"),
    )
    cert = frame.filter(pl.col("certificate_kind").cast(pl.Utf8).is_in(COUNTED_KINDS)).group_by(
        "region", "certificate_date").agg(
        pl.len().alias("new-certificates"), (level <= HIGH_LEVEL).sum().alias("new-high-skill-certificates"))
    if isinstance(done, pl.LazyFrame) and isinstance(cert, pl.LazyFrame):
        done_frame, cert_frame = pl.collect_all([done, cert])
    else:
        assert isinstance(done, pl.DataFrame) and isinstance(cert, pl.DataFrame)
        done_frame, cert_frame = done, cert

    def parsed(part: pl.DataFrame, date: str) -> pl.DataFrame:
        if not text:
            return part
        return part.with_columns(pl.col("region").cast(pl.Int32), pl.col(date).str.to_date("%Y-%m-%d"))

    cells = rolled_up(parsed(done_frame, "completion_date"), "completion_date",
                      ["subsidized-training", "migrant-worker-training", "enterprise-apprenticeship"])
    cells.update(rolled_up(parsed(cert_frame, "certificate_date"), "certificate_date",
                           ["new-certificates", "new-high-skill-certificates"]))
    return cells


def pandas_typed(df: pd.DataFrame) -> dict[tuple[str, str, str], int]:
    sub = df["subsidised"]
    parts = pd.DataFrame({
        "region": df["region"], "completion_date": df["completion_date"],
        "subsidized-training": sub,
        "migrant-worker-training": sub & (df["groups"] == "migrant_worker"),
        "enterprise-apprenticeship": sub & (df["training_type"] == "apprenticeship"),
    }).groupby(["region", "completion_date"], observed=True).sum()
    counted = df["certificate_kind"].isin(COUNTED_KINDS)
    cert = pd.DataFrame({
        "region": df["region"][counted], "certificate_date": df["certificate_date"][counted],
        "new-certificates": 1, "new-high-skill-certificates": df["certificate_level"][counted] <= HIGH_LEVEL,
    }).groupby(["region", "certificate_date"], observed=True).sum()
    cells = rolled_up(pl.from_pandas(parts.reset_index()), "completion_date",
                      ["subsidized-training", "migrant-worker-training", "enterprise-apprenticeship"])
    cells.update(rolled_up(pl.from_pandas(cert.reset_index()), "certificate_date",
                           ["new-certificates", "new-high-skill-certificates"]))
    return cells


def skillplan_cells(tally: Any) -> dict[tuple[str, str, str], int]:
    return {(c["indicator"], c["region"], c["month"]): int(c["count"]) for c in tally.cells()}




def text_table(table: pa.Table) -> pa.Table:
    return pa.table({name: table[name].cast(pa.string()) for name in table.column_names})


def only(what: str, parquet: Path, csv: Path) -> None:
    """One path in a fresh process, for its peak RSS."""
    plan = skillplan.default_plan()
    if what == "skillplan-arrow":
        table = pq.read_table(parquet, read_dictionary=DICTIONARY_COLUMNS)
        print(sum(plan.count_records(table).totals().values()))
    elif what == "polars-arrow":
        print(len(polars_cells(pl.read_parquet(parquet), text=False)))
    elif what == "skillplan-csv":
        print(sum(plan.count_records(csv).totals().values()))
    elif what == "polars-csv":
        print(len(polars_cells(pl.read_csv(csv, infer_schema=False), text=True)))




def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--dir", default=str(ROOT / "target" / "bench-columnar"))
    ap.add_argument("--only", help=argparse.SUPPRESS)
    a = ap.parse_args()
    folder = Path(a.dir)
    folder.mkdir(parents=True, exist_ok=True)
    parquet, csv = folder / f"records-{a.rows}.parquet", folder / f"records-{a.rows}.csv"
    if a.only:
        only(a.only, parquet, csv)
        return 0
    if not parquet.exists() or not csv.exists():
        table = make_table(a.rows)
        pq.write_table(table, parquet)
        pacsv.write_csv(table, csv)
    plan = skillplan.default_plan()
    table = pq.read_table(parquet, read_dictionary=DICTIONARY_COLUMNS)
    df = pl.from_arrow(table)
    assert isinstance(df, pl.DataFrame)
    pdf = table.to_pandas()
    text = text_table(table)
    text_df = pl.from_arrow(text)
    assert isinstance(text_df, pl.DataFrame)
    print(f"{a.rows:,} rows; Parquet {parquet.stat().st_size / 1e6:.0f} MB, CSV {csv.stat().st_size / 1e6:.0f} MB; "
          + ", ".join(f"{f.name}:{f.type}" for f in table.schema), file=sys.stderr)

    r: dict[str, tuple[float, Any]] = {}
    r["a"] = timed(lambda: skillplan_cells(plan.count_records(table)), a.repeat)
    r["b"] = timed(lambda: polars_cells(df, text=False), a.repeat)
    r["b-lazy"] = timed(lambda: polars_cells(df.lazy(), text=False), a.repeat)
    r["c"] = timed(lambda: pandas_typed(pdf), max(1, a.repeat // 2))
    r["d"] = timed(lambda: skillplan_cells(plan.count_records(text)), a.repeat)
    r["d-polars"] = timed(lambda: polars_cells(text_df, text=True), a.repeat)
    r["d-lazy"] = timed(lambda: polars_cells(text_df.lazy(), text=True), a.repeat)
    r["e"] = timed(lambda: skillplan_cells(plan.count_records(csv)), a.repeat)
    r["e-polars"] = timed(lambda: polars_cells(pl.read_csv(csv, infer_schema=False), text=True), a.repeat)
    r["e-lazy"] = timed(lambda: polars_cells(pl.scan_csv(csv, infer_schema=False), text=True), a.repeat)
    want = r["a"][1]
    failed = False
    for key, (_, cells) in r.items():
        if cells != want:
            diff = {k: (cells.get(k), want.get(k)) for k in set(cells) | set(want) if cells.get(k) != want.get(k)}
            print(f"path {key} disagrees with (a) in {len(diff)} cells, e.g. {list(diff.items())[:3]}",
                  file=sys.stderr)
            failed = True
    if failed:
        return 1

    me = [sys.executable, __file__, "--rows", str(a.rows), "--dir", str(folder), "--only"]
    rss = {k: peak_rss_kib([*me, k]) / 1024 for k in ("skillplan-arrow", "polars-arrow", "skillplan-csv", "polars-csv")}
    s = {k: v[0] for k, v in r.items()}
    print(f"\nCommand: `.venv/bin/python scripts/bench/columnar.py --rows {a.rows} --repeat {a.repeat}`, "
          f"{dt.date.today()}, {os.cpu_count()} cores, polars {pl.__version__}, pandas {pd.__version__}, "
          f"pyarrow {pa.__version__}. Medians of {a.repeat}; every path gave the same {len(want):,} cells.\n")
    print("| path | skillplan | peer | ratio | goal | met |")
    print("|---|---|---|---|---|---|")

    def row(label: str, mine: float, peer: float, goal: float) -> None:
        ratio = mine / peer
        print(f"| {label} | {mine:.3f} s | {peer:.3f} s | {ratio:.2f}× | ≤ {goal}× | {'yes' if ratio <= goal else 'no'} |")

    row("(a) Arrow table vs (b) polars eager", s["a"], s["b"], 0.5)
    row("(a) Arrow table vs (b′) polars lazy, collect_all", s["a"], s["b-lazy"], 0.5)
    print(f"| (c) pandas | — | {s['c']:.3f} s | skillplan {s['c'] / s['a']:.1f}× faster | — | — |")
    row("(d) text table vs polars on it", s["d"], s["d-polars"], 1.0)
    row("(d) text table vs polars lazy on it", s["d"], s["d-lazy"], 1.0)
    row("(e) CSV path vs polars read_csv + query", s["e"], s["e-polars"], 1.0)
    row("(e) CSV path vs polars scan_csv, lazy", s["e"], s["e-lazy"], 1.0)
    for path, mine, peer in (("(a)", "skillplan-arrow", "polars-arrow"), ("(e)", "skillplan-csv", "polars-csv")):
        ok = rss[mine] <= rss[peer]
        print(f"| peak RSS {path} | {rss[mine]:.0f} MiB | {rss[peer]:.0f} MiB | {rss[mine] / rss[peer]:.2f}× | ≤ 1× "
              f"| {'yes' if ok else 'no'} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
