"""Crash-safe file writing: every file nasab writes goes through here.

A file is written to a temporary file in the same directory, flushed and fsynced, then
renamed over the target with :func:`os.replace`, which is atomic on POSIX and Windows.
So whatever happens during the write (the process is killed, the disk fills up, Ctrl-C),
the target holds either its previous content or the new content, whole; a reader never
sees a half-written file; and two processes saving the same file at once each replace it
whole: the last one to finish wins, and the file is never a mix of the two. The temporary
file is removed when the write fails; a process killed with SIGKILL may leave one behind,
named ``.<name>.<random>.tmp``, which is never read.

Example:
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> atomic_write(d / "out.tsv", "id\\tname\\n1\\tAli\\n")
    >>> (d / "out.tsv").read_text()
    'id\\tname\\n1\\tAli\\n'
    >>> with atomic_open(d / "out.tsv") as fh:
    ...     _ = fh.write("replaced\\n")
    >>> (d / "out.tsv").read_text()
    'replaced\\n'
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .errors import DataFileError

__all__ = ["atomic_open", "atomic_write"]


@contextlib.contextmanager
def atomic_open(
    path: str | os.PathLike[str],
    mode: str = "w",
    *,
    encoding: str | None = "utf-8",
    what: str | None = None,
) -> Iterator[IO[Any]]:
    """Open a temporary file that replaces ``path`` when the ``with`` block ends normally.

    If the block raises (or the process dies), ``path`` keeps its previous content and the
    temporary file is removed (when the process can still run code).

    Args:
        path: the file to write.
        mode: ``"w"`` (text, newlines written as given) or ``"wb"`` (bytes).
        encoding: the text encoding (ignored for ``"wb"``).
        what: what the file is, for error messages (``"the graph page"``).

    Raises:
        DataFileError: the file cannot be written (directory missing, disk full...).
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"mode must be 'w' or 'wb', not {mode!r}")
    target = Path(path)
    failed = f"cannot write {what}" if what else "cannot write"
    directory = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise DataFileError(f"{failed}: {exc.strerror or exc}", path=str(target)) from None
    try:
        if mode == "wb":
            fh: IO[Any] = os.fdopen(fd, "wb")
        else:
            fh = os.fdopen(fd, "w", encoding=encoding, newline="")
        with fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        _keep_mode(target, tmp)
        os.replace(tmp, target)
        _sync_directory(directory)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise DataFileError(f"cannot write: {exc.strerror or exc}", path=str(target)) from None
        raise


def atomic_write(
    path: str | os.PathLike[str],
    data: str | bytes,
    *,
    encoding: str = "utf-8",
    what: str | None = None,
) -> None:
    """Write ``data`` (text or bytes) to ``path`` atomically (see :func:`atomic_open`).

    Raises:
        DataFileError: the file cannot be written.
    """
    mode = "wb" if isinstance(data, bytes) else "w"
    with atomic_open(path, mode, encoding=encoding, what=what) as fh:
        fh.write(data)


def _keep_mode(target: Path, tmp: str) -> None:
    """Give the new file the permissions of the file it replaces (mkstemp makes it 0600)."""
    try:
        mode = target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    with contextlib.suppress(OSError):
        os.chmod(tmp, mode)


def _sync_directory(directory: Path) -> None:
    """fsync the directory so the rename itself survives a power cut (POSIX only)."""
    if os.name != "posix":  # pragma: no cover - Windows cannot open directories
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
