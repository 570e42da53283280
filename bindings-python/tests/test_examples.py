"""The Python examples run and say what they should."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "python"


def run(script: str, *args: str) -> str:
    done = subprocess.run([sys.executable, str(EXAMPLES / script), *args], capture_output=True, text=True, check=True)
    return done.stdout


def test_plan_queries_example() -> None:
    out = run("plan_queries.py")
    assert "吉人社联〔2022〕145号" in out
    assert "省教育厅 is named in 16 measures" in out
    assert "error UNKNOWN_REGION" in out


def test_progress_report_example() -> None:
    out = run("progress_report.py", "2025-06-30")
    assert "2 indicator(s) behind or missed: enterprise-apprenticeship, new-high-skill-certificates" in out
    final = run("progress_report.py", "2026-01-01")
    assert "behind or missed: enterprise-apprenticeship, new-high-skill-certificates" in final


def test_count_records_example() -> None:
    out = run("count_records.py")
    assert "read 2040, counted 1385, rejected 0" in out
    assert "subsidized-training: 1237" in out
    assert "training-bases: 32" in out
    assert "rejected: [(1, 'region', 'unknown_region')]" in out
    assert "subsidized-training: 1237 of 840000 (missed)" in out


def test_eligibility_example() -> None:
    out = run("eligibility.py")
    assert "target groups: rural_revitalisation （三）, enterprise_employees （十）" in out
    assert "training_subsidy: eligible 1500 元 (181-six-categories)" in out
    assert "to qualify: 12 months of unemployment insurance; you have 7" in out
    assert "技能提升补贴：不符合\n" in out and "  ✗ 需缴纳失业保险满12个月；已缴7个月\n" in out
    assert "refused: INVALID_PROFILE at profile.id_number (invalid_id_number)" in out
    assert "11010519491231" not in out


def test_count_typed_columns_example() -> None:
    out = run("count_typed_columns.py", "20000")
    assert "read 20,000, counted 14,000, rejected 1" in out
    assert "rejected: [(8, 'region', 'unknown_region')]" in out
    assert "new-high-skill-certificates: 4,735" in out
    assert "the same records as text count the same: True" in out


def test_count_exports_example() -> None:
    out = run("count_exports.py")
    assert "read 400, counted 259, rejected 0" in out
    assert "the GB18030 export and the workbook count as the UTF-8 sample: True" in out
    assert "columns not read: ['备注']" in out
    assert "mapped headers: 1 subsidised training counted" in out
    assert "hash-keys: 1 written, 1 left out (row 2: invalid_id_number)" in out
    assert "hashed file: read 1, counted 1" in out
    assert "one key: 64 hex digits, the same in the file: True" in out
    assert "11010519491231" not in out
