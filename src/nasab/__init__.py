"""nasab: bilingual (Arabic/English) entity resolution.

Transliterate and normalise names in both scripts, compare names across scripts
and spellings, resolve names into canonical entities and alias tables, and read
documents into a graph of persons, roles and organisations.

The public names below are imported lazily, so ``import nasab`` stays fast.

Example:
    >>> import nasab
    >>> nasab.compare("Mustafa al-Kadhimi", "مصطفى الكاظمي").score >= 0.85
    True
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS = {
    "NasabError": "nasab.errors",
    "InputError": "nasab.errors",
    "DataFileError": "nasab.errors",
    "ExtraMissingError": "nasab.errors",
    "normalize": "nasab.text",
    "detect_script": "nasab.text",
    "clean": "nasab.text",
    "tokenize": "nasab.text",
    "romanize": "nasab.translit",
    "variants": "nasab.translit",
    "arabic_candidates": "nasab.translit",
    "parse_name": "nasab.names",
    "Name": "nasab.names",
    "skeleton": "nasab.names",
    "compare": "nasab.match",
    "compare_many": "nasab.match",
    "Match": "nasab.match",
    "prepare": "nasab.match",
    "PreparedName": "nasab.match",
    "resolve": "nasab.resolution",
    "Resolution": "nasab.resolution",
    "Entity": "nasab.resolution",
    "Record": "nasab.resolution",
    "Judgements": "nasab.resolution",
    "link": "nasab.linking",
    "AliasTable": "nasab.aliases",
    "Document": "nasab.extraction",
    "extract": "nasab.extraction",
    "read_documents": "nasab.extraction",
    "build_graph": "nasab.graph",
    "EntityGraph": "nasab.graph",
}

__all__ = [
    "AliasTable",
    "DataFileError",
    "Document",
    "Entity",
    "EntityGraph",
    "ExtraMissingError",
    "InputError",
    "Judgements",
    "Match",
    "Name",
    "NasabError",
    "PreparedName",
    "Record",
    "Resolution",
    "__version__",
    "arabic_candidates",
    "build_graph",
    "clean",
    "compare",
    "compare_many",
    "detect_script",
    "extract",
    "link",
    "normalize",
    "parse_name",
    "prepare",
    "read_documents",
    "resolve",
    "romanize",
    "skeleton",
    "tokenize",
    "variants",
]

if TYPE_CHECKING:  # pragma: no cover - for type checkers and IDEs only
    from .aliases import AliasTable
    from .errors import DataFileError, ExtraMissingError, InputError, NasabError
    from .extraction import Document, extract, read_documents
    from .graph import EntityGraph, build_graph
    from .linking import link
    from .match import Match, compare, compare_many
    from .names import Name, parse_name, skeleton
    from .resolution import Entity, Judgements, Record, Resolution, resolve
    from .text import clean, detect_script, normalize, tokenize
    from .translit import arabic_candidates, romanize, variants


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'nasab' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
