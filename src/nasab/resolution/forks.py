"""Work spread over forked worker processes, as :func:`nasab.resolve`'s stages do it.

A stage that forks sets its work (arrays, prepared names, closures) before the fork; each
worker reads it copy-on-write and returns a compact result (numpy arrays, not lists of
Python objects), so only the spans and the results are pickled. A stage forks only with
enough work, two workers or more and a system that forks (:func:`forks`); otherwise it
runs in this process, with the same result.

Example:
    >>> def total(work, span):
    ...     return sum(work[span[0] : span[1]])
    >>> fork_map(total, list(range(10)), 10, 2)
    [10, 35]
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from typing import TypeVar

__all__ = ["fork_map", "forks", "workers"]

T = TypeVar("T")
R = TypeVar("R")

# What forked workers read (:func:`fork_map`): the function and its work, set before the
# fork.
_WORK: list[object] = []


def _run_span(span: tuple[int, int]) -> object:
    fn, work = _WORK
    return fn(work, span)  # type: ignore[operator]


def fork_map(
    fn: Callable[[T, tuple[int, int]], R],
    work: T,
    total: int,
    workers: int,
    *,
    meanwhile: Callable[[tuple[int, int]], R] | None = None,
    spans: int = 1,
    done: Callable[[int], None] | None = None,
) -> list[R]:
    """``fn(work, (lo, hi))`` for ``spans`` contiguous spans a worker of ``range(total)``,
    each in a forked process that reads ``work`` copy-on-write (only the spans and what
    ``fn`` returns are pickled), in the spans' order. ``done(hi)`` is called as each span
    of the workers comes back, in order (progress). With ``meanwhile``, there is one span
    more, the last: ``meanwhile(span)`` runs it in this process while the workers run
    theirs."""
    step = max(1, -(-total // (workers * spans + (meanwhile is not None))))
    cut = [(k, min(total, k + step)) for k in range(0, total, step)]
    theirs = cut if meanwhile is None else cut[:-1]
    _WORK[:] = [fn, work]
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            got = pool.imap(_run_span, theirs)
            last = [] if meanwhile is None else [meanwhile(cut[-1])]
            out = []
            for (_, hi), part in zip(theirs, got, strict=True):
                out.append(part)
                if done is not None:
                    done(hi)
            return [*out, *last]  # type: ignore[list-item]
    finally:
        _WORK.clear()


def forks(total: int, least: int, workers: int) -> bool:
    """Whether ``total`` items of work go to forked worker processes: ``least`` or more
    of them, two workers or more, and a system that forks."""
    return total >= least and workers >= 2 and "fork" in multiprocessing.get_all_start_methods()


def workers() -> int:
    """Worker processes for :func:`nasab.resolve`'s stages that fork (keys, prefilter,
    bounds, scores): the CPUs this process may use, or ``NASAB_WORKERS``."""
    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        n = os.cpu_count() or 1
    env = os.environ.get("NASAB_WORKERS")
    if env and env.isdigit():
        n = int(env)
    return max(1, n)
