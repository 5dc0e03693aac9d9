"""Reading documents and splitting them into sentences.

Example:
    >>> docs = read_documents(["Prime Minister Ali al-Tamimi spoke. He left.", "قال الوزير"])
    >>> [(d.id, d.language) for d in docs]
    [('doc0', 'en'), ('doc1', 'ar')]
    >>> [docs[0].text[s:e] for s, e in sentences(docs[0])]
    ['Prime Minister Ali al-Tamimi spoke.', 'He left.']
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Literal, overload

from ..errors import DataFileError, InputError, NasabError
from ..lexicon import word_set
from .model import Document

__all__ = ["detect_language", "read_documents", "sentences"]

_AR_LETTERS = re.compile(
    r"[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdff\ufe70-\ufefc]+"
)
_LATIN_LETTERS = re.compile(r"[A-Za-z\u00c0-\u024f]+")

_TERMINATOR = re.compile(r"[.!?؟]+[\"'”’)\]»]*(?=\s|$)|\n")
_WORD_BEFORE = re.compile(r"([\w.]+)$")


def detect_language(text: str) -> str | None:
    """``en``, ``ar`` or ``mixed`` from the share of Latin and Arabic letters (None: neither).

    A document is ``mixed`` when the minority script holds at least 20% of the letters.

    Example:
        >>> detect_language("The Prime Minister"), detect_language("رئيس الوزراء")
        ('en', 'ar')
        >>> detect_language("Prime Minister رئيس الوزراء"), detect_language("12345")
        ('mixed', None)
    """
    ar = sum(len(m) for m in _AR_LETTERS.findall(text))
    lat = sum(len(m) for m in _LATIN_LETTERS.findall(text))
    if ar == 0 and lat == 0:
        return None
    share = ar / (ar + lat)
    if share >= 0.8:
        return "ar"
    if share <= 0.2:
        return "en"
    return "mixed"


def sentences(doc: Document | str) -> list[tuple[int, int]]:
    """Sentence spans of a document (or a string), as (start, end) character offsets.

    Splits after ``.``, ``!``, ``?`` and ``؟`` followed by a space, and at newlines;
    does not split after abbreviations (``Maj.``, ``Lt.``, ``Dr.``), single initials,
    or dotted acronyms (``U.S.``, ``P.M.``). Spans exclude surrounding whitespace.
    Linear in the length of the text.

    Example:
        >>> text = "Maj. Gen. Ali spoke to U.S. troops. قال الوزير؟ Yes"
        >>> [text[s:e] for s, e in sentences(text)]
        ['Maj. Gen. Ali spoke to U.S. troops.', 'قال الوزير؟', 'Yes']
    """
    text = doc.text if isinstance(doc, Document) else doc
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _TERMINATOR.finditer(text):
        if (
            m.group().startswith(".")
            and not m.group().startswith("..")
            and _is_abbreviation(text, m.start())
        ):
            continue
        _add_span(text, start, m.end(), spans)
        start = m.end()
    _add_span(text, start, len(text), spans)
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    w = _WORD_BEFORE.search(text, max(0, dot - 30), dot)
    if not w:
        return False
    word = w.group(1)
    if "." in word.strip("."):
        return True  # U.S. / P.M. / a.k.a.
    return (len(word) == 1 and word.isupper()) or word.lower() in word_set("abbreviation_en")


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


def _make(doc_id: str, text: str, path: str | None) -> Document:
    if not isinstance(text, str):
        raise InputError(f"document {doc_id!r}: text must be a string, got {type(text).__name__}")
    if not text.strip():
        raise InputError(f"document {doc_id!r} is empty")
    if "\x00" in text:
        raise InputError(f"document {doc_id!r} holds NUL characters (binary data?)")
    lang = detect_language(text)
    if lang is None:
        raise InputError(f"document {doc_id!r} holds no Arabic or Latin letters")
    return Document(doc_id, text, lang, path)  # type: ignore[arg-type]


def _read_file(path: Path) -> Document:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DataFileError(f"cannot read: {exc.strerror or exc}", path=str(path)) from exc
    if b"\x00" in data:
        raise DataFileError("binary file (NUL bytes), not UTF-8 text", path=str(path))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DataFileError(f"not UTF-8 text (byte {exc.start})", path=str(path)) from exc
    try:
        return _make(path.stem, text, str(path))
    except InputError as exc:
        raise DataFileError(str(exc), path=str(path)) from exc


def _looks_like_path(value: str) -> bool:
    return (
        len(value) < 4096 and "\n" not in value and value.strip() == value and os.path.exists(value)
    )


def _expand(sources: Any) -> Iterable[tuple[str, Any]]:
    """Yield ('path', Path) / ('record', mapping) / ('text', str) / ('bad', value)."""
    if isinstance(sources, (str, os.PathLike, Mapping, Document)):
        sources = [sources]
    for src in sources:
        if isinstance(src, Document):
            yield ("doc", src)
        elif isinstance(src, os.PathLike) or (isinstance(src, str) and _looks_like_path(src)):
            p = Path(src)
            if p.is_dir():
                for child in sorted(p.rglob("*")):
                    if child.is_file() and not child.name.startswith("."):
                        yield ("path", child)
            else:
                yield ("path", p)
        elif isinstance(src, Mapping):
            yield ("record", src)
        elif isinstance(src, str):
            yield ("text", src)
        else:
            yield ("bad", src)


@overload
def read_documents(sources: Any, *, errors: Literal["raise"] = "raise") -> list[Document]: ...
@overload
def read_documents(
    sources: Any, *, errors: Literal["skip"]
) -> tuple[list[Document], list[tuple[str, str]]]: ...


def read_documents(
    sources: Any, *, errors: Literal["raise", "skip"] = "raise"
) -> list[Document] | tuple[list[Document], list[tuple[str, str]]]:
    """Read documents from texts, files, directories or records.

    Args:
        sources: one source or an iterable of them: a text string, a path (str or
            ``Path``) to a UTF-8 plain-text file (one document a file, id = file stem),
            a directory (its files, recursively, in name order), a record (mapping with
            ``id`` and ``text``, optionally ``path``) or a :class:`Document`.
        errors: ``raise`` (default) stops at the first unusable source; ``skip``
            leaves it out and reports it.

    Returns:
        With ``errors="raise"`` the documents; with ``errors="skip"`` a pair
        ``(documents, problems)`` where problems lists ``(source, message)``.

    Raises:
        NasabError: (``errors="raise"``) a binary or undecodable file (named), an empty
            document, one with neither Arabic nor Latin letters, a record without text.

    Example:
        >>> docs, problems = read_documents(["قال الوزير", "12345"], errors="skip")
        >>> [d.id for d in docs], problems
        (['doc0'], [('doc1', "document 'doc1' holds no Arabic or Latin letters")])
    """
    if errors not in ("raise", "skip"):
        raise InputError(f"errors must be 'raise' or 'skip', got {errors!r}")
    docs: list[Document] = []
    problems: list[tuple[str, str]] = []
    seen: dict[str, int] = {}
    n = 0
    for kind, value in _expand(sources):
        label = f"doc{n}"
        try:
            if kind == "doc":
                doc = value
            elif kind == "path":
                label = str(value)
                doc = _read_file(value)
            elif kind == "record":
                rid = value.get("id")
                label = str(rid) if rid is not None else label
                if "text" not in value:
                    raise InputError(f"record {label!r} has no 'text'")
                doc = _make(label, value["text"], value.get("path"))
            elif kind == "text":
                doc = _make(label, value, None)
            else:
                raise InputError(f"cannot read a document from {type(value).__name__}")
        except NasabError as exc:
            n += 1
            if errors == "raise":
                raise
            problems.append((label, str(exc)))
            continue
        n += 1
        if doc.id in seen:  # keep ids unique: a.txt in two folders
            seen[doc.id] += 1
            doc = Document(f"{doc.id}#{seen[doc.id]}", doc.text, doc.language, doc.path)
        else:
            seen[doc.id] = 0
        docs.append(doc)
    return (docs, problems) if errors == "skip" else docs
