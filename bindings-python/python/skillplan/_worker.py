"""Turns a worker mapping from Python into the JSON text the core reads (dates as ISO)."""

from __future__ import annotations

import datetime
import json
from typing import Any


def _encode(value: Any) -> Any:
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    raise TypeError(f"a worker field of type {type(value).__name__} is not supported; use str, bool, date or lists and dicts of them")


def to_json(worker: Any) -> str:
    return json.dumps(worker, default=_encode)
