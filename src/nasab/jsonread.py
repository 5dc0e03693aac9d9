"""Reading JSON text with line numbers, so that an error names the line and column.

:class:`JsonText` decodes values one at a time from a position in the text; a list is
read as ``(line, item)`` pairs (the line each item starts on), so a caller that checks the
items can say where a bad one is. Malformed JSON raises :class:`nasab.errors.DataFileError`
naming the file, line and column.

Example:
    >>> doc = JsonText('[\\n  {"name": "Ali"},\\n  {"name": "Omar"}\\n]', "names.json")
    >>> doc.top_list("a list of names")
    [(2, {'name': 'Ali'}), (3, {'name': 'Omar'})]
    >>> JsonText('[1,\\n 2 3]', "x.json").top_list("a list")
    Traceback (most recent call last):
    ...
    nasab.errors.DataFileError: x.json, line 2, column 4: malformed JSON: expected ',' or ']'
"""

from __future__ import annotations

import json
from typing import Any

from .errors import DataFileError

__all__ = ["JsonText"]

_SPACE = " \t\r\n"


class JsonText:
    """A JSON text read value by value, with line and column for every position.

    Args:
        text: the whole JSON text.
        path: the file it came from, for error messages.
    """

    def __init__(self, text: str, path: str | None) -> None:
        self.text = text
        self.path = path
        self._decoder = json.JSONDecoder()

    def skip(self, pos: int) -> int:
        """The first position at or after ``pos`` that is not white space."""
        text, n = self.text, len(self.text)
        while pos < n and text[pos] in _SPACE:
            pos += 1
        return pos

    def line_col(self, pos: int) -> tuple[int, int]:
        """1-based line and column of a position."""
        line = self.text.count("\n", 0, pos) + 1
        return line, pos - (self.text.rfind("\n", 0, pos) + 1) + 1

    def fail(self, message: str, pos: int) -> DataFileError:
        """A :class:`DataFileError` at ``pos`` (to raise)."""
        line, col = self.line_col(pos)
        return DataFileError(message, path=self.path, line=line, column=col)

    def value(self, pos: int) -> tuple[Any, int]:
        """The JSON value starting at ``pos`` and the position after it."""
        try:
            return self._decoder.raw_decode(self.text, pos)
        except json.JSONDecodeError as exc:
            raise self.fail(f"malformed JSON: {exc.msg}", exc.pos) from None

    def array(self, pos: int) -> tuple[list[tuple[int, Any]], int]:
        """The items of the list opening at ``pos`` as ``(line, item)``, and the end."""
        items: list[tuple[int, Any]] = []
        pos = self.skip(pos + 1)
        if pos < len(self.text) and self.text[pos] == "]":
            return items, pos + 1
        while True:
            pos = self.skip(pos)
            item, end = self.value(pos)
            items.append((self.line_col(pos)[0], item))
            pos = self.skip(end)
            if pos < len(self.text) and self.text[pos] == ",":
                pos += 1
                continue
            if pos < len(self.text) and self.text[pos] == "]":
                return items, pos + 1
            raise self.fail("malformed JSON: expected ',' or ']'", pos)

    def top_list(self, what: str) -> list[tuple[int, Any]]:
        """The items of a text that is one JSON list, as ``(line, item)``.

        Args:
            what: what the list should hold, for the error when the text is no list.
        """
        pos = self.skip(0)
        if pos >= len(self.text) or self.text[pos] != "[":
            raise self.fail(f"expected {what}", pos)
        items, end = self.array(pos)
        self.end(end, "extra data after the list")
        return items

    def end(self, pos: int, message: str) -> None:
        """Raise ``message`` unless only white space follows ``pos``."""
        if self.skip(pos) != len(self.text):
            raise self.fail(message, self.skip(pos))
