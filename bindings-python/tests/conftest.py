"""Shared by the suites. When SKILLPLAN_INSTALLED names a folder (./scripts/test-packages.sh:
a fresh venv with the wheel; ./scripts/test-aarch64.sh: the unpacked aarch64 wheel), they must
run against the package installed there, not against the source tree: a session that would
import skillplan from anywhere else stops here."""

from __future__ import annotations

import os
from pathlib import Path

import skillplan

_installed = os.environ.get("SKILLPLAN_INSTALLED")
if _installed:
    _where = Path(skillplan.__file__).resolve()
    if Path(_installed).resolve() not in _where.parents:
        raise RuntimeError(f"skillplan was imported from {_where}, not from {_installed}")
