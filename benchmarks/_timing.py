"""Shared helpers of the benchmark scripts: repeat a call and print median and minimum."""

from __future__ import annotations

import statistics
import time


def timed(fn, repeat: int) -> list[float]:
    """Wall-clock seconds of ``repeat`` calls of ``fn``."""
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def show(name: str, xs: list[float]) -> None:
    print(f"{name:62s} median {statistics.median(xs) * 1000:8.1f} ms   min {min(xs) * 1000:8.1f} ms  (n={len(xs)})")
