"""Griffe extension for the API pages: nasab's ``Example:`` sections are read as examples.

Google-style docstrings in nasab title their doctests ``Example:``; griffe reads only
``Examples:`` as an examples section (code blocks), and would otherwise render the
doctest output as Markdown text. This renames the heading when the docs are built.
"""

from __future__ import annotations

import re
from typing import Any

from griffe import Extension

_HEADING = re.compile(r"^(\s*)Example:\s*$", re.MULTILINE)


class ExampleSections(Extension):
    """Rename ``Example:`` section headings to ``Examples:`` in every docstring."""

    def on_instance(self, *, obj: Any, **kwargs: Any) -> None:
        doc = getattr(obj, "docstring", None)
        if doc is not None and "Example:" in doc.value:
            doc.value = _HEADING.sub(r"\1Examples:", doc.value)
