"""Count training records inside Spark with the plan's rules, then report progress.

    python examples/spark-national-rollup/rollup.py [--provinces N] [--rows-per-province N]
        [--partitions N] [--runs N] [--format csv|parquet|both] [--check]

Each "province" here is a stream of synthetic records written by `skillplan sample-records`
with its own seed (the library carries one plan, Jilin's, so every province's records use its
regions; a national plan would be another plan file, loaded the same way). The job:

1. reads the files as a Spark DataFrame: the CSV files (every column as text, as the files hold
   them), or the same records as Parquet (`--format parquet`: dates as date32, `subsidised` as
   boolean, the other columns as dictionary-encoded strings, as a warehouse would store them),
   or both one after the other;
2. `mapInArrow`: each partition's Arrow batches go to `plan.count_records`, which checks and
   counts them and returns one row, the partition's tally as JSON;
3. the driver merges the partial tallies (`Tally.from_json` + `merge`) and prints the report.

With `--check` it also counts the same files in one process and exits 1 unless the two tallies
agree exactly. Spark runs in local mode (`local[2]`); on a cluster only the master URL and the
paths change (see BENCHMARKS.md).
"""

from __future__ import annotations

import argparse
import datetime
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import skillplan

ROOT = Path(__file__).resolve().parents[2]

def cli() -> Path:
    """The skillplan command: a release build if there is one, else the debug build (built if need be)."""
    for profile in ("release", "debug"):
        path = ROOT / "target" / profile / "skillplan"
        if path.exists():
            return path
    subprocess.run(["cargo", "build", "-q", "-p", "skillplan-cli"], cwd=ROOT, check=True)
    return ROOT / "target" / "debug" / "skillplan"
COLUMNS = ["record_id", "person_key", "region", "training_type", "subsidised", "groups", "start_date", "end_date",
           "completion_date", "certificate_kind", "certificate_level", "certificate_date"]


def write_provinces(folder: Path, provinces: int, rows: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    command = cli()
    paths = []
    for seed in range(1, provinces + 1):
        path = folder / f"province-{seed}-{rows}.csv"
        if not path.exists():
            subprocess.run([str(command), "sample-records", "--rows", str(rows), "--seed", str(seed), "--out", str(path)], check=True)
        paths.append(path)
    return paths


def parquet_copy(csv: Path) -> Path:
    """The records of `csv` as Parquet, typed where every value allows it (dates, the flag)."""
    import pyarrow as pa  # type: ignore[import-untyped]
    import pyarrow.csv as pacsv  # type: ignore[import-untyped]
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    path = csv.with_suffix(".parquet")
    if path.exists():
        return path
    options = pacsv.ConvertOptions(column_types={c: pa.string() for c in COLUMNS}, strings_can_be_null=True)
    table = pacsv.read_csv(csv, convert_options=options)
    typed = {"start_date": pa.date32(), "end_date": pa.date32(), "completion_date": pa.date32(),
             "certificate_date": pa.date32(), "subsidised": pa.bool_()}
    for name, kind in typed.items():
        try:
            table = table.set_column(table.schema.get_field_index(name), name, table[name].cast(kind))
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            pass  # a value the type cannot hold stays text, for the plan to refuse as it would in CSV
    pq.write_table(table, path)
    return path


def count_partition(batches: Iterator[Any]) -> Iterator[Any]:
    """Runs on the executors: one partition's Arrow batches in, its tally (JSON) out."""
    import pyarrow as pa  # type: ignore[import-untyped]

    import skillplan as sp

    plan = sp.default_plan()
    first = next(batches, None)
    if first is None:
        tally = plan.count_records([])
    else:
        def all_batches() -> Iterator[Any]:
            yield first
            yield from batches
        tally = plan.count_records(pa.RecordBatchReader.from_batches(first.schema, all_batches()))
    yield pa.RecordBatch.from_pylist([{"tally": tally.to_json()}])


def spark_tally(paths: list[Path], partitions: int, runs: int, form: str) -> tuple[skillplan.Tally, float]:
    """The merged tally, and the time of the last of `runs` runs of the job (the first run also
    starts Spark's JVM and its Python workers)."""
    from pyspark.sql import SparkSession
    from pyspark.sql.types import StringType, StructField, StructType

    spark = (SparkSession.builder.master("local[2]").appName("skillplan-national-rollup")
             .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
             .config("spark.sql.shuffle.partitions", "4").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    plan = skillplan.default_plan()
    try:
        schema = StructType([StructField(c, StringType()) for c in COLUMNS])
        whole, seconds = plan.count_records([]), 0.0
        for _ in range(runs):
            started = time.perf_counter()
            if form == "parquet":
                frame = spark.read.parquet(*[str(parquet_copy(p)) for p in paths])
            else:
                frame = spark.read.csv([str(p) for p in paths], header=True, schema=schema)
            if partitions:
                # Spark splits files by size already; more partitions only help small inputs.
                frame = frame.repartition(partitions)
            parts = frame.mapInArrow(count_partition, "tally string").collect()
            whole = plan.count_records([])
            for row in parts:
                whole.merge(skillplan.Tally.from_json(plan, row["tally"]))
            seconds = time.perf_counter() - started
        return whole, seconds
    finally:
        spark.stop()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--provinces", type=int, default=3)
    ap.add_argument("--rows-per-province", type=int, default=100_000)
    ap.add_argument("--partitions", type=int, default=0, help="repartition to this many (0: as Spark reads the files)")
    ap.add_argument("--dir", default=str(ROOT / "target" / "spark-rollup"))
    ap.add_argument("--runs", type=int, default=1, help="run the job this many times; the last is timed")
    ap.add_argument("--format", choices=["csv", "parquet", "both"], default="csv",
                    help="what Spark reads: the CSV files, their Parquet copies, or each in turn")
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    paths = write_provinces(Path(a.dir), a.provinces, a.rows_per_province)
    rows = a.provinces * a.rows_per_province

    forms = ["csv", "parquet"] if a.format == "both" else [a.format]
    plan = skillplan.default_plan()
    tallies = {}
    for form in forms:
        tally, spark_seconds = spark_tally(paths, a.partitions, a.runs, form)
        tallies[form] = tally
        report = plan.progress(tally.observations(), datetime.date(2025, 12, 31))
        print(f"Spark local[2] from {form}: {rows:,} records, {spark_seconds:.2f} s "
              f"({rows / spark_seconds:,.0f} rows/s); read {tally.rows_read:,}, counted {tally.rows_counted:,}, "
              f"rejected {tally.rows_rejected}")
        for row in report.indicators:
            print(f"  {row.indicator}: {row.achieved} of {row.target} ({row.status})")

    if a.check:
        started = time.perf_counter()
        single = plan.count_records(paths[0])
        for path in paths[1:]:
            single.merge(plan.count_records(path))
        single_seconds = time.perf_counter() - started
        print(f"one process (CSV, on every core): {single_seconds:.2f} s ({rows / single_seconds:,.0f} rows/s)")
        b_summary = single.summary()
        for form, tally in tallies.items():
            a_summary = tally.summary()
            for key in ("rows_read", "rows_counted", "rows_rejected", "totals", "region_totals", "indicators", "cells"):
                if a_summary[key] != b_summary[key]:
                    print(f"MISMATCH in {key} (Spark from {form})", file=sys.stderr)
                    return 1
            print(f"Spark from {form} and the single process agree exactly.")
    return 0

if __name__ == "__main__":
    sys.exit(main())
