"""The Spark job counts exactly what one process counts, from CSV and from Parquet (run by ./scripts/test.sh)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def test_spark_counts_equal_single_process_counts(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(HERE / "rollup.py"), "--provinces", "3", "--rows-per-province", "100000",
         "--partitions", "6", "--dir", str(tmp_path), "--format", "both", "--check"],
        capture_output=True, text=True, timeout=900,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("read 300,000") == 2
    assert "Spark from csv and the single process agree exactly." in done.stdout
    assert "Spark from parquet and the single process agree exactly." in done.stdout
