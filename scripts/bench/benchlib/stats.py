"""Summaries of repeated measurements: median with min and max, nearest-rank percentiles."""

import math


def percentile(samples, p):
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(p / 100.0 * len(ordered)))
    return ordered[rank - 1]


def median(samples):
    ordered = sorted(samples)
    n = len(ordered)
    mid = n // 2
    return ordered[mid] if n % 2 else (ordered[mid - 1] + ordered[mid]) / 2.0


def summary(samples):
    """{median, min, max, n, samples} or None when nothing was measured."""
    if not samples:
        return None
    return {
        "median": median(samples),
        "min": min(samples),
        "max": max(samples),
        "n": len(samples),
        "samples": list(samples),
    }


def ratio(a, b):
    """a / b for two summaries' medians; None when either is missing or b is not positive
    (an overhead lost in noise has no meaningful ratio)."""
    if a is None or b is None or b["median"] <= 0:
        return None
    return a["median"] / b["median"]
