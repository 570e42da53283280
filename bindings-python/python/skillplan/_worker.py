"""Turns a worker mapping from Python into the JSON text the core reads (dates as ISO)."""

from __future__ import annotations

import datetime
import json
import math
from typing import Any


def _encode(value: Any) -> Any:
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    raise TypeError(f"a worker field of type {type(value).__name__} is not supported; use str, bool, date or lists and dicts of them")


MAX_DEPTH = 128
"""How deep a worker may nest, as the core's limit for JSON text."""


def _check(value: Any, depth: int = 0) -> None:
    """Refuses, as a TypeError (the binding's INVALID_WORKER wrong_type), what JSON cannot hold:
    NaN and infinities, and nesting past MAX_DEPTH (which would exhaust Python's recursion)."""
    if depth > MAX_DEPTH:
        raise TypeError(f"a value nested more than {MAX_DEPTH} levels deep")
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        raise TypeError("NaN and infinite numbers are not accepted")
    if isinstance(value, dict):
        for v in value.values():
            _check(v, depth + 1)
    elif isinstance(value, (list, tuple)):
        for v in value:
            _check(v, depth + 1)


def to_json(worker: Any) -> str:
    _check(worker)
    return json.dumps(worker, default=_encode)
