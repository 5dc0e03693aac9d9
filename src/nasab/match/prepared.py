"""Prepared names: a name analysed once for many comparisons.

:func:`prepare` parses a name and interns each of its tokens in a
:class:`~nasab.match.tokens.TokenTable`; the :class:`PreparedName` keeps the parse and the
token ids, so comparing it again costs no parsing and no token features.

Example:
    >>> p = prepare("Mustafa al-Kadhimi")
    >>> [t.text for t in p.name.tokens], len(p.ids)
    (['mustafa', 'kadhimi'], 2)
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from ..names.parse import NAME_TEXT_SEPARATOR, Name, name_from_text, name_text, parse_name
from ..text import normalize
from .result import check_name
from .tokens import TokenTable, default_table

__all__ = ["PreparedName", "prepare", "prepared_from_text", "prepared_text", "token_similarity"]


@dataclass(frozen=True, slots=True)
class PreparedName:
    """A name analysed once: its parse and the ids of its tokens in a token table.

    Attributes:
        raw: the input string.
        norm: the normalised input (two names equal after normalisation score 1).
        name: the parsed :class:`~nasab.names.Name`.
        ids: token-table ids of ``name.tokens``.
        kunya_ids: token-table ids of ``name.kunya``.
        table: the :class:`~nasab.match.tokens.TokenTable` the ids belong to.
    """

    raw: str
    norm: str
    name: Name
    ids: tuple[int, ...]
    kunya_ids: tuple[int, ...]
    table: TokenTable = field(repr=False, compare=False)


_SLOTS = tuple(PreparedName.__dict__[f.name].__set__ for f in fields(PreparedName))


def _prepared(
    raw: str,
    norm: str,
    name: Name,
    ids: tuple[int, ...],
    kunya_ids: tuple[int, ...],
    table: TokenTable,
) -> PreparedName:
    """``PreparedName(raw, norm, name, ids, kunya_ids, table)``, the same object at half
    the cost: a frozen class's ``__init__`` sets each field through ``object.__setattr__``,
    this sets the slots directly."""
    p = object.__new__(PreparedName)
    s_raw, s_norm, s_name, s_ids, s_kunya_ids, s_table = _SLOTS
    s_raw(p, raw)
    s_norm(p, norm)
    s_name(p, name)
    s_ids(p, ids)
    s_kunya_ids(p, kunya_ids)
    s_table(p, table)
    return p


def prepare(name: str | PreparedName, table: TokenTable | None = None) -> PreparedName:
    """Analyse a name once for many comparisons.

    Args:
        name: a personal name (or a name already prepared, returned as is when it
            belongs to ``table``).
        table: the token table to intern into (default: the process-wide one).

    Returns:
        The :class:`PreparedName`.

    Raises:
        InputError: ``name`` is not a string, is empty or too long.

    Example:
        >>> prepare("مصطفى الكاظمي").name.tokens[1].role
        'family'
    """
    table = table if table is not None else default_table()
    if isinstance(name, PreparedName):
        if name.table is table:
            return name
        name = name.raw
    check_name(name, "name")
    return _interned(name, normalize(name), parse_name(name), table)


def _interned(raw: str, norm: str, n: Name, table: TokenTable) -> PreparedName:
    """The prepared name of a parse: its tokens interned in ``table``."""
    intern = table.intern
    return _prepared(
        raw,
        norm,
        n,
        tuple([intern(t.text, t.article, t.key, t.fold, t.script == "arabic") for t in n.tokens]),
        tuple([intern(t.text, t.article, t.key, t.fold, t.script == "arabic") for t in n.kunya])
        if n.kunya
        else (),
        table,
    )


def prepared_text(p: PreparedName) -> str | None:
    """What :func:`prepare` works out for a name, as one string: the normalised text and
    the parse (:func:`~nasab.names.parse.name_text`), not the token ids, which belong to
    one process's token table. Another process reads it back with
    :func:`prepared_from_text` without parsing (a Spark worker gets it with the name). None
    when the parse has no text form.

    Example:
        >>> prepared_text(prepare("Tahsin al-Zubaidi")).split("\\x1f")[:3]
        ['tahsin al zubaidi', 'latin', '0']
    """
    parse = name_text(p.name)
    if parse is None or NAME_TEXT_SEPARATOR in p.norm:
        return None
    return p.norm + NAME_TEXT_SEPARATOR + parse


def prepared_from_text(raw: str, text: str, table: TokenTable | None = None) -> PreparedName:
    """``prepare(raw, table)`` from :func:`prepared_text`'s string of ``raw``: the same
    parse and normalised text, its tokens interned in ``table`` (default: the
    process-wide one), without parsing.

    Example:
        >>> p = prepare("تحسين الزبيدي")
        >>> q = prepared_from_text(p.raw, prepared_text(p))
        >>> (q.norm, q.name, q.ids) == (p.norm, p.name, p.ids)
        True
    """
    norm, _, parse = text.partition(NAME_TEXT_SEPARATOR)
    table = table if table is not None else default_table()
    return _interned(raw, norm, name_from_text(raw, parse), table)


def token_similarity(a: str, b: str) -> float:
    """Similarity in [0, 1] of two single name tokens in any scripts.

    Example:
        >>> token_similarity("Kazemi", "الكاظمي") > 0.85
        True
    """
    pa, pb = prepare(a), prepare(b)
    if not pa.ids or not pb.ids:
        return 0.0
    return pa.table.similarity(pa.ids[0], pb.ids[0])
