#!/usr/bin/env python3
"""Writes the workbooks of the bad-input catalogue (the outputs are committed):

- `formula-error.xlsx`: one training record whose 是否补贴 cell holds the formula error #DIV/0!;
- `truncated.xlsx`: a good workbook cut to half its bytes, as an interrupted download leaves it.

Run: python3 tests/bad-inputs/files/make_workbooks.py (`--check` fails if they would change)
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2] / "scripts"))
from xlsx_writer import FormulaError, write_xlsx  # noqa: E402

HEADER = ["培训记录编号", "人员标识", "地区", "培训类型", "是否补贴", "开班日期"]


def write(folder: Path) -> None:
    write_xlsx(
        folder / "formula-error.xlsx",
        [HEADER, ["r1", "pk-7d1e9c33a0", "长春市", "就业技能培训", FormulaError("#DIV/0!"), dt.date(2023, 3, 1)]],
    )
    good = folder / "truncated.xlsx"
    write_xlsx(good, [HEADER] + [["r%d" % i, "pk-7d1e9c33a0", "长春市", "就业技能培训", True, dt.date(2023, 3, 1)] for i in range(50)])
    data = good.read_bytes()
    good.write_bytes(data[: len(data) // 2])


def main() -> int:
    if "--check" not in sys.argv:
        write(HERE)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        write(Path(tmp))
        for name in ("formula-error.xlsx", "truncated.xlsx"):
            if (Path(tmp) / name).read_bytes() != (HERE / name).read_bytes():
                print(f"{name} is not what make_workbooks.py writes", file=sys.stderr)
                return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
