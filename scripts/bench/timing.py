"""Timing helpers the benchmark scripts share: the median of repeated calls, and the peak RSS of
a command in a fresh process."""

from __future__ import annotations

import statistics
import subprocess
import time
from typing import Any, Callable


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """The median seconds of `repeat` calls of `fn`, and the last call's result."""
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), result


def peak_rss_kib(args: list[str]) -> int:
    """The peak resident set size of running `args`, in KiB (`/usr/bin/time -f %M`)."""
    out = subprocess.run(["/usr/bin/time", "-f", "%M", *args], capture_output=True, text=True, check=True)
    return int(out.stderr.strip().splitlines()[-1])
