"""Real exports (issue 17), measured in one run on the same data against a peer each time:

    .venv/bin/python scripts/bench/exports.py [--rows 1000000] [--xlsx-rows 200000] [--repeat 3]
                                              [--baseline-commit 380c63a]

Build first: `cargo build --release -p skillplan-cli`, `cargo build --release -p skillplan
--example count_once --features sample`, and the Python binding with `maturin develop --release`.

N training records are written by `skillplan sample-records` and turned into the export of
`examples/data/make_export.py` (Chinese headers and terms, 2023/3/1, 20230301 and 2023年3月1日
dates, 、 between groups), saved as GB18030 and as UTF-8. Then:

  (a) GB18030 decoding: `count_once decode` (the readers' block decoder, one thread) against
      CPython's gb18030 codec; both must give the same text (SHA-256 of the UTF-8).
  (b) Counting the GB18030 export: `plan.count_records(path)` (encoding auto) against pandas
      `read_csv(encoding="gb18030")` followed by `plan.count_records(frame)`; the same tally.
  (c) The cost of `auto` on a UTF-8 file: the CLI counting the sample with its terms written in
      Chinese (standard headers, ISO dates, so an older build reads it too) with `--encoding
      auto` and `utf-8`, and, with `--baseline-commit`, the CLI built at that commit (before
      encodings existed); runs interleaved, the same tally from all.
  (d) Workbooks: `plan.count_records(file.xlsx)` on M rows of typed cells against polars
      `read_excel` (fastexcel, the same calamine reader) followed by `plan.count_records(frame)`;
      the same tally.
  (e) Instructions (callgrind, if valgrind is there): `count_once decode` on the GB18030 export,
      and the CLI counting the first 100,000 rows of (c) under auto, utf-8 and the older build
      (less each one's cost on a file of the header alone): steadier than (c)'s wall clock.

Exits 1 unless every pair gives the same answer.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pandas as pd

import skillplan
from timing import timed

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "examples" / "data"))
sys.path.insert(0, str(ROOT / "scripts"))
import make_export  # noqa: E402
from xlsx_writer import write_xlsx  # noqa: E402

CLI = ROOT / "target" / "release" / "skillplan"
COUNT_ONCE = ROOT / "target" / "release" / "examples" / "count_once"
WORK = ROOT / "target" / "bench" / "exports"


def fail(message: str) -> None:
    print(f"FAILED: {message}", file=sys.stderr)
    sys.exit(1)


def same_tally(a: dict[str, Any], b: dict[str, Any], what: str) -> None:
    for key in ("rows_read", "rows_counted", "rows_rejected", "cells", "indicators"):
        if a[key] != b[key]:
            fail(f"{what}: {key} differs")


def cli_tally(binary: Path, path: Path, *extra: str) -> tuple[float, dict[str, Any]]:
    t0 = time.perf_counter()
    out = subprocess.run([str(binary), "count", "--format", "json", "--progress", "never", *extra, str(path)],
                         capture_output=True, check=True)
    return time.perf_counter() - t0, json.loads(out.stdout)


def chinese_terms(rows: list[dict[str, str]]) -> str:
    """The sample with training types, groups and (every other row) regions in Chinese."""
    training = make_export.names("training_types")
    groups = make_export.names("groups")
    regions = {r["code"]: r["name"]["zh"] for r in make_export.PLAN["regions"] if r.get("code")}
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    for i, row in enumerate(rows):
        row = dict(row)
        row["training_type"] = training[row["training_type"]]
        row["groups"] = ";".join(groups[g] for g in row["groups"].split(";") if g)
        if i % 2:
            row["region"] = regions.get(row["region"], row["region"])
        writer.writerow(row)
    return out.getvalue()


def build_baseline(commit: str) -> Path:
    """The CLI built at `commit` in a worktree of its own (its own target folder)."""
    src = ROOT / "target" / "bench-baseline" / commit
    binary = src / "target" / "release" / "skillplan"
    if binary.exists():
        return binary
    if not src.exists():
        subprocess.run(["git", "worktree", "add", "--detach", str(src), commit], cwd=ROOT, check=True)
    subprocess.run(["cargo", "build", "-q", "--release", "-p", "skillplan-cli"], cwd=src, check=True)
    return binary


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--xlsx-rows", type=int, default=200_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--baseline-commit")
    args = ap.parse_args()
    WORK.mkdir(parents=True, exist_ok=True)
    plan = skillplan.default_plan()

    source = WORK / f"source-{args.rows}.csv"
    if not source.exists():
        subprocess.run([str(CLI), "sample-records", "--rows", str(args.rows), "--seed", "3", "--out", str(source)], check=True)
    rows = list(csv.DictReader(source.open(encoding="utf-8", newline="")))
    export_text = make_export.export_csv(rows)
    gb18030, utf8 = WORK / f"export-{args.rows}-gb18030.csv", WORK / f"export-{args.rows}-utf8.csv"
    gb18030.write_bytes(export_text.encode("gb18030"))
    utf8.write_bytes(export_text.encode("utf-8"))
    terms = WORK / f"terms-{args.rows}-utf8.csv"
    terms.write_text(chinese_terms(rows), encoding="utf-8")
    size = gb18030.stat().st_size
    print(f"{args.rows:,} records: GB18030 export {size / 1e6:.1f} MB, UTF-8 {utf8.stat().st_size / 1e6:.1f} MB")

    # (a) decoding
    env = dict(os.environ, SKILLPLAN_REPEAT=str(args.repeat))
    out = subprocess.run([str(COUNT_ONCE), "decode", str(gb18030), "gb18030"], capture_output=True, text=True, check=True, env=env)
    _, chars, ours_sha, ours_mbs = out.stdout.split()
    data = gb18030.read_bytes()
    t_py, text = timed(lambda: data.decode("gb18030"), args.repeat)
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != ours_sha or len(text) != int(chars):
        fail("(a) the decoders give different text")
    py_mbs = size / t_py / 1e6
    print(f"(a) GB18030 decoding, one thread: skillplan {float(ours_mbs):.0f} MB/s, CPython codec {py_mbs:.0f} MB/s "
          f"({float(ours_mbs) / py_mbs:.2f}×); the same {int(chars):,} characters")

    # (b) counting the GB18030 export
    t_ours, tally = timed(lambda: plan.count_records(gb18030), args.repeat)

    def pandas_then_count() -> Any:
        frame = pd.read_csv(gb18030, encoding="gb18030", dtype=str, keep_default_na=False)
        return plan.count_records(frame)

    t_pd, via_pandas = timed(pandas_then_count, args.repeat)
    same_tally(tally.summary(), via_pandas.summary(), "(b) skillplan and pandas+skillplan")
    t_utf8, tally_utf8 = timed(lambda: plan.count_records(utf8), args.repeat)
    same_tally(tally.summary(), tally_utf8.summary(), "(b) the GB18030 and UTF-8 exports")
    print(f"(b) counting the export: GB18030 {t_ours:.3f} s ({size / t_ours / 1e6:.0f} MB/s), the same text in UTF-8 "
          f"{t_utf8:.3f} s; pandas read_csv(gb18030) + count {t_pd:.3f} s ({t_ours / t_pd:.2f}×)")

    # (c) the cost of auto on a UTF-8 file
    binaries = [("auto", CLI, ("--encoding", "auto")), ("utf-8", CLI, ("--encoding", "utf-8"))]
    if args.baseline_commit:
        binaries.append((f"build at {args.baseline_commit}", build_baseline(args.baseline_commit), ()))
    times: dict[str, list[float]] = {name: [] for name, _, _ in binaries}
    answers: dict[str, dict[str, Any]] = {}
    for _ in range(max(args.repeat, 9)):
        for name, binary, extra in binaries:
            seconds, answer = cli_tally(binary, terms, *extra)
            times[name].append(seconds)
            answers[name] = answer
    for name in answers:
        for key in ("rows_read", "rows_counted", "cells"):
            if answers[name][key] != answers["auto"][key]:
                fail(f"(c) {name} counts differently: {key}")
    medians = {name: statistics.median(t) for name, t in times.items()}
    line = ", ".join(f"{name} {m:.3f} s" for name, m in medians.items())
    if args.baseline_commit:
        base = medians[f"build at {args.baseline_commit}"]
        line += f"; auto is {100 * (medians['auto'] / base - 1):+.1f} % over the older build"
    print(f"(c) the CLI counting {terms.stat().st_size / 1e6:.0f} MB of UTF-8 (median of {len(times['auto'])}): {line}")

    # (d) workbooks
    book = WORK / f"export-{args.xlsx_rows}.xlsx"
    if not book.exists():
        write_xlsx(book, make_export.workbook_rows(rows[: args.xlsx_rows]), sheet="培训记录")
    t_book, from_book = timed(lambda: plan.count_records(book), args.repeat)
    try:
        import polars as pl

        def polars_then_count() -> Any:
            return plan.count_records(pl.read_excel(book, engine="calamine"))

        t_pl, via_polars = timed(polars_then_count, args.repeat)
        same_tally(from_book.summary(), via_polars.summary(), "(d) skillplan and polars+skillplan")
        peer = f"; polars read_excel (fastexcel) + count {t_pl:.3f} s ({t_book / t_pl:.2f}×)"
    except ImportError as e:
        peer = f"; no peer ({e.name} is not installed: pip install fastexcel)"
    print(f"(d) an .xlsx of {args.xlsx_rows:,} rows ({book.stat().st_size / 1e6:.1f} MB): {t_book:.3f} s, "
          f"{args.xlsx_rows / t_book:,.0f} rows/s{peer}")

    # (e) instructions
    if shutil.which("valgrind"):
        small = WORK / "export-100000-gb18030.csv"
        small.write_bytes(make_export.export_csv(rows[:100_000]).encode("gb18030"))
        def instructions(path: Path, encoding: str) -> int:
            out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", str(COUNT_ONCE),
                                  "decode", str(path), encoding], capture_output=True, text=True, check=True,
                                 env=dict(os.environ, SKILLPLAN_DECODE_ONLY="1", SKILLPLAN_REPEAT="1"))
            refs = next(line for line in out.stderr.splitlines() if "refs:" in line)
            return int(refs.split("refs:")[1].strip().replace(",", ""))

        empty = WORK / "empty.csv"
        empty.write_bytes(b"")
        # The file is read whole before decoding; an empty file's count is the fixed cost.
        fixed = instructions(empty, "gb18030")
        gb = instructions(small, "gb18030") - fixed
        print(f"(e) callgrind, decoding the first 100,000 rows of the GB18030 export: {gb / small.stat().st_size:.1f} "
              f"instructions per byte ({gb / 100_000:,.0f} per row)")

        def counting(binary: Path, path: Path, *extra: str) -> int:
            out = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", str(binary), "count",
                                  "--format", "json", "--progress", "never", *extra, str(path)],
                                 capture_output=True, text=True, check=True)
            refs = next(line for line in out.stderr.splitlines() if "refs:" in line)
            return int(refs.split("refs:")[1].strip().replace(",", ""))

        lines = terms.read_text(encoding="utf-8").splitlines(keepends=True)
        head, first = WORK / "terms-header.csv", WORK / "terms-100000-utf8.csv"
        head.write_text(lines[0], encoding="utf-8")
        first.write_text("".join(lines[:100_001]), encoding="utf-8")
        per_row = {name: (counting(binary, first, *extra) - counting(binary, head, *extra)) / 100_000
                   for name, binary, extra in binaries}
        line = ", ".join(f"{name} {n:,.0f}" for name, n in per_row.items())
        if args.baseline_commit:
            base = per_row[f"build at {args.baseline_commit}"]
            line += f"; auto is {100 * (per_row['auto'] / base - 1):+.1f} % over the older build"
        print(f"(e) callgrind, the CLI counting the first 100,000 rows of (c), instructions per row: {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
