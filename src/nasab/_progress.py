"""Progress bars for long work: tqdm (the ``progress`` extra), only where someone can see them.

Long-running functions (:func:`nasab.resolve`, :func:`nasab.link`,
:func:`nasab.build_graph`) take ``progress``:

* ``None`` (default): a bar when the input is long (by default at least
  :data:`PROGRESS_MIN_ITEMS` items), tqdm is installed, and output goes to a terminal or a Jupyter notebook
  (``tqdm.auto`` then draws the notebook widget); nothing otherwise;
* ``False``: never a bar;
* ``True``: always a bar (:class:`~nasab.errors.ExtraMissingError` without tqdm);
* a callable: called as ``progress(done, total)``, no bar.

Example:
    >>> report = progress_callback(False, "linking", 10_000)
    >>> report is None
    True
    >>> seen = []
    >>> report = progress_callback(lambda d, t: seen.append((d, t)), "linking", 3)
    >>> report(3, 3); seen
    [(3, 3)]
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from .errors import ExtraMissingError, InputError

__all__ = ["PROGRESS_MIN_ITEMS", "Progress", "progress_callback"]

#: Inputs shorter than this get no bar unless ``progress=True``.
PROGRESS_MIN_ITEMS = 500

#: What ``progress`` may be.
Progress = bool | Callable[[int, int], None] | None


def _visible() -> bool:
    """Output goes to a terminal, or this runs in a Jupyter kernel."""
    if "ipykernel" in sys.modules:
        try:
            from IPython import get_ipython  # type: ignore[import-not-found]
        except ImportError:
            return False
        shell = get_ipython()
        return shell is not None and hasattr(shell, "kernel")
    stream = sys.stderr
    return stream is not None and hasattr(stream, "isatty") and stream.isatty()


def _tqdm() -> Any:
    try:
        from tqdm.auto import tqdm
    except ImportError:
        return None
    return tqdm


class _Bar:
    """A callback ``(done, total)`` that draws one tqdm bar, opened on the first call."""

    def __init__(self, tqdm: Any, desc: str) -> None:
        self._tqdm, self._desc, self._bar = tqdm, desc, None

    def __call__(self, done: int, total: int) -> None:
        if self._bar is None:
            self._bar = self._tqdm(total=total, desc=self._desc, unit="", dynamic_ncols=True)
        self._bar.total = total
        self._bar.n = min(done, total)
        self._bar.refresh()
        if done >= total:
            self.close()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None


def progress_callback(
    progress: Progress, desc: str, total: int, *, min_items: int = PROGRESS_MIN_ITEMS
) -> Callable[[int, int], None] | None:
    """The ``(done, total)`` callback for a job of ``total`` items, or None for no report.

    Args:
        progress: ``None`` (automatic), ``False``, ``True`` or a callable (see the module).
        desc: the bar's label.
        total: the number of items the job will report.
        min_items: shorter jobs get no automatic bar (documents are slow, name pairs fast).

    Raises:
        InputError: ``progress`` is none of those.
        ExtraMissingError: ``progress=True`` and tqdm is not installed.
    """
    if progress is False:
        return None
    if callable(progress) and not isinstance(progress, bool):
        return progress
    if progress is not None and progress is not True:
        raise InputError(f"progress must be True, False, None or a callable, got {progress!r}")
    tqdm = _tqdm()
    if progress is True:
        if tqdm is None:
            raise ExtraMissingError("progress bars", "progress", "tqdm")
        return _Bar(tqdm, desc)
    if tqdm is None or total < min_items or not _visible():
        return None
    return _Bar(tqdm, desc)
