"""The one exception hierarchy of nasab.

Every error nasab raises on purpose is a :class:`NasabError`. It subclasses
:class:`ValueError` so that code which already guards against bad values keeps
working.

Example:
    >>> from nasab.errors import NasabError, InputError
    >>> issubclass(InputError, NasabError) and issubclass(NasabError, ValueError)
    True
"""

from __future__ import annotations

__all__ = [
    "DataFileError",
    "ExtraMissingError",
    "InputError",
    "NasabError",
]


class NasabError(ValueError):
    """Root of every error nasab raises on purpose."""


class InputError(NasabError):
    """A value passed by the caller is not usable (None, wrong type, empty...)."""


class DataFileError(NasabError):
    """A file could not be read or written; the message names file, line and column.

    Attributes:
        path: the file concerned, if any.
        line: 1-based line number, if known.
        column: the column name or 1-based index, if known.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: str | int | None = None,
    ) -> None:
        self.path = path
        self.line = line
        self.column = column
        where = []
        if path is not None:
            where.append(str(path))
        if line is not None:
            where.append(f"line {line}")
        if column is not None:
            where.append(f"column {column}")
        super().__init__(f"{', '.join(where)}: {message}" if where else message)


class ExtraMissingError(NasabError, ImportError):
    """An optional component is used but its extra is not installed."""

    def __init__(self, component: str, extra: str, package: str) -> None:
        self.component = component
        self.extra = extra
        self.package = package
        super().__init__(
            f"{component} needs the optional package {package!r}; "
            f"install it with: pip install 'nasab[{extra}]'"
        )
